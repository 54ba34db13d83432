"""The output formats of each command: the one list that both the ``--format`` choices of
the CLI and the reporter registries (``REPORTERS`` dicts) are built from.

Names are the same everywhere: ``table`` (terminal), ``md`` (Markdown), ``json``,
``csv``. Standard library only: the CLI imports this module at start-up, before any
engine or reporter (which stay lazy imports).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import Enum
from typing import Any

SCORE = ("table", "json", "csv", "md")
"""``aip score`` (ranking and ``--matrix``) and ``aip balance``."""
EXPLAIN = ("table", "json", "md")
"""``aip score --explain`` (no CSV: one entry is not a table of rows)."""
TABLE = ("table", "md", "csv")
"""``aip table``."""
STEER = ("table", "md", "json")
"""``aip tco``, ``aip dashboard``, ``aip doctor``."""
DIFF = ("table", "md", "json")
"""``aip diff``."""
COMPLIANCE = ("table", "md", "json")
"""``aip compliance``."""


def choices(name: str, formats: Sequence[str]) -> type[Enum]:
    """A ``str`` Enum whose members are ``formats`` (for a typer ``--format`` option)."""
    return Enum(name, {f: f for f in formats}, type=str)  # type: ignore[return-value]


def checked(formats: Sequence[str], reporters: Mapping[str, Any]) -> None:
    """Fail at import when a reporter registry and its format list drift apart."""
    if tuple(reporters) != tuple(formats):
        raise RuntimeError(f"reporters {tuple(reporters)} do not match formats {tuple(formats)}")
