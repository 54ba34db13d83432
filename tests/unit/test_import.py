"""aip import: messy spreadsheets in, valid use cases out, or per-row messages and nothing
written."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from aiportfolio.tabular.duplicates import find_duplicates
from aiportfolio.tabular.mapping import CellError, convert, normalise_id
from aiptest import run, usecase, write_register

MAPPING = """\
separator: ";"
fields:
  id: ID
  title: Titre
  status:
    column: Statut
    values: {Idée: idea, "En cours": scoping, Pilote: pilot, Arrêté: stopped}
    default: idea
  category: {constant: quick_win}
  owner.name: Owner
  problem: {columns: [Problème, Détail], join: " - "}
  data.sources: Sources
  risk.personal_data: {column: "Données perso", values: {Oui: true, Non: false}}
  value.annual_gain_eur: Gain
  decision_date: Décision
"""
HEADER = "ID,Titre,Statut,Owner,Problème,Détail,Sources,Données perso,Gain,Décision"


@pytest.mark.parametrize(
    ("kind", "cell", "value"),
    [
        ("number", "60 000 €", 60000),
        ("number", "12,5", 12.5),
        ("number", "1,234.5", 1234.5),
        ("number", "1.234,5", 1234.5),
        ("number", "\u00a030\u202f000 ", 30000),
        ("number", 4.0, 4),
        ("integer", "3", 3),
        ("bool", " Oui ", True),
        ("bool", "non", False),
        ("bool", "x", True),
        ("bool", "Ja", True),
        ("bool", "j", True),
        ("bool", "nein", False),
        ("bool", "Falsch", False),
        ("date", "15/01/2027", dt.date(2027, 1, 15)),
        ("date", "2027-01-15", dt.date(2027, 1, 15)),
        ("date", "2027-01-15T00:00:00", dt.date(2027, 1, 15)),
        ("date", 46402, dt.date(2027, 1, 15)),
        ("date", "46402", dt.date(2027, 1, 15)),
        ("date", dt.datetime(2027, 1, 15, 0, 0), dt.date(2027, 1, 15)),
        ("list", " CRM ; ERP;; GED ", ["CRM", "ERP", "GED"]),
        ("list", "CRM\nERP", ["CRM", "ERP"]),
        ("list", '["a;b", "c"]', ["a;b", "c"]),
        ("json", '{"business_value": 4}', {"business_value": 4}),
    ],
)
def test_cells_are_converted(kind: str, cell: object, value: object) -> None:
    assert convert(kind, cell, ";") == value


@pytest.mark.parametrize(
    ("kind", "cell"),
    [
        ("number", "beaucoup"),
        ("number", "nan"),
        ("integer", "2.5"),
        ("bool", "peut-être"),
        ("bool", "vielleicht"),
        ("date", "demain"),
        ("date", "31/02/2027"),
        ("json", "{oops"),
    ],
)
def test_bad_cells_are_refused(kind: str, cell: object) -> None:
    with pytest.raises(CellError):
        convert(kind, cell, ";")


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("UC-7", "UC-007"), ("uc 12", "UC-012"), ("UC_0042", "UC-042"), ("../UC-001", None)],
)
def test_ids_are_normalised(cell: str, expected: str | None) -> None:
    assert normalise_id(cell) == expected


def test_duplicates_within_a_list() -> None:
    texts = [
        ("a", "Tri des réclamations clients"),
        ("b", "Extraction des commandes"),
        ("c", "tri des reclamations client"),
        ("d", "Tri des réclamations clients"),
    ]
    found = {(i, j) for i, j, _ in find_duplicates(texts, 0.9)}
    assert found == {(2, 0), (3, 0)}


def _write(tmp_path: Path, rows: list[str], encoding: str = "utf-8", bom: bool = False) -> Path:
    sheet = tmp_path / "pocs.csv"
    data = "\n".join([HEADER, *rows]) + "\n"
    sheet.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data.encode(encoding))
    (tmp_path / "map.yaml").write_text(MAPPING, "utf-8")
    return sheet


def _import(root: Path, sheet: Path, *extra: str):  # type: ignore[no-untyped-def]
    return run(root, "import", str(sheet), "--mapping", str(sheet.parent / "map.yaml"), *extra)


def test_messy_csv_is_imported(tmp_path: Path) -> None:
    root = write_register(tmp_path / "reg")
    sheet = _write(
        tmp_path,
        [
            ',  Tri des   réclamations ,Pilote, Claire ,Tri lent,48 h,"CRM; ERP",Oui,,15/01/2027',
            ",Extraction commandes,,,,,,non,,",
            ",,,,,,,,,",
        ],
        bom=True,
    )
    result = _import(root, sheet)
    assert result.exit_code == 0, result.stderr
    files = sorted((root / "usecases").glob("*.yaml"))
    assert [f.name for f in files] == [
        "UC-001-tri-des-reclamations.yaml",
        "UC-002-extraction-commandes.yaml",
    ]
    from aiportfolio.register.loader import load_register

    register = load_register(root)
    assert register.problems == []
    first = register.usecases[0]
    assert first.title == "Tri des réclamations"
    assert first.status == "pilot"
    assert first.owner is not None and first.owner.name == "Claire"
    assert first.problem == "Tri lent - 48 h"
    assert first.data.sources == ["CRM", "ERP"]
    assert first.risk.personal_data is True
    assert first.decision_date == dt.date(2027, 1, 15)
    assert register.usecases[1].status == "idea"
    assert "2 rows read: 2 to create" in result.stderr


def test_value_needs_its_hypothesis(tmp_path: Path) -> None:
    root = write_register(tmp_path / "reg")
    sheet = _write(tmp_path, [",Tri,Pilote,,,,,,60000,"])
    result = _import(root, sheet)
    assert result.exit_code == 1
    assert "row 2: value.hypothesis" in result.stderr


def test_cp1252_file_is_read_with_a_warning(tmp_path: Path) -> None:
    root = write_register(tmp_path / "reg")
    sheet = _write(tmp_path, [",Contrôle qualité,Idée,,,,,,,"], encoding="cp1252")
    result = _import(root, sheet)
    assert result.exit_code == 0, result.stderr
    assert "cp1252" in result.stderr
    assert "title: Contrôle qualité" in next((root / "usecases").glob("*.yaml")).read_text("utf-8")


def test_bad_rows_are_reported_by_number_and_nothing_is_written(tmp_path: Path) -> None:
    root = write_register(tmp_path / "reg")
    sheet = _write(
        tmp_path,
        [
            ",Bon cas,Pilote,,,,,,,",
            ",Mauvaise date,Pilote,,,,,,,demain",
            ",Mauvais statut,Peut-être,,,,,,,",
            "../../etc/x,Id hostile,Pilote,,,,,,,",
            ',"' + "t" * 300 + '",Pilote,,,,,,,',
        ],
    )
    result = _import(root, sheet)
    assert result.exit_code == 1
    assert "row 3: column 'Décision': 'demain' is not a valid date" in result.stderr
    assert "row 4: status" in result.stderr
    assert "row 5: id" in result.stderr
    assert "row 6: title" in result.stderr
    assert "nothing was written" in result.stderr
    assert list((root / "usecases").iterdir()) == []
    assert [p for p in tmp_path.rglob("*.yaml") if p.name != "map.yaml"] == [
        root / "config" / "weights.yaml"
    ]


def test_existing_ids_need_update(tmp_path: Path) -> None:
    root = write_register(tmp_path / "reg", [usecase()])
    sheet = _write(tmp_path, ["UC-001,Tri des réclamations clients,Pilote,,,,,,,"])
    refused = _import(root, sheet)
    assert refused.exit_code == 1
    assert "UC-001 already exists" in refused.stderr
    updated = _import(root, sheet, "--update")
    assert updated.exit_code == 0, updated.stderr
    text = (root / "usecases" / "UC-001-case.yaml").read_text("utf-8")
    assert "status: pilot" in text


def test_duplicates_are_reported_within_the_file_and_against_the_register(
    tmp_path: Path,
) -> None:
    root = write_register(tmp_path / "reg", [usecase()])
    sheet = _write(
        tmp_path,
        [
            ",Tri des reclamations client,Idée,,,,,,,",
            ",Extraction des bons de commande,Idée,,,,,,,",
            ",Extraction des bons de commandes,Idée,,,,,,,",
        ],
    )
    result = _import(root, sheet, "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert "row 2: looks like UC-001 (title" in result.stderr
    assert "row 4: looks like row 3 (title" in result.stderr
    assert "dry run: nothing was written" in result.stderr
    assert len(list((root / "usecases").glob("*.yaml"))) == 1


def test_unknown_mapping_field_or_column_is_a_usage_error(tmp_path: Path) -> None:
    root = write_register(tmp_path / "reg")
    sheet = _write(tmp_path, [",Tri,Idée,,,,,,,"])
    (tmp_path / "map.yaml").write_text("fields:\n  titel: Titre\n", "utf-8")
    result = _import(root, sheet)
    assert result.exit_code == 2
    assert "did you mean `title`" in result.stderr
    (tmp_path / "map.yaml").write_text("fields:\n  title: Title\n", "utf-8")
    result = _import(root, sheet)
    assert result.exit_code == 2
    assert "no column 'Title'" in result.stderr


def test_xlsx_with_merged_headers_formulas_and_dates(tmp_path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Cas", None, "Pilotage", None])
    sheet.append(["Titre", "Problème", "Statut", "Décision"])
    sheet.merge_cells("A1:B1")
    sheet.merge_cells("C1:D1")
    sheet.append(["Tri des réclamations", "Lent", "Pilote", dt.datetime(2027, 1, 15)])
    sheet.append(['=CONCAT("a","b")', "Formule", "Idée", 46402])
    sheet.append([None, None, None, None])
    sheet.append(["  Relances  ", None, "Pilote", "15/01/2027"])
    path = tmp_path / "pocs.xlsx"
    workbook.save(path)
    (tmp_path / "map.yaml").write_text(
        "header_rows: 2\nfields:\n  title: Cas / Titre\n  problem: Cas / Problème\n"
        "  status: {column: Pilotage / Statut, values: {Pilote: pilot, Idée: idea}}\n"
        "  category: {constant: foundation}\n  decision_date: Pilotage / Décision\n",
        "utf-8",
    )
    root = write_register(tmp_path / "reg")
    result = run(root, "import", str(path), "--mapping", str(tmp_path / "map.yaml"))
    # The formula was never computed by a spreadsheet program: its cell reads blank.
    assert result.exit_code == 1
    assert "row 4: title" in result.stderr
    assert list((root / "usecases").iterdir()) == []


def test_large_import_is_validated_in_full(tmp_path: Path) -> None:
    """3,000 rows are read, converted, validated and checked for duplicates (the write
    itself is measured by benchmarks/bench_import.py: one fsync per file)."""
    root = write_register(tmp_path / "reg")
    rows = [
        f",Cas d'usage numéro {i} ({'ventes' if i % 2 else 'achats'} {i * 7 % 101}),Pilote,"
        f"Owner {i % 40},,,CRM;ERP,non,,01/02/2027"
        for i in range(3000)
    ]
    sheet = _write(tmp_path, rows)
    result = _import(root, sheet, "--dry-run")
    assert result.exit_code == 0, result.stderr[-2000:]
    assert "3000 rows read: 3000 to create, 0 to update, 0 unchanged, 0 with errors" in (
        result.stderr
    )
    assert list((root / "usecases").iterdir()) == []


# --- CSV formula injection -------------------------------------------------------------------

HOSTILE_TEXTS = [
    '=HYPERLINK("http://x","y")',
    "+33 6 12 34 56 78",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(A1:A2)",
    "'=déjà quoté",
    "''+deux quotes",
    "'texte quoté",
    "-5",
    "texte normal",
]


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+1 fois", "'+1 fois"),
        ("-x", "'-x"),
        ("@x", "'@x"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("'=x", "''=x"),
        ("'x", "'x"),
        ("-5", "-5"),
        ("+1.5e3", "+1.5e3"),
        ("x=1", "x=1"),
        ("", ""),
        (-5, -5),
        (None, None),
    ],
)
def test_csv_cells_are_quoted_against_formulas(cell: object, written: object) -> None:
    from aiportfolio.tabular.csvsafe import safe_cell, unsafe_cell

    assert safe_cell(cell) == written
    if isinstance(cell, str):
        assert unsafe_cell(str(written)) == cell


def test_csv_export_quotes_formulas_and_import_reads_them_back(tmp_path: Path) -> None:
    import csv
    import io

    from aiportfolio.register.loader import load_register

    cases = [
        usecase(id=f"UC-{i:03d}", title=f"Cas {i}", problem=text)
        for i, text in enumerate(HOSTILE_TEXTS, start=1)
    ]
    cases[0]["title"] = "=1+2"
    source = write_register(tmp_path / "a", cases)
    exported = tmp_path / "all.csv"
    assert run(source, "export", "--out", str(exported)).exit_code == 0
    rows = list(csv.reader(io.StringIO(exported.read_text("utf-8"))))
    cells = [c for row in rows[1:] for c in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r")]
    assert not [c for c in cells if c.startswith("-") and c != "-5"]
    assert rows[1][1] == "'=1+2"
    target = write_register(tmp_path / "b")
    result = run(target, "import", str(exported))
    assert result.exit_code == 0, result.stderr
    before = [u.model_dump() for u in load_register(source).usecases]
    after = [u.model_dump() for u in load_register(target).usecases]
    assert after == before


# --- the default mapping on a partial file --------------------------------------------------


def test_default_mapping_reads_only_the_columns_present(tmp_path: Path) -> None:
    from aiportfolio.register.loader import load_register

    root = write_register(tmp_path, [usecase(id="UC-001")])
    sheet = tmp_path / "my.csv"
    sheet.write_text(
        "id,title,category,owner.name\n"
        ",Extraction des factures,quick_win,Ana\n"
        "UC-010,Tri du courrier,foundation,Luc\n",
        "utf-8",
    )
    result = run(root, "import", str(sheet))
    assert result.exit_code == 0, result.stderr
    titles = {u.id: u.title for u in load_register(root).usecases}
    assert titles == {
        "UC-001": "Tri des réclamations clients",
        "UC-010": "Tri du courrier",
        "UC-011": "Extraction des factures",
    }


def test_default_mapping_needs_at_least_one_known_column(tmp_path: Path) -> None:
    root = write_register(tmp_path)
    sheet = tmp_path / "other.csv"
    sheet.write_text("Nom,Porteur\nFactures,Ana\n", "utf-8")
    result = run(root, "import", str(sheet))
    assert result.exit_code == 2
    assert "--mapping" in result.stderr


def test_every_error_of_a_row_is_reported_at_once(tmp_path: Path) -> None:
    root = write_register(tmp_path)
    sheet = tmp_path / "bad.csv"
    sheet.write_text("title,decision_date,owner.name\nFactures,le 32 du mois,Ana\n", "utf-8")
    result = run(root, "import", str(sheet))
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("row 2")]
    assert any("decision_date" in line for line in errors), result.stderr
    assert any("category" in line for line in errors), result.stderr
    assert not any("'id'" in line or " id" in line.split(":")[0] for line in errors)


@pytest.mark.parametrize("written", ["UC-42", "UC-042", "UC-0042", "uc-42"])
def test_update_recognises_an_id_by_its_number(tmp_path: Path, written: str) -> None:
    """Issue 10 point 8: UC-0042 in the register is UC-42 or UC-042 in a spreadsheet."""
    from aiptest import dump_yaml

    root = write_register(
        tmp_path / "reg", files={"usecases/UC-0042-tri.yaml": dump_yaml(usecase(id="UC-0042"))}
    )
    sheet = _write(tmp_path, [f"{written},Tri des réclamations clients,Pilote,,,,,,,"])
    refused = _import(root, sheet)
    assert refused.exit_code == 1
    assert "UC-042 already exists" in refused.stderr
    updated = _import(root, sheet, "--update")
    assert updated.exit_code == 0, updated.stderr
    assert sorted(p.name for p in (root / "usecases").glob("*.yaml")) == ["UC-0042-tri.yaml"]
    assert "status: pilot" in (root / "usecases" / "UC-0042-tri.yaml").read_text("utf-8")


@pytest.mark.parametrize(
    ("lang", "words"),
    [("en", "would fail the gate (risk-review-required)"), ("fr", "ne passerait plus le contrôle")],
)
def test_update_that_moves_a_status_through_the_gate_is_refused(
    tmp_path: Path, lang: str, words: str
) -> None:
    """Issue 10 point 1: like `aip decide`, an import changing a status validates the entry."""
    risk = {"level": "high", "ai_act_tier": "minimal"}
    root = write_register(tmp_path / "reg", [usecase(risk=risk)], portfolio=f"language: {lang}\n")
    path = root / "usecases" / "UC-001-case.yaml"
    before = path.read_bytes()
    sheet = _write(tmp_path, ["UC-001,Tri des réclamations clients,Pilote,,,,,,,"])
    result = _import(root, sheet, "--update")
    assert result.exit_code == 1
    assert words in result.stderr
    assert path.read_bytes() == before
