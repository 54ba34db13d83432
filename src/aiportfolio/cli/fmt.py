"""``aip fmt``: normalise use-case files (``--check``: report only)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from aiportfolio import exitcodes
from aiportfolio.cli.common import exit_with, handle_errors


@handle_errors
def fmt(
    ctx: typer.Context,
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Use-case files or folders (default: usecases/)."),
    ] = None,
    check: Annotated[
        bool, typer.Option("--check", help="Change nothing; exit 1 if a file would change.")
    ] = False,
) -> None:
    """Normalise use-case files: keys in the schema's order, canonical indentation, long
    lines never wrapped. Comments and quoting are kept. Run it once; later edits by aip
    are then minimal diffs.

    Exit 0 when every file is formatted; with --check, 1 when some would change (listed
    on stdout).

    Examples:

    \b
      aip fmt
      aip fmt --check
    """
    from aiportfolio.actions.fmt import format_files
    from aiportfolio.actions.writing import apply_edits, locked
    from aiportfolio.cli.common import register_root, say, translator
    from aiportfolio.errors import UsageError
    from aiportfolio.register.loader import usecase_files
    from aiportfolio.report.written import fmt_notes

    root = register_root(ctx)
    t = translator(ctx)
    for path in paths or []:
        if not path.exists():
            raise UsageError(t("error.path_not_found", path=path))
    files = usecase_files(root, paths or ())
    folder = (root / "usecases").resolve()
    for file in files:
        # fmt rewrites files: only use-case files of this register, never a file
        # elsewhere (a path given by mistake, or a symbolic link out of usecases/).
        resolved = Path(os.path.realpath(file))  # Path.resolve raises on a loop of links
        if resolved.parent != folder or resolved.suffix not in (".yaml", ".yml"):
            raise UsageError(t("write.fmt.outside", path=file, folder="usecases/"))
    with locked(root):
        result = format_files(files)
        changed = result.changed
        if not check:
            apply_edits(changed, root=root, validate=False)
    say(fmt_notes(result, root, check, t))
    exit_with(exitcodes.FINDINGS if result.skipped or (check and changed) else exitcodes.OK)


def register(app: typer.Typer) -> None:
    """Add ``aip fmt`` to ``app``."""
    app.command("fmt")(fmt)
