"""The scoring grid (``config/weights.yaml``), docs/method.md §2."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StrictStr, StringConstraints, field_validator, model_validator

from aiportfolio.model.common import Bilingual, ShortText, Strict

CriterionId = Annotated[StrictStr, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,39}$")]
Axis = Literal["value", "feasibility"]


class Band(Strict):
    """One band of a measured input: the first band whose bound holds gives the score.
    A band with no bound is the fallback and must come last."""

    score: Annotated[int, Field(ge=1, le=5, strict=True)]
    lt: Annotated[float, Field(strict=True)] | None = None
    le: Annotated[float, Field(strict=True)] | None = None
    gt: Annotated[float, Field(strict=True)] | None = None
    ge: Annotated[float, Field(strict=True)] | None = None

    @model_validator(mode="after")
    def _one_bound(self) -> Band:
        bounds = [b for b in (self.lt, self.le, self.gt, self.ge) if b is not None]
        if len(bounds) > 1:
            raise ValueError("a band takes at most one of lt, le, gt, ge")
        return self

    @property
    def is_fallback(self) -> bool:
        return all(b is None for b in (self.lt, self.le, self.gt, self.ge))

    def matches(self, value: float) -> bool:
        if self.lt is not None:
            return value < self.lt
        if self.le is not None:
            return value <= self.le
        if self.gt is not None:
            return value > self.gt
        if self.ge is not None:
            return value >= self.ge
        return True


class Measure(Strict):
    """A measured input (``estimates.<input>`` in a use case) converted to a 1–5 score."""

    input: CriterionId
    unit: ShortText | None = None
    bands: list[Band] = Field(min_length=1)

    @field_validator("bands")
    @classmethod
    def _fallback_last(cls, bands: list[Band]) -> list[Band]:
        if not bands[-1].is_fallback:
            raise ValueError("the last band must have no bound (the fallback score)")
        if any(b.is_fallback for b in bands[:-1]):
            raise ValueError("only the last band may have no bound")
        return bands

    def score_for(self, value: float) -> int:
        for band in self.bands:
            if band.matches(value):
                return band.score
        return self.bands[-1].score  # pragma: no cover - the fallback always matches


class Criterion(Strict):
    id: CriterionId
    label: Bilingual
    question: Bilingual
    weight: Annotated[float, Field(strict=True, gt=0, le=100, allow_inf_nan=False)]
    axis: Axis
    points: dict[Annotated[int, Field(ge=1, le=5)], Bilingual]
    """What each point of the 1–5 scale means for this criterion."""
    measure: Measure | None = None

    @field_validator("points")
    @classmethod
    def _all_points(cls, points: dict[int, Bilingual]) -> dict[int, Bilingual]:
        missing = [p for p in range(1, 6) if p not in points]
        if missing:
            raise ValueError(f"describe every point 1-5; missing: {missing}")
        return points


class Grid(Strict):
    """The weighted grid. Weights are percentages and must sum to 100."""

    version: Literal[1] = 1
    criteria: list[Criterion] = Field(min_length=1)

    @model_validator(mode="after")
    def _check(self) -> Grid:
        ids = [c.id for c in self.criteria]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"criterion ids must be unique: {', '.join(dupes)}")
        total = sum(c.weight for c in self.criteria)
        if abs(total - 100) > 1e-6:
            raise ValueError(f"weights must sum to 100, they sum to {total:g}")
        for axis in ("value", "feasibility"):
            if not any(c.axis == axis for c in self.criteria):
                raise ValueError(f"at least one criterion must be on the {axis} axis")
        return self

    def criterion(self, criterion_id: str) -> Criterion | None:
        for c in self.criteria:
            if c.id == criterion_id:
                return c
        return None

    @property
    def ids(self) -> list[str]:
        return [c.id for c in self.criteria]
