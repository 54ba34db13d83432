"""Total cost of ownership over the use case's horizon (METHOD.md §6)."""

from __future__ import annotations

from dataclasses import dataclass

from aiportfolio.model.common import COST_FAMILIES
from aiportfolio.model.usecase import UseCase


@dataclass(frozen=True)
class Tco:
    usecase: UseCase
    horizon_months: int
    one_off: float
    monthly: float
    by_family: dict[str, float]
    """Family -> cost over the horizon (one-off + monthly x months)."""

    @property
    def total(self) -> float:
        return self.one_off + self.monthly * self.horizon_months

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


def tco(usecase: UseCase) -> Tco:
    costs = usecase.costs
    months = costs.horizon_months
    by_family = dict.fromkeys(COST_FAMILIES, 0.0)
    for line in costs.one_off:
        by_family[line.family] += line.amount_eur
    for line in costs.monthly:
        by_family[line.family] += line.amount_eur * months
    return Tco(
        usecase=usecase,
        horizon_months=months,
        one_off=sum(line.amount_eur for line in costs.one_off),
        monthly=sum(line.amount_eur for line in costs.monthly),
        by_family={k: v for k, v in by_family.items() if v},
    )
