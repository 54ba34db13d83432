"""The planning problem: candidates, waves and rules, independent of any solver, and how
it is built from the register and its configuration (``build_instance``).

Definitions (docs/planning.md has the user-facing version):

- *candidate*: an active use case not yet operated (idea, scoping, pilot, industrialising);
- *pinned*: a candidate with a ``plan.wave`` whose status is pilot or industrialising, or
  with ``plan.pinned: true``; it keeps its wave;
- *pilot*: a candidate with status idea, scoping or pilot; it takes one of the wave's
  ``max_parallel_pilots`` slots (industrialising entries do not);
- *effort*: ``plan.effort_weeks`` plus the open AI Act obligations' effort;
- *risk gate*: an entry needing a risk review (high risk, red data, AI Act high) is not
  placed before ``planning.compliance_wave``;
- *AI Act deadline*: an entry with open obligations applying before the horizon ends sits
  in a wave that ends by that date (``deadlines``);
- *closed wave*: a wave that ended before the planning date takes no new entry;
- *gate*: an entry failing the gate (``aip check`` errors, ``analysis/gate.py``) is never
  scheduled (reason ``gate``, with the rule ids); a pinned one stays in its wave;
- *objective*: sum over scheduled entries of weight × discount^(wave − 1), weight being the
  total score (or the value axis); wave 0 therefore counts weight / discount, more than
  wave 1: earlier is always worth more.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal, get_args

from aiportfolio.analysis.gate import PASS_ALL, Gate
from aiportfolio.analysis.planning.deadlines import Deadline, calendar_of, deadline_of
from aiportfolio.analysis.tco import one_off_cost
from aiportfolio.analysis.wave_demand import EPS as EPS  # the planner's tolerance, defined there
from aiportfolio.analysis.wave_demand import counts_as_pilot
from aiportfolio.domain.ai_act import catalog_for, obligations_of, open_effort_weeks
from aiportfolio.domain.scoring import ScoreResult
from aiportfolio.model.lifecycle import IN_FLIGHT, is_open
from aiportfolio.model.portfolio import PortfolioConfig
from aiportfolio.model.usecase import UseCase

Reason = Literal[
    "gate",
    "missing_scores",
    "dependency",
    "closed_wave",
    "risk_gate",
    "deadline",
    "pilots",
    "capacity",
    "budget",
    "balance",
    "solver_limit",
]
REASONS: tuple[Reason, ...] = get_args(Reason)
"""Reasons an entry is left unscheduled, in the order used to break ties."""

Status = Literal["optimal", "time_limit", "feasible", "infeasible", "empty", "unknown"]
"""``unknown``: no plan was found within the time limit, and none is proven impossible."""
Strategy = Literal["exact", "greedy"]
Assignment = Mapping[str, "int | None"]


# --- the instance ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    """One use case the planner may place, with everything the constraints need."""

    id: str
    group: str
    """Balance group of its category."""
    weight: float
    """Objective weight (total score or value axis); 0 for a pinned entry without scores."""
    effort: float = 0.0
    """``plan.effort_weeks`` (person-weeks); 0 when not estimated."""
    budget: float = 0.0
    """One-off cost (euros), taken from the wave's budget."""
    pilot: bool = True
    depends_on: tuple[str, ...] = ()
    """Candidate ids that must sit in an earlier wave (operated targets are left out)."""
    pinned_wave: int | None = None
    risk_gated: bool = False
    deadline: Deadline | None = None
    """The AI Act date its wave must end by: no wave after ``deadline.wave``."""
    gate_rules: tuple[str, ...] = ()
    """Rules whose errors make it fail the gate (``aip check``); only a pinned entry can
    be a candidate with some: it stays in its wave and is reported as a conflict."""


@dataclass(frozen=True)
class WaveSlot:
    id: int
    person_weeks: float | None = None
    """None: no limit."""
    budget_eur: float | None = None
    """None: no limit."""
    max_pilots: int = 2
    open: bool = True
    """False when the wave ended before the planning date: only pinned entries stay there."""


