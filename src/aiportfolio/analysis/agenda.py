"""What each governance ritual reads (METHOD.md §5): the committee (decisions and blockers),
the monthly review (KPIs, costs, risks, go / iterate / scale / stop) and the quarterly
review (budget and capacity against plan, balance, what to reallocate from).

The builders are pure functions of the use cases, the configuration and a date. The one
input from outside, the files added to ``usecases/`` since the last committee, comes from
git (``register.git.files_added_since``, with a timeout) and is passed in; ``build_agenda``
gathers it for a loaded register.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from aiportfolio.analysis.balance import BalanceResult, compute_balance
from aiportfolio.analysis.doctor import pilot_start, stop_or_reframe
from aiportfolio.analysis.gate import PASS_ALL, Gate
from aiportfolio.analysis.tco import PortfolioTco, Tco, portfolio_tco, tco
from aiportfolio.analysis.wave_demand import exceeds, wave_demand
from aiportfolio.domain.kpis import (
    KpiStatus,
    has_measurement,
    north_star_status,
    usecase_kpis,
)
from aiportfolio.domain.scoring import score_use_case
from aiportfolio.message import Message
from aiportfolio.model.common import id_sort_key
from aiportfolio.model.grid import Grid
from aiportfolio.model.lifecycle import MEASURED, NOT_STARTED, OPEN, active, rank
from aiportfolio.model.portfolio import PortfolioConfig
from aiportfolio.model.usecase import UseCase
from aiportfolio.register.git import GIT_TIMEOUT_SECONDS, AddedFile, GitAdded, files_added_since
from aiportfolio.register.loader import Register

__all__ = ["AddedFile", "GitAdded"]  # part of the committee agenda's result

GO_AT = 0.5
"""Monthly proposal: a pilot halfway to its target (or beyond), not worsening, is a go."""


Reason = Message
"""Why an entry is on the agenda: a key of the steer catalog and its parameters."""


# --- committee --------------------------------------------------------------------------


@dataclass(frozen=True)
class Flagged:
    """A use case with the reasons it is on the agenda."""

    usecase: UseCase
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class NewEntry:
    file: AddedFile
    usecase: UseCase | None
    """None when the added file is no longer a valid entry of the register."""


@dataclass(frozen=True)
class CommitteeAgenda:
    today: dt.date
    last_meeting: dt.date
    next_meeting: dt.date
    decisions_due: tuple[UseCase, ...]
    blocked: tuple[Flagged, ...]
    new_entries: tuple[NewEntry, ...]
    git_unavailable: str | None
    reviews_due: tuple[Flagged, ...]


def blocked_reasons(
    uc: UseCase, by_id: dict[str, UseCase], today: dt.date, gate: Gate = PASS_ALL
) -> list[Reason]:
    """Why an open entry cannot move: it fails the gate (``aip check`` errors); its decision
    date has passed; it is in pilot or beyond without the risk reviews its level requires; a
    dependency is missing, stopped, or at an earlier stage than the entry itself."""
    reasons: list[Reason] = []
    if uc.status not in OPEN:
        return reasons
    if not gate.passes(uc.id):
        reasons.append(Reason("agenda.blocked.gate", {"rules": ", ".join(gate.rules(uc.id))}))
    if uc.decision_date is not None and uc.decision_date < today:
        reasons.append(
            Reason(
                "agenda.blocked.decision_past",
                {"date": uc.decision_date.isoformat(), "days": (today - uc.decision_date).days},
            )
        )
    missing = missing_reviews(uc)
    if missing and uc.status in MEASURED:
        reasons.append(Reason("agenda.blocked.review", {"reviews": missing}))
    own_rank = rank(uc.status)
    for dep_id in uc.plan.depends_on:
        dep = by_id.get(dep_id)
        if dep is None:
            reasons.append(Reason("agenda.blocked.dep_missing", {"dep": dep_id}))
        elif dep.status == "stopped":
            reasons.append(Reason("agenda.blocked.dep_stopped", {"dep": dep_id}))
        elif dep.status != "operated" and rank(dep.status) < own_rank:
            reasons.append(
                Reason("agenda.blocked.dep_behind", {"dep": dep_id, "status": dep.status})
            )
    return reasons


def missing_reviews(uc: UseCase) -> tuple[str, ...]:
    """Reviews the risk level triggers and that have no date yet."""
    if not uc.needs_risk_review:
        return ()
    return tuple(
        review for review in ("security_review", "legal_review") if getattr(uc.risk, review) is None
    )


def committee_agenda(
    usecases: Sequence[UseCase],
    config: PortfolioConfig,
    today: dt.date,
    added: GitAdded,
    sources: dict[str, str],
    gate: Gate = PASS_ALL,
) -> CommitteeAgenda:
    """``sources`` maps each entry's file (relative to the register root) to its id; entries
    failing ``gate`` are among the blocked ones, with their rule ids."""
    cadence = dt.timedelta(days=config.rituals.committee_days)
    current = active(usecases)
    by_id = {uc.id: uc for uc in usecases}
    next_meeting = today + cadence
    due = sorted(
        (
            uc
            for uc in current
            if uc.decision_date is not None and today <= uc.decision_date < next_meeting
        ),
        key=lambda uc: (uc.decision_date or today, id_sort_key(uc.id)),
    )
    blocked = [
        Flagged(uc, tuple(r)) for uc in current if (r := blocked_reasons(uc, by_id, today, gate))
    ]
    reviews = [
        Flagged(uc, (Reason("agenda.review.missing", {"reviews": m}),))
        for uc in current
        if (m := missing_reviews(uc))
    ]
    new = tuple(NewEntry(f, by_id.get(sources.get(f.path, ""))) for f in added.files)
    return CommitteeAgenda(
        today=today,
        last_meeting=today - cadence,
        next_meeting=next_meeting,
        decisions_due=tuple(due),
        blocked=tuple(blocked),
        new_entries=new,
        git_unavailable=added.unavailable,
        reviews_due=tuple(reviews),
    )


# --- monthly ----------------------------------------------------------------------------

Proposal = Literal["go", "iterate", "scale", "stop"]


@dataclass(frozen=True)
class PilotProposal:
    usecase: UseCase
    proposal: Proposal
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class CostLine:
    tco: Tco
    started: dt.date | None
    """When the pilot started (``doctor.pilot_start``); None when the log does not say."""
    months_elapsed: int | None
    planned_to_date: float | None
    """One-off plus monthly costs for the months elapsed (capped at the horizon)."""

    @property
    def consumed_share(self) -> float | None:
        if self.planned_to_date is None or self.tco.total == 0:
            return None
        return self.planned_to_date / self.tco.total


@dataclass(frozen=True)
class MonthlyAgenda:
    today: dt.date
    cadence_days: int
    kpis: tuple[KpiStatus, ...]
    costs: tuple[CostLine, ...]
    risks: tuple[Flagged, ...]
    proposals: tuple[PilotProposal, ...]


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole months from ``start`` to ``end`` (0 when ``end`` is before ``start``)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if end.day < start.day:
        months -= 1
    return max(0, months)


def propose(uc: UseCase, today: dt.date, cadence_days: int) -> PilotProposal:
    """go / iterate / scale / stop for a pilot, first rule that applies:
    no owner or no measurement -> stop (stop or reframe, METHOD.md §9); reviews missing ->
    iterate; North Star stale -> iterate; target reached -> scale; no gain over the baseline
    after two measurements or more -> stop; halfway (``GO_AT``) and not worsening -> go;
    otherwise iterate."""
    stop = stop_or_reframe(uc, today)
    if stop:
        return PilotProposal(uc, "stop", tuple(Reason(f"agenda.why.{why}") for why in stop))
    missing = missing_reviews(uc)
    if missing:
        return PilotProposal(uc, "iterate", (Reason("agenda.why.review", {"reviews": missing}),))
    star = north_star_status(uc, today, cadence_days)
    assert star is not None  # has_measurement implies a KPI
    name = star.kpi.name
    if star.stale:
        days = star.age_days if star.age_days is not None else 0
        return PilotProposal(
            uc, "iterate", (Reason("agenda.why.stale", {"kpi": name, "days": days}),)
        )
    p = star.progress
    if p is None:
        return PilotProposal(uc, "iterate", (Reason("agenda.why.no_target", {"kpi": name}),))
    params: dict[str, object] = {"kpi": name, "progress": p, "n": len(star.values)}
    if p >= 1:
        return PilotProposal(uc, "scale", (Reason("agenda.why.reached", params),))
    if p <= 0 and len(star.values) >= 2 and star.trend != "improving":
        return PilotProposal(uc, "stop", (Reason("agenda.why.no_gain", params),))
    if p >= GO_AT and star.trend != "worsening":
        return PilotProposal(uc, "go", (Reason("agenda.why.on_track", params),))
    return PilotProposal(uc, "iterate", (Reason("agenda.why.slow", params),))


def risk_reasons(uc: UseCase) -> list[Reason]:
    reasons: list[Reason] = []
    if uc.risk.level == "high":
        reasons.append(Reason("agenda.risk.high"))
    if uc.data.classification == "red":
        reasons.append(Reason("agenda.risk.red"))
    if uc.risk.ai_act_tier in ("high", "prohibited"):
        reasons.append(Reason("agenda.risk.ai_act", {"tier": uc.risk.ai_act_tier}))
    if uc.risk.personal_data:
        reasons.append(Reason("agenda.risk.personal_data"))
    if uc.risk.critical_decision:
        reasons.append(Reason("agenda.risk.critical"))
    if uc.status in MEASURED and uc.risk.level is None:
        reasons.append(Reason("agenda.risk.unassessed"))
    missing = missing_reviews(uc)
    if missing:
        reasons.append(Reason("agenda.review.missing", {"reviews": missing}))
    return reasons


def monthly_agenda(
    usecases: Sequence[UseCase], config: PortfolioConfig, today: dt.date
) -> MonthlyAgenda:
    cadence = config.rituals.monthly_days
    measured = [uc for uc in active(usecases) if uc.status in MEASURED]
    costs = []
    for uc in measured:
        started = pilot_start(uc)
        elapsed = months_between(started, today) if started else None
        cost = tco(uc)
        planned = cost.cost_to_month(elapsed) if elapsed is not None else None
        costs.append(CostLine(cost, started, elapsed, planned))
    return MonthlyAgenda(
        today=today,
        cadence_days=cadence,
        kpis=tuple(s for uc in measured for s in usecase_kpis(uc, today, cadence)),
        costs=tuple(costs),
        risks=tuple(Flagged(uc, tuple(r)) for uc in active(usecases) if (r := risk_reasons(uc))),
        proposals=tuple(propose(uc, today, cadence) for uc in measured if uc.status == "pilot"),
    )


# --- quarterly --------------------------------------------------------------------------


@dataclass(frozen=True)
class WaveUse:
    """What the active entries planned in a wave ask of it, against its capacity."""

    wave: int | None
    name: str | None
    count: int
    one_off: float
    tco: float
    effort_weeks: float
    pilots: int
    budget_eur: float | None
    person_weeks: float | None
    max_parallel_pilots: int | None

    @property
    def over_budget(self) -> bool:
        return exceeds(self.one_off, self.budget_eur)

    @property
    def over_effort(self) -> bool:
        return exceeds(self.effort_weeks, self.person_weeks)

    @property
    def over_pilots(self) -> bool:
        return exceeds(self.pilots, self.max_parallel_pilots)

    @property
    def budget_share(self) -> float | None:
        return self.one_off / self.budget_eur if self.budget_eur else None

    @property
    def effort_share(self) -> float | None:
        return self.effort_weeks / self.person_weeks if self.person_weeks else None


@dataclass(frozen=True)
class Candidate:
    """An entry to reallocate budget from, with its TCO and the reasons."""

    usecase: UseCase
    reasons: tuple[Reason, ...]
    tco: Tco


@dataclass(frozen=True)
class QuarterlyAgenda:
    today: dt.date
    waves: tuple[WaveUse, ...]
    finance: PortfolioTco
    balance: BalanceResult
    candidates: tuple[Candidate, ...]
    """Entries to reallocate budget from, the largest TCO first."""


def reallocation_reasons(
    uc: UseCase, grid: Grid, config: PortfolioConfig, today: dt.date, cost: Tco
) -> list[Reason]:
    cadence = config.rituals.monthly_days
    reasons: list[Reason] = []
    if uc.status == "pilot":
        proposal = propose(uc, today, cadence)
        if proposal.proposal == "stop":
            reasons.extend(proposal.reasons)
    elif uc.status in MEASURED and not has_measurement(uc, today):
        reasons.append(Reason("agenda.why.no_measurement"))
    if cost.roi is not None and cost.roi < 0:
        reasons.append(Reason("agenda.realloc.roi", {"roi": cost.roi}))
    score = score_use_case(uc, grid, config.scoring)
    if score.below_floor and uc.status in NOT_STARTED:
        reasons.append(
            Reason(
                "agenda.realloc.floor",
                {
                    "feasibility": score.feasibility or 0.0,
                    "floor": config.scoring.feasibility_floor,
                },
            )
        )
    return reasons


def quarterly_agenda(
    usecases: Sequence[UseCase], grid: Grid, config: PortfolioConfig, today: dt.date
) -> QuarterlyAgenda:
    current = active(usecases)
    finance = portfolio_tco(current, config.budget.min_cost_coverage)
    costed = list(zip(current, finance.items, strict=True))
    waves: list[WaveUse] = []
    planned = {uc.plan.wave for uc in current}
    ids = [w.id for w in config.waves] + sorted(
        w for w in planned if w is not None and config.wave(w) is None
    )
    for wave_id in [*ids, None]:
        members = [uc for uc in current if uc.plan.wave == wave_id]
        items = [cost for uc, cost in costed if uc.plan.wave == wave_id]
        if wave_id is None and not members:
            continue
        wave = config.wave(wave_id) if wave_id is not None else None
        load = wave_demand(members)
        waves.append(
            WaveUse(
                wave=wave_id,
                name=wave.name if wave else None,
                count=load.count,
                one_off=load.budget,
                tco=sum(i.total for i in items),
                effort_weeks=load.effort,
                pilots=load.pilots,
                budget_eur=wave.capacity.budget_eur if wave else None,
                person_weeks=wave.capacity.person_weeks if wave else None,
                max_parallel_pilots=wave.capacity.max_parallel_pilots if wave else None,
            )
        )
    flagged = [
        Candidate(uc, tuple(r), cost)
        for uc, cost in costed
        if (r := reallocation_reasons(uc, grid, config, today, cost))
    ]
    flagged.sort(key=lambda f: (-f.tco.total, id_sort_key(f.usecase.id)))
    return QuarterlyAgenda(
        today=today,
        waves=tuple(waves),
        finance=finance,
        balance=compute_balance(current, config.balance, config.budget.min_cost_coverage),
        candidates=tuple(flagged),
    )


# --- one entry point for a loaded register -----------------------------------------------

Ritual = Literal["committee", "monthly", "quarterly"]
Agenda = CommitteeAgenda | MonthlyAgenda | QuarterlyAgenda


def build_agenda(
    register: Register, ritual: Ritual, today: dt.date, git_timeout: float = GIT_TIMEOUT_SECONDS
) -> Agenda:
    """The agenda of ``ritual`` as of ``today``. The committee also reads the use-case files
    added in git since its last meeting (``rituals.committee_days`` before ``today``)."""
    config = register.config
    if ritual == "monthly":
        return monthly_agenda(register.usecases, config, today)
    if ritual == "quarterly":
        return quarterly_agenda(register.usecases, register.grid, config, today)
    last_meeting = today - dt.timedelta(days=config.rituals.committee_days)
    added = files_added_since(register.root, last_meeting, today, git_timeout)
    sources = {
        register.relpath(path): uc.id
        for uc, path in zip(register.usecases, register.usecase_paths, strict=True)
    }
    from aiportfolio.analysis.gate import gate_for

    gate = gate_for(register, today)
    return committee_agenda(register.usecases, config, today, added, sources, gate)
