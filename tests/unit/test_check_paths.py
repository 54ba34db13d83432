"""``aip check PATHS``: a folder stands for the use-case files in it, cached or not, on
typer's path and on the fast path (cli/check_run.py hands the files to the check)."""

from __future__ import annotations

from pathlib import Path

import pytest

from aiptest import run, usecase, write_register


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return write_register(
        tmp_path / "reg",
        [usecase(), usecase(id="UC-002", owner=None), usecase(id="UC-003", kpis=[])],
    )


@pytest.mark.parametrize("cache", ["--cache", "--no-cache"])
def test_a_folder_is_its_files(root: Path, monkeypatch: pytest.MonkeyPatch, cache: str) -> None:
    monkeypatch.chdir(root)
    files = sorted(str(p.relative_to(root)) for p in (root / "usecases").glob("*.yaml"))
    by_files = run(root, "check", cache, *files)
    assert by_files.exit_code == 1
    assert "owner-required" in by_files.stdout and "kpi-required" in by_files.stdout
    for folder in ("usecases", "usecases/", str(root / "usecases")):
        by_folder = run(root, "check", cache, folder)
        assert (by_folder.exit_code, by_folder.stdout, by_folder.stderr) == (
            by_files.exit_code,
            by_files.stdout,
            by_files.stderr,
        ), folder


def test_a_folder_without_use_cases_is_a_usage_error(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(root)
    (root / "empty").mkdir()
    result = run(root, "check", "empty")
    assert result.exit_code == 2
    assert "empty" in result.stderr and "nothing to check" in result.stderr
    assert result.stdout == ""
