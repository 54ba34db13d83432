"""Reporters of ``aip tco``: text, markdown, json."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable

from rich.cells import cell_len

from aiportfolio.analysis.tco import PortfolioTco, Tco, TcoTotals
from aiportfolio.i18n import Translator
from aiportfolio.model.common import COST_FAMILIES
from aiportfolio.report.kit.escape import md_cell
from aiportfolio.report.kit.lists import clip_text
from aiportfolio.report.kit.numbers import num
from aiportfolio.report.kit.reporter import PLAIN, Options, Reporter
from aiportfolio.report.kit.steering import eur, md_table, pct, text_table

TO_COMPLETE_SHOWN = 20
"""Budgets to complete listed one per line; beyond, a count (json lists them all)."""


def payback(item: Tco, t: Translator) -> str:
    if not item.has_costs:
        return t("budget.costs_missing")
    if item.payback_month is not None:
        return t("tco.payback.month", n=item.payback_month)
    if item.expected_gain is None or item.expected_gain <= 0:
        return t("tco.payback.no_gain")
    return t.n("tco.payback.never", item.horizon_months, n=item.horizon_months)


def _wave(wave: int | None, t: Translator) -> str:
    return t("steer.no_wave") if wave is None else t("steer.wave", id=wave)


def _item_row(item: Tco, t: Translator, cell: Callable[[object], str]) -> list[str]:
    lang = t.lang
    uc = item.usecase
    return [
        uc.id,
        cell(uc.title),
        t(f"label.category.{uc.category}"),
        t.n("tco.months", item.horizon_months, n=item.horizon_months),
        eur(item.total, lang) if item.has_costs else t("budget.costs_missing"),
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


def _totals_row(name: str, tot: TcoTotals, t: Translator) -> list[str]:
    lang = t.lang
    roi = pct(tot.roi, lang) if tot.coverage.enough else t("budget.not_enough")
    return [
        name,
        str(tot.count),
        eur(tot.total, lang),
        pct(tot.non_vendor_share, lang),
        eur(tot.gain, lang),
        roi,
    ]


def coverage_line(tot: TcoTotals, t: Translator) -> str:
    """What a portfolio total rests on, and whether it gives a verdict."""
    cover = tot.coverage
    line = t.n(
        "budget.rests_on",
        cover.total,
        costed=cover.costed,
        total=cover.total,
        share=pct(cover.ratio, t.lang),
    )
    if not cover.enough:
        line += " " + t("budget.not_enough.why", threshold=pct(cover.min_coverage / 100, t.lang))
    return line


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
    limit: int | None = None,
) -> list[str]:
    lang = t.lang
    parts = [heading(t("tco.title")), t("tco.intro") + "\n"]
    listed = result.items if limit is None else result.items[:limit]
    parts.append(table(_item_headers(t), [_item_row(i, t, cell) for i in listed]))
    if len(listed) < len(result.items):
        left = len(result.items) - len(listed)
        parts.append(t.n("tco.more", left, count=num(left, lang), shown=len(listed)) + "\n")
    if len(result.items) == 1:
        item = result.items[0]
        parts.append(heading(t("tco.detail.costs")))
        rows = _family_rows(item, t)
        parts.append(table(_family_headers(t), rows) if rows else t("tco.no_cost") + "\n")
    missing = result.costs_missing
    if missing:
        parts.append(heading(t("budget.to_complete")))
        shown = missing[:TO_COMPLETE_SHOWN]
        text = "".join(f"- {i.usecase.id} {cell(i.usecase.title)}\n" for i in shown)
        if len(missing) > len(shown):
            text += t("budget.to_complete.more", count=len(missing) - len(shown)) + "\n"
        parts.append(text)
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
            _totals_row(t(f"label.categories.{cat}"), tot, t)
            for cat, tot in result.by_category.items()
        ]
        rows.append(_totals_row(t("tco.total"), result.overall, t))
        parts.append(table(_totals_headers(t("steer.col.category"), t), rows))
        parts.append(coverage_line(result.overall, t) + "\n")
        parts.append(heading(t("tco.by_wave")))
        rows = [_totals_row(_wave(w, t), tot, t) for w, tot in result.by_wave.items()]
        parts.append(table(_totals_headers(t("agenda.col.wave"), t), rows))
        if result.overall.gain_missing:
            parts.append(t.n("tco.gain_missing", result.overall.gain_missing) + "\n")
    return parts


TEXT_WIDTH = 100
"""Terminal width the text report fits when none is given."""
TEXT_LIMIT = 50
"""Use cases the text report lists unless --limit or --all."""
MIN_TITLE = 16
_DROPPABLE = (2, 5, 3)
"""Columns given up, in this order, when clipping titles is not enough: category, share not
vendor, horizon."""


def fitted_table(width: int, flexible: str) -> Callable[[list[str], list[list[str]]], str]:
    """``text_table`` whose column headed ``flexible`` (the use case) is clipped so that a
    line fits ``width`` columns, less useful columns dropped when that is not enough.
    Tables without that column are drawn as they are."""

    def draw(headers: list[str], rows: list[list[str]]) -> str:
        if len(headers) < 2 or headers[1] != flexible or not rows:
            return text_table(headers, rows)
        keep = list(range(len(headers)))
        every = [headers, *rows]
        natural = {c: max(cell_len(r[c]) for r in every) for c in keep}

        def total(title: int) -> int:
            return sum(title if c == 1 else natural[c] for c in keep) + 2 * (len(keep) - 1)

        title = natural[1]
        for column in (None, *_DROPPABLE):
            if column is not None:
                keep.remove(column)
            title = max(MIN_TITLE, min(natural[1], natural[1] - (total(natural[1]) - width)))
            if total(title) <= width:
                break
        clipped = [[clip_text(r[c], title) if c == 1 else r[c] for c in keep] for r in rows]
        return text_table([headers[c] for c in keep], clipped)

    return draw


def format_text(result: PortfolioTco, t: Translator, options: Options = PLAIN) -> str:
    """The report for a terminal: fits the terminal's width (``TEXT_WIDTH`` without one;
    titles clipped, then the least useful columns dropped); with several use cases the
    portfolio totals come first and at most ``options.limit`` use cases are listed (None:
    all)."""
    width, limit = options.width(TEXT_WIDTH), options.limit
    parts = _sections(
        result,
        t,
        fitted_table(width, t("steer.col.usecase")),
        lambda text: clip_text(str(text), width // 2),
        lambda title: f"{title}\n{'=' * len(title)}\n",
        limit,
    )
    parts = [
        part if "\n" in part.rstrip("\n") else textwrap.fill(part.strip(), width) + "\n"
        for part in parts
    ]
    if len(result.items) > 1:
        overall = result.overall
        summary = t.n(
            "tco.summary",
            overall.count,
            count=num(overall.count, t.lang),
            tco=eur(overall.total, t.lang),
            gain=eur(overall.gain, t.lang),
            roi=pct(overall.roi, t.lang),
        )
        parts.insert(1, textwrap.fill(summary, width) + "\n")
    return "\n".join(parts)


def format_markdown(result: PortfolioTco, t: Translator, options: Options = PLAIN) -> str:
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
        "cost_coverage": {
            "costed": tot.coverage.costed,
            "total": tot.coverage.total,
            "ratio": tot.coverage.ratio,
            "enough": tot.coverage.enough,
            "min_coverage": tot.coverage.min_coverage,
        },
    }


def format_json(result: PortfolioTco, t: Translator, options: Options = PLAIN) -> str:
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
                "costs_missing": not i.has_costs,
            }
            for i in result.items
        ],
        "by_category": {k: _totals_json(v) for k, v in result.by_category.items()},
        "by_wave": {
            ("none" if k is None else str(k)): _totals_json(v) for k, v in result.by_wave.items()
        },
        "total": _totals_json(result.overall),
        "budgets_to_complete": [i.usecase.id for i in result.costs_missing],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


REPORTERS: dict[str, Reporter[PortfolioTco]] = {
    "table": format_text,
    "md": format_markdown,
    "json": format_json,
}
