"""``aip export``: the portfolio table with every field, one row per use case, in CSV or
XLSX, readable back by ``aip import`` with ``tabular.fields.export_mapping_text()``.

The XLSX workbook is for a sponsor: sheets with headers in the register's language
(portfolio, KPIs, measurements, costs, decisions) with a filter row, a frozen header,
widths and number formats; the flat table that ``aip import`` reads back is its first,
hidden sheet. ``--excel`` CSV is for a spreadsheet: a byte-order mark, ``;`` and decimal
commas in French.

Cells hold what the file says (defaults are not filled in), so export then
``import --update`` changes nothing. Lists of plain values are joined with `` | `` (JSON when
an item contains ``|``); structured values (KPIs, scores, costs lines, decisions) are JSON.
Three derived columns end the row (North Star KPI, its baseline, TCO); import ignores them.
CSV text cells that a spreadsheet would run as formulas (``=``, ``+``, ``-``, ``@``, tab, CR
first) get a leading ``'``, which ``aip import`` removes again.

The sponsor sheets are file content in the register's language (sheet names, headers,
statuses and categories as words): ``sponsor_sheets`` and ``export_xlsx`` take a
translator for that, the one reason this module, below the reporters, reads messages.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aiportfolio.model.common import id_sort_key
from aiportfolio.register.loader import Register
from aiportfolio.register.yamlio import read_yaml, to_plain
from aiportfolio.tabular.fields import FIELDS, LIST_SEPARATOR, Field

if TYPE_CHECKING:
    from aiportfolio.i18n import Translator

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
    from aiportfolio.analysis.tco import tco

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


def _text(value: Any, decimal_comma: bool = False) -> str:
    """A cell of the CSV export; text that a spreadsheet would run as a formula gets a
    leading ``'`` (``tabular/csvsafe.py``; ``aip import`` removes it)."""
    from aiportfolio.tabular.csvsafe import safe_cell

    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return str(safe_cell(value))
    if decimal_comma and isinstance(value, float):
        return str(value).replace(".", ",")
    return str(value)


def export_csv(register: Register, *, excel: bool = False, lang: str = "en") -> str:
    """The flat table as CSV. ``excel``: what a spreadsheet opens by double-click — a
    byte-order mark (UTF-8 is then recognised), CRLF line ends, and in French and German
    ``;`` between cells and decimal commas (their decimal mark is the comma)."""
    french = excel and lang in ("fr", "de")
    stream = io.StringIO()
    writer = csv.writer(
        stream, delimiter=";" if french else ",", lineterminator="\r\n" if excel else "\n"
    )
    writer.writerow(header())
    for row in rows(register):
        writer.writerow([_text(v, decimal_comma=french) for v in row])
    return ("\ufeff" if excel else "") + stream.getvalue()


# --- the workbook a sponsor opens --------------------------------------------------------------

DATA_SHEET = "aip"
"""The hidden first sheet: every field under its register name, read back by ``aip import``."""

EURO_FORMAT = '#,##0 "€"'
INTEGER_FORMAT = "#,##0"
DATE_FORMAT = "yyyy-mm-dd"


@dataclass(frozen=True)
class Column:
    """One column of a sponsor sheet: its catalog label and how its cells are shown."""

    label: str
    """Catalog key of the header."""
    kind: str = "text"
    """text, long (wide text), id, euro, integer, number, date."""


WIDTHS = {"id": 10, "text": 18, "long": 45, "euro": 14, "integer": 10, "number": 12, "date": 12}
FORMATS = {"euro": EURO_FORMAT, "integer": INTEGER_FORMAT, "date": DATE_FORMAT}


@dataclass(frozen=True)
class Sheet:
    title: str
    """Catalog key of the sheet's name."""
    columns: tuple[Column, ...]
    rows: list[list[Any]]
    frozen_columns: int = 2
    """Columns kept in view when scrolling right (id and title)."""


def _label(t: Translator, prefix: str, value: str | None) -> str | None:
    return t(f"{prefix}.{value}") if value else None


