"""Category balance of the active portfolio against the target (METHOD.md §3), by count
and by budget (TCO over each use case's horizon)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from aiportfolio.analysis.tco import CostCoverage, cost_coverage, tco
from aiportfolio.model.lifecycle import NOT_STARTED, active
from aiportfolio.model.portfolio import Balance
from aiportfolio.model.usecase import UseCase
from aiportfolio.problem import Problem
from aiportfolio.register.loader import Register


@dataclass(frozen=True)
class GroupShare:
    group: str
    categories: tuple[str, ...]
    target: float
    """Target share in percent."""
    count: int
    budget: float
    count_share: float
    """Percent of active use cases (0 when there are none)."""
    budget_share: float
    """Percent of the active portfolio's TCO (0 when the TCO is zero)."""
    tolerance: float

    @property
    def count_gap(self) -> float:
        return self.count_share - self.target

    @property
    def budget_gap(self) -> float:
        return self.budget_share - self.target

    @property
    def count_ok(self) -> bool:
        return abs(self.count_gap) <= self.tolerance + 1e-9

    @property
    def budget_ok(self) -> bool:
        return abs(self.budget_gap) <= self.tolerance + 1e-9


@dataclass(frozen=True)
class BalanceResult:
    groups: tuple[GroupShare, ...]
    total_count: int
    total_budget: float
    tolerance: float
    coverage: CostCoverage = field(default_factory=lambda: CostCoverage(0, ()))
    """How many of the entries the budget mix rests on have cost lines."""

    @property
    def count_ok(self) -> bool:
        """An empty portfolio has no mix to judge (like a zero budget below)."""
        return self.total_count == 0 or all(g.count_ok for g in self.groups)

    @property
    def budget_judged(self) -> bool:
        """Whether the budget mix gets a verdict: costs recorded, on enough of the entries
        (``budget.min_cost_coverage``); otherwise it is reported without one."""
        return self.total_budget > 0 and self.coverage.enough

    @property
    def budget_ok(self) -> bool:
        return not self.budget_judged or all(g.budget_ok for g in self.groups)

    @property
    def ok(self) -> bool:
        return self.count_ok and self.budget_ok


def compute_balance(
    usecases: Sequence[UseCase], target: Balance, min_coverage: float = 50.0
) -> BalanceResult:
    """Balance of the active (not ``stopped``) use cases among ``usecases``; the budget mix
    gets no verdict when fewer than ``min_coverage`` percent of them have cost lines."""
    current = active(usecases)
    budgets = {uc.id: tco(uc).total for uc in current}
    total_budget = sum(budgets.values())
    groups = []
    for group in target.groups:
        members = [uc for uc in current if uc.category in group.categories]
        count = len(members)
        budget = sum(budgets[uc.id] for uc in members)
        groups.append(
            GroupShare(
                group=group.id,
                categories=tuple(group.categories),
                target=group.target,
                count=count,
                budget=budget,
                count_share=100 * count / len(current) if current else 0.0,
                budget_share=100 * budget / total_budget if total_budget else 0.0,
                tolerance=target.tolerance,
            )
        )
    return BalanceResult(
        tuple(groups),
        len(current),
        total_budget,
        target.tolerance,
        cost_coverage(current, min_coverage),
    )


# --- moves that restore the balance ---------------------------------------------------------

MAX_COUNT_MOVES = 40
"""Beyond this many additions or withdrawals the answer is "rethink the portfolio"."""


@dataclass(frozen=True)
class CountMove:
    """Add (``change > 0``) or withdraw (``change < 0``: stop or defer) use cases of a group."""

    group: str
    change: int
    candidates: tuple[str, ...] = ()
    """For withdrawals: the lowest-ranked entries of the group still at idea or scoping."""


@dataclass(frozen=True)
class BudgetMove:
    """Move ``amount`` euros of TCO from one group to another (total unchanged)."""

    source: str
    target: str
    amount: float


def _count_fits(counts: Sequence[int], groups: Sequence[GroupShare], tolerance: float) -> bool:
    total = sum(counts)
    if total == 0:
        return False
    return all(
        abs(100 * c / total - g.target) <= tolerance + 1e-9
        for c, g in zip(counts, groups, strict=True)
    )


def _spread(counts: Sequence[int], groups: Sequence[GroupShare]) -> float:
    total = sum(counts) or 1
    return max(abs(100 * c / total - g.target) for c, g in zip(counts, groups, strict=True))


def count_changes(result: BalanceResult) -> dict[str, int] | None:
    """The fewest additions/withdrawals per group that bring every group within tolerance
    by count (breadth-first over one-entry steps). Ties go to the mix closest to target,
    then to additions over withdrawals. ``{}`` when already balanced, ``None`` when no
    answer within ``MAX_COUNT_MOVES`` steps."""
    groups = result.groups
    start = tuple(g.count for g in groups)
    if result.count_ok:
        return {}
    seen = {start}
    level = [start]
    for _ in range(MAX_COUNT_MOVES):
        following: list[tuple[int, ...]] = []
        for counts in level:
            for i in range(len(groups)):
                for step in (1, -1):
                    moved = list(counts)
                    moved[i] += step
                    if moved[i] < 0:
                        continue
                    state = tuple(moved)
                    if state not in seen:
                        seen.add(state)
                        following.append(state)
        fitting = [c for c in following if _count_fits(c, groups, result.tolerance)]
        if fitting:
            best = min(
                fitting,
                key=lambda c: (
                    _spread(c, groups),
                    sum(max(0, s - e) for s, e in zip(start, c, strict=True)),
                    c,
                ),
            )
            return {g.group: e - s for g, s, e in zip(groups, start, best, strict=True) if e != s}
        level = following
    return None


