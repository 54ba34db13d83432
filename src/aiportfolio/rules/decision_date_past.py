"""decision-date-past (warning; statuses ``idea`` to ``industrialising``): an open use case
whose ``decision_date`` has passed is waiting for a decision (today is ``--date``, else
``AIP_TODAY``, else the system date).

PASS::

    decision_date: 2099-01-15

FAIL::

    decision_date: 2020-01-15
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from aiportfolio.message import Message
from aiportfolio.model.lifecycle import OPEN
from aiportfolio.model.usecase import UseCase
from aiportfolio.problem import Severity
from aiportfolio.rules.base import Finding, Rule, RuleContext


def check(uc: UseCase, ctx: RuleContext) -> Iterator[Finding]:
    if uc.decision_date is not None and uc.decision_date < ctx.today:
        days = (ctx.today - uc.decision_date).days
        yield Finding(
            uc,
            ("decision_date",),
            Message(
                "rule.decision_past.found",
                {"date": uc.decision_date.isoformat(), "days": days},
                count=days,
            ),
            Message("rule.decision_past.hint", {"id": uc.id}),
        )


def until(uc: UseCase, ctx: RuleContext) -> dt.date | None:
    """No finding until the day after the decision date; then one whose number of days
    changes every day."""
    if uc.decision_date is None:
        return None
    if uc.decision_date >= ctx.today:
        return uc.decision_date + dt.timedelta(days=1)
    return ctx.today + dt.timedelta(days=1)


RULE = Rule(
    "decision-date-past",
    Severity.WARNING,
    "rule.decision_past.summary",
    per_usecase=check,
    until=until,
    statuses=OPEN,
)
