"""AI Act application dates as planning constraints (docs/planning.md, docs/compliance.md).

An entry with open AI Act obligations (neither done nor not applicable) whose application
date falls before the end of the planning horizon (the latest known wave end) must sit in
a wave that ends on or before that date: its ``Deadline`` names the date and the last such
wave. Waves count in id order, as everywhere in the planner; a wave without dates never
counts as ending in time.

A date that no open wave can meet (already passed, or before the first open wave ends) is
not held: whichever wave the entry takes, that work is already late, and confining it to
the first wave would only leave it out when that wave is full. The entry is planned like
any other and the plan warns (``compliance_late``). ``planning.enforce_deadlines: false``
(``--no-deadlines``) turns the constraint off; the plan then only warns, as before.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Set
from dataclasses import dataclass

from aiportfolio.domain.ai_act import Applicable
from aiportfolio.model.portfolio import PortfolioConfig


@dataclass(frozen=True)
class Deadline:
    """The date a candidate's wave must end by, from its open AI Act obligations."""

    date: dt.date
    """The earliest application date among those some open wave can meet."""
    wave: int
    """The last open wave that ends on or before ``date``: no later wave may take it."""
    articles: tuple[str, ...] = ()
    """Articles of the open obligations that apply from ``date`` (for the reason shown)."""


@dataclass(frozen=True)
class Calendar:
    """When the waves end, and which of them still take entries."""

    ends: Mapping[int, dt.date | None]
    open: Set[int]

    @property
    def horizon(self) -> dt.date | None:
        """The end of the planning horizon: the latest known wave end."""
        return max((end for end in self.ends.values() if end is not None), default=None)

    def last_open_wave_by(self, date: dt.date) -> int | None:
        """The last open wave ending on or before ``date`` (None: no open wave can)."""
        return max(
            (
                w
                for w, end in self.ends.items()
                if w in self.open and end is not None and end <= date
            ),
            default=None,
        )


def wave_end(config: PortfolioConfig, wave_id: int) -> dt.date | None:
    """The wave's end date: given, or start + weeks."""
    wave = config.wave(wave_id)
    if wave is None:
        return None
    if wave.end is not None:
        return wave.end
    if wave.start is not None and wave.weeks is not None:
        return wave.start + dt.timedelta(days=7 * wave.weeks - 1)
    return None


def calendar_of(config: PortfolioConfig, today: dt.date | None) -> Calendar:
    """The configured waves' ends; a wave that ended before ``today`` is closed (None:
    every wave is open)."""
    ends = {w.id: wave_end(config, w.id) for w in config.waves}
    return Calendar(
        ends,
        frozenset(w for w, end in ends.items() if today is None or end is None or end >= today),
    )


def deadline_of(
    applicable: Iterable[Applicable], calendar: Calendar
) -> tuple[Deadline | None, bool]:
    """The deadline a use case's wave must meet, from the obligations that apply to it
    (``domain.ai_act.obligations_of``; None: none before the horizon), and whether one of
    its open obligations applies from a date no open wave can meet."""
    horizon = calendar.horizon
    if horizon is None:
        return None, False
    dates: dict[dt.date, list[str]] = {}
    for a in applicable:
        if not a.closed and a.applies_on < horizon:
            dates.setdefault(a.applies_on, []).extend(a.obligation.articles)
    late = False
    for date in sorted(dates):
        wave = calendar.last_open_wave_by(date)
        if wave is None:
            late = True
            continue
        return Deadline(date, wave, tuple(dict.fromkeys(dates[date]))), late
    return None, late
