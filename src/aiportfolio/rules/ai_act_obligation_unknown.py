"""ai-act-obligation-unknown (error; every status): every id in ``ai_act.obligations`` is
an obligation of the catalog (the shipped one, or the register's own in
``config/portfolio.yaml``); the hint suggests the closest id.

PASS::

    ai_act:
      obligations:
        - id: ai-literacy
          status: todo

FAIL::

    ai_act:
      obligations:
        - id: ai-litteracy
          status: todo
"""

from __future__ import annotations

from collections.abc import Iterator

from aiportfolio.domain.ai_act import catalog_for
from aiportfolio.message import Message
from aiportfolio.model.usecase import UseCase
from aiportfolio.problem import Severity
from aiportfolio.register.loader import suggest
from aiportfolio.rules.base import Finding, Rule, RuleContext


def check(uc: UseCase, ctx: RuleContext) -> Iterator[Finding]:
    catalog = catalog_for(ctx.register.config, ctx.register.root)
    ids = [o.id for o in catalog.obligations]
    for index, entry in enumerate(uc.ai_act.obligations):
        if entry.id in ids:
            continue
        close = suggest(entry.id, ids)
        hint = (
            Message("schema.hint.did_you_mean", {"key": close})
            if close
            else Message("ai_act.rule.see_list")
        )
        yield Finding(
            uc,
            ("ai_act", "obligations", index, "id"),
            Message("ai_act.rule.unknown", {"id": entry.id}),
            hint,
        )


RULE = Rule(
    "ai-act-obligation-unknown",
    Severity.ERROR,
    "ai_act.rule.unknown.summary",
    per_usecase=check,
)
