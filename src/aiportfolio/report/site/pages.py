"""The HTML reporter of ``aip report``: a pure function from the report data to the files
of a static site (relative path -> HTML text).

Every figure is formatted here, in the report's language, with the helpers the other
reporters use; the templates (``templates/report/*.html.j2``, autoescaped, StrictUndefined)
only lay the strings out, so every user text reaches the page escaped. Charts are SVG,
inlined; the pages carry a Content-Security-Policy that forbids every request, and need no
script to be read.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import Markup

from aiportfolio import __version__
from aiportfolio.analysis.doctor import Signal
from aiportfolio.analysis.matrix import QUADRANTS, SPLIT
from aiportfolio.analysis.report import ReportData
from aiportfolio.domain.kpis import KpiStatus
from aiportfolio.domain.scoring import RankedEntry
from aiportfolio.i18n import Translator
from aiportfolio.model.common import CATEGORIES
from aiportfolio.model.usecase import UseCase
from aiportfolio.report.balance import move_lines
from aiportfolio.report.dashboard import freshness, indicator_value, latest, trend
from aiportfolio.report.kit import numbers
from aiportfolio.report.kit.labels import group_label
from aiportfolio.report.kit.steering import message
from aiportfolio.report.score import _why_item, criterion_label
from aiportfolio.report.site import charts
from aiportfolio.report.tco import payback

PAGES = ("index", "matrix", "waves", "kpis", "tco", "usecases")
"""The portfolio pages, in navigation order; each use case also gets ``usecases/<id>.html``."""

LIST_LIMIT = 25
"""Longest list of entries on the overview (decisions, evidence of a signal); the rest is
counted, so the overview stays light on a register of thousands."""

KPI_CHARTS = 12
"""Most KPI trend charts drawn on the KPI page (North Stars first, best ranked first); every
KPI stays in the table below them."""

LABELLED_POINTS = 40
"""Up to this many bubbles, the matrix writes each entry's id next to it."""

TOP_TCO = 15
"""Entries shown in the TCO chart (largest TCO first); every entry is in the table."""


@dataclass(frozen=True, eq=False)
class Chart:
    """A chart of a page, drawn later (all charts at once, see ``render_site``)."""

    spec: charts.Spec


def card_path(usecase_id: str) -> str:
    return f"usecases/{usecase_id}.html"


class _Formats:
    """Number formatting in the report's language."""

    def __init__(self, t: Translator) -> None:
        self.t = t
        self.lang = t.lang

    def eur(self, v: float | None) -> str:
        return numbers.eur(v, self.lang)

    def pct(self, ratio: float | None) -> str:
        return numbers.pct(ratio, self.lang)

    def points(self, share: float) -> str:
        return numbers.points(share, self.lang)

    def score(self, v: float | None) -> str:
        return numbers.score(v, self.lang)

    def value(self, v: float | None) -> str:
        return numbers.value(v, self.lang)

    def status(self, s: str) -> str:
        return self.t(f"label.status.{s}")

    def category(self, c: str) -> str:
        return self.t(f"label.category.{c}")

    def date(self, d: Any) -> str:
        return "—" if d is None else str(d.isoformat())


def _entry_link(uc: UseCase, prefix: str = "") -> dict[str, str]:
    return {"id": uc.id, "title": uc.title, "href": prefix + card_path(uc.id)}


def _more(total: int, shown: int, t: Translator) -> str | None:
    return t("report.more", count=total - shown) if total > shown else None


# --- overview ---------------------------------------------------------------------------


def _why(entry: RankedEntry, data: ReportData, t: Translator) -> list[str]:
    from aiportfolio.domain.scoring import why

    reasons = why(entry.result)
    grid = data.score.grid
    lines = []
    if reasons.strengths:
        items = ", ".join(_why_item(c, grid, t) for c in reasons.strengths)
        lines.append(t("score.why.strong", items=items))
    if reasons.held_back:
        items = ", ".join(_why_item(c, grid, t) for c in reasons.held_back)
        lines.append(t("score.why.held_back", items=items))
    else:
        lines.append(t("score.why.nothing_weak"))
    return [line[:1].upper() + line[1:] for line in lines]


