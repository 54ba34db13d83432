"""id-unique: no two files share an id (ids compare by number: ``UC-0042`` is ``UC-042``).
id-filename: a file is named ``<id>-<slug>.yaml`` (lower-case ASCII slug, words joined by
``-``; the id in the name is read by its number too)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from aiportfolio.model.common import canonical_id, escaped
from aiportfolio.problem import Severity
from aiportfolio.rules.base import Finding, Rule, RuleContext

_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_NAMED = re.compile(r"^(UC-[0-9]{3,6})-(.*)$")


def check_unique(ctx: RuleContext) -> Iterator[Finding]:
    seen: dict[str, Path] = {}
    register = ctx.register
    for uc, file in zip(register.usecases, register.usecase_paths, strict=True):
        if uc.id in seen:  # display paths only for duplicates: resolving every path is slow
            yield Finding(
                uc,
                ("id",),
                ctx.t("rule.id_unique.dup", id=uc.id, other=register.relpath(seen[uc.id])),
                ctx.t("rule.id_unique.hint"),
                path=register.relpath(file),
            )
        else:
            seen[uc.id] = file


def check_filename(ctx: RuleContext) -> Iterator[Finding]:
    register = ctx.register
    for uc, file in zip(register.usecases, register.usecase_paths, strict=True):
        named = _NAMED.match(file.name.rsplit(".", 1)[0])
        slug = named.group(2) if named and canonical_id(named.group(1)) == uc.id else None
        if slug is None or not _SLUG.match(slug):
            yield Finding(
                uc,
                ("id",),
                ctx.t("rule.id_filename.bad", id=uc.id, name=escaped(file.name)),
                ctx.t("rule.id_filename.hint", id=uc.id),
                path=register.relpath(file),
            )


RULES = (
    Rule("id-unique", Severity.ERROR, "rule.id_unique.summary", whole_register=check_unique),
    Rule("id-filename", Severity.ERROR, "rule.id_filename.summary", whole_register=check_filename),
)
