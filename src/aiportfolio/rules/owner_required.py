"""owner-required (error; statuses ``idea`` to ``operated``): every active use case names
its business owner (METHOD.md §1, §9). A stopped entry is archived and needs none.

PASS::

    status: pilot
    owner:
      name: Claire Martin
      role: Head of sales administration

FAIL::

    status: pilot
    owner:
"""

from __future__ import annotations

from collections.abc import Iterator

from aiportfolio.message import Message
from aiportfolio.model.lifecycle import ACTIVE
from aiportfolio.model.usecase import UseCase
from aiportfolio.problem import Severity
from aiportfolio.rules.base import Finding, Rule, RuleContext


def check(uc: UseCase, ctx: RuleContext) -> Iterator[Finding]:
    if uc.owner is None:
        yield Finding(
            uc, ("owner",), Message("rule.owner.missing", {"id": uc.id}), Message("rule.owner.hint")
        )


RULE = Rule(
    "owner-required", Severity.ERROR, "rule.owner.summary", per_usecase=check, statuses=ACTIVE
)
