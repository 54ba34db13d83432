"""``aip plan``'s computation: build the instance of a register, run a strategy (greedy, or
the exact integer program warm-started from greedy), name the conflicts when no plan
exists, and explain every entry left out (the constraint that keeps it out in each wave).
"""

from __future__ import annotations

import datetime as dt
import time
from collections import defaultdict
from collections.abc import Mapping, Sequence, Set
from dataclasses import replace
from typing import Literal

from aiportfolio.analysis.gate import PASS_ALL, Gate, gate_for
from aiportfolio.analysis.planning.constraints import (
    Violation,
    WaveLoad,
    pinned_conflicts,
    violations,
    wave_domains,
)
from aiportfolio.analysis.planning.deadlines import wave_end
from aiportfolio.analysis.planning.greedy import greedy_assignment, warm_start
from aiportfolio.analysis.planning.instance import (
    EPS,
    REASONS,
    Assignment,
    Excluded,
    PlanningInstance,
    PlanOptions,
    Reason,
    Status,
    build_instance,
    objective,
)
from aiportfolio.analysis.planning.milp import MIN_SOLVE, solve_exact
from aiportfolio.analysis.planning.result import (
    PlanChange,
    PlanComparison,
    PlannedEntry,
    PlanResult,
    SolverOutcome,
    UnscheduledEntry,
    WaveUsage,
)
from aiportfolio.domain.ai_act import catalog_for, obligations_of
from aiportfolio.domain.scoring import ScoreResult, score_portfolio
from aiportfolio.model.grid import Grid
from aiportfolio.model.portfolio import PortfolioConfig
from aiportfolio.model.usecase import UseCase
from aiportfolio.register.loader import Register

RANK = {r: i for i, r in enumerate(REASONS)}
RESERVE = 0.1
OUTPUT_FACTOR = 12.0
FILL_FACTOR = 20.0
"""The rank-order greedy fill is the planner's gauge of this machine's speed right now
(its load included): the time limit keeps ``RESERVE`` plus ``OUTPUT_FACTOR`` times what
it took, plus ``PlanOptions.report_factor`` times it, for the work after the solver, and
HiGHS is started only with at least ``milp.MIN_SOLVE`` plus ``FILL_FACTOR`` times it
left. Measured at 3,600 entries (3,088 candidates) on a loaded machine: the fill 0.022 s
of CPU; after the solver, the reasons of each entry left out, the comparison and the
table 0.1 s and the end of the process 0.15 s (11 fills); importing HiGHS, building the
model and a first search step 0.4 s or more (``milp.SPEED_FACTOR``)."""


def unscheduled_reasons(
    instance: PlanningInstance, assignment: Assignment, status: Status
) -> dict[str, tuple[Reason, tuple[tuple[int, tuple[Reason, ...]], ...]]]:
    """For each candidate left out: the reason that blocks it in most waves (ties broken in
    ``REASONS`` order) and, per wave, everything that blocks it. An entry that only its AI
    Act deadline keeps out of some wave gets ``deadline``: without it, it would fit."""
    found: dict[str, tuple[Reason, tuple[tuple[int, tuple[Reason, ...]], ...]]] = {}
    load = WaveLoad(instance, assignment)
    for c in instance.candidates:
        if assignment.get(c.id) is not None:
            continue
        by_wave = tuple((slot.id, load.blockers(c, slot.id)) for slot in instance.waves)
        if not by_wave:
            found[c.id] = ("capacity", by_wave)
            continue
        if any(not reasons for _, reasons in by_wave):
            found[c.id] = ("solver_limit", by_wave)
            continue
        if any(reasons == ("deadline",) for _, reasons in by_wave):
            # It would fit in a wave after its AI Act deadline: that is what keeps it out.
            found[c.id] = ("deadline", by_wave)
            continue
        # Every wave has a reason here: the most frequent wins, ties in REASONS order.
        counts: dict[Reason, int] = {}
        for _, reasons in by_wave:
            for r in reasons:
                counts[r] = counts.get(r, 0) + 1
        primary = max(counts, key=lambda r: (counts[r], -RANK[r]))
        found[c.id] = (primary, by_wave)
    return found


