"""What the planner returns: a strategy's outcome, the plan entry by entry and wave by
wave, the entries left out with their reasons, and the comparison with the register."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from aiportfolio.analysis.planning.constraints import Violation
from aiportfolio.analysis.planning.instance import (
    Candidate,
    PlanningInstance,
    Reason,
    Status,
    Strategy,
)
from aiportfolio.model.grid import Grid
from aiportfolio.model.usecase import UseCase

Fallback = Literal["no_time", "no_better"]
"""Why the exact strategy answers with its warm start (the best greedy plan): ``no_time``,
too little of the time limit was left to start HiGHS; ``no_better``, HiGHS found nothing
better within the limit."""


@dataclass(frozen=True)
class SolverOutcome:
    """What a strategy returns: the assignment and what is proven about it."""

    assignment: dict[str, int | None]
    status: Status
    objective: float
    bound: float | None = None
    """Best proven upper bound on the objective (exact strategy)."""
    seconds: float = 0.0
    fallback: Fallback | None = None
    solver_time: tuple[float, float] | None = None
    """(seconds HiGHS had, or would have had, from the time limit; seconds a search needs
    on this model and machine, ``milp.SPEED_FACTOR``), with a ``fallback``."""


@dataclass(frozen=True)
class PlannedEntry:
    usecase: UseCase
    candidate: Candidate
    wave: int | None
    register_wave: int | None
    pinned: bool
    contribution: float

    @property
    def id(self) -> str:
        return self.usecase.id


@dataclass(frozen=True)
class UnscheduledEntry:
    usecase: UseCase
    reason: Reason
    by_wave: tuple[tuple[int, tuple[Reason, ...]], ...] = ()
    """For each wave, what prevents adding the entry to the final plan."""
    detail: tuple[str, ...] = ()
    """Missing criteria (missing_scores), unschedulable prerequisites (dependency), rules
    failed (gate), or the AI Act date then the articles applying from it (deadline)."""

    @property
    def id(self) -> str:
        return self.usecase.id


@dataclass(frozen=True)
class WaveUsage:
    wave: int
    name: str
    open: bool
    entries: tuple[str, ...]
    effort: float
    person_weeks: float | None
    budget: float
    budget_eur: float | None
    pilots: int
    max_pilots: int
    contribution: float


@dataclass(frozen=True)
class PlanChange:
    id: str
    title: str
    kind: Literal["moved", "added", "dropped"]
    before: int | None
    after: int | None


@dataclass(frozen=True)
class PlanComparison:
    """The proposal against the waves written in the register."""

    register_objective: float
    proposal_objective: float
    changes: tuple[PlanChange, ...]
    register_violations: tuple[Violation, ...]


@dataclass(frozen=True)
class PlanResult:
    strategy: Strategy
    status: Status
    objective: float
    bound: float | None
    seconds: float
    instance: PlanningInstance
    entries: tuple[PlannedEntry, ...]
    """Every candidate (scheduled or not) with its proposed wave, in rank order."""
    unscheduled: tuple[UnscheduledEntry, ...]
    waves: tuple[WaveUsage, ...]
    conflicts: tuple[Violation, ...]
    greedy_objective: float
    objective_kind: str
    time_limit: float
    warnings: tuple[tuple[str, str], ...] = ()
    """(kind, use-case id): ``no_effort``, ``pinned_missing_scores``, ``compliance_deadline``,
    ``compliance_late``."""
    balance: tuple[tuple[str, int, float], ...] = ()
    """(group, scheduled count, target percent) of the proposal."""
    comparison: PlanComparison | None = None
    grid: Grid | None = None
    """The scoring grid, for the labels of missing criteria (None: ids are shown)."""
    deadlines_enforced: bool = True
    """AI Act application dates held as constraints (``planning.enforce_deadlines``)."""
    fallback: Fallback | None = None
    """The exact strategy answered with the best greedy plan, and why (``SolverOutcome``)."""
    solver_time: tuple[float, float] | None = None
    """(seconds HiGHS had, seconds it needed) with a ``fallback``."""

    @property
    def feasible(self) -> bool:
        return not self.conflicts

    @property
    def gap(self) -> float | None:
        """Proven relative gap: (bound - objective) / objective; 0 when optimal."""
        if self.bound is None:
            return None
        if self.status == "optimal":
            return 0.0
        return max(0.0, self.bound - self.objective) / max(abs(self.objective), 1e-9)

    @property
    def assignment(self) -> dict[str, int | None]:
        return {e.id: e.wave for e in self.entries}

    @property
    def balance_enforced(self) -> bool:
        return bool(self.instance.balance)
