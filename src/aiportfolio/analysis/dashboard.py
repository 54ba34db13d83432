"""The shared dashboard (METHOD.md §7): every active use case's KPIs by level, and 12
portfolio indicators, four per level (impact, adoption, quality & guardrails), each computed
from the register as of a date. Definitions are in the steer catalog
(``dashboard.ind.<id>.def``) and in ``docs/steering.md``."""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from aiportfolio.analysis.gate import PASS_ALL, Gate
from aiportfolio.analysis.tco import tco
from aiportfolio.domain.kpis import KpiStatus, usecase_kpis
from aiportfolio.model.lifecycle import MEASURED, active
from aiportfolio.model.usecase import UseCase

if TYPE_CHECKING:
    from aiportfolio.domain.ai_act import ObligationCatalog

LEVEL_ORDER = ("impact", "adoption", "quality")
Kind = Literal["percent", "eur", "count"]


@dataclass(frozen=True)
class Indicator:
    id: str
    level: str
    kind: Kind
    value: float | None
    """Percent kinds hold a ratio (0.5 = 50 %); None when there is nothing to measure."""
    numerator: float | None = None
    denominator: int | None = None


@dataclass(frozen=True)
class UseCaseDashboard:
    usecase: UseCase
    kpis: tuple[KpiStatus, ...]
    """Ordered by level (impact, adoption, quality), then as listed in the file."""
    gate_rules: tuple[str, ...] = ()
    """Rules whose errors make it fail the gate (``aip check``): it is marked."""

    @property
    def north_star(self) -> KpiStatus | None:
        star = self.usecase.north_star
        return next((k for k in self.kpis if k.kpi is star), None)


@dataclass(frozen=True)
class DashboardResult:
    today: dt.date
    cadence_days: int
    usecases: tuple[UseCaseDashboard, ...]
    indicators: tuple[Indicator, ...]


def _median(values: Sequence[float]) -> float | None:
    return float(statistics.median(values)) if values else None


def _ratio(id_: str, level: str, num: int, den: int) -> Indicator:
    return Indicator(id_, level, "percent", num / den if den else None, num, den)


def _median_progress(id_: str, level: str, statuses: Sequence[KpiStatus]) -> Indicator:
    values = [s.progress for s in statuses if s.progress is not None]
    return Indicator(id_, level, "percent", _median(values), None, len(values))


def indicators(
    active: Sequence[UseCase], boards: Sequence[UseCaseDashboard]
) -> tuple[Indicator, ...]:
    piloted = [uc for uc in active if uc.status in MEASURED]
    piloted_ids = {uc.id for uc in piloted}
    measured = [k for b in boards if b.usecase.id in piloted_ids for k in b.kpis]
    by_level = {level: [k for k in measured if k.level == level] for level in LEVEL_ORDER}
    stars = [b.north_star for b in boards if b.usecase.id in piloted_ids]
    impact_trended = [k for k in by_level["impact"] if k.trend is not None]
    adoption_trended = [k for k in by_level["adoption"] if k.trend is not None]
    impact_measured = {
        k.usecase.id for k in by_level["impact"] if k.kpi.baseline is not None and k.latest
    }
    needs_review = [uc for uc in active if uc.needs_risk_review]
    return (
        _median_progress("north_star_progress", "impact", [s for s in stars if s is not None]),
        _ratio(
            "targets_reached",
            "impact",
            sum(1 for k in by_level["impact"] if k.reached),
            sum(1 for k in by_level["impact"] if k.progress is not None),
        ),
        _ratio(
            "impact_improving",
            "impact",
            sum(1 for k in impact_trended if k.trend == "improving"),
            len(impact_trended),
        ),
        _ratio("impact_measured", "impact", len(impact_measured), len(piloted)),
        _median_progress("adoption_progress", "adoption", by_level["adoption"]),
        _ratio("owner_coverage", "adoption", sum(1 for uc in active if uc.owner), len(active)),
        _ratio(
            "integrated", "adoption", sum(1 for uc in piloted if uc.integration.tool), len(piloted)
        ),
        Indicator(
            "adoption_falling",
            "adoption",
            "count",
            float(sum(1 for k in adoption_trended if k.trend == "worsening")),
            None,
            len(adoption_trended),
        ),
        _median_progress("quality_progress", "quality", by_level["quality"]),
        _ratio("fresh_kpis", "quality", sum(1 for k in measured if not k.stale), len(measured)),
        _ratio(
            "reviews_done",
            "quality",
            sum(
                1
                for uc in needs_review
                if uc.risk.security_review is not None and uc.risk.legal_review is not None
            ),
            len(needs_review),
        ),
        Indicator(
            "variable_cost",
            "quality",
            "eur",
            sum(tco(uc).monthly_model_cost for uc in piloted),
            None,
            len(piloted),
        ),
    )


def build_dashboard(
    usecases: Sequence[UseCase],
    today: dt.date,
    cadence_days: int,
    gate: Gate = PASS_ALL,
    obligations: ObligationCatalog | None = None,
) -> DashboardResult:
    """Dashboard of the active use cases as of ``today``; ``cadence_days`` is the monthly
    review cadence that makes a KPI stale. Entries failing ``gate`` are marked. With the AI
    Act ``obligations`` in force, a quality indicator adds their coverage (done or not
    applicable over applicable)."""
    current = active(usecases)
    boards = []
    for uc in current:
        statuses = usecase_kpis(uc, today, cadence_days)
        ordered = tuple(s for level in LEVEL_ORDER for s in statuses if s.level == level)
        boards.append(UseCaseDashboard(uc, ordered, gate.rules(uc.id)))
    return DashboardResult(
        today=today,
        cadence_days=cadence_days,
        usecases=tuple(b for b in boards if b.kpis),
        indicators=indicators(current, boards)
        + ((ai_act_coverage(current, obligations),) if obligations is not None else ()),
    )


def ai_act_coverage(current: Sequence[UseCase], catalog: ObligationCatalog) -> Indicator:
    from aiportfolio.domain.ai_act import obligations_of

    found = [a for uc in current for a in obligations_of(uc, catalog)]
    return _ratio("ai_act_coverage", "quality", sum(1 for a in found if a.closed), len(found))