def plan_usecases(
    usecases: Sequence[UseCase],
    config: PortfolioConfig,
    scores: Sequence[ScoreResult],
    options: PlanOptions,
    grid: Grid | None = None,
    gate: Gate = PASS_ALL,
) -> PlanResult:
    """Propose a wave for every candidate (see the module docstring). Entries failing
    ``gate`` are never scheduled."""
    started = time.perf_counter() if options.started is None else options.started
    built = build_instance(usecases, config, scores, options, gate)
    instance = built.instance
    time_limit = options.time_limit or config.planning.time_limit_seconds

    def time_left() -> float:
        return time_limit - (time.perf_counter() - started)

    conflicts = pinned_conflicts(instance)
    filling = time.perf_counter()
    greedy = greedy_assignment(instance)
    filling = time.perf_counter() - filling
    greedy_ok = not violations(instance, greedy)
    greedy_value = objective(instance, greedy) if greedy_ok else 0.0
    outcome: SolverOutcome
    if conflicts:
        outcome = SolverOutcome({c.id: c.pinned_wave for c in instance.candidates}, "infeasible", 0)
    elif options.strategy == "greedy":
        # Greedy proves nothing: a plan it cannot balance is "unknown", not a conflict.
        status: Status = "feasible" if greedy_ok else "unknown"
        outcome = SolverOutcome(greedy, status, greedy_value)
    else:
        warm = warm_start(instance, greedy)
        warm_value = objective(instance, warm) if warm is not None else 0.0
        # What follows the solver (the reasons of each entry left out, wave by wave, the
        # comparison, the report, the end of the process) walks the candidates and waves a
        # few times, as a fill does: the solver stops that much earlier.
        reserve = RESERVE + (OUTPUT_FACTOR + options.report_factor) * filling
        outcome = solve_exact(
            instance,
            time_left() - reserve,
            warm,
            mip_gap=options.mip_gap,
            needed=MIN_SOLVE + FILL_FACTOR * filling,
        )
        if (
            outcome.status in ("optimal", "time_limit")
            and warm is not None
            and (outcome.objective < warm_value - EPS)
        ):  # never worse than the warm start, whatever the solver reports
            outcome = replace(outcome, assignment=warm, objective=warm_value)
        if outcome.status == "infeasible":
            conflicts = diagnose_infeasible(instance, max(time_left(), 0.5))
    if outcome.status == "infeasible" and not conflicts:
        conflicts = [Violation("infeasible")]
    if not conflicts:
        conflicts = balance_empty(
            instance,
            outcome.assignment,
            unscored=_unscored_by_group(built.excluded, config),
            proven=outcome.status == "optimal",
        )
    if not conflicts and outcome.status == "unknown":
        conflicts = [Violation("unknown")]
    conflicts = [
        replace(v, amount=time_limit, detail=options.strategy) if v.kind == "unknown" else v
        for v in conflicts
    ]
    assignment = outcome.assignment
    reasons = unscheduled_reasons(instance, assignment, outcome.status) if not conflicts else {}
    unscheduled = [UnscheduledEntry(e.usecase, e.reason, detail=e.detail) for e in built.excluded]
    entries = []
    for c in instance.candidates:
        uc = built.usecases[c.id]
        wave = assignment.get(c.id)
        entries.append(
            PlannedEntry(
                usecase=uc,
                candidate=c,
                wave=wave,
                register_wave=uc.plan.wave,
                pinned=c.pinned_wave is not None,
                contribution=c.weight * instance.factor(wave) if wave is not None else 0.0,
            )
        )
        if wave is None and c.id in reasons:
            reason, by_wave = reasons[c.id]
            detail: tuple[str, ...] = ()
            if reason == "deadline" and c.deadline is not None:
                detail = (c.deadline.date.isoformat(), *c.deadline.articles)
            unscheduled.append(UnscheduledEntry(uc, reason, by_wave, detail))
    waves = tuple(_wave_usage(instance, config, assignment, entries))
    total = sum(1 for e in entries if e.wave is not None)
    balance = tuple(
        (
            g.id,
            sum(1 for e in entries if e.wave is not None and e.candidate.group == g.id),
            g.target,
        )
        for g in config.balance.groups
    )
    status = outcome.status
    if conflicts:
        status = "unknown" if all(v.kind == "unknown" for v in conflicts) else "infeasible"
    result = PlanResult(
        strategy=options.strategy,
        status=status,
        objective=objective(instance, assignment),
        bound=outcome.bound,
        seconds=time.perf_counter() - started,
        instance=instance,
        entries=tuple(entries),
        unscheduled=tuple(unscheduled),
        waves=waves,
        conflicts=tuple(conflicts),
        greedy_objective=greedy_value,
        objective_kind=config.planning.objective,
        time_limit=time_limit,
        fallback=outcome.fallback if not conflicts else None,
        solver_time=outcome.solver_time,
        warnings=(*built.warnings, *_compliance_deadlines(entries, config, built.late)),
        balance=balance if total else (),
        grid=grid,
        deadlines_enforced=built.deadlines_enforced,
    )
    return replace(result, comparison=compare_with_register(result))


def _compliance_deadlines(
    entries: Sequence[PlannedEntry], config: PortfolioConfig, late: Set[str]
) -> list[tuple[str, str]]:
    """Entries planned in a wave that ends after an open AI Act obligation falls due (its own
    ``due`` date, else its application date): the compliance work must be done first.
    ``compliance_late`` for the ``late`` ones (a date no open wave can meet, so the
    planner could not hold it), ``compliance_deadline`` otherwise (a pinned entry, a
    ``due`` date earlier than the application date, deadlines not enforced)."""
    catalog = catalog_for(config)
    found: list[tuple[str, str]] = []
    for e in entries:
        end = wave_end(config, e.wave) if e.wave is not None else None
        if end is None:
            continue
        deadlines = [a.deadline for a in obligations_of(e.usecase, catalog) if not a.closed]
        if deadlines and min(deadlines) < end:
            kind = "compliance_late" if e.id in late else "compliance_deadline"
            found.append((kind, e.usecase.id))
    return found