def sponsor_sheets(register: Register, t: Translator) -> list[Sheet]:
    """The sheets a sponsor reads, with values as numbers, dates and words in ``t``'s
    language: the portfolio (one row per use case), KPIs, measurements, costs, decisions."""
    from aiportfolio.analysis.tco import tco

    yes, no = t("team.export.yes"), t("team.export.no")
    usecases = sorted(register.usecases, key=lambda uc: id_sort_key(uc.id))
    portfolio, kpis, measurements, costs, decisions = [], [], [], [], []
    for uc in usecases:
        star = uc.north_star
        last = star.measurements[-1] if star and star.measurements else None
        data = [*uc.data.sources, *uc.data.systems]
        portfolio.append(
            [
                uc.id,
                uc.title,
                t(f"label.status.{uc.status}"),
                t(f"label.category.{uc.category}"),
                uc.owner.name if uc.owner else None,
                uc.sponsor.name if uc.sponsor else None,
                star.name if star else None,
                star.unit if star else None,
                star.baseline if star else None,
                star.target if star else None,
                last.value if last else None,
                uc.value.hypothesis if uc.value else None,
                uc.value.annual_gain_eur if uc.value else None,
                round(tco(uc).total, 2),
                "; ".join(dict.fromkeys(data)) or None,
                _label(t, "label.risk", uc.risk.level),
                _label(t, "label.data", uc.data.classification),
                uc.plan.wave,
                uc.plan.effort_weeks,
                uc.next_step,
                uc.decision_date,
            ]
        )
        for kpi in uc.kpis:
            latest = kpi.measurements[-1] if kpi.measurements else None
            kpis.append(
                [
                    uc.id,
                    uc.title,
                    kpi.name,
                    t(f"label.kpi_level.{kpi.level}"),
                    kpi.unit,
                    _label(t, "team.export.direction", kpi.direction),
                    kpi.baseline,
                    kpi.target,
                    yes if kpi.north_star else no,
                    latest.value if latest else None,
                    latest.date if latest else None,
                    len(kpi.measurements),
                ]
            )
            for m in kpi.measurements:
                measurements.append([uc.id, uc.title, kpi.name, kpi.unit, m.date, m.value, m.note])
        months = uc.costs.horizon_months
        for kind, lines, factor in (
            ("one_off", uc.costs.one_off, 1),
            ("monthly", uc.costs.monthly, months),
        ):
            for line in lines:
                costs.append(
                    [
                        uc.id,
                        uc.title,
                        t(f"team.export.cost_kind.{kind}"),
                        t(f"label.cost.{line.family}"),
                        line.label,
                        line.amount_eur,
                        months,
                        line.amount_eur * factor,
                    ]
                )
        for d in uc.decisions:
            decisions.append(
                [uc.id, uc.title, d.date, t(f"label.decision.{d.decision}"), d.by, d.note]
            )

    def cols(*spec: tuple[str, str]) -> tuple[Column, ...]:
        return tuple(Column(f"team.export.col.{key}", kind) for key, kind in spec)

    head = (("id", "id"), ("usecase", "long"))
    return [
        Sheet(
            "team.export.sheet.portfolio",
            cols(
                *head,
                ("status", "text"),
                ("category", "text"),
                ("owner", "text"),
                ("sponsor", "text"),
                ("north_star", "long"),
                ("unit", "text"),
                ("baseline", "number"),
                ("target", "number"),
                ("last_value", "number"),
                ("gain", "long"),
                ("annual_gain", "euro"),
                ("tco", "euro"),
                ("data", "long"),
                ("risk", "text"),
                ("data_class", "text"),
                ("wave", "integer"),
                ("effort_weeks", "number"),
                ("next_step", "long"),
                ("decision_date", "date"),
            ),
            portfolio,
        ),
        Sheet(
            "team.export.sheet.kpis",
            cols(
                *head,
                ("kpi", "long"),
                ("level", "text"),
                ("unit", "text"),
                ("direction", "text"),
                ("baseline", "number"),
                ("target", "number"),
                ("is_north_star", "text"),
                ("last_value", "number"),
                ("last_date", "date"),
                ("measurement_count", "integer"),
            ),
            kpis,
        ),
        Sheet(
            "team.export.sheet.measurements",
            cols(
                *head,
                ("kpi", "long"),
                ("unit", "text"),
                ("date", "date"),
                ("value", "number"),
                ("note", "long"),
            ),
            measurements,
        ),
        Sheet(
            "team.export.sheet.costs",
            cols(
                *head,
                ("cost_kind", "text"),
                ("family", "text"),
                ("cost_label", "long"),
                ("amount", "euro"),
                ("horizon", "integer"),
                ("over_horizon", "euro"),
            ),
            costs,
        ),
        Sheet(
            "team.export.sheet.decisions",
            cols(
                *head,
                ("date", "date"),
                ("decision", "text"),
                ("by", "text"),
                ("note", "long"),
            ),
            decisions,
        ),
    ]


def export_xlsx(register: Register, t: Translator) -> bytes:
    """The workbook: the sponsor sheets (headers in ``t``'s language, filter row, frozen
    header, widths, number formats), then a hidden sheet with every field under its
    register name that ``aip import`` reads back. Text cells are typed as text, so a title
    starting with ``=`` stays text and never becomes a formula."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDE6F0")
    wrap = Alignment(wrap_text=True, vertical="top")

    def text_cell(sheet: Any, value: Any) -> Any:
        cell = WriteOnlyCell(sheet, value=value)
        if isinstance(value, str):
            cell.data_type = "s"
        return cell

    # aip import reads the first sheet: the hidden one, with the register's field names.
    data = workbook.create_sheet(DATA_SHEET)
    data.sheet_state = "hidden"
    data.append([text_cell(data, name) for name in header()])
    for row in rows(register):
        data.append([text_cell(data, value) for value in row])

    for spec in sponsor_sheets(register, t):
        sheet = workbook.create_sheet(_sheet_title(t(spec.title)))
        last = get_column_letter(len(spec.columns))
        sheet.freeze_panes = f"{get_column_letter(spec.frozen_columns + 1)}2"
        sheet.auto_filter.ref = f"A1:{last}{len(spec.rows) + 1}"
        for index, column in enumerate(spec.columns, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = WIDTHS[column.kind]
        head = []
        for column in spec.columns:
            cell = text_cell(sheet, t(column.label))
            cell.font, cell.fill, cell.alignment = bold, fill, wrap
            head.append(cell)
        sheet.append(head)
        for values in spec.rows:
            cells = []
            for column, value in zip(spec.columns, values, strict=True):
                cell = text_cell(sheet, value)
                if value is not None and column.kind in FORMATS:
                    cell.number_format = FORMATS[column.kind]
                cells.append(cell)
            sheet.append(cells)
    # Open on the portfolio, never on the hidden sheet.
    workbook.active = 1
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def _sheet_title(text: str) -> str:
    """Sheet names: at most 31 characters, none of ``[]:*?/\\``."""
    return "".join(c for c in text if c not in "[]:*?/\\")[:31]


def write_export(path: Path, content: str | bytes) -> None:
    """Write an export atomically, creating its folder; a new file gets the usual mode
    (``0o666`` less the umask), an existing one keeps its own."""
    from aiportfolio.register.roundtrip import atomic_write

    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, content)
