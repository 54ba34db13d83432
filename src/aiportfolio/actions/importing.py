"""``aip import``: one use case per spreadsheet row, through a mapping file.

Two phases: every row is read, converted and validated first (per-row messages with the
row number of the file); only when no row has an error are files written, under the
register lock. Conversion is forgiving where spreadsheets are messy (stray spaces, BOM,
cp1252, decimal commas, Excel dates, yes/oui/ja, multi-value cells) and strict where a
guess would be wrong (unknown columns and fields are mapping errors, exit 2).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
import re
import sys
import unicodedata
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, ValidationError
from pydantic import Field as PydanticField

from aiportfolio.errors import UsageError
from aiportfolio.i18n import Translator
from aiportfolio.model.common import parse_number, strip_unsafe
from aiportfolio.model.vocabulary import NO, YES
from aiportfolio.register.loader import Register, suggest
from aiportfolio.tabular.csvsafe import unsafe_cell
from aiportfolio.tabular.fields import BY_NAME, FIELDS, ITEM_LISTS, item_names, resolve

Progress = Callable[[str, int, "int | None"], None]
"""``progress(phase, done, total)``: phase is ``read``, ``validate``, ``duplicates`` (the
CLI adds ``write``); ``total`` is ``None`` while unknown (rows of a file being read)."""

PROGRESS_EVERY = 250
"""Rows or texts between two progress calls."""


# --- the mapping file ------------------------------------------------------------------------


class FieldSpec(BaseModel):
    """Where one register field comes from."""

    model_config = ConfigDict(extra="forbid")

    column: str | None = None
    columns: list[str] | None = None
    """Several columns joined with ``join`` (blank ones skipped)."""
    join: str = "\n"
    constant: Any = None
    values: dict[str, Any] = {}
    """Translations of cell values, matched ignoring case and surrounding spaces."""
    default: Any = None
    """Used when the cell is blank (or translated to nothing by ``values``)."""
    truncate: Annotated[int, PydanticField(ge=1, le=4000)] | None = None
    """Text longer than this is cut at a word boundary and ends with "…" (a warning
    says so): a 300-character title in a 200-character field."""


class Mapping(BaseModel):
    model_config = ConfigDict(extra="forbid")

    sheet: str | None = None
    header_row: int = 1
    header_rows: int = 1
    delimiter: str | None = None
    separator: str = ";"
    """Separator of multi-value cells (``data.sources``, ``plan.depends_on``...)."""
    duplicate_ratio: float = 0.9
    fields: dict[str, str | FieldSpec]

    def specs(self) -> dict[str, FieldSpec]:
        return {
            name: FieldSpec(column=spec) if isinstance(spec, str) else spec
            for name, spec in self.fields.items()
        }

    def present(self, columns: list[str]) -> Mapping:
        """This mapping without the fields whose column(s) the file does not have: the
        default mapping reads any subset of the export's columns."""
        folded = {" ".join(c.split()).casefold() for c in columns}
        kept: dict[str, str | FieldSpec] = {}
        for name, spec in self.fields.items():
            full = FieldSpec(column=spec) if isinstance(spec, str) else spec
            wanted = full.columns or ([full.column] if full.column else [])
            if all(" ".join(c.split()).casefold() in folded for c in wanted):
                kept[name] = spec
        return self.model_copy(update={"fields": kept})


def default_mapping() -> Mapping:
    from aiportfolio.actions.export import export_mapping_text
    from aiportfolio.register.yamlio import parse_text

    data, _ = parse_text(export_mapping_text())
    return Mapping.model_validate(data)


def load_mapping(path: Path | None, t: Translator) -> Mapping:
    from aiportfolio.register.yamlio import read_yaml

    if path is None:
        return default_mapping()
    if not path.is_file():
        raise UsageError(t("error.path_not_found", path=path))
    data, issue = read_yaml(path)
    if issue is not None:
        detail = f"{issue.kind} (line {issue.line})"
        raise UsageError(t("import.mapping_invalid", path=path, detail=detail))
    try:
        mapping = Mapping.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        # A field is a column name or a FieldSpec: the FieldSpec's objection is the one
        # that helps when it is a mapping.
        first = next((e for e in errors if "FieldSpec" in e["loc"]), errors[0])
        where = ".".join(str(p) for p in first["loc"] if p != "FieldSpec")
        detail = f"{where}: {first['msg']}"
        raise UsageError(t("import.mapping_invalid", path=path, detail=detail)) from None
    for name in mapping.fields:
        if resolve(name) is None:
            close = suggest(name, [*BY_NAME, *item_names()])
            detail = t("import.unknown_field", field=name)
            if close:
                detail += " — " + t("schema.hint.did_you_mean", key=close)
            raise UsageError(t("import.mapping_invalid", path=path, detail=detail))
    for whole in [*ITEM_LISTS, "scores", "estimates"]:
        parts = [name for name in mapping.fields if name.startswith(whole + ".")]
        if whole in mapping.fields and parts:
            detail = t("import.whole_and_parts", whole=whole, part=parts[0])
            raise UsageError(t("import.mapping_invalid", path=path, detail=detail))
    return mapping


