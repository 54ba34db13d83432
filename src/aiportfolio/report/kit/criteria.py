"""Criteria of the scoring grid as people read them (the ranking, ``--explain`` and the
``aip report`` pages): a criterion's label, a score with what its points mean, who rated
what."""

from __future__ import annotations

from aiportfolio.domain.scoring import CriterionScore
from aiportfolio.i18n import Translator
from aiportfolio.model.grid import Grid
from aiportfolio.report.kit import numbers


def criterion_label(grid: Grid, criterion_id: str, t: Translator) -> str:
    """The criterion's label in the reader's language, else its id."""
    criterion = grid.criterion(criterion_id)
    return criterion.label.get(t.lang) if criterion else criterion_id


def why_item(c: CriterionScore, grid: Grid, t: Translator) -> str:
    """A criterion's score followed by what the points around it mean."""
    criterion = grid.criterion(c.criterion)
    score = c.score or 0.0
    levels = sorted({int(score), min(5, int(score) + (0 if score.is_integer() else 1))})
    meaning = (
        " / ".join(criterion.points[p].get(t.lang) for p in levels if p in criterion.points)
        if criterion
        else ""
    )
    return t(
        "score.why.item",
        criterion=criterion_label(grid, c.criterion, t),
        score=numbers.value(c.score, t.lang),
        meaning=meaning,
    )


def raters(c: CriterionScore) -> str:
    """Each rater with their score: ``alice 4, bob 2``."""
    return ", ".join(f"{who} {score}" for who, score in c.rater_scores)
