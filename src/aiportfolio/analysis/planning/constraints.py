"""The constraints of a plan, checked in one place.

``violations`` lists every constraint an assignment breaks (capacity, budget, pilots per
wave, dependencies, risk gate, AI Act deadlines, closed waves, pinned waves, balance);
``WaveLoad`` answers what blocks one more entry in a wave, incrementally (the greedy fill
and the reasons of an unscheduled entry ask it); ``wave_domains`` gives the waves each
candidate may take at all; ``pinned_conflicts`` names the hard constraints that cannot all
hold whatever the planner does. Both strategies (``greedy``, ``milp``) and the results
read these.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace

from aiportfolio.analysis.planning.instance import (
    EPS,
    Assignment,
    Candidate,
    PlanningInstance,
    Reason,
)


@dataclass(frozen=True)
class Violation:
    """A constraint a plan breaks, or a conflict between hard constraints."""

    kind: str
    """capacity, budget, pilots, dependency, risk_gate, deadline and pinned_deadline
    (``detail``: the date, ``limit``: the last wave ending by then), closed_wave, balance,
    pinned_wave, unknown_wave, pinned_dependency, pinned_risk_gate, pinned_gate
    (``detail``: the rule ids it fails), infeasible, balance_empty,
    balance_unscored; ``unknown``: no plan found, none proven impossible (``amount``: the
    time limit, ``detail``: the strategy)."""
    ids: tuple[str, ...] = ()
    wave: int | None = None
    amount: float | None = None
    limit: float | None = None
    detail: str = ""
    """A group id (balance) or a dependency target (dependency)."""


def past_deadline(c: Candidate, wave: int) -> bool:
    """Whether ``wave`` comes after the last wave that ends by ``c``'s AI Act deadline."""
    return c.deadline is not None and wave > c.deadline.wave


def deadline_violation(kind: str, c: Candidate, wave: int) -> Violation:
    assert c.deadline is not None
    detail = c.deadline.date.isoformat()
    return Violation(kind, (c.id,), wave, limit=c.deadline.wave, detail=detail)


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
        if past_deadline(c, wave):
            found.append(deadline_violation("deadline", c, wave))
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


FITS, FULL, BLOCKED = 0, 1, 2
"""What ``WaveLoad.room`` answers."""


class WaveLoad:
    """An assignment with what it uses: effort, budget and pilots per wave, entries per
    balance group. Kept up to date as entries are placed and removed, so that asking what
    blocks a candidate costs a few additions instead of a scan of every candidate (the
    greedy fill and the reasons of a 3,600-entry plan ask it tens of thousands of times).

    Whether the balance holds with one more entry depends only on that entry's group:
    the answer is kept per group until the next ``place`` or ``remove`` (a pass of a fill
    over thousands of entries that places few asks the same few questions)."""

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
        # As BalanceTarget.bounds computes them: (target -/+ tolerance) / 100, times the total.
        self._shares = tuple(
            (t.group, (t.target - t.tolerance) / 100, (t.target + t.tolerance) / 100)
            for t in instance.balance
        )
        self._with: dict[str | None, bool] = {}
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
        self._with.clear()

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
        group = None if extra is None else extra.group
        known = self._with.get(group)
        if known is None:
            known = self._with[group] = self._balanced(group)
        return known

    def _balanced(self, extra: str | None) -> bool:
        total = self.total + (extra is not None)
        groups = self.groups
        for group, low, high in self._shares:
            count = groups[group] + (group == extra)
            if count < low * total - EPS or count > high * total + EPS:
                return False
        return True

    def room(self, c: Candidate, wave: int, balance: bool = True) -> int:
        """``blockers`` reduced to what a fill needs, in fewer steps: ``FITS`` (nothing
        blocks ``c`` in ``wave``), ``FULL`` (only ``LASTING`` reasons do), ``BLOCKED``."""
        slot = self.slots[wave]
        deadline = c.deadline
        if (
            not slot.open
            or (c.risk_gated and wave < self.instance.compliance_wave)
            or (deadline is not None and wave > deadline.wave)
        ):
            return BLOCKED
        assignment = self.assignment
        for dep in c.depends_on:
            target = assignment.get(dep)
            if target is None or target >= wave:
                return BLOCKED
        if balance and self._shares and not self.balance_ok(c):
            return BLOCKED
        if c.pilot and self.pilots[wave] + 1 > slot.max_pilots:
            return FULL
        team, money = slot.person_weeks, slot.budget_eur
        if team is not None and self.effort[wave] + c.effort > team + EPS:
            return FULL
        if money is not None and self.budget[wave] + c.budget > money + EPS:
            return FULL
        return FITS

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
        if c.deadline is not None and wave > c.deadline.wave:
            reasons.append("deadline")
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
        if balance and self._shares and not self.balance_ok(c):
            reasons.append("balance")
        return tuple(reasons)


LASTING: frozenset[Reason] = frozenset(("pilots", "capacity", "budget"))
"""Blockers that stay once met while a fill only adds entries."""


def wave_domains(instance: PlanningInstance) -> dict[str, list[int]]:
    """Waves each candidate may take: pinned -> its wave; else open waves after the risk
    gate, after the earliest wave of every dependency (cycles leave no wave) and not after
    its AI Act deadline. Computed once per instance (the planner asks five times; callers
    only read it); ``share_domains`` hands it to a reordered copy."""
    cached: dict[str, list[int]] | None = instance.__dict__.get("_domains")
    if cached is None:
        cached = _wave_domains(instance)
        object.__setattr__(instance, "_domains", cached)
    return cached


def share_domains(source: PlanningInstance, copy: PlanningInstance) -> PlanningInstance:
    """``copy`` (the same candidates and waves in another order) with the domains of
    ``source``, which depend on neither order."""
    object.__setattr__(copy, "_domains", wave_domains(source))
    return copy


def _wave_domains(instance: PlanningInstance) -> dict[str, list[int]]:
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
            # A pin on an unknown wave, before the risk gate or after the AI Act deadline
            # leaves no wave: a conflict.
            valid = (
                c.pinned_wave in position
                and not (c.risk_gated and c.pinned_wave < instance.compliance_wave)
                and not past_deadline(c, c.pinned_wave)
            )
            domains[c.id] = [c.pinned_wave] if valid else []
            continue
        domains[c.id] = [
            w.id
            for i, w in enumerate(instance.waves)
            if i >= earliest[c.id]
            and w.open
            and not (c.risk_gated and w.id < instance.compliance_wave)
            and not past_deadline(c, w.id)
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
        if past_deadline(c, c.pinned_wave):
            found.append(deadline_violation("pinned_deadline", c, c.pinned_wave))
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