def _balance_rows(data: ReportData, f: _Formats) -> tuple[list[dict[str, Any]], list[Any]]:
    t = f.t
    table = []
    chart_rows: list[dict[str, Any]] = []
    result = data.balance.result
    for g in result.groups:
        label = group_label(g.group, t)
        table.append(
            {
                "group": label,
                "target": f.points(g.target),
                "count": g.count,
                "count_share": f.points(g.count_share),
                "count_ok": g.count_ok,
                "budget": f.eur(g.budget),
                "budget_share": f.points(g.budget_share),
                "budget_ok": g.budget_ok,
            }
        )
        for measure, share, ok in (
            ("count", g.count_share, g.count_ok),
            ("budget", g.budget_share, g.budget_ok),
        ):
            chart_rows.append(
                {
                    "measure": t(f"report.balance.by_{measure}"),
                    "group": label,
                    "share": round(share, 2),
                    "target": g.target,
                    "low": max(0.0, g.target - g.tolerance),
                    "high": min(100.0, g.target + g.tolerance),
                    "ok": ok,
                    "desc": t(
                        "report.balance.desc",
                        group=label,
                        measure=t(f"report.balance.by_{measure}"),
                        share=f.points(share),
                        target=f.points(g.target),
                        state=t("report.ok") if ok else t("report.off_target"),
                    ),
                }
            )
    return table, chart_rows


def _signal(s: Signal, t: Translator) -> dict[str, Any]:
    shown = s.evidence[:LIST_LIMIT]
    return {
        "number": s.number,
        "name": t(f"doctor.signal.{s.id}"),
        "level": s.level,
        "level_label": t(f"doctor.level.{s.level}"),
        "figure": message(t, s.figure_key, s.figure),
        "evidence": [
            {
                "id": e.usecase_id,
                "href": card_path(e.usecase_id) if e.usecase_id else None,
                "title": e.title,
                "text": message(t, e.key, e.params),
            }
            for e in shown
        ],
        "more": _more(len(s.evidence), len(shown), t),
    }


def overview_context(data: ReportData, t: Translator) -> dict[str, Any]:
    f = _Formats(t)
    balance_table, balance_rows = _balance_rows(data, f)
    committee = data.committee
    due = committee.decisions_due[:LIST_LIMIT]
    blocked = committee.blocked[:LIST_LIMIT]
    active = len(data.active)
    overall = data.tco.overall
    failing = data.gate.failing
    shown_ids = ", ".join(v.usecase_id for v in failing[:LIST_LIMIT])
    if len(failing) > LIST_LIMIT:
        shown_ids += " " + t("report.more", count=len(failing) - LIST_LIMIT)
    return {
        "gate_failing": t("gate.failing.count", count=len(failing), ids=shown_ids)
        if failing
        else None,
        "figures": [
            (t("report.fig.active"), str(active)),
            (t("report.fig.ranked"), str(data.score.ranked)),
            (t("report.fig.tco"), f.eur(overall.total)),
            (t("report.fig.gain"), f.eur(overall.gain)),
        ],
        "priorities": [
            {
                **_entry_link(p.entry.result.usecase),
                "rank": p.entry.rank,
                "total": f.score(p.entry.result.total),
                "value": f.score(p.entry.result.value),
                "feasibility": f.score(p.entry.result.feasibility),
                "category": f.category(p.entry.result.usecase.category),
                "why": _why(p.entry, data, t),
            }
            for p in data.priorities
        ],
        "statuses": [(f.status(s), n) for s, n in data.status_counts],
        "categories": [(f.category(c), n) for c, n in data.category_counts],
        "balance": {
            "table": balance_table,
            "chart": Chart(charts.balance_spec(balance_rows, t("report.balance.chart"))),
            "ok": data.balance.result.ok,
            "coverage": t(
                "report.balance.coverage",
                covered=data.budget_covered,
                active=active,
                total=f.eur(data.balance.result.total_budget),
            ),
            "moves": move_lines(data.balance, t),
        },
        "next_meeting": f.date(committee.next_meeting),
        "decisions": [
            {**_entry_link(uc), "date": f.date(uc.decision_date), "status": f.status(uc.status)}
            for uc in due
        ],
        "decisions_more": _more(len(committee.decisions_due), len(due), t),
        "blocked": [
            {
                **_entry_link(fl.usecase),
                "reasons": [message(t, r.key, r.params) for r in fl.reasons],
            }
            for fl in blocked
        ],
        "blocked_more": _more(len(committee.blocked), len(blocked), t),
        "signals": [_signal(s, t) for s in data.doctor.signals],
        "alerts": data.doctor.alerts,
        "warnings": data.doctor.warnings,
    }


# --- matrix -----------------------------------------------------------------------------


def matrix_context(data: ReportData, t: Translator) -> dict[str, Any]:
    f = _Formats(t)
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
                        **_entry_link(p.entry.result.usecase),
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
        "unplaced": [_entry_link(e.result.usecase) for e in matrix.unplaced],
    }


