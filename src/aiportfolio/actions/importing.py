"""``aip import``: one use case per spreadsheet row, through a mapping file.

Two phases: every row is read, converted and validated first (per-row messages with the
row number of the file); only when no row has an error are files written, under the
register lock. Conversion is forgiving where spreadsheets are messy (stray spaces, BOM,
cp1252, decimal commas, Excel dates, yes/oui/ja, multi-value cells) and strict where a
guess would be wrong (unknown columns and fields are mapping errors, exit 2).

This module plans the writes (new files, ``--update`` edits, rejects); the rest lives in
``tabular/``: ``read.py`` (CSV/XLSX rows within limits), ``mapping.py`` (the mapping file,
its transforms, cell conversion), ``rows.py`` (a row into use-case data) and
``duplicates.py`` (near-duplicate titles and problems).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from aiportfolio.errors import UsageError
from aiportfolio.message import Message, Text
from aiportfolio.register.loader import Register
from aiportfolio.tabular.duplicates import find_duplicates, normalised
from aiportfolio.tabular.fields import FIELDS
from aiportfolio.tabular.mapping import (
    Mapping,
    column_index,
    load_mapping,
    normalise_id,
)
from aiportfolio.tabular.read import PROGRESS_EVERY, Progress, Table, read_table
from aiportfolio.tabular.rows import Row, RowMessage, build_row, set_at, validation_messages

# --- rows -> use cases -----------------------------------------------------------------------


@dataclass
class ImportResult:
    edits: list[Any] = field(default_factory=list)
    messages: list[RowMessage] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    rejected: list[int] = field(default_factory=list)
    """Row numbers of the rows with errors (no edit planned for them)."""

    @property
    def errors(self) -> int:
        return self.counts.get("errors", 0)


def _tidy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _tidy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_tidy(v) for v in value]
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)
    return value


def import_rows(
    register: Register,
    table: Table,
    mapping: Mapping,
    *,
    update: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Validate every row, then plan the files to create or update (``result.edits``).
    Nothing is written here."""
    from aiportfolio.domain.ids import allocate_numbers, format_id, usecase_path, used_numbers
    from aiportfolio.model.usecase import UseCase

    specs = mapping.specs()
    index = column_index(table, specs)
    messages: list[RowMessage] = []
    rows: list[Row] = []
    failed: set[int] = set()
    seen_ids: dict[str, int] = {}
    total = len(table.rows)
    for done, (number, cells) in enumerate(table.rows, start=1):
        if progress is not None and (done % PROGRESS_EVERY == 0 or done == total):
            progress("validate", done, total)
        row = build_row(number, cells, specs, index, mapping, messages)
        if row is None:
            failed.add(number)
            continue
        if row.usecase_id is not None:
            if row.usecase_id in seen_ids:
                repeated = {"id": row.usecase_id, "other": seen_ids[row.usecase_id]}
                messages.append(RowMessage(number, Message("import.id_repeated", repeated), True))
                failed.add(number)
                continue
            seen_ids[row.usecase_id] = number
            if row.usecase_id in register.sources and not update:
                path = register.relpath(register.sources[row.usecase_id])
                exists = Message("import.id_exists", {"id": row.usecase_id, "path": path})
                messages.append(RowMessage(number, exists, True))
                failed.add(number)
                continue
        rows.append(row)

    folder = register.root / "usecases"
    taken = used_numbers(folder) | {int(i[3:]) for i in seen_ids if normalise_id(i) is not None}
    # Ids for the blank-id rows must exist before any row is checked: the register has
    # run out of ids (UC-999999) is the first thing to say.
    allocate_numbers(taken, sum(1 for r in rows if r.usecase_id is None))
    by_title: dict[str, list[Any]] = {}
    for usecase in register.usecases:
        by_title.setdefault(_title_key(usecase.title), []).append(usecase)
    edits: list[Any] = []
    created = updated = unchanged = 0
    plans: list[Row] = []
    new: list[tuple[Row, Any]] = []
    for row in rows:
        try:
            if row.usecase_id is None:
                twin = _twin(by_title.get(_title_key(row.title), []), row)
                if twin is not None:
                    # Already imported (an earlier run of the same file): not again.
                    unchanged += 1
                    already = Message("import.already_imported", {"id": twin})
                    messages.append(RowMessage(row.number, already, False))
                    continue
            existing = register.sources.get(row.usecase_id) if row.usecase_id else None
            if existing is not None:
                edit = _plan_update(register, existing, row)
                refused = _status_gate(register, row, edit) if edit.changed else None
                if refused is not None:
                    messages.append(RowMessage(row.number, refused, True))
                    failed.add(row.number)
                elif edit.changed:
                    updated += 1
                    edits.append(edit)
                else:
                    unchanged += 1
                continue
            if "status" not in specs:
                # No status column at all: a new use case starts as an idea (as `aip new`).
                row.data.setdefault("status", "idea")
            # A blank id is allocated once the row is known valid (no gaps for rejects).
            model = UseCase.model_validate({"id": row.usecase_id or "UC-000", **row.data})
            new.append((row, model))
        except ValidationError as exc:
            messages.extend(validation_messages(row.number, exc))
            failed.add(row.number)
        except UsageError as exc:
            messages.append(RowMessage(row.number, exc.message, True))
            failed.add(row.number)
    fresh = iter(allocate_numbers(taken, sum(1 for row, _ in new if row.usecase_id is None)))
    for row, model in new:
        if row.usecase_id is None:
            row.usecase_id = format_id(next(fresh))
            model = model.model_copy(update={"id": row.usecase_id})
        edits.append(_plan_create(folder, model, usecase_path))
        created += 1
        plans.append(row)

    duplicates = _duplicates(register, plans, mapping.duplicate_ratio, progress)
    messages.extend(duplicates)
    messages.sort(key=lambda m: (m.row, not m.is_error))
    result = ImportResult(edits, messages)
    result.counts = {
        "rows": total,
        "created": created,
        "updated": updated,
        "unchanged": unchanged,
        "errors": len(failed),
        "duplicates": len(duplicates),
    }
    result.rejected = sorted(failed)
    return result


