"""The overview page (``index.html``): priorities and why, counts, balance against
target, upcoming decisions and the doctor's alerts."""

from __future__ import annotations

from typing import Any

from aiportfolio.analysis.doctor import Signal
from aiportfolio.analysis.report import ReportData
from aiportfolio.domain.scoring import RankedEntry
from aiportfolio.i18n import Translator
from aiportfolio.report.balance import move_lines
from aiportfolio.report.kit.criteria import why_item
from aiportfolio.report.kit.labels import group_label
from aiportfolio.report.kit.steering import message
from aiportfolio.report.site import charts
from aiportfolio.report.site.ai_act import overview_ai_act
from aiportfolio.report.site.common import LIST_LIMIT, Chart, Formats, card_path, entry_link, more


def _why(entry: RankedEntry, data: ReportData, t: Translator) -> list[str]:
    from aiportfolio.domain.scoring import why

    reasons = why(entry.result)
    grid = data.score.grid
    lines = []
    if reasons.strengths:
        items = ", ".join(why_item(c, grid, t) for c in reasons.strengths)
        lines.append(t("score.why.strong", items=items))
    if reasons.held_back:
        items = ", ".join(why_item(c, grid, t) for c in reasons.held_back)
        lines.append(t("score.why.held_back", items=items))
    else:
        lines.append(t("score.why.nothing_weak"))
    return [line[:1].upper() + line[1:] for line in lines]


def _balance_rows(data: ReportData, f: Formats) -> tuple[list[dict[str, Any]], list[Any]]:
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
        "more": more(len(s.evidence), len(shown), t),
    }


def overview_context(data: ReportData, t: Translator) -> dict[str, Any]:
    f = Formats(t)
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
        "gate_failing": t.n("gate.failing.count", len(failing), ids=shown_ids) if failing else None,
        "figures": [
            (t("report.fig.active"), str(active)),
            (t("report.fig.ranked"), str(data.score.ranked)),
            (t("report.fig.tco"), f.eur(overall.total)),
            (t("report.fig.gain"), f.eur(overall.gain)),
        ],
        "priorities": [
            {
                **entry_link(p.entry.result.usecase),
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
            "coverage": t.n(
                "report.balance.coverage",
                active,
                covered=data.budget_covered,
                active=active,
                total=f.eur(data.balance.result.total_budget),
            ),
            "moves": move_lines(data.balance, t),
        },
        "next_meeting": f.date(committee.next_meeting),
        "decisions": [
            {**entry_link(uc), "date": f.date(uc.decision_date), "status": f.status(uc.status)}
            for uc in due
        ],
        "decisions_more": more(len(committee.decisions_due), len(due), t),
        "blocked": [
            {
                **entry_link(fl.usecase),
                "reasons": [message(t, r.key, r.params) for r in fl.reasons],
            }
            for fl in blocked
        ],
        "blocked_more": more(len(committee.blocked), len(blocked), t),
        "signals": [_signal(s, t) for s in data.doctor.signals],
        "ai_act": overview_ai_act(data, t, f),
        "alerts": data.doctor.alerts,
        "warnings": data.doctor.warnings,
    }
