"""depends-on-exists (error; every status): every ``plan.depends_on`` id is a use case of
the register.

PASS::

    id: UC-001
    plan: {depends_on: [UC-002]}
    ---
    id: UC-002
    title: CRM data quality

FAIL::

    id: UC-001
    plan: {depends_on: [UC-099]}
"""

from __future__ import annotations

from collections.abc import Iterator

from aiportfolio.message import Message
from aiportfolio.model.usecase import UseCase
from aiportfolio.problem import Severity
from aiportfolio.rules.base import Finding, Rule, RuleContext


def check(uc: UseCase, ctx: RuleContext) -> Iterator[Finding]:
    for i, target in enumerate(uc.plan.depends_on):
        if target not in ctx.register.sources:
            yield Finding(
                uc,
                ("plan", "depends_on", i),
                Message("rule.depends_on.missing", {"target": target}),
                Message("rule.depends_on.hint"),
            )


RULE = Rule("depends-on-exists", Severity.ERROR, "rule.depends_on.summary", per_usecase=check)
