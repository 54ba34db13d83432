"""The body of ``aip check``, without typer: the typer command (cli/check.py) and the fast
path (cli/fastpath.py) both run it, so both give the same output and exit code."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from aiportfolio import exitcodes
from aiportfolio.cli.common import Context, err, exit_with, handle_errors, out, parse_date

FORMATS_MODULE = "aiportfolio.report.check"
"""The module whose ``REPORTERS`` registry lists the ``--format`` values of ``aip check``."""
FORMATS_FIRST = ("auto",)
"""The ``--format`` values before the registry's: auto picks a reporter itself (github
under GitHub Actions, else text)."""


@handle_errors
def run_check(
    ctx: Context,
    paths: Sequence[Path] | None = None,
    output_format: str = "auto",
    strict: bool = False,
    limit: int | None = None,
    show_all: bool = False,
    cache: bool = True,
    date: str | None = None,
    base: str | None = None,
) -> NoReturn:
    """``aip check`` with its options' values; the defaults are the command's (a test
    compares them with typer's). Ends with the command's exit code."""
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
    only: list[Path] = []
    if paths:
        # The check reads its files: a folder given stands for the use-case files in it
        # (as loader.usecase_files says, without importing the loader and its models).
        from aiportfolio.analysis.check_cache import given_files

        only = given_files(paths)
        if not only:
            err(t("check.no_usecases.in", paths=", ".join(map(str, paths))), style="yellow")
            exit_with(exitcodes.USAGE)
    worker = getattr(ctx.find_root(), "worker", None)  # the fast path's (cli/fastpath.py)
    result, files, lang = check_with_cache(
        root, settings(ctx).lang, today, only, use_cache=cache, worker=worker
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
    workspace = (
        os.environ.get("GITHUB_WORKSPACE") or os.environ.get("CI_PROJECT_DIR") or os.getcwd()
    )
    result = rebase(result, root, Path(workspace))
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
