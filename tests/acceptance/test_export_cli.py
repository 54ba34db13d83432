"""aip export as a sponsor and a spreadsheet see it: the XLSX workbook, CSV for Excel,
folders and file modes."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from aiptest import run, usecase, write_register

FRENCH = "language: fr\n"


def _register(tmp_path: Path, portfolio: str | None = None) -> Path:
    first = usecase(
        title='=HYPERLINK("http://x")',
        kpis=[
            {
                "name": "Délai de tri",
                "level": "impact",
                "unit": "heures",
                "baseline": 48,
                "target": 8.5,
                "north_star": True,
                "direction": "lower_is_better",
                "measurements": [
                    {"date": "2026-10-01", "value": 30},
                    {"date": "2026-11-01", "value": 20.5},
                ],
            },
            {"name": "Taux d'usage", "level": "adoption", "baseline": 0, "target": 0.8},
        ],
        decisions=[{"date": "2026-09-01", "decision": "go", "by": "Comité", "note": "ok"}],
        plan={"wave": 1, "effort_weeks": 6.5},
    )
    second = usecase(id="UC-002", title="Second", category="foundation")
    return write_register(tmp_path / "reg", [first, second], portfolio=portfolio)


def _workbook(path: Path) -> Any:
    from openpyxl import load_workbook

    return load_workbook(path)


@pytest.mark.parametrize(
    ("portfolio", "sheets", "first_headers"),
    [
        (None, ["Portfolio", "KPIs", "Measurements", "Costs", "Decisions"], ["ID", "Use case"]),
        (FRENCH, ["Portefeuille", "KPI", "Mesures", "Coûts", "Décisions"], ["ID", "Cas d'usage"]),
    ],
)
def test_xlsx_has_human_sheets_in_the_register_language(
    tmp_path: Path, portfolio: str | None, sheets: list[str], first_headers: list[str]
) -> None:
    root = _register(tmp_path, portfolio)
    out = tmp_path / "x.xlsx"
    result = run(root, "export", "--format", "xlsx", "--out", str(out))
    assert result.exit_code == 0, result.stderr
    book = _workbook(out)
    assert book.sheetnames == ["aip", *sheets]
    assert book["aip"].sheet_state == "hidden"
    assert book.active.title == sheets[0]
    for sheet in book.worksheets[1:]:
        headers = [c.value for c in sheet[1]]
        assert headers[:2] == first_headers
        assert sheet.freeze_panes == "C2"
        last = sheet.cell(1, len(headers)).column_letter
        assert sheet.auto_filter.ref == f"A1:{last}{sheet.max_row}"
        assert all(c.font.bold for c in sheet[1])
        assert sheet.column_dimensions["B"].width == 45
        # No JSON in a cell a person reads: KPIs, costs and decisions have their own sheets.
        for row in sheet.iter_rows(min_row=2, values_only=True):
            for value in row:
                assert not (isinstance(value, str) and value[:1] in "[{"), value


def test_xlsx_numbers_dates_and_rows(tmp_path: Path) -> None:
    root = _register(tmp_path)
    out = tmp_path / "x.xlsx"
    assert run(root, "export", "-f", "xlsx", "-o", str(out)).exit_code == 0
    book = _workbook(out)
    portfolio = book["Portfolio"]
    headers = [c.value for c in portfolio[1]]
    row = {h: c for h, c in zip(headers, portfolio[2], strict=True)}
    assert row["Use case"].value == '=HYPERLINK("http://x")'  # text, never a formula
    assert row["Use case"].data_type == "s"
    assert row["Annual gain (€)"].value == 60000
    assert row["Annual gain (€)"].number_format == '#,##0 "€"'
    assert row["TCO over the horizon (€)"].value == 26000
    assert row["Decision date"].number_format == "yyyy-mm-dd"
    assert row["Last measurement"].value == 20.5
    assert row["Status"].value == "scoping"
    assert row["Category"].value == "Quick win"
    kpis = [[c.value for c in r] for r in book["KPIs"].iter_rows(min_row=2)]
    assert [(r[0], r[2], r[5], r[8], r[9], r[11]) for r in kpis] == [
        ("UC-001", "Délai de tri", "lower is better", "yes", 20.5, 2),
        ("UC-001", "Taux d'usage", None, "no", None, 0),
        ("UC-002", "Délai de tri", None, "yes", None, 0),
    ]
    assert book["Measurements"].max_row == 3
    costs = [[c.value for c in r] for r in book["Costs"].iter_rows(min_row=2, max_row=3)]
    assert costs[0][2:] == ["one-off", "IS integration", None, 20000, 12, 20000]
    assert costs[1][2:] == ["monthly", "vendor API & licences", None, 500, 12, 6000]
    decisions = [[c.value for c in r] for r in book["Decisions"].iter_rows(min_row=2)]
    assert [d[3:] for d in decisions] == [["go", "Comité", "ok"]]


def test_out_creates_folders_and_files_get_the_umask_mode(tmp_path: Path) -> None:
    root = _register(tmp_path)
    old = os.umask(0o022)
    try:
        for fmt, name in (("xlsx", "x.xlsx"), ("csv", "x.csv")):
            out = tmp_path / "exports" / "2026" / name
            result = run(root, "export", "--format", fmt, "--out", str(out))
            assert result.exit_code == 0, result.stderr
            assert out.stat().st_mode & 0o777 == 0o644
        os.umask(0o027)
        out = tmp_path / "other" / "y.xlsx"
        assert run(root, "export", "-f", "xlsx", "-o", str(out)).exit_code == 0
        assert out.stat().st_mode & 0o777 == 0o640
    finally:
        os.umask(old)


@pytest.mark.parametrize(
    ("portfolio", "delimiter", "number"), [(None, ",", "6.5"), (FRENCH, ";", "6,5")]
)
def test_csv_for_excel(tmp_path: Path, portfolio: str | None, delimiter: str, number: str) -> None:
    root = _register(tmp_path, portfolio)
    result = run(root, "export", "--excel")
    assert result.exit_code == 0
    raw = result.stdout_bytes
    assert raw.startswith("\ufeff".encode())
    text = raw.decode("utf-8-sig")
    assert text.startswith(f"id{delimiter}title{delimiter}status")
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
    assert f"{delimiter}{number}{delimiter}" in text  # plan.effort_weeks
    plain = run(root, "export").stdout
    assert not plain.startswith("\ufeff") and plain.startswith("id,title")


@pytest.mark.parametrize("portfolio", [None, FRENCH])
def test_excel_csv_reads_back_identically(tmp_path: Path, portfolio: str | None) -> None:
    from aiportfolio.register.loader import load_register

    source = _register(tmp_path, portfolio)
    out = tmp_path / "all.csv"
    assert run(source, "export", "--excel", "--out", str(out)).exit_code == 0
    target = write_register(tmp_path / "b", portfolio=portfolio)
    result = run(target, "import", str(out))
    assert result.exit_code == 0, result.stderr
    before = load_register(source).usecases
    after = load_register(target).usecases
    assert [u.model_dump() for u in after] == [u.model_dump() for u in before]
