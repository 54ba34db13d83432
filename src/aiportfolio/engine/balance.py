"""Category balance of the active portfolio against the target (METHOD.md §3), by count
and by budget (TCO over each use case's horizon)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from aiportfolio.engine.finance import tco
from aiportfolio.model.portfolio import Balance
from aiportfolio.model.usecase import UseCase


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

    @property
    def count_ok(self) -> bool:
        return all(g.count_ok for g in self.groups)

    @property
    def budget_ok(self) -> bool:
        return self.total_budget == 0 or all(g.budget_ok for g in self.groups)

    @property
    def ok(self) -> bool:
        return self.count_ok and self.budget_ok


def compute_balance(usecases: Sequence[UseCase], target: Balance) -> BalanceResult:
    """Balance of the active (not ``stopped``) use cases among ``usecases``."""
    active = [uc for uc in usecases if uc.active]
    budgets = {uc.id: tco(uc).total for uc in active}
    total_budget = sum(budgets.values())
    groups = []
    for group in target.groups:
        members = [uc for uc in active if uc.category in group.categories]
        count = len(members)
        budget = sum(budgets[uc.id] for uc in members)
        groups.append(
            GroupShare(
                group=group.id,
                categories=tuple(group.categories),
                target=group.target,
                count=count,
                budget=budget,
                count_share=100 * count / len(active) if active else 0.0,
                budget_share=100 * budget / total_budget if total_budget else 0.0,
                tolerance=target.tolerance,
            )
        )
    return BalanceResult(tuple(groups), len(active), total_budget, target.tolerance)