# --- reading the table -----------------------------------------------------------------------


@dataclass
class Table:
    columns: list[str]
    rows: list[tuple[int, list[Any]]]
    """(row number in the file, cells)."""
    warnings: list[str] = field(default_factory=list)


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

    def __init__(self, path: Path, t: Translator, progress: Progress | None) -> None:
        self.path = path
        self.t = t
        self.progress = progress
        self.chars = 0

    def too_large(self, detail: str) -> UsageError:
        return UsageError(
            self.t(
                "import.file_too_large",
                path=self.path,
                detail=detail,
                rows=MAX_SHEET_ROWS,
                columns=MAX_SHEET_COLUMNS,
                size=MAX_TEXT // 1_000_000,
            )
        )

    def row(self, number: int, cells: list[Any]) -> list[Any]:
        if number > MAX_SHEET_ROWS:
            raise self.too_large(self.t("import.limit.rows", rows=MAX_SHEET_ROWS))
        while cells and _blank(cells[-1]):
            cells.pop()
        if len(cells) > MAX_SHEET_COLUMNS:
            detail = self.t("import.limit.columns", row=number, columns=len(cells))
            raise self.too_large(detail)
        self.chars += sum(sys.getsizeof(c) for c in cells if isinstance(c, str))
        if self.chars > MAX_TEXT:
            size = MAX_TEXT // 1_000_000
            raise self.too_large(self.t("import.limit.text", row=number, size=size))
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
            raise budget.too_large(budget.t("import.limit.line", line=count, chars=MAX_LINE))
        yield line


def _read_csv(path: Path, spec: Mapping, t: Translator, progress: Progress | None) -> Table:
    try:
        return _read_csv_as(path, spec, t, progress, "utf-8-sig")
    except UnicodeDecodeError:
        table = _read_csv_as(path, spec, t, progress, "cp1252")
        table.warnings.append(t("import.cp1252", path=path))
        return table


def _read_csv_as(
    path: Path, spec: Mapping, t: Translator, progress: Progress | None, encoding: str
) -> Table:
    """The file streamed (never read whole), rows kept within ``_Budget``."""
    budget = _Budget(path, t, progress)
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
            detail = t("import.row", row=number + 1) + f": {exc}"
            raise UsageError(t("import.unreadable", path=path, detail=detail)) from None
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
        raise UsageError(budget.t("import.unreadable", path=path, detail=detail)) from None
    total = 0
    for part in parts:
        limit = MAX_SHEET_XML if part.filename.startswith("xl/worksheets/") else MAX_PART_XML
        total += part.file_size
        if part.file_size > limit or total > MAX_UNZIPPED:
            size = max(part.file_size, total) // 1_000_000
            detail = budget.t("import.limit.unzipped", part=part.filename, size=size)
            raise budget.too_large(detail)


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


def _read_xlsx(path: Path, spec: Mapping, t: Translator, progress: Progress | None) -> Table:
    from openpyxl import load_workbook

    budget = _Budget(path, t, progress)
    _check_zip(path, budget)
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for broken files
        raise UsageError(t("import.unreadable", path=path, detail=type(exc).__name__)) from None
    try:
        if spec.sheet is not None and spec.sheet not in workbook.sheetnames:
            detail = f"no sheet {spec.sheet!r} ({', '.join(workbook.sheetnames)})"
            raise UsageError(t("import.unreadable", path=path, detail=detail))
        sheet = workbook[spec.sheet] if spec.sheet else workbook.worksheets[0]
        declared_rows, declared_columns = sheet.max_row or 0, sheet.max_column or 0
        if declared_rows > MAX_SHEET_ROWS or declared_columns > MAX_SHEET_COLUMNS:
            # One stray cell at XFD1048576 would make the sheet 17 billion cells to walk.
            detail = f"{declared_rows} rows x {declared_columns} columns"
            raise UsageError(
                t(
                    "import.too_large",
                    path=path,
                    detail=detail,
                    rows=MAX_SHEET_ROWS,
                    columns=MAX_SHEET_COLUMNS,
                )
            )
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


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _split(records: list[tuple[int, list[Any]]], spec: Mapping, warnings: list[str]) -> Table:
    first = spec.header_row - 1
    heads = [cells for _, cells in records[first : first + spec.header_rows]]
    columns = _headers(heads)
    data = [
        (number, cells)
        for number, cells in records[first + spec.header_rows :]
        if not all(_blank(c) for c in cells)
    ]
    return Table(columns, data, warnings)


