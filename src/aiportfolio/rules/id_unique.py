"""id-unique (error; every status): no two files share an id. Ids compare by their number:
``UC-0042``, ``UC-042`` and ``UC-42`` are the same id.

PASS::

    # usecases/UC-001-claim-triage.yaml
    id: UC-001
    ---
    # usecases/UC-002-quote-drafting.yaml
    id: UC-002

FAIL::

    # usecases/UC-001-claim-triage.yaml
    id: UC-001
    ---
    # usecases/UC-0001-quote-drafting.yaml
    id: UC-0001
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from aiportfolio.message import Message
from aiportfolio.problem import Severity
from aiportfolio.rules.base import Finding, Rule, RuleContext


def check(ctx: RuleContext) -> Iterator[Finding]:
    seen: dict[str, Path] = {}
    register = ctx.register
    for uc, file in zip(register.usecases, register.usecase_paths, strict=True):
        if uc.id in seen:  # display paths only for duplicates: resolving every path is slow
            yield Finding(
                uc,
                ("id",),
                Message(
                    "rule.id_unique.dup", {"id": uc.id, "other": register.relpath(seen[uc.id])}
                ),
                Message("rule.id_unique.hint"),
                path=register.relpath(file),
            )
        else:
            seen[uc.id] = file


RULE = Rule("id-unique", Severity.ERROR, "rule.id_unique.summary", whole_register=check)
