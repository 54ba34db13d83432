"""decision-date-missing (warning; statuses ``scoping``, ``pilot``, ``industrialising``):
a use case being decided on has its next ``decision_date``.

PASS::

    status: pilot
    decision_date: 2099-01-15

FAIL::

    status: pilot
    decision_date:
"""

from __future__ import annotations

from collections.abc import Iterator

from aiportfolio.message import Message
from aiportfolio.model.lifecycle import DECIDING
from aiportfolio.model.usecase import UseCase
from aiportfolio.problem import Severity
from aiportfolio.rules.base import Finding, Rule, RuleContext


def check(uc: UseCase, ctx: RuleContext) -> Iterator[Finding]:
    if uc.decision_date is None:
        yield Finding(
            uc,
            ("status",),
            Message("rule.decision_missing.found"),
            Message("rule.decision_missing.hint"),
        )


RULE = Rule(
    "decision-date-missing",
    Severity.WARNING,
    "rule.decision_missing.summary",
    per_usecase=check,
    statuses=DECIDING,
)