def read_table(path: Path, spec: Mapping, t: Translator, progress: Progress | None = None) -> Table:
    if not path.is_file():
        raise UsageError(t("error.path_not_found", path=path))
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path, spec, t, progress)
    if suffix in (".csv", ".txt", ".tsv"):
        return _read_csv(path, spec, t, progress)
    raise UsageError(t("import.format", path=path))


# --- converting cells ------------------------------------------------------------------------

_TRUE = YES | {"x", "1", "1.0"}
_FALSE = NO | {"0", "0.0", "-"}
_DATE_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y/%m/%d", "%d/%m/%y")
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_ID = re.compile(r"^UC[-_ ]?0*([0-9]{1,6})$", re.IGNORECASE)


class CellError(ValueError):
    """A cell that cannot become the field's type (``kind`` names it)."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


def to_number(value: Any) -> float:
    if isinstance(value, bool):
        raise CellError("number")
    if isinstance(value, int | float):
        return float(value)
    try:
        return parse_number(str(value))
    except ValueError:
        raise CellError("number") from None


def to_date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 1 <= value < 2958466:  # Excel serial day numbers
            return _EXCEL_EPOCH + dt.timedelta(days=int(value))
        raise CellError("date")
    text = str(value).strip()
    candidate = text.split("T")[0].split(" ")[0]
    try:
        return dt.date.fromisoformat(candidate)
    except ValueError:
        pass
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(candidate, fmt).date()
        except ValueError:
            continue
    if re.fullmatch(r"[0-9]{5}(\.0+)?", candidate):
        return to_date(float(candidate))
    raise CellError("date")


def to_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    key = str(value).strip().casefold()
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    raise CellError("bool")


def to_text(value: Any, paragraphs: bool = False) -> tuple[str, bool]:
    """Text of a cell; ``True`` when control characters had to be removed. Spaces are
    collapsed on each line. One-line text (``paragraphs`` false: titles, names...) has
    its line breaks folded into spaces; paragraphs keep their lines, and one blank line
    between paragraphs."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        value = value.date()
    if isinstance(value, dt.date):
        value = value.isoformat()
    text = str(value).replace("\r\n", "\n")
    for separator in ("\r", "\x85", "\u2028", "\u2029"):
        text = text.replace(separator, "\n")
    cleaned = strip_unsafe(text)
    lines = [" ".join(line.split()) for line in cleaned.split("\n")]
    if not paragraphs:
        return " ".join(line for line in lines if line), cleaned != text
    kept: list[str] = []
    for line in lines:
        if line or (kept and kept[-1]):
            kept.append(line)
    while kept and not kept[-1]:
        kept.pop()
    return "\n".join(kept), cleaned != text


def convert(kind: str, value: Any, separator: str) -> Any:
    if kind == "number":
        number = to_number(value)
        return int(number) if number.is_integer() and abs(number) < 1e15 else number
    if kind == "integer":
        number = to_number(value)
        if not number.is_integer():
            raise CellError("integer")
        return int(number)
    if kind == "bool":
        return to_bool(value)
    if kind == "date":
        return to_date(value)
    if kind == "json":
        if isinstance(value, list | dict):
            return value
        try:
            return json.loads(str(value))
        except ValueError:
            raise CellError("json") from None
    if kind == "list":
        if isinstance(value, list):
            return value
        text = str(value).strip()
        if text.startswith("["):
            try:
                parsed = json.loads(text)
                if isinstance(parsed, list):
                    return [str(v) for v in parsed]
            except ValueError:
                pass
        items = [to_text(v)[0] for v in re.split("|".join(map(re.escape, {separator, "\n"})), text)]
        return [item for item in items if item]
    return value


# --- rows -> use cases -----------------------------------------------------------------------


@dataclass(frozen=True)
class Message:
    row: int
    text: str
    is_error: bool


@dataclass
class ImportResult:
    edits: list[Any] = field(default_factory=list)
    messages: list[Message] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    rejected: list[int] = field(default_factory=list)
    """Row numbers of the rows with errors (no edit planned for them)."""

    @property
    def errors(self) -> int:
        return self.counts.get("errors", 0)


@dataclass
class _Row:
    number: int
    data: dict[str, Any]
    usecase_id: str | None
    title: str = ""
    problem: str = ""
    leaves: list[tuple[tuple[str, ...], Any]] = field(default_factory=list)
    """The mapped values set, by path (``("kpis", "0", "name")``): what ``--update``
    changes."""


