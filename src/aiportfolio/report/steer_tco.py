"""Reporters of ``aip tco``: text, markdown, json."""

from __future__ import annotations

import json
from collections.abc import Callable

from aiportfolio.engine.finance import PortfolioTco, Tco, TcoTotals
from aiportfolio.i18n import Translator
from aiportfolio.model.common import COST_FAMILIES
from aiportfolio.report import formats
from aiportfolio.report.escape import md_cell
from aiportfolio.report.steer_format import eur, md_table, pct, text_table


def payback(item: Tco, t: Translator) -> str:
    if item.payback_month is not None:
        return t("tco.payback.month", n=item.payback_month)
    if item.expected_gain is None or item.expected_gain <= 0:
        return t("tco.payback.no_gain")
    return t("tco.payback.never", n=item.horizon_months)


def _wave(wave: int | None, t: Translator) -> str:
    return t("steer.no_wave") if wave is None else t("steer.wave", id=wave)


def _item_row(item: Tco, t: Translator, cell: Callable[[object], str]) -> list[str]:
    lang = t.lang
    uc = item.usecase
    return [
        uc.id,
        cell(uc.title),
        t(f"label.category.{uc.category}"),
        t("tco.months", n=item.horizon_months),
        eur(item.total, lang),
        pct(item.non_vendor_share, lang),
        eur(item.expected_gain, lang),
        pct(item.roi, lang),
        payback(item, t) + (" ⚠" if item.model_cost_only else ""),
    ]


def _item_headers(t: Translator) -> list[str]:
    return [
        "ID",
        t("steer.col.usecase"),
        t("steer.col.category"),
        t("tco.col.horizon"),
        t("tco.col.tco"),
        t("tco.col.non_vendor"),
        t("tco.col.gain"),
        t("tco.col.roi"),
        t("tco.col.payback"),
    ]


def _totals_headers(first: str, t: Translator) -> list[str]:
    return [
        first,
        t("tco.col.count"),
        t("tco.col.tco"),
        t("tco.col.non_vendor"),
        t("tco.col.gain"),
        t("tco.col.roi"),
    ]


def _totals_row(name: str, tot: TcoTotals, lang: str) -> list[str]:
    return [
        name,
        str(tot.count),
        eur(tot.total, lang),
        pct(tot.non_vendor_share, lang),
        eur(tot.gain, lang),
        pct(tot.roi, lang),
    ]


def _family_rows(item: Tco, t: Translator) -> list[list[str]]:
    rows = []
    for family in COST_FAMILIES:
        one_off = item.one_off_by_family.get(family, 0.0)
        monthly = item.monthly_by_family.get(family, 0.0)
        if one_off or monthly:
            rows.append(
                [
                    t(f"label.cost.{family}"),
                    eur(one_off, t.lang),
                    eur(monthly, t.lang),
                    eur(item.by_family.get(family, 0.0), t.lang),
                ]
            )
    return rows


def _family_headers(t: Translator) -> list[str]:
    return [t("tco.col.family"), t("tco.col.one_off"), t("tco.col.monthly"), t("tco.col.over")]


def _sections(
    result: PortfolioTco,
    t: Translator,
    table: Callable[[list[str], list[list[str]]], str],
    cell: Callable[[object], str],
    heading: Callable[[str], str],
) -> list[str]:
    lang = t.lang
    parts = [heading(t("tco.title")), t("tco.intro") + "\n"]
    parts.append(table(_item_headers(t), [_item_row(i, t, cell) for i in result.items]))
    if len(result.items) == 1:
        item = result.items[0]
        parts.append(heading(t("tco.detail.costs")))
        rows = _family_rows(item, t)
        parts.append(table(_family_headers(t), rows) if rows else t("tco.no_cost") + "\n")
    flagged = result.model_cost_only
    if flagged:
        parts.append(heading(t("tco.flags")))
        parts.append(
            "".join(
                f"- ⚠ {i.usecase.id} {cell(i.usecase.title)}: {t('tco.model_only')}\n"
                for i in flagged
            )
        )
    if len(result.items) > 1:
        parts.append(heading(t("tco.by_category")))
        rows = [
            _totals_row(t(f"label.categories.{cat}"), tot, lang)
            for cat, tot in result.by_category.items()
        ]
        rows.append(_totals_row(t("tco.total"), result.overall, lang))
        parts.append(table(_totals_headers(t("steer.col.category"), t), rows))
        parts.append(heading(t("tco.by_wave")))
        rows = [_totals_row(_wave(w, t), tot, lang) for w, tot in result.by_wave.items()]
        parts.append(table(_totals_headers(t("agenda.col.wave"), t), rows))
        if result.overall.gain_missing:
            parts.append(t("tco.gain_missing", count=result.overall.gain_missing) + "\n")
    return parts


def format_text(result: PortfolioTco, t: Translator) -> str:
    return "\n".join(
        _sections(result, t, text_table, str, lambda title: f"{title}\n{'=' * len(title)}\n")
    )


def format_markdown(result: PortfolioTco, t: Translator) -> str:
    return "\n".join(_sections(result, t, md_table, md_cell, lambda title: f"## {title}\n"))


def _totals_json(tot: TcoTotals) -> dict[str, object]:
    return {
        "count": tot.count,
        "tco_eur": tot.total,
        "non_vendor_share": tot.non_vendor_share,
        "gain_eur": tot.gain,
        "gain_missing": tot.gain_missing,
        "roi": tot.roi,
        "model_cost_only": tot.model_cost_only,
    }


def format_json(result: PortfolioTco, t: Translator) -> str:
    payload = {
        "usecases": [
            {
                "id": i.usecase.id,
                "title": i.usecase.title,
                "category": i.usecase.category,
                "wave": i.usecase.plan.wave,
                "horizon_months": i.horizon_months,
                "one_off_eur": i.one_off,
                "monthly_eur": i.monthly,
                "tco_eur": i.total,
                "by_family_eur": i.by_family,
                "non_vendor_share": i.non_vendor_share,
                "expected_gain_eur": i.expected_gain,
                "roi": i.roi,
                "payback_month": i.payback_month,
                "model_cost_only": i.model_cost_only,
            }
            for i in result.items
        ],
        "by_category": {k: _totals_json(v) for k, v in result.by_category.items()},
        "by_wave": {
            ("none" if k is None else str(k)): _totals_json(v) for k, v in result.by_wave.items()
        },
        "total": _totals_json(result.overall),
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


REPORTERS: dict[str, Callable[[PortfolioTco, Translator], str]] = {
    "table": format_text,
    "md": format_markdown,
    "json": format_json,
}
formats.checked(formats.STEER, REPORTERS)