def _wave_usage(
    instance: PlanningInstance,
    config: PortfolioConfig,
    assignment: Assignment,
    entries: Sequence[PlannedEntry],
) -> list[WaveUsage]:
    usage = []
    for slot in instance.waves:
        members = [e for e in entries if assignment.get(e.id) == slot.id]
        wave = config.wave(slot.id)
        usage.append(
            WaveUsage(
                wave=slot.id,
                name=wave.name if wave else str(slot.id),
                open=slot.open,
                entries=tuple(e.id for e in members),
                effort=sum(e.candidate.effort for e in members),
                person_weeks=slot.person_weeks,
                budget=sum(e.candidate.budget for e in members),
                budget_eur=slot.budget_eur,
                pilots=sum(1 for e in members if e.candidate.pilot),
                max_pilots=slot.max_pilots,
                contribution=sum(e.contribution for e in members),
            )
        )
    return usage


def diagnose_infeasible(instance: PlanningInstance, time_limit: float) -> list[Violation]:
    """Name the conflict when no plan exists: pinned-entry conflicts first; else, if dropping
    the balance target makes a plan possible, the balance conflicts with the pinned entries."""
    found = pinned_conflicts(instance)
    if found:
        return found
    if instance.balance:
        relaxed = replace(instance, balance=())
        outcome = solve_exact(relaxed, time_limit, None)
        if outcome.status not in ("infeasible", "unknown"):
            pinned = tuple(c.id for c in instance.candidates if c.pinned_wave is not None)
            return [Violation("balance", pinned)]
    return [Violation("infeasible")]


def balance_empty(
    instance: PlanningInstance,
    assignment: Assignment,
    unscored: Mapping[str, Sequence[str]] | None = None,
    proven: bool = True,
) -> list[Violation]:
    """The conflicts to report when the balance target leaves ``assignment`` empty although
    some plan exists without it (a fresh register holding only quick wins, say): an empty
    plan is no plan, and applying it would remove every wave.

    A group the target needs and no candidate can fill is named: ``balance_unscored`` when
    it has entries left out for missing scores (``unscored``: group -> ids; ``ids`` of the
    violation: those entries, ``detail``: the group), else in ``balance_empty`` (``ids``:
    the candidates; ``detail``: the groups, comma-separated). Without such a group the
    empty plan is a conflict only when ``proven`` (the exact strategy's optimum); otherwise
    the answer is ``unknown``: no balanced plan was found, none is proven impossible."""
    if not instance.balance or any(w is not None for w in assignment.values()):
        return []
    relaxed = greedy_assignment(replace(instance, balance=()))
    if not any(w is not None for w in relaxed.values()):
        return []
    unscored = unscored or {}
    domains = wave_domains(instance)
    placeable = {c.group for c in instance.candidates if domains[c.id]}
    short = [
        b.group
        for b in instance.balance
        if b.target - b.tolerance > EPS and b.group not in placeable
    ]
    found = [
        Violation("balance_unscored", tuple(unscored[group]), detail=group)
        for group in short
        if unscored.get(group)
    ]
    others = [group for group in short if not unscored.get(group)]
    if others or (proven and not found):
        found.append(
            Violation(
                "balance_empty", tuple(c.id for c in instance.candidates), detail=",".join(others)
            )
        )
    if not found:
        found.append(Violation("unknown"))
    return found


def _unscored_by_group(
    excluded: Sequence[Excluded], config: PortfolioConfig
) -> dict[str, list[str]]:
    """Entries left out for missing scores, by balance group."""
    found: dict[str, list[str]] = defaultdict(list)
    for entry in excluded:
        if entry.reason == "missing_scores":
            found[config.balance.group_of(entry.usecase.category).id].append(entry.id)
    return found


def compare_with_register(result: PlanResult) -> PlanComparison:
    instance = result.instance
    known = {w.id for w in instance.waves}
    current: dict[str, int | None] = {}
    changes = []
    for e in result.entries:
        before = e.register_wave if e.register_wave in known else None
        current[e.id] = before
        after = e.wave
        if before == after:
            continue
        kind: Literal["moved", "added", "dropped"] = (
            "added" if before is None else "dropped" if after is None else "moved"
        )
        changes.append(PlanChange(e.id, e.usecase.title, kind, before, after))
    return PlanComparison(
        register_objective=objective(instance, current),
        proposal_objective=result.objective,
        changes=tuple(changes),
        register_violations=tuple(
            v for v in violations(instance, current) if v.kind != "pinned_wave"
        ),
    )


def plan_register(register: Register, options: PlanOptions) -> PlanResult:
    """``aip plan`` on a loaded register: every entry failing the gate (``aip check``
    errors, on ``options.today``) is left unscheduled with the reason ``gate``."""
    gate = gate_for(register, options.today or dt.date.today())
    scores = score_portfolio(register.usecases, register.grid, register.config.scoring)
    return plan_usecases(register.usecases, register.config, scores, options, register.grid, gate)