def _set(data: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    node = data
    for key in path[:-1]:
        node = node.setdefault(key, {})
    node[path[-1]] = value


def _cell(spec: FieldSpec, cells: list[Any], index: dict[str, int], join: str) -> tuple[Any, str]:
    names = spec.columns or ([spec.column] if spec.column else [])
    values: list[Any] = []
    for name in names:
        position = index[name]
        value = cells[position] if position < len(cells) else None
        if not _blank(value):
            values.append(value.strip() if isinstance(value, str) else value)
    column = ", ".join(names)
    if not values:
        return None, column
    if len(values) == 1:
        return values[0], column
    return join.join(to_text(v, paragraphs=True)[0] for v in values), column


def _translate(spec: FieldSpec, value: Any) -> Any:
    if not spec.values or value is None:
        return value
    key = " ".join(str(value).split()).casefold()
    for source, target in spec.values.items():
        if " ".join(str(source).split()).casefold() == key:
            return target
    return value


def _column_index(table: Table, specs: dict[str, FieldSpec], t: Translator) -> dict[str, int]:
    index: dict[str, int] = {}
    folded = {" ".join(c.split()).casefold(): i for i, c in enumerate(table.columns)}
    for name, spec in specs.items():
        for column in spec.columns or ([spec.column] if spec.column else []):
            key = " ".join(column.split()).casefold()
            if key not in folded:
                raise UsageError(
                    t(
                        "import.unknown_column",
                        field=name,
                        column=column,
                        columns=", ".join(table.columns),
                    )
                )
            index[column] = folded[key]
    return index


def normalise_id(value: str) -> str | None:
    """The id of a cell (``uc 7``, ``UC_0042``, ``UC-42``) in the register's canonical
    form (``model.common.canonical_id``: ids compare by their number), or ``None``."""
    from aiportfolio.model.common import canonical_id

    match = _ID.match(value.strip())
    return canonical_id(f"UC-{match.group(1)}") if match else None


def _cut(text: str, limit: int) -> str:
    """``text`` in at most ``limit`` characters, cut at a word boundary when one is near,
    ending with "…"."""
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    space = head.rfind(" ")
    if space >= limit // 2:
        head = head[:space]
    return head.rstrip(" ,;:.-") + "…"


def _item_key(path: tuple[str, ...]) -> tuple[str, ...] | None:
    """``("kpis", "0")`` for an item field path ``("kpis", "0", "name")``."""
    digit = next((k for k, key in enumerate(path) if key.isdigit()), None)
    return None if digit is None else path[: digit + 1]


def _listify(data: dict[str, Any], filled: set[tuple[str, ...]]) -> None:
    """Item lists read column by column (``{"0": {...}, "2": {...}}``) become lists in
    index order. Items with no cell of their own (only constants or defaults, e.g. a
    KPI level given for every row) are dropped: that row has no such item."""
    for dotted in ITEM_LISTS:
        *parents, last = dotted.split(".")
        node: Any = data
        for key in parents:
            node = node.get(key) if isinstance(node, dict) else None
        if isinstance(node, dict) and isinstance(node.get(last), dict):
            items = node[last]
            path = tuple(dotted.split("."))
            node[last] = [items[k] for k in sorted(items, key=int) if (*path, k) in filled]
            if not node[last]:
                del node[last]
                if parents and not node:
                    _drop_empty(data, tuple(parents))


def _drop_empty(data: dict[str, Any], path: tuple[str, ...]) -> None:
    node: Any = data
    for key in path[:-1]:
        node = node[key]
    if not node[path[-1]]:
        del node[path[-1]]


def _build_row(
    number: int,
    cells: list[Any],
    specs: dict[str, FieldSpec],
    index: dict[str, int],
    mapping: Mapping,
    t: Translator,
    messages: list[Message],
) -> _Row | None:
    data: dict[str, Any] = {}
    leaves: list[tuple[tuple[str, ...], Any]] = []
    bad: list[tuple[str, ...]] = []
    filled: set[tuple[str, ...]] = set()
    usecase_id: str | None = None
    for name, spec in specs.items():
        fld = resolve(name)
        assert fld is not None  # checked by load_mapping
        if spec.constant is not None:
            raw, column = spec.constant, "constant"
        else:
            raw, column = _cell(spec, cells, index, spec.join)
        raw = _translate(spec, raw)
        item = _item_key(fld.path)
        if item is not None and raw is not None and spec.constant is None:
            filled.add(item)
        if raw is None:
            raw = spec.default
        if raw is None:
            continue
        try:
            if fld.kind == "text" and not isinstance(raw, bool):
                value, cleaned = to_text(raw, fld.paragraphs)
                if cleaned:
                    messages.append(
                        Message(number, t("import.control_chars", column=column), False)
                    )
                if not value:
                    continue
                if name == "id":
                    normal = normalise_id(value)
                    value = normal or value
                    usecase_id = normal
                if spec.truncate is not None and len(value) > spec.truncate:
                    text = t(
                        "import.truncated", column=column, length=len(value), max=spec.truncate
                    )
                    messages.append(Message(number, text, False))
                    value = _cut(value, spec.truncate)
            else:
                converted = convert(fld.kind, raw, mapping.separator)
                if fld.kind == "list" and spec.values:
                    converted = [v for v in (_translate(spec, i) for i in converted) if v]
                value = converted
        except CellError as exc:
            bad.append(fld.path)
            kind = t(f"import.kind.{exc.kind}")
            text = t("import.cell_type", column=column, value=str(raw)[:80], kind=kind, field=name)
            messages.append(Message(number, text, True))
            continue
        _set(data, fld.path, value)
        leaves.append((fld.path, value))
    _listify(data, filled)
    leaves = [(p, v) for p, v in leaves if _item_key(p) in (None, *filled)]
    if bad:
        # Report the schema's objections to the rest of the row too, so one pass over
        # the file shows every problem of the row.
        trial = dict(data)
        trial.setdefault("id", "UC-001")  # a blank id gets the next free one
        if "status" not in specs:
            trial["status"] = "idea"
        messages.extend(_other_problems(number, trial, bad, t))
        return None
    return _Row(
        number,
        data,
        usecase_id,
        str(data.get("title", "")),
        str(data.get("problem", "")),
        leaves,
    )


def _other_problems(
    number: int, data: dict[str, Any], bad: list[tuple[str, ...]], t: Translator
) -> list[Message]:
    """Schema problems of a row whose cells in ``bad`` could not be converted, those cells
    left out."""
    from aiportfolio.model.usecase import UseCase
    from aiportfolio.register.loader import validation_problems

    try:
        UseCase.model_validate(data)
    except ValidationError as exc:
        return [
            Message(number, p.message + (f" ({p.hint})" if p.hint else ""), True)
            for p in validation_problems(exc, UseCase, "", t)
            if not any(tuple(str(k) for k in p.loc[: len(path)]) == path for path in bad)
        ]
    return []


def _validation_messages(row: int, exc: ValidationError, t: Translator) -> list[Message]:
    from aiportfolio.model.usecase import UseCase
    from aiportfolio.register.loader import validation_problems

    return [
        Message(row, p.message + (f" ({p.hint})" if p.hint else ""), True)
        for p in validation_problems(exc, UseCase, "", t)
    ]


def _tidy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _tidy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_tidy(v) for v in value]
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)
    return value