# --- waves ------------------------------------------------------------------------------


def waves_context(data: ReportData, t: Translator) -> dict[str, Any]:
    f = _Formats(t)
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
                        "desc": f"{label} — {name}: {shown} ({f.points(share)})",
                    }
                )
        gantt_rows.append(
            {
                "wave": label,
                "start": start.isoformat(),
                "end": end.isoformat(),
                "label": t("report.waves.bar", count=len(w.usecases)),
                "desc": t(
                    "report.waves.desc",
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
                        **_entry_link(uc),
                        "status": f.status(uc.status),
                        "category": f.category(uc.category),
                        "owner": uc.owner.name if uc.owner else t("steer.no_owner"),
                    }
                    for uc in w.usecases
                ],
                "risks": [
                    {**_entry_link(r.usecase), "missing": r.missing_reviews} for r in w.risks
                ],
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
        "unscheduled": [_entry_link(uc) for uc in roadmap.unscheduled],
    }


# --- KPIs -------------------------------------------------------------------------------


def _kpi_cells(s: KpiStatus, t: Translator, f: _Formats) -> dict[str, Any]:
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
    f = _Formats(t)
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
                    "desc": f"{label} — {m.date.isoformat()}: {f.value(m.value)}",
                }
            )
        for name, v in ((baseline, s.kpi.baseline), (target, s.kpi.target)):
            if v is not None:
                rows.append(
                    {
                        "kpi": label,
                        "series": name,
                        "value": v,
                        "desc": f"{label} — {name}: {f.value(v)}",
                    }
                )
    return rows


def kpis_context(data: ReportData, t: Translator) -> dict[str, Any]:
    f = _Formats(t)
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
                **_entry_link(s.usecase),
                **_kpi_cells(s, t, f),
                "trend": trend(s, t),
                "freshness": freshness(s, t),
                "stale": s.stale,
            }
            for b in boards
            for s in b.kpis
        ],
        "cadence": data.dashboard.cadence_days,
    }


# --- TCO --------------------------------------------------------------------------------


