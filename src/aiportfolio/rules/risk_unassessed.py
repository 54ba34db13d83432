"""risk-unassessed (warning; statuses ``scoping`` to ``operated``): the risk level and the
data classification are set once scoping starts.

PASS::

    status: scoping
    risk:
      level: medium
    data:
      sources: [CRM]
      classification: orange

FAIL::

    status: scoping
    risk:
      ai_act_tier: minimal
    data:
      sources: [CRM]
"""

from __future__ import annotations

from collections.abc import Iterator

from aiportfolio.message import Message
from aiportfolio.model.lifecycle import FROM_SCOPING
from aiportfolio.model.usecase import UseCase
from aiportfolio.problem import Severity
from aiportfolio.rules.base import Finding, Rule, RuleContext


def check(uc: UseCase, ctx: RuleContext) -> Iterator[Finding]:
    hint = Message("rule.unassessed.hint")
    if uc.risk.level is None:
        yield Finding(uc, ("risk",), Message("rule.unassessed.level"), hint)
    if uc.data.classification is None:
        yield Finding(uc, ("data",), Message("rule.unassessed.data"), hint)


RULE = Rule(
    "risk-unassessed",
    Severity.WARNING,
    "rule.unassessed.summary",
    per_usecase=check,
    statuses=FROM_SCOPING,
)
