"""Edits of use-case files: read with line endings and BOM remembered, edit in round-trip
mode, check the result against the schema, and hand back a ``FileEdit`` the CLI applies
atomically. Nothing is written here except by ``apply_edits``, which also serves other
commands (``plan --apply``): build edits with ``file_edit(path, text)`` and pass them to
``apply_edits(edits, root=...)``. Refusals are ``UsageError``s carrying ``Message``s: the
CLI translates them."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from aiportfolio.errors import UsageError
from aiportfolio.message import Message, Text
from aiportfolio.model.common import canonical_id
from aiportfolio.model.usecase import Decision, Kpi, Measurement, UseCase
from aiportfolio.problem import Problem
from aiportfolio.register.edit import append_item, set_value, to_roundtrip
from aiportfolio.register.journal import write_files
from aiportfolio.register.loader import Register, locate_problems, suggest, validation_problems
from aiportfolio.register.roundtrip import dump_preserving, load_roundtrip
from aiportfolio.register.source import FileEdit, read_source
from aiportfolio.register.yamlio import parse_text


def validate_text(text: str, rel: str) -> UseCase:
    """The use case ``text`` describes; ``UsageError`` (with located problems) if invalid."""
    data, issue = parse_text(text)
    if issue is not None:
        raise UsageError(Message("write.invalid_result", {"path": rel, "detail": issue.kind}))
    try:
        return UseCase.model_validate(data)
    except ValidationError as exc:
        problems = validation_problems(exc, UseCase, rel)
        problems = locate_problems(problems, {rel: text})
        detail = problems[0].message
        invalid = Message("write.invalid_result", {"path": rel, "detail": detail})
        raise UsageError(invalid, problems) from None


def find_usecase(register: Register, usecase_id: str) -> Path:
    path = register.sources.get(canonical_id(usecase_id))
    if path is not None:
        return path
    message: Text = Message("error.unknown_usecase", {"id": usecase_id})
    close = suggest(usecase_id, register.sources)
    if close:
        message += "\n  " + Message("error.unknown_usecase.hint", {"suggestion": close})
    invalid = [p for p in register.files if usecase_id in p.name]
    if invalid:
        where = {"path": register.relpath(invalid[0])}
        message += "\n  " + Message("write.usecase_invalid", where)
    raise UsageError(message)


def edit_usecase(
    register: Register, usecase_id: str, change: Callable[[Any, UseCase], None]
) -> FileEdit:
    """Apply ``change(document, current)`` to the file of ``usecase_id``; the result must
    still be a valid use case."""
    path = find_usecase(register, usecase_id)
    source = read_source(path)
    doc = load_roundtrip(source.text)
    current = UseCase.model_validate(parse_text(source.text)[0])
    change(doc, current)
    after = dump_preserving(doc, source.text)
    validate_text(after, register.relpath(path))
    return FileEdit(path, source.raw.decode("utf-8"), source.encode(after))


@contextlib.contextmanager
def locked(root: Path) -> Iterator[None]:
    """Hold the register lock (``usecases/.aip.lock``) of ``root``; a lock held too long
    by another aip process is a ``UsageError``. Take it before loading the register
    when the edits depend on what was read."""
    from aiportfolio.register.journal import recover
    from aiportfolio.register.lock import LockTimeout, register_lock

    try:
        with register_lock(root / "usecases"):
            recover(root)
            yield
    except LockTimeout as exc:
        raise UsageError(Message("write.lock_timeout", {"path": exc})) from None


def apply_edits(edits: Sequence[FileEdit], *, root: Path, validate: bool = True) -> int:
    """Write every changed edit atomically under the register lock of ``root``; returns
    how many files were written.

    Before anything is written, each file must still hold ``edit.before`` (``None``: must
    not exist) — a file changed since it was read is a ``UsageError`` and nothing is
    written — and, with ``validate``, each ``.yaml`` under ``usecases/`` must be a valid
    use case after the edit. The texts are written as given: build them with
    ``file_edit`` (or ``edit_usecase``) to keep each file's BOM and line ends."""
    changed = [e for e in edits if e.changed]
    if not changed:
        return 0
    refuse_links_out(root, [root / "usecases", *(e.path for e in changed)])
    with locked(root):
        for edit in changed:
            rel = _relpath(edit.path, root)
            try:
                current: str | None = edit.path.read_bytes().decode("utf-8")
            except FileNotFoundError:
                current = None
            except (OSError, UnicodeDecodeError):
                current = ""
            if current != edit.before:
                raise UsageError(Message("write.changed_meanwhile", {"path": rel}))
            if validate and edit.path.suffix == ".yaml" and edit.path.parent.name == "usecases":
                text = edit.after.removeprefix("\ufeff").replace("\r\n", "\n")
                validate_text(text, rel)
        # All files or none: temporary files, a journal, then the renames (a crash in
        # between is finished by the next command, register/journal.py).
        write_files(root, [(edit.path, edit.after.encode("utf-8")) for edit in changed])
    return len(changed)