def _title_key(title: str) -> str:
    return " ".join(title.split()).casefold()


def _value_at(data: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        if isinstance(data, list) and key.isdigit() and int(key) < len(data):
            data = data[int(key)]
        elif isinstance(data, dict) and key in data:
            data = data[key]
        else:
            return None
    return data


def _twin(candidates: list[Any], row: Row) -> str | None:
    """The id of the use case among ``candidates`` (same title) that holds every value
    the row maps: the row was imported before (re-running an import with blank ids
    creates nothing twice)."""
    for usecase in candidates:
        data = usecase.model_dump()
        if all(path == ("id",) or _value_at(data, path) == value for path, value in row.leaves):
            return str(usecase.id)
    return None


def _plan_create(folder: Path, model: Any, path_for: Callable[[Path, str, str], Path]) -> Any:
    from aiportfolio.actions.new import MODELINE
    from aiportfolio.register.edit import emit_block
    from aiportfolio.register.source import FileEdit

    data = _tidy(model.model_dump(exclude_unset=True, exclude_none=True))
    text = MODELINE + "\n".join(emit_block(data)) + "\n"
    return FileEdit(path_for(folder, model.id, model.title), None, text)


def _update_item(doc: Any, path: tuple[str, ...], item: dict[str, Any]) -> bool:
    """Set the fields of item ``path`` (``("kpis", "0")``) of an item list: the existing
    item's fields one by one (its other keys, comments and measurements kept), or a new
    item at the end of the list."""
    from aiportfolio.model.usecase import UseCase
    from aiportfolio.register.edit import append_item, set_value, submodel, to_roundtrip

    *list_path, position = path
    node: Any = doc
    model: Any = UseCase
    for key in list_path:
        node = node.get(key) if hasattr(node, "get") else None
        model = submodel(model, key)
    if hasattr(node, "append") and int(position) < len(node):
        changed = False
        for leaf, value in _flatten(item):
            changed = set_value(node[int(position)], leaf, value, model) or changed
        return changed
    if hasattr(node, "append"):
        append_item(node, to_roundtrip(item))
        return True
    return set_value(doc, tuple(list_path), [item], UseCase)


def _flatten(
    data: dict[str, Any], prefix: tuple[str, ...] = ()
) -> list[tuple[tuple[str, ...], Any]]:
    flat: list[tuple[tuple[str, ...], Any]] = []
    for key, value in data.items():
        if isinstance(value, dict) and value:
            flat.extend(_flatten(value, (*prefix, key)))
        else:
            flat.append(((*prefix, key), value))
    return flat


def _block(value: Any) -> Any:
    """Multi-line text as a literal block scalar (``|-``) when written by ruamel, as
    ``emit_block`` writes new files."""
    from ruamel.yaml.scalarstring import LiteralScalarString

    from aiportfolio.register.edit import literal_block_ok

    if isinstance(value, str) and literal_block_ok(value):
        return LiteralScalarString(value)
    return value


def _plan_update(register: Register, path: Path, row: Row) -> Any:
    from aiportfolio.actions.writing import validate_text
    from aiportfolio.model.usecase import UseCase
    from aiportfolio.register.edit import set_value
    from aiportfolio.register.roundtrip import dump_preserving, load_roundtrip
    from aiportfolio.register.source import FileEdit, read_source

    source = read_source(path)
    doc = load_roundtrip(source.text)
    changed = False
    items: dict[tuple[str, ...], dict[str, Any]] = {}
    for leaf, value in row.leaves:
        if leaf == ("id",):
            continue
        digit = next((k for k, key in enumerate(leaf) if key.isdigit()), None)
        value = _block(value)
        if digit is None:
            changed = set_value(doc, leaf, value, UseCase) or changed
        else:  # an item field: the item's fields are set together
            set_at(items.setdefault(leaf[: digit + 1], {}), leaf[digit + 1 :], value)
    for item_path in sorted(items, key=lambda p: (p[:-1], int(p[-1]))):
        changed = _update_item(doc, item_path, items[item_path]) or changed
    before = source.raw.decode("utf-8")
    if not changed:
        return FileEdit(path, before, before)
    after = dump_preserving(doc, source.text)
    validate_text(after, register.relpath(path))
    return FileEdit(path, before, source.encode(after))


def _status_gate(register: Register, row: Row, edit: Any) -> Text | None:
    """A row that changes an entry's status must not make it fail the gate (as
    ``aip decide``): the refusal text naming the new errors, or ``None``."""
    from aiportfolio.actions.writing import validate_text
    from aiportfolio.analysis.gate import new_errors

    current = register.get(row.usecase_id or "")
    wanted = row.data.get("status")
    if current is None or wanted is None or wanted == current.status:
        return None
    rel = register.relpath(edit.path)
    text = edit.after.removeprefix("\ufeff").replace("\r\n", "\n")
    added = new_errors(register, current.id, validate_text(text, rel), text, dt.date.today())
    if not added:
        return None
    rules = ", ".join(sorted({p.rule for p in added}))
    refused = Message("gate.write.refused", {"id": current.id, "rules": rules}) + ": "
    for number, p in enumerate(added):
        refused += ("; " if number else "") + f"[{p.rule}] " + p.message
    return refused


def _duplicates(
    register: Register,
    rows: list[Row],
    ratio: float,
    progress: Progress | None = None,
) -> list[RowMessage]:
    messages: list[RowMessage] = []
    existing = [(uc.id, uc.title, uc.problem or "") for uc in register.usecases]
    total = 2 * len(rows)
    for step, (what, pick) in enumerate((("title", 1), ("problem", 2))):
        if progress is not None:
            progress("duplicates", step * len(rows), total)
        entries = [(e[0], e[pick]) for e in existing] + [
            (f"row {r.number}", r.title if pick == 1 else r.problem) for r in rows
        ]
        offset = len(existing)
        done = step * len(rows)

        def tick(n: int, done: int = done) -> None:
            if progress is not None:
                progress("duplicates", done + n, total)

        for i, j, score in find_duplicates(entries, ratio, start=offset, tick=tick):
            row = rows[i - offset]
            if what == "problem" and len(normalised(row.problem)) < 20:
                continue
            other: Message | str = (
                entries[j][0]
                if j < offset
                else Message("import.row", {"row": rows[j - offset].number})
            )
            params = {
                "other": other,
                "what": Message(f"import.dup.{what}"),
                "ratio": score,
                "text": entries[i][1][:80],
            }
            messages.append(RowMessage(row.number, Message("import.duplicate", params), False))
    if progress is not None:
        progress("duplicates", total, total)
    return messages


__all__ = ["FIELDS", "ImportResult", "Mapping", "import_rows", "load_mapping", "read_table"]
