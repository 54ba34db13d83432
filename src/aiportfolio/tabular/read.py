"""Reading the rows of a CSV or XLSX file for ``aip import``, within limits: rows, columns,
characters in memory, CSV line length and the unzipped size of an XLSX (a zip bomb is
refused from its zip directory before anything is parsed). Rows are numbered as a
spreadsheet shows them; header rows (several, merged cells) give the column names."""

from __future__ import annotations

import csv
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aiportfolio.errors import UsageError
from aiportfolio.message import Message, Text
from aiportfolio.tabular.csvsafe import unsafe_cell

if TYPE_CHECKING:
    from aiportfolio.tabular.mapping import Mapping

Progress = Callable[[str, int, "int | None"], None]
"""``progress(phase, done, total)``: phase is ``read``, ``validate``, ``duplicates`` (the
CLI adds ``write``); ``total`` is ``None`` while unknown (rows of a file being read)."""


PROGRESS_EVERY = 250
"""Rows or texts between two progress calls."""


@dataclass
class Table:
    columns: list[str]
    rows: list[tuple[int, list[Any]]]
    """(row number in the file, cells)."""
    warnings: list[Text] = field(default_factory=list)


def _header_name(value: Any) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index + 1))


def _headers(header_rows: list[list[Any]]) -> list[str]:
    width = max((len(r) for r in header_rows), default=0)
    names: list[str] = []
    seen: dict[str, int] = {}
    for i in range(width):
        parts: list[str] = []
        for row in header_rows:
            part = _header_name(row[i]) if i < len(row) else ""
            if part and part not in parts:
                parts.append(part)
        name = " / ".join(parts) or f"column {_column_letter(i)}"
        if name in seen:
            seen[name] += 1
            name = f"{name} ({seen[name]})"
        else:
            seen[name] = 1
        names.append(name)
    return names


MAX_SHEET_ROWS = 100_000


MAX_SHEET_COLUMNS = 500
"""A register holds at most thousands of use cases with a few hundred fields."""


MAX_TEXT = 24_000_000
"""Bytes that the cells' text takes in memory (Python stores a text of Latin-1
characters in 1 byte a character, 2 with a character such as ’ or €, 4 with an emoji):
about 24 million characters of plain text, 12 million with typographic apostrophes. A
3,600-row inventory with long texts has about 7 million characters. With the rows
converted, validated and written, an import stays under 300 MB whatever the file."""


MAX_LINE = 4_000_000
"""Characters of one CSV line (a row without line breaks in its cells)."""


MAX_SHEET_XML = 256_000_000


MAX_PART_XML = 64_000_000


MAX_UNZIPPED = 1_000_000_000
"""Uncompressed sizes in an XLSX file: a worksheet, any other part (shared strings,
styles...), the whole; a zip bomb is refused before anything is parsed."""


class _Budget:
    """Rows, columns and characters of a file being read: past a limit, a clear usage
    error, before memory grows."""

    def __init__(self, path: Path, progress: Progress | None) -> None:
        self.path = path
        self.progress = progress
        self.chars = 0

    def too_large(self, detail: Message) -> UsageError:
        return UsageError(
            Message(
                "import.file_too_large",
                {
                    "path": self.path,
                    "detail": detail,
                    "rows": MAX_SHEET_ROWS,
                    "columns": MAX_SHEET_COLUMNS,
                    "size": MAX_TEXT // 1_000_000,
                },
            )
        )

    def row(self, number: int, cells: list[Any]) -> list[Any]:
        if number > MAX_SHEET_ROWS:
            raise self.too_large(Message("import.limit.rows", {"rows": MAX_SHEET_ROWS}))
        while cells and blank(cells[-1]):
            cells.pop()
        if len(cells) > MAX_SHEET_COLUMNS:
            detail = Message("import.limit.columns", {"row": number, "columns": len(cells)})
            raise self.too_large(detail)
        self.chars += sum(sys.getsizeof(c) for c in cells if isinstance(c, str))
        if self.chars > MAX_TEXT:
            size = MAX_TEXT // 1_000_000
            raise self.too_large(Message("import.limit.text", {"row": number, "size": size}))
        if self.progress is not None and number % PROGRESS_EVERY == 0:
            self.progress("read", number, None)
        return cells


def _csv_lines(handle: Any, budget: _Budget) -> Any:
    """The lines of an open CSV file, each refused past ``MAX_LINE`` characters (a
    single line of a gigabyte would otherwise be read at once)."""
    count = 0
    while True:
        line = handle.readline(MAX_LINE + 1)
        if not line:
            return
        count += 1
        if len(line) > MAX_LINE:
            raise budget.too_large(Message("import.limit.line", {"line": count, "chars": MAX_LINE}))
        yield line


def _read_csv(path: Path, spec: Mapping, progress: Progress | None) -> Table:
    try:
        return _read_csv_as(path, spec, progress, "utf-8-sig")
    except UnicodeDecodeError:
        table = _read_csv_as(path, spec, progress, "cp1252")
        table.warnings.append(Message("import.cp1252", {"path": path}))
        return table


def _unreadable(path: Path, detail: Text | str) -> UsageError:
    return UsageError(Message("import.unreadable", {"path": path, "detail": detail}))


