"""aip import mappings: transforms (truncate, default, value maps), KPI and cost columns,
--skip-invalid with a rejects CSV, --suggest-mapping, re-import without duplicates."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from aiptest import run, usecase, write_register


def _files(root: Path) -> list[str]:
    return sorted(p.name for p in (root / "usecases").glob("*.yaml"))


def _setup(tmp_path: Path, mapping: str, rows: list[list[str]], header: list[str]) -> Path:
    sheet = tmp_path / "inv.csv"
    with sheet.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    (tmp_path / "map.yaml").write_text(mapping, "utf-8")
    return sheet


def _import(root: Path, sheet: Path, *extra: str):  # type: ignore[no-untyped-def]
    return run(root, "import", str(sheet), "-m", str(sheet.parent / "map.yaml"), *extra)


TRANSFORMS = """\
fields:
  title: {column: Titre, truncate: 200}
  category: {column: Type, default: quick_win}
  data.sources:
    column: Sources
    values: {crm: Salesforce, "erp ": SAP, aucune: ""}
"""


def test_truncate_default_and_value_maps_on_list_items(tmp_path: Path) -> None:
    root = write_register(tmp_path / "reg")
    long_title = "Analyse automatique " + "des réclamations clients " * 12
    sheet = _setup(
        tmp_path,
        TRANSFORMS,
        [[long_title, "", "CRM; erp; GED"], ["Court", "foundation", "aucune"]],
        ["Titre", "Type", "Sources"],
    )
    result = _import(root, sheet)
    assert result.exit_code == 0, result.stderr
    assert f"row 2: column 'Titre': {len(long_title.strip())} characters cut to 200" in (
        result.stderr
    )
    from aiportfolio.register.loader import load_register

    register = load_register(root)
    assert register.problems == []
    first, second = register.usecases
    assert len(first.title) <= 200 and first.title.endswith(" des…")
    assert first.category == "quick_win"
    assert first.data.sources == ["Salesforce", "SAP", "GED"]
    assert second.category == "foundation"
    assert second.data.sources == []


KPI_MAPPING = """\
fields:
  id: ID
  title: Titre
  category: {constant: quick_win}
  kpis.0.name: KPI
  kpis.0.level: {constant: impact}
  kpis.0.baseline: Base
  kpis.0.target: Cible
  kpis.1.name: Adoption
  kpis.1.level: {constant: adoption}
  costs.one_off.0.amount_eur: Coût
  costs.one_off.0.family: {constant: integration}
  costs.monthly.0.amount_eur: Run
  costs.monthly.0.family: {constant: vendor}
  scores.business_value: Valeur
