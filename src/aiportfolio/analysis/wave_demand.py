"""What the use cases placed in a wave ask of it: how many they are, their effort, their
one-off budget and the pilot slots they take. The one computation behind ``aip roadmap``'s
load against capacity, the quarterly agenda's wave table and ``aip diff``'s wave rows.

``aip plan`` weighs a candidate's effort differently on purpose: ``plan.effort_weeks``
plus the effort of its open AI Act obligations (``analysis/planning/instance.py``), since it
schedules that work too. Whether a wave is over a capacity is ``exceeds``, with the
planner's tolerance, everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from aiportfolio.analysis.tco import one_off_cost
from aiportfolio.model.lifecycle import PILOT_SLOT
from aiportfolio.model.usecase import UseCase

EPS = 1e-6
"""The planner's tolerance for float noise (``analysis/planning``), and ``exceeds``'s. Here,
not in the planner, so that the commands that show a wave's load do not import it."""


def counts_as_pilot(uc: UseCase) -> bool:
    """Whether ``uc`` takes one of its wave's ``max_parallel_pilots`` slots
    (``lifecycle.PILOT_SLOT``: an entry placed in a wave is piloted there). The one
    definition used by ``aip plan``, ``aip roadmap`` and the quarterly agenda."""
    return uc.status in PILOT_SLOT


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


def exceeds(used: float, available: float | None) -> bool:
    """``used`` is over the capacity ``available`` (``None``: no limit) by more than float
    noise (the planner's ``EPS``): what "over capacity" means in ``aip roadmap``, the
    quarterly agenda and ``aip diff``, as in the plan's constraints."""
    return available is not None and used > available + EPS
