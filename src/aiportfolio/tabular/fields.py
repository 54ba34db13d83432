"""The flat view of a use case used by ``aip export`` and ``aip import``: one column per
leaf field (``owner.name``, ``risk.level``...), lists of plain values as one cell, and
structured lists/maps (``kpis``, ``scores``, ``decisions``...) as JSON cells."""

from __future__ import annotations

import datetime as dt
import re
import types
import typing
from dataclasses import dataclass
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from aiportfolio.model.usecase import UseCase


@dataclass(frozen=True)
class Field:
    path: tuple[str, ...]
    kind: str
    """text, number, integer, bool, date, list (of text) or json."""
    paragraphs: bool = False
    """Free text that may hold several lines and paragraphs (``problem``, notes...);
    other text fields (titles, names, units, enumerations) are one line."""

    @property
    def name(self) -> str:
        return ".".join(self.path)


def _unwrap(annotation: Any) -> Any:
    """Drop ``None`` from optionals and ``Annotated`` wrappers."""
    origin = get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(get_args(annotation)[0])
    if origin in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        return _unwrap(args[0]) if len(args) == 1 else annotation
    return annotation


def _kind(annotation: Any) -> str | type[BaseModel]:
    base = _unwrap(annotation)
    origin = get_origin(base)
    if isinstance(base, type) and issubclass(base, BaseModel):
        return base
    if origin is list:
        item = _unwrap(get_args(base)[0])
        simple = item is str or get_origin(item) is Literal
        return "list" if simple else "json"
    if origin is dict:
        return "json"
    if origin is Literal or base is str:
        return "text"
    if base is bool:
        return "bool"
    if base is int:
        return "integer"
    if base is float:
        return "number"
    if base is dt.date:
        return "date"
    return "text"


def _long(metadata: Any) -> bool:
    return any((getattr(m, "max_length", None) or 0) > 200 for m in metadata)


def _paragraphs(annotation: Any) -> bool:
    """``Text`` (up to 4,000 characters), not ``ShortText`` (200) nor an enumeration."""
    origin = get_origin(annotation)
    if origin is typing.Annotated:
        return _long(annotation.__metadata__) or _paragraphs(get_args(annotation)[0])
    if origin in (Union, types.UnionType):
        return any(_paragraphs(a) for a in get_args(annotation) if a is not type(None))
    return False


def _walk(model: type[BaseModel], prefix: tuple[str, ...]) -> list[Field]:
    fields: list[Field] = []
    for name, info in model.model_fields.items():
        kind = _kind(info.annotation)
        if isinstance(kind, type):
            fields.extend(_walk(kind, (*prefix, name)))
        else:
            # pydantic moves a required field's constraints to ``info.metadata``.
            paragraphs = kind == "text" and (_paragraphs(info.annotation) or _long(info.metadata))
            fields.append(Field((*prefix, name), kind, paragraphs))
    return fields


FIELDS: tuple[Field, ...] = tuple(_walk(UseCase, ()))
BY_NAME: dict[str, Field] = {f.name: f for f in FIELDS}


# --- fields an import mapping may name beyond the export's columns ----------------------------

ITEM_LISTS: dict[str, type[BaseModel]] = {}
"""Lists of structured items whose fields a mapping may read one column each:
``kpis.0.name``, ``costs.one_off.1.amount_eur``, ``decisions.0.date``."""
KEYED: dict[str, str] = {"scores": "integer", "estimates": "number"}
"""Maps whose entries a mapping may read one column each: ``scores.business_value``."""
MAX_ITEMS = 20
"""Item indexes 0 to 19: more KPIs or cost lines per row is not a spreadsheet."""


def _item_lists() -> dict[str, type[BaseModel]]:
    from aiportfolio.model.usecase import CostLine, Decision, Kpi

    return {
        "kpis": Kpi,
        "costs.one_off": CostLine,
        "costs.monthly": CostLine,
        "decisions": Decision,
    }


ITEM_LISTS.update(_item_lists())
_ITEM = re.compile(r"(kpis|costs\.one_off|costs\.monthly|decisions)\.([0-9]{1,2})\.([a-z_]+)")
_KEYED = re.compile(r"(scores|estimates)\.([a-z][a-z0-9_]{0,63})")


def resolve(name: str) -> Field | None:
    """The field a mapping names: an export column (``owner.name``), an item field of a
    list (``kpis.0.baseline``: path ``("kpis", "0", "baseline")``) or an entry of a
    keyed map (``scores.business_value``); ``None`` when there is no such field."""
    if name in BY_NAME:
        return BY_NAME[name]
    found = _ITEM.fullmatch(name)
    if found is not None and int(found[2]) < MAX_ITEMS:
        leaves = {f.name: f for f in _walk(ITEM_LISTS[found[1]], ())}
        leaf = leaves.get(found[3])
        if leaf is not None:
            path = (*found[1].split("."), found[2], *leaf.path)
            return Field(path, leaf.kind, leaf.paragraphs)
        return None
    found = _KEYED.fullmatch(name)
    if found is not None:
        return Field((found[1], found[2]), KEYED[found[1]])
    return None


def item_names() -> list[str]:
    """Examples of the item names, for "did you mean" hints."""
    names: list[str] = []
    for prefix, model in ITEM_LISTS.items():
        names += [f"{prefix}.0.{f.name}" for f in _walk(model, ())]
    return names


LIST_SEPARATOR = "|"
"""Between the items of a list field in one exported cell."""


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
