"""What the terminal reporters share: ``Terminal`` (how wide, whether colour is allowed),
``render_rich`` (rich renderables drawn into a string) and the one plain-text table of the
terminal reporters (score, explain, matrix, tco, dashboard, doctor, plan). Widths are
display cells (rich's ``cell_len``), never ``len()``: wide (CJK, emoji) and combining
characters still line up."""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from rich.cells import cell_len, chop_cells

__all__ = [
    "Terminal",
    "cell_len",
    "cut",
    "fit",
    "longest_word",
    "pad",
    "plain_table",
    "render_rich",
    "text_table",
    "word_wrap",
]


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


def word_wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` cells, broken at spaces only: a word (a
    number with its no-break spaces, a hyphenated word, a path) is never split unless it
    alone is wider than ``width``. Spaces inside a line are kept as they are (aligned
    figures stay aligned); spaces where a line breaks are dropped."""
    width = max(1, width)
    units: list[tuple[str, str]] = []  # (spaces before, word)
    gap = ""
    for token in re.split(r"( +)", text):
        if not token:
            continue
        if token.startswith(" "):
            gap = token
        elif units and _CLOSING.match(token):
            # French spacing ("total ; reste", "« titre »"): the sign stays with its word.
            before, word = units[-1]
            units[-1] = (before, word + gap + token)
        else:
            units.append((gap, token))
    lines: list[str] = []
    line = ""
    for gap, token in units:
        if line and cell_len(line) + cell_len(gap) + cell_len(token) <= width:
            line += gap + token
            continue
        if line:
            lines.append(line)
        if cell_len(token) <= width:
            line = token
        else:
            *whole, line = chop_cells(token, width)
            lines += whole
    lines.append(line)
    return lines


def longest_word(texts: Iterable[str], cap: int) -> int:
    """Cells of the widest word in ``texts``, at most ``cap``: the narrowest a column
    folding on words can be without cutting one (longer words are cut anyway)."""
    return min(cap, max((cell_len(w) for text in texts for w in text.split()), default=1))


_CLOSING = re.compile(r"^[;:!?»%€]+$")
"""Signs French sets after a space: never the first thing on a wrapped line."""
_MARKER = re.compile(
    r"^( *)((?:[-*•!✓✗⚠⛔]|\d+\.|[A-Za-z]{1,3}-?\d+:)(?: \d+\.)?(?: \[[^\]]*\])? )"
)
"""A list marker at the start of a line (``- ``, ``✓ 1. [ok] ``, ``UC-007: ``): the text of
a wrapped line continues under what follows it."""
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def fit(text: str, width: int) -> str:
    """Every line of ``text`` wider than ``width`` wrapped at spaces, its continuation
    lines indented under the text after its list marker (or two cells deeper than the
    line). Lines that fit, and coloured lines (tables already fitted), are left as they
    are."""
    out: list[str] = []
    for line in text.split("\n"):
        if cell_len(line) <= width or _ANSI.search(line):
            out.append(line)
            continue
        marker = _MARKER.match(line)
        if marker and cell_len(marker.group(0)) <= width // 2:
            head = marker.group(0)
            indent = " " * cell_len(head)
        else:
            head = line[: len(line) - len(line.lstrip(" "))]
            indent = head + "  " if cell_len(head) + 2 <= width // 2 else head
        body = line[len(head) :]
        first, *rest = word_wrap(body, width - cell_len(indent))
        if cell_len(head) + cell_len(first) > width:
            first, *more = word_wrap(body, width - cell_len(head))
            rest = word_wrap(" ".join(more), width - cell_len(indent)) if more else []
        out.append(head + first)
        out += [indent + part for part in rest]
    return "\n".join(out)


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
            word_wrap(c, w) if i in wrap else [cut(c, w)]
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


def text_table(
    headers: list[str],
    rows: list[list[str]],
    width: int | None = None,
    *,
    right: frozenset[int] = frozenset(),
) -> str:
    """A plain aligned table, each column as wide as its widest cell (no colour, no
    markup). With ``width``, a table wider than that folds its cells on words, each
    column at least as wide as its longest word (numbers and words are never split);
    when even that is too wide, each row becomes a block: its first cell, then
    ``header: value`` pairs wrapped under it."""
    widths = [cell_len(h) for h in headers]
    for row in rows:
        widths = [max(w, cell_len(c)) for w, c in zip(widths, row, strict=True)]
    gaps = 2 * (len(widths) - 1)
    if width is None or sum(widths) + gaps <= width:
        return "\n".join(plain_table(headers, rows, widths, right=right, column_rule=True)) + "\n"
    least = [
        max(
            (cell_len(word) for cell in (h, *(r[i] for r in rows)) for word in cell.split(" ")),
            default=1,
        )
        for i, h in enumerate(headers)
    ]
    if sum(least) + gaps > width:
        return _stacked(headers, rows, width)
    fitted = _share(least, widths, width - gaps)
    folded = frozenset(range(len(headers)))
    lines = plain_table(headers, rows, fitted, right=right, wrap=folded, column_rule=True)
    return "\n".join(lines) + "\n"


def _share(least: list[int], natural: list[int], room: int) -> list[int]:
    """Column widths from ``least`` towards ``natural`` within ``room`` cells, shared out
    one cell at a time to the columns still narrower than their widest cell: short
    columns (figures) end up whole, long ones (titles, reasons) share what is left."""
    widths = list(least)
    spare = room - sum(widths)
    while spare > 0:
        wanting = [i for i, (w, n) in enumerate(zip(widths, natural, strict=True)) if w < n]
        if not wanting:
            break
        for i in wanting[:spare]:
            widths[i] += 1
        spare -= min(spare, len(wanting))
    return widths


def _stacked(headers: list[str], rows: list[list[str]], width: int) -> str:
    """Each row as a block for a narrow terminal: its first two cells, then the others as
    ``header: value`` pairs under them, a pair moved whole to the next line when it does
    not fit (folded on words only when it alone is wider than the line)."""
    out: list[str] = []
    room = width - 4
    for row in rows:
        first, *more = word_wrap("  ".join(row[:2]), width)
        out += [first, *("  " + part for part in word_wrap(" ".join(more), width - 2) if more)]
        line = ""
        for h, c in zip(headers[2:], row[2:], strict=True):
            if not c:
                continue
            pair = f"{h}: {c}"
            if line and cell_len(line) + 3 + cell_len(pair) <= room:
                line += " · " + pair
                continue
            if line:
                out.append("    " + line)
            *whole, line = word_wrap(pair, room)
            out += ["    " + part for part in whole]
        if line:
            out.append("    " + line)
    return "\n".join(out) + "\n"