def _read_csv_as(path: Path, spec: Mapping, progress: Progress | None, encoding: str) -> Table:
    """The file streamed (never read whole), rows kept within ``_Budget``."""
    budget = _Budget(path, progress)
    errors = "replace" if encoding == "cp1252" else "strict"
    with path.open(encoding=encoding, errors=errors, newline="") as handle:
        delimiter = spec.delimiter
        if delimiter is None:
            # The header line decides: the candidate it contains most often (csv.Sniffer
            # guesses wrong on French text with apostrophes).
            head = next((line for line in _csv_lines(handle, budget) if line.strip()), "")
            delimiter = max((",", ";", "\t"), key=lambda c: (head.count(c), c == ","))
            handle.seek(0)
        reader = csv.reader(_csv_lines(handle, budget), delimiter=delimiter)
        records: list[tuple[int, list[Any]]] = []
        last_header = spec.header_row + spec.header_rows - 1
        number = 0
        try:
            # Rows are numbered as a spreadsheet shows them: a cell with line breaks is
            # one row, not several file lines.
            for number, record in enumerate(reader, start=1):
                # Cells quoted against formula injection by `aip export` lose that "'".
                cells = list(record) if number <= last_header else [unsafe_cell(c) for c in record]
                records.append((number, budget.row(number, cells)))
        except csv.Error as exc:  # e.g. a cell over the csv module's field size limit
            detail = Message("import.row", {"row": number + 1}) + f": {exc}"
            raise _unreadable(path, detail) from None
    return _split(records, spec, [])


def _check_zip(path: Path, budget: _Budget) -> None:
    """Refuse an XLSX whose parts expand past the limits (a zip bomb: 1.6 MB that
    inflate to 750 MB of XML), from the sizes its zip directory declares (reading a part
    never returns more than its declared size)."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        detail = type(exc).__name__
        raise _unreadable(path, detail) from None
    total = 0
    for part in parts:
        limit = MAX_SHEET_XML if part.filename.startswith("xl/worksheets/") else MAX_PART_XML
        total += part.file_size
        if part.file_size > limit or total > MAX_UNZIPPED:
            size = max(part.file_size, total) // 1_000_000
            unzipped = {"part": part.filename, "size": size}
            raise budget.too_large(Message("import.limit.unzipped", unzipped))


def _merged_header_cells(sheet: Any, last_header: int) -> dict[tuple[int, int], tuple[int, int]]:
    """(row, column) -> the top-left cell of its merged range, for header cells. The
    streaming reader does not give merged ranges: they are read from the sheet's XML
    (after its rows), element by element."""
    from xml.etree.ElementTree import iterparse

    from openpyxl.utils.cell import range_boundaries

    path = getattr(sheet, "_worksheet_path", None)
    archive = getattr(sheet.parent, "_archive", None)
    if path is None or archive is None:
        return {}
    origin: dict[tuple[int, int], tuple[int, int]] = {}
    with archive.open(path) as source:
        for _, element in iterparse(source):
            if element.tag.endswith("}mergeCell"):
                min_col, min_row, max_col, max_row = range_boundaries(element.get("ref", ""))
                if min_row is not None and min_row <= last_header:
                    for row in range(min_row, min(max_row or min_row, last_header) + 1):
                        for col in range(min_col or 1, min(max_col or 1, MAX_SHEET_COLUMNS) + 1):
                            origin[(row, col)] = (min_row, min_col or 1)
            element.clear()
    return origin


def _read_xlsx(path: Path, spec: Mapping, progress: Progress | None) -> Table:
    from openpyxl import load_workbook

    budget = _Budget(path, progress)
    _check_zip(path, budget)
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for broken files
        raise _unreadable(path, type(exc).__name__) from None
    try:
        if spec.sheet is not None and spec.sheet not in workbook.sheetnames:
            sheets = {"sheet": spec.sheet, "sheets": ", ".join(workbook.sheetnames)}
            raise _unreadable(path, Message("import.no_sheet", sheets))
        sheet = workbook[spec.sheet] if spec.sheet else workbook.worksheets[0]
        declared_rows, declared_columns = sheet.max_row or 0, sheet.max_column or 0
        if declared_rows > MAX_SHEET_ROWS or declared_columns > MAX_SHEET_COLUMNS:
            # One stray cell at XFD1048576 would make the sheet 17 billion cells to walk.
            detail = Message(
                "import.declared_size", {"rows": declared_rows, "columns": declared_columns}
            )
            params = {
                "path": path,
                "detail": detail,
                "rows": MAX_SHEET_ROWS,
                "columns": MAX_SHEET_COLUMNS,
            }
            raise UsageError(Message("import.too_large", params))
        # Rows as stored (not padded to the declared width), streamed: the limits apply
        # as they are read, whatever the file declares.
        sheet.reset_dimensions()
        records: list[tuple[int, list[Any]]] = []
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            records.append((number, budget.row(number, list(row))))
        last_header = spec.header_row + spec.header_rows - 1
        # Merged header cells: every cell of the range takes the top-left value.
        origin = _merged_header_cells(sheet, last_header)
        cells_at = {number: cells for number, cells in records[:last_header]}
        for (row, col), (top, left) in origin.items():
            cells = cells_at.get(row)
            source = cells_at.get(top, [])
            if cells is not None and left - 1 < len(source):
                cells.extend([None] * (col - len(cells)))
                cells[col - 1] = source[left - 1]
    finally:
        workbook.close()
    return _split(records, spec, [])


def blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _split(records: list[tuple[int, list[Any]]], spec: Mapping, warnings: list[Text]) -> Table:
    first = spec.header_row - 1
    heads = [cells for _, cells in records[first : first + spec.header_rows]]
    columns = _headers(heads)
    data = [
        (number, cells)
        for number, cells in records[first + spec.header_rows :]
        if not all(blank(c) for c in cells)
    ]
    return Table(columns, data, warnings)


def read_table(path: Path, spec: Mapping, progress: Progress | None = None) -> Table:
    if not path.is_file():
        raise UsageError(Message("error.path_not_found", {"path": path}))
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path, spec, progress)
    if suffix in (".csv", ".txt", ".tsv"):
        return _read_csv(path, spec, progress)
    raise UsageError(Message("import.format", {"path": path}))
