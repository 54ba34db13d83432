"""``aip doctor``: the six signals of a badly organised portfolio (METHOD.md §8), measured on
the register, and the triage of existing POCs (METHOD.md §9).

Each signal is ``ok``, ``warning`` or ``alert`` with its evidence (which entries, which
figures). Thresholds are the constants below; ``docs/steering.md`` lists them.
Only active (not ``stopped``) entries are looked at.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from aiportfolio.analysis.gate import PASS_ALL, Gate
from aiportfolio.analysis.tco import tco
from aiportfolio.domain.kpis import (
    HISTORY_WINDOW,
    has_measurement,
    measurements_until,
    north_star_status,
    usecase_kpis,
)
from aiportfolio.domain.kpis import is_variable_cost as _is_variable_cost
from aiportfolio.domain.scoring import score_portfolio
from aiportfolio.model.grid import Grid
from aiportfolio.model.lifecycle import IN_FLIGHT, MEASURED, OPEN, active
from aiportfolio.model.portfolio import PortfolioConfig
from aiportfolio.model.usecase import UseCase

Level = Literal["ok", "warning", "alert"]
LEVELS: tuple[Level, ...] = ("ok", "warning", "alert")

TOOL_FIRST_ALERT_SHARE = 0.20
"""Signal 1: vendor named but no targeted KPI on this share of active entries -> alert
(any such entry -> warning)."""
NO_OWNER_ALERT_SHARE = 0.50
"""Signal 2: half or more of the active entries without a business owner -> alert (any ->
warning)."""
TOP_N = 3
"""Signal 3: how many scored entries not yet delivered (idea to industrialising) clearing
the feasibility floor make a stated top 3 (0 -> alert, fewer -> warning; a tie between the
3rd and the 4th -> warning)."""
NOT_INTEGRATED_ALERT_SHARE = 0.50
"""Signal 4: half or more of the entries in pilot or beyond not integrated in a daily tool,
or with adoption falling -> alert (any -> warning)."""


@dataclass(frozen=True)
class Evidence:
    """One fact behind a signal: an entry (or none, for portfolio figures) and a message
    key of the steer catalog with its parameters."""

    usecase_id: str | None
    title: str | None
    key: str
    params: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Signal:
    number: int
    id: str
    level: Level
    figure_key: str
    """Message key summarising the measure (e.g. "3 of 16 active entries")."""
    figure: dict[str, object]
    evidence: tuple[Evidence, ...]


Verdict = Literal["stop_or_reframe", "continue", "industrialise"]


@dataclass(frozen=True)
class Triage:
    usecase: UseCase
    verdict: Verdict
    reasons: tuple[Evidence, ...]


@dataclass(frozen=True)
class DoctorResult:
    today: dt.date
    active: int
    signals: tuple[Signal, ...]
    triage: tuple[Triage, ...]

    @property
    def alerts(self) -> int:
        return sum(1 for s in self.signals if s.level == "alert")

    @property
    def warnings(self) -> int:
        return sum(1 for s in self.signals if s.level == "warning")


def _share_level(count: int, base: int, alert_share: float) -> Level:
    if count == 0:
        return "ok"
    return "alert" if base and count / base >= alert_share else "warning"


def _ev(uc: UseCase, key: str, **params: object) -> Evidence:
    return Evidence(uc.id, uc.title, key, dict(params))


def _has_targeted_kpi(uc: UseCase) -> bool:
    return any(k.baseline is not None and k.target is not None for k in uc.kpis)


def signal_tool_first(active: Sequence[UseCase]) -> Signal:
    hits = [uc for uc in active if uc.integration.vendor and not _has_targeted_kpi(uc)]
    return Signal(
        1,
        "tool_first",
        _share_level(len(hits), len(active), TOOL_FIRST_ALERT_SHARE),
        "doctor.figure.share",
        {"count": len(hits), "total": len(active)},
        tuple(_ev(uc, "doctor.ev.tool_first", vendor=uc.integration.vendor or "") for uc in hits),
    )


def signal_no_owner(active: Sequence[UseCase]) -> Signal:
    hits = [uc for uc in active if uc.owner is None]
    return Signal(
        2,
        "no_owner",
        _share_level(len(hits), len(active), NO_OWNER_ALERT_SHARE),
        "doctor.figure.share",
        {"count": len(hits), "total": len(active)},
        tuple(_ev(uc, "doctor.ev.no_owner", status=uc.status) for uc in hits),
    )


def signal_no_top3(
    active: Sequence[UseCase], grid: Grid, config: PortfolioConfig, gate: Gate = PASS_ALL
) -> Signal:
    ranked = score_portfolio(active, grid, config.scoring)
    # An operated entry is already delivered: a top 3 names what to deliver next. An entry
    # failing the gate (aip check errors) is no priority until it is fixed.
    candidates = [
        r for r in ranked if r.complete and not r.below_floor and r.usecase.status in OPEN
    ]
    eligible = [r for r in candidates if gate.passes(r.id)]
    blocked = [r for r in candidates if not gate.passes(r.id)]
    incomplete = [r for r in ranked if not r.complete]
    evidence = [
        Evidence(
            r.id,
            r.usecase.title,
            "doctor.ev.top",
            {"rank": i, "score": r.total or 0.0, "feasibility": r.feasibility or 0.0},
        )
        for i, r in enumerate(eligible[:TOP_N], start=1)
    ]
    level: Level = "ok"
    if not eligible:
        level = "alert"
    elif len(eligible) < TOP_N:
        level = "warning"
    elif len(eligible) > TOP_N and eligible[TOP_N - 1].total == eligible[TOP_N].total:
        level = "warning"
        tied = eligible[TOP_N]
        evidence.append(
            Evidence(tied.id, tied.usecase.title, "doctor.ev.tie", {"score": tied.total or 0.0})
        )
    evidence += [
        Evidence(r.id, r.usecase.title, "doctor.ev.gate", {"rules": ", ".join(gate.rules(r.id))})
        for r in blocked
    ]
    if level != "ok":
        evidence += [
            Evidence(r.id, r.usecase.title, "doctor.ev.unscored", {"missing": ", ".join(r.missing)})
            for r in incomplete
        ]
        evidence += [
            Evidence(
                r.id,
                r.usecase.title,
                "doctor.ev.below_floor",
                {"feasibility": r.feasibility or 0.0, "floor": config.scoring.feasibility_floor},
            )
            for r in ranked
            if r.complete and r.below_floor
        ]
    return Signal(
        3,
        "no_top3",
        level,
        "doctor.figure.top",
        {"count": len(eligible), "total": len(active), "n": TOP_N},
        tuple(evidence),
    )


def signal_not_integrated(active: Sequence[UseCase], today: dt.date, cadence_days: int) -> Signal:
    piloted = [uc for uc in active if uc.status in MEASURED]
    evidence: list[Evidence] = []
    hit_ids: set[str] = set()
    for uc in piloted:
        if not uc.integration.tool:
            evidence.append(_ev(uc, "doctor.ev.no_tool", status=uc.status))
            hit_ids.add(uc.id)
        for status in usecase_kpis(uc, today, cadence_days):
            if status.level == "adoption" and status.trend == "worsening":
                evidence.append(
                    _ev(
                        uc,
                        "doctor.ev.adoption_falling",
                        kpi=status.kpi.name,
                        values=" → ".join(f"{v:g}" for v in status.values[-HISTORY_WINDOW:]),
                    )
                )
                hit_ids.add(uc.id)
    return Signal(
        4,
        "not_integrated",
        _share_level(len(hit_ids), len(piloted), NOT_INTEGRATED_ALERT_SHARE),
        "doctor.figure.share_piloted",
        {"count": len(hit_ids), "total": len(piloted)},
        tuple(evidence),
    )


def pilot_start(uc: UseCase) -> dt.date | None:
    """When the pilot started: the decision that moved the entry into ``pilot``, found by
    replaying the decision log backwards from the current status through the state machine
    of ``aip decide`` (model/lifecycle.py). ``None`` before ``pilot`` or when the log does
    not explain the status (hand edits)."""
    from aiportfolio.model.lifecycle import TRANSITIONS

    if uc.status not in MEASURED:
        return None
    status: str = uc.status
    for decision in reversed(uc.decisions):
        before = [s for s, moves in TRANSITIONS.items() if moves.get(decision.decision) == status]
        if status in before:  # iterate keeps the status
            continue
        if len(before) != 1:
            return None
        if status == "pilot":
            return decision.date
        status = before[0]
    return None


def signal_late_compliance(active: Sequence[UseCase]) -> Signal:
    """Missing reviews once in pilot: alert (the review is non-negotiable); reviews dated
    after the pilot started (first ``go`` decision): warning, rework likely."""
    evidence: list[Evidence] = []
    level: Level = "ok"
    for uc in active:
        if not uc.needs_risk_review:
            continue
        started = pilot_start(uc)
        for review in ("security_review", "legal_review"):
            done = getattr(uc.risk, review)
            if done is None and uc.status in MEASURED:
                evidence.append(_ev(uc, f"doctor.ev.{review}.missing", status=uc.status))
                level = "alert"
            elif done is not None and started is not None and done > started:
                evidence.append(
                    _ev(
                        uc,
                        f"doctor.ev.{review}.late",
                        review=done.isoformat(),
                        start=started.isoformat(),
                        days=(done - started).days,
                    )
                )
                if level == "ok":
                    level = "warning"
    return Signal(
        5,
        "late_compliance",
        level,
        "doctor.figure.reviews",
        {
            "count": len({e.usecase_id for e in evidence}),
            "total": sum(1 for uc in active if uc.needs_risk_review),
        },
        tuple(evidence),
    )


def signal_cost_drift(active: Sequence[UseCase], today: dt.date, cadence_days: int) -> Signal:
    """Alert: a variable-cost KPI (quality level, money unit) rising over its last
    measurements while no impact KPI improves. Warning: monthly vendor/infrastructure
    costs in pilot or beyond with no impact KPI measured."""
    evidence: list[Evidence] = []
    level: Level = "ok"
    for uc in active:
        statuses = usecase_kpis(uc, today, cadence_days)
        impact = [s for s in statuses if s.level == "impact"]
        impact_improving = any(s.trend == "improving" for s in impact)
        for s in statuses:
            if not _is_variable_cost(s.kpi):
                continue
            window = s.values[-HISTORY_WINDOW:]
            if len(window) >= 2 and window[-1] > window[0] and not impact_improving:
                evidence.append(
                    _ev(
                        uc,
                        "doctor.ev.cost_rising",
                        kpi=s.kpi.name,
                        first=window[0],
                        last=window[-1],
                        unit=s.kpi.unit or "",
                    )
                )
                level = "alert"
        cost = tco(uc)
        variable = cost.monthly_model_cost
        measured_impact = any(measurements_until(s.kpi, today) for s in impact)
        if variable > 0 and uc.status in MEASURED and not measured_impact:
            evidence.append(_ev(uc, "doctor.ev.cost_unmeasured", monthly=variable, tco=cost.total))
            if level == "ok":
                level = "warning"
    return Signal(
        6,
        "cost_drift",
        level,
        "doctor.figure.entries",
        {"count": len({e.usecase_id for e in evidence})},
        tuple(evidence),
    )


StopReason = Literal["no_owner", "no_measurement"]


def stop_or_reframe(uc: UseCase, today: dt.date) -> tuple[StopReason, ...]:
    """METHOD.md §9: why a POC or pilot is to stop or be reframed whatever its KPIs say: no
    business owner, no KPI with a baseline and a measurement dated by ``today``. Empty when
    neither. The triage (``triage``) and the monthly proposal (``agenda.propose``) both
    start with it."""
    reasons: list[StopReason] = []
    if uc.owner is None:
        reasons.append("no_owner")
    if not has_measurement(uc, today):
        reasons.append("no_measurement")
    return tuple(reasons)


def triage(uc: UseCase, today: dt.date, cadence_days: int) -> Triage:
    """METHOD.md §9: without owner or without measurement, stop or reframe; otherwise
    industrialise once the North Star KPI reached its target, else continue."""
    stop = stop_or_reframe(uc, today)
    if stop:
        return Triage(uc, "stop_or_reframe", tuple(_ev(uc, f"doctor.triage.{w}") for w in stop))
    star = north_star_status(uc, today, cadence_days)
    assert star is not None  # has_measurement implies a KPI
    progress = star.progress
    if progress is not None and progress >= 1:
        return Triage(
            uc,
            "industrialise",
            (_ev(uc, "doctor.triage.reached", kpi=star.kpi.name, progress=progress),),
        )
    if progress is None:
        reason = _ev(uc, "doctor.triage.no_progress", kpi=star.kpi.name)
    else:
        reason = _ev(
            uc,
            "doctor.triage.progress",
            kpi=star.kpi.name,
            progress=progress,
            trend=star.trend or "none",
        )
    return Triage(uc, "continue", (reason,))


def diagnose(
    usecases: Sequence[UseCase],
    grid: Grid,
    config: PortfolioConfig,
    today: dt.date,
    gate: Gate = PASS_ALL,
) -> DoctorResult:
    """The six signals and the triage. ``gate``: entries failing it are never named as a
    priority (signal 3) and are listed as such."""
    current = active(usecases)
    cadence = config.rituals.monthly_days
    signals = (
        signal_tool_first(current),
        signal_no_owner(current),
        signal_no_top3(current, grid, config, gate),
        signal_not_integrated(current, today, cadence),
        signal_late_compliance(current),
        signal_cost_drift(current, today, cadence),
    )
    triaged = tuple(triage(uc, today, cadence) for uc in current if uc.status in IN_FLIGHT)
    return DoctorResult(today, len(current), signals, triaged)
