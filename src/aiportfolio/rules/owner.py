"""owner-required: every active use case names its business owner (METHOD.md §1, §9); a
stopped one is archived and no longer needs one.

FAIL: no ``owner:`` key. PASS: ``owner: {name: Claire Martin, role: Dir. ADV, email: ...}``.
"""

from __future__ import annotations

from collections.abc import Iterator

from aiportfolio.model.lifecycle import ACTIVE
from aiportfolio.model.usecase import UseCase
from aiportfolio.problem import Severity
from aiportfolio.rules.base import Finding, Rule, RuleContext


def check_owner(uc: UseCase, ctx: RuleContext) -> Iterator[Finding]:
    if uc.owner is None:
        yield Finding(
            uc, ("owner",), ctx.t("rule.owner.missing", id=uc.id), ctx.t("rule.owner.hint")
        )


RULE = Rule(
    "owner-required",
    Severity.ERROR,
    "rule.owner.summary",
    per_usecase=check_owner,
    statuses=ACTIVE,
)
