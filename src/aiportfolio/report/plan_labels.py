"""The wording of ``aip plan`` shared by its reports (terminal table, Markdown, JSON
messages) and by ``aip roadmap`` and ``aip plan --apply``: amounts and units, the header
and objective lines, a wave's use of its capacity, why an entry is unscheduled, what a
conflict or a violation says."""

from __future__ import annotations

from typing import Any

from aiportfolio.analysis.planning.constraints import Violation
from aiportfolio.analysis.planning.result import PlanResult
from aiportfolio.i18n import Translator
from aiportfolio.report.kit.labels import group_label
from aiportfolio.report.kit.lists import clip_text, id_list
from aiportfolio.report.kit.numbers import NBSP, eur, num, pct, points, score, value

TITLE_WIDTH = 60
"""Titles longer than this are clipped in the text table (``clip``)."""


def number(v: float, lang: str) -> str:
    """A measured quantity (effort, amounts in messages): up to two decimals, grouped,
    decimal comma in French."""
    return value(0.0 if abs(v) < 5e-7 else v, lang)


def euros(v: float, lang: str) -> str:
    return eur(v, lang)


def seconds(v: float, lang: str) -> str:
    return f"{num(v, lang, 2)}{NBSP}s"


def person_weeks(v: float, t: Translator) -> str:
    """``v`` with the effort unit spelled out: 8 person-weeks / 8 semaines-personnes."""
    return t.n("plan.unit.person_weeks", v, value=number(v, t.lang))


def used_of(used: str, available: str | None, t: Translator) -> str:
    """``used / available``, or ``used (no limit)``."""
    if available is None:
        return t("plan.used.unlimited", used=used)
    return f"{used} / {available}"


def clip(text: str, limit: int = TITLE_WIDTH) -> str:
    """``text`` on at most ``limit`` characters, cut at a word boundary with an ellipsis."""
    return clip_text(text, limit)


def limit(value: float | None, t: Translator, money: bool = False) -> str:
    if value is None:
        return t("plan.unlimited")
    return euros(value, t.lang) if money else number(value, t.lang)


def violation_text(v: Violation, t: Translator, prefix: str = "plan.conflict") -> str:
    key = f"{prefix}.{v.kind}"
    money = v.kind == "budget"
    if v.kind == "balance_empty":
        groups = [group_label(g, t) for g in v.detail.split(",") if g]
        if groups:
            key = f"{key}.groups"
        return t(key, ids=id_list(v.ids, t), detail=", ".join(groups))
    if v.kind == "balance_unscored":
        return t.n(key, len(v.ids), ids=id_list(v.ids, t), detail=group_label(v.detail, t))
    if v.kind == "unknown":
        if v.detail == "greedy":
            key = f"{key}.greedy"
        return t(key, amount=number(v.amount or 0, t.lang))
    if v.kind == "balance" and prefix == "plan.violation":
        amount = points(v.amount or 0, t.lang)
        bound = points(v.limit or 0, t.lang)
        detail = group_label(v.detail, t)
        return t(key, amount=amount, limit=bound, detail=detail, ids="", wave="")
    if v.kind == "pilots":  # a count of pilots
        return t.n(
            key,
            v.amount or 0,
            ids=id_list(v.ids, t) or "-",
            wave="" if v.wave is None else v.wave,
            amount=limit(v.amount or 0, t),
            limit="" if v.limit is None else limit(v.limit, t),
        )
    return t(
        key,
        ids=id_list(v.ids, t) or "-",
        wave="" if v.wave is None else v.wave,
        amount="" if v.amount is None else limit(v.amount, t, money),
        limit="" if v.limit is None else limit(v.limit, t, money),
        detail=v.detail,
    )


def header(result: PlanResult, t: Translator) -> str:
    gap = None if result.conflicts else result.gap
    return t(
        "plan.header",
        strategy=t(f"plan.strategy.{result.strategy}"),
        status=t(f"plan.status.{result.status}"),
        objective=score(result.objective, t.lang),
        bound="-" if result.bound is None or result.conflicts else score(result.bound, t.lang),
        gap="-" if gap is None else pct(gap, t.lang, 2),
        seconds=seconds(result.seconds, t.lang),
    )