def tco_context(data: ReportData, t: Translator) -> dict[str, Any]:
    f = _Formats(t)
    tco_label, gain_label = t("tco.col.tco"), t("tco.col.gain")
    cat_rows = []
    for cat, tot in data.tco.by_category.items():
        for measure, amount in ((tco_label, tot.total), (gain_label, tot.gain)):
            cat_rows.append(
                {
                    "item": f.category(cat),
                    "measure": measure,
                    "amount": amount,
                    "desc": f"{f.category(cat)} — {measure}: {f.eur(amount)}",
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
                    "desc": f"{name} — {measure}: {f.eur(amount)}; "
                    f"{t('tco.col.payback')}: {payback(item, t)}",
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
        "gain_missing": t("tco.gain_missing", count=overall.gain_missing)
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
                **_entry_link(i.usecase),
                "horizon": t("tco.months", n=i.horizon_months),
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


# --- use cases --------------------------------------------------------------------------


def usecases_context(data: ReportData, t: Translator) -> dict[str, Any]:
    f = _Formats(t)
    ranks = {e.result.id: e for e in data.score.entries}
    rows = []
    for uc in data.usecases:
        entry = ranks.get(uc.id)
        rows.append(
            {
                **_entry_link(uc),
                "status": f.status(uc.status),
                "category": f.category(uc.category),
                "owner": uc.owner.name if uc.owner else t("steer.no_owner"),
                "rank": entry.rank if entry and entry.rank is not None else "—",
                "total": f.score(entry.result.total) if entry else "—",
                "decision_date": f.date(uc.decision_date),
            }
        )
    return {"rows": rows}


class _Lookups:
    """Each entry's ranking, TCO and KPI board by id, computed once for all the cards."""

    def __init__(self, data: ReportData) -> None:
        self.entries = {e.result.id: e for e in data.score.entries}
        self.tco = {i.usecase.id: i for i in data.tco.items}
        self.boards = {b.usecase.id: b for b in data.dashboard.usecases}
        self.ids = {uc.id for uc in data.usecases}


def card_context(
    uc: UseCase, data: ReportData, t: Translator, lookups: _Lookups | None = None
) -> dict[str, Any]:
    f = _Formats(t)
    lookups = lookups or _Lookups(data)
    entry = lookups.entries.get(uc.id)
    item = lookups.tco.get(uc.id)
    grid = data.score.grid
    board = lookups.boards.get(uc.id)

    def person(p: Any) -> str | None:
        if p is None:
            return None
        return ", ".join(x for x in (p.name, p.role, p.email) if x)

    facts = [
        (t("steer.col.status"), f.status(uc.status)),
        (t("steer.col.category"), f.category(uc.category)),
        (t("steer.col.owner"), person(uc.owner) or t("steer.no_owner")),
        (t("report.card.sponsor"), person(uc.sponsor) or "—"),
        (t("report.card.next_step"), uc.next_step or "—"),
        (t("report.card.decision_date"), f.date(uc.decision_date)),
    ]
    process = uc.process
    context = [
        (t("report.card.process"), process.name if process else "—"),
        (t("report.card.where"), (process.where if process else None) or "—"),
        (t("report.card.who"), (process.who if process else None) or "—"),
        (t("report.card.volume"), (process.volume if process else None) or "—"),
        (t("report.card.problem"), uc.problem or "—"),
        (t("report.card.hypothesis"), uc.value.hypothesis if uc.value else "—"),
        (
            t("report.card.annual_gain"),
            f.eur(uc.value.annual_gain_eur if uc.value else None),
        ),
    ]
    data_rows = [
        (t("report.card.sources"), ", ".join(uc.data.sources) or "—"),
        (t("report.card.systems"), ", ".join(uc.data.systems) or "—"),
        (t("report.card.quality"), t(f"report.quality.{uc.data.quality}")),
        (
            t("report.card.classification"),
            t(f"label.data.{uc.data.classification}") if uc.data.classification else "—",
        ),
        (t("report.card.rights"), uc.data.rights or "—"),
        (t("report.card.tool"), uc.integration.tool or "—"),
        (t("report.card.users"), uc.integration.users or "—"),
    ]
    risk = uc.risk
    risk_rows = [
        (t("report.card.risk_level"), t(f"label.risk.{risk.level}") if risk.level else "—"),
        (t("report.card.personal_data"), t("report.yes") if risk.personal_data else t("report.no")),
        (
            t("report.card.critical_decision"),
            t("report.yes") if risk.critical_decision else t("report.no"),
        ),
        (t("report.card.ai_act"), risk.ai_act_tier),
        (t("steer.review.security_review").capitalize(), f.date(risk.security_review)),
        (t("steer.review.legal_review").capitalize(), f.date(risk.legal_review)),
    ]
    scores = []
    if entry is not None:
        for c in entry.result.criteria:
            scores.append(
                {
                    "criterion": criterion_label(grid, c.criterion, t),
                    "axis": t(f"label.axis.{c.axis}")
                    if c.axis in ("value", "feasibility")
                    else c.axis,
                    "weight": f.value(c.weight),
                    "score": f.value(c.score),
                }
            )
    return {
        "uc": _entry_link(uc, "../"),
        "facts": facts,
        "context": context,
        "data_rows": data_rows,
        "risk_rows": risk_rows,
        "notes": risk.notes,
        "kpis": [_kpi_cells(s, t, f) for s in (board.kpis if board else ())]
        or [
            {
                "level": t(f"label.kpi_level.{k.level}"),
                "kpi": k.name + (f" ({k.unit})" if k.unit else ""),
                "north_star": k.north_star,
                "baseline": f.value(k.baseline),
                "latest": "—",
                "target": f.value(k.target),
                "progress": "—",
            }
            for k in uc.kpis
        ],
        "score": {
            "rank": entry.rank if entry and entry.rank is not None else "—",
            "total": f.score(entry.result.total) if entry else "—",
            "value": f.score(entry.result.value) if entry else "—",
            "feasibility": f.score(entry.result.feasibility) if entry else "—",
            "below_floor": bool(entry and entry.result.below_floor),
            "criteria": scores,
        },
        "costs": [
            (t("tco.col.one_off"), f.eur(item.one_off)),
            (t("tco.col.monthly"), f.eur(item.monthly)),
            (t("tco.col.horizon"), t("tco.months", n=item.horizon_months)),
            (t("tco.col.tco"), f.eur(item.total)),
            (t("tco.col.gain"), f.eur(item.expected_gain)),
            (t("tco.col.roi"), f.pct(item.roi)),
            (t("tco.col.payback"), payback(item, t)),
        ]
        if item
        else [],
        "plan": [
            (
                t("report.card.wave"),
                t("steer.wave", id=uc.plan.wave)
                if uc.plan.wave is not None
                else t("steer.no_wave"),
            ),
            (t("report.card.effort"), f.value(uc.plan.effort_weeks)),
        ],
        "depends_on": [
            {"id": d, "href": f"{d}.html" if d in lookups.ids else None} for d in uc.plan.depends_on
        ],
        "decisions": [
            {
                "date": f.date(d.date),
                "decision": t(f"label.decision.{d.decision}"),
                "by": d.by,
                "note": d.note or "",
            }
            for d in reversed(uc.decisions)
        ],
        "ratings": [
            {
                "by": r.by,
                "date": f.date(r.date),
                "scores": ", ".join(
                    f"{criterion_label(grid, k, t)} {v}" for k, v in r.scores.items()
                ),
            }
            for r in uc.ratings
        ],
    }


# --- the site ---------------------------------------------------------------------------

Renderer = Callable[..., str]


def _nav(t: Translator, current: str) -> list[dict[str, Any]]:
    return [
        {"href": f"{page}.html", "label": t(f"report.nav.{page}"), "current": page == current}
        for page in PAGES
    ]


def _charts_in(value: Any) -> list[Chart]:
    if isinstance(value, Chart):
        return [value]
    if isinstance(value, dict):
        return [c for v in value.values() for c in _charts_in(v)]
    if isinstance(value, list | tuple):
        return [c for v in value for c in _charts_in(v)]
    return []


def _drawn(value: Any, svgs: dict[int, str]) -> Any:
    """``value`` with each ``Chart`` replaced by its SVG markup."""
    if isinstance(value, Chart):
        return Markup(svgs[id(value)])  # SVG from Vega: user text inside it is escaped
    if isinstance(value, dict):
        return {k: _drawn(v, svgs) for k, v in value.items()}
    if isinstance(value, list):
        return [_drawn(v, svgs) for v in value]
    return value


def _page_renderer(register_root: Path | None, t: Translator) -> Callable[..., str]:
    """How the pages are rendered. A register's own ``templates/report/`` is untrusted: its
    templates run in the capped sandbox of ``templating``. aip's built-in templates are
    aip's code: they render in a plain environment (same autoescaping and undefined
    checks), which makes a report of a thousand cards twice as fast."""
    import os

    from aiportfolio.report.kit.templating import renderer

    if register_root is not None and os.path.lexists(register_root / "templates" / "report"):
        return renderer(register_root, t.lang)
    import jinja2

    from aiportfolio import resources

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(resources.builtin_templates())),
        autoescape=jinja2.select_autoescape(["html.j2"]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals.update(t=t, lang=t.lang)

    def render(template: str, **context: Any) -> str:
        return env.get_template(template).render(**context)

    return render


def render_site(
    data: ReportData,
    t: Translator,
    register_root: Path | None,
    drawer: charts.SerialDrawer | charts.WorkerDrawer | None = None,
) -> dict[str, str]:
    """Every file of the report: relative path (``/`` separated) -> HTML text.

    The charts of every page are handed to ``drawer`` at once (default: drawn in this
    process) and the use-case cards are rendered while they are drawn."""
    render = _page_renderer(register_root, t)
    title = data.organisation or t("report.default_title")
    common: dict[str, Any] = {
        "site_title": title,
        "date": data.today.isoformat(),
        "footer": t("report.footer", date=data.today.isoformat(), version=__version__),
    }
    builders: dict[str, Callable[[ReportData, Translator], dict[str, Any]]] = {
        "index": overview_context,
        "matrix": matrix_context,
        "waves": waves_context,
        "kpis": kpis_context,
        "tco": tco_context,
        "usecases": usecases_context,
    }
    contexts = {page: build(data, t) for page, build in builders.items()}
    pending = _charts_in(list(contexts.values()))
    wait = (drawer or charts.SerialDrawer()).draw([c.spec for c in pending], t.lang)
    common["failing"] = {v.usecase_id: ", ".join(v.rules) for v in data.gate.failing}
    # The stylesheet (a template too, so a register may override it) is read once and
    # inlined in every page.
    common["css"] = Markup(render("report/report.css"))
    files = {}
    card_nav = _nav(t, "")
    lookups = _Lookups(data)
    for uc in data.usecases:
        files[card_path(uc.id)] = render(
            "report/card.html.j2",
            **common,
            nav=card_nav,
            prefix="../",
            page_title=f"{uc.id} {uc.title}",
            **card_context(uc, data, t, lookups),
        )
    svgs = {id(chart): svg for chart, svg in zip(pending, wait(), strict=True)}
    pages = {}
    for page, context in contexts.items():
        pages[f"{page}.html"] = render(
            f"report/{page}.html.j2",
            **common,
            nav=_nav(t, page),
            prefix="",
            page_title=t(f"report.title.{page}"),
            **_drawn(context, svgs),
        )
    return {**pages, **files}
