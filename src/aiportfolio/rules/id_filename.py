"""id-filename (error; every status): a use-case file is named ``<id>-<slug>.yaml``, the
slug in lower-case ASCII letters and digits, words joined by ``-`` (the id in the name is
read by its number too, as ids are).

PASS::

    # usecases/UC-001-claim-triage.yaml
    id: UC-001

FAIL::

    # usecases/UC-001_Claim triage.yaml
    id: UC-001
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from aiportfolio.message import Message
from aiportfolio.model.common import canonical_id, escaped
from aiportfolio.problem import Severity
from aiportfolio.rules.base import Finding, Rule, RuleContext

_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_NAMED = re.compile(r"^(UC-[0-9]{3,6})-(.*)$")


def check(ctx: RuleContext) -> Iterator[Finding]:
    register = ctx.register
    for uc, file in zip(register.usecases, register.usecase_paths, strict=True):
        named = _NAMED.match(file.name.rsplit(".", 1)[0])
        slug = named.group(2) if named and canonical_id(named.group(1)) == uc.id else None
        if slug is None or not _SLUG.match(slug):
            yield Finding(
                uc,
                ("id",),
                Message("rule.id_filename.bad", {"id": uc.id, "name": escaped(file.name)}),
                Message("rule.id_filename.hint", {"id": uc.id}),
                path=register.relpath(file),
            )


RULE = Rule("id-filename", Severity.ERROR, "rule.id_filename.summary", whole_register=check)
