"""The waves page: the Gantt chart, the capacity each wave uses and its entries."""

from __future__ import annotations

from typing import Any

from aiportfolio.analysis.report import ReportData
from aiportfolio.i18n import Translator
from aiportfolio.report.site import charts
from aiportfolio.report.site.common import Chart, Formats, entry_link


def waves_context(data: ReportData, t: Translator) -> dict[str, Any]:
    f = Formats(t)
    roadmap = data.roadmap
    if roadmap is None:
        return {"has_waves": False}
    gantt_rows = []
    capacity_rows = []
    waves = []
    for w in roadmap.waves:
        label = t("report.waves.label", id=w.wave, name=w.name)
        start, end = w.timeline
        measures = [
            ("person_weeks", w.effort, w.person_weeks, f.value),
            ("budget", w.budget, w.budget_eur, f.eur),
            ("pilots", float(w.pilots), float(w.max_pilots), f.value),
        ]
        used_lines = []
        for key, used, available, fmt in measures:
            name = t(f"report.waves.{key}")
            shown = t("report.used_of", used=fmt(used), available=fmt(available))
            used_lines.append((name, shown, available is not None and used > available))
            if available:
                share = 100 * used / available
                capacity_rows.append(
                    {
                        "wave": label,
                        "measure": name,
                        "used": round(share, 1),
                        "desc": t(
                            "report.waves.capacity_desc",
                            wave=label,
                            measure=name,
                            used=shown,
                            share=f.points(share),
                        ),
                    }
                )
        gantt_rows.append(
            {
                "wave": label,
                "start": start.isoformat(),
                "end": end.isoformat(),
                "label": t.n("report.waves.bar", len(w.usecases)),
                "desc": t.n(
                    "report.waves.desc",
                    len(w.usecases),
                    wave=label,
                    start=start.isoformat(),
                    end=end.isoformat(),
                    count=len(w.usecases),
                ),
            }
        )
        waves.append(
            {
                "label": label,
                "goal": w.goal,
                "dates": t("report.waves.dates", start=f.date(start), end=f.date(end)),
                "deliverables": list(w.deliverables),
                "used": used_lines,
                "usecases": [
                    {
                        **entry_link(uc),
                        "status": f.status(uc.status),
                        "category": f.category(uc.category),
                        "owner": uc.owner.name if uc.owner else t("steer.no_owner"),
                    }
                    for uc in w.usecases
                ],
                "risks": [{**entry_link(r.usecase), "missing": r.missing_reviews} for r in w.risks],
            }
        )
    gantt = charts.gantt_spec(
        gantt_rows, data.today.isoformat(), t("report.today"), t("report.waves.chart")
    )
    capacity = charts.capacity_spec(
        capacity_rows, t("report.waves.used_axis"), t("report.waves.capacity_chart")
    )
    return {
        "has_waves": True,
        "gantt": Chart(gantt),
        "capacity": Chart(capacity) if capacity_rows else None,
        "waves": waves,
        "unscheduled": [entry_link(uc) for uc in roadmap.unscheduled],
    }
