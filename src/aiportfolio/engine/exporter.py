"""``aip export``: the portfolio table with every field, one row per use case, in CSV or
XLSX, readable back by ``aip import`` with ``export_mapping_text()``.

Cells hold what the file says (defaults are not filled in), so export then
``import --update`` changes nothing. Lists of plain values are joined with `` | `` (JSON when
an item contains ``|``); structured values (KPIs, scores, costs lines, decisions) are JSON.
Three derived columns end the row (North Star KPI, its baseline, TCO); import ignores them.
CSV text cells that a spreadsheet would run as formulas (``=``, ``+``, ``-``, ``@``, tab, CR
first) get a leading ``'``, which ``aip import`` removes again.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

from aiportfolio.engine.fields import FIELDS, Field
from aiportfolio.register.loader import Register
from aiportfolio.register.yamlio import read_yaml, to_plain

LIST_SEPARATOR = "|"
DERIVED = ("derived.north_star_kpi", "derived.north_star_baseline", "derived.tco_eur")


def header() -> list[str]:
    return [f.name for f in FIELDS] + list(DERIVED)


def _get(data: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() and abs(value) < 1e15 else value


def cell_value(field: Field, value: Any) -> Any:
    """A field's value as a cell: text, number, bool, date or JSON text; ``None`` if unset."""
    if value is None:
        return None
    if field.kind == "json":
        return json.dumps(to_plain(value), ensure_ascii=False)
    if field.kind == "list":
        items = [str(v) for v in value]
        if any(LIST_SEPARATOR in i or i.startswith("[") for i in items):
            return json.dumps(items, ensure_ascii=False)
        return f" {LIST_SEPARATOR} ".join(items)
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return _number(value)
    return value


def rows(register: Register) -> list[list[Any]]:
    from aiportfolio.engine.finance import tco

    table: list[list[Any]] = []
    for uc, path in zip(register.usecases, register.usecase_paths, strict=True):
        data, _ = read_yaml(path)
        row = [cell_value(f, _get(data or {}, f.path)) for f in FIELDS]
        star = uc.north_star
        row += [
            star.name if star else None,
            _number(star.baseline) if star and star.baseline is not None else None,
            _number(round(tco(uc).total, 2)),
        ]
        table.append(row)
    return table


def _text(value: Any) -> str:
    """A cell of the CSV export; text that a spreadsheet would run as a formula gets a
    leading ``'`` (``report/csvsafe.py``; ``aip import`` removes it)."""
    from aiportfolio.report.csvsafe import safe_cell

    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return str(safe_cell(value))
    return str(value)


def export_csv(register: Register) -> str:
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(header())
    for row in rows(register):
        writer.writerow([_text(v) for v in row])
    return stream.getvalue()


def export_xlsx(register: Register, path: Path) -> None:
    """Write an XLSX file atomically. Text cells are typed as text, so a title starting
    with ``=`` stays text and never becomes a formula."""
    import os
    import tempfile

    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Portfolio")
    sheet.freeze_panes = "C2"
    bold = Font(bold=True)
    head = []
    for name in header():
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = bold
        head.append(cell)
    sheet.append(head)
    for row in rows(register):
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=value)
            if isinstance(value, str):
                cell.data_type = "s"
            cells.append(cell)
        sheet.append(cells)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    os.close(fd)
    try:
        workbook.save(tmp)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def export_mapping_text() -> str:
    """The import mapping that reads an export back (also ``aip export --mapping``)."""
    lines = [
        "# Mapping of `aip export` files for `aip import` (aip export --mapping).",
        "# Each register field reads the column of the same name; derived.* columns are",
        "# computed by aip and ignored on import.",
        f'separator: "{LIST_SEPARATOR}"',
        "fields:",
    ]
    lines += [f"  {f.name}: {f.name}" for f in FIELDS]
    return "\n".join(lines) + "\n"
