"""``aip kpi``: the KPI group (``aip kpi record``: append a dated measurement)."""

from __future__ import annotations

from typing import Annotated

import typer

from aiportfolio.cli.common import handle_errors, open_with_translator
from aiportfolio.cli.options import UseCaseIdArgument

kpi_app = typer.Typer(
    name="kpi",
    help=(
        "Record KPI measurements: `aip kpi record` appends a dated value to a KPI of a use "
        "case, which the dashboard, the report and `aip diff` then read.\n\n"
        "Examples:\n\n"
        "\b\n"
        '  aip kpi record UC-007 "Délai de tri" 12 --date 2026-11-20\n'
        '  aip kpi record UC-004 "First-contact resolution" 0,62 --replace\n'
    ),
    no_args_is_help=True,
    rich_markup_mode=None,
)


@kpi_app.command("record")
@handle_errors
def kpi_record(
    ctx: typer.Context,
    usecase_id: UseCaseIdArgument,
    kpi: Annotated[str, typer.Argument(help="KPI name as written in the use case.")],
    value: Annotated[str, typer.Argument(help="Measured value (12.5 or 12,5).")],
    date: Annotated[
        str | None, typer.Option(help="Date of the measurement, YYYY-MM-DD (default: today).")
    ] = None,
    note: Annotated[str | None, typer.Option(help="How it was measured.")] = None,
    replace: Annotated[
        bool,
        typer.Option("--replace", help="Replace the measurement already on that date."),
    ] = False,
) -> None:
    """Append a dated measurement to a KPI (kept in date order). The KPI name is matched
    ignoring case and accents ("delai de tri" finds "Délai de tri"); a name matching
    several KPIs is refused with the candidates, an unknown one gets a "did you mean". A
    second value on the same date is refused (exit 2) unless --replace. A value far outside
    the baseline-to-target range is recorded with a warning.

    Examples:

    \b
      aip kpi record UC-007 "Délai de tri" 12 --date 2026-11-20
      aip kpi record UC-004 "First-contact resolution" 0,62
    """
    from aiportfolio.actions.writing import apply_edits, locked, record_measurement
    from aiportfolio.cli.common import parse_date, register_root, say
    from aiportfolio.errors import UsageError
    from aiportfolio.model.common import parse_number
    from aiportfolio.report.written import measurement_notes

    root = register_root(ctx)
    with locked(root):
        register, t = open_with_translator(ctx)
        try:
            number = parse_number(value)
        except ValueError:
            raise UsageError(t("write.bad_number", value=value)) from None
        result = record_measurement(
            register,
            usecase_id,
            kpi,
            number,
            on=parse_date(date, t),
            note=note.strip() if note and note.strip() else None,
            replace=replace,
        )
        apply_edits([result.edit], root=register.root)
    say(measurement_notes(result, register, parse_date(None, t), t))


def register(app: typer.Typer) -> None:
    """Add the ``aip kpi`` group to ``app``."""
    app.add_typer(kpi_app, name="kpi")
