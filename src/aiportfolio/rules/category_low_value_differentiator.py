"""category-low-value-differentiator (advisory warning, reported by ``aip balance``;
statuses ``idea`` to ``operated``): a differentiator's business value scores above 2 (a
differentiator of little value gives no lasting edge).

PASS::

    category: differentiator
    scores:
      business_value: 4

FAIL::

    category: differentiator
    scores:
      business_value: 2
"""

from __future__ import annotations

from collections.abc import Iterator

from aiportfolio.model.usecase import UseCase
from aiportfolio.rules.base import Finding, RuleContext
from aiportfolio.rules.category_helpers import advisory, low_score

LOW_VALUE_MAX = 2
"""A differentiator whose business value scores this or less gives no lasting edge."""


def check(uc: UseCase, ctx: RuleContext) -> Iterator[Finding]:
    key = "low_value_differentiator"
    return low_score(uc, ctx, "differentiator", "business_value", LOW_VALUE_MAX, key)


RULE = advisory("category-low-value-differentiator", "low_value_differentiator", check)
