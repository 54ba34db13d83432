"""Portfolio configuration (``config/portfolio.yaml``): language, balance, capacity, waves,
rituals, policy. Every section has defaults so an empty file is valid."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, StrictBool, StrictStr, model_validator

from aiportfolio.model.ai_act import AiActConfig
from aiportfolio.model.common import (
    CATEGORIES,
    Category,
    Lang,
    ShortText,
    Status,
    Strict,
    Text,
)

Percent = Annotated[float, Field(strict=True, ge=0, le=100, allow_inf_nan=False)]


class BalanceGroup(Strict):
    id: Annotated[StrictStr, Field(pattern=r"^[a-z][a-z0-9_]*$")]
    categories: list[Category] = Field(min_length=1)
    target: Percent


def _default_groups() -> list[BalanceGroup]:
    return [
        BalanceGroup(id="quick_wins", categories=["quick_win"], target=60),
        BalanceGroup(id="foundations", categories=["foundation"], target=20),
        BalanceGroup(
            id="differentiation_compliance",
            categories=["differentiator", "compliance"],
            target=20,
        ),
    ]


class Balance(Strict):
    """Category balance target (docs/method.md §3): 60/20/20 by default, ± tolerance points."""

    tolerance: Percent = 10
    groups: list[BalanceGroup] = Field(default_factory=_default_groups)

    @model_validator(mode="after")
    def _check(self) -> Balance:
        total = sum(g.target for g in self.groups)
        if abs(total - 100) > 1e-6:
            raise ValueError(f"balance targets must sum to 100, they sum to {total:g}")
        seen: dict[str, str] = {}
        for group in self.groups:
            for cat in group.categories:
                if cat in seen:
                    raise ValueError(f"category {cat} is in two groups ({seen[cat]}, {group.id})")
                seen[cat] = group.id
        missing = [c for c in CATEGORIES if c not in seen]
        if missing:
            raise ValueError(f"every category needs a group; missing: {', '.join(missing)}")
        return self

    def group_of(self, category: str) -> BalanceGroup:
        for group in self.groups:
            if category in group.categories:
                return group
        raise KeyError(category)  # pragma: no cover - validated above


class Scoring(Strict):
    feasibility_floor: Annotated[float, Field(strict=True, ge=1, le=5)] = 2.5
    """Entries whose feasibility axis is below this rank after all entries that clear it."""
    disagreement: Annotated[int, Field(ge=1, le=4, strict=True)] = 2
    """Raters differing by this many points or more on a criterion are flagged."""


class WaveCapacity(Strict):
    max_parallel_pilots: Annotated[int, Field(ge=0, strict=True)] = 2
    person_weeks: Annotated[float, Field(strict=True, ge=0, le=1e6, allow_inf_nan=False)] | None = (
        None
    )
    budget_eur: Annotated[float, Field(strict=True, ge=0, le=1e12, allow_inf_nan=False)] | None = (
        None
    )


class Wave(Strict):
    """A delivery wave (docs/method.md §4). Give dates, or a duration in weeks."""

    id: Annotated[int, Field(ge=0, le=50, strict=True)]
    name: ShortText
    goal: Text | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    weeks: Annotated[int, Field(ge=1, le=104, strict=True)] | None = None
    deliverables: list[Text] = []
    capacity: WaveCapacity = WaveCapacity()

    @model_validator(mode="after")
    def _dates(self) -> Wave:
        for when in (self.start, self.end):
            if when is not None and not 1900 <= when.year <= 2999:
                raise ValueError(f"wave {self.id}: {when} is not a plausible date (1900-2999)")
        if self.start and self.end and self.end < self.start:
            raise ValueError(f"wave {self.id} ends ({self.end}) before it starts ({self.start})")
        return self


class Rituals(Strict):
    """Governance cadences in days (docs/method.md §5)."""

    committee_days: Annotated[int, Field(ge=1, le=366, strict=True)] = 14
    monthly_days: Annotated[int, Field(ge=1, le=366, strict=True)] = 30
    quarterly_days: Annotated[int, Field(ge=1, le=366, strict=True)] = 91


class Planning(Strict):
    discount: Annotated[float, Field(strict=True, gt=0, le=1)] = 0.85
    enforce_balance: StrictBool = True
    time_limit_seconds: Annotated[float, Field(strict=True, gt=0, le=3600)] = 10
    compliance_wave: Annotated[int, Field(ge=0, strict=True)] = 1
    """High-risk entries (high risk, red data, AI Act high) are not placed before this wave."""
    enforce_deadlines: StrictBool = True
    """An entry with open AI Act obligations applying before the last wave ends is placed in
    a wave that ends by that date (docs/planning.md); false: only a warning."""
    objective: Literal["total", "value"] = "total"
    """What ``aip plan`` maximises, discounted by wave: the weighted ``total`` score of each
    scheduled entry, or its ``value`` axis only (docs/planning.md)."""


RuleSetting = Literal["error", "warning", "info", "off"]


class RuleOptions(Strict):
    """A rule's severity and the statuses of the use cases it applies to."""

    severity: RuleSetting | None = None
    """``None`` keeps the rule's default severity."""
    statuses: Annotated[list[Status], Field(min_length=1)] | None = None
    """``None`` keeps the statuses the rule applies to by default."""


class Policy(Strict):
    """Which rules run, at which severity, on which statuses:
    ``rules: {rule-id: error|warning|info|off}`` or
    ``rules: {rule-id: {severity: ..., statuses: [...]}}``."""

    rules: dict[StrictStr, RuleSetting | RuleOptions] = {}


class Budget(Strict):
    """How much cost data a budget view needs before it gives a verdict."""

    min_cost_coverage: Percent = 50
    """Share (%) of the entries a budget view rests on that must have cost lines; below
    it, portfolio ROI and the balance by budget say "not enough cost data"."""


class PortfolioConfig(Strict):
    language: Lang = "en"
    organisation: ShortText | None = None
    currency: Literal["EUR"] = "EUR"
    balance: Balance = Balance()
    scoring: Scoring = Scoring()
    waves: list[Wave] = []
    rituals: Rituals = Rituals()
    planning: Planning = Planning()
    policy: Policy = Policy()
    budget: Budget = Budget()
    ai_act: AiActConfig = AiActConfig()

    @model_validator(mode="after")
    def _unique_waves(self) -> PortfolioConfig:
        ids = [w.id for w in self.waves]
        if len(ids) != len(set(ids)):
            raise ValueError("wave ids must be unique")
        if ids != sorted(ids):
            raise ValueError("waves must be listed in order of their id")
        return self

    def wave(self, wave_id: int) -> Wave | None:
        for w in self.waves:
            if w.id == wave_id:
                return w
        return None
