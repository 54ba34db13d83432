"""EU AI Act: the obligations catalog (package data, extended by a register) and the
``ai_act`` section of a use case (classification, answers kept for audit, obligation status
and evidence). See docs/compliance.md."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, get_args

from pydantic import Field, StrictBool, StrictStr, model_validator

from aiportfolio.model.common import Bilingual, ShortText, Strict, Text

AiActRole = Literal["provider", "deployer", "importer", "distributor"]
ROLES: tuple[str, ...] = AiActRole.__args__  # type: ignore[attr-defined]
ObligationState = Literal["todo", "in_progress", "done", "not_applicable"]
STATES: tuple[str, ...] = ObligationState.__args__  # type: ignore[attr-defined]
TransparencyCase = Literal[
    "chatbot",
    "synthetic_content",
    "emotion_recognition",
    "biometric_categorisation",
    "deepfake",
    "public_text",
]
GpaiKind = Literal["general", "systemic"]
DateKey = Literal["prohibited", "literacy", "gpai", "transparency", "annex_iii", "annex_i"]
AppliesFrom = Literal[
    "prohibited", "literacy", "gpai", "transparency", "annex_iii", "annex_i", "high_risk"
]
"""``high_risk``: ``annex_i`` for a product under Annex I legislation, else ``annex_iii``."""
AnnexIIIPoint = Literal[
    "1(a)",
    "1(b)",
    "1(c)",
    "2",
    "3(a)",
    "3(b)",
    "3(c)",
    "3(d)",
    "4(a)",
    "4(b)",
    "5(a)",
    "5(b)",
    "5(c)",
    "5(d)",
    "6",
    "7",
    "8(a)",
    "8(b)",
]
ANNEX_III_POINTS: tuple[str, ...] = get_args(AnnexIIIPoint)
ExceptionKind = Literal["narrow_task", "improve_human_work", "detect_patterns", "preparatory"]
ObligationId = Annotated[StrictStr, Field(pattern=r"^[a-z0-9][a-z0-9_.-]{0,63}$")]
Tier = Literal["minimal", "limited", "high", "prohibited"]


# --- the catalog -----------------------------------------------------------------------------


class ApplicationDate(Strict):
    """When a group of obligations applies, as known on ``as_of``, and where that comes from."""

    date: dt.date
    as_of: dt.date | None = None
    source: Text | None = None


class Conditions(Strict):
    """Every condition given must hold (and the role must match) for an obligation to apply."""

    tiers: list[Tier] | None = None
    transparency: list[TransparencyCase] | None = None
    gpai: list[GpaiKind] | None = None
    annex_iii: list[AnnexIIIPoint] | None = None
    exception: StrictBool | None = None
    """``true``: only when an Art. 6(3) exception is claimed."""


class Obligation(Strict):
    id: ObligationId
    articles: list[ShortText] = Field(min_length=1)
    roles: list[AiActRole] = Field(min_length=1)
    when: Conditions
    applies_from: AppliesFrom
    title: Bilingual
    description: Bilingual
    source: Text
    nist: list[ShortText] = []
    """NIST AI RMF subcategory ids (e.g. ``GOVERN 2.2``)."""
    iso42001: list[ShortText] = []
    """ISO/IEC 42001 Annex A control ids (e.g. ``A.6.2.8``)."""
    effort_weeks: (
        Annotated[float, Field(strict=True, ge=0, le=1000, allow_inf_nan=False)] | None
    ) = None
    """Person-weeks this obligation usually takes (default: the catalog's ``effort_weeks``)."""


class Labelled(Strict):
    """A catalog label in English and French, optionally in German (else English is shown)."""

    en: Text
    fr: Text
    de: Text | None = None
    article: ShortText | None = None

    def get(self, lang: str) -> str:
        if lang == "fr":
            return self.fr
        return self.de if lang == "de" and self.de is not None else self.en


class Catalog(Strict):
    """The shipped catalog (``aiportfolio/data/ai_act.yaml``)."""

    version: dt.date
    dates: dict[DateKey, ApplicationDate]
    obligations: list[Obligation]
    effort_weeks: Annotated[float, Field(strict=True, ge=0, le=1000, allow_inf_nan=False)] = 1
    annex_iii: dict[AnnexIIIPoint, Labelled]
    prohibited: dict[StrictStr, Labelled]
    exceptions: dict[ExceptionKind, Labelled]
    transparency: dict[TransparencyCase, Labelled]
    frameworks: dict[Literal["nist", "iso42001"], dict[StrictStr, Labelled]] = {}


class AiActConfig(Strict):
    """``ai_act`` in ``config/portfolio.yaml``: re-date the catalog, add obligations."""

    dates: dict[DateKey, ApplicationDate] = {}
    """Replaces the catalog's date of a group (give ``as_of`` and ``source``)."""
    obligations: list[Obligation] = []
    """Obligations of the register's own (internal policy, sector rules); ids must be new."""
    effort_weeks: (
        Annotated[float, Field(strict=True, ge=0, le=1000, allow_inf_nan=False)] | None
    ) = None
    """Person-weeks counted per open obligation by ``aip plan`` (default: the catalog's)."""

    @model_validator(mode="after")
    def _unique_ids(self) -> AiActConfig:
        ids = [o.id for o in self.obligations]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"obligation ids must be unique: {', '.join(duplicates)}")
        return self


# --- a use case's ai_act section -----------------------------------------------------------


class Evidence(Strict):
    """What shows an obligation is met: a path in the register repository or a URL."""

    ref: Text
    reviewed_by: ShortText | None = None
    reviewed_on: dt.date | None = None

    @property
    def is_url(self) -> bool:
        return self.ref.startswith(("https://", "http://"))


class ObligationStatus(Strict):
    id: ObligationId
    status: ObligationState = "todo"
    reason: Text | None = None
    """Why the obligation does not apply (required with ``not_applicable``)."""
    owner: ShortText | None = None
    due: dt.date | None = None
    evidence: list[Evidence] = []

    @model_validator(mode="after")
    def _reason(self) -> ObligationStatus:
        if self.status == "not_applicable" and self.reason is None:
            raise ValueError(f"obligation {self.id}: not_applicable needs a reason")
        return self


class AiAct(Strict):
    """Classification under the AI Act (written by ``aip classify``) and obligation tracking.
    The tier itself stays in ``risk.ai_act_tier``."""

    role: AiActRole | None = None
    """The organisation's role for this system (default when absent: deployer)."""
    annex_iii: AnnexIIIPoint | None = None
    annex_i: StrictBool = False
    """A product, or safety component of a product, under Annex I legislation (Art. 6(1))."""
    exception: ExceptionKind | None = None
    """Art. 6(3) exception claimed for an Annex III system that does not profile people."""
    transparency: list[TransparencyCase] = []
    gpai: GpaiKind | None = None
    """The organisation provides a general-purpose AI model (Art. 51-55) with this system."""
    legal_basis: list[ShortText] = []
    classified_on: dt.date | None = None
    classified_by: ShortText | None = None
    answers: dict[StrictStr, StrictStr | StrictBool | list[StrictStr]] = {}
    """The questionnaire's answers, kept for audit."""
    obligations: list[ObligationStatus] = []

    @model_validator(mode="after")
    def _unique(self) -> AiAct:
        ids = [o.id for o in self.obligations]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"obligations listed twice: {', '.join(duplicates)}")
        return self

    def status_of(self, obligation_id: str) -> ObligationStatus | None:
        for entry in self.obligations:
            if entry.id == obligation_id:
                return entry
        return None
