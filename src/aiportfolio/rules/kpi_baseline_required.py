"""kpi-baseline-required (error; statuses ``scoping`` to ``operated``): every KPI has a
baseline (METHOD.md §7: a gain is measured against where the process started).

PASS::

    status: pilot
    kpis:
      - {name: Claim triage time, level: impact, unit: hours, baseline: 48, target: 8}

FAIL::

    status: pilot
    kpis:
      - {name: Claim triage time, level: impact, unit: hours, target: 8}
"""

from __future__ import annotations

from collections.abc import Iterator

from aiportfolio.message import Message
from aiportfolio.model.lifecycle import FROM_SCOPING
from aiportfolio.model.usecase import UseCase
from aiportfolio.problem import Severity
from aiportfolio.rules.base import Finding, Rule, RuleContext


def check(uc: UseCase, ctx: RuleContext) -> Iterator[Finding]:
    for i, kpi in enumerate(uc.kpis):
        if kpi.baseline is None:
            yield Finding(
                uc,
                ("kpis", i, "name"),
                Message("rule.baseline.missing", {"kpi": kpi.name, "status": uc.status}),
                Message("rule.baseline.hint"),
            )


RULE = Rule(
    "kpi-baseline-required",
    Severity.ERROR,
    "rule.baseline.summary",
    per_usecase=check,
    statuses=FROM_SCOPING,
)