def _spread_amount(amount: float, ranges: dict[str, tuple[float, float]]) -> dict[str, float]:
    """Share ``amount`` among groups, each first getting its minimum, then the rest in
    proportion to its remaining room (never above its maximum)."""
    shares = {g: lo for g, (lo, _) in ranges.items()}
    extra = amount - sum(shares.values())
    room = {g: hi - lo for g, (lo, hi) in ranges.items()}
    total_room = sum(room.values())
    if extra > 0 and total_room > 0:
        for g in shares:
            shares[g] += extra * room[g] / total_room
    return shares


def budget_moves(result: BalanceResult) -> list[BudgetMove]:
    """Reallocations (total TCO unchanged) that bring every group's budget share within
    tolerance, from the groups above their band to those below it. A giver never goes
    under its target and a taker never over it; a group already within tolerance is only
    used when the over and under groups cannot balance each other."""
    total = result.total_budget
    if total <= 0 or result.budget_ok:
        return []
    tol = result.tolerance
    over: dict[str, tuple[float, float]] = {}
    under: dict[str, tuple[float, float]] = {}
    for g in result.groups:
        target = g.target / 100 * total
        high = (g.target + tol) / 100 * total
        low = max(0.0, (g.target - tol) / 100 * total)
        if g.budget > high:
            over[g.group] = (g.budget - high, g.budget - target)
        elif g.budget < low:
            under[g.group] = (low - g.budget, target - g.budget)
    out_min = sum(lo for lo, _ in over.values())
    out_max = sum(hi for _, hi in over.values())
    in_min = sum(lo for lo, _ in under.values())
    in_max = sum(hi for _, hi in under.values())
    # Between the over and under groups: as much as both sides need, no more than both allow.
    amount = min(max(out_min, in_min), out_max, in_max)
    given = _spread_amount(min(amount, out_max), over) if over else {}
    taken = _spread_amount(min(amount, in_max), under) if under else {}
    if over and amount < out_min:
        given = {g: lo for g, (lo, _) in over.items()}
    if under and amount < in_min:
        taken = {g: lo for g, (lo, _) in under.items()}
    change = {g.group: 0.0 for g in result.groups}
    for group, value in given.items():
        change[group] -= value
    for group, value in taken.items():
        change[group] += value
    # Only when the two sides cannot balance each other: groups inside their band absorb
    # (or give) the rest, those with the most room first.
    net = sum(change.values())
    inside = [g for g in result.groups if g.group not in over and g.group not in under]
    if net < -0.5:
        room = sorted(((g.target + tol) / 100 * total - g.budget, g.group) for g in inside)[::-1]
        for space, group in room:
            take = min(space, -net)
            change[group] += take
            net += take
    elif net > 0.5:
        room = sorted(
            (g.budget - max(0.0, (g.target - tol) / 100 * total), g.group) for g in inside
        )[::-1]
        for space, group in room:
            give = min(space, net)
            change[group] -= give
            net -= give
    givers = {g: -c for g, c in change.items() if c < -0.5}
    takers = {g: c for g, c in change.items() if c > 0.5}
    moves: list[BudgetMove] = []
    for taker in takers:
        for giver in givers:
            amount = min(givers[giver], takers[taker])
            if amount <= 0.5:
                continue
            moves.append(BudgetMove(giver, taker, amount))
            givers[giver] -= amount
            takers[taker] -= amount
    return moves


@dataclass(frozen=True)
class BalanceReport:
    """What ``aip balance`` shows: the mix, the moves that restore it, category warnings."""

    result: BalanceResult
    count_moves: tuple[CountMove, ...]
    count_unreachable: bool
    """Outside tolerance by count and no move found within ``MAX_COUNT_MOVES``."""
    budget_moves: tuple[BudgetMove, ...]
    warnings: tuple[Problem, ...]
    by: str = "both"
    """What gates the exit code: ``count``, ``budget`` or ``both``."""

    @property
    def ok(self) -> bool:
        if self.by == "count":
            return self.result.count_ok
        if self.by == "budget":
            return self.result.budget_ok
        return self.result.ok


def assess_balance(register: Register, by: str = "both", *, warnings: bool = True) -> BalanceReport:
    """Balance of the register's active use cases, the moves that restore it, and (unless
    ``warnings`` is false: locating them re-reads every file) the category consistency
    warnings."""
    from aiportfolio.domain.scoring import score_portfolio
    from aiportfolio.rules.registry import find_rule_problems

    config = register.config
    result = compute_balance(register.usecases, config.balance, config.budget.min_cost_coverage)
    changes = count_changes(result)
    moves: list[CountMove] = []
    if changes:
        ranked = score_portfolio(register.usecases, register.grid, register.config.scoring)
        worst_first = [r.usecase for r in reversed(ranked)]
        for share in result.groups:
            change = changes.get(share.group, 0)
            if not change:
                continue
            candidates: tuple[str, ...] = ()
            if change < 0:
                early = [
                    uc.id
                    for uc in worst_first
                    if uc.category in share.categories and uc.status in NOT_STARTED
                ]
                candidates = tuple(early[:-change])
            moves.append(CountMove(share.group, change, candidates))
    found = (
        _located(register, find_rule_problems(register, dt.date.today(), advisory=True))
        if warnings
        else []
    )
    return BalanceReport(
        result=result,
        count_moves=tuple(moves),
        count_unreachable=changes is None,
        budget_moves=tuple(budget_moves(result)) if result.budget_judged else (),
        warnings=tuple(found),
        by=by,
    )


def _located(register: Register, problems: list[Problem]) -> list[Problem]:
    """Point each warning at the ``category:`` line of its file."""
    return sorted(register.locate(problems))
