"""Why a use case ranks where it does, and what would move it (``aip score --explain``).

Every "what would change" answer is computed by re-scoring the entry with one criterion
changed and placing it again with the same ``rank_key`` as the ranking itself, so the
explanation can never disagree with the table.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from aiportfolio.domain.scoring import (
    CriterionScore,
    ScoreResult,
    rank_key,
    result_from_criteria,
    score_portfolio,
    score_use_case,
)
from aiportfolio.model.grid import Criterion, Grid
from aiportfolio.model.portfolio import Scoring
from aiportfolio.model.usecase import UseCase


@dataclass(frozen=True)
class CriterionDetail:
    criterion: Criterion
    score: CriterionScore
    points: tuple[int, ...]
    """The point descriptions that apply: one point, or the two around a median like 3.5."""

    @property
    def max_contribution(self) -> float:
        return 5 * self.criterion.weight / 100


@dataclass(frozen=True)
class WhatIf:
    """One criterion scored differently, and where the entry would then rank."""

    criterion: str
    current: float | None
    new_score: int
    new_rank: int
    new_total: float | None
    new_feasibility: float | None

    @property
    def points_needed(self) -> float:
        return self.new_score - (self.current or 0)


@dataclass(frozen=True)
class CompletionRange:
    """Where an incomplete entry would rank once its missing criteria are scored."""

    missing: tuple[str, ...]
    best_rank: int
    """Rank with every missing criterion at 5."""
    worst_rank: int
    """Rank with every missing criterion at 1."""


@dataclass(frozen=True)
class Explanation:
    result: ScoreResult
    rank: int | None
    """Place among the complete active entries; ``None`` if incomplete or stopped."""
    ranked: int
    """How many entries are ranked."""
    details: tuple[CriterionDetail, ...]
    ahead: ScoreResult | None
    """The entry just above (the one to pass)."""
    behind: ScoreResult | None
    """The entry just below."""
    to_pass_ahead: tuple[WhatIf, ...]
    """Smallest single-criterion increase that lifts the entry above ``ahead``, per criterion."""
    to_clear_floor: tuple[WhatIf, ...]
    """Smallest single-criterion increase that brings feasibility to the floor (if below)."""
    floor_out_of_reach: bool
    """Below the floor and no single feasibility criterion can lift it there."""
    completion: CompletionRange | None
    floor: float
    status: Literal["ranked", "incomplete", "stopped"]

    @property
    def lead_over_behind(self) -> float | None:
        if self.behind is None or self.result.total is None or self.behind.total is None:
            return None
        return self.result.total - self.behind.total


def applicable_points(score: float | None) -> tuple[int, ...]:
    if score is None:
        return ()
    low, high = math.floor(score), math.ceil(score)
    return (int(low),) if low == high else (int(low), int(high))


def with_score(
    result: ScoreResult, criterion: str, new_score: float, scoring: Scoring
) -> ScoreResult:
    criteria = tuple(
        dataclasses.replace(c, score=float(new_score), source="score", rater_scores=())
        if c.criterion == criterion
        else c
        for c in result.criteria
    )
    return result_from_criteria(result.usecase, criteria, scoring)


def place_of(candidate: ScoreResult, others: Sequence[ScoreResult]) -> int:
    """The rank ``candidate`` would get among ``others`` (which exclude it)."""
    key = rank_key(candidate)
    return 1 + sum(1 for o in others if o.complete and rank_key(o) < key)


def _higher_scores(current: float | None) -> range:
    start = 1 if current is None else math.floor(current) + 1
    return range(start, 6)


def explain(
    usecase_id: str, usecases: Sequence[UseCase], grid: Grid, scoring: Scoring | None = None
) -> Explanation:
    """Explain one use case; raises ``KeyError`` when ``usecase_id`` is not in ``usecases``."""
    scoring = scoring or Scoring()
    target = next((uc for uc in usecases if uc.id == usecase_id), None)
    if target is None:
        raise KeyError(usecase_id)
    ranked = score_portfolio(usecases, grid, scoring)
    complete = [r for r in ranked if r.complete]
    mine = next((r for r in ranked if r.id == usecase_id), None)
    stopped = mine is None
    if mine is None:
        mine = score_use_case(target, grid, scoring)
    others = [r for r in complete if r.id != usecase_id]
    details = tuple(
        CriterionDetail(c, s, applicable_points(s.score))
        for c, s in zip(grid.criteria, mine.criteria, strict=True)
    )
    rank = None
    ahead = behind = None
    to_pass: list[WhatIf] = []
    to_floor: list[WhatIf] = []
    completion = None
    if mine.complete and not stopped:
        rank = complete.index(mine) + 1
        ahead = complete[rank - 2] if rank > 1 else None
        behind = complete[rank] if rank < len(complete) else None
        for c in mine.criteria:
            for new in _higher_scores(c.score):
                moved = with_score(mine, c.criterion, new, scoring)
                place = place_of(moved, others)
                if place < rank:
                    to_pass.append(_what_if(c, new, place, moved))
                    break
            if mine.below_floor and c.axis == "feasibility":
                for new in _higher_scores(c.score):
                    moved = with_score(mine, c.criterion, new, scoring)
                    if not moved.below_floor:
                        to_floor.append(_what_if(c, new, place_of(moved, others), moved))
                        break
    elif not stopped:
        missing = mine.missing
        best, worst = mine, mine
        for criterion in missing:
            best = with_score(best, criterion, 5, scoring)
            worst = with_score(worst, criterion, 1, scoring)
        completion = CompletionRange(missing, place_of(best, others), place_of(worst, others))
    to_pass.sort(key=lambda w: (w.points_needed, w.new_rank, w.criterion))
    to_floor.sort(key=lambda w: (w.points_needed, w.new_rank, w.criterion))
    return Explanation(
        result=mine,
        rank=rank,
        ranked=len(complete),
        details=details,
        ahead=ahead,
        behind=behind,
        to_pass_ahead=tuple(to_pass),
        to_clear_floor=tuple(to_floor),
        floor_out_of_reach=mine.below_floor and not to_floor,
        completion=completion,
        floor=scoring.feasibility_floor,
        status="stopped" if stopped else ("ranked" if rank is not None else "incomplete"),
    )


def _what_if(c: CriterionScore, new: int, place: int, moved: ScoreResult) -> WhatIf:
    return WhatIf(c.criterion, c.score, new, place, moved.total, moved.feasibility)
