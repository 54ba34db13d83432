"""Total cost of ownership over the use case's horizon (METHOD.md §6), with the expected
gain, ROI and payback month, and portfolio totals by category and by wave.

Conventions (documented in ``docs/steering.md``):

- TCO = one-off lines + monthly lines x ``costs.horizon_months``, per cost family.
- Expected gain over the horizon = ``value.annual_gain_eur`` x months / 12.
- An entry with no cost line has its *costs missing*: no ROI, no payback, and it does not
  enter a portfolio ROI (its gain is not counted against nothing); it is listed among the
  budgets to complete.
- ROI = (gain - TCO) / TCO over the horizon; ``None`` without a gain or with a zero TCO.
- Payback month: one-off costs are paid at month 0, then each month adds the monthly
  costs and one twelfth of the annual gain. The payback month is the first month
  ``m`` (1..horizon) where cumulative gain >= cumulative cost. ``None`` when there is no
  gain, no cost line, or when the gain never catches up within the horizon.
- Cost coverage: a budget view (portfolio ROI, balance by budget) rests on the entries with
  cost lines; it states how many, and below ``budget.min_cost_coverage`` percent of its
  entries (default 50) it gives no verdict ("not enough cost data").
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from aiportfolio.domain.memo import per_run
from aiportfolio.model.common import CATEGORIES, COST_FAMILIES
from aiportfolio.model.lifecycle import active
from aiportfolio.model.usecase import UseCase

MODEL_COST_FAMILIES = frozenset({"vendor", "infrastructure"})
"""The "model bill": what a tool-first budget usually counts, and nothing else."""


@dataclass(frozen=True)
class Tco:
    usecase: UseCase
    horizon_months: int
    one_off: float
    monthly: float
    by_family: dict[str, float]
    """Family -> cost over the horizon (one-off + monthly x months)."""
    one_off_by_family: dict[str, float]
    """Family -> one-off lines (families without one-off cost are left out)."""
    monthly_by_family: dict[str, float]
    """Family -> monthly lines, per month (families without monthly cost are left out)."""

    @property
    def total(self) -> float:
        return self.one_off + self.monthly * self.horizon_months

    @property
    def has_costs(self) -> bool:
        """At least one cost line: without any, the costs are missing, not zero."""
        return has_costs(self.usecase)

    @property
    def vendor(self) -> float:
        return self.by_family.get("vendor", 0.0)

    @property
    def non_vendor_share(self) -> float | None:
        """Share of the TCO that is not the vendor/API bill (None when TCO is zero)."""
        return None if self.total == 0 else (self.total - self.vendor) / self.total

    @property
    def expected_gain(self) -> float | None:
        """Expected gain over the same horizon (annual gain prorated)."""
        value = self.usecase.value
        if value is None or value.annual_gain_eur is None:
            return None
        return value.annual_gain_eur * self.horizon_months / 12

    @property
    def vendor_only(self) -> bool:
        return self.total > 0 and self.vendor == self.total

    @property
    def model_cost(self) -> float:
        """Vendor/API and infrastructure lines over the horizon."""
        return sum(self.by_family.get(f, 0.0) for f in MODEL_COST_FAMILIES)

    @property
    def monthly_model_cost(self) -> float:
        """Vendor/API and infrastructure lines per month: the variable bill of the model."""
        return sum(self.monthly_by_family.get(f, 0.0) for f in MODEL_COST_FAMILIES)

    @property
    def model_cost_only(self) -> bool:
        """Only vendor/infrastructure lines: integration, evaluation, change management are
        probably missing from the budget (METHOD.md §6)."""
        return self.total > 0 and math.isclose(self.model_cost, self.total)

    @property
    def monthly_gain(self) -> float | None:
        value = self.usecase.value
        if value is None or value.annual_gain_eur is None:
            return None
        return value.annual_gain_eur / 12

    @property
    def roi(self) -> float | None:
        """(gain - TCO) / TCO over the horizon; None without gain or with a zero TCO."""
        gain = self.expected_gain
        if gain is None or self.total == 0 or not self.has_costs:
            return None
        return (gain - self.total) / self.total

    @property
    def net(self) -> float | None:
        gain = self.expected_gain
        return None if gain is None else gain - self.total

    @property
    def payback_month(self) -> int | None:
        """First month (1..horizon) where cumulative gain >= cumulative cost, one-off paid
        at month 0; None without a positive gain or when never reached within the horizon."""
        gain = self.monthly_gain
        if gain is None or gain <= 0 or not self.has_costs:
            return None
        margin = gain - self.monthly
        if margin <= 0:
            return 1 if self.one_off == 0 and margin == 0 else None
        # Smallest integer m >= 1 with m * margin >= one_off (tolerant to float noise).
        month = max(1, math.ceil(self.one_off / margin - 1e-9))
        return month if month <= self.horizon_months else None

    def cost_to_month(self, months: int) -> float:
        """Planned spend after ``months`` months (one-off + monthly x months, capped at the
        horizon)."""
        return self.one_off + self.monthly * max(0, min(months, self.horizon_months))


def has_costs(usecase: UseCase) -> bool:
    """Whether ``usecase`` has at least one cost line (one-off or monthly)."""
    return bool(usecase.costs.one_off or usecase.costs.monthly)


@dataclass(frozen=True)
class CostCoverage:
    """How much of a budget view rests on cost data: the one definition every budget view
    (tco totals, balance by budget) uses."""

    total: int
    """Entries the view is about."""
    missing: tuple[str, ...]
    """Ids of those with no cost line (budgets to complete), in register order."""
    min_coverage: float = 50.0
    """Percent of ``total`` that must have cost lines for a verdict."""

    @property
    def costed(self) -> int:
        return self.total - len(self.missing)

    @property
    def ratio(self) -> float | None:
        """Share of the entries with cost lines (0..1); ``None`` for no entry."""
        return None if self.total == 0 else self.costed / self.total

    @property
    def enough(self) -> bool:
        """Enough cost data for a verdict (an empty view has nothing to judge: True)."""
        return self.ratio is None or 100 * self.ratio >= self.min_coverage - 1e-9


def cost_coverage(usecases: Iterable[UseCase], min_coverage: float = 50.0) -> CostCoverage:
    listed = list(usecases)
    missing = tuple(uc.id for uc in listed if not has_costs(uc))
    return CostCoverage(len(listed), missing, min_coverage)


@per_run
def one_off_cost(usecase: UseCase) -> float:
    """The sum of the one-off cost lines (what a wave's one-off budget pays)."""
    return sum(line.amount_eur for line in usecase.costs.one_off)


@per_run
def tco(usecase: UseCase) -> Tco:
    """The entry's cost of ownership over its horizon (computed once per entry inside
    ``memo.one_run``: the report's engines each ask for it)."""
    costs = usecase.costs
    months = costs.horizon_months
    one_off = dict.fromkeys(COST_FAMILIES, 0.0)
    monthly = dict.fromkeys(COST_FAMILIES, 0.0)
    for line in costs.one_off:
        one_off[line.family] += line.amount_eur
    for line in costs.monthly:
        monthly[line.family] += line.amount_eur
    by_family = {f: one_off[f] + monthly[f] * months for f in COST_FAMILIES}
    return Tco(
        usecase=usecase,
        horizon_months=months,
        one_off=one_off_cost(usecase),
        monthly=sum(line.amount_eur for line in costs.monthly),
        by_family={k: v for k, v in by_family.items() if v},
        one_off_by_family={k: v for k, v in one_off.items() if v},
        monthly_by_family={k: v for k, v in monthly.items() if v},
    )


@dataclass(frozen=True)
class TcoTotals:
    """Sum over a group of use cases (each over its own horizon)."""

    count: int
    total: float
    non_vendor: float
    gain: float
    """Sum of the expected gains that are known, of the entries with cost lines."""
    gain_missing: int
    """Entries of the group without a gain hypothesis in euros."""
    model_cost_only: int
    coverage: CostCoverage = field(default_factory=lambda: CostCoverage(0, ()))
    """Entries of the group with and without cost lines."""

    @property
    def non_vendor_share(self) -> float | None:
        return None if self.total == 0 else self.non_vendor / self.total

    @property
    def roi(self) -> float | None:
        """(known gains - all costs) / all costs over the entries with cost lines: an entry
        without a gain hypothesis counts as zero gain (see ``gain_missing``), an entry
        without cost lines is left out. ``None`` when the costs cover too few entries
        (``coverage.enough``) or sum to zero."""
        if self.total == 0 or not self.coverage.enough:
            return None
        return (self.gain - self.total) / self.total


def totals(items: Iterable[Tco], min_coverage: float = 50.0) -> TcoTotals:
    items = list(items)
    return TcoTotals(
        count=len(items),
        total=sum(i.total for i in items),
        non_vendor=sum(i.total - i.vendor for i in items),
        gain=sum(i.expected_gain or 0.0 for i in items if i.has_costs),
        gain_missing=sum(1 for i in items if i.expected_gain is None),
        model_cost_only=sum(1 for i in items if i.model_cost_only),
        coverage=cost_coverage((i.usecase for i in items), min_coverage),
    )


@dataclass(frozen=True)
class PortfolioTco:
    items: tuple[Tco, ...]
    """Active use cases, in register order (or the one asked for)."""
    by_category: dict[str, TcoTotals]
    by_wave: dict[int | None, TcoTotals]
    """Wave id -> totals; ``None`` collects the entries not planned in a wave."""
    overall: TcoTotals

    @property
    def model_cost_only(self) -> tuple[Tco, ...]:
        return tuple(i for i in self.items if i.model_cost_only)

    @property
    def costs_missing(self) -> tuple[Tco, ...]:
        """Budgets to complete: entries with no cost line."""
        return tuple(i for i in self.items if not i.has_costs)


def portfolio_tco(usecases: Sequence[UseCase], min_coverage: float = 50.0) -> PortfolioTco:
    """TCO of every active (not ``stopped``) use case among ``usecases``, with totals; a
    total gives no ROI when fewer than ``min_coverage`` percent of its entries have cost
    lines (``budget.min_cost_coverage``)."""
    items = tuple(tco(uc) for uc in active(usecases))
    by_category = {
        cat: totals((i for i in items if i.usecase.category == cat), min_coverage)
        for cat in CATEGORIES
        if any(i.usecase.category == cat for i in items)
    }
    waves = sorted(
        {i.usecase.plan.wave for i in items}, key=lambda w: (w is None, w if w is not None else 0)
    )
    by_wave = {
        w: totals((i for i in items if i.usecase.plan.wave == w), min_coverage) for w in waves
    }
    return PortfolioTco(items, by_category, by_wave, totals(items, min_coverage))
