"""category-risky-quick-win (advisory warning, reported by ``aip balance``; statuses
``idea`` to ``operated``): a quick win does not trigger the risk review (risk ``high``,
data ``red`` or AI Act tier ``high``): reviews take longer than a quick win lasts.

PASS::

    category: quick_win
    risk:
      level: low

FAIL::

    category: quick_win
    risk:
      level: high
"""

from __future__ import annotations

from collections.abc import Iterator

from aiportfolio.model.usecase import UseCase
from aiportfolio.rules.base import Finding, RuleContext
from aiportfolio.rules.category_helpers import advisory, finding


def check(uc: UseCase, ctx: RuleContext) -> Iterator[Finding]:
    if uc.category == "quick_win" and uc.needs_risk_review:
        yield finding(uc, "risky_quick_win")


RULE = advisory("category-risky-quick-win", "risky_quick_win", check)
