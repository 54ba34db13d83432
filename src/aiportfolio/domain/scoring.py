"""Scoring on the weighted grid (METHOD.md §2), value and feasibility kept apart.

Where each criterion's score comes from, in order: the median of ``ratings`` (several
raters), else ``scores``, else a measured input in ``estimates`` converted by the
criterion's ``measure`` bands (e.g. ``weeks_to_pilot`` -> time-to-impact). A missing
criterion is reported, never treated as zero: totals and axes that need it are ``None``.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from aiportfolio.domain.memo import per_run
from aiportfolio.model.common import id_sort_key
from aiportfolio.model.grid import Grid
from aiportfolio.model.lifecycle import active
from aiportfolio.model.portfolio import Scoring
from aiportfolio.model.usecase import UseCase

Source = Literal["ratings", "score", "measure", "missing"]
STRENGTHS_SHOWN = 2
"""How many strongest criteria the "why" of an entry names."""
STRONG = 4
"""A criterion scored at least this much is a strength; below ``WEAK_BELOW``, it holds the
entry back."""
WEAK_BELOW = 3


@dataclass(frozen=True)
class CriterionScore:
    criterion: str
    score: float | None
    source: Source
    weight: float
    axis: str
    rater_scores: tuple[tuple[str, int], ...] = ()
    """(rater, score) pairs when the score is a median of ratings."""
    measured: float | None = None
    """The measured input value when the score comes from ``estimates``."""

    @property
    def contribution(self) -> float | None:
        """Points this criterion adds to the weighted total (weight share x score)."""
        return None if self.score is None else self.score * self.weight / 100

    @property
    def spread(self) -> int:
        scores = [s for _, s in self.rater_scores]
        return max(scores) - min(scores) if scores else 0


@dataclass(frozen=True)
class ScoreResult:
    usecase: UseCase
    total: float | None
    """Weighted mean of all criteria on the 1-5 scale; None if any criterion is missing."""
    value: float | None
    """Weighted mean of the value-axis criteria."""
    feasibility: float | None
    """Weighted mean of the feasibility-axis criteria."""
    criteria: tuple[CriterionScore, ...]
    below_floor: bool
    """Feasibility axis below ``scoring.feasibility_floor``: ranked after those that clear it."""
    disagreements: tuple[str, ...]
    """Criteria where raters differ by ``scoring.disagreement`` points or more."""

    @property
    def id(self) -> str:
        return self.usecase.id

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(c.criterion for c in self.criteria if c.score is None)

    @property
    def complete(self) -> bool:
        return self.total is not None


def _weighted_mean(items: Iterable[CriterionScore]) -> float | None:
    items = list(items)
    if not items or any(c.score is None for c in items):
        return None
    weight = sum(c.weight for c in items)
    return sum(c.score * c.weight for c in items if c.score is not None) / weight


def criterion_score(usecase: UseCase, criterion_id: str, grid: Grid) -> CriterionScore:
    criterion = grid.criterion(criterion_id)
    assert criterion is not None
    rated = tuple(
        (r.by, r.scores[criterion_id]) for r in usecase.ratings if criterion_id in r.scores
    )
    cid, weight, axis = criterion_id, criterion.weight, criterion.axis
    if rated:
        median = float(statistics.median(s for _, s in rated))
        return CriterionScore(cid, median, "ratings", weight, axis, rater_scores=rated)
    if criterion_id in usecase.scores:
        return CriterionScore(cid, float(usecase.scores[criterion_id]), "score", weight, axis)
    measure = criterion.measure
    if measure is not None and measure.input in usecase.estimates:
        measured = usecase.estimates[measure.input]
        score = float(measure.score_for(measured))
        return CriterionScore(cid, score, "measure", weight, axis, measured=measured)
    return CriterionScore(cid, None, "missing", weight, axis)


@per_run
def score_use_case(usecase: UseCase, grid: Grid, scoring: Scoring | None = None) -> ScoreResult:
    criteria = tuple(criterion_score(usecase, c.id, grid) for c in grid.criteria)
    return result_from_criteria(usecase, criteria, scoring)


def result_from_criteria(
    usecase: UseCase, criteria: tuple[CriterionScore, ...], scoring: Scoring | None = None
) -> ScoreResult:
    """Totals, axes and flags from per-criterion scores (also used for what-if questions)."""
    scoring = scoring or Scoring()
    value = _weighted_mean(c for c in criteria if c.axis == "value")
    feasibility = _weighted_mean(c for c in criteria if c.axis == "feasibility")
    total = _weighted_mean(criteria)
    return ScoreResult(
        usecase=usecase,
        total=total,
        value=value,
        feasibility=feasibility,
        criteria=criteria,
        below_floor=feasibility is not None and feasibility < scoring.feasibility_floor,
        disagreements=tuple(
            c.criterion for c in criteria if c.rater_scores and c.spread >= scoring.disagreement
        ),
    )


def rank_key(result: ScoreResult) -> tuple[int, int, float, float, tuple[int, str]]:
    """Complete entries first; among them, those that clear the feasibility floor first;
    then by total (desc), feasibility (desc), id number. A total never lifts an entry over
    the floor."""
    return (
        0 if result.complete else 1,
        1 if result.below_floor else 0,
        -(result.total or 0.0),
        -(result.feasibility or 0.0),
        id_sort_key(result.id),
    )


def rank(results: Iterable[ScoreResult]) -> list[ScoreResult]:
    return sorted(results, key=rank_key)


def score_portfolio(
    usecases: Sequence[UseCase], grid: Grid, scoring: Scoring | None = None
) -> list[ScoreResult]:
    """Ranked scores of the active (not ``stopped``) use cases."""
    return rank(score_use_case(uc, grid, scoring) for uc in active(usecases))


@dataclass(frozen=True)
class RankedEntry:
    """One row of the ranking."""

    rank: int | None
    """1-based place among the complete entries of the whole active portfolio (filters do
    not renumber); ``None`` when a criterion is missing (such entries are not ranked)."""
    result: ScoreResult
    gate_rules: tuple[str, ...] = ()
    """Rules whose errors make it fail the gate (``aip check``); empty when it passes."""


@dataclass(frozen=True)
class UnknownScoreKey:
    """A key under ``scores`` or ``ratings`` that is not a criterion of the grid."""

    usecase: str
    key: str
    suggestion: str | None


def number_ranking(results: Sequence[ScoreResult]) -> list[RankedEntry]:
    """Give ranks 1..n to the complete entries of an already ranked list."""
    entries = []
    place = 0
    for result in results:
        if result.complete:
            place += 1
            entries.append(RankedEntry(place, result))
        else:
            entries.append(RankedEntry(None, result))
    return entries


def unknown_score_keys(usecases: Iterable[UseCase], grid: Grid) -> list[UnknownScoreKey]:
    import difflib

    known = set(grid.ids)
    found: list[UnknownScoreKey] = []
    for uc in usecases:
        keys = dict.fromkeys([*uc.scores, *(k for r in uc.ratings for k in r.scores)])
        for key in keys:
            if key not in known:
                close = difflib.get_close_matches(key, grid.ids, n=1, cutoff=0.6)
                found.append(UnknownScoreKey(uc.id, key, close[0] if close else None))
    return found


@dataclass(frozen=True)
class Why:
    """Why an entry ranks where it does: its strongest criteria (score >= ``STRONG``, by
    contribution to the total) and what holds it back (scores under ``WEAK_BELOW``, lowest
    first, or the weakest criterion when none is that low)."""

    strengths: tuple[CriterionScore, ...]
    held_back: tuple[CriterionScore, ...]


def why(result: ScoreResult) -> Why:
    scored = [c for c in result.criteria if c.score is not None]
    strong = sorted(
        (c for c in scored if (c.score or 0) >= STRONG),
        key=lambda c: (-(c.contribution or 0.0), c.criterion),
    )
    weak = sorted(
        (c for c in scored if (c.score or 0) < WEAK_BELOW),
        key=lambda c: (c.score or 0.0, -c.weight, c.criterion),
    )
    if not weak and scored:
        lowest = min(scored, key=lambda c: (c.score or 0.0, -c.weight, c.criterion))
        if lowest.score is not None and lowest.score < STRONG:
            weak = [lowest]
    return Why(tuple(strong[:STRENGTHS_SHOWN]), tuple(weak[:STRENGTHS_SHOWN]))
