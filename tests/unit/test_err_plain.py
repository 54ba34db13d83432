"""``cli.common.err`` writes stderr without rich when rich would print plain text: the
bytes are the same as rich's (no terminal: no style; no tab nor control code rich would
rewrite)."""

from __future__ import annotations

import io

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console
from rich.text import Text

from aiportfolio.cli import common

SAMPLES = [
    "plain",
    "é ü 中文 😀 ‮",
    "[bold]markup[/bold] [link] :smile:",
    "trailing  ",
    "  leading",
    "multi\nline\n",
    "",
    "\x1b[31mescape\x1b[0m \x00 nul",
    "wide " * 60,
    "::error::x\n##[group]",
    "tab\there",
    "bell\x07 cr\r",
]


def rich_output(text: str, style: str) -> str:
    buffer = io.StringIO()
    Console(file=buffer, highlight=False, soft_wrap=True).print(Text(text, style=style))
    return buffer.getvalue()


def ours(text: str, style: str, monkeypatch: pytest.MonkeyPatch) -> str:
    buffer = io.StringIO()
    monkeypatch.setattr("sys.stderr", buffer)
    common.err(text, style=style, always=True)
    return buffer.getvalue()


@pytest.mark.parametrize("text", SAMPLES)
@pytest.mark.parametrize("style", ["", "red", "bold red", "yellow", "green"])
def test_err_prints_what_rich_prints(
    text: str, style: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in common._RICH_ENV:
        monkeypatch.delenv(name, raising=False)
    from aiportfolio.report.kit.escape import ci_safe

    assert ours(text, style, monkeypatch) == rich_output(ci_safe(text), style)


@given(st.text(max_size=200))
def test_err_prints_what_rich_prints_for_any_text(text: str) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        for name in common._RICH_ENV:
            monkeypatch.delenv(name, raising=False)
        from aiportfolio.report.kit.escape import ci_safe

        assert ours(text, "bold red", monkeypatch) == rich_output(ci_safe(text), "bold red")


def test_a_forced_terminal_still_goes_through_rich(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert not common._plain_stderr()
