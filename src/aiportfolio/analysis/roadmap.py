"""``aip roadmap``'s computation: the waves of the register (or of a planner proposal) with
their dates, use cases, load against capacity, risks to review and balance."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from aiportfolio.analysis.agenda import Reason as RiskReason
from aiportfolio.analysis.agenda import missing_reviews, risk_reasons
from aiportfolio.analysis.gate import PASS_ALL, Gate
from aiportfolio.analysis.wave_demand import wave_demand
from aiportfolio.model.lifecycle import active, is_open
from aiportfolio.model.portfolio import PortfolioConfig
from aiportfolio.model.usecase import UseCase

if TYPE_CHECKING:
    from aiportfolio.analysis.planning.instance import Assignment


@dataclass(frozen=True)
class RoadmapRisk:
    """A use case of a wave the risk review has to look at, and why: the reasons of
    ``analysis.agenda.risk_reasons`` (the monthly review's list), the missing reviews apart."""

    usecase: UseCase
    reasons: tuple[RiskReason, ...]
    """Why it is risky (high level, red data, AI Act tier, personal data, critical decision,
    level not assessed)."""
    review_required: bool
    """The security and legal reviews are required (``UseCase.needs_risk_review``)."""
    missing_reviews: tuple[str, ...]
    """``security_review`` / ``legal_review`` required and not dated yet."""


def roadmap_risk(uc: UseCase) -> RoadmapRisk | None:
    """``uc`` as a risk of the roadmap, or None when nothing about it needs a look."""
    reasons = tuple(r for r in risk_reasons(uc) if r.key != "agenda.review.missing")
    missing = missing_reviews(uc)
    if not reasons and not missing:
        return None
    return RoadmapRisk(uc, reasons, uc.needs_risk_review, missing)


@dataclass(frozen=True)
class RoadmapWave:
    wave: int
    name: str
    goal: str | None
    start: dt.date | None
    end: dt.date | None
    weeks: int | None
    deliverables: tuple[str, ...]
    timeline: tuple[dt.date, dt.date]
    """Dates used for the chart: the configured ones, else chained from the previous wave
    (first wave: the roadmap date), lasting ``weeks`` (default 4)."""
    usecases: tuple[UseCase, ...]
    effort: float
    person_weeks: float | None
    budget: float
    budget_eur: float | None
    pilots: int
    max_pilots: int
    risks: tuple[RoadmapRisk, ...]
    """Entries of the wave with a risk reason (``roadmap_risk``), in register order."""
    balance: tuple[tuple[str, int, float], ...]
    """(group, count, target percent) of the wave's use cases."""


@dataclass(frozen=True)
class Roadmap:
    waves: tuple[RoadmapWave, ...]
    unscheduled: tuple[UseCase, ...]
    """Candidates (idea to industrialising) in no configured wave."""
    date: dt.date
    proposed: bool
    tolerance: float
    gate: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Id -> rules it fails, for the entries shown that fail the gate (marked ⛔)."""


def build_roadmap(
    usecases: Sequence[UseCase],
    config: PortfolioConfig,
    date: dt.date,
    proposal: Assignment | None = None,
    gate: Gate = PASS_ALL,
) -> Roadmap:
    """The waves of the register (``plan.wave``), or of ``proposal`` for the candidates it
    covers; stopped entries are left out, operated ones stay in the wave they were in.
    Entries failing ``gate`` are marked."""
    current = active(usecases)

    def wave_of(uc: UseCase) -> int | None:
        if proposal is not None and uc.id in proposal:
            return proposal[uc.id]
        return uc.plan.wave

    known = {w.id for w in config.waves}
    waves = []
    previous_end: dt.date | None = None
    for w in config.waves:
        members = tuple(uc for uc in current if wave_of(uc) == w.id)
        start = w.start or (previous_end + dt.timedelta(days=1) if previous_end else date)
        end = w.end or start + dt.timedelta(days=7 * (w.weeks or 4) - 1)
        previous_end = end
        load = wave_demand(members)
        waves.append(
            RoadmapWave(
                wave=w.id,
                name=w.name,
                goal=w.goal,
                start=w.start,
                end=w.end,
                weeks=w.weeks,
                deliverables=tuple(w.deliverables),
                timeline=(start, end),
                usecases=members,
                effort=load.effort,
                person_weeks=w.capacity.person_weeks,
                budget=load.budget,
                budget_eur=w.capacity.budget_eur,
                pilots=load.pilots,
                max_pilots=w.capacity.max_parallel_pilots,
                risks=tuple(r for uc in members if (r := roadmap_risk(uc)) is not None),
                balance=tuple(
                    (g.id, sum(1 for uc in members if uc.category in g.categories), g.target)
                    for g in config.balance.groups
                ),
            )
        )
    unscheduled = tuple(uc for uc in current if is_open(uc.status) and wave_of(uc) not in known)
    failing = {uc.id: gate.rules(uc.id) for uc in current if not gate.passes(uc.id)}
    return Roadmap(
        tuple(waves),
        unscheduled,
        date,
        proposal is not None,
        config.balance.tolerance,
        failing,
    )
