"""``aip export``: the portfolio as XLSX for a sponsor or CSV for other tools."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from aiportfolio.cli.common import err, handle_errors, open_with_translator, out


class ExportFormat(str, Enum):
    csv = "csv"
    xlsx = "xlsx"


@handle_errors
def export(
    ctx: typer.Context,
    output_format: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="csv or xlsx.")
    ] = ExportFormat.csv,
    out_file: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="Output file, its folders created (csv: default stdout)."),
    ] = None,
    excel: Annotated[
        bool,
        typer.Option(
            "--excel",
            help="CSV for a spreadsheet: byte-order mark, CRLF; in French `;` and decimal commas.",
        ),
    ] = False,
    show_mapping: Annotated[
        bool,
        typer.Option("--mapping", help="Print the import mapping that reads the export back."),
    ] = False,
) -> None:
    """Export the portfolio for a sponsor (xlsx) or for other tools (csv).

    xlsx: one sheet per subject in the register's language (portfolio, KPIs,
    measurements, costs, decisions), each with a filter row, a frozen header, column
    widths and number formats (euros, dates). Its first sheet, hidden, holds every field
    of every card under its register name: `aip import` reads the workbook back.

    csv: every field, one row per use case (the portfolio line first, then every field of
    the card); `aip import` reads it back with the mapping printed by
    `aip export --mapping`. With --excel it opens cleanly in a spreadsheet by
    double-click.

    Examples:

    \b
      aip export --format xlsx --out exports/portefeuille.xlsx
      aip export --excel --out portefeuille.csv
      aip export --mapping > export-mapping.yaml
    """
    from aiportfolio.actions.export import export_csv, export_xlsx, write_export
    from aiportfolio.errors import UsageError
    from aiportfolio.tabular.fields import export_mapping_text

    if show_mapping:
        out(export_mapping_text())
        return
    register, t = open_with_translator(ctx)
    from aiportfolio.cli.common import require_valid

    require_valid(register, t)
    if output_format is ExportFormat.xlsx:
        if out_file is None:
            raise UsageError(t("export.xlsx_needs_out"))
        write_export(out_file, export_xlsx(register, t))
    else:
        text = export_csv(register, excel=excel, lang=t.lang)
        if out_file is None:
            out(text)
            return
        write_export(out_file, text)
    err(t.n("export.written", len(register.usecases), path=out_file))


def register(app: typer.Typer) -> None:
    """Add ``aip export`` to ``app``."""
    app.command("export")(export)
