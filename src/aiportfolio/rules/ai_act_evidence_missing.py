"""ai-act-evidence-missing (error; every status): every evidence ``ref`` of an AI Act
obligation that is not a URL is a path that exists inside the register (URLs are not
fetched).

PASS::

    ai_act:
      obligations:
        - id: ai-literacy
          status: done
          evidence: [{ref: evidence/ai-training.md}]
    ---
    # evidence/ai-training.md
    Training given to the six claim handlers on 2026-03-02.

FAIL::

    ai_act:
      obligations:
        - {id: ai-literacy, status: done, evidence: [{ref: evidence/no-such-file.md}]}
"""

from __future__ import annotations

from collections.abc import Iterator

from aiportfolio.domain.ai_act import evidence_path_problem
from aiportfolio.message import Message
from aiportfolio.model.usecase import UseCase
from aiportfolio.problem import Severity
from aiportfolio.rules.base import Finding, Rule, RuleContext


def check(uc: UseCase, ctx: RuleContext) -> Iterator[Finding]:
    for i, entry in enumerate(uc.ai_act.obligations):
        for j, evidence in enumerate(entry.evidence):
            if evidence.is_url:
                continue
            why = evidence_path_problem(evidence.ref, ctx.register.root)
            if why is not None:
                yield Finding(
                    uc,
                    ("ai_act", "obligations", i, "evidence", j, "ref"),
                    Message(f"ai_act.rule.evidence.{why}", {"ref": evidence.ref, "id": entry.id}),
                    Message("ai_act.rule.evidence.hint"),
                )


RULE = Rule(
    "ai-act-evidence-missing",
    Severity.ERROR,
    "ai_act.rule.evidence.summary",
    per_usecase=check,
)
