"""category-low-value-differentiator (advisory warning, reported by ``aip balance``;
statuses ``idea`` to ``operated``): a differentiator's business value scores above 2 (a
differentiator of little value gives no lasting edge).

PASS::

    category: differentiator
    scores: {business_value: 4}

FAIL::

    category: differentiator
    scores: {business_value: 2}
"""

from __future__ import annotations

from aiportfolio.rules.category_helpers import low_score_rule

LOW_VALUE_MAX = 2
"""A differentiator whose business value scores this or less gives no lasting edge."""

RULE = low_score_rule(
    "category-low-value-differentiator",
    "low_value_differentiator",
    category="differentiator",
    criterion_id="business_value",
    maximum=LOW_VALUE_MAX,
)
