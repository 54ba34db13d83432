"""The flat view of a use case used by ``aip export`` and ``aip import``: one column per
leaf field (``owner.name``, ``risk.level``...), lists of plain values as one cell, and
structured lists/maps (``kpis``, ``scores``, ``decisions``...) as JSON cells."""

from __future__ import annotations

import datetime as dt
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


def _walk(model: type[BaseModel], prefix: tuple[str, ...]) -> list[Field]:
    fields: list[Field] = []
    for name, info in model.model_fields.items():
        kind = _kind(info.annotation)
        if isinstance(kind, type):
            fields.extend(_walk(kind, (*prefix, name)))
        else:
            fields.append(Field((*prefix, name), kind))
    return fields


FIELDS: tuple[Field, ...] = tuple(_walk(UseCase, ()))
BY_NAME: dict[str, Field] = {f.name: f for f in FIELDS}
