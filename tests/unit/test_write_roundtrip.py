"""Nothing lost: every writing command changes only the lines it must, on every example
file of the bundled register (comments, key order, quoting, untouched lines identical)."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest

from aiptest import REPO_ROOT, run

EXAMPLES = sorted((REPO_ROOT / "usecases").glob("*.yaml"))


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    """(removed, added) lines of a line-by-line diff."""
    removed: list[str] = []
    added: list[str] = []
    matcher = difflib.SequenceMatcher(a=before.splitlines(), b=after.splitlines(), autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            removed += before.splitlines()[i1:i2]
            added += after.splitlines()[j1:j2]
    return removed, added


@pytest.fixture
def register(tmp_path: Path) -> Path:
    """A copy of the example register (config and use cases)."""
    shutil.copytree(REPO_ROOT / "config", tmp_path / "config")
    shutil.copytree(REPO_ROOT / "usecases", tmp_path / "usecases")
    shutil.copytree(REPO_ROOT / "conformite", tmp_path / "conformite")  # AI Act evidence
    return tmp_path


def _file(root: Path, example: Path) -> Path:
    return root / "usecases" / example.name


def _load(path: Path):  # type: ignore[no-untyped-def]
    from aiportfolio.model.usecase import UseCase
    from aiportfolio.register.yamlio import read_yaml

    return UseCase.model_validate(read_yaml(path)[0])


def test_the_example_register_has_files() -> None:
    assert len(EXAMPLES) >= 10


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name[:6])
def test_decide_changes_only_status_and_appends_the_decision(register: Path, example: Path) -> None:
    from aiportfolio.model.lifecycle import allowed

    path = _file(register, example)
    before_text = path.read_text(encoding="utf-8")
    uc = _load(path)
    choices = allowed(uc.status)
    if not choices:
        result = run(register, "decide", uc.id, "go", "--note", "x")
        assert result.exit_code == 2
        assert path.read_text(encoding="utf-8") == before_text
        return
    decision = choices[0]
    last = max([d.date.isoformat() for d in uc.decisions] + ["2026-11-26"])
    result = run(
        register, "decide", uc.id, decision, "--note", "Comité du jour", "--date", last, "--force"
    )
    assert result.exit_code == 0, result.stderr
    after_text = path.read_text(encoding="utf-8")
    removed, added = changed_lines(before_text, after_text)
    after = _load(path)
    expected_removed = [] if after.status == uc.status else [f"status: {uc.status}"]
    assert [r for r in removed if not r.startswith("decisions:")] == expected_removed
    assert after.decisions[-1].note == "Comité du jour"
    assert after.decisions[:-1] == uc.decisions
    assert after.model_dump(exclude={"status", "decisions"}) == uc.model_dump(
        exclude={"status", "decisions"}
    )
    # Added lines: the new status, the new decision (and "decisions:" if it was `[]`).
    decision_lines = [a for a in added if not a.startswith(("status:", "decisions:"))]
    assert len(decision_lines) == 4
    assert all(line.startswith(("  - date:", "    ")) for line in decision_lines)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name[:6])
def test_kpi_record_only_inserts_the_measurement(register: Path, example: Path) -> None:
    path = _file(register, example)
    uc = _load(path)
    if not uc.kpis:
        pytest.skip("no KPI")
    kpi = uc.kpis[-1]
    before_text = path.read_text(encoding="utf-8")
    result = run(register, "kpi", "record", uc.id, kpi.name, "12,5", "--date", "2027-01-04")
    assert result.exit_code == 0, result.stderr
    after_text = path.read_text(encoding="utf-8")
    removed, added = changed_lines(before_text, after_text)
    assert [r for r in removed if not r.strip().startswith("measurements:")] == []
    measurement_lines = [a for a in added if not a.strip().startswith("measurements:")]
    assert [m.strip() for m in measurement_lines] == ["- date: 2027-01-04", "value: 12.5"]
    after = _load(path)
    assert after.kpis[-1].measurements[-1].value == 12.5
    assert after.model_dump(exclude={"kpis"}) == uc.model_dump(exclude={"kpis"})


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name[:6])
def test_fmt_leaves_a_formatted_file_byte_identical(example: Path) -> None:
    from aiportfolio.actions.fmt import format_text

    text = example.read_text(encoding="utf-8")
    assert format_text(text) == text


def test_fmt_check_passes_on_the_example_register(register: Path) -> None:
    result = run(register, "fmt", "--check")
    assert result.exit_code == 0, result.stdout + result.stderr
    assert result.stdout == ""


def test_export_then_import_update_changes_nothing(register: Path, tmp_path: Path) -> None:
    before = {p.name: p.read_bytes() for p in (register / "usecases").glob("*.yaml")}
    exported = tmp_path / "all.csv"
    assert run(register, "export", "--out", str(exported)).exit_code == 0
    result = run(register, "import", str(exported), "--update")
    assert result.exit_code == 0, result.stderr
    after = {p.name: p.read_bytes() for p in (register / "usecases").glob("*.yaml")}
    assert after == before


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name[:6])
def test_import_update_of_one_field_changes_one_line(
    register: Path, tmp_path: Path, example: Path
) -> None:
    path = _file(register, example)
    uc = _load(path)
    sheet = tmp_path / "one.csv"
    sheet.write_text(f"ID;Next step\n{uc.id};Présenter au comité du 15/01\n", "utf-8")
    mapping = tmp_path / "map.yaml"
    mapping.write_text("fields:\n  id: ID\n  next_step: Next step\n", "utf-8")
    before_text = path.read_text(encoding="utf-8")
    result = run(register, "import", str(sheet), "--mapping", str(mapping), "--update")
    assert result.exit_code == 0, result.stderr
    removed, added = changed_lines(before_text, path.read_text(encoding="utf-8"))
    assert added == ["next_step: Présenter au comité du 15/01"]
    assert len(removed) <= 1 and all(r.startswith("next_step:") for r in removed)
