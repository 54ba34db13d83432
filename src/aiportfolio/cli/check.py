"""``aip check``: the CI gate (its options and help; the body is cli/check_run.py, which
the fast path of cli/fastpath.py runs without typer)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from aiportfolio.cli.check_run import FORMATS_FIRST, FORMATS_MODULE, run_check
from aiportfolio.cli.options import RulesDateOption, format_option

if TYPE_CHECKING:
    CheckFormatOption = str
else:
    # auto picks a reporter itself: github under GitHub Actions, else text.
    CheckFormatOption = format_option(
        "CheckFormat",
        FORMATS_MODULE,
        "auto: GitHub annotations plus text under GITHUB_ACTIONS, else text.",
        first=FORMATS_FIRST,
    )


def check(
    ctx: typer.Context,
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Use-case files or folders to check (default: usecases/)."),
    ] = None,
    output_format: CheckFormatOption = "auto",
    strict: Annotated[bool, typer.Option(help="Warnings also fail (exit 1).")] = False,
    limit: Annotated[
        int | None,
        typer.Option(
            help="List at most N problems in the text report (default 100; under the github "
            "format, every problem)."
        ),
    ] = None,
    show_all: Annotated[
        bool, typer.Option("--all", help="List every problem in the text report.")
    ] = False,
    cache: Annotated[
        bool,
        typer.Option(
            "--cache/--no-cache",
            help="Reuse what unchanged files yielded last time (.aip-cache/, safe to delete).",
        ),
    ] = True,
    date: RulesDateOption = None,
    base: Annotated[
        str | None,
        typer.Option(
            metavar="REV",
            help="Also report ids this branch added that REV (the branch it merges into) "
            "added too, in another file (id-base-collision).",
        ),
    ] = None,
) -> None:
    """Validate the register: schema, owner, KPI and baseline, ids, dependencies, risk reviews.

    Unchanged files are not parsed again: what each one yielded is kept in .aip-cache/ at
    the register root (git-ignored, safe to delete; --no-cache skips it). Rules across files
    run every time.

    The text report starts with a count per rule (from 10 problems on) and lists the first
    100 problems (--limit N, --all). --format github prints the GitHub annotations (at most
    10 errors and 10 warnings are shown by GitHub) followed by the full text report.

    Exit 0 when clean, 1 on findings (warnings only with --strict), 2 on a usage or
    configuration error.

    Examples:

    \b
      aip check
      aip check --format gitlab > gl-code-quality-report.json
      aip check --base origin/main
    """
    run_check(
        ctx,
        paths=paths,
        output_format=output_format,
        strict=strict,
        limit=limit,
        show_all=show_all,
        cache=cache,
        date=date,
        base=base,
    )


def register(app: typer.Typer) -> None:
    app.command("check")(check)
