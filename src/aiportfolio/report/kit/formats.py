"""The ``--format`` choices of the CLI, derived from each command's reporter registry.

A command's reporter module holds the one list of its formats: its ``REPORTERS`` dict
(``report/kit/reporter.py``). ``registry_choices`` turns it into the type of a typer
``--format`` option without importing the reporter module: typer lists the choices by
iterating the type, and only when it needs them (the command's ``--help``, shell
completion, a ``--format`` value to check). ``aip --help`` and the other commands never
import a reporter. Names are the same everywhere: ``table`` (terminal), ``md`` (Markdown),
``json``, ``csv``.

Standard library only: the CLI imports this module at start-up.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Sequence
from enum import Enum, EnumMeta
from typing import Any


def choices(name: str, values: Sequence[str]) -> type[Enum]:
    """A ``str`` Enum whose members are ``values`` (a typer option over a vocabulary)."""
    return Enum(name, {v: v for v in values}, type=str)  # type: ignore[return-value]


def registry_names(module: str) -> tuple[str, ...]:
    """The format names of ``module``'s ``REPORTERS`` registry, in its order."""
    return tuple(importlib.import_module(module).REPORTERS)


class _FromRegistry(EnumMeta):
    """Iterating a ``--format`` type (what typer does to list its choices) reads the
    reporter registry then; the type itself has no members."""

    def __iter__(cls) -> Iterator[Any]:
        return iter((*cls.__dict__["aip_first"], *registry_names(cls.__dict__["aip_module"])))

    def __len__(cls) -> int:
        return len(tuple(iter(cls)))


def registry_choices(name: str, module: str, *, first: Sequence[str] = ()) -> type[Enum]:
    """The type of a ``--format`` option offering the keys of ``module``'s ``REPORTERS``
    (after the names in ``first``, such as ``auto`` which picks a reporter itself). The
    option's value is the chosen name, a ``str``."""

    class Formats(str, Enum, metaclass=_FromRegistry):
        pass

    Formats.__name__ = Formats.__qualname__ = name
    type.__setattr__(Formats, "aip_module", module)
    type.__setattr__(Formats, "aip_first", tuple(first))
    return Formats
