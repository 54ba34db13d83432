"""``aip renumber OLD NEW``: give a use case a new id, rename its file and rewrite every
``depends_on`` that names it, through the round-trip write path (the edits are applied by
``actions.writing.apply_edits``)."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aiportfolio.actions.writing import find_usecase, validate_text
from aiportfolio.domain.ids import id_number
from aiportfolio.errors import UsageError
from aiportfolio.message import Message
from aiportfolio.register.source import FileEdit, read_source


@dataclass(frozen=True)
class RenumberResult:
    old_id: str
    new_id: str
    old_path: Path
    new_path: Path
    edits: tuple[FileEdit, ...]
    """The new file first, then each file whose ``depends_on`` changed."""
    referrers: tuple[str, ...]
    """Ids of the use cases whose ``depends_on`` now names the new id."""


def _same_style(old: Any, text: str) -> Any:
    """``text`` as a scalar quoted like ``old`` was."""
    from ruamel.yaml.scalarstring import ScalarString

    return type(old)(text) if isinstance(old, ScalarString) else text


def renumber(
    register: Any, old: str, new: str, taken_elsewhere: Collection[int] = ()
) -> RenumberResult:
    """The edits that move the use case ``old`` to the id ``new``. ``new`` must be a valid
    id that no file of the register (nor ``taken_elsewhere``: other branches) uses."""
    from aiportfolio.domain.ids import ID_PATTERN, used_numbers
    from aiportfolio.model.common import canonical_id
    from aiportfolio.register.roundtrip import dump_roundtrip, load_roundtrip

    if not ID_PATTERN.match(new.strip().upper()):
        raise UsageError(Message("team.renumber.bad_id", {"id": new}))
    new = canonical_id(new)
    path = find_usecase(register, old)
    source = read_source(path)
    doc = load_roundtrip(source.text)
    old_id = str(doc["id"])
    old_number, new_number = id_number(old_id), id_number(new)
    if new_number == old_number:
        raise UsageError(Message("team.renumber.same", {"id": old_id}))
    folder = register.root / "usecases"
    if new_number in used_numbers(folder):
        raise UsageError(Message("team.renumber.taken", {"id": new}))
    if new_number in set(taken_elsewhere):
        raise UsageError(Message("team.renumber.taken_remote", {"id": new}))
    doc["id"] = _same_style(doc["id"], new)
    after = dump_roundtrip(doc)
    named = re.match(r"^UC-[0-9]+-(.+)$", path.name.rsplit(".", 1)[0], re.IGNORECASE)
    slug = named.group(1) if named else "use-case"
    new_path = path.with_name(f"{new}-{slug}{path.suffix}")
    validate_text(after, register.relpath(new_path))
    edits: list[FileEdit] = [FileEdit(new_path, None, source.encode(after))]
    referrers = []
    for uc, other in zip(register.usecases, register.usecase_paths, strict=True):
        if other == path or not any(id_number(d) == old_number for d in uc.plan.depends_on):
            continue
        text = read_source(other)
        other_doc = load_roundtrip(text.text)
        deps = other_doc["plan"]["depends_on"]
        for index, item in enumerate(deps):
            if id_number(str(item).strip().upper()) == old_number:
                deps[index] = _same_style(item, new)
        changed = dump_roundtrip(other_doc)
        validate_text(changed, register.relpath(other))
        edits.append(FileEdit(other, text.raw.decode("utf-8"), text.encode(changed)))
        referrers.append(uc.id)
    return RenumberResult(old_id, new, path, new_path, tuple(edits), tuple(referrers))
