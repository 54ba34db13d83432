"""ai-act-obligation-extra (info; statuses ``idea`` to ``operated``): an obligation is
tracked that the use case's role and tier do not make applicable (often after a
reclassification). Nothing is extra before the use case is classified.

PASS::

    risk: {level: medium, ai_act_tier: minimal}
    ai_act:
      obligations: [{id: ai-literacy, status: todo}]

FAIL::

    risk: {level: medium, ai_act_tier: minimal}
    ai_act:
      obligations:
        - {id: ai-literacy, status: todo}
        - {id: hr-human-oversight, status: todo}
"""

from __future__ import annotations

from collections.abc import Iterator

from aiportfolio.domain.ai_act import catalog_for, obligation_ids
from aiportfolio.message import Message
from aiportfolio.model.lifecycle import ACTIVE
from aiportfolio.model.usecase import UseCase
from aiportfolio.problem import Severity
from aiportfolio.rules.base import Finding, Rule, RuleContext


def check(uc: UseCase, ctx: RuleContext) -> Iterator[Finding]:
    if not uc.ai_act.obligations or uc.risk.ai_act_tier == "unassessed":
        return  # nothing is derived before classification: nothing can be extra
    catalog = catalog_for(ctx.register.config, ctx.register.root)
    applying = obligation_ids(uc, catalog)
    for index, entry in enumerate(uc.ai_act.obligations):
        if (
            entry.id in applying
            or entry.status == "not_applicable"
            or catalog.get(entry.id) is None
        ):
            continue
        yield Finding(
            uc,
            ("ai_act", "obligations", index, "id"),
            Message(
                "ai_act.rule.extra",
                {
                    "id": entry.id,
                    "role": Message(f"ai_act.role.{uc.ai_act.role or 'deployer'}"),
                    "tier": Message(f"diff.tier.{uc.risk.ai_act_tier}"),
                },
            ),
            Message("ai_act.rule.extra.hint"),
        )


RULE = Rule(
    "ai-act-obligation-extra",
    Severity.INFO,
    "ai_act.rule.extra.summary",
    per_usecase=check,
    statuses=ACTIVE,
)
