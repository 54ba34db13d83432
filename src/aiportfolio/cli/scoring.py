"""Commands of the scoring group: ``aip score``, ``aip balance``, ``aip table``."""

from __future__ import annotations

import os
import sys
from enum import Enum
from typing import TYPE_CHECKING, Annotated

import typer

from aiportfolio import exitcodes
from aiportfolio.cli.common import (
    choice_value,
    err,
    exit_with,
    handle_errors,
    open_register,
    out,
    require_valid,
    terminal_width,
    translator,
    view_width,
)
from aiportfolio.cli.options import ActiveStatus, AnyStatus, CategoryChoice, format_option
from aiportfolio.report.kit import formats

if TYPE_CHECKING:
    from aiportfolio.report.kit.reporter import Options


_ALL_FORMATS = "table (terminal), json, csv or md (Markdown)."

if TYPE_CHECKING:
    ScoreFormatOption = str
    BalanceFormatOption = str
    TableFormatOption = str
else:
    # --explain and --matrix have registries of their own: --matrix offers the ranking's
    # formats, --explain fewer (checked below); a test keeps them in step.
    ScoreFormatOption = format_option("ScoreFormat", "aiportfolio.report.score", _ALL_FORMATS)
    BalanceFormatOption = format_option("BalanceFormat", "aiportfolio.report.balance", _ALL_FORMATS)
    TableFormatOption = format_option(
        "TableFormat", "aiportfolio.report.table", "table (terminal), md (Markdown) or csv."
    )


class BalanceGate(Enum):
    both = "both"
    count = "count"
    budget = "budget"


def _terminal() -> Options:
    """Reporter options for the real terminal: its width (or $COLUMNS); colour only on a
    terminal without NO_COLOR."""
    from aiportfolio.report.kit.reporter import Options
    from aiportfolio.report.kit.terminal import Terminal

    color = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    if os.environ.get("FORCE_COLOR"):
        color = True
    return Options(terminal=Terminal(width=terminal_width(), color=color))


CategoryOption = Annotated[
    list[CategoryChoice] | None,
    typer.Option("--category", "-c", help="Only this category (repeatable)."),
]


@handle_errors
def score(
    ctx: typer.Context,
    output_format: ScoreFormatOption = "table",
    top: Annotated[
        int | None,
        typer.Option(
            "--top",
            "--limit",
            "-n",
            help="The N priorities: the first N entries still to deliver that pass the gate, "
            "each with why it ranks there.",
        ),
    ] = None,
    include_delivered: Annotated[
        bool,
        typer.Option(
            "--include-delivered", help="With --top: keep operated entries among the priorities."
        ),
    ] = False,
    show_all: Annotated[
        bool,
        typer.Option("--all", help="List every entry (table and md list the first 50)."),
    ] = False,
    category: CategoryOption = None,
    status: Annotated[
        list[ActiveStatus] | None,
        typer.Option("--status", "-s", help="Only this status (repeatable)."),
    ] = None,
    explain: Annotated[
        str | None,
        typer.Option(
            "--explain",
            "-e",
            metavar="UC-ID",
            help="Explain one entry: per-criterion contribution, what the points mean, "
            "what would change its rank.",
        ),
    ] = None,
    matrix: Annotated[
        bool,
        typer.Option(
            "--matrix",
            "-m",
            help="Value x feasibility 2x2 (Markdown: a Mermaid quadrantChart).",
        ),
    ] = False,
) -> None:
    """Rank the active use cases on the grid of config/weights.yaml.

    Value and feasibility are kept apart: an entry whose feasibility axis is under
    scoring.feasibility_floor (config/portfolio.yaml) ranks after every entry that clears
    it. Missing scores are reported, never counted as zero. Filters keep the ranks of the
    whole portfolio. The table and md formats list the first 50 entries (--all for every
    one, --top/--limit N for a priority list); json and csv list them all.
    An entry failing the gate (aip check errors) keeps its rank and is marked with the
    rule ids; --top N (the priorities) leaves out such entries and, unless
    --include-delivered, the operated ones.

    Exit 0, or 2 on a usage or configuration error (weights not summing to 100, unknown
    UC-ID...).

    Examples:

    \b
      aip score --top 3 --category quick_win
      aip score --explain UC-007
      aip score --matrix --format md >> portfolio.md
    """
    from aiportfolio.errors import UsageError

    t = translator(ctx)
    if top is not None and top < 1:
        raise UsageError(t("score.error.top", value=top))
    if explain and matrix:
        raise UsageError(t("score.error.explain_matrix"))
    if explain and choice_value(output_format) not in formats.registry_names(
        "aiportfolio.report.explain"
    ):
        raise UsageError(t("score.error.explain_csv"))
    register = open_register(ctx)
    t = translator(ctx, register)
    require_valid(register, t)
    fmt = choice_value(output_format)
    options = _terminal()
    if explain:
        from aiportfolio.analysis.explain import explain as explain_entry
        from aiportfolio.report.explain import REPORTERS as EXPLAIN
        from aiportfolio.report.explain import ExplainReport

        wanted = register.require(explain).id
        explanation = explain_entry(
            wanted, register.usecases, register.grid, register.config.scoring
        )
        out(
            EXPLAIN[fmt](ExplainReport(explanation, register.grid), t, options),
            width=view_width(fmt),
        )
        exit_with(exitcodes.OK)

    from aiportfolio.analysis.gate import gate_for
    from aiportfolio.analysis.score import build_score_report
    from aiportfolio.cli.common import parse_date
    from aiportfolio.report.score import TABLE_LIMIT

    limit = None
    if top is None and not show_all and not matrix and fmt in ("table", "md"):
        limit = TABLE_LIMIT
    report = build_score_report(
        register.usecases,
        register.grid,
        register.config.scoring,
        categories=[choice_value(c) for c in category or []],
        statuses=[choice_value(s) for s in status or []],
        top=top,
        limit=limit,
        gate=gate_for(register, parse_date(None, t)),
        include_delivered=include_delivered,
    )
    if matrix:
        from aiportfolio.analysis.matrix import build_matrix
        from aiportfolio.report.matrix import REPORTERS as MATRIX

        grid_view = build_matrix(report.entries, report.scoring.feasibility_floor)
        out(MATRIX[fmt](grid_view, t, options), width=view_width(fmt))
    else:
        from aiportfolio.report.score import REPORTERS

        out(REPORTERS[fmt](report, t, options), width=view_width(fmt))
    if fmt in ("json", "csv"):
        err(
            t(
                "score.summary",
                ranked=t.n("score.summary.ranked", report.ranked),
                below=t.n("score.summary.below", len(report.below_floor)),
                missing=t.n("score.summary.missing", len(report.incomplete)),
                split=t.n("score.summary.split", len(report.disagreements)),
            )
        )
    exit_with(exitcodes.OK)


