"""CSV cells that a spreadsheet never runs as formulas (CSV injection, OWASP advice).

A text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is
written with one leading ``'``, which spreadsheets read as "text". Plain numbers (``-5``,
``+1.5e3``) are left alone: they cannot be formulas. A text that already starts with
``'`` before such a character gets one more ``'``, so ``unsafe_cell`` (used by
``aip import``) always gives back the exact original text.

Every CSV writer of aip passes its text cells through ``safe_cell`` (or ``safe_row``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


def _needs_quote(text: str) -> bool:
    return text.lstrip("'").startswith(TRIGGERS)


def safe_cell(value: Any) -> Any:
    """``value`` with a leading ``'`` when a spreadsheet would read it as a formula.
    Non-text values (numbers, ``None``...) are returned unchanged."""
    if not isinstance(value, str) or not _needs_quote(value):
        return value
    if not value.startswith("'") and _NUMBER.fullmatch(value):
        return value
    return "'" + value


def safe_row(values: Iterable[Any]) -> list[Any]:
    """``safe_cell`` on every value of a row."""
    return [safe_cell(v) for v in values]


def unsafe_cell(text: str) -> str:
    """The original text of a cell written by ``safe_cell`` (one ``'`` removed)."""
    if text.startswith("'") and _needs_quote(text[1:]):
        return text[1:]
    return text
