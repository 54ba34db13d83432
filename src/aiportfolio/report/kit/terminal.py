"""What the terminal reporters share: ``Terminal`` (how wide, whether colour is allowed),
``render_rich`` (rich renderables drawn into a string) and the one plain-text table of the
terminal reporters (score, explain, matrix, tco, dashboard, doctor, plan). Widths are
display cells (rich's ``cell_len``), never ``len()``: wide (CJK, emoji) and combining
characters still line up."""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from rich.cells import cell_len, chop_cells

__all__ = ["Terminal", "cell_len", "cut", "pad", "plain_table", "render_rich", "text_table"]


@dataclass(frozen=True)
class Terminal:
    """How a terminal reporter may draw: its width and whether colour is allowed."""

    width: int = 100
    color: bool = False


def render_rich(renderables: Iterable[Any], terminal: Terminal) -> str:
    """Draw rich renderables into a string (never to the real stdout)."""
    from rich.console import Console

    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=max(40, terminal.width),
        force_terminal=terminal.color,
        no_color=not terminal.color,
        color_system="standard" if terminal.color else None,
        highlight=False,
        emoji=False,
        markup=False,
    )
    for item in renderables:
        console.print(item)
    return buffer.getvalue()


def pad(text: str, width: int, right: bool = False) -> str:
    """``text`` filled with spaces to ``width`` cells (on the left when ``right``)."""
    fill = " " * max(0, width - cell_len(text))
    return fill + text if right else text + fill


def cut(text: str, width: int) -> str:
    """``text`` in at most ``width`` cells, an ellipsis where it was cut."""
    if cell_len(text) <= width:
        return text
    kept: list[str] = []
    used = 0
    for char in text:
        used += cell_len(char)
        if used > width - 1:
            break
        kept.append(char)
    return "".join(kept) + "…"


def _wrap(text: str, width: int) -> list[str]:
    import textwrap

    lines = textwrap.wrap(text, width, break_long_words=True) or [""]
    return [part for line in lines for part in (chop_cells(line, width) or [""])]


def plain_table(
    headers: list[str],
    rows: list[list[str]],
    widths: list[int],
    *,
    right: frozenset[int] = frozenset(),
    wrap: frozenset[int] = frozenset(),
    rules_after: frozenset[int] = frozenset(),
    styles: dict[int, str] | None = None,
    color: bool = False,
    column_rule: bool = False,
) -> list[str]:
    """A fixed-width text table (two spaces between columns), fast enough for thousands
    of rows: columns in ``wrap`` fold on words, the others are cut with an ellipsis. A rule
    is drawn under the header (one line, or dashes under each column with
    ``column_rule``) and after each row index in ``rules_after``. ``styles`` maps a row
    index to ``yellow`` or ``dim``, applied only when ``color`` is true."""
    codes = {"yellow": "\x1b[33m", "dim": "\x1b[2m"}
    total = sum(widths) + 2 * (len(widths) - 1)

    def lines_of(cells: list[str]) -> list[str]:
        columns = [
            _wrap(c, w) if i in wrap else [cut(c, w)]
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ]
        height = max(len(c) for c in columns)
        out = []
        for n in range(height):
            parts = [
                pad(col[n] if n < len(col) else "", widths[i], i in right)
                for i, col in enumerate(columns)
            ]
            out.append("  ".join(parts).rstrip())
        return out

    rule = "  ".join("-" * w for w in widths) if column_rule else "─" * total
    result = [*lines_of(headers), rule]
    for index, row in enumerate(rows):
        block = lines_of(row)
        style = (styles or {}).get(index)
        if color and style in codes:
            block = [codes[style] + line + "\x1b[0m" for line in block]
        result += block
        if index in rules_after:
            result.append("─" * total)
    return result


def text_table(headers: list[str], rows: list[list[str]]) -> str:
    """A plain aligned table, each column as wide as its widest cell (no colour, no
    markup)."""
    widths = [cell_len(h) for h in headers]
    for row in rows:
        widths = [max(w, cell_len(c)) for w, c in zip(widths, row, strict=True)]
    return "\n".join(plain_table(headers, rows, widths, column_rule=True)) + "\n"
