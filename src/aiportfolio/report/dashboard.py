"""Reporters of ``aip dashboard``: text, markdown (template ``dashboard.md.j2``), json; and
the template helpers shared with the agenda packs."""

from __future__ import annotations

import json
from typing import Any

from aiportfolio.analysis.dashboard import DashboardResult, Indicator
from aiportfolio.domain.kpis import KpiStatus
from aiportfolio.i18n import Translator
from aiportfolio.report.kit.reporter import PLAIN, Options, Reporter
from aiportfolio.report.kit.steering import eur, message, pct, text_table, value


def indicator_value(i: Indicator, t: Translator) -> str:
    if i.kind == "eur":
        return t("dashboard.per_month", amount=eur(i.value, t.lang))
    if i.kind == "count":
        shown = "—" if i.value is None else f"{i.value:g}"
        return f"{shown} ({t('dashboard.n', den=i.denominator or 0)})"
    shown = pct(i.value, t.lang)
    if i.numerator is not None and i.denominator:
        return f"{shown} ({t('dashboard.of', num=f'{i.numerator:g}', den=i.denominator)})"
    if i.denominator is not None:
        return f"{shown} ({t('dashboard.n', den=i.denominator)})"
    return shown


def freshness(s: KpiStatus, t: Translator) -> str:
    if s.age_days is None:
        return t("dashboard.never")
    age = t("dashboard.age", days=s.age_days)
    return f"{age} {t('dashboard.stale')}" if s.stale else age


def latest(s: KpiStatus, t: Translator) -> str:
    if s.latest is None:
        return "—"
    return f"{value(s.latest.value, t.lang)} ({s.latest.date.isoformat()})"


def trend(s: KpiStatus, t: Translator) -> str:
    return t(f"steer.trend.{s.trend or 'none'}")


def helpers(t: Translator) -> dict[str, Any]:
    """Functions the steering templates call (formatting stays out of the templates)."""
    lang = t.lang
    return {
        "eur": lambda v: eur(v, lang),
        "pct": lambda v: pct(v, lang),
        "num": lambda v: value(v, lang),
        "msg": lambda r: message(t, r.key, r.params),
        "indicator": lambda i: indicator_value(i, t),
        "freshness": lambda s: freshness(s, t),
        "latest": lambda s: latest(s, t),
        "trend": lambda s: trend(s, t),
    }


def _kpi_row(s: KpiStatus, t: Translator) -> list[str]:
    lang = t.lang
    unit = f" ({s.kpi.unit})" if s.kpi.unit else ""
    return [
        t(f"label.kpi_level.{s.level}"),
        s.kpi.name + unit + (" ★" if s.kpi.north_star else ""),
        value(s.kpi.baseline, lang),
        latest(s, t),
        value(s.kpi.target, lang),
        pct(s.progress, lang),
        f"{s.sparkline} {trend(s, t)}".strip(),
        freshness(s, t),
    ]


def kpi_headers(t: Translator) -> list[str]:
    return [
        t("dashboard.col.level"),
        t("dashboard.col.kpi"),
        t("dashboard.col.baseline"),
        t("dashboard.col.latest"),
        t("dashboard.col.target"),
        t("dashboard.col.progress"),
        t("dashboard.col.trend"),
        "",
        t("dashboard.col.freshness"),
    ]


def format_text(result: DashboardResult, t: Translator, options: Options = PLAIN) -> str:
    """The dashboard for a terminal; with a terminal in ``options``, every table fits its
    width."""
    width = options.terminal.width if options.terminal is not None else None
    title = t("dashboard.title")
    parts = [
        f"{title}\n{'=' * len(title)}\n"
        + t.n(
            "dashboard.asof",
            result.cadence_days,
            date=result.today.isoformat(),
            days=result.cadence_days,
        )
        + "\n"
    ]
    head = t("dashboard.portfolio")
    rows = [
        [t(f"label.kpi_level.{i.level}"), t(f"dashboard.ind.{i.id}"), indicator_value(i, t)]
        for i in result.indicators
    ]
    parts.append(
        f"{head}\n{'-' * len(head)}\n"
        + text_table(
            [t("dashboard.col.level"), t("dashboard.col.indicator"), t("dashboard.col.value")],
            rows,
            width,
        )
    )
    if not result.usecases:
        parts.append(t("dashboard.none") + "\n")
    for board in result.usecases:
        uc = board.usecase
        owner = uc.owner.name if uc.owner else t("steer.no_owner")
        heading = f"{uc.id} {uc.title} ({t(f'label.status.{uc.status}')}, {owner})"
        if board.gate_rules:
            heading += " ⛔ " + t("gate.mark.rules", rules=", ".join(board.gate_rules))
        parts.append(
            f"{heading}\n"
            + text_table(
                [h for h in kpi_headers(t) if h],  # the sparkline shares the trend column
                [_kpi_row(s, t) for s in board.kpis],
                width,
            )
        )
    return "\n".join(parts)


def format_markdown(result: DashboardResult, t: Translator, options: Options = PLAIN) -> str:
    """The dashboard in Markdown, from ``dashboard.md.j2`` (the register's own copy under
    ``options.root`` wins)."""
    from aiportfolio.report.kit.templating import render

    stars = [
        (b.usecase.id, round(100 * b.north_star.progress))
        for b in result.usecases
        if b.north_star is not None and b.north_star.progress is not None
    ]
    return render(
        "dashboard.md.j2",
        options.root,
        t.lang,
        d=result,
        stars=stars,
        **helpers(t),
    )


def format_json(result: DashboardResult, t: Translator, options: Options = PLAIN) -> str:
    def kpi(s: KpiStatus) -> dict[str, object]:
        return {
            "name": s.kpi.name,
            "level": s.level,
            "unit": s.kpi.unit,
            "north_star": s.kpi.north_star,
            "lower_is_better": s.kpi.lower_is_better,
            "baseline": s.kpi.baseline,
            "target": s.kpi.target,
            "latest": s.latest.value if s.latest else None,
            "latest_date": s.latest.date.isoformat() if s.latest else None,
            "progress": s.progress,
            "trend": s.trend,
            "age_days": s.age_days,
            "stale": s.stale,
        }

    payload = {
        "date": result.today.isoformat(),
        "cadence_days": result.cadence_days,
        "indicators": [
            {
                "id": i.id,
                "level": i.level,
                "kind": i.kind,
                "value": i.value,
                "numerator": i.numerator,
                "denominator": i.denominator,
                "definition": t(f"dashboard.ind.{i.id}.def"),
            }
            for i in result.indicators
        ],
        "usecases": [
            {
                "id": b.usecase.id,
                "status": b.usecase.status,
                "gate": list(b.gate_rules),
                "kpis": [kpi(s) for s in b.kpis],
            }
            for b in result.usecases
        ],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


REPORTERS: dict[str, Reporter[DashboardResult]] = {
    "table": format_text,
    "md": format_markdown,
    "json": format_json,
}
