"""Steering commands: ``aip tco``, ``aip dashboard``, ``aip agenda``, ``aip doctor``."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Annotated

import typer

from aiportfolio import exitcodes
from aiportfolio.cli.common import err, exit_with, handle_errors, open_register, out, parse_date
from aiportfolio.cli.options import format_option

if TYPE_CHECKING:
    from aiportfolio.i18n import Translator
    from aiportfolio.register.loader import Register


_FORMAT_HELP = "table (terminal), md (Markdown) or json."

if TYPE_CHECKING:
    TcoFormatOption = str
    DashboardFormatOption = str
    DoctorFormatOption = str
else:
    TcoFormatOption = format_option("TcoFormat", "aiportfolio.report.tco", _FORMAT_HELP)
    DashboardFormatOption = format_option(
        "DashboardFormat", "aiportfolio.report.dashboard", _FORMAT_HELP
    )
    DoctorFormatOption = format_option("DoctorFormat", "aiportfolio.report.doctor", _FORMAT_HELP)


class Ritual(str, Enum):
    committee = "committee"
    monthly = "monthly"
    quarterly = "quarterly"


DateOption = Annotated[
    str | None,
    typer.Option(
        help="Date of the report, YYYY-MM-DD (default: $AIP_TODAY, else today). "
        "Measurements after it are ignored."
    ),
]


def _load(ctx: typer.Context) -> tuple[Register, Translator]:
    from aiportfolio.cli.common import require_valid, translator

    register = open_register(ctx)
    t = translator(ctx, register)
    require_valid(register, t)
    return register, t


@handle_errors
def tco_command(
    ctx: typer.Context,
    usecase_id: Annotated[
        str | None, typer.Argument(metavar="[UC-ID]", help="One use case (default: all active).")
    ] = None,
    output_format: TcoFormatOption = "table",
    limit: Annotated[
        int | None,
        typer.Option(help="List at most N use cases in the table format (default 50)."),
    ] = None,
    show_all: Annotated[
        bool, typer.Option("--all", help="List every use case in the table format.")
    ] = False,
) -> None:
    """Total cost of ownership per use case over its horizon, with gain, ROI and payback.

    One-off plus monthly costs x months per cost family, the share that is not the vendor
    bill, the expected gain over the same horizon, ROI = (gain - TCO) / TCO and the payback
    month; portfolio totals by category and by wave. Entries whose budget holds only
    vendor/infrastructure lines are flagged ("model cost only"). An entry with no cost line
    has its costs missing (no ROI, no payback; listed under "budgets to complete"); a total
    states how many entries it rests on and gives no ROI below budget.min_cost_coverage.
    The table fits the terminal (long titles clipped), starts with the portfolio totals and
    lists the first 50 use cases (--limit N, --all); md and json list every one.

    Examples:

    \b
      aip tco
      aip tco UC-007
      aip tco --format md > tco.md
    """
    from aiportfolio.analysis.tco import portfolio_tco
    from aiportfolio.cli.common import list_limit, terminal_width, view_width
    from aiportfolio.report.kit.reporter import Options
    from aiportfolio.report.kit.terminal import Terminal
    from aiportfolio.report.tco import REPORTERS, TEXT_LIMIT

    register, t = _load(ctx)
    listed = list_limit(limit, show_all, TEXT_LIMIT, t)
    usecases = register.usecases
    if usecase_id is not None:
        usecases = [register.require(usecase_id, active_only=True)]
    result = portfolio_tco(usecases, register.config.budget.min_cost_coverage)
    options = Options(terminal=Terminal(terminal_width()), limit=listed)
    out(REPORTERS[output_format](result, t, options), width=view_width(output_format))


@handle_errors
def dashboard_command(
    ctx: typer.Context,
    output_format: DashboardFormatOption = "table",
    date: DateOption = None,
) -> None:
    """The shared dashboard: KPIs by level per use case and 12 portfolio indicators.

    Per use case: baseline, latest measurement, target, progress toward target
    (direction-aware), trend over the last measurements and staleness against the monthly
    cadence (rituals.monthly_days). Portfolio: four indicators per level (impact, adoption,
    quality & guardrails), each with its definition. Markdown adds a Mermaid chart.

    Examples:

    \b
      aip dashboard
      aip dashboard --format md --date 2026-11-30 > dashboard.md
    """
    from aiportfolio.analysis.dashboard import build_dashboard
    from aiportfolio.domain.ai_act import catalog_for
    from aiportfolio.report.dashboard import REPORTERS
    from aiportfolio.report.kit.reporter import Options

    register, t = _load(ctx)
    today = parse_date(date, t)
    from aiportfolio.analysis.gate import gate_for

    obligations = catalog_for(register.config, register.root)
    result = build_dashboard(
        register.usecases,
        today,
        register.config.rituals.monthly_days,
        gate_for(register, today),
        obligations,
    )
    from aiportfolio.cli.common import view_terminal

    terminal = view_terminal(output_format)
    width = terminal.width if terminal is not None else None
    out(REPORTERS[output_format](result, t, Options(terminal, root=register.root)), width=width)


@handle_errors
def agenda_command(
    ctx: typer.Context,
    ritual: Annotated[
        Ritual, typer.Option("--ritual", help="Which meeting: committee, monthly or quarterly.")
    ],
    date: DateOption = None,
) -> None:
    """The Markdown pack a governance meeting reads.

    committee: decisions due before the next meeting, blocked entries, new entries since
    the last meeting (git history of usecases/), risk reviews triggered and not done.
    monthly: KPI progress and staleness, costs against TCO, risks, a go / iterate / scale /
    stop proposal per pilot. quarterly: budget and capacity per wave against plan, budget
    per category, the balance, candidates to reallocate from. Cadences come from
    config/portfolio.yaml (rituals).

    Examples:

    \b
      aip agenda --ritual committee > comite.md
      aip agenda --ritual monthly --date 2026-11-30
      aip --lang en agenda --ritual quarterly
    """
    from aiportfolio.analysis.agenda import build_agenda
    from aiportfolio.report.agenda import format_markdown

    register, t = _load(ctx)
    today = parse_date(date, t)
    result = build_agenda(register, ritual.value, today)
    out(format_markdown(result, t, register.root, register.config.organisation))


@handle_errors
def doctor_command(
    ctx: typer.Context,
    output_format: DoctorFormatOption = "table",
    date: DateOption = None,
) -> None:
    """Diagnose the portfolio: the six signals of a badly organised portfolio, and triage.

    Each signal is ok, warning or alert with its evidence (entries and figures): tool
    bought before a KPI was targeted, entries without owner, no top 3 that can be stated,
    pilots outside daily tools or with adoption falling, risk reviews missing or done
    after the pilot started, variable costs rising while impact does not. Then every
    pilot is triaged: stop or reframe (no owner or no measurement), continue, or
    industrialise. Exit 1 on any alert (for CI), 0 otherwise.

    Examples:

    \b
      aip doctor
      aip doctor --format md >> "$GITHUB_STEP_SUMMARY"
    """
    from aiportfolio.analysis.doctor import diagnose
    from aiportfolio.report.doctor import REPORTERS, summary
    from aiportfolio.report.kit.reporter import Options

    register, t = _load(ctx)
    today = parse_date(date, t)
    from aiportfolio.analysis.gate import gate_for

    result = diagnose(
        register.usecases, register.grid, register.config, today, gate_for(register, today)
    )
    from aiportfolio.cli.common import view_terminal

    terminal = view_terminal(output_format)
    width = terminal.width if terminal is not None else None
    out(REPORTERS[output_format](result, t, Options(terminal)), width=width)
    err(summary(result, t), style="red" if result.alerts else "green")
    exit_with(exitcodes.FINDINGS if result.alerts else exitcodes.OK)


def register(app: typer.Typer) -> None:
    """Add this group's commands to ``app``."""
    app.command("tco")(tco_command)
    app.command("dashboard")(dashboard_command)
    app.command("agenda")(agenda_command)
    app.command("doctor")(doctor_command)
