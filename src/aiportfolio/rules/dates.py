"""decision-date-past: an active use case whose ``decision_date`` has passed is waiting for
a decision (warning). decision-date-missing: from ``scoping`` on, a next decision date is set."""

from __future__ import annotations

from collections.abc import Iterator

from aiportfolio.model.lifecycle import DECIDING, OPEN
from aiportfolio.model.usecase import UseCase
from aiportfolio.problem import Severity
from aiportfolio.rules.base import Finding, Rule, RuleContext


def check_past(uc: UseCase, ctx: RuleContext) -> Iterator[Finding]:
    if uc.decision_date is not None and uc.decision_date < ctx.today:
        yield Finding(
            uc,
            ("decision_date",),
            ctx.t.n(
                "rule.decision_past.found",
                (ctx.today - uc.decision_date).days,
                date=uc.decision_date.isoformat(),
                days=(ctx.today - uc.decision_date).days,
            ),
            ctx.t("rule.decision_past.hint", id=uc.id),
        )


def check_missing(uc: UseCase, ctx: RuleContext) -> Iterator[Finding]:
    if uc.decision_date is None:
        yield Finding(
            uc,
            ("status",),
            ctx.t("rule.decision_missing.found"),
            ctx.t("rule.decision_missing.hint"),
        )


RULES = (
    Rule(
        "decision-date-past",
        Severity.WARNING,
        "rule.decision_past.summary",
        per_usecase=check_past,
        statuses=OPEN,
    ),
    Rule(
        "decision-date-missing",
        Severity.WARNING,
        "rule.decision_missing.summary",
        per_usecase=check_missing,
        statuses=DECIDING,
    ),
)
