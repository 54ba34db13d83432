"""category-slow-quick-win (advisory warning, reported by ``aip balance``; statuses
``idea`` to ``operated``): a quick win's time-to-impact scores above 2, i.e. a measured
pilot within 8 weeks (``rules/category_helpers.py`` says why category rules are advice).

PASS::

    category: quick_win
    scores: {time_to_impact: 4}

FAIL::

    category: quick_win
    scores: {time_to_impact: 2}
"""

from __future__ import annotations

from aiportfolio.rules.category_helpers import low_score_rule

SLOW_QUICK_WIN_MAX = 2
"""A quick win whose time-to-impact scores this or less (more than 8 weeks) is not quick."""

RULE = low_score_rule(
    "category-slow-quick-win",
    "slow_quick_win",
    category="quick_win",
    criterion_id="time_to_impact",
    maximum=SLOW_QUICK_WIN_MAX,
)