def _norm(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return " ".join(re.findall(r"[a-z0-9]+", folded.lower()))


def _tokens(text: str) -> set[int]:
    """Words (cut to 6 letters, so plurals and endings match) and pairs of consecutive
    words of a normalised text, as CRC-32 numbers (small, and the same in every run)."""
    words = [w[:6] for w in text.split()]
    found = set(words)
    found.update(map(" ".join, pairwise(words)))
    return set(map(zlib.crc32, map(str.encode, found)))


def _prefix_size(count: int) -> int:
    """How many of a text's rarest tokens are indexed. Two texts are compared when they
    share at least half of their tokens (short texts: a title with one word changed) or
    three quarters (long texts, where a 10 % edit leaves most word pairs intact): with
    every text indexed by its ``count - needed + 1`` rarest tokens, such a pair always
    shares an indexed token (prefix filtering)."""
    needed = math.ceil(count * (0.5 if count <= 40 else 0.75))
    return count - needed + 1


BRUTE_FORCE_ROWS = 16
"""Up to this many new rows, each is compared with every earlier text (exact, and cheaper
than indexing a large register for a few rows)."""


def find_duplicates(
    candidates: list[tuple[str, str]],
    ratio: float,
    start: int = 0,
    tick: Callable[[int], None] | None = None,
) -> list[tuple[int, int, float]]:
    """Pairs ``(i, j, similarity)`` (i > j, i >= ``start``) of near-identical normalised
    texts: for each text from ``start`` on, the most similar earlier one whose similarity
    (rapidfuzz's normalised Indel similarity: 2 x common characters / total length)
    reaches ``ratio``. Exact duplicates always match (similarity 1).

    Near-linear: unless there are only a few new texts, texts are indexed by their
    rarest tokens (``_tokens``, ``_prefix_size``) and compared only with the texts they
    share an indexed token with. ``tick(n)`` is called as new texts are compared (``n``
    done so far)."""
    from rapidfuzz import process
    from rapidfuzz.distance import Indel

    texts = [_norm(text) for _, text in candidates]
    first: dict[str, int] = {}
    pairs: list[tuple[int, int, float]] = []
    if len(texts) - start <= BRUTE_FORCE_ROWS:
        for i, text in enumerate(texts):
            if tick is not None and i >= start:
                tick(i - start)
            if text and i >= start:
                if text in first:
                    pairs.append((i, first[text], 1.0))
                else:
                    found = process.extractOne(
                        text, texts[:i], scorer=Indel.normalized_similarity, score_cutoff=ratio
                    )
                    if found is not None:
                        pairs.append((i, found[2], found[1]))
            first.setdefault(text, i)
        return pairs
    # Two passes over the tokens (counted, then indexed) rather than all of them in
    # memory at once: a large inventory has millions.
    frequency: Counter[int] = Counter()
    for text in texts:
        frequency.update(_tokens(text))
    # Tokens found in one text only come first in the rarest-first order but can match
    # nothing: only the others are numbered, rarest first (ties by value: the same
    # prefixes in every run), from 1.
    shared = sorted((c, token) for token, c in frequency.items() if c > 1)
    del frequency
    rank = {token: r for r, (_, token) in enumerate(shared, start=1)}
    del shared
    postings: dict[int, list[int]] = {}
    # Indel similarity s <= 2 min / (a + b), so shorter / longer >= s / (2 - s).
    floor = ratio / (2 - ratio) if ratio < 1 else 1.0
    for i, text in enumerate(texts):
        if tick is not None and i >= start and (i - start) % PROGRESS_EVERY == 0:
            tick(i - start)
        if not text:
            continue
        own = _tokens(text)
        numbers = sorted(filter(None, map(rank.get, own)))
        unique = len(own) - len(numbers)
        prefix = numbers[: max(0, _prefix_size(len(own)) - unique)]
        if i >= start:
            if text in first:
                pairs.append((i, first[text], 1.0))
            else:
                others: set[int] = set()
                for token in prefix:
                    others.update(postings.get(token, ()))
                best: tuple[float, int] | None = None
                for j in sorted(others):
                    other = texts[j]
                    if min(len(text), len(other)) < floor * max(len(text), len(other)):
                        continue
                    score = Indel.normalized_similarity(text, other, score_cutoff=ratio)
                    if score >= ratio and (best is None or score > best[0]):
                        best = (score, j)
                if best is not None:
                    pairs.append((i, best[1], best[0]))
        first.setdefault(text, i)
        for token in prefix:
            postings.setdefault(token, []).append(i)
    return pairs


def import_rows(
    register: Register,
    table: Table,
    mapping: Mapping,
    t: Translator,
    *,
    update: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Validate every row, then plan the files to create or update (``result.edits``).
    Nothing is written here."""
    from aiportfolio.domain.ids import allocate_numbers, format_id, usecase_path, used_numbers
    from aiportfolio.model.usecase import UseCase

    specs = mapping.specs()
    index = _column_index(table, specs, t)
    messages: list[Message] = []
    rows: list[_Row] = []
    failed: set[int] = set()
    seen_ids: dict[str, int] = {}
    total = len(table.rows)
    for done, (number, cells) in enumerate(table.rows, start=1):
        if progress is not None and (done % PROGRESS_EVERY == 0 or done == total):
            progress("validate", done, total)
        row = _build_row(number, cells, specs, index, mapping, t, messages)
        if row is None:
            failed.add(number)
            continue
        if row.usecase_id is not None:
            if row.usecase_id in seen_ids:
                text = t("import.id_repeated", id=row.usecase_id, other=seen_ids[row.usecase_id])
                messages.append(Message(number, text, True))
                failed.add(number)
                continue
            seen_ids[row.usecase_id] = number
            if row.usecase_id in register.sources and not update:
                path = register.relpath(register.sources[row.usecase_id])
                messages.append(
                    Message(number, t("import.id_exists", id=row.usecase_id, path=path), True)
                )
                failed.add(number)
                continue
        rows.append(row)

    folder = register.root / "usecases"
    taken = used_numbers(folder) | {int(i[3:]) for i in seen_ids if normalise_id(i) is not None}
    # Ids for the blank-id rows must exist before any row is checked: the register has
    # run out of ids (UC-999999) is the first thing to say.
    allocate_numbers(taken, sum(1 for r in rows if r.usecase_id is None), t)
    by_title: dict[str, list[Any]] = {}
    for usecase in register.usecases:
        by_title.setdefault(_title_key(usecase.title), []).append(usecase)
    edits: list[Any] = []
    created = updated = unchanged = 0
    plans: list[_Row] = []
    new: list[tuple[_Row, Any]] = []
    for row in rows:
        try:
            if row.usecase_id is None:
                twin = _twin(by_title.get(_title_key(row.title), []), row)
                if twin is not None:
                    # Already imported (an earlier run of the same file): not again.
                    unchanged += 1
                    text = t("import.already_imported", id=twin)
                    messages.append(Message(row.number, text, False))
                    continue
            existing = register.sources.get(row.usecase_id) if row.usecase_id else None
            if existing is not None:
                edit = _plan_update(register, existing, row, t)
                refused = _status_gate(register, row, edit, t) if edit.changed else None
                if refused is not None:
                    messages.append(Message(row.number, refused, True))
                    failed.add(row.number)
                elif edit.changed:
                    updated += 1
                    edits.append(edit)
                else:
                    unchanged += 1
                continue
            if "status" not in specs:
                # No status column at all: a new use case starts as an idea (as `aip new`).
                row.data.setdefault("status", "idea")
            # A blank id is allocated once the row is known valid (no gaps for rejects).
            model = UseCase.model_validate({"id": row.usecase_id or "UC-000", **row.data})
            new.append((row, model))
        except ValidationError as exc:
            messages.extend(_validation_messages(row.number, exc, t))
            failed.add(row.number)
        except UsageError as exc:
            messages.append(Message(row.number, exc.message, True))
            failed.add(row.number)
    fresh = iter(allocate_numbers(taken, sum(1 for row, _ in new if row.usecase_id is None), t))
    for row, model in new:
        if row.usecase_id is None:
            row.usecase_id = format_id(next(fresh))
            model = model.model_copy(update={"id": row.usecase_id})
        edits.append(_plan_create(folder, model, usecase_path))
        created += 1
        plans.append(row)

    duplicates = _duplicates(register, plans, mapping.duplicate_ratio, t, progress)
    messages.extend(duplicates)
    messages.sort(key=lambda m: (m.row, not m.is_error))
    result = ImportResult(edits, messages)
    result.counts = {
        "rows": total,
        "created": created,
        "updated": updated,
        "unchanged": unchanged,
        "errors": len(failed),
        "duplicates": len(duplicates),
    }
    result.rejected = sorted(failed)
    return result


def rejects_csv(table: Table, result: ImportResult, t: Translator) -> str:
    """The rows of ``table`` that ``result`` rejected, as a CSV file: the file's columns
    (one header row), then the row number in the imported file and the reasons. The same
    mapping reads it back once the rows are fixed (the two added columns are not mapped).
    Text cells are quoted against formula injection, as every CSV that aip writes."""
    from aiportfolio.tabular.csvsafe import safe_row

    reasons: dict[int, list[str]] = {}
    for message in result.messages:
        if message.is_error:
            reasons.setdefault(message.row, []).append(message.text)
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


def _title_key(title: str) -> str:
    return " ".join(title.split()).casefold()


def _value_at(data: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        if isinstance(data, list) and key.isdigit() and int(key) < len(data):
            data = data[int(key)]
        elif isinstance(data, dict) and key in data:
            data = data[key]
        else:
            return None
    return data


def _twin(candidates: list[Any], row: _Row) -> str | None:
    """The id of the use case among ``candidates`` (same title) that holds every value
    the row maps: the row was imported before (re-running an import with blank ids
    creates nothing twice)."""
    for usecase in candidates:
        data = usecase.model_dump()
        if all(path == ("id",) or _value_at(data, path) == value for path, value in row.leaves):
            return str(usecase.id)
    return None


def _plan_create(folder: Path, model: Any, path_for: Callable[[Path, str, str], Path]) -> Any:
    from aiportfolio.actions.new import MODELINE
    from aiportfolio.actions.writing import FileEdit
    from aiportfolio.register.edit import emit_block

    data = _tidy(model.model_dump(exclude_unset=True, exclude_none=True))
    text = MODELINE + "\n".join(emit_block(data)) + "\n"
    return FileEdit(path_for(folder, model.id, model.title), None, text)


def _update_item(doc: Any, path: tuple[str, ...], item: dict[str, Any]) -> bool:
    """Set the fields of item ``path`` (``("kpis", "0")``) of an item list: the existing
    item's fields one by one (its other keys, comments and measurements kept), or a new
    item at the end of the list."""
    from aiportfolio.model.usecase import UseCase
    from aiportfolio.register.edit import append_item, set_value, submodel, to_roundtrip

    *list_path, position = path
    node: Any = doc
    model: Any = UseCase
    for key in list_path:
        node = node.get(key) if hasattr(node, "get") else None
        model = submodel(model, key)
    if hasattr(node, "append") and int(position) < len(node):
        changed = False
        for leaf, value in _flatten(item):
            changed = set_value(node[int(position)], leaf, value, model) or changed
        return changed
    if hasattr(node, "append"):
        append_item(node, to_roundtrip(item))
        return True
    return set_value(doc, tuple(list_path), [item], UseCase)


def _flatten(
    data: dict[str, Any], prefix: tuple[str, ...] = ()
) -> list[tuple[tuple[str, ...], Any]]:
    flat: list[tuple[tuple[str, ...], Any]] = []
    for key, value in data.items():
        if isinstance(value, dict) and value:
            flat.extend(_flatten(value, (*prefix, key)))
        else:
            flat.append(((*prefix, key), value))
    return flat


def _block(value: Any) -> Any:
    """Multi-line text as a literal block scalar (``|-``) when written by ruamel, as
    ``emit_block`` writes new files."""
    from ruamel.yaml.scalarstring import LiteralScalarString

    from aiportfolio.register.edit import literal_block_ok

    if isinstance(value, str) and literal_block_ok(value):
        return LiteralScalarString(value)
    return value


def _plan_update(register: Register, path: Path, row: _Row, t: Translator) -> Any:
    from aiportfolio.actions.writing import FileEdit, read_source, validate_text
    from aiportfolio.model.usecase import UseCase
    from aiportfolio.register.edit import set_value
    from aiportfolio.register.roundtrip import dump_preserving, load_roundtrip

    source = read_source(path)
    doc = load_roundtrip(source.text)
    changed = False
    items: dict[tuple[str, ...], dict[str, Any]] = {}
    for leaf, value in row.leaves:
        if leaf == ("id",):
            continue
        digit = next((k for k, key in enumerate(leaf) if key.isdigit()), None)
        value = _block(value)
        if digit is None:
            changed = set_value(doc, leaf, value, UseCase) or changed
        else:  # an item field: the item's fields are set together
            _set(items.setdefault(leaf[: digit + 1], {}), leaf[digit + 1 :], value)
    for item_path in sorted(items, key=lambda p: (p[:-1], int(p[-1]))):
        changed = _update_item(doc, item_path, items[item_path]) or changed
    before = source.raw.decode("utf-8")
    if not changed:
        return FileEdit(path, before, before)
    after = dump_preserving(doc, source.text)
    validate_text(after, register.relpath(path), t)
    return FileEdit(path, before, source.encode(after))


def _status_gate(register: Register, row: _Row, edit: Any, t: Translator) -> str | None:
    """A row that changes an entry's status must not make it fail the gate (as
    ``aip decide``): the refusal text naming the new errors, or ``None``."""
    from aiportfolio.actions.writing import validate_text
    from aiportfolio.analysis.gate import new_errors

    current = register.get(row.usecase_id or "")
    wanted = row.data.get("status")
    if current is None or wanted is None or wanted == current.status:
        return None
    rel = register.relpath(edit.path)
    text = edit.after.removeprefix("\ufeff").replace("\r\n", "\n")
    added = new_errors(register, current.id, validate_text(text, rel, t), text, dt.date.today())
    if not added:
        return None
    rules = ", ".join(sorted({p.rule for p in added}))
    details = "; ".join(f"[{p.rule}] {p.message}" for p in added)
    return t("gate.write.refused", id=current.id, rules=rules) + f": {details}"


def _duplicates(
    register: Register,
    rows: list[_Row],
    ratio: float,
    t: Translator,
    progress: Progress | None = None,
) -> list[Message]:
    messages: list[Message] = []
    existing = [(uc.id, uc.title, uc.problem or "") for uc in register.usecases]
    total = 2 * len(rows)
    for step, (what, pick) in enumerate((("title", 1), ("problem", 2))):
        if progress is not None:
            progress("duplicates", step * len(rows), total)
        entries = [(e[0], e[pick]) for e in existing] + [
            (f"row {r.number}", r.title if pick == 1 else r.problem) for r in rows
        ]
        offset = len(existing)
        done = step * len(rows)

        def tick(n: int, done: int = done) -> None:
            if progress is not None:
                progress("duplicates", done + n, total)

        for i, j, score in find_duplicates(entries, ratio, start=offset, tick=tick):
            row = rows[i - offset]
            if what == "problem" and len(_norm(row.problem)) < 20:
                continue
            other = entries[j][0] if j < offset else t("import.row", row=rows[j - offset].number)
            text = t(
                "import.duplicate",
                other=other,
                what=t(f"import.dup.{what}"),
                ratio=score,
                text=entries[i][1][:80],
            )
            messages.append(Message(row.number, text, False))
    if progress is not None:
        progress("duplicates", total, total)
    return messages


__all__ = ["FIELDS", "ImportResult", "Mapping", "import_rows", "load_mapping", "read_table"]
