"""One AI use case: the one-page card of docs/method.md §1, as a YAML file in ``usecases/``."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, StrictBool, StrictStr, field_validator, model_validator

from aiportfolio.model.ai_act import AiAct
from aiportfolio.model.common import (
    AiActTier,
    Category,
    CostFamily,
    DataClass,
    DecisionKind,
    Euros,
    KpiLevel,
    RiskLevel,
    ShortText,
    Status,
    Strict,
    Text,
    UseCaseId,
)
from aiportfolio.model.lifecycle import is_active

Score = Annotated[int, Field(ge=1, le=5, strict=True)]
Number = Annotated[float, Field(strict=True, ge=-1e15, le=1e15, allow_inf_nan=False)]
"""A measured value: finite and within ±10^15, so progress and trends stay computable."""


class Person(Strict):
    """Someone accountable: the business owner or the sponsor."""

    name: ShortText
    role: ShortText | None = None
    email: Annotated[StrictStr, Field(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")] | None = None


class Process(Strict):
    """The targeted process: where, who, volume."""

    name: Text
    where: Text | None = None
    who: Text | None = None
    volume: Text | None = None


class Value(Strict):
    """The value hypothesis, in a business unit and in euros per year."""

    hypothesis: Text
    unit: ShortText | None = None
    annual_gain_eur: Euros | None = None


class Data(Strict):
    """Data and systems needed, with their classification (green / orange / red)."""

    sources: list[Text] = []
    systems: list[Text] = []
    quality: Literal["unknown", "poor", "fair", "good"] = "unknown"
    rights: Text | None = None
    classification: DataClass | None = None


class Risk(Strict):
    """Risk level and compliance facts; review dates are filled when a review is done."""

    level: RiskLevel | None = None
    personal_data: StrictBool = False
    critical_decision: StrictBool = False
    ai_act_tier: AiActTier = "unassessed"
    security_review: dt.date | None = None
    legal_review: dt.date | None = None
    notes: Text | None = None


class Integration(Strict):
    """Where the use case lives: the everyday tool and its users."""

    tool: Text | None = None
    users: Text | None = None
    vendor: ShortText | None = None


class Measurement(Strict):
    date: dt.date
    value: Number
    note: Text | None = None


class Kpi(Strict):
    """A measured indicator with a baseline, a target and dated measurements."""

    name: ShortText
    level: KpiLevel
    unit: ShortText | None = None
    baseline: Number | None = None
    target: Number | None = None
    direction: Literal["higher_is_better", "lower_is_better"] | None = None
    """When absent, inferred from target vs baseline (lower target: lower is better)."""
    north_star: StrictBool = False
    risk_reduction: StrictBool = False
    """This KPI measures a risk reduced (expected of ``compliance`` use cases)."""
    measurements: list[Measurement] = []

    @property
    def lower_is_better(self) -> bool:
        if self.direction is not None:
            return self.direction == "lower_is_better"
        if self.baseline is not None and self.target is not None:
            return self.target < self.baseline
        return False


class Rating(Strict):
    """One rater's scores; the scores used are the per-criterion median of all raters."""

    by: ShortText
    date: dt.date | None = None
    scores: dict[StrictStr, Score]


class CostLine(Strict):
    family: CostFamily
    amount_eur: Euros
    label: Text | None = None


class Costs(Strict):
    """TCO inputs (docs/method.md §6): one-off lines plus monthly lines over a horizon."""

    horizon_months: Annotated[int, Field(ge=1, le=60, strict=True)] = 12
    one_off: list[CostLine] = []
    monthly: list[CostLine] = []


class Plan(Strict):
    """Where the use case sits in the waves."""

    wave: Annotated[int, Field(ge=0, le=50, strict=True)] | None = None
    effort_weeks: (
        Annotated[float, Field(strict=True, ge=0, le=10000, allow_inf_nan=False)] | None
    ) = None
    """Team effort in person-weeks for the wave it is planned in."""
    depends_on: list[UseCaseId] = []
    pinned: StrictBool = False


class Decision(Strict):
    date: dt.date
    decision: DecisionKind
    by: ShortText
    note: Text | None = None


class UseCase(Strict):
    """A use case file. Only ``id``, ``title``, ``status`` and ``category`` are schema-required;
    the method's other requirements (owner, KPI, baseline...) are policy rules so that
    ``aip check`` can report all of them at once with their rule id."""

    id: UseCaseId
    title: ShortText
    status: Status
    category: Category
    owner: Person | None = None
    sponsor: Person | None = None
    process: Process | None = None
    problem: Text | None = None
    value: Value | None = None
    data: Data = Data()
    risk: Risk = Risk()
    ai_act: AiAct = AiAct()
    integration: Integration = Integration()
    kpis: list[Kpi] = []
    scores: dict[StrictStr, Score] = {}
    estimates: dict[
        StrictStr, Annotated[float, Field(strict=True, ge=0, le=1e9, allow_inf_nan=False)]
    ] = {}
    """Measured inputs that a criterion turns into a score (e.g. ``weeks_to_pilot``)."""
    ratings: list[Rating] = []
    costs: Costs = Costs()
    plan: Plan = Plan()
    next_step: Text | None = None
    decision_date: dt.date | None = None
    decisions: list[Decision] = []

    @field_validator("decisions")
    @classmethod
    def _decisions_in_date_order(cls, value: list[Decision]) -> list[Decision]:
        dates = [d.date for d in value]
        if dates != sorted(dates):
            raise ValueError("decisions must be listed oldest first")
        return value

    @model_validator(mode="after")
    def _no_self_dependency(self) -> UseCase:
        if self.id in self.plan.depends_on:
            raise ValueError(f"{self.id} cannot depend on itself (plan.depends_on)")
        return self

    @property
    def active(self) -> bool:
        return is_active(self.status)

    @property
    def north_star(self) -> Kpi | None:
        for kpi in self.kpis:
            if kpi.north_star:
                return kpi
        return self.kpis[0] if self.kpis else None

    @property
    def needs_risk_review(self) -> bool:
        """Explicit criteria that trigger the security and legal review (docs/method.md §5, §9)."""
        return (
            self.risk.level == "high"
            or self.data.classification == "red"
            or self.risk.ai_act_tier == "high"
        )