def fallback_text(result: PlanResult, t: Translator) -> str | None:
    """Why the exact strategy's plan is the greedy one (None: it is not): too little time
    was left to start the solver, or the solver found nothing better within the limit."""
    if result.fallback is None or result.conflicts:
        return None
    left, needed = result.solver_time or (0.0, 0.0)
    gap = result.gap
    spent = result.fallback == "no_time" and left <= 0
    return t(
        "plan.fallback.spent" if spent else f"plan.fallback.{result.fallback}",
        left=seconds(left, t.lang),
        limit=seconds(result.time_limit, t.lang),
        needed=seconds(needed, t.lang),
        gap="-" if gap is None else pct(gap, t.lang, 2),
    )


def objective_rule(result: PlanResult, t: Translator) -> str:
    text = t(
        "plan.objective_rule",
        weight=t(f"plan.weight.{result.objective_kind}"),
        discount=number(result.instance.discount, t.lang),
        greedy=score(result.greedy_objective, t.lang),
    )
    if not result.balance_enforced:
        text = f"{text}; {t('plan.balance_off')}"
    return text if result.deadlines_enforced else f"{text}; {t('plan.deadlines_off')}"


def reason_detail(entry: Any, result: PlanResult, t: Translator) -> str:
    """Missing criteria (by their label in the reader's language) or the prerequisites
    that cannot be scheduled."""
    if not entry.detail:
        return ""
    if entry.reason == "gate":
        return t("plan.detail.gate", rules=", ".join(entry.detail))
    if entry.reason == "deadline":
        date, *articles = entry.detail
        return t("plan.detail.deadline", date=date, articles=id_list(articles, t))
    if entry.reason != "missing_scores":
        return t("plan.detail.blocked_by", items=", ".join(entry.detail))
    labels = []
    for cid in entry.detail:
        criterion = result.grid.criterion(cid) if result.grid is not None else None
        labels.append(criterion.label.get(t.lang) if criterion is not None else cid)
    return t("plan.detail.missing", items=", ".join(labels))


def by_wave_text(entry: Any, t: Translator) -> str:
    parts = [
        t("plan.by_wave", wave=w, reasons=", ".join(t(f"plan.reason.{r}") for r in rs))
        for w, rs in entry.by_wave
    ]
    return t("plan.by_wave.separator").join(parts)


def wave_header(usage: Any, t: Translator) -> str:
    return t(
        "plan.wave.header",
        wave=usage.wave,
        name=usage.name,
        closed="" if usage.open else t("plan.wave.closed"),
        effort=(
            used_of(number(usage.effort, t.lang), person_weeks(usage.person_weeks, t), t)
            if usage.person_weeks is not None
            else used_of(person_weeks(usage.effort, t), None, t)
        ),
        budget=used_of(
            euros(usage.budget, t.lang),
            None if usage.budget_eur is None else euros(usage.budget_eur, t.lang),
            t,
        ),
        pilots=usage.pilots,
        max_pilots=usage.max_pilots,
    )


def entry_note(entry: Any, t: Translator) -> str:
    notes = []
    if entry.pinned:
        notes.append(t("plan.pinned"))
    elif entry.register_wave is None:
        notes.append(t("plan.new"))
    elif entry.register_wave != entry.wave:
        notes.append(t("plan.moved_from", wave=entry.register_wave))
    return ", ".join(notes)


def removed_waves(result: PlanResult, t: Translator) -> list[str]:
    """One line per entry whose register wave the proposal removes, with the reason."""
    reasons = {u.id: u.reason for u in result.unscheduled}
    changes = result.comparison.changes if result.comparison else ()
    return [
        t(
            "plan.apply.removed",
            id=c.id,
            wave=c.before,
            reason=t(f"plan.reason.{reasons[c.id]}") if c.id in reasons else "-",
        )
        for c in changes
        if c.kind == "dropped"
    ]


def summary(result: PlanResult, t: Translator) -> str:
    if result.status == "unknown":
        return t("plan.summary.unknown")
    if result.conflicts:
        return t.n("plan.summary.conflict", len(result.conflicts))
    scheduled = sum(1 for e in result.entries if e.wave is not None)
    return t(
        "plan.summary.ok",
        scheduled=scheduled,
        candidates=len({e.id for e in result.entries} | {u.id for u in result.unscheduled}),
        unscheduled=len(result.unscheduled),
        objective=score(result.objective, t.lang),
        status=t(f"plan.status.{result.status}"),
    )
