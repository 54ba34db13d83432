"""Capacity-aware wave planning (METHOD.md §4): which use case goes in which wave.

The register is turned into a solver-neutral ``PlanningInstance`` (candidates, waves, rules);
two strategies fill it: ``greedy`` (rank by score, fill waves in order: what a spreadsheet
does) and ``exact`` (an integer program solved by HiGHS, warm-started from greedy, see
``planning_milp``). Every plan is checked by one function, ``violations``, and every entry
left out gets the constraint that keeps it out (``insertion_blockers``).

Definitions (docs/planning.md has the user-facing version):

- *candidate*: an active use case not yet operated (idea, scoping, pilot, industrialising);
- *pinned*: a candidate with a ``plan.wave`` whose status is pilot or industrialising, or
  with ``plan.pinned: true``; it keeps its wave;
- *pilot*: a candidate with status idea, scoping or pilot; it takes one of the wave's
  ``max_parallel_pilots`` slots (industrialising entries do not);
- *risk gate*: an entry needing a risk review (high risk, red data, AI Act high) is not
  placed before ``planning.compliance_wave``; compliance prerequisites it depends on must
  in addition sit in an earlier wave (the dependency rule);
- *closed wave*: a wave that ended before the planning date takes no new entry;
- *gate*: an entry failing the gate (``aip check`` errors, ``analysis/gate.py``) is never
  scheduled (reason ``gate``, with the rule ids); a pinned one stays in its wave and is
  reported as a conflict (``pinned_gate``);
- *objective*: sum over scheduled entries of weight × discount^(wave − 1), weight being the
  total score (or the value axis); wave 0 therefore counts weight / discount, more than
  wave 1: earlier is always worth more.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Literal, get_args

from aiportfolio.analysis.gate import PASS_ALL, Gate
from aiportfolio.analysis.tco import tco
from aiportfolio.domain.ai_act import catalog_for, obligations_of, open_effort_weeks
from aiportfolio.domain.scoring import ScoreResult, score_portfolio
from aiportfolio.model.grid import Grid
from aiportfolio.model.lifecycle import IN_FLIGHT, PILOT_SLOT, active, is_open
from aiportfolio.model.portfolio import PortfolioConfig
from aiportfolio.model.usecase import UseCase

if TYPE_CHECKING:
    from aiportfolio.actions.writing import FileEdit
    from aiportfolio.analysis.agenda import Reason as RiskReason
    from aiportfolio.register.loader import Register


def counts_as_pilot(uc: UseCase) -> bool:
    """Whether ``uc`` takes one of its wave's ``max_parallel_pilots`` slots
    (``lifecycle.PILOT_SLOT``: an entry placed in a wave is piloted there). The one
    definition used by ``aip plan``, ``aip roadmap`` and the quarterly agenda."""
    return uc.status in PILOT_SLOT


Reason = Literal[
    "gate",
    "missing_scores",
    "dependency",
    "closed_wave",
    "risk_gate",
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
EPS = 1e-6


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


@dataclass(frozen=True)
class Violation:
    """A constraint a plan breaks, or a conflict between hard constraints."""

    kind: str
    """capacity, budget, pilots, dependency, risk_gate, closed_wave, balance, pinned_wave,
    unknown_wave, pinned_dependency, pinned_risk_gate, pinned_gate (``detail``: the rule
    ids it fails), infeasible, balance_empty,
    balance_unscored; ``unknown``: no plan found, none proven impossible (``amount``: the
    time limit, ``detail``: the strategy)."""
    ids: tuple[str, ...] = ()
    wave: int | None = None
    amount: float | None = None
    limit: float | None = None
    detail: str = ""
    """A group id (balance) or a dependency target (dependency)."""


def objective(instance: PlanningInstance, assignment: Assignment) -> float:
    total = 0.0
    for c in instance.candidates:
        wave = assignment.get(c.id)
        if wave is not None:
            total += c.weight * instance.factor(wave)
    return total


def balance_ok(instance: PlanningInstance, assignment: Assignment) -> bool:
    return not _balance_violations(instance, assignment)


def _balance_violations(instance: PlanningInstance, assignment: Assignment) -> list[Violation]:
    if not instance.balance:
        return []
    scheduled = [c for c in instance.candidates if assignment.get(c.id) is not None]
    total = len(scheduled)
    found = []
    for target in instance.balance:
        count = sum(1 for c in scheduled if c.group == target.group)
        low, high = target.bounds(total)
        if count < low - EPS or count > high + EPS:
            found.append(
                Violation(
                    "balance",
                    amount=100 * count / total if total else 0.0,
                    limit=target.target,
                    detail=target.group,
                )
            )
    return found


def violations(instance: PlanningInstance, assignment: Assignment) -> list[Violation]:
    """Every constraint ``assignment`` breaks (empty: the plan is valid)."""
    found: list[Violation] = []
    by_wave: dict[int, list[Candidate]] = {}
    for c in instance.candidates:
        wave = assignment.get(c.id)
        if c.pinned_wave is not None and wave != c.pinned_wave:
            found.append(Violation("pinned_wave", (c.id,), wave, limit=c.pinned_wave))
        if wave is None:
            continue
        slot = instance.wave_slot(wave)
        if slot is None:
            found.append(Violation("unknown_wave", (c.id,), wave))
            continue
        by_wave.setdefault(wave, []).append(c)
        if not slot.open and c.pinned_wave != wave:
            found.append(Violation("closed_wave", (c.id,), wave))
        if c.risk_gated and wave < instance.compliance_wave:
            found.append(Violation("risk_gate", (c.id,), wave, limit=instance.compliance_wave))
        for dep in c.depends_on:
            target = assignment.get(dep)
            if target is None or target >= wave:
                found.append(Violation("dependency", (c.id,), wave, detail=dep))
    for slot in instance.waves:
        members = by_wave.get(slot.id, [])
        ids = tuple(c.id for c in members)
        effort = sum(c.effort for c in members)
        budget = sum(c.budget for c in members)
        pilots = sum(1 for c in members if c.pilot)
        if slot.person_weeks is not None and effort > slot.person_weeks + EPS:
            found.append(Violation("capacity", ids, slot.id, effort, slot.person_weeks))
        if slot.budget_eur is not None and budget > slot.budget_eur + EPS:
            found.append(Violation("budget", ids, slot.id, budget, slot.budget_eur))
        if pilots > slot.max_pilots:
            found.append(Violation("pilots", ids, slot.id, pilots, slot.max_pilots))
    found.extend(_balance_violations(instance, assignment))
    return found


def insertion_blockers(
    instance: PlanningInstance, assignment: Assignment, candidate: Candidate, wave: int
) -> tuple[Reason, ...]:
    """Why ``candidate`` (unscheduled) cannot be added to ``wave`` of ``assignment``."""
    return WaveLoad(instance, assignment).blockers(candidate, wave)


class WaveLoad:
    """An assignment with what it uses: effort, budget and pilots per wave, entries per
    balance group. Kept up to date as entries are placed and removed, so that asking what
    blocks a candidate costs a few additions instead of a scan of every candidate (the
    greedy fill and the reasons of a 3,600-entry plan ask it tens of thousands of times)."""

    def __init__(self, instance: PlanningInstance, assignment: Assignment) -> None:
        self.instance = instance
        self.assignment: dict[str, int | None] = {
            c.id: assignment.get(c.id) for c in instance.candidates
        }
        self.effort: dict[int, float] = defaultdict(float)
        self.budget: dict[int, float] = defaultdict(float)
        self.pilots: dict[int, int] = defaultdict(int)
        self.groups: dict[str, int] = defaultdict(int)
        self.total = 0
        self.slots = {slot.id: slot for slot in instance.waves}
        for c in instance.candidates:
            wave = self.assignment[c.id]
            if wave is not None:
                self._count(c, wave, 1)

    def _count(self, c: Candidate, wave: int, sign: int) -> None:
        self.effort[wave] += sign * c.effort
        self.budget[wave] += sign * c.budget
        self.pilots[wave] += sign * int(c.pilot)
        self.groups[c.group] += sign
        self.total += sign

    def place(self, c: Candidate, wave: int) -> None:
        self.assignment[c.id] = wave
        self._count(c, wave, 1)

    def remove(self, c: Candidate) -> None:
        wave = self.assignment[c.id]
        if wave is not None:
            self.assignment[c.id] = None
            self._count(c, wave, -1)

    def balance_ok(self, extra: Candidate | None = None) -> bool:
        """Whether the balance holds (with ``extra`` added when given)."""
        total = self.total + (extra is not None)
        for target in self.instance.balance:
            count = self.groups[target.group] + (extra is not None and extra.group == target.group)
            low, high = target.bounds(total)
            if count < low - EPS or count > high + EPS:
                return False
        return True

    def blockers(self, c: Candidate, wave: int, balance: bool = True) -> tuple[Reason, ...]:
        """Why ``c`` (unscheduled) cannot be added to ``wave`` (``balance=False``: the
        balance target is left out)."""
        slot = self.slots.get(wave)
        assert slot is not None
        instance = self.instance
        reasons: list[Reason] = []
        if not slot.open:
            reasons.append("closed_wave")
        if c.risk_gated and wave < instance.compliance_wave:
            reasons.append("risk_gate")
        for dep in c.depends_on:
            target = self.assignment.get(dep)
            if target is None or target >= wave:
                reasons.append("dependency")
                break
        if c.pilot and self.pilots[wave] + 1 > slot.max_pilots:
            reasons.append("pilots")
        if slot.person_weeks is not None and self.effort[wave] + c.effort > slot.person_weeks + EPS:
            reasons.append("capacity")
        if slot.budget_eur is not None and self.budget[wave] + c.budget > slot.budget_eur + EPS:
            reasons.append("budget")
        if balance and instance.balance and not self.balance_ok(c):
            reasons.append("balance")
        return tuple(reasons)


_LASTING: frozenset[Reason] = frozenset(("pilots", "capacity", "budget"))
"""Blockers that stay once met while a fill only adds entries."""


def wave_domains(instance: PlanningInstance) -> dict[str, list[int]]:
    """Waves each candidate may take: pinned -> its wave; else open waves after the risk
    gate and after the earliest wave of every dependency (cycles leave no wave)."""
    ids = [w.id for w in instance.waves]
    position = {w: i for i, w in enumerate(ids)}
    earliest: dict[str, int] = {}
    for c in instance.candidates:
        if c.pinned_wave is not None:
            earliest[c.id] = position.get(c.pinned_wave, len(ids))
            continue
        first = next(
            (
                i
                for i, w in enumerate(instance.waves)
                if w.open and not (c.risk_gated and w.id < instance.compliance_wave)
            ),
            len(ids),
        )
        earliest[c.id] = first
    # Longest-path relaxation; a cycle pushes its members past the last wave.
    for _ in range(len(instance.candidates) + 1):
        changed = False
        for c in instance.candidates:
            if c.pinned_wave is not None:
                continue
            need = max((earliest.get(d, len(ids)) + 1 for d in c.depends_on), default=0)
            if need > earliest[c.id]:
                earliest[c.id] = min(need, len(ids))
                changed = True
        if not changed:
            break
    domains: dict[str, list[int]] = {}
    for c in instance.candidates:
        if c.pinned_wave is not None:
            # A pin on an unknown wave or before the risk gate leaves no wave: a conflict.
            valid = c.pinned_wave in position and not (
                c.risk_gated and c.pinned_wave < instance.compliance_wave
            )
            domains[c.id] = [c.pinned_wave] if valid else []
            continue
        domains[c.id] = [
            w.id
            for i, w in enumerate(instance.waves)
            if i >= earliest[c.id]
            and w.open
            and not (c.risk_gated and w.id < instance.compliance_wave)
        ]
    return domains


# --- conflicts between hard constraints -----------------------------------------------------


def pinned_conflicts(instance: PlanningInstance) -> list[Violation]:
    """Hard constraints that cannot all hold whatever the planner does (pinned entries over
    a wave's capacity, a pinned entry depending on one pinned later...)."""
    pinned = {c.id: c.pinned_wave for c in instance.candidates if c.pinned_wave is not None}
    found: list[Violation] = []
    domains = wave_domains(instance)
    for c in instance.candidates:
        if c.pinned_wave is None:
            continue
        if c.gate_rules:
            detail = ", ".join(c.gate_rules)
            found.append(Violation("pinned_gate", (c.id,), c.pinned_wave, detail=detail))
        if instance.wave_slot(c.pinned_wave) is None:
            found.append(Violation("unknown_wave", (c.id,), c.pinned_wave))
            continue
        if c.risk_gated and c.pinned_wave < instance.compliance_wave:
            found.append(
                Violation(
                    "pinned_risk_gate", (c.id,), c.pinned_wave, limit=instance.compliance_wave
                )
            )
        for dep in c.depends_on:
            dep_wave = pinned.get(dep)
            earliest = min(domains.get(dep, []), default=None)
            if (dep_wave is not None and dep_wave >= c.pinned_wave) or (
                dep_wave is None and (earliest is None or earliest >= c.pinned_wave)
            ):
                found.append(Violation("pinned_dependency", (c.id, dep), c.pinned_wave, detail=dep))
    only_pinned = {cid: w for cid, w in pinned.items() if instance.wave_slot(w) is not None}
    for v in violations(instance, only_pinned):
        if v.kind in ("capacity", "budget", "pilots"):
            found.append(replace(v, ids=tuple(i for i in v.ids if i in only_pinned)))
    return found


# --- greedy ----------------------------------------------------------------------------------


def greedy_assignment(instance: PlanningInstance) -> dict[str, int | None]:
    """Rank order, earliest wave that fits; passes repeat so that a dependant ranked above
    its prerequisite still gets placed once the prerequisite is in.

    With a balance target two plans are built and the better balanced one kept: the rank
    order plan whose over-represented groups give up their weakest entries (gaps then
    refilled), and a plan that takes each next entry from the group furthest below its
    target, cut back to its last balanced point and refilled. The second finds a plan when
    a few pilot slots are all there is (the first can shrink to nothing)."""
    domains = wave_domains(instance)
    pinned = {c.id: c.pinned_wave for c in instance.candidates}
    ranked = WaveLoad(instance, pinned)
    _fill(ranked, domains, balance=False)
    if not instance.balance or ranked.balance_ok():
        return ranked.assignment
    _repair_balance(ranked)
    _fill(ranked, domains, balance=True)
    quota = _quota_fill(instance, domains)
    balanced = [load for load in (ranked, quota) if load.balance_ok()]
    if not balanced:
        return ranked.assignment
    best = max(balanced, key=lambda load: objective(instance, load.assignment))
    return best.assignment


def _fill(load: WaveLoad, domains: Mapping[str, list[int]], balance: bool) -> None:
    """Place every unscheduled candidate, in rank order, in its earliest wave that fits."""
    lasting: set[str] = set()  # blocked in every wave by capacity, budget or pilots
    changed = True
    while changed:
        changed = False
        for c in load.instance.candidates:
            if load.assignment[c.id] is not None or c.id in lasting:
                continue
            for_good = True
            for wave in domains[c.id]:
                reasons = load.blockers(c, wave, balance)
                if not reasons:
                    load.place(c, wave)
                    changed = True
                    break
                for_good = for_good and _LASTING.issuperset(reasons)
            else:
                if for_good:
                    lasting.add(c.id)


def _quota_fill(instance: PlanningInstance, domains: Mapping[str, list[int]]) -> WaveLoad:
    """Take the next entry from the balance group furthest below its target share, cut
    the sequence back to its last balanced point, then refill keeping the balance."""
    load = WaveLoad(instance, {c.id: c.pinned_wave for c in instance.candidates})
    share = {target.group: target.target / 100 for target in instance.balance}
    queues: dict[str, list[Candidate]] = {group: [] for group in share}
    for c in instance.candidates:
        if c.pinned_wave is None and c.group in queues:
            queues[c.group].append(c)
    placed: list[Candidate] = []
    balanced_at = 0
    lasting: set[str] = set()
    active = [group for group in share if queues[group]]
    while active:
        total = load.total + 1
        group = max(active, key=lambda g: share[g] * total - load.groups[g])
        found = None
        for c in queues[group]:
            if load.assignment[c.id] is not None or c.id in lasting:
                continue
            for_good = True
            for wave in domains[c.id]:
                reasons = load.blockers(c, wave, balance=False)
                if not reasons:
                    found = (c, wave)
                    break
                for_good = for_good and _LASTING.issuperset(reasons)
            if found is not None:
                break
            if for_good:
                lasting.add(c.id)
        if found is None:
            active.remove(group)
            continue
        load.place(*found)
        placed.append(found[0])
        if load.balance_ok():
            balanced_at = len(placed)
    for c in placed[balanced_at:]:
        load.remove(c)
    _fill(load, domains, balance=True)
    return load


def _repair_balance(load: WaveLoad) -> None:
    """Unschedule the weakest entries of over-represented groups until the balance holds
    (or nothing more can go: pinned entries and prerequisites of scheduled ones stay)."""
    instance = load.instance
    scheduled = [c for c in instance.candidates if load.assignment[c.id] is not None]
    scheduled.sort(key=lambda c: c.weight * instance.factor(load.assignment[c.id] or 0))
    dependants: dict[str, int] = defaultdict(int)
    for c in scheduled:
        for dep in c.depends_on:
            dependants[dep] += 1
    while not load.balance_ok():
        total = load.total
        over = {
            t.group for t in instance.balance if load.groups[t.group] > t.bounds(total)[1] + EPS
        }
        if not over:  # some group is short: shrink the groups above their target
            over = {
                t.group
                for t in instance.balance
                if load.groups[t.group] > t.target / 100 * total + EPS
            }
        weakest = next(
            (
                c
                for c in scheduled
                if load.assignment[c.id] is not None
                and c.group in over
                and c.pinned_wave is None
                and not dependants[c.id]
            ),
            None,
        )
        if weakest is None:
            return
        load.remove(weakest)
        for dep in weakest.depends_on:
            dependants[dep] -= 1


# --- results ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class SolverOutcome:
    """What a strategy returns: the assignment and what is proven about it."""

    assignment: dict[str, int | None]
    status: Status
    objective: float
    bound: float | None = None
    """Best proven upper bound on the objective (exact strategy)."""
    seconds: float = 0.0


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
    """Missing criteria (missing_scores) or unschedulable prerequisites (dependency)."""

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
class PlanOptions:
    strategy: Strategy = "exact"
    enforce_balance: bool | None = None
    """None: ``planning.enforce_balance`` of the configuration."""
    time_limit: float | None = None
    discount: float | None = None
    today: dt.date | None = None
    """Waves that ended before this date are closed (default: no wave is closed)."""
    mip_gap: float | None = None
    """Relative optimality gap HiGHS may stop at (None: HiGHS' default, 1e-4)."""
    started: float | None = None
    """``time.perf_counter()`` at which the time limit starts counting (None: when planning
    starts). ``aip plan`` passes the start of the command, so that reading the register,
    building the model, the greedy plan and the solver all fit in the limit."""


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
    """(kind, use-case id): ``no_effort``, ``pinned_missing_scores``."""
    balance: tuple[tuple[str, int, float], ...] = ()
    """(group, scheduled count, target percent) of the proposal."""
    comparison: PlanComparison | None = None
    grid: Grid | None = None
    """The scoring grid, for the labels of missing criteria (None: ids are shown)."""

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


# --- from the register -----------------------------------------------------------------------


@dataclass
class _Built:
    instance: PlanningInstance
    usecases: dict[str, UseCase]
    excluded: list[UnscheduledEntry] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)


