"""risk-review-required (error; statuses ``pilot`` to ``operated``): a use case that
triggers the reviews (risk ``high``, data ``red`` or AI Act tier ``high``) has dated
security and legal reviews before it reaches ``pilot`` (METHOD.md §5).

PASS::

    status: pilot
    risk:
      level: high
      security_review: 2026-05-04
      legal_review: 2026-05-11

FAIL::

    status: pilot
    risk:
      level: high
      security_review: 2026-05-04
"""

from __future__ import annotations

from collections.abc import Iterator

from aiportfolio.message import Message
from aiportfolio.model.lifecycle import MEASURED
from aiportfolio.model.usecase import UseCase
from aiportfolio.problem import Severity
from aiportfolio.rules.base import Finding, Rule, RuleContext


def check(uc: UseCase, ctx: RuleContext) -> Iterator[Finding]:
    if not uc.needs_risk_review:
        return
    for review in ("security_review", "legal_review"):
        if getattr(uc.risk, review) is None:
            yield Finding(
                uc,
                ("risk",),
                Message(f"rule.review.{review}", {"status": uc.status}),
                Message("rule.review.hint"),
            )


RULE = Rule(
    "risk-review-required",
    Severity.ERROR,
    "rule.review.summary",
    per_usecase=check,
    statuses=MEASURED,
)
