"""Concepts written once (issue 12): every place that filters control characters, parses
a number, writes a file, labels a group or prints a percent behaves the same way."""

from __future__ import annotations

import pytest

from aiportfolio.engine.importer import to_text
from aiportfolio.engine.newcase import clean_text
from aiportfolio.errors import UsageError
from aiportfolio.i18n import Translator
from aiportfolio.model.common import UNSAFE, strip_unsafe
from aiportfolio.report.diff import plain
from aiportfolio.report.escape import md, terminal

T = Translator("en")

UNSAFE_SAMPLES = ["\x00", "\x07", "\x1b", "\x7f", "\x9b", "\u202e", "\u2066"]
"""NUL, BEL, ESC, DEL, CSI (C1: an ANSI escape on its own), RLO, LRI."""


@pytest.mark.parametrize("char", UNSAFE_SAMPLES)
def test_every_filter_removes_the_same_unsafe_characters(char: str) -> None:
    text = f"Tri{char}rapide"
    assert UNSAFE.search(text)
    assert strip_unsafe(text) == "Trirapide"
    assert terminal(text) == "Trirapide"
    assert plain(text) == "Trirapide"
    assert md(text) == "Trirapide"
    assert to_text(text) == ("Trirapide", True)
    with pytest.raises(UsageError, match="control character"):
        clean_text(text, T, "title")


@pytest.mark.parametrize("char", ["é", "\u200b", "\u200d", "日"])
def test_no_filter_removes_ordinary_characters(char: str) -> None:
    text = f"Tri{char}rapide"
    assert strip_unsafe(text) == text
    assert terminal(text) == text
    assert plain(text) == text
    assert to_text(text) == (text, False)


def test_a_one_line_value_refuses_every_line_break() -> None:
    for brk in ("\n", "\r", "\t", "\u2028", "\u2029"):
        with pytest.raises(UsageError, match="control character"):
            clean_text(f"Tri{brk}rapide", T, "title")