@dataclass(frozen=True)
class BalanceTarget:
    group: str
    target: float
    """Percent of the scheduled entries."""
    tolerance: float

    def bounds(self, total: int) -> tuple[float, float]:
        return (
            (self.target - self.tolerance) / 100 * total,
            (self.target + self.tolerance) / 100 * total,
        )


@dataclass(frozen=True)
class PlanningInstance:
    """The planning problem, independent of the register and of the solver. Candidates are
    listed in rank order (best first): greedy fills in that order."""

    candidates: tuple[Candidate, ...]
    waves: tuple[WaveSlot, ...]
    discount: float = 0.85
    compliance_wave: int = 1
    balance: tuple[BalanceTarget, ...] = ()
    """Empty when the balance is not enforced."""

    def candidate(self, cid: str) -> Candidate:
        return self._index()[cid]

    def _index(self) -> dict[str, Candidate]:
        cache = self.__dict__.get("_by_id")
        if cache is None:
            cache = {c.id: c for c in self.candidates}
            object.__setattr__(self, "_by_id", cache)
        return cache

    def factor(self, wave: int) -> float:
        return float(self.discount ** (wave - 1))

    def wave_slot(self, wave: int) -> WaveSlot | None:
        for slot in self.waves:
            if slot.id == wave:
                return slot
        return None


def objective(instance: PlanningInstance, assignment: Assignment) -> float:
    total = 0.0
    for c in instance.candidates:
        wave = assignment.get(c.id)
        if wave is not None:
            total += c.weight * instance.factor(wave)
    return total


@dataclass(frozen=True)
class PlanOptions:
    strategy: Strategy = "exact"
    enforce_balance: bool | None = None
    """None: ``planning.enforce_balance`` of the configuration."""
    time_limit: float | None = None
    discount: float | None = None
    today: dt.date | None = None
    """Waves that ended before this date are closed (default: no wave is closed)."""
    enforce_deadlines: bool | None = None
    """None: ``planning.enforce_deadlines`` of the configuration."""
    mip_gap: float | None = None
    """Relative optimality gap HiGHS may stop at (None: HiGHS' default, 1e-4)."""
    started: float | None = None
    """``time.perf_counter()`` at which the time limit starts counting (None: when planning
    starts). ``aip plan`` passes the start of the command, so that reading the register,
    building the model, the greedy plan and the solver all fit in the limit."""
    report_factor: float = 0.0
    """What the report of the plan costs after it, in greedy fills (``plan.OUTPUT_FACTOR``):
    the time limit keeps that much for it (``aip plan --format json`` or ``md`` write every
    entry left out, wave by wave)."""


# --- from the register -----------------------------------------------------------------------


@dataclass(frozen=True)
class Excluded:
    """A use case left out before planning starts, and why (gate, missing scores, a
    prerequisite that cannot be planned)."""

    usecase: UseCase
    reason: Reason
    detail: tuple[str, ...] = ()
    """Rules it fails (gate), missing criteria (missing_scores) or unschedulable
    prerequisites (dependency)."""

    @property
    def id(self) -> str:
        return self.usecase.id


@dataclass
class BuiltInstance:
    """The instance of a register, with what building it found on the way."""

    instance: PlanningInstance
    usecases: dict[str, UseCase]
    excluded: list[Excluded] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    late: set[str] = field(default_factory=set)
    """Candidates with an AI Act obligation applying from a date no open wave can meet."""
    deadlines_enforced: bool = True


