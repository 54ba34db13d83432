"""The rejects file of ``aip import --skip-invalid``: the rows the import refused, with
the row number and the reasons in the reader's language (the CLI writes it)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

from aiportfolio.actions.importing import ImportResult
from aiportfolio.i18n import Translator
from aiportfolio.tabular.read import Table


def rejects_csv(table: Table, result: ImportResult, t: Translator) -> str:
    """The rows of ``table`` that ``result`` rejected, as a CSV file: the file's columns
    (one header row), then the row number in the imported file and the reasons. The same
    mapping reads it back once the rows are fixed (the two added columns are not mapped).
    Text cells are quoted against formula injection, as every CSV that aip writes."""
    from aiportfolio.tabular.csvsafe import safe_row

    reasons: dict[int, list[str]] = {}
    for message in result.messages:
        if message.is_error:
            reasons.setdefault(message.row, []).append(message.message.text(t))
    rejected = set(result.rejected)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(safe_row([*table.columns, t("import.rejects.row"), t("import.rejects.errors")]))
    for number, cells in table.rows:
        if number in rejected:
            padded = [_cell_text(c) for c in cells] + [""] * (len(table.columns) - len(cells))
            why = " | ".join(reasons.get(number, []))
            writer.writerow(safe_row([*padded[: len(table.columns)], number, why]))
    return out.getvalue()


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
