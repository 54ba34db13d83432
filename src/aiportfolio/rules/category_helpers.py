"""What the four ``category-*`` rules share: does a use case behave like the category it
claims (METHOD.md §3)?

A wrong category means wrong steering: a "quick win" that needs months is not steered as a
short pilot; a "compliance" item with no risk-reduction KPI cannot show it reduces
anything. The category stays a human decision, so these rules are *advisory*: ``aip
balance`` reports them (warnings by default), ``aip check`` and the gate do not.
``policy.rules`` switches them off or changes their severity and statuses like any rule.
"""

from __future__ import annotations

from collections.abc import Iterator

from aiportfolio.message import Message
from aiportfolio.model.lifecycle import ACTIVE
from aiportfolio.model.usecase import UseCase
from aiportfolio.problem import Severity
from aiportfolio.rules.base import Finding, PerUseCase, Rule, RuleContext


def criterion(uc: UseCase, ctx: RuleContext, criterion_id: str) -> float | None:
    """The entry's score on ``criterion_id`` (``None`` when unscored or not in the grid)."""
    from aiportfolio.domain.scoring import criterion_score

    grid = ctx.register.grid
    if grid.criterion(criterion_id) is None:
        return None
    return criterion_score(uc, criterion_id, grid).score


def finding(uc: UseCase, key: str, **params: object) -> Finding:
    return Finding(
        uc,
        ("category",),
        Message(f"score.consistency.{key}", {"id": uc.id, **params}),
        Message(f"score.consistency.{key}.hint", {"id": uc.id}),
    )


def advisory(rule_id: str, key: str, check: PerUseCase) -> Rule:
    """A category rule: a warning on active entries, reported by ``aip balance``."""
    summary = f"rule.category.{key}.summary"
    return Rule(rule_id, Severity.WARNING, summary, check, statuses=ACTIVE, advisory=True)


def low_score_rule(
    rule_id: str, key: str, *, category: str, criterion_id: str, maximum: int
) -> Rule:
    """The category rule "a ``category`` entry whose ``criterion_id`` scores ``maximum`` or
    less does not behave like its category": ``key`` names its messages
    (``score.consistency.<key>``) and its summary (``rule.category.<key>.summary``)."""

    def check(uc: UseCase, ctx: RuleContext) -> Iterator[Finding]:
        if uc.category != category:
            return
        score = criterion(uc, ctx, criterion_id)
        if score is not None and score <= maximum:
            yield finding(uc, key, score=f"{score:g}")

    return advisory(rule_id, key, check)
