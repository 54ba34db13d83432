"""What the commands that write the register tell the reader: ``aip init``, ``new``,
``renumber``, ``decide``, ``kpi record``, ``fmt`` and ``import``.

Each reporter turns the result of its action into ``Note`` lines, in the order they are
shown: diagnostics for standard error with their style (green done, yellow warning, red
error), and, for ``fmt --check``, the data lines of standard output. The command prints
them (``cli/common.py``'s ``say``) and maps the outcome to its exit code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from aiportfolio import __version__
from aiportfolio.report.kit import numbers

if TYPE_CHECKING:
    import datetime as dt
    from pathlib import Path

    from aiportfolio.actions.fmt import FormatResult
    from aiportfolio.actions.importing import ImportResult
    from aiportfolio.actions.init import InitResult
    from aiportfolio.actions.new import NewResult
    from aiportfolio.actions.renumber import RenumberResult
    from aiportfolio.actions.writing import DecideResult, MeasureResult
    from aiportfolio.analysis.idclash import RemoteIds
    from aiportfolio.i18n import Translator
    from aiportfolio.register.loader import Register


class Note(NamedTuple):
    text: str
    style: str | None = None
    stdout: bool = False
    """A data line for standard output (``fmt --check``'s files), not a diagnostic."""


def init_notes(result: InitResult, directory: Path, t: Translator) -> list[Note]:
    notes = [
        Note(t("write.written", path=p.relative_to(result.root).as_posix())) for p in result.written
    ]
    notes.append(Note(t("write.init.done", root=directory, count=len(result.written)), "green"))
    notes.append(Note(t("write.init.next", root=directory)))
    origin = result.origin
    if origin is not None:
        key = "team.init.not_from_index" if origin.source else "team.init.not_installed"
        notes.append(Note(t(key, source=origin.source, spec=result.package), "yellow"))
        spec = origin.ci_spec or f"git+https://github.com/OWNER/aiportfolio.git@v{__version__}"
        notes.append(Note(t("team.init.set_package", example=spec), "yellow"))
    return notes


def new_notes(
    result: NewResult, root: Path, remote: RemoteIds, local: set[int], t: Translator
) -> list[Note]:
    """``local``: the numbers taken in this register besides the new one; when an upstream
    branch holds higher ones, the new id skipped them and the reader is told why."""
    notes = []
    if max(remote.numbers, default=0) > max(local, default=0):
        last = f"UC-{max(remote.numbers):03d}"
        refs = ", ".join(remote.refs)
        notes.append(Note(t("team.new.skipped_remote", last=last, refs=refs, id=result.usecase_id)))
    path = result.path.relative_to(root).as_posix()
    notes.append(Note(t("write.new.created", id=result.usecase_id, path=path)))
    notes.append(Note(t("write.new.next")))
    return notes


def renumber_notes(result: RenumberResult, register: Register, t: Translator) -> list[Note]:
    done = t(
        "team.renumber.done",
        old=result.old_id,
        new=result.new_id,
        old_path=register.relpath(result.old_path),
        new_path=register.relpath(result.new_path),
    )
    notes = [Note(done, "green")]
    if result.referrers:
        ids = ", ".join(result.referrers)
        notes.append(Note(t.n("team.renumber.referrers", len(result.referrers), ids=ids)))
    notes.append(Note(t("team.renumber.next")))
    return notes


def decide_notes(
    result: DecideResult, decision: str, register: Register, t: Translator
) -> list[Note]:
    done = t(
        "write.decide.done",
        id=result.usecase_id,
        decision=t(f"label.decision.{decision}"),
        before=t(f"label.status.{result.before}"),
        after=t(f"label.status.{result.after}"),
        path=register.relpath(result.edit.path),
    )
    notes = [Note(done, "green")]
    if result.forced:
        forced = t.n("gate.write.forced", len(result.forced), id=result.usecase_id)
        notes.append(Note(forced, "yellow"))
        notes.extend(
            Note(f"  {p.path}:{p.line}:{p.column}: [{p.rule}] {p.text(t)}") for p in result.forced
        )
    elif result.still_failing:
        rules = ", ".join(result.still_failing)
        failing = t("gate.write.still_failing", id=result.usecase_id, rules=rules)
        notes.append(Note(failing, "yellow"))
    return notes


def measurement_notes(
    result: MeasureResult, register: Register, today: dt.date, t: Translator
) -> list[Note]:
    def value(number: float) -> str:
        return numbers.value(number, t.lang)

    done = t(
        "write.kpi.done",
        id=result.usecase_id,
        kpi=result.kpi,
        value=value(result.value),
        date=result.on.isoformat(),
        path=register.relpath(result.edit.path),
    )
    notes = [Note(done, "green")]
    if result.replaced is not None:
        replaced = t("kpi.replaced", date=result.on.isoformat(), before=value(result.replaced))
        notes.append(Note(replaced))
    if result.outlier is not None:
        low, high = result.outlier
        outlier = t("kpi.outlier", value=value(result.value), low=value(low), high=value(high))
        notes.append(Note(outlier, "yellow"))
    if result.on > today:
        future = t("write.kpi.future", date=result.on.isoformat(), today=today.isoformat())
        notes.append(Note(future, "yellow"))
    return notes


def fmt_notes(result: FormatResult, root: Path, check: bool, t: Translator) -> list[Note]:
    """With ``check``, the files that would change are data (standard output)."""
    from aiportfolio.register.loader import display_path

    notes = []
    for s in result.skipped:
        detail = s.detail if isinstance(s.detail, str) else s.detail.text(t)
        notes.append(
            Note(t("write.fmt.skipped", path=display_path(s.path, root), detail=detail), "red")
        )
    changed = result.changed
    already = t.n("write.fmt.already", len(result.edits) - len(changed))
    if check:
        for edit in changed:
            path = display_path(edit.path, root)
            notes.append(Note(t("write.fmt.would_change", path=path), stdout=True))
        summary = t.n("write.fmt.summary", len(changed), changed=len(changed), same=already)
        notes.append(Note(summary))
        if changed:
            notes.append(Note(t("write.fmt.hint")))
    else:
        for edit in changed:
            notes.append(Note(t("write.fmt.changed", path=display_path(edit.path, root))))
        done = t.n("write.fmt.summary_done", len(changed), changed=len(changed), same=already)
        notes.append(Note(done))
    if result.skipped:
        skipped = t.n("write.fmt.skipped_summary", len(result.skipped))
        notes.append(Note(skipped, "bold red"))
    return notes


def import_notes(result: ImportResult, t: Translator) -> list[Note]:
    """Each row's errors and warnings, then the counts."""
    notes = []
    for message in result.messages:
        key = "import.row_error" if message.is_error else "import.row_warning"
        style = "red" if message.is_error else "yellow"
        text = message.message.text(t)
        notes.append(Note(t(key, row=message.row, message=text), style))
    counts = result.counts
    summary = t.n(
        "import.summary",
        counts["rows"],
        rows=counts["rows"],
        created=counts["created"],
        updated=counts["updated"],
        unchanged=t.n("import.summary.unchanged", counts["unchanged"]),
        errors=counts["errors"],
        duplicates=t.n("import.summary.duplicates", counts["duplicates"]),
    )
    notes.append(Note(summary))
    return notes


def import_outcome_notes(
    result: ImportResult, t: Translator, *, dry_run: bool, rejects: Path | None
) -> list[Note]:
    """What was written: the valid rows and the rejects file (``rejects``: where the rows
    with errors were written, under ``--skip-invalid``), nothing, or nothing yet
    (``--dry-run``)."""
    created, updated = result.counts["created"], result.counts["updated"]
    done = Note(t.n("import.done", created, created=created, updated=updated))
    if rejects is not None:
        written = t.n("import.rejects.written", result.errors, path=rejects)
        return [done, Note(written, "bold red")]
    if result.errors:
        return [Note(t("import.nothing_written"), "bold red")]
    if dry_run:
        return [Note(t("import.dry_run"))]
    return [done]
