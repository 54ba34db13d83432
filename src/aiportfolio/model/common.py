"""Shared field types for the register models."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictStr, StringConstraints

Text = Annotated[StrictStr, StringConstraints(strip_whitespace=True, min_length=1, max_length=4000)]
"""Non-empty free text. Strict: ``true``/``12`` where text is expected is an error."""
ShortText = Annotated[
    StrictStr, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)
]
Euros = Annotated[float, Field(strict=True, ge=0, allow_inf_nan=False)]
UseCaseId = Annotated[StrictStr, StringConstraints(pattern=r"^UC-[0-9]{3,6}$")]
Lang = Literal["en", "fr"]

STATUSES = ("idea", "scoping", "pilot", "industrialising", "operated", "stopped")
CATEGORIES = ("quick_win", "foundation", "differentiator", "compliance")
Status = Literal["idea", "scoping", "pilot", "industrialising", "operated", "stopped"]
Category = Literal["quick_win", "foundation", "differentiator", "compliance"]
RiskLevel = Literal["low", "medium", "high"]
DataClass = Literal["green", "orange", "red"]
AiActTier = Literal["unassessed", "minimal", "limited", "high", "prohibited"]
KpiLevel = Literal["impact", "adoption", "quality"]
DecisionKind = Literal["go", "iterate", "scale", "stop"]
CostFamily = Literal[
    "integration",
    "data_preparation",
    "evaluation_monitoring",
    "security_compliance",
    "change_management",
    "vendor",
    "infrastructure",
]
COST_FAMILIES: tuple[str, ...] = CostFamily.__args__  # type: ignore[attr-defined]


class Strict(BaseModel):
    """Base for every register model: unknown keys are errors, values are not coerced silently."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Bilingual(Strict):
    """A label given in English and French."""

    en: Text
    fr: Text

    def get(self, lang: str) -> str:
        return self.fr if lang == "fr" else self.en
