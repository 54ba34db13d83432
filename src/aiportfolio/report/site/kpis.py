"""The KPI page: the dashboard's indicators, trend charts and every KPI's row (the row
cells are shared with the use-case cards)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from aiportfolio.analysis.report import ReportData
from aiportfolio.domain.kpis import KpiStatus
from aiportfolio.i18n import Translator
from aiportfolio.report.dashboard import freshness, indicator_value, latest, trend
from aiportfolio.report.site import charts
from aiportfolio.report.site.common import KPI_CHARTS, Chart, Formats, entry_link


def kpi_cells(s: KpiStatus, t: Translator, f: Formats) -> dict[str, Any]:
    """The cells a KPI row shows on the KPI page and on its use case's card."""
    return {
        "level": t(f"label.kpi_level.{s.level}"),
        "kpi": s.kpi.name + (f" ({s.kpi.unit})" if s.kpi.unit else ""),
        "north_star": s.kpi.north_star,
        "baseline": f.value(s.kpi.baseline),
        "latest": latest(s, t),
        "target": f.value(s.kpi.target),
        "progress": f.pct(s.progress),
    }


def _kpi_label(s: KpiStatus) -> str:
    unit = f" ({s.kpi.unit})" if s.kpi.unit else ""
    return f"{s.usecase.id} · {s.kpi.name}{unit}"


def _kpi_chart_rows(statuses: Sequence[KpiStatus], t: Translator) -> list[dict[str, Any]]:
    f = Formats(t)
    measured, baseline, target = (t(f"report.kpis.{k}") for k in ("measured", "baseline", "target"))
    rows: list[dict[str, Any]] = []
    for s in statuses:
        label = _kpi_label(s)
        cutoff = s.latest.date if s.latest else None
        for m in s.kpi.measurements:
            if cutoff is None or m.date > cutoff:
                continue
            rows.append(
                {
                    "kpi": label,
                    "series": measured,
                    "date": m.date.isoformat(),
                    "value": m.value,
                    "desc": t(
                        "report.chart.figure",
                        item=label,
                        measure=m.date.isoformat(),
                        value=f.value(m.value),
                    ),
                }
            )
        for name, v in ((baseline, s.kpi.baseline), (target, s.kpi.target)):
            if v is not None:
                rows.append(
                    {
                        "kpi": label,
                        "series": name,
                        "value": v,
                        "desc": t(
                            "report.chart.figure", item=label, measure=name, value=f.value(v)
                        ),
                    }
                )
    return rows


def kpis_context(data: ReportData, t: Translator) -> dict[str, Any]:
    f = Formats(t)
    ranks = {e.result.id: e.rank for e in data.score.entries if e.rank is not None}
    boards = data.dashboard.usecases
    measured = [s for b in boards for s in b.kpis if s.latest is not None]
    measured.sort(
        key=lambda s: (not s.kpi.north_star, ranks.get(s.usecase.id, 10**9), s.usecase.id)
    )
    charted = measured[:KPI_CHARTS]
    series = [t(f"report.kpis.{k}") for k in ("measured", "baseline", "target")]
    chart = None
    if charted:
        chart = Chart(charts.kpi_spec(_kpi_chart_rows(charted, t), series, t("report.kpis.chart")))
    return {
        "indicators": [
            {
                "level": t(f"label.kpi_level.{i.level}"),
                "name": t(f"dashboard.ind.{i.id}"),
                "value": indicator_value(i, t),
                "definition": t(f"dashboard.ind.{i.id}.def"),
            }
            for i in data.dashboard.indicators
        ],
        "chart": chart,
        "charted": len(charted),
        "measured": len(measured),
        "rows": [
            {
                **entry_link(s.usecase),
                **kpi_cells(s, t, f),
                "trend": trend(s, t),
                "freshness": freshness(s, t),
                "stale": s.stale,
            }
            for b in boards
            for s in b.kpis
        ],
        "cadence": data.dashboard.cadence_days,
    }
