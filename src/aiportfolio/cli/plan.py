"""``aip plan`` (capacity-aware wave planner) and ``aip roadmap`` (Markdown by wave)."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from aiportfolio import exitcodes
from aiportfolio.cli.common import err, exit_with, handle_errors, open_register, out, parse_date
from aiportfolio.cli.options import format_option

if TYPE_CHECKING:
    from aiportfolio.analysis.planning.instance import PlanOptions
    from aiportfolio.analysis.planning.result import PlanResult
    from aiportfolio.i18n import Translator
    from aiportfolio.register.loader import Register


if TYPE_CHECKING:
    PlanFormatOption = str
else:
    PlanFormatOption = format_option("PlanFormat", "aiportfolio.report.plan", "table, json or md.")


class Strategy(str, Enum):
    exact = "exact"
    greedy = "greedy"


def _options(
    ctx: typer.Context,
    register: Register,
    t: Translator,
    strategy: Strategy,
    balance: bool | None,
    time_limit: float | None,
    discount: float | None,
    date: str | None,
    started: float | None = None,
    deadlines: bool | None = None,
    report_factor: float = 0.0,
) -> PlanOptions:
    from aiportfolio.analysis.planning.instance import PlanOptions
    from aiportfolio.errors import UsageError

    if not register.config.waves:
        raise UsageError(t("plan.no_waves") + "\n  " + t("plan.no_waves.hint"))
    if discount is not None and not 0 < discount <= 1:
        raise UsageError(t("plan.bad_discount", value=discount))
    if time_limit is not None and not time_limit > 0:
        raise UsageError(t("plan.bad_time_limit", value=time_limit))
    return PlanOptions(
        strategy=strategy.value,
        enforce_balance=balance,
        enforce_deadlines=deadlines,
        time_limit=time_limit,
        discount=discount,
        today=parse_date(date, t),
        started=started,
        report_factor=report_factor,
    )


def command_started() -> float:
    """``time.perf_counter()`` at the start of this command, which ``--time-limit`` counts
    from: the start of the process when it is the ``aip`` command (interpreter start-up and
    imports included; read from ``/proc/self/stat`` on Linux), else now (in-process calls:
    tests, a host application)."""
    import os
    import time

    from aiportfolio.cli import entry

    now = time.perf_counter()
    if not entry.AS_COMMAND:
        return now
    try:
        with open("/proc/self/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        # Field 22, start time in clock ticks after boot (the list starts at field 3).
        began = int(fields[19]) / os.sysconf("SC_CLK_TCK")
        age = time.clock_gettime(time.CLOCK_BOOTTIME) - began
    except (OSError, ValueError, IndexError, AttributeError):
        return now  # not Linux
    return now - age if 0 <= age < 3600 else now


def _run_plan(register: Register, options: PlanOptions) -> PlanResult:
    from aiportfolio.analysis.planning.plan import plan_register

    return plan_register(register, options)


@handle_errors
def plan(
    ctx: typer.Context,
    output_format: PlanFormatOption = "table",
    strategy: Annotated[
        Strategy,
        typer.Option(help="exact: integer program (HiGHS); greedy: rank by score, fill waves."),
    ] = Strategy.exact,
    compare: Annotated[
        bool, typer.Option("--compare", help="Compare with the waves written in the register.")
    ] = False,
    apply: Annotated[
        bool, typer.Option("--apply", help="Write the proposed plan.wave into the use-case files.")
    ] = False,
    balance: Annotated[
        bool | None,
        typer.Option(
            "--balance/--no-balance",
            help="Enforce the category balance (default: planning.enforce_balance).",
        ),
    ] = None,
    deadlines: Annotated[
        bool | None,
        typer.Option(
            "--deadlines/--no-deadlines",
            help="Place entries with open AI Act obligations in a wave that ends before they "
            "apply (default: planning.enforce_deadlines).",
        ),
    ] = None,
    time_limit: Annotated[
        float | None,
        typer.Option(
            help="Time limit in seconds for the whole command; the best plan found by then is "
            "shown with its gap (default: planning.time_limit_seconds)."
        ),
    ] = None,
    discount: Annotated[
        float | None,
        typer.Option(help="Value kept per wave of delay, 0 < d <= 1 (default: planning.discount)."),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(help="Planning date (YYYY-MM-DD): waves ended before it take no new entry."),
    ] = None,
    limit: Annotated[
        int | None,
        typer.Option(
            help="List at most N unscheduled entries and conflicts in the table (default 30)."
        ),
    ] = None,
    show_all: Annotated[
        bool, typer.Option("--all", help="List every unscheduled entry and conflict.")
    ] = False,
) -> None:
    """Propose a wave for every active use case not yet operated, within capacity.

    Holds per wave: team person-weeks, one-off budget, parallel pilots; dependencies in an
    earlier wave; pinned entries (pilot, industrialising, plan.pinned) in their wave; the
    risk gate (planning.compliance_wave); AI Act deadlines (an entry with open obligations
    sits in a wave that ends before they apply; --no-deadlines to relax); the category
    balance. Maximises the sum of
    score x discount^(wave - 1). Each entry left out gets the constraint that keeps it out;
    the table counts them by reason and lists the first 30 (--limit N, --all).

    Exit 0 with a plan, 1 when hard constraints conflict or no plan was found within the
    time limit (nothing written), 2 on a usage or configuration error.

    Examples:

    \b
      aip plan
      aip plan --compare --format md > plan.md
      aip plan --apply
    """
    started = command_started()  # the time limit covers start-up and reading the register
    from aiportfolio.cli.common import list_limit, require_valid, translator, view_terminal
    from aiportfolio.report.kit.reporter import Options
    from aiportfolio.report.plan import REPORT_FACTOR, REPORTERS, TEXT_LIMIT
    from aiportfolio.report.plan_labels import removed_waves, summary

    register = open_register(ctx)
    t = translator(ctx, register)
    require_valid(register, t)
    options = _options(
        ctx,
        register,
        t,
        strategy,
        balance,
        time_limit,
        discount,
        date,
        started,
        deadlines,
        REPORT_FACTOR.get(output_format, 0.0),
    )
    result = _run_plan(register, options)
    listed = list_limit(limit, show_all, TEXT_LIMIT, t) if output_format == "table" else None
    terminal = view_terminal(output_format)
    out(
        REPORTERS[output_format](result, t, Options(terminal, limit=listed, compare=compare)),
        width=terminal.width if terminal is not None else None,
    )
    err(summary(result, t), style="red" if result.conflicts else "green")
    if result.conflicts:
        if apply:
            err(t("plan.apply_refused"), style="red")
        exit_with(exitcodes.FINDINGS)
    if apply:
        from aiportfolio.actions.plan import wave_edits
        from aiportfolio.actions.writing import apply_edits

        written = apply_edits(wave_edits(register, result), root=register.root)
        for line in removed_waves(result, t):
            err(f"  {line}")
        err(t.n("plan.applied", written) if written else t("plan.applied.none"))
    exit_with(exitcodes.OK)


@handle_errors
def roadmap(
    ctx: typer.Context,
    out_file: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="Write the Markdown to FILE (default: stdout)."),
    ] = None,
    proposed: Annotated[
        bool,
        typer.Option("--proposed", help="Render the planner's proposal instead of plan.wave."),
    ] = False,
    strategy: Annotated[
        Strategy, typer.Option(help="With --proposed: exact or greedy.")
    ] = Strategy.exact,
    balance: Annotated[
        bool | None,
        typer.Option("--balance/--no-balance", help="With --proposed: enforce the balance."),
    ] = None,
    deadlines: Annotated[
        bool | None,
        typer.Option(
            "--deadlines/--no-deadlines", help="With --proposed: hold the AI Act deadlines."
        ),
    ] = None,
    date: Annotated[
        str | None, typer.Option(help="Roadmap date (YYYY-MM-DD; default $AIP_TODAY or today).")
    ] = None,
) -> None:
    """Write a Markdown roadmap by wave: goal, dates, deliverables, use cases with owner,
    KPI North Star and baseline, next step and decision date, capacity and budget used
    against available, a Mermaid gantt chart, risks needing review, balance of the wave.

    Rendered from templates/roadmap.md.j2: a register overrides it with its own
    templates/roadmap.md.j2. Exit 0; 1 when --proposed finds conflicting constraints;
    2 on a usage or configuration error.

    Examples:

    \b
      aip roadmap --out ROADMAP.md
      aip --lang en roadmap --proposed
    """
    from aiportfolio.analysis.roadmap import build_roadmap
    from aiportfolio.cli.common import require_valid, translator
    from aiportfolio.errors import UsageError
    from aiportfolio.register.roundtrip import atomic_write
    from aiportfolio.report.roadmap import format_roadmap

    register = open_register(ctx)
    t = translator(ctx, register)
    require_valid(register, t)
    today = parse_date(date, t)
    if not register.config.waves:
        raise UsageError(t("plan.no_waves") + "\n  " + t("plan.no_waves.hint"))
    intro = None
    proposal = None
    if proposed:
        options = _options(ctx, register, t, strategy, balance, None, None, date, None, deadlines)
        result = _run_plan(register, options)
        if result.conflicts:
            from aiportfolio.report.plan_labels import violation_text

            err(t("roadmap.proposal_conflict"), style="red")
            for v in result.conflicts:
                err(f"  - {violation_text(v, t)}")
            exit_with(exitcodes.FINDINGS)
        proposal = result.assignment
        intro = t(
            "roadmap.intro.proposed",
            strategy=t(f"plan.strategy.{result.strategy}"),
            status=t(f"plan.status.{result.status}"),
            date=today.isoformat(),
        )
    from aiportfolio.analysis.gate import gate_for

    gate = gate_for(register, today)
    data = build_roadmap(register.usecases, register.config, today, proposal, gate)
    text = format_roadmap(
        data, t, register.root, organisation=register.config.organisation, intro=intro
    )
    if out_file is None:
        out(text)
    else:
        if out_file.parent and not out_file.parent.is_dir():
            raise UsageError(t("error.path_not_found", path=out_file.parent))
        atomic_write(out_file, text)
        err(t("roadmap.written", path=out_file))
    exit_with(exitcodes.OK)


def register(app: typer.Typer) -> None:
    """Add this group's commands to ``app``."""
    app.command("plan")(plan)
    app.command("roadmap")(roadmap)
