from __future__ import annotations

from pathlib import Path

from aiptest import run, usecase, write_register


def test_valid_register_passes(tmp_path: Path) -> None:
    root = write_register(tmp_path, [usecase()])
    result = run(root, "check")
    assert result.exit_code == 0, result.stdout + result.stderr


def test_missing_owner_fails_with_location(tmp_path: Path) -> None:
    root = write_register(tmp_path, [usecase(owner=None)])
    result = run(root, "check")
    assert result.exit_code == 1
    assert "usecases/UC-001-case.yaml:5:1: error [owner-required]" in result.stdout
