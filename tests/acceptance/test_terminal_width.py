"""Every terminal view of the bundled register reads at 80 columns (and at 200): no line
wider than the terminal, no word split across two lines, no number cut.

The words of a view at 80 columns are compared with the same view at 200 columns: a word
cut in two would show up at 80 as two pieces that exist in neither the wide view nor the
register. Titles the wide view clips ("Base de…") may appear whole at 80 columns, so words
of the register's own files count as known too.
"""

from __future__ import annotations

import re

import pytest
from rich.cells import cell_len

from aiptest import REPO_ROOT, run

TODAY = "2026-11-30"

VIEWS = [
    ("check",),
    ("score",),
    ("score", "--all"),
    ("score", "--top", "3"),
    ("score", "--explain", "UC-004"),
    ("score", "--matrix"),
    ("balance",),
    ("table", "--all"),
    ("plan", "--strategy", "greedy", "--compare"),
    ("tco", "--all"),
    ("dashboard",),
    ("doctor",),
    ("compliance",),
    ("compliance", "--catalog"),
    ("diff", "106f534", "HEAD"),
]
"""One run of every terminal (table/text) view; the Markdown views (agenda, roadmap) and
the machine formats are not terminal views."""

_EDGES = "()[]{}:;,.!?«»\"'·|─━┃│┏┓┗┛┠┨┯┷┼-–—=*→←↑↓▼⛔⚠/"
_SECONDS = re.compile(r"\d+[.,]\d+\u00a0s\b")
"""The planner's run time, which differs from one run to the next."""


def _words(text: str) -> list[str]:
    words = []
    for token in _SECONDS.sub("", text).split():
        core = token.strip(_EDGES)
        if any(ch.isalnum() for ch in core):
            words.append(core)
    return words


@pytest.fixture(scope="module")
def register_words() -> set[str]:
    known: set[str] = set()
    for path in [*REPO_ROOT.glob("usecases/*.yaml"), *REPO_ROOT.glob("config/*.yaml")]:
        known.update(_words(path.read_text(encoding="utf-8")))
    return known


def _view(args: tuple[str, ...], lang: str, width: int) -> str:
    if args[0] == "diff" and not (REPO_ROOT / ".git").exists():
        pytest.skip("aip diff needs the repository's history")
    result = run(REPO_ROOT, "--lang", lang, *args, env={"COLUMNS": str(width), "AIP_TODAY": TODAY})
    assert result.exit_code in (0, 1), result.stdout + result.stderr
    return result.stdout


@pytest.mark.parametrize("lang", ["fr", "en", "de"])
@pytest.mark.parametrize("args", VIEWS, ids=" ".join)
def test_view_fits_80_and_200_columns_without_splitting_words(
    args: tuple[str, ...], lang: str, register_words: set[str]
) -> None:
    wide = _view(args, lang, 200)
    narrow = _view(args, lang, 80)
    for width, text in ((200, wide), (80, narrow)):
        over = [line for line in text.splitlines() if cell_len(line) > width]
        assert not over, f"{len(over)} line(s) wider than {width}: {over[:3]}"
    known = set(_words(wide)) | register_words
    split = [
        word
        for word in _words(narrow)
        if word not in known and not (word.endswith("…") and word[:-1] in wide)
    ]
    assert not split, f"words at 80 columns found nowhere at 200: {split[:10]}"


def test_a_narrow_terminal_still_gets_every_figure() -> None:
    """The narrow layouts move columns under the row; they do not lose them."""
    wide = _view(("balance",), "en", 200)
    narrow = _view(("balance",), "en", 80)
    figures = re.compile(r"€?[\d,]+(?:\u202f\d{3})*(?:\u00a0€| ?%)?")
    assert sorted(figures.findall(narrow)) == sorted(figures.findall(wide))
