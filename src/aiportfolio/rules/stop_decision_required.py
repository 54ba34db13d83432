"""stop-decision-required (error; status ``stopped``): a stopped use case records the
``stop`` decision that ended it, with its date. An archived entry needs no owner or KPI any
more (those rules apply to active entries); it needs the trace of why and when it stopped.

PASS::

    status: stopped
    decisions:
      - date: 2026-09-10
        decision: stop
        by: AI portfolio committee

FAIL::

    status: stopped
    decisions: []
"""

from __future__ import annotations

from collections.abc import Iterator

from aiportfolio.message import Message
from aiportfolio.model.usecase import UseCase
from aiportfolio.problem import Severity
from aiportfolio.rules.base import Finding, Rule, RuleContext


def check(uc: UseCase, ctx: RuleContext) -> Iterator[Finding]:
    if not any(d.decision == "stop" for d in uc.decisions):
        yield Finding(
            uc,
            ("decisions",),
            Message("rule.stop_decision.missing", {"id": uc.id}),
            Message("rule.stop_decision.hint", {"id": uc.id}),
        )


RULE = Rule(
    "stop-decision-required",
    Severity.ERROR,
    "rule.stop_decision.summary",
    per_usecase=check,
    statuses=("stopped",),
)
