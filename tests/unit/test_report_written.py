"""The reporters of the commands that write (report/written.py): which lines, in which
order, on which stream, with which style."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from aiportfolio.i18n import Translator
from aiportfolio.report.written import Note, fmt_notes, import_outcome_notes

T = Translator("en")


def _fmt_result(root: Path, changed: list[str], same: list[str], skipped: list[str]) -> Any:
    def edit(name: str, is_changed: bool) -> Any:
        return SimpleNamespace(path=root / "usecases" / name, changed=is_changed)

    edits = [edit(n, True) for n in changed] + [edit(n, False) for n in same]
    return SimpleNamespace(
        edits=tuple(edits),
        changed=[e for e in edits if e.changed],
        skipped=tuple(SimpleNamespace(path=root / "usecases" / n, detail="bad") for n in skipped),
    )


def test_fmt_check_lists_the_files_on_stdout_between_the_diagnostics(tmp_path: Path) -> None:
    result = _fmt_result(tmp_path, ["UC-001-a.yaml"], ["UC-002-b.yaml"], ["UC-003-c.yaml"])
    notes = fmt_notes(result, tmp_path, True, T)
    assert [n.stdout for n in notes] == [False, True, False, False, False]
    assert notes[0].style == "red" and "UC-003-c.yaml" in notes[0].text
    assert "UC-001-a.yaml" in notes[1].text
    assert notes[-1].style == "bold red"  # the skipped file is a finding


def test_fmt_without_check_writes_nothing_on_stdout(tmp_path: Path) -> None:
    result = _fmt_result(tmp_path, ["UC-001-a.yaml"], [], [])
    notes = fmt_notes(result, tmp_path, False, T)
    assert not any(n.stdout for n in notes)
    assert "UC-001-a.yaml" in notes[0].text


@pytest.mark.parametrize(
    ("errors", "dry_run", "rejects", "styles"),
    [
        (0, False, None, [None]),  # done
        (0, True, None, [None]),  # dry run: nothing written
        (2, False, None, ["bold red"]),  # nothing written
        (2, False, Path("r.csv"), [None, "bold red"]),  # valid rows written, then rejects
    ],
)
def test_import_outcome(
    errors: int, dry_run: bool, rejects: Path | None, styles: list[str | None]
) -> None:
    result = SimpleNamespace(errors=errors, counts={"created": 3, "updated": 1})
    notes = import_outcome_notes(result, T, dry_run=dry_run, rejects=rejects)
    assert [n.style for n in notes] == styles
    assert all(isinstance(n, Note) and n.text for n in notes)
    if rejects is not None:
        assert "r.csv" in notes[1].text
