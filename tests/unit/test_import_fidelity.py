"""aip import keeps what the spreadsheet says: paragraphs as YAML block scalars, line
breaks folded only in one-line fields, and export -> import gives the same files."""

from __future__ import annotations

from pathlib import Path

import pytest

from aiportfolio.register.edit import emit_block
from aiportfolio.register.roundtrip import dump_roundtrip, load_roundtrip
from aiportfolio.register.yamlio import parse_text
from aiportfolio.tabular.mapping import to_text
from aiptest import run, usecase, write_register

PROBLEM_CELL = (
    "Le tri est manuel.\r\nIl prend 48 h.\n\n\n   Trois  agents  y passent\tleur journée.  \n"
)
PROBLEM = "Le tri est manuel.\nIl prend 48 h.\n\nTrois agents y passent leur journée."


@pytest.mark.parametrize(
    ("cell", "paragraphs", "text"),
    [
        ("Tri des\nréclamations", False, "Tri des réclamations"),
        ("  Claire \r\n Martin ", False, "Claire Martin"),
        (PROBLEM_CELL, True, PROBLEM),
        ("\n\nun\n\n\n\ndeux\n\n", True, "un\n\ndeux"),
        ("a\u2028b", True, "a\nb"),
    ],
)
def test_line_breaks_fold_only_in_one_line_fields(cell: str, paragraphs: bool, text: str) -> None:
    assert to_text(cell, paragraphs)[0] == text


@pytest.mark.parametrize(
    "text",
    [PROBLEM, "un\ndeux", "# pas un commentaire\n- pas une liste: x\n'quote'", "é\n\n\nà"],
)
def test_paragraphs_are_literal_blocks_that_load_back(text: str) -> None:
    data = {"id": "UC-001", "problem": text, "kpis": [{"name": "k", "note": text}]}
    emitted = "\n".join(emit_block(data)) + "\n"
    assert "problem: |-\n" in emitted and "\\n" not in emitted
    assert parse_text(emitted)[0] == data
    assert dump_roundtrip(load_roundtrip(emitted)) == emitted


@pytest.mark.parametrize("text", [" lead\nx", "x\n", "\nx", "tab\t\nx", "x\u2028y"])
def test_texts_a_block_cannot_hold_exactly_stay_quoted(text: str) -> None:
    emitted = "\n".join(emit_block({"problem": text})) + "\n"
    assert "|-" not in emitted
    assert parse_text(emitted)[0] == {"problem": text}


MAPPING = """\
fields:
  title: Titre
  category: {constant: quick_win}
  owner.name: Porteur
  problem: Problème
  next_step: Suite
"""


def _sheet(tmp_path: Path) -> Path:
    import csv

    sheet = tmp_path / "inv.csv"
    with sheet.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Titre", "Porteur", "Problème", "Suite"])
        writer.writerow(["Tri des\nréclamations", "Claire\nMartin", PROBLEM_CELL, "Mesurer"])
    (tmp_path / "map.yaml").write_text(MAPPING, "utf-8")
    return sheet


def test_import_writes_paragraphs_as_blocks_and_export_reimport_is_identical(
    tmp_path: Path,
) -> None:
    root = write_register(tmp_path / "reg")
    sheet = _sheet(tmp_path)
    result = run(root, "import", str(sheet), "-m", str(tmp_path / "map.yaml"))
    assert result.exit_code == 0, result.stderr
    path = root / "usecases" / "UC-001-tri-des-reclamations.yaml"
    text = path.read_text("utf-8")
    assert "title: Tri des réclamations\n" in text
    assert "  name: Claire Martin\n" in text
    assert (
        "problem: |-\n  Le tri est manuel.\n  Il prend 48 h.\n\n"
        "  Trois agents y passent leur journée.\n"
    ) in text
    for fmt in ("csv", "xlsx"):
        exported = tmp_path / f"all.{fmt}"
        assert run(root, "export", "-f", fmt, "--out", str(exported)).exit_code == 0
        copy = write_register(tmp_path / f"copy-{fmt}")
        again = run(copy, "import", str(exported))
        assert again.exit_code == 0, again.stderr
        assert (copy / "usecases" / path.name).read_bytes() == path.read_bytes()
        # And --update from the export changes nothing.
        same = run(root, "import", str(exported), "--update")
        assert same.exit_code == 0, same.stderr
        assert "0 to update, 1 unchanged" in same.stderr
        assert path.read_text("utf-8") == text


def test_update_writes_a_paragraph_as_a_block_and_leaves_other_lines(tmp_path: Path) -> None:
    root = write_register(tmp_path / "reg", [usecase(problem="Une ligne")])
    path = root / "usecases" / "UC-001-case.yaml"
    before = path.read_text("utf-8").splitlines()
    sheet = tmp_path / "inv.csv"
    sheet.write_text('ID,Problème\nUC-001,"Première ligne\n\nSecond paragraphe"\n', "utf-8")
    (tmp_path / "map.yaml").write_text("fields:\n  id: ID\n  problem: Problème\n", "utf-8")
    result = run(root, "import", str(sheet), "-m", str(tmp_path / "map.yaml"), "--update")
    assert result.exit_code == 0, result.stderr
    after = path.read_text("utf-8").splitlines()
    start = after.index("problem: |-")
    assert after[start : start + 4] == [
        "problem: |-",
        "  Première ligne",
        "",
        "  Second paragraphe",
    ]
    assert [line for line in before if line != "problem: Une ligne"] == (
        after[:start] + after[start + 4 :]
    )
