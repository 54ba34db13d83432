"""Shared field types for the register models."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StrictStr, StringConstraints
from pydantic_core import PydanticCustomError

# Re-exported: the lifecycle module owns the statuses, model/text.py the unsafe characters.
from aiportfolio.model.lifecycle import STATUSES as STATUSES
from aiportfolio.model.lifecycle import Status as Status
from aiportfolio.model.text import UNSAFE as UNSAFE
from aiportfolio.model.text import UNSAFE_CHARACTERS as UNSAFE_CHARACTERS
from aiportfolio.model.text import UNSAFE_IN_LINE as UNSAFE_IN_LINE
from aiportfolio.model.text import UNSAFE_OR_BREAK as UNSAFE_OR_BREAK
from aiportfolio.model.text import escaped as escaped
from aiportfolio.model.text import strip_unsafe as strip_unsafe
from aiportfolio.model.vocabulary import CATEGORIES as CATEGORIES
from aiportfolio.model.vocabulary import Category as Category
from aiportfolio.model.vocabulary import DecisionKind as DecisionKind
from aiportfolio.model.vocabulary import Lang as Lang


def _no_control(pattern: re.Pattern[str]) -> AfterValidator:
    def check(value: str) -> str:
        found = pattern.search(value)
        if found:
            raise PydanticCustomError(
                "control_character",
                "control character U+{code} at position {position}",
                {"code": f"{ord(found.group()):04X}", "position": found.start() + 1},
            )
        return value

    return AfterValidator(check)


Text = Annotated[
    StrictStr,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=4000),
    _no_control(UNSAFE),
]
"""Non-empty free text, on several lines if needed. Strict: ``true``/``12`` where text is
expected is an error; control characters are refused."""
ShortText = Annotated[
    StrictStr,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=200),
    _no_control(UNSAFE_IN_LINE),
]
"""A name or title: at most 200 characters (reporters keep it on one line). A carriage
return is refused: it only ever comes from a pasted Windows text, and a reader that ends
rows on CR would start a new CSV row there."""
Euros = Annotated[float, Field(strict=True, ge=0, le=1e12, allow_inf_nan=False)]
"""An amount in euros, up to a thousand billion (beyond, a typo: and sums would overflow)."""
_ID_NUMBER = re.compile(r"^UC-([0-9]{1,6})$")


def canonical_id(value: str) -> str:
    """An id compared by its number: ``UC-0042``, ``UC-042`` and ``uc-42`` are ``UC-042``
    (at least three digits). A text that is not an id is returned stripped, upper-cased."""
    text = value.strip().upper()
    match = _ID_NUMBER.match(text)
    return f"UC-{int(match.group(1)):03d}" if match else text


def id_sort_key(value: str) -> tuple[int, str]:
    """Ids in numeric order (UC-100 < UC-999 < UC-1000); anything else after them."""
    match = _ID_NUMBER.match(value)
    return (int(match.group(1)), "") if match else (10**7, value)


_NUMBER_JUNK = ("€", "EUR", "eur", "%", "\u00a0", "\u202f", " ", "'")
"""Units and thousands separators a person types or a spreadsheet exports around a number."""


def parse_number(text: str) -> float:
    """A finite number as a person writes it, in English or French: ``1,234.5``,
    ``1 234,5`` (space, no-break or narrow no-break space), ``1'234``, ``0,62``, ``12 €``,
    ``62 %`` (the unit dropped, not applied). A lone comma is a decimal comma; several are
    thousands separators. Raises ``ValueError`` for anything else (``nan`` and ``inf`` too).
    The one number parser: ``aip import``, ``aip kpi record``, ``aip new``'s prompts."""
    cleaned = text.strip()
    for junk in _NUMBER_JUNK:
        cleaned = cleaned.replace(junk, "")
    if "," in cleaned and "." in cleaned:
        cleaned = (
            cleaned.replace(",", "")
            if cleaned.rfind(".") > cleaned.rfind(",")
            else cleaned.replace(".", "").replace(",", ".")
        )
    elif cleaned.count(",") == 1:
        cleaned = cleaned.replace(",", ".")
    elif cleaned.count(",") > 1:
        cleaned = cleaned.replace(",", "")
    number = float(cleaned)
    if number != number or number in (float("inf"), float("-inf")):
        raise ValueError(f"not a finite number: {text!r}")
    return number


UseCaseId = Annotated[
    StrictStr,
    StringConstraints(pattern=r"^UC-[0-9]{3,6}$"),
    AfterValidator(canonical_id),
]
"""``UC-`` and 3 to 6 digits, read by its number: ``UC-0042`` is the same use case as
``UC-042`` everywhere (ids, ``depends_on``, unique-id rule)."""
RiskLevel = Literal["low", "medium", "high"]
DataClass = Literal["green", "orange", "red"]
AiActTier = Literal["unassessed", "minimal", "limited", "high", "prohibited"]
KpiLevel = Literal["impact", "adoption", "quality"]
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
    """A label in English and French, optionally in German (else English is shown)."""

    en: Text
    fr: Text
    de: Text | None = None

    def get(self, lang: str) -> str:
        if lang == "fr":
            return self.fr
        return self.de if lang == "de" and self.de is not None else self.en
