"""Category rules: does each use case behave like the category it claims?

METHOD.md §3 steers each category differently, so a wrong category means wrong steering:
a "quick win" that needs months is not steered as a short pilot; a "compliance" item with
no risk-reduction KPI cannot show it reduces anything. The category stays a human
decision, so these rules are *advisory*: ``aip balance`` reports them (warnings by
default), ``aip check`` and the gate do not. ``policy.rules`` switches them off or changes
their severity and statuses like any rule.

- ``category-slow-quick-win``: a quick win whose time-to-impact scores 1-2.
  PASS ``category: quick_win`` with ``scores: {time_to_impact: 4}``;
  FAIL ``category: quick_win`` with ``scores: {time_to_impact: 2}`` (more than 8 weeks).
- ``category-risky-quick-win``: a quick win that triggers the risk review.
  PASS ``category: quick_win`` with ``risk: {level: low}``;
  FAIL ``category: quick_win`` with ``risk: {level: high}``.
- ``category-compliance-kpi``: a compliance item with no KPI marked ``risk_reduction``.
  PASS ``category: compliance`` with a KPI ``risk_reduction: true``;
  FAIL ``category: compliance`` whose KPIs all lack it.
- ``category-low-value-differentiator``: a differentiator whose business value scores 1-2.
  PASS ``category: differentiator`` with ``scores: {business_value: 4}``;
  FAIL ``category: differentiator`` with ``scores: {business_value: 2}``.
"""

from __future__ import annotations

from collections.abc import Iterator

from aiportfolio.model.lifecycle import ACTIVE
from aiportfolio.model.usecase import UseCase
from aiportfolio.problem import Severity
from aiportfolio.rules.base import Finding, PerUseCase, Rule, RuleContext

SLOW_QUICK_WIN_MAX = 2
"""A quick win whose time-to-impact scores this or less (more than 8 weeks) is not quick."""
LOW_VALUE_MAX = 2
"""A differentiator whose business value scores this or less gives no lasting edge."""


def _criterion(uc: UseCase, ctx: RuleContext, criterion_id: str) -> float | None:
    from aiportfolio.domain.scoring import criterion_score

    grid = ctx.register.grid
    if grid.criterion(criterion_id) is None:
        return None
    return criterion_score(uc, criterion_id, grid).score


def _finding(uc: UseCase, ctx: RuleContext, key: str, **params: object) -> Finding:
    return Finding(
        uc,
        ("category",),
        ctx.t(f"score.consistency.{key}", id=uc.id, **params),
        ctx.t(f"score.consistency.{key}.hint", id=uc.id),
    )


def _low_score(
    uc: UseCase, ctx: RuleContext, category: str, criterion_id: str, maximum: int, key: str
) -> Iterator[Finding]:
    """A ``category`` entry whose ``criterion_id`` scores ``maximum`` or less."""
    if uc.category != category:
        return
    score = _criterion(uc, ctx, criterion_id)
    if score is not None and score <= maximum:
        yield _finding(uc, ctx, key, score=f"{score:g}")


def check_slow_quick_win(uc: UseCase, ctx: RuleContext) -> Iterator[Finding]:
    return _low_score(uc, ctx, "quick_win", "time_to_impact", SLOW_QUICK_WIN_MAX, "slow_quick_win")


def check_risky_quick_win(uc: UseCase, ctx: RuleContext) -> Iterator[Finding]:
    if uc.category == "quick_win" and uc.needs_risk_review:
        yield _finding(uc, ctx, "risky_quick_win")


def check_compliance_kpi(uc: UseCase, ctx: RuleContext) -> Iterator[Finding]:
    if uc.category == "compliance" and not any(k.risk_reduction for k in uc.kpis):
        yield _finding(uc, ctx, "compliance_without_risk_kpi")


def check_low_value_differentiator(uc: UseCase, ctx: RuleContext) -> Iterator[Finding]:
    key = "low_value_differentiator"
    return _low_score(uc, ctx, "differentiator", "business_value", LOW_VALUE_MAX, key)


def _advisory(rule_id: str, key: str, check: PerUseCase) -> Rule:
    summary = f"rule.category.{key}.summary"
    return Rule(rule_id, Severity.WARNING, summary, check, statuses=ACTIVE, advisory=True)


RULES = (
    _advisory("category-slow-quick-win", "slow_quick_win", check_slow_quick_win),
    _advisory("category-risky-quick-win", "risky_quick_win", check_risky_quick_win),
    _advisory("category-compliance-kpi", "compliance_kpi", check_compliance_kpi),
    _advisory(
        "category-low-value-differentiator",
        "low_value_differentiator",
        check_low_value_differentiator,
    ),
)
