"""One spreadsheet row of ``aip import`` through the mapping: cells converted and
translated, item lists (KPIs, costs, decisions) built column by column, the use-case data
and its validation messages, with the row number the spreadsheet shows."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from aiportfolio.message import Message, Text
from aiportfolio.problem import Problem
from aiportfolio.tabular.fields import ITEM_LISTS, resolve
from aiportfolio.tabular.mapping import (
    CellError,
    FieldSpec,
    Mapping,
    cell_value,
    convert,
    cut_text,
    normalise_id,
    to_text,
    translate,
)


@dataclass(frozen=True)
class RowMessage:
    """What ``aip import`` says about one row of the file (its reporter translates it)."""

    row: int
    message: Text
    is_error: bool


@dataclass
class Row:
    number: int
    data: dict[str, Any]
    usecase_id: str | None
    title: str = ""
    problem: str = ""
    leaves: list[tuple[tuple[str, ...], Any]] = field(default_factory=list)
    """The mapped values set, by path (``("kpis", "0", "name")``): what ``--update``
    changes."""


def set_at(data: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    node = data
    for key in path[:-1]:
        node = node.setdefault(key, {})
    node[path[-1]] = value


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


def build_row(
    number: int,
    cells: list[Any],
    specs: dict[str, FieldSpec],
    index: dict[str, int],
    mapping: Mapping,
    messages: list[RowMessage],
) -> Row | None:
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
            raw, column = cell_value(spec, cells, index, spec.join)
        raw = translate(spec, raw)
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
                    control = Message("import.control_chars", {"column": column})
                    messages.append(RowMessage(number, control, False))
                if not value:
                    continue
                if name == "id":
                    normal = normalise_id(value)
                    value = normal or value
                    usecase_id = normal
                if spec.truncate is not None and len(value) > spec.truncate:
                    params = {"column": column, "length": len(value), "max": spec.truncate}
                    messages.append(RowMessage(number, Message("import.truncated", params), False))
                    value = cut_text(value, spec.truncate)
            else:
                converted = convert(fld.kind, raw, mapping.separator)
                if fld.kind == "list" and spec.values:
                    converted = [v for v in (translate(spec, i) for i in converted) if v]
                value = converted
        except CellError as exc:
            bad.append(fld.path)
            kind = Message(f"import.kind.{exc.kind}")
            params = {"column": column, "value": str(raw)[:80], "kind": kind, "field": name}
            messages.append(RowMessage(number, Message("import.cell_type", params), True))
            continue
        set_at(data, fld.path, value)
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
        messages.extend(_other_problems(number, trial, bad))
        return None
    return Row(
        number,
        data,
        usecase_id,
        str(data.get("title", "")),
        str(data.get("problem", "")),
        leaves,
    )


def _other_problems(
    number: int, data: dict[str, Any], bad: list[tuple[str, ...]]
) -> list[RowMessage]:
    """Schema problems of a row whose cells in ``bad`` could not be converted, those cells
    left out."""
    from aiportfolio.model.usecase import UseCase
    from aiportfolio.register.loader import validation_problems

    try:
        UseCase.model_validate(data)
    except ValidationError as exc:
        return [
            RowMessage(number, _with_hint(p), True)
            for p in validation_problems(exc, UseCase, "")
            if not any(tuple(str(k) for k in p.loc[: len(path)]) == path for path in bad)
        ]
    return []


def validation_messages(row: int, exc: ValidationError) -> list[RowMessage]:
    from aiportfolio.model.usecase import UseCase
    from aiportfolio.register.loader import validation_problems

    return [RowMessage(row, _with_hint(p), True) for p in validation_problems(exc, UseCase, "")]


def _with_hint(problem: Problem) -> Text:
    """A schema problem as a row message: its text, then its hint in parentheses."""
    if problem.hint is None:
        return problem.message
    return problem.message + " (" + problem.hint + ")"
