"""category-compliance-kpi (advisory warning, reported by ``aip balance``; statuses
``idea`` to ``operated``): a ``compliance`` use case has a KPI marked
``risk_reduction: true``, the measure of what it reduces.

PASS::

    category: compliance
    kpis:
      - name: Export files checked late
        level: quality
        baseline: 30
        risk_reduction: true

FAIL::

    category: compliance
    kpis:
      - name: Export files checked late
        level: quality
        baseline: 30
"""

from __future__ import annotations

from collections.abc import Iterator

from aiportfolio.model.usecase import UseCase
from aiportfolio.rules.base import Finding, RuleContext
from aiportfolio.rules.category_helpers import advisory, finding


def check(uc: UseCase, ctx: RuleContext) -> Iterator[Finding]:
    if uc.category == "compliance" and not any(k.risk_reduction for k in uc.kpis):
        yield finding(uc, "compliance_without_risk_kpi")


RULE = advisory("category-compliance-kpi", "compliance_kpi", check)
