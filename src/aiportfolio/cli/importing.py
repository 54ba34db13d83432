"""``aip import FILE``: one use case per spreadsheet row (``--suggest-mapping``: a starting
mapping from the headers); progress on a terminal."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from aiportfolio import exitcodes
from aiportfolio.cli.common import err, exit_with, handle_errors, open_with_translator, out

if TYPE_CHECKING:
    from aiportfolio.i18n import Translator


@handle_errors
def import_(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="A .csv or .xlsx file, one use case per row.")],
    mapping: Annotated[
        Path | None,
        typer.Option(
            "--mapping",
            "-m",
            help="YAML mapping: register field -> column(s), constants, value translations "
            "(default: the mapping of `aip export`).",
        ),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Validate every row and report; write nothing.")
    ] = False,
    update: Annotated[
        bool, typer.Option("--update", help="Update use cases whose id already exists.")
    ] = False,
    skip_invalid: Annotated[
        bool,
        typer.Option(
            "--skip-invalid",
            help="Import the valid rows; write the rows with errors, with their reasons, "
            "to a rejects CSV (exit 1 when there are some).",
        ),
    ] = False,
    rejects: Annotated[
        Path | None,
        typer.Option(
            "--rejects",
            help="Where --skip-invalid writes the rejected rows (default: FILE's name "
            "with .rejects.csv, beside it).",
        ),
    ] = None,
    suggest_mapping: Annotated[
        bool,
        typer.Option(
            "--suggest-mapping",
            help="Print a starting mapping for FILE from its column names (English and "
            "French), to check and pass to --mapping. Imports nothing.",
        ),
    ] = False,
) -> None:
    """Create one use case per row of a spreadsheet. Every row is validated first: if any
    row cannot be mapped, nothing is written (exit 1) and each problem is reported with its
    row number. Likely duplicates (near-identical titles or problems, within the file and
    against the register) are reported. Existing ids are updated only with --update.

    Examples:

    \b
      aip import pocs.xlsx --mapping examples/import-mapping.yaml --dry-run
      aip import inventaire.xlsx --suggest-mapping > mapping.yaml
      aip import inventaire.xlsx --mapping mapping.yaml --skip-invalid
    """
    import sys

    from aiportfolio.actions.importing import import_rows
    from aiportfolio.actions.writing import apply_edits, locked
    from aiportfolio.cli.common import register_root, say, translator
    from aiportfolio.errors import UsageError
    from aiportfolio.report.written import import_notes, import_outcome_notes
    from aiportfolio.tabular.mapping import load_mapping
    from aiportfolio.tabular.read import read_table

    if suggest_mapping:
        _suggest_mapping(ctx, file, mapping)
        return
    root = register_root(ctx)
    rejects_path = rejects or file.with_name(file.stem + ".rejects.csv")
    if skip_invalid and rejects_path.resolve() == file.resolve():
        raise UsageError(translator(ctx)("import.rejects.same_file", path=rejects_path))
    # The lock is taken before the register is read: the ids and the files to update are
    # chosen from what is on disk, and nobody may change that until the files are written.
    with locked(root):
        register, t = open_with_translator(ctx)
        spec = load_mapping(mapping)
        phases = _Phases(t, sys.stderr.isatty())
        try:
            table = read_table(file, spec, progress=phases)
            if mapping is None:
                spec = spec.present(table.columns)
                if not spec.fields:
                    raise UsageError(t("import.no_known_column", path=file))
            for warning in table.warnings:
                phases.print(warning.text(t))
            result = import_rows(register, table, spec, update=update, progress=phases)
            if not dry_run and (skip_invalid or not result.errors):
                writes = [edit for edit in result.edits if edit.changed]
                phases("write", 0, len(writes))
                # Rows were validated by import_rows; update edits by validate_text.
                apply_edits(writes, root=register.root, validate=False)
                phases("write", len(writes), len(writes))
        finally:
            phases.stop()
    say(import_notes(result, t))
    written_rejects = None
    if result.errors and skip_invalid and not dry_run:
        from aiportfolio.register.roundtrip import atomic_write
        from aiportfolio.report.rejects import rejects_csv

        atomic_write(rejects_path, rejects_csv(table, result, t))
        written_rejects = rejects_path
    say(import_outcome_notes(result, t, dry_run=dry_run, rejects=written_rejects))
    if result.errors:
        exit_with(exitcodes.FINDINGS)


def _suggest_mapping(ctx: typer.Context, file: Path, mapping: Path | None) -> None:
    """``aip import FILE --suggest-mapping``: print a mapping guessed from the headers
    (``--mapping`` may give the sheet and header rows to read them from)."""
    from aiportfolio.cli.common import translator
    from aiportfolio.report.suggest_mapping import mapping_text
    from aiportfolio.tabular.mapping import Mapping, load_mapping
    from aiportfolio.tabular.read import read_table
    from aiportfolio.tabular.suggest import suggest

    t = translator(ctx)
    spec = load_mapping(mapping) if mapping is not None else Mapping(fields={})
    table = read_table(file, spec)
    out(mapping_text(suggest(table), file.name, t))


class _Phases:
    """Progress of a long import on stderr, one bar per phase (read, validate,
    duplicates, write) with its counts; only on a terminal, and only once the file has
    enough rows to be worth it."""

    THRESHOLD = 200

    def __init__(self, t: Translator, show: bool) -> None:
        self.t = t
        self.show = show
        self.bar: Any = None
        self.tasks: dict[str, Any] = {}

    def __call__(self, phase: str, done: int, total: int | None) -> None:
        if not self.show:
            return
        if self.bar is None:
            if max(done, total or 0) < self.THRESHOLD:
                return
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            self.bar = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self.bar.start()
        if phase not in self.tasks:
            for task in self.tasks.values():  # an earlier phase is over
                self.bar.update(task, total=self.bar.tasks[task].completed)
            label = self.t(f"import.phase.{phase}", count=total)
            self.tasks[phase] = self.bar.add_task(label, total=total)
        self.bar.update(self.tasks[phase], completed=done, total=total)

    def print(self, text: str) -> None:
        if self.bar is not None:
            self.bar.console.print(text, style="yellow", markup=False, highlight=False)
        else:
            err(text, style="yellow")

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def register(app: typer.Typer) -> None:
    """Add ``aip import`` to ``app``."""
    app.command("import")(import_)