def refuse_links_out(root: Path, paths: Sequence[Path]) -> None:
    """``UsageError`` when one of ``paths`` (files to write, or their folder) is a link
    that leads outside the register: aip never writes through one."""
    from aiportfolio.register.root import leaves_register

    for path in paths:
        if leaves_register(path, root):
            where = {"path": _relpath_lexical(path, root)}
            raise UsageError(Message("write.link_outside", where))


def _relpath_lexical(path: Path, root: Path) -> str:
    import os

    return Path(os.path.relpath(os.path.abspath(path), os.path.abspath(root))).as_posix()


def _relpath(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _bad_value(exc: ValidationError) -> Message:
    return Message("write.bad_value", {"detail": _first_error(exc)})


def _first_error(exc: ValidationError) -> str:
    error = exc.errors(include_url=False)[0]
    where = ".".join(str(p) for p in error["loc"])
    return f"{where}: {error['msg']}" if where else str(error["msg"])


def number_text(value: float) -> int | float:
    """Integral values as ints so that ``40`` is written ``40``, not ``40.0``."""
    return int(value) if float(value).is_integer() and abs(value) < 1e15 else value


def _sequence(doc: Any, key: str, model: type[UseCase] | Any) -> Any:
    from ruamel.yaml.comments import CommentedSeq

    seq = doc.get(key)
    if not isinstance(seq, CommentedSeq):
        seq = CommentedSeq()
        set_value(doc, [key], seq, model)
        seq = doc[key]
    return seq


# --- aip decide -----------------------------------------------------------------------------


@dataclass(frozen=True)
class DecideResult:
    edit: FileEdit
    usecase_id: str
    decision: str
    before: str
    after: str
    forced: tuple[Problem, ...] = ()
    """Gate errors the decision added, written anyway because of ``force``."""
    still_failing: tuple[str, ...] = ()
    """Rules the entry still fails after the decision (errors it already had)."""


def decide(
    register: Register,
    usecase_id: str,
    decision: str,
    *,
    note: str | None,
    by: str,
    on: dt.date,
    next_decision: dt.date | None,
    today: dt.date | None = None,
    force: bool = False,
) -> DecideResult:
    """Record ``decision`` on ``usecase_id`` and move its status. The edited entry is run
    through the gate first: a decision that adds gate errors (``aip check`` errors) raises
    ``GateError`` listing them, unless ``force`` (the result then carries them)."""
    from aiportfolio.model.lifecycle import allowed, next_status

    holder: dict[str, str] = {}

    def change(doc: Any, current: UseCase) -> None:
        target = next_status(current.status, decision)
        if target is None:
            choices = allowed(current.status)
            status = Message(f"label.status.{current.status}")
            impossible = {"id": current.id, "decision": decision, "status": status}
            raise UsageError(
                Message("write.decide.impossible", impossible)
                + "\n  "
                + (
                    Message("write.decide.allowed", {"decisions": ", ".join(choices)})
                    if choices
                    else Message("write.decide.final")
                )
            )
        if current.decisions and on < current.decisions[-1].date:
            last = {"date": on, "last": current.decisions[-1].date}
            raise UsageError(Message("write.decide.before_last", last))
        if next_decision is not None and next_decision < on:
            after = {"next": next_decision, "date": on}
            raise UsageError(Message("write.decide.next_before", after))
        holder["before"], holder["after"] = current.status, target
        entry = Decision.model_validate({"date": on, "decision": decision, "by": by, "note": note})
        set_value(doc, ["status"], target, UseCase)
        if next_decision is not None:
            set_value(doc, ["decision_date"], next_decision, UseCase)
        item = entry.model_dump(exclude_none=True)
        append_item(_sequence(doc, "decisions", UseCase), to_roundtrip(item))

    try:
        edit = edit_usecase(register, usecase_id, change)
    except ValidationError as exc:
        raise UsageError(_bad_value(exc)) from None
    added, failing = gate_check(register, usecase_id, edit, today or on, force=force)
    before, after = holder["before"], holder["after"]
    return DecideResult(edit, usecase_id, decision, before, after, added, failing)


def gate_check(
    register: Register,
    usecase_id: str,
    edit: FileEdit,
    today: dt.date,
    *,
    force: bool,
) -> tuple[tuple[Problem, ...], tuple[str, ...]]:
    """The gate errors ``edit`` would add to ``usecase_id``: ``GateError`` (nothing is
    written) unless ``force``, which returns them so the caller can say so; and the rules
    the entry fails after the edit (errors it already had too)."""
    from aiportfolio.analysis.gate import gate_change
    from aiportfolio.errors import GateError

    rel = register.relpath(edit.path)
    text = edit.after.removeprefix("\ufeff").replace("\r\n", "\n")
    added, failing = gate_change(register, usecase_id, validate_text(text, rel), text, today)
    if added and not force:
        ids = ", ".join(sorted({p.rule for p in added}))
        refused = {"id": canonical_id(usecase_id), "rules": ids}
        raise GateError(Message("gate.write.refused", refused), added)
    return tuple(added), failing


# --- aip kpi record -------------------------------------------------------------------------


@dataclass(frozen=True)
class MeasureResult:
    edit: FileEdit
    usecase_id: str
    kpi: str
    value: float
    on: dt.date
    replaced: float | None = None
    """The value that was on that date before (``--replace``), else ``None``."""
    outlier: tuple[float, float] | None = None
    """(low, high) of baseline↔target when ``value`` lies far outside it, else ``None``."""


OUTLIER_SPANS = 1.0
"""A value more than this many baseline↔target distances beyond the nearer end of that
range is an outlier: recorded, with a warning (a unit or a typo, most of the time)."""


def _kpi_key(name: str) -> str:
    """A KPI name compared ignoring case, accents and repeated spaces."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())


def outlier_range(kpi: Kpi, value: float) -> tuple[float, float] | None:
    """(low, high) of the KPI's baseline↔target when ``value`` is far outside it."""
    if kpi.baseline is None or kpi.target is None:
        return None
    low, high = sorted((kpi.baseline, kpi.target))
    span = high - low
    if span <= 0:
        return None
    if value < low - OUTLIER_SPANS * span or value > high + OUTLIER_SPANS * span:
        return low, high
    return None


def record_measurement(
    register: Register,
    usecase_id: str,
    kpi_name: str,
    value: float,
    *,
    on: dt.date,
    note: str | None,
    replace: bool = False,
) -> MeasureResult:
    """Add a dated measurement to the KPI ``kpi_name`` (matched ignoring case and accents;
    several matches are an error naming them). A measurement already on that date is
    refused unless ``replace``, which overwrites it in place."""
    holder: dict[str, Any] = {}

    def change(doc: Any, current: UseCase) -> None:
        names = [k.name for k in current.kpis]
        exact = [i for i, n in enumerate(names) if n == kpi_name.strip()]
        matches = exact or [i for i, n in enumerate(names) if _kpi_key(n) == _kpi_key(kpi_name)]
        if len(matches) > 1:
            candidates = ", ".join(repr(names[i]) for i in matches)
            ambiguous = {"kpi": kpi_name, "id": current.id, "candidates": candidates}
            raise UsageError(
                Message("kpi.ambiguous", ambiguous) + "\n  " + Message("kpi.ambiguous.hint")
            )
        if not matches:
            close = suggest(kpi_name, names) or next(
                (n for n in names if _kpi_key(kpi_name) in _kpi_key(n)), None
            )
            unknown = Message("write.kpi.unknown", {"kpi": kpi_name, "id": current.id})
            if close:
                hint = Message("write.kpi.did_you_mean", {"kpi": close})
            elif names:
                hint = Message("write.kpi.known", {"kpis": ", ".join(names)})
            else:
                hint = Message("write.kpi.none")
            raise UsageError(unknown + "\n  " + hint)
        index = matches[0]
        holder["kpi"] = names[index]
        holder["outlier"] = outlier_range(current.kpis[index], value)
        kpi_doc = doc["kpis"][index]
        seq = kpi_doc.get("measurements")
        if not hasattr(seq, "insert"):
            set_value(kpi_doc, ["measurements"], [], Kpi)
            seq = kpi_doc["measurements"]
        item = Measurement(date=on, value=value, note=note).model_dump(exclude_none=True)
        item["value"] = number_text(item["value"])
        measured = current.kpis[index].measurements
        same_day = [i for i, m in enumerate(measured) if m.date == on]
        if same_day and not replace:
            before = number_text(measured[same_day[0]].value)
            same = {"id": current.id, "kpi": names[index], "date": on, "value": before}
            raise UsageError(
                Message("kpi.duplicate_date", same) + "\n  " + Message("kpi.duplicate_date.hint")
            )
        if same_day:
            holder["replaced"] = measured[same_day[0]].value
            old = seq[same_day[0]]
            old["value"] = item["value"]
            if note is not None:
                old["note"] = note
            return
        dates = [m.date for m in measured]
        position = sum(1 for d in dates if d <= on)
        if position >= len(seq):
            append_item(seq, to_roundtrip(item))
        else:
            seq.insert(position, to_roundtrip(item))

    try:
        edit = edit_usecase(register, usecase_id, change)
    except ValidationError as exc:
        raise UsageError(_bad_value(exc)) from None
    return MeasureResult(
        edit,
        usecase_id,
        holder["kpi"],
        value,
        on,
        holder.get("replaced"),
        holder.get("outlier"),
    )
