"""ai-act-evidence-required (warning; every status): a ``done`` AI Act obligation has at
least one evidence (a path in the register or a URL).

PASS::

    ai_act:
      obligations:
        - id: ai-literacy
          status: done
          evidence: [{ref: "https://intranet.example/ai-training"}]

FAIL::

    ai_act:
      obligations: [{id: ai-literacy, status: done}]
"""

from __future__ import annotations

from collections.abc import Iterator

from aiportfolio.message import Message
from aiportfolio.model.usecase import UseCase
from aiportfolio.problem import Severity
from aiportfolio.rules.base import Finding, Rule, RuleContext


def check(uc: UseCase, ctx: RuleContext) -> Iterator[Finding]:
    for i, entry in enumerate(uc.ai_act.obligations):
        if entry.status == "done" and not entry.evidence:
            yield Finding(
                uc,
                ("ai_act", "obligations", i),
                Message("ai_act.rule.no_evidence", {"id": entry.id}),
                Message("ai_act.rule.no_evidence.hint"),
            )


RULE = Rule(
    "ai-act-evidence-required",
    Severity.WARNING,
    "ai_act.rule.no_evidence.summary",
    per_usecase=check,
)
