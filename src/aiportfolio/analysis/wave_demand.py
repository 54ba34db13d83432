"""What the use cases placed in a wave ask of it: how many they are, their effort, their
one-off budget and the pilot slots they take. The one computation behind ``aip roadmap``'s
load against capacity, the quarterly agenda's wave table and ``aip diff``'s wave rows.

``aip plan`` weighs a candidate's effort differently on purpose: ``plan.effort_weeks``
plus the effort of its open AI Act obligations (``analysis/planning/instance.py``), since it
schedules that work too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from aiportfolio.analysis.planning.instance import counts_as_pilot
from aiportfolio.analysis.tco import one_off_cost
from aiportfolio.model.usecase import UseCase


@dataclass(frozen=True)
class WaveDemand:
    count: int
    effort: float
    """Person-weeks: the sum of ``plan.effort_weeks`` (an entry without an estimate adds 0)."""
    budget: float
    """One-off costs (the wave's budget is a one-off budget)."""
    pilots: int
    """Entries taking a ``max_parallel_pilots`` slot (``counts_as_pilot``)."""


def wave_demand(members: Iterable[UseCase]) -> WaveDemand:
    """The load of the use cases ``members`` (those placed in one wave)."""
    entries = list(members)
    return WaveDemand(
        count=len(entries),
        effort=sum(uc.plan.effort_weeks or 0.0 for uc in entries),
        budget=sum(one_off_cost(uc) for uc in entries),
        pilots=sum(1 for uc in entries if counts_as_pilot(uc)),
    )
