"""Category consistency: does each use case behave like the category it claims?

METHOD.md §3 steers each category differently, so a wrong category means wrong steering:
a "quick win" that needs months is not steered as a short pilot; a "compliance" item with
no risk-reduction KPI cannot show it reduces anything. These are warnings for the
committee, never errors: the category stays a human decision.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from aiportfolio.engine.scoring import criterion_score
from aiportfolio.i18n import Translator
from aiportfolio.model.grid import Grid
from aiportfolio.model.usecase import UseCase
from aiportfolio.problem import Problem, Severity

SLOW_QUICK_WIN_MAX = 2
"""A quick win whose time-to-impact scores this or less (more than 8 weeks) is not quick."""
LOW_VALUE_MAX = 2
"""A differentiator whose business value scores this or less gives no lasting edge."""


@dataclass(frozen=True)
class ConsistencyCheck:
    id: str
    """Stable id shown in brackets, like a rule id."""
    applies: Callable[[UseCase, Grid], tuple[str, dict[str, object]] | None]
    """Returns (message key suffix, message params) when the use case is inconsistent."""


def _criterion(uc: UseCase, grid: Grid, criterion_id: str) -> float | None:
    if grid.criterion(criterion_id) is None:
        return None
    return criterion_score(uc, criterion_id, grid).score


def _slow_quick_win(uc: UseCase, grid: Grid) -> tuple[str, dict[str, object]] | None:
    if uc.category != "quick_win":
        return None
    score = _criterion(uc, grid, "time_to_impact")
    if score is None or score > SLOW_QUICK_WIN_MAX:
        return None
    return "slow_quick_win", {"score": f"{score:g}"}


def _risky_quick_win(uc: UseCase, grid: Grid) -> tuple[str, dict[str, object]] | None:
    if uc.category == "quick_win" and uc.needs_risk_review:
        return "risky_quick_win", {}
    return None


def _compliance_without_risk_kpi(uc: UseCase, grid: Grid) -> tuple[str, dict[str, object]] | None:
    if uc.category == "compliance" and not any(k.risk_reduction for k in uc.kpis):
        return "compliance_without_risk_kpi", {}
    return None


def _low_value_differentiator(uc: UseCase, grid: Grid) -> tuple[str, dict[str, object]] | None:
    if uc.category != "differentiator":
        return None
    score = _criterion(uc, grid, "business_value")
    if score is None or score > LOW_VALUE_MAX:
        return None
    return "low_value_differentiator", {"score": f"{score:g}"}


CHECKS: tuple[ConsistencyCheck, ...] = (
    ConsistencyCheck("category-slow-quick-win", _slow_quick_win),
    ConsistencyCheck("category-risky-quick-win", _risky_quick_win),
    ConsistencyCheck("category-compliance-kpi", _compliance_without_risk_kpi),
    ConsistencyCheck("category-low-value-differentiator", _low_value_differentiator),
)


def category_warnings(
    usecases: Sequence[UseCase], grid: Grid, paths: Mapping[str, str], t: Translator
) -> list[Problem]:
    """Warnings for active use cases whose category does not fit their own data.

    ``paths`` maps a use-case id to the file shown in the warning."""
    return sorted(_warnings(usecases, grid, paths, t))


def _warnings(
    usecases: Sequence[UseCase], grid: Grid, paths: Mapping[str, str], t: Translator
) -> Iterator[Problem]:
    for uc in usecases:
        if not uc.active:
            continue
        for check in CHECKS:
            found = check.applies(uc, grid)
            if found is None:
                continue
            key, params = found
            yield Problem(
                paths.get(uc.id, uc.id),
                0,
                0,
                check.id,
                Severity.WARNING,
                t(f"score.consistency.{key}", id=uc.id, **params),
                t(f"score.consistency.{key}.hint", id=uc.id),
                ("category",),
            )
