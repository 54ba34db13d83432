"""kpi-required (error; statuses ``idea`` to ``operated``): an active use case has at least
one KPI (METHOD.md §7): without one, nobody can tell whether it worked.

PASS::

    status: pilot
    kpis: [{name: Claims reopened, level: quality, baseline: 12}]

FAIL::

    status: pilot
    kpis: []
"""

from __future__ import annotations

from collections.abc import Iterator

from aiportfolio.message import Message
from aiportfolio.model.lifecycle import ACTIVE
from aiportfolio.model.usecase import UseCase
from aiportfolio.problem import Severity
from aiportfolio.rules.base import Finding, Rule, RuleContext


def check(uc: UseCase, ctx: RuleContext) -> Iterator[Finding]:
    if not uc.kpis:
        yield Finding(
            uc, ("kpis",), Message("rule.kpi.missing", {"id": uc.id}), Message("rule.kpi.hint")
        )


RULE = Rule("kpi-required", Severity.ERROR, "rule.kpi.summary", per_usecase=check, statuses=ACTIVE)
