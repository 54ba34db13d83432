"""``aip check``: the CI gate."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from aiportfolio import exitcodes
from aiportfolio.cli.common import err, exit_with, handle_errors, out, parse_date
from aiportfolio.cli.options import RulesDateOption, format_option

if TYPE_CHECKING:
    CheckFormatOption = str
else:
    # auto picks a reporter itself: github under GitHub Actions, else text.
    CheckFormatOption = format_option(
        "CheckFormat",
        "aiportfolio.report.check",
        "auto: GitHub annotations plus text under GITHUB_ACTIONS, else text.",
        first=("auto",),
    )


@handle_errors
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
    from aiportfolio.analysis.check_cache import check_with_cache
    from aiportfolio.cli.common import (
        list_limit,
        recover_writes,
        register_root,
        settings,
        translator,
        view_width,
    )
    from aiportfolio.i18n import Translator
    from aiportfolio.report.check import REPORTERS, TEXT_LIMIT, rebase, summary
    from aiportfolio.report.kit.reporter import Options

    root = register_root(ctx)
    recover_writes(ctx, root)
    t = translator(ctx)
    shown = list_limit(limit, show_all, TEXT_LIMIT, t)
    today = parse_date(date, t)
    result, files, lang = check_with_cache(
        root, settings(ctx).lang, today, paths or (), use_cache=cache
    )
    t = Translator(lang)
    if not files:
        err(t("check.no_usecases") + "\n  " + t("check.no_usecases.hint"), style="yellow")
        exit_with(exitcodes.USAGE)
    if base is not None:
        import dataclasses

        from aiportfolio.analysis.idclash import base_collisions, collision_problems

        clashes = collision_problems(base_collisions(root, base))
        result = dataclasses.replace(result, problems=tuple(sorted([*result.problems, *clashes])))
    # Paths as the reader's tools expect them: relative to the CI workspace or the current
    # folder when the register lives below it (a register in a subfolder of a repository).
    base = os.environ.get("GITHUB_WORKSPACE") or os.environ.get("CI_PROJECT_DIR") or os.getcwd()
    result = rebase(result, root, Path(base))
    chosen = output_format
    if chosen == "auto":
        chosen = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    if chosen == "github":
        # The annotations are capped by GitHub; the job log gets the whole text report.
        out(REPORTERS["github"](result, t, Options()), workflow_commands=True)
        out(REPORTERS["text"](result, t, Options(limit=shown if limit is not None else None)))
    else:
        out(REPORTERS[chosen](result, t, Options(limit=shown)), width=view_width(chosen))
    err(summary(result, t), style="red" if result.failed(strict) else "green")
    exit_with(exitcodes.FINDINGS if result.failed(strict) else exitcodes.OK)


def register(app: typer.Typer) -> None:
    app.command("check")(check)