def build_instance(
    usecases: Sequence[UseCase],
    config: PortfolioConfig,
    scores: Sequence[ScoreResult],
    options: PlanOptions,
    gate: Gate = PASS_ALL,
) -> _Built:
    planning = config.planning
    obligations = catalog_for(config)
    score_of = {s.id: s for s in scores}
    operated = {uc.id for uc in usecases if uc.status == "operated"}
    ranked = [s.usecase for s in scores if is_open(s.usecase.status)]
    built = _Built(PlanningInstance((), ()), {uc.id: uc for uc in ranked})
    pinned: dict[str, int | None] = {}
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
        if pinned[uc.id] is None and not gate.passes(uc.id):
            excluded[uc.id] = ("gate", gate.rules(uc.id))
        elif not result.complete and pinned[uc.id] is None:
            excluded[uc.id] = ("missing_scores", result.missing)
    changed = True
    while changed:
        changed = False
        for uc in ranked:
            if uc.id in excluded or pinned[uc.id] is not None:
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
    for uc in ranked:
        if uc.id in excluded:
            reason, detail = excluded[uc.id]
            built.excluded.append(UnscheduledEntry(uc, reason, detail=detail))
            continue
        result = score_of[uc.id]
        weight = (result.value if planning.objective == "value" else result.total) or 0.0
        if not result.complete:
            built.warnings.append(("pinned_missing_scores", uc.id))
        if uc.plan.effort_weeks is None:
            built.warnings.append(("no_effort", uc.id))
        candidates.append(
            Candidate(
                id=uc.id,
                group=config.balance.group_of(uc.category).id,
                weight=weight,
                # Open AI Act obligations are work too (docs/compliance.md).
                effort=(uc.plan.effort_weeks or 0.0) + open_effort_weeks(uc, obligations),
                budget=tco(uc).one_off,
                pilot=counts_as_pilot(uc),
                # A prerequisite that is neither operated nor a candidate (stopped, unknown)
                # stays listed so that a pinned dependant shows up as a conflict.
                depends_on=tuple(d for d in uc.plan.depends_on if d not in operated),
                pinned_wave=pinned[uc.id],
                risk_gated=uc.needs_risk_review,
                gate_rules=gate.rules(uc.id),
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
            open=options.today is None
            or wave_end(config, w.id) is None
            or (wave_end(config, w.id) or options.today) >= options.today,
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


def wave_end(config: PortfolioConfig, wave_id: int) -> dt.date | None:
    """The wave's end date: given, or start + weeks."""
    wave = config.wave(wave_id)
    if wave is None:
        return None
    if wave.end is not None:
        return wave.end
    if wave.start is not None and wave.weeks is not None:
        return wave.start + dt.timedelta(days=7 * wave.weeks - 1)
    return None


def unscheduled_reasons(
    instance: PlanningInstance, assignment: Assignment, status: Status
) -> dict[str, tuple[Reason, tuple[tuple[int, tuple[Reason, ...]], ...]]]:
    """For each candidate left out: the reason that blocks it in most waves (ties broken in
    ``REASONS`` order) and, per wave, everything that blocks it."""
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
        counts = {r: sum(1 for _, rs in by_wave if r in rs) for r in REASONS}
        primary = max(REASONS, key=lambda r: (counts[r], -REASONS.index(r)))
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
    greedy = greedy_assignment(instance)
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
        from aiportfolio.analysis.planning_milp import solve_exact

        outcome = solve_exact(
            instance, time_left(), greedy if greedy_ok else None, mip_gap=options.mip_gap
        )
        if (
            outcome.status in ("optimal", "time_limit")
            and greedy_ok
            and (outcome.objective < greedy_value - EPS)
        ):  # never worse than the baseline, whatever the solver reports
            outcome = replace(outcome, assignment=greedy, objective=greedy_value)
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
    unscheduled = list(built.excluded)
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
            unscheduled.append(UnscheduledEntry(uc, reason, by_wave))
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
        warnings=(*built.warnings, *_compliance_deadlines(entries, config)),
        balance=balance if total else (),
        grid=grid,
    )
    return replace(result, comparison=compare_with_register(result))


def _compliance_deadlines(
    entries: Sequence[PlannedEntry], config: PortfolioConfig
) -> list[tuple[str, str]]:
    """Entries planned in a wave that ends after an open AI Act obligation falls due (its own
    ``due`` date, else its application date): the compliance work must be done first."""
    catalog = catalog_for(config)
    found: list[tuple[str, str]] = []
    for e in entries:
        end = wave_end(config, e.wave) if e.wave is not None else None
        if end is None:
            continue
        deadlines = [a.deadline for a in obligations_of(e.usecase, catalog) if not a.closed]
        if deadlines and min(deadlines) < end:
            found.append(("compliance_deadline", e.usecase.id))
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
        from aiportfolio.analysis.planning_milp import solve_exact

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
    excluded: Sequence[UnscheduledEntry], config: PortfolioConfig
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
    from aiportfolio.analysis.gate import gate_of

    gate = gate_of(register, options.today or dt.date.today())
    scores = score_portfolio(register.usecases, register.grid, register.config.scoring)
    return plan_usecases(register.usecases, register.config, scores, options, register.grid, gate)


# --- writing the proposal back (--apply) -----------------------------------------------------


def set_wave(text: str, wave: int | None) -> str:
    """``text`` (a use-case file) with ``plan.wave`` set to ``wave`` (removed when None).
    Round-trip edit: comments, key order and untouched lines stay as they are. A missing
    ``plan:`` block is added where the schema puts it (after ``costs``, before
    ``next_step``), ``wave`` first inside it."""
    from ruamel.yaml.comments import CommentedMap

    from aiportfolio.register.roundtrip import dump_preserving, load_roundtrip

    data = load_roundtrip(text)
    plan = data.get("plan")
    if plan is None:
        if wave is None:
            return text
        order = list(UseCase.model_fields)
        before = set(order[: order.index("plan")])
        position = 0
        for index, key in enumerate(data):
            if key in before:
                position = index + 1
        block = CommentedMap()
        block["wave"] = wave
        data.insert(position, "plan", block)
    elif wave is None:
        if "wave" not in plan:
            return text
        del plan["wave"]
        if not plan:
            del data["plan"]
    elif "wave" in plan:
        if plan["wave"] == wave:
            return text
        plan["wave"] = wave
    else:
        plan.insert(0, "wave", wave)
    return dump_preserving(data, text)


def wave_edits(register: Register, result: PlanResult) -> list[FileEdit]:
    """The ``FileEdit`` of every use-case file whose ``plan.wave`` the proposal changes
    (none when the plan has conflicts). Pure: ``engine.writing.apply_edits`` writes them
    (register lock, files changed since read refused, validation, BOM and line ends kept,
    atomic rename)."""
    from aiportfolio.actions.writing import FileEdit, read_source

    edits: list[FileEdit] = []
    if result.conflicts or result.comparison is None:
        return edits
    for change in result.comparison.changes:
        path = register.sources.get(change.id)
        if path is None:
            continue
        source = read_source(path)
        new_text = set_wave(source.text, change.after)
        if new_text != source.text:
            edits.append(FileEdit(path, source.raw.decode("utf-8"), source.encode(new_text)))
    return edits


# --- the roadmap (aip roadmap) ---------------------------------------------------------------


@dataclass(frozen=True)
class RoadmapRisk:
    """A use case of a wave the risk review has to look at, and why: the reasons of
    ``engine.agenda.risk_reasons`` (the monthly review's list), the missing reviews apart."""

    usecase: UseCase
    reasons: tuple[RiskReason, ...]
    """Why it is risky (high level, red data, AI Act tier, personal data, critical decision,
    level not assessed)."""
    review_required: bool
    """The security and legal reviews are required (``UseCase.needs_risk_review``)."""
    missing_reviews: tuple[str, ...]
    """``security_review`` / ``legal_review`` required and not dated yet."""


def roadmap_risk(uc: UseCase) -> RoadmapRisk | None:
    """``uc`` as a risk of the roadmap, or None when nothing about it needs a look."""
    from aiportfolio.analysis.agenda import missing_reviews, risk_reasons

    reasons = tuple(r for r in risk_reasons(uc) if r.key != "agenda.review.missing")
    missing = missing_reviews(uc)
    if not reasons and not missing:
        return None
    return RoadmapRisk(uc, reasons, uc.needs_risk_review, missing)


@dataclass(frozen=True)
class RoadmapWave:
    wave: int
    name: str
    goal: str | None
    start: dt.date | None
    end: dt.date | None
    weeks: int | None
    deliverables: tuple[str, ...]
    timeline: tuple[dt.date, dt.date]
    """Dates used for the chart: the configured ones, else chained from the previous wave
    (first wave: the roadmap date), lasting ``weeks`` (default 4)."""
    usecases: tuple[UseCase, ...]
    effort: float
    person_weeks: float | None
    budget: float
    budget_eur: float | None
    pilots: int
    max_pilots: int
    risks: tuple[RoadmapRisk, ...]
    """Entries of the wave with a risk reason (``roadmap_risk``), in register order."""
    balance: tuple[tuple[str, int, float], ...]
    """(group, count, target percent) of the wave's use cases."""


@dataclass(frozen=True)
class Roadmap:
    waves: tuple[RoadmapWave, ...]
    unscheduled: tuple[UseCase, ...]
    """Candidates (idea to industrialising) in no configured wave."""
    date: dt.date
    proposed: bool
    tolerance: float
    gate: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Id -> rules it fails, for the entries shown that fail the gate (marked ⛔)."""


def build_roadmap(
    usecases: Sequence[UseCase],
    config: PortfolioConfig,
    date: dt.date,
    proposal: Assignment | None = None,
    gate: Gate = PASS_ALL,
) -> Roadmap:
    """The waves of the register (``plan.wave``), or of ``proposal`` for the candidates it
    covers; stopped entries are left out, operated ones stay in the wave they were in.
    Entries failing ``gate`` are marked."""
    current = active(usecases)

    def wave_of(uc: UseCase) -> int | None:
        if proposal is not None and uc.id in proposal:
            return proposal[uc.id]
        return uc.plan.wave

    known = {w.id for w in config.waves}
    waves = []
    previous_end: dt.date | None = None
    for w in config.waves:
        members = tuple(uc for uc in current if wave_of(uc) == w.id)
        start = w.start or (previous_end + dt.timedelta(days=1) if previous_end else date)
        end = w.end or start + dt.timedelta(days=7 * (w.weeks or 4) - 1)
        previous_end = end
        waves.append(
            RoadmapWave(
                wave=w.id,
                name=w.name,
                goal=w.goal,
                start=w.start,
                end=w.end,
                weeks=w.weeks,
                deliverables=tuple(w.deliverables),
                timeline=(start, end),
                usecases=members,
                effort=sum(uc.plan.effort_weeks or 0.0 for uc in members),
                person_weeks=w.capacity.person_weeks,
                budget=sum(tco(uc).one_off for uc in members),
                budget_eur=w.capacity.budget_eur,
                pilots=sum(1 for uc in members if counts_as_pilot(uc)),
                max_pilots=w.capacity.max_parallel_pilots,
                risks=tuple(r for uc in members if (r := roadmap_risk(uc)) is not None),
                balance=tuple(
                    (g.id, sum(1 for uc in members if uc.category in g.categories), g.target)
                    for g in config.balance.groups
                ),
            )
        )
    unscheduled = tuple(uc for uc in current if is_open(uc.status) and wave_of(uc) not in known)
    failing = {uc.id: gate.rules(uc.id) for uc in current if not gate.passes(uc.id)}
    return Roadmap(
        tuple(waves),
        unscheduled,
        date,
        proposal is not None,
        config.balance.tolerance,
        failing,
    )
