"""kit.terminal: text and tables fitted to a terminal's width, never splitting a word."""

from __future__ import annotations

import io
import sys

import pytest
from rich.cells import cell_len

from aiportfolio.report.kit.numbers import eur, num
from aiportfolio.report.kit.terminal import fit, text_table, word_wrap

PROSE = (
    "Faisabilité sous le plancher (2,50) : classé après tous les cas faisables, quel que "
    "soit le total ; pré-qualification des réclamations clients"
)


def test_word_wrap_breaks_at_spaces_only() -> None:
    lines = word_wrap(PROSE, 30)
    assert all(cell_len(line) <= 30 for line in lines)
    assert " ".join(lines) == PROSE
    assert "pré-qualification" in " ".join(lines).split()


def test_word_wrap_keeps_a_number_with_its_no_break_spaces() -> None:
    amount = eur(1_160_700, "fr")  # 1 160 700 € with narrow no-break spaces
    lines = word_wrap(f"TCO total du portefeuille {amount} sur douze mois", 20)
    assert any(amount in line for line in lines)
    assert all(not line.endswith(num(1_160, "fr")) for line in lines)


def test_word_wrap_cuts_only_a_word_wider_than_the_line() -> None:
    assert word_wrap("a " + "x" * 12 + " b", 5) == ["a", "xxxxx", "xxxxx", "xx b"]


def test_word_wrap_keeps_inner_spacing_of_aligned_figures() -> None:
    assert word_wrap("57 %      (8)   cible  60 %", 80) == ["57 %      (8)   cible  60 %"]


def test_fit_hangs_continuation_lines_under_a_list_marker() -> None:
    text = fit("  - " + PROSE, 40)
    lines = text.split("\n")
    assert all(cell_len(line) <= 40 for line in lines)
    assert lines[0].startswith("  - ")
    assert all(line.startswith("    ") and not line.startswith("     ") for line in lines[1:])


def test_fit_leaves_lines_that_fit_and_coloured_lines_alone() -> None:
    coloured = "\x1b[33m" + "x " * 60 + "\x1b[0m"
    text = "short\n" + coloured
    assert fit(text, 40) == text


def test_text_table_is_unchanged_when_it_fits() -> None:
    headers, rows = ["ID", "Title"], [["UC-001", "Gateway"]]
    assert text_table(headers, rows, 80) == text_table(headers, rows)


def test_text_table_folds_cells_on_words_to_fit() -> None:
    rows = [["UC-001", PROSE, "continuer"], ["UC-002", "Court", "arrêter"]]
    lines = text_table(["ID", "Pourquoi", "Verdict"], rows, 50).splitlines()
    assert all(cell_len(line) <= 50 for line in lines)
    words = " ".join(lines).split()
    for word in PROSE.split():
        assert word in words


def test_text_table_too_narrow_for_its_columns_stacks_each_row() -> None:
    headers = ["ID", "Baseline", "Dernière mesure", "Progression", "Fraîcheur"]
    rows = [["UC-001", "15", "4 (2026-11-20)", "92 %", "il y a 10 j"]]
    lines = text_table(headers, rows, 24).splitlines()
    assert lines[0] == "UC-001  15"
    assert all(cell_len(line) <= 24 for line in lines)
    assert "Progression: 92 %" in " ".join(lines)


def test_word_wrap_never_starts_a_line_with_french_closing_signs() -> None:
    text = "Objectif : somme de score total sur les entrées planifiées ; référence 22,12"
    for width in range(12, len(text)):
        for line in word_wrap(text, width):
            assert not line.startswith((";", ":")), (width, line)


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_diagnostics_wrap_on_a_terminal_and_stay_one_line_in_a_pipe(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from aiportfolio.cli.common import err

    monkeypatch.setenv("COLUMNS", "40")
    monkeypatch.setenv("NO_COLOR", "1")
    terminal = _Tty()
    monkeypatch.setattr(sys, "stderr", terminal)
    err(PROSE)
    lines = terminal.getvalue().splitlines()
    assert len(lines) > 1 and all(cell_len(line) <= 40 for line in lines)
    assert " ".join(line.strip() for line in lines) == PROSE
    pipe = io.StringIO()
    monkeypatch.setattr(sys, "stderr", pipe)
    err(PROSE)
    assert pipe.getvalue() == PROSE + "\n"
