"""``aip score``: the ranking of the active portfolio after the command's filters.

The scores themselves come from ``domain/scoring.py``; this module keeps the entries a
reader asked for (category, status, ``--top``, listing limit) and marks the ones failing
the gate.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from aiportfolio.analysis.gate import Gate
from aiportfolio.domain.scoring import (
    RankedEntry,
    UnknownScoreKey,
    number_ranking,
    score_portfolio,
    unknown_score_keys,
)
from aiportfolio.model.grid import Grid
from aiportfolio.model.lifecycle import active, is_open
from aiportfolio.model.portfolio import Scoring
from aiportfolio.model.usecase import UseCase


@dataclass(frozen=True)
class ScoreReport:
    """What ``aip score`` shows: the ranking (after filters and ``--top``) and its rules."""

    entries: tuple[RankedEntry, ...]
    grid: Grid
    scoring: Scoring
    active: int
    """Active use cases scored, before filters."""
    ranked: int
    """Active use cases with every criterion scored (they get a rank)."""
    unknown_keys: tuple[UnknownScoreKey, ...] = ()
    top: int | None = None
    """``--top N`` when asked: the list is a priority list, each entry says why."""
    matching: int | None = None
    """Entries matching the filters (and ``--top``) before the listing limit; more than
    ``len(entries)`` when the list was cut."""
    left_out: tuple[RankedEntry, ...] = ()
    """With ``top``: entries matching the filters that fail the gate, so are no priority."""

    @property
    def below_floor(self) -> tuple[RankedEntry, ...]:
        return tuple(e for e in self.entries if e.result.below_floor)

    @property
    def incomplete(self) -> tuple[RankedEntry, ...]:
        return tuple(e for e in self.entries if not e.result.complete)

    @property
    def disagreements(self) -> tuple[RankedEntry, ...]:
        return tuple(e for e in self.entries if e.result.disagreements)


def build_score_report(
    usecases: Sequence[UseCase],
    grid: Grid,
    scoring: Scoring | None = None,
    *,
    categories: Sequence[str] = (),
    statuses: Sequence[str] = (),
    top: int | None = None,
    limit: int | None = None,
    gate: Gate | None = None,
    include_delivered: bool = False,
) -> ScoreReport:
    """Rank the whole active portfolio, then keep the entries matching the filters.

    Filters never change ranks: ``--category quick_win`` shows the quick wins with their
    place in the whole portfolio. Entries failing ``gate`` keep their rank and are marked.
    ``top`` makes a priority list (each entry says why): entries already delivered
    (``operated``) are left out unless ``include_delivered``, entries failing the gate are
    left out (``left_out``), then the first N that remain are kept. ``limit`` only shortens
    a long listing."""
    scoring = scoring or Scoring()
    ranked = score_portfolio(usecases, grid, scoring)
    entries = [
        replace(e, gate_rules=gate.rules(e.result.id)) if gate is not None else e
        for e in number_ranking(ranked)
        if (not categories or e.result.usecase.category in categories)
        and (not statuses or e.result.usecase.status in statuses)
    ]
    left_out: list[RankedEntry] = []
    if top is not None:
        if not include_delivered:
            entries = [e for e in entries if is_open(e.result.usecase.status)]
        left_out = [e for e in entries if e.gate_rules]
        entries = [e for e in entries if not e.gate_rules][:top]
    matching = len(entries)
    if limit is not None:
        entries = entries[:limit]
    return ScoreReport(
        entries=tuple(entries),
        grid=grid,
        scoring=scoring,
        active=len(ranked),
        ranked=sum(1 for r in ranked if r.complete),
        unknown_keys=tuple(unknown_score_keys(active(usecases), grid)),
        top=top,
        matching=matching,
        left_out=tuple(left_out),
    )