"""
KPI_HEADER = ["ID", "Titre", "KPI", "Base", "Cible", "Adoption", "Coût", "Run", "Valeur"]


def test_kpi_cost_and_score_columns(tmp_path: Path) -> None:
    root = write_register(tmp_path / "reg")
    sheet = _setup(
        tmp_path,
        KPI_MAPPING,
        [
            ["", "Tri", "Délai de tri", "48", "8", "Taux d'usage", "20 000", "500", "4"],
            ["", "Sans KPI", "", "", "", "", "", "", ""],
        ],
        KPI_HEADER,
    )
    result = _import(root, sheet)
    assert result.exit_code == 0, result.stderr
    from aiportfolio.register.loader import load_register

    register = load_register(root)
    assert register.problems == []
    tri, bare = register.usecases
    assert [(k.name, k.level, k.baseline, k.target) for k in tri.kpis] == [
        ("Délai de tri", "impact", 48, 8),
        ("Taux d'usage", "adoption", None, None),
    ]
    assert [(c.family, c.amount_eur) for c in tri.costs.one_off] == [("integration", 20000)]
    assert [(c.family, c.amount_eur) for c in tri.costs.monthly] == [("vendor", 500)]
    assert tri.scores == {"business_value": 4}
    # A row without the KPI's cells has no KPI: the constant level alone makes no item.
    assert bare.kpis == [] and bare.costs.one_off == []
    assert "kpis" not in (root / "usecases" / _files(root)[1]).read_text("utf-8")


def test_update_sets_item_fields_and_keeps_the_rest(tmp_path: Path) -> None:
    case = usecase()
    case["kpis"][0]["measurements"] = [{"date": "2026-03-01", "value": 40}]
    root = write_register(tmp_path / "reg", [case])
    path = root / "usecases" / "UC-001-case.yaml"
    before = path.read_text("utf-8").splitlines()
    (tmp_path / "map.yaml").write_text(
        "fields:\n  id: ID\n  kpis.0.baseline: Base\n  kpis.1.name: Adoption\n"
        "  kpis.1.level: {constant: adoption}\n",
        "utf-8",
    )
    sheet = tmp_path / "inv.csv"
    sheet.write_text("ID,Base,Adoption\nUC-001,50,Taux d'usage\n", "utf-8")
    result = run(root, "import", str(sheet), "-m", str(tmp_path / "map.yaml"), "--update")
    assert result.exit_code == 0, result.stderr
    after = path.read_text("utf-8").splitlines()
    assert "    baseline: 50" in after
    assert "    measurements:" in after  # the KPI's other keys are kept
    assert after[-4:] != before[-4:] or "Taux d'usage" in path.read_text("utf-8")
    changed = [line for line in after if line not in before]
    assert changed == [
        "    baseline: 50",
        "  - name: Taux d'usage",
        "    level: adoption",
    ]


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ("  kpis.0.nme: KPI\n", "did you mean `kpis.0.name`"),
        ("  kpis: KPI\n  kpis.0.name: KPI\n", "kpis and kpis.0.name are both mapped"),
        ("  kpis.25.name: KPI\n", "unknown register field 'kpis.25.name'"),
        ("  title: {column: Titre, truncate: 0}\n", "fields.title.truncate"),
    ],
)
def test_bad_item_mappings_are_usage_errors(tmp_path: Path, fields: str, expected: str) -> None:
    root = write_register(tmp_path / "reg")
    sheet = _setup(tmp_path, "fields:\n" + fields, [["Tri", "x"]], ["Titre", "KPI"])
    result = _import(root, sheet)
    assert result.exit_code == 2
    assert expected in result.stderr


SKIP_MAPPING = """\
fields:
  title: Titre
  category: {constant: quick_win}
  status: Statut
  decision_date: Décision
