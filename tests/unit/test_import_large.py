"""aip import on large files: the duplicate index, progress phases, spreadsheet row
numbers."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

import aiportfolio.tabular.duplicates as duplicates
from aiportfolio.tabular.duplicates import find_duplicates
from aiptest import run, write_register

SYLLABLES = ["ba", "ce", "di", "fo", "lu", "ma", "ne", "pi", "ro", "su", "ta", "ve"]


def _texts(count: int, seed: int) -> list[tuple[str, str]]:
    """Random prose (Zipf-distributed words) of 1 to 120 words; a fifth of the texts are
    an earlier one with one or two words changed, or a letter dropped."""
    rng = random.Random(seed)
    words = sorted({"".join(rng.choices(SYLLABLES, k=rng.randint(1, 4))) for _ in range(900)})
    weights = [1 / rank for rank in range(1, len(words) + 1)]
    texts: list[str] = []
    for _ in range(count):
        if texts and rng.random() < 0.2:
            base = rng.choice(texts).split(" ")
            for _ in range(rng.randint(1, 2)):
                base[rng.randrange(len(base))] = rng.choice(words)
            text = " ".join(base)
            if rng.random() < 0.5 and len(text) > 10:
                cut = rng.randrange(len(text))
                text = text[:cut] + text[cut + 1 :]
        else:
            text = " ".join(rng.choices(words, weights, k=rng.randint(1, 120)))
        texts.append(text)
    return [(str(i), text) for i, text in enumerate(texts)]


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("start", [0, 150])
def test_index_finds_what_comparing_every_pair_finds(
    seed: int, start: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = _texts(300, seed)
    indexed = find_duplicates(texts, 0.9, start=start)
    monkeypatch.setattr(duplicates, "BRUTE_FORCE_ROWS", 10**9)
    every_pair = find_duplicates(texts, 0.9, start=start)
    assert indexed == every_pair
    assert len(every_pair) > 20  # the generated near-duplicates are there
    assert all(i >= start and j < i and score >= 0.9 for i, j, score in indexed)


def test_only_new_texts_are_compared() -> None:
    texts = [
        ("a", "Tri des réclamations"),
        ("b", "Tri des réclamations"),
        ("c", "Tri des reclamation"),
    ]
    assert find_duplicates(texts, 0.9, start=2) == [(2, 0, pytest.approx(0.974, abs=1e-3))]
    assert find_duplicates(texts, 0.9, start=3) == []


def test_rows_are_numbered_as_in_the_spreadsheet(tmp_path: Path) -> None:
    root = write_register(tmp_path / "reg")
    sheet = tmp_path / "pocs.csv"
    sheet.write_text(
        'Titre,Problème,Décision\nTri,"Ligne 1\nLigne 2\nLigne 3",\nExtraction,,demain\n',
        "utf-8",
    )
    (tmp_path / "map.yaml").write_text(
        "fields:\n  title: Titre\n  problem: Problème\n  decision_date: Décision\n", "utf-8"
    )
    result = run(root, "import", str(sheet), "-m", str(tmp_path / "map.yaml"))
    assert result.exit_code == 1
    assert "row 3: column 'Décision': 'demain'" in result.stderr
    assert "row 5" not in result.stderr


def test_progress_reports_each_phase_with_counts(tmp_path: Path) -> None:
    from aiportfolio.actions.importing import import_rows
    from aiportfolio.register.loader import load_register
    from aiportfolio.tabular.mapping import load_mapping
    from aiportfolio.tabular.read import read_table

    root = write_register(tmp_path / "reg")
    sheet = tmp_path / "pocs.csv"
    rows = "".join(f"Cas numéro {i},quick_win,Problème {i}\n" for i in range(600))
    sheet.write_text("title,category,problem\n" + rows, "utf-8")
    calls: list[tuple[str, int, int | None]] = []

    def record(phase: str, done: int, total: int | None) -> None:
        calls.append((phase, done, total))

    spec = load_mapping(None)
    table = read_table(sheet, spec, progress=record)
    result = import_rows(load_register(root), table, spec.present(table.columns), progress=record)
    assert result.counts["created"] == 600
    phases = [phase for phase, _, _ in calls]
    assert phases == sorted(phases, key=["read", "validate", "duplicates"].index)
    assert ("read", 500, None) in calls
    assert [c for c in calls if c[0] == "validate"][-1] == ("validate", 600, 600)
    assert calls[-1] == ("duplicates", 1200, 1200)
    assert ("duplicates", 600, 1200) in calls
