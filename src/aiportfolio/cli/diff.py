"""``aip diff``: what a pull request does to the portfolio."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from aiportfolio import exitcodes
from aiportfolio.cli.common import (
    err,
    exit_with,
    handle_errors,
    out,
    parse_date,
    register_root,
    settings,
    translator,
)
from aiportfolio.cli.options import RulesDateOption, format_option

if TYPE_CHECKING:
    DiffFormatOption = str
else:
    DiffFormatOption = format_option(
        "DiffFormat", "aiportfolio.report.diff", "table (terminal), md (PR comment) or json."
    )


@handle_errors
def diff(
    ctx: typer.Context,
    base: Annotated[
        str | None,
        typer.Argument(
            help="Base revision (default: the merge base of HEAD with the default branch).",
            show_default=False,
        ),
    ] = None,
    head: Annotated[
        str | None,
        typer.Argument(help="Head revision (default: the working tree).", show_default=False),
    ] = None,
    output_format: DiffFormatOption = "table",
    full_report: Annotated[
        Path | None,
        typer.Option(
            "--full-report",
            help="Also write the complete Markdown report (never shortened) to this file.",
            dir_okay=False,
        ),
    ] = None,
    date: RulesDateOption = None,
) -> None:
    """Compare the register at two git revisions: use cases added, removed, renamed and
    changed, score and rank moves, risk escalations, balance, TCO and wave capacity before
    and after, and the problems the change introduces or fixes.

    Old versions are read straight from git (no checkout). The md format is a pull-request
    comment: it starts with the marker <!-- aip:portfolio --> (so a workflow can update
    the same comment), is kept under GitHub's 65,536-character limit, and escapes all user
    text. Under GitHub Actions the full report is also appended to $GITHUB_STEP_SUMMARY.

    Exit 0 when the change adds no error-level problem, 1 when it does, 2 on a usage or
    configuration error (unknown revision, not a git repository).

    Examples:

    \b
      aip diff origin/main
      aip diff v1.0 v1.1 --format json
      aip diff "$BASE_SHA" --format md --full-report full.md > aip-diff.md
    """
    from aiportfolio.analysis.diff import compare_revisions
    from aiportfolio.errors import UsageError
    from aiportfolio.report.diff import REPORTERS
    from aiportfolio.report.diff_comment import (
        COMMENT_BUDGET,
        STEP_SUMMARY_BUDGET,
        format_markdown,
    )
    from aiportfolio.report.diff_labels import verdict
    from aiportfolio.report.kit.reporter import Options

    root = register_root(ctx)
    t = translator(ctx)
    result = compare_revisions(root, base, head, settings(ctx).lang, parse_date(date, t))
    t = type(t)(result.lang)
    full = None
    if full_report is not None or os.environ.get("GITHUB_STEP_SUMMARY"):
        full = format_markdown(result, t, budget=None)
    if full_report is not None:
        try:
            full_report.write_text(full or "", encoding="utf-8")
        except OSError as exc:
            raise UsageError(
                t("diff.cannot_write", path=full_report, detail=exc.strerror)
            ) from None
    summary_path = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary_path:
        summary = format_markdown(result, t, budget=STEP_SUMMARY_BUDGET)
        try:
            with open(summary_path, "a", encoding="utf-8") as stream:
                stream.write(summary + "\n")
        except OSError as exc:
            err(t("diff.cannot_write", path=summary_path, detail=exc.strerror), style="yellow")
    fmt = output_format
    if fmt == "md":
        pointer = (
            t("diff.truncated.file", path=full_report.name) if full_report else t("diff.truncated")
        )
        out(format_markdown(result, t, budget=COMMENT_BUDGET, pointer=pointer))
    else:
        from aiportfolio.cli.common import view_width

        out(REPORTERS[fmt](result, t, Options()), width=view_width(fmt))
    if fmt != "table":
        # The table report starts with the verdict; md and json go to a file or a tool,
        # so the person running the command reads the verdict on stderr.
        err(verdict(result, t), style="red" if result.failed else "green")
    exit_with(exitcodes.FINDINGS if result.failed else exitcodes.OK)


def register(app: typer.Typer) -> None:
    """Add this group's commands to ``app``."""
    app.command("diff")(diff)