"""


def test_skip_invalid_imports_the_valid_rows_and_writes_the_rejects(tmp_path: Path) -> None:
    root = write_register(tmp_path / "reg")
    sheet = _setup(
        tmp_path,
        SKIP_MAPPING,
        [
            ["Bon cas", "pilot", ""],
            ['=HYPERLINK("x")', "peut-être", ""],
            ["Autre bon cas", "idea", "2027-01-15"],
            ["Mauvaise date", "idea", "demain"],
        ],
        ["Titre", "Statut", "Décision"],
    )
    result = _import(root, sheet, "--skip-invalid")
    assert result.exit_code == 1
    assert _files(root) == ["UC-001-bon-cas.yaml", "UC-002-autre-bon-cas.yaml"]
    rejects = tmp_path / "inv.rejects.csv"
    assert f"2 rows with errors skipped and written with their reasons to {rejects}" in (
        result.stderr
    )
    with rejects.open(encoding="utf-8", newline="") as handle:
        table = list(csv.reader(handle))
    assert table[0] == ["Titre", "Statut", "Décision", "aip row", "aip errors"]
    assert [row[:4] for row in table[1:]] == [
        ['\'=HYPERLINK("x")', "peut-être", "", "3"],
        ["Mauvaise date", "idea", "demain", "5"],
    ]
    assert "status" in table[1][4] and "'demain' is not a valid date" in table[2][4]
    # Fixed in the rejects file, read back with the same mapping.
    table[1][1], table[2][2] = "scoping", "2027-02-01"
    with rejects.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(table)
    again = _import(root, rejects)
    assert again.exit_code == 0, again.stderr
    assert len(_files(root)) == 4
    from aiportfolio.register.loader import load_register

    titles = {u.id: u.title for u in load_register(root).usecases}
    assert titles["UC-003"] == '=HYPERLINK("x")'
    assert titles["UC-004"] == "Mauvaise date"


def test_rejects_file_may_not_be_the_input(tmp_path: Path) -> None:
    root = write_register(tmp_path / "reg")
    sheet = _setup(
        tmp_path, SKIP_MAPPING, [["Bon cas", "pilot", ""]], ["Titre", "Statut", "Décision"]
    )
    result = _import(root, sheet, "--skip-invalid", "--rejects", str(sheet))
    assert result.exit_code == 2
    assert "is the file being imported" in result.stderr


def test_without_skip_invalid_nothing_is_written_and_no_rejects_file(tmp_path: Path) -> None:
    root = write_register(tmp_path / "reg")
    sheet = _setup(
        tmp_path,
        SKIP_MAPPING,
        [["Bon cas", "pilot", ""], ["X", "bad", ""]],
        ["Titre", "Statut", "Décision"],
    )
    result = _import(root, sheet)
    assert result.exit_code == 1
    assert _files(root) == []
    assert not (tmp_path / "inv.rejects.csv").exists()


def test_reimport_with_blank_ids_creates_nothing_twice(tmp_path: Path) -> None:
    root = write_register(tmp_path / "reg")
    sheet = _setup(
        tmp_path,
        SKIP_MAPPING,
        [["Bon cas", "pilot", ""], ["Autre cas", "idea", "2027-01-15"]],
        ["Titre", "Statut", "Décision"],
    )
    first = _import(root, sheet)
    assert first.exit_code == 0, first.stderr
    written = {p.name: p.read_bytes() for p in (root / "usecases").iterdir()}
    # A third row added, the second one changed (a different row now: created).
    sheet.write_text(
        "Titre,Statut,Décision\nBon cas,pilot,\nAutre cas,scoping,2027-01-15\nNouveau,idea,\n",
        "utf-8",
    )
    second = _import(root, sheet)
    assert second.exit_code == 0, second.stderr
    assert "row 2: already in the register as UC-001" in second.stderr
    assert "2 to create, 0 to update, 1 unchanged" in second.stderr
    assert _files(root) == [
        "UC-001-bon-cas.yaml",
        "UC-002-autre-cas.yaml",
        "UC-003-autre-cas.yaml",
        "UC-004-nouveau.yaml",
    ]
    for name, data in written.items():
        assert (root / "usecases" / name).read_bytes() == data


# --- suggested mappings -----------------------------------------------------------------------

ENGLISH = [
    "Use Case ID",
    "Use Case Name",
    "Stage of Development",
    "Agency",
    "Problem Statement",
    "Expected Benefits",
    "Vendor",
    "Personal Data",
    "Free text",
]
FRENCH = [
    "Réf",
    "Intitulé",
    "Statut",
    "Catégorie",
    "Porteur",
    "Description",
    "Gain annuel",
    "KPI",
    "Valeur de référence",
    "Cible",
    "Coût estimé",
    "Remarques diverses",
]


def test_suggested_mapping_from_english_headers_imports(tmp_path: Path) -> None:
    root = write_register(tmp_path / "reg")
    long_name = "Very long use case name " * 10
    sheet = _setup(
        tmp_path,
        "",
        [
            [
                "",
                "Claims triage",
                "In production",
                "Treasury",
                "Slow",
                "Faster",
                "Acme",
                "yes",
                "z",
            ],
            ["", long_name, "Initiated", "IRS", "Manual", "Less work", "", "no", ""],
            ["", "Fraud alerts", "Retired", "IRS", "Late", "", "", "", ""],
            ["", "Odd one", "Paused", "IRS", "", "", "", "", ""],
            ["", "Chatbot", "In production since 2024", "IRS", "", "", "", "", ""],
        ],
        ENGLISH,
    )
    result = run(root, "--lang", "en", "import", str(sheet), "--suggest-mapping")
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    for line in (
        "  id: Use Case ID",
        "#   - Agency (process.where needs process.name)",
        "  problem: Problem Statement",
        "  value.hypothesis: Expected Benefits",
        "  integration.vendor: Vendor",
        "  risk.personal_data: Personal Data",
        "    column: Use Case Name",
        f"    truncate: 200  # cells up to {len(long_name.strip())} characters",
        "      In production: operated",
        "      Initiated: idea",
        "      Retired: stopped",
        "      In production since 2024: operated",
        "    # values not recognised (translate them in values:): Paused",
        "  category: {constant: quick_win}  # no column found",
        "#   - Free text",
    ):
        assert line in text, line
    (tmp_path / "map.yaml").write_text(text.replace("Paused", "x"), "utf-8")
    dry = _import(root, sheet, "--dry-run")
    assert dry.exit_code == 1  # "Paused" is still untranslated: the dry run says where
    assert "row 5: status: 'Paused'" in dry.stderr
    assert "row 3: title" not in dry.stderr  # the long name was cut


def test_suggested_mapping_from_french_headers(tmp_path: Path) -> None:
    root = write_register(tmp_path / "reg", [usecase()])
    sheet = _setup(
        tmp_path,
        "",
        [
            [
                "",
                "Tri",
                "Pilote",
                "Gain rapide",
                "Claire",
                "Lent",
                "60000",
                "Délai",
                "48",
                "8",
                "20000",
                "x",
            ]
        ],
        FRENCH,
    )
    result = run(root, "--lang", "fr", "import", str(sheet), "--suggest-mapping")
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    assert text.startswith("# Correspondance proposée par `aip import inv.csv --suggest-mapping`")
    for line in (
        "  id: Réf",
        "  title: Intitulé",
        "      Pilote: pilot",
        "      Gain rapide: quick_win",
        "  owner.name: Porteur",
        "  problem: Description",
        "#   - Gain annuel (value.annual_gain_eur needs value.hypothesis)",
        "  kpis.0.name: KPI",
        "  kpis.0.level: {constant: impact}",
        "  kpis.0.baseline: Valeur de référence",
        "  kpis.0.target: Cible",
        "  costs.one_off.0.amount_eur: Coût estimé",
        "  costs.one_off.0.family: {constant: integration}",
        "#   - Remarques diverses",
    ):
        assert line in text, line
    assert list((root / "usecases").iterdir()) == [root / "usecases" / "UC-001-case.yaml"]
    (tmp_path / "map.yaml").write_text(text, "utf-8")
    dry = _import(root, sheet, "--dry-run")
    assert dry.exit_code == 0, dry.stderr
    assert "1 row read: 1 to create" in dry.stderr


def test_ids_compare_by_number_on_update(tmp_path: Path) -> None:
    """A row's id finds the use case whatever its zeros (model.common.canonical_id)."""
    root = write_register(tmp_path / "reg", [usecase(id="UC-0042")])
    path = next((root / "usecases").glob("*.yaml"))
    (tmp_path / "map.yaml").write_text("fields:\n  id: ID\n  next_step: Suite\n", "utf-8")
    sheet = tmp_path / "inv.csv"
    sheet.write_text("ID,Suite\nuc 42,Lancer le pilote\n", "utf-8")
    refused = run(root, "import", str(sheet), "-m", str(tmp_path / "map.yaml"))
    assert refused.exit_code == 1
    assert "UC-042 already exists" in refused.stderr
    updated = run(root, "import", str(sheet), "-m", str(tmp_path / "map.yaml"), "--update")
    assert updated.exit_code == 0, updated.stderr
    assert "1 to update" in updated.stderr
    assert "next_step: Lancer le pilote" in path.read_text("utf-8")
    assert len(list((root / "usecases").iterdir())) == 1
