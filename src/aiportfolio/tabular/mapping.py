"""The mapping file of ``aip import`` (which column gives which register field, with its
transforms: joined columns, constants, value translations, defaults, truncation) and the
conversion of cells to the fields' types (numbers, dates, yes/no, text, ids)."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import BaseModel, ConfigDict, ValidationError
from pydantic import Field as PydanticField

from aiportfolio.errors import UsageError
from aiportfolio.message import Message, Text
from aiportfolio.model.common import parse_number, strip_unsafe
from aiportfolio.model.vocabulary import NO, YES
from aiportfolio.register.loader import suggest
from aiportfolio.tabular.fields import BY_NAME, ITEM_LISTS, item_names, resolve
from aiportfolio.tabular.read import blank

if TYPE_CHECKING:
    from aiportfolio.tabular.read import Table


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
    from aiportfolio.register.yamlio import parse_text
    from aiportfolio.tabular.fields import export_mapping_text

    data, _ = parse_text(export_mapping_text())
    return Mapping.model_validate(data)


def load_mapping(path: Path | None) -> Mapping:
    from aiportfolio.register.yamlio import read_yaml

    if path is None:
        return default_mapping()
    if not path.is_file():
        raise UsageError(Message("error.path_not_found", {"path": path}))
    data, issue = read_yaml(path)
    if issue is not None:
        issue_at = Message("import.yaml_issue", {"kind": issue.kind, "line": issue.line})
        raise UsageError(_invalid(path, issue_at))
    try:
        mapping = Mapping.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        # A field is a column name or a FieldSpec: the FieldSpec's objection is the one
        # that helps when it is a mapping.
        first = next((e for e in errors if "FieldSpec" in e["loc"]), errors[0])
        where = ".".join(str(p) for p in first["loc"] if p != "FieldSpec")
        raise UsageError(_invalid(path, f"{where}: {first['msg']}")) from None
    for name in mapping.fields:
        if resolve(name) is None:
            close = suggest(name, [*BY_NAME, *item_names()])
            detail: Text = Message("import.unknown_field", {"field": name})
            if close:
                detail += " — " + Message("schema.hint.did_you_mean", {"key": close})
            raise UsageError(_invalid(path, detail))
    for whole in [*ITEM_LISTS, "scores", "estimates"]:
        parts = [name for name in mapping.fields if name.startswith(whole + ".")]
        if whole in mapping.fields and parts:
            detail = Message("import.whole_and_parts", {"whole": whole, "part": parts[0]})
            raise UsageError(_invalid(path, detail))
    return mapping


def _invalid(path: Path, detail: Text | str) -> Message:
    return Message("import.mapping_invalid", {"path": path, "detail": detail})


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


def cell_value(
    spec: FieldSpec, cells: list[Any], index: dict[str, int], join: str
) -> tuple[Any, str]:
    names = spec.columns or ([spec.column] if spec.column else [])
    values: list[Any] = []
    for name in names:
        position = index[name]
        value = cells[position] if position < len(cells) else None
        if not blank(value):
            values.append(value.strip() if isinstance(value, str) else value)
    column = ", ".join(names)
    if not values:
        return None, column
    if len(values) == 1:
        return values[0], column
    return join.join(to_text(v, paragraphs=True)[0] for v in values), column


def translate(spec: FieldSpec, value: Any) -> Any:
    if not spec.values or value is None:
        return value
    key = " ".join(str(value).split()).casefold()
    for source, target in spec.values.items():
        if " ".join(str(source).split()).casefold() == key:
            return target
    return value


def column_index(table: Table, specs: dict[str, FieldSpec]) -> dict[str, int]:
    index: dict[str, int] = {}
    folded = {" ".join(c.split()).casefold(): i for i, c in enumerate(table.columns)}
    for name, spec in specs.items():
        for column in spec.columns or ([spec.column] if spec.column else []):
            key = " ".join(column.split()).casefold()
            if key not in folded:
                params = {"field": name, "column": column, "columns": ", ".join(table.columns)}
                raise UsageError(Message("import.unknown_column", params))
            index[column] = folded[key]
    return index


def normalise_id(value: str) -> str | None:
    """The id of a cell (``uc 7``, ``UC_0042``, ``UC-42``) in the register's canonical
    form (``model.common.canonical_id``: ids compare by their number), or ``None``."""
    from aiportfolio.model.common import canonical_id

    match = _ID.match(value.strip())
    return canonical_id(f"UC-{match.group(1)}") if match else None


def cut_text(text: str, limit: int) -> str:
    """``text`` in at most ``limit`` characters, cut at a word boundary when one is near,
    ending with "…"."""
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    space = head.rfind(" ")
    if space >= limit // 2:
        head = head[:space]
    return head.rstrip(" ,;:.-") + "…"
