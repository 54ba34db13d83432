"""The TCO page: portfolio totals, the charts by category and of the largest entries,
and every entry's costs and payback."""

from __future__ import annotations

from typing import Any

from aiportfolio.analysis.report import ReportData
from aiportfolio.i18n import Translator
from aiportfolio.report.site import charts
from aiportfolio.report.site.common import TOP_TCO, Chart, Formats, entry_link
from aiportfolio.report.tco import payback


def tco_context(data: ReportData, t: Translator) -> dict[str, Any]:
    f = Formats(t)
    tco_label, gain_label = t("tco.col.tco"), t("tco.col.gain")
    cat_rows = []
    for cat, tot in data.tco.by_category.items():
        for measure, amount in ((tco_label, tot.total), (gain_label, tot.gain)):
            cat_rows.append(
                {
                    "item": f.category(cat),
                    "measure": measure,
                    "amount": amount,
                    "desc": t(
                        "report.chart.figure",
                        item=f.category(cat),
                        measure=measure,
                        value=f.eur(amount),
                    ),
                }
            )
    biggest = sorted(data.tco.items, key=lambda i: (-i.total, i.usecase.id))[:TOP_TCO]
    top_rows = []
    for item in biggest:
        name = f"{item.usecase.id} {item.usecase.title}"
        for measure, amount in ((tco_label, item.total), (gain_label, item.expected_gain or 0.0)):
            top_rows.append(
                {
                    "item": name,
                    "measure": measure,
                    "amount": amount,
                    "desc": t(
                        "report.tco.top_desc",
                        item=name,
                        measure=measure,
                        amount=f.eur(amount),
                        payback=payback(item, t),
                    ),
                }
            )
    axis = t("report.tco.axis")
    overall = data.tco.overall
    return {
        "overall": [
            (t("tco.col.tco"), f.eur(overall.total)),
            (t("tco.col.non_vendor"), f.eur(overall.non_vendor)),
            (t("tco.col.gain"), f.eur(overall.gain)),
            (t("tco.col.roi"), f.pct(overall.roi)),
        ],
        "gain_missing": t.n("tco.gain_missing", overall.gain_missing)
        if overall.gain_missing
        else None,
        "by_category": Chart(charts.money_bars_spec(cat_rows, axis, t("report.tco.chart.category")))
        if cat_rows
        else None,
        "top": Chart(charts.money_bars_spec(top_rows, axis, t("report.tco.chart.top")))
        if top_rows
        else None,
        "top_count": len(biggest),
        "rows": [
            {
                **entry_link(i.usecase),
                "horizon": t.n("tco.months", i.horizon_months, n=i.horizon_months),
                "one_off": f.eur(i.one_off),
                "monthly": f.eur(i.monthly),
                "tco": f.eur(i.total),
                "gain": f.eur(i.expected_gain),
                "roi": f.pct(i.roi),
                "payback": payback(i, t),
                "model_only": i.model_cost_only,
            }
            for i in sorted(data.tco.items, key=lambda i: i.usecase.id)
        ],
    }
