"""A register arrives by pull request: its files and templates are untrusted input."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from aiptest import REPO_ROOT, run, usecase, write_register


@pytest.fixture
def register(tmp_path: Path) -> Path:
    root = tmp_path / "reg"
    shutil.copytree(REPO_ROOT / "config", root / "config")
    shutil.copytree(REPO_ROOT / "usecases", root / "usecases")
    shutil.copytree(REPO_ROOT / "conformite", root / "conformite")  # AI Act evidence
    (root / "templates").mkdir()
    return root


@pytest.mark.parametrize(
    ("template", "words"),
    [
        ('{{ lipsum.__globals__["os"].popen("echo PWNED").read() }}', "unsafe"),
        ("{{ cycler.__init__.__globals__.os.system('true') }}", "unsafe"),
        ("{% for x in %}", "Expected an expression"),
        ("{{ nosuchvar }}", "'nosuchvar' is undefined"),
        ('{{ t("no.such.key") }}', "unknown message key"),
        ("{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", "recursion"),
    ],
)
def test_a_hostile_or_broken_template_is_a_config_error(
    register: Path, template: str, words: str
) -> None:
    (register / "templates" / "roadmap.md.j2").write_text(template + "\n", encoding="utf-8")
    result = run(register, "--lang", "en", "roadmap")
    assert result.exit_code == 2
    assert "PWNED" not in result.stdout
    assert "templates/roadmap.md.j2:1:1: [template]" in result.stderr
    assert words in result.stderr
    assert "Traceback" not in result.stderr


def test_a_template_cannot_lead_outside_its_folder(register: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET\n")
    (register / "templates" / "roadmap.md.j2").symlink_to(secret)
    result = run(register, "--lang", "en", "roadmap")
    assert result.exit_code == 2
    assert "TOP SECRET" not in result.stdout
    assert "leads outside its templates folder" in result.stderr


def test_fmt_never_rewrites_a_file_outside_usecases(register: Path, tmp_path: Path) -> None:
    outside = tmp_path / "conf.ini"
    outside.write_text("a=1\nb=2\n")
    result = run(register, "fmt", str(outside))
    assert result.exit_code == 2
    assert outside.read_text() == "a=1\nb=2\n"
    link = register / "usecases" / "UC-999-link.yaml"
    link.symlink_to(outside)
    result = run(register, "fmt", str(link))
    assert result.exit_code == 2
    assert outside.read_text() == "a=1\nb=2\n"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_reported_not_read(tmp_path: Path) -> None:
    root = write_register(tmp_path, [usecase()])
    os.mkfifo(root / "usecases" / "UC-002-pipe.yaml")
    result = run(root, "check")
    assert result.exit_code == 1
    assert "UC-002-pipe.yaml: error [not-a-file]" in result.stdout


def test_a_folder_in_place_of_portfolio_yaml_is_a_config_error(tmp_path: Path) -> None:
    root = write_register(tmp_path, [usecase()])
    (root / "config" / "portfolio.yaml").mkdir()
    result = run(root, "check")
    assert result.exit_code == 2
    assert "config/portfolio.yaml" in result.stderr


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("costs", {"horizon_months": 60, "monthly": [{"family": "vendor", "amount_eur": 1e307}]}),
        (
            "kpis",
            [
                {
                    "name": "x",
                    "level": "impact",
                    "baseline": 0,
                    "target": 10,
                    "measurements": [{"date": "2026-01-01", "value": -1e308}],
                }
            ],
        ),
    ],
)
def test_absurd_magnitudes_are_schema_errors(tmp_path: Path, field: str, value: object) -> None:
    root = write_register(tmp_path, [usecase(**{field: value})])
    result = run(root, "check")
    assert result.exit_code == 1
    assert "out of range" in result.stdout
    for command in ("balance", "tco", "dashboard"):
        assert "Traceback" not in run(root, command).stderr


def test_a_wave_date_past_the_calendar_is_a_config_error(tmp_path: Path) -> None:
    portfolio = "waves:\n  - {id: 1, name: Far, start: 9999-12-01, weeks: 104}\n"
    root = write_register(tmp_path, [usecase()], portfolio=portfolio)
    result = run(root, "plan")
    assert result.exit_code == 2
    assert "config/portfolio.yaml" in result.stderr


def test_import_refuses_a_sheet_with_a_stray_far_cell(tmp_path: Path) -> None:
    from openpyxl import Workbook

    root = write_register(tmp_path / "reg", [usecase()])
    book = Workbook()
    sheet = book.active
    sheet.append(["title", "status", "category"])
    sheet.append(["Tri des factures", "idea", "quick_win"])
    sheet.cell(row=1_048_576, column=16_384, value="x")
    path = tmp_path / "bomb.xlsx"
    book.save(path)
    result = run(root, "import", str(path), "--dry-run")
    assert result.exit_code == 2
    assert "too large" in result.stderr


def test_import_reports_an_oversized_csv_cell(tmp_path: Path) -> None:
    root = write_register(tmp_path / "reg", [usecase()])
    path = tmp_path / "big.csv"
    path.write_text('title,status,category\n"' + "x" * 200_000 + '",idea,quick_win\n')
    result = run(root, "import", str(path), "--dry-run")
    assert result.exit_code == 2
    assert "cannot read" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_as_portfolio_yaml_does_not_block(tmp_path: Path) -> None:
    root = write_register(tmp_path, [usecase()])
    os.mkfifo(root / "config" / "portfolio.yaml")
    result = run(root, "check")
    assert result.exit_code == 2
    assert "not a regular file" in result.stderr