def build_instance(
    usecases: Sequence[UseCase],
    config: PortfolioConfig,
    scores: Sequence[ScoreResult],
    options: PlanOptions,
    gate: Gate = PASS_ALL,
) -> BuiltInstance:
    planning = config.planning
    obligations = catalog_for(config)
    calendar = calendar_of(config, options.today)
    enforce_deadlines = (
        planning.enforce_deadlines
        if options.enforce_deadlines is None
        else options.enforce_deadlines
    )
    score_of = {s.id: s for s in scores}
    operated = {uc.id for uc in usecases if uc.status == "operated"}
    ranked = [s.usecase for s in scores if is_open(s.usecase.status)]
    built = BuiltInstance(
        PlanningInstance((), ()),
        {uc.id: uc for uc in ranked},
        deadlines_enforced=enforce_deadlines,
    )
    pinned: dict[str, int | None] = {}
    verdicts = {uc.id: gate.of(uc.id) for uc in ranked}
    for uc in ranked:
        wave = uc.plan.wave
        pinned[uc.id] = (
            wave if wave is not None and (uc.plan.pinned or uc.status in IN_FLIGHT) else None
        )
    # Entries that cannot be placed at all; prerequisites of others propagate. An entry
    # failing the gate is never scheduled (a pinned one stays, as a conflict).
    excluded: dict[str, tuple[Reason, tuple[str, ...]]] = {}
    for uc in ranked:
        result = score_of[uc.id]
        if pinned[uc.id] is None and not verdicts[uc.id].passes:
            excluded[uc.id] = ("gate", verdicts[uc.id].rules)
        elif not result.complete and pinned[uc.id] is None:
            excluded[uc.id] = ("missing_scores", result.missing)
    # Passes in rank order until nothing changes (only entries with prerequisites can be
    # left out here; each keeps the prerequisites excluded when it was reached).
    dependants = [uc for uc in ranked if uc.plan.depends_on and pinned[uc.id] is None]
    changed = True
    while changed:
        changed = False
        for uc in dependants:
            if uc.id in excluded:
                continue
            blocked = tuple(
                d
                for d in uc.plan.depends_on
                if d not in operated and (d not in built.usecases or d in excluded)
            )
            if blocked:
                excluded[uc.id] = ("dependency", blocked)
                changed = True
    candidates: list[Candidate] = []
    group_of: dict[str, str] = {}
    for uc in ranked:
        if uc.id in excluded:
            reason, detail = excluded[uc.id]
            built.excluded.append(Excluded(uc, reason, detail))
            continue
        result = score_of[uc.id]
        weight = (result.value if planning.objective == "value" else result.total) or 0.0
        if not result.complete:
            built.warnings.append(("pinned_missing_scores", uc.id))
        if uc.plan.effort_weeks is None:
            built.warnings.append(("no_effort", uc.id))
        group = group_of.get(uc.category)
        if group is None:
            group = group_of[uc.category] = config.balance.group_of(uc.category).id
        applicable = obligations_of(uc, obligations)
        deadline = None
        if enforce_deadlines:
            deadline, late = deadline_of(applicable, calendar)
            if late:
                built.late.add(uc.id)
        candidates.append(
            Candidate(
                id=uc.id,
                group=group,
                weight=weight,
                # Open AI Act obligations are work too (docs/compliance.md).
                effort=(uc.plan.effort_weeks or 0.0)
                + open_effort_weeks(uc, obligations, applicable),
                budget=one_off_cost(uc),
                pilot=counts_as_pilot(uc),
                # A prerequisite that is neither operated nor a candidate (stopped, unknown)
                # stays listed so that a pinned dependant shows up as a conflict.
                depends_on=tuple(d for d in uc.plan.depends_on if d not in operated),
                pinned_wave=pinned[uc.id],
                risk_gated=uc.needs_risk_review,
                deadline=deadline,
                gate_rules=verdicts[uc.id].rules,
            )
        )
    enforce = (
        planning.enforce_balance if options.enforce_balance is None else options.enforce_balance
    )
    balance = (
        tuple(
            BalanceTarget(g.id, g.target, config.balance.tolerance) for g in config.balance.groups
        )
        if enforce
        else ()
    )
    waves = tuple(
        WaveSlot(
            id=w.id,
            person_weeks=w.capacity.person_weeks,
            budget_eur=w.capacity.budget_eur,
            max_pilots=w.capacity.max_parallel_pilots,
            open=w.id in calendar.open,
        )
        for w in config.waves
    )
    built.instance = PlanningInstance(
        candidates=tuple(candidates),
        waves=waves,
        discount=options.discount if options.discount is not None else planning.discount,
        compliance_wave=planning.compliance_wave,
        balance=balance,
    )
    return built
