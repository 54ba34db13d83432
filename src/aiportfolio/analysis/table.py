"""The portfolio line of METHOD.md §1: one row per use case, the one document to keep.

use case, owner, KPI North Star, baseline, gain hypothesis, data & integrations,
risk (L/M/H), next step, decision date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from aiportfolio.model.common import id_sort_key
from aiportfolio.model.usecase import UseCase


@dataclass(frozen=True)
class PortfolioLine:
    id: str
    title: str
    status: str
    category: str
    owner: str | None
    kpi: str | None
    """The North Star KPI (or the first KPI), with its unit."""
    baseline: str | None
    """Baseline value with its unit; ``None`` when not measured yet."""
    target: str | None
    gain: str | None
    """The value hypothesis."""
    annual_gain_eur: float | None
    data: tuple[str, ...]
    """Data sources, systems, then the everyday tool it integrates into."""
    risk: str | None
    """low / medium / high, ``None`` when not assessed."""
    next_step: str | None
    decision_date: dt.date | None


def _with_unit(value: float | None, unit: str | None) -> str | None:
    if value is None:
        return None
    return f"{value:g} {unit}" if unit else f"{value:g}"


def portfolio_line(uc: UseCase) -> PortfolioLine:
    kpi = uc.north_star
    data = [*uc.data.sources, *uc.data.systems]
    if uc.integration.tool and uc.integration.tool not in data:
        data.append(uc.integration.tool)
    return PortfolioLine(
        id=uc.id,
        title=uc.title,
        status=uc.status,
        category=uc.category,
        owner=uc.owner.name if uc.owner else None,
        kpi=(f"{kpi.name} ({kpi.unit})" if kpi.unit else kpi.name) if kpi else None,
        baseline=_with_unit(kpi.baseline, kpi.unit) if kpi else None,
        target=_with_unit(kpi.target, kpi.unit) if kpi else None,
        gain=uc.value.hypothesis if uc.value else None,
        annual_gain_eur=uc.value.annual_gain_eur if uc.value else None,
        data=tuple(dict.fromkeys(data)),
        risk=uc.risk.level,
        next_step=uc.next_step,
        decision_date=uc.decision_date,
    )


def portfolio_table(
    usecases: Sequence[UseCase],
    *,
    categories: Sequence[str] = (),
    statuses: Sequence[str] = (),
    include_stopped: bool = False,
) -> list[PortfolioLine]:
    """One line per use case, by id; stopped ones only when asked or filtered for."""
    chosen = [
        uc
        for uc in usecases
        if (include_stopped or uc.active or "stopped" in statuses)
        and (not categories or uc.category in categories)
        and (not statuses or uc.status in statuses)
    ]
    return [portfolio_line(uc) for uc in sorted(chosen, key=lambda uc: id_sort_key(uc.id))]
