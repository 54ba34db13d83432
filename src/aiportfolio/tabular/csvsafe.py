"""CSV cells that a spreadsheet never runs as formulas (CSV injection, OWASP advice).

A text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is
written with one leading ``'``, which spreadsheets read as "text". So is each line of a
cell that holds line breaks (the ``csv`` module quotes such cells, but a reader that ends
rows on a bare CR or LF would start a new row there). Plain numbers (``-5``,
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


_LINE_BREAK = re.compile(r"(\r\n|\r|\n)")


def _needs_quote(text: str) -> bool:
    return text.lstrip("'").startswith(TRIGGERS)


def _safe_line(line: str) -> str:
    return "'" + line if _needs_quote(line) else line


def safe_cell(value: Any) -> Any:
    """``value`` with a leading ``'`` when a spreadsheet would read it as a formula, and
    on each later line that would start one. Non-text values (numbers, ``None``...) are
    returned unchanged."""
    if not isinstance(value, str):
        return value
    if _needs_quote(value) and (value.startswith("'") or not _NUMBER.fullmatch(value)):
        value = "'" + value
    if "\r" in value or "\n" in value:
        parts = _LINE_BREAK.split(value)
        parts[2::2] = [_safe_line(line) for line in parts[2::2]]
        value = "".join(parts)
    return value


def safe_row(values: Iterable[Any]) -> list[Any]:
    """``safe_cell`` on every value of a row."""
    return [safe_cell(v) for v in values]


def unsafe_cell(text: str) -> str:
    """The original text of a cell written by ``safe_cell`` (one ``'`` removed at its
    start and at the start of each later line that needed one)."""
    if "\r" in text or "\n" in text:
        parts = _LINE_BREAK.split(text)
        parts[2::2] = [_unsafe_line(line) for line in parts[2::2]]
        text = "".join(parts)
    return _unsafe_line(text)


def _unsafe_line(text: str) -> str:
    if text.startswith("'") and _needs_quote(text[1:]):
        return text[1:]
    return text
