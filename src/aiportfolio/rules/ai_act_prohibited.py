"""ai-act-prohibited (error; statuses ``idea`` to ``operated``): an AI Act ``prohibited``
practice (Art. 5) is only allowed on a ``stopped`` use case.

PASS::

    risk:
      level: medium
      ai_act_tier: minimal

FAIL::

    risk:
      level: high
      ai_act_tier: prohibited
"""

from __future__ import annotations

from collections.abc import Iterator

from aiportfolio.message import Message
from aiportfolio.model.lifecycle import ACTIVE
from aiportfolio.model.usecase import UseCase
from aiportfolio.problem import Severity
from aiportfolio.rules.base import Finding, Rule, RuleContext


def check(uc: UseCase, ctx: RuleContext) -> Iterator[Finding]:
    if uc.risk.ai_act_tier == "prohibited":
        yield Finding(
            uc,
            ("risk", "ai_act_tier"),
            Message("rule.prohibited.found"),
            Message("rule.prohibited.hint"),
        )


RULE = Rule(
    "ai-act-prohibited",
    Severity.ERROR,
    "rule.prohibited.summary",
    per_usecase=check,
    statuses=ACTIVE,
)
