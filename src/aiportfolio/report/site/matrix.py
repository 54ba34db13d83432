"""The value x feasibility matrix page: the chart's points and quadrants, and the
entries of each quadrant."""

from __future__ import annotations

from typing import Any

from aiportfolio.analysis.matrix import QUADRANTS, SPLIT
from aiportfolio.analysis.report import ReportData
from aiportfolio.i18n import Translator
from aiportfolio.model.common import CATEGORIES
from aiportfolio.report.site import charts
from aiportfolio.report.site.common import LABELLED_POINTS, Chart, Formats, entry_link


def matrix_context(data: ReportData, t: Translator) -> dict[str, Any]:
    f = Formats(t)
    matrix = data.matrix
    budgets = {i.usecase.id: i.total for i in data.tco.items}
    categories = [(c, f.category(c)) for c in CATEGORIES]
    points = []
    for p in matrix.points:
        uc = p.entry.result.usecase
        budget = budgets.get(uc.id, 0.0)
        points.append(
            {
                "id": uc.id,
                "value": round(p.value, 3),
                "feasibility": round(p.feasibility, 3),
                "budget": budget,
                "category": f.category(uc.category),
                "desc": t(
                    "report.matrix.desc",
                    id=uc.id,
                    title=uc.title,
                    value=f.score(p.value),
                    feasibility=f.score(p.feasibility),
                    budget=f.eur(budget),
                    quadrant=t(f"score.quadrant.{p.quadrant}"),
                ),
            }
        )
    low, high = 1.0, 5.0
    areas = {
        "priorities": (SPLIT, high, SPLIT, high),
        "strategic_bets": (SPLIT, high, low, SPLIT),
        "easy_extras": (low, SPLIT, SPLIT, high),
        "park": (low, SPLIT, low, SPLIT),
    }
    quadrants = [
        {
            "name": t(f"score.quadrant.{q}"),
            "x1": x1,
            "x2": x2,
            "y1": y1,
            "y2": y2,
            "x": (x1 + x2) / 2,
            "y": y2 - 0.18,
        }
        for q, (x1, x2, y1, y2) in areas.items()
    ]
    spec = charts.matrix_spec(
        points,
        quadrants,
        split=SPLIT,
        floor=matrix.floor,
        floor_label=t("report.matrix.floor", floor=f.score(matrix.floor)),
        x_title=t("label.axis.value"),
        y_title=t("label.axis.feasibility"),
        size_title=t("report.matrix.budget"),
        color_title=t("steer.col.category"),
        categories=categories,
        label_points=len(points) <= LABELLED_POINTS,
        description=t("report.matrix.chart"),
    )
    return {
        "chart": Chart(spec),
        "floor": f.score(matrix.floor),
        "quadrants": [
            {
                "name": t(f"score.quadrant.{q}"),
                "why": t(f"score.quadrant.{q}.why"),
                "entries": [
                    {
                        **entry_link(p.entry.result.usecase),
                        "rank": p.entry.rank if p.entry.rank is not None else "—",
                        "value": f.score(p.value),
                        "feasibility": f.score(p.feasibility),
                        "below_floor": p.entry.result.below_floor,
                    }
                    for p in matrix.in_quadrant(q)
                ],
            }
            for q in QUADRANTS
        ],
        "unplaced": [entry_link(e.result.usecase) for e in matrix.unplaced],
    }
