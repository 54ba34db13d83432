"""kpi-north-star (warning; every status): at most one KPI is the ``north_star``, the one
the committee follows first.

PASS::

    kpis:
      - {name: Claim triage time, level: impact, baseline: 48, north_star: true}
      - {name: Claims reopened, level: quality, baseline: 12}

FAIL::

    kpis:
      - {name: Claim triage time, level: impact, baseline: 48, north_star: true}
      - {name: Claims reopened, level: quality, baseline: 12, north_star: true}
"""

from __future__ import annotations

from collections.abc import Iterator

from aiportfolio.message import Message
from aiportfolio.model.usecase import UseCase
from aiportfolio.problem import Severity
from aiportfolio.rules.base import Finding, Rule, RuleContext


def check(uc: UseCase, ctx: RuleContext) -> Iterator[Finding]:
    flagged = [i for i, k in enumerate(uc.kpis) if k.north_star]
    for i in flagged[1:]:
        yield Finding(
            uc,
            ("kpis", i, "north_star"),
            Message("rule.north_star.many"),
            Message("rule.north_star.hint"),
        )


RULE = Rule("kpi-north-star", Severity.WARNING, "rule.north_star.summary", per_usecase=check)