@handle_errors
def balance(
    ctx: typer.Context,
    output_format: BalanceFormatOption = "table",
    by: Annotated[
        BalanceGate,
        typer.Option(help="What must be within tolerance for exit 0."),
    ] = BalanceGate.both,
) -> None:
    """Category mix of the active portfolio against the target of config/portfolio.yaml,
    by count and by budget (TCO), with the move that would restore it and category
    consistency warnings (a slow quick win, a compliance item without a risk-reduction
    KPI...).

    Exit 0 when within tolerance, 1 when outside (so CI can enforce it), 2 on a usage or
    configuration error. Consistency warnings do not change the exit code.

    Examples:

    \b
      aip balance
      aip balance --by count
      aip balance --format md >> $GITHUB_STEP_SUMMARY
    """
    from aiportfolio.analysis.balance import assess_balance
    from aiportfolio.report.balance import REPORTERS, summary

    register = open_register(ctx)
    t = translator(ctx, register)
    require_valid(register, t)
    report = assess_balance(register, by.value)
    fmt = choice_value(output_format)
    out(REPORTERS[fmt](report, t, _terminal()), width=view_width(fmt))
    err(summary(report, t), style="green" if report.ok else "red")
    exit_with(exitcodes.OK if report.ok else exitcodes.FINDINGS)


@handle_errors
def table(
    ctx: typer.Context,
    output_format: TableFormatOption = "table",
    category: CategoryOption = None,
    status: Annotated[
        list[AnyStatus] | None,
        typer.Option("--status", "-s", help="Only this status (repeatable)."),
    ] = None,
    include_stopped: Annotated[
        bool, typer.Option("--all", "-a", help="Include stopped use cases.")
    ] = False,
) -> None:
    """The portfolio line of the method: one row per use case with owner, KPI North Star,
    baseline, gain hypothesis, data & integrations, risk (L/M/H), next step and decision
    date. Stopped use cases are left out unless --all or --status stopped.

    Exit 0, or 2 on a usage or configuration error.

    Examples:

    \b
      aip table
      aip table --format md > PORTFOLIO.md
      aip table --format csv --category quick_win > quick-wins.csv
    """
    from aiportfolio.analysis.table import portfolio_table
    from aiportfolio.report.table import REPORTERS

    register = open_register(ctx)
    t = translator(ctx, register)
    require_valid(register, t)
    lines = portfolio_table(
        register.usecases,
        categories=[choice_value(c) for c in category or []],
        statuses=[choice_value(s) for s in status or []],
        include_stopped=include_stopped,
    )
    fmt = choice_value(output_format)
    out(REPORTERS[fmt](lines, t, _terminal()), width=view_width(fmt))
    exit_with(exitcodes.OK)


def register(app: typer.Typer) -> None:
    """Add this group's commands to ``app``."""
    app.command("score")(score)
    app.command("balance")(balance)
    app.command("table")(table)
