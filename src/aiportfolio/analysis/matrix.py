"""The value x feasibility 2x2 (``aip score --matrix``).

The two axes are never added up (METHOD.md §2): the matrix shows them side by side. Each
axis is split at the middle of the 1-5 scale; an entry exactly on the split counts as high.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from aiportfolio.domain.scoring import RankedEntry

SPLIT = 3.0
"""Middle of the 1-5 scale, where each axis is cut in two."""

Quadrant = Literal["priorities", "strategic_bets", "easy_extras", "park"]
QUADRANTS: tuple[Quadrant, ...] = ("priorities", "strategic_bets", "easy_extras", "park")
"""In reading order: high value first, high feasibility first."""


def quadrant_of(value: float, feasibility: float, split: float = SPLIT) -> Quadrant:
    high_value = value >= split
    feasible = feasibility >= split
    if high_value:
        return "priorities" if feasible else "strategic_bets"
    return "easy_extras" if feasible else "park"


@dataclass(frozen=True)
class MatrixPoint:
    entry: RankedEntry
    value: float
    feasibility: float
    quadrant: Quadrant

    @property
    def id(self) -> str:
        return self.entry.result.id


@dataclass(frozen=True)
class Matrix:
    points: tuple[MatrixPoint, ...]
    """In ranking order."""
    unplaced: tuple[RankedEntry, ...]
    """Entries whose value or feasibility axis is missing a criterion."""
    split: float
    floor: float

    def in_quadrant(self, quadrant: Quadrant) -> tuple[MatrixPoint, ...]:
        return tuple(p for p in self.points if p.quadrant == quadrant)


def build_matrix(entries: Sequence[RankedEntry], floor: float, split: float = SPLIT) -> Matrix:
    points: list[MatrixPoint] = []
    unplaced: list[RankedEntry] = []
    for entry in entries:
        value, feasibility = entry.result.value, entry.result.feasibility
        if value is None or feasibility is None:
            unplaced.append(entry)
            continue
        points.append(
            MatrixPoint(entry, value, feasibility, quadrant_of(value, feasibility, split))
        )
    return Matrix(tuple(points), tuple(unplaced), split, floor)
