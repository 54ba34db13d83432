"""Issue 11, points 7 and 8: every writer leaves untouched lines byte-identical (4-space
indent, CRLF, BOM, escapes such as ``"caf\\u00e9"``, flow mappings, comments: the corpus in
``tests/corpus/roundtrip/``), and a multi-file write is all-or-nothing."""

from __future__ import annotations

import csv
import difflib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from aiptest import REPO_ROOT, run, write_register

CORPUS = REPO_ROOT / "tests" / "corpus" / "roundtrip"
FILES = sorted(CORPUS.glob("*.yaml"))
BOM = b"\xef\xbb\xbf"


def _register(tmp_path: Path, source: Path) -> tuple[Path, Path]:
    root = write_register(tmp_path / "reg", [], portfolio="language: en\n")
    target = root / "usecases" / source.name
    target.write_bytes(source.read_bytes())
    return root, target


def _removed(before: bytes, after: bytes) -> list[str]:
    """Lines of ``before`` that ``after`` no longer has, byte for byte."""
    old = before.decode("utf-8").splitlines(keepends=True)
    new = after.decode("utf-8").splitlines(keepends=True)
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    return [
        line
        for tag, i1, i2, _, _ in matcher.get_opcodes()
        if tag in ("replace", "delete")
        for line in old[i1:i2]
    ]


def _same_encoding(before: bytes, after: bytes) -> None:
    assert after.startswith(BOM) == before.startswith(BOM)
    if b"\r\n" in before:
        assert after.count(b"\n") == after.count(b"\r\n"), "every line keeps CRLF"
    else:
        assert b"\r" not in after


def test_the_corpus_covers_each_hard_case() -> None:
    data = b"".join(p.read_bytes() for p in FILES)
    for needle in [BOM, b"\r\n", b"\\u00e9", b"\n    name:", b": {", b": [", b"  # ", b"-   "]:
        assert needle in data, needle


@pytest.mark.parametrize("source", FILES, ids=lambda p: p.stem)
def test_decide_changes_only_the_status_and_decision_lines(tmp_path: Path, source: Path) -> None:
    root, target = _register(tmp_path, source)
    before = target.read_bytes()
    result = run(root, "decide", "UC-001", "go", "--note", "ok", "--date", "2026-11-20")
    assert result.exit_code == 0, result.stderr
    after = target.read_bytes()
    _same_encoding(before, after)
    removed = _removed(before, after)
    assert all(line.lstrip().startswith(("status:", "decision_date:")) for line in removed), removed
    assert run(root, "check").exit_code == 0


@pytest.mark.parametrize("source", FILES, ids=lambda p: p.stem)
def test_kpi_record_only_adds_lines(tmp_path: Path, source: Path) -> None:
    root, target = _register(tmp_path, source)
    before = target.read_bytes()
    result = run(root, "kpi", "record", "UC-001", "Délai de tri", "20", "--date", "2026-11-20")
    assert result.exit_code == 0, result.stderr
    after = target.read_bytes()
    _same_encoding(before, after)
    assert _removed(before, after) == []
    assert run(root, "check").exit_code == 0


@pytest.mark.parametrize("source", FILES, ids=lambda p: p.stem)
def test_plan_apply_changes_only_the_wave_line(tmp_path: Path, source: Path) -> None:
    from aiportfolio.actions.plan import set_wave
    from aiportfolio.register.source import read_source

    _root, target = _register(tmp_path, source)
    before = target.read_bytes()
    source_text = read_source(target)
    after = source_text.encode(set_wave(source_text.text, 2)).encode("utf-8")
    _same_encoding(before, after)
    removed = _removed(before, after)
    assert [line.strip() for line in removed] == ["wave: 1"]


@pytest.mark.parametrize("source", FILES, ids=lambda p: p.stem)
def test_import_update_changes_only_the_imported_field(tmp_path: Path, source: Path) -> None:
    root, target = _register(tmp_path, source)
    before = target.read_bytes()
    exported = run(root, "export", "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(exported)))
    rows[0]["next_step"] = "Nouvelle étape"
    sheet = tmp_path / "update.csv"
    with sheet.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    result = run(root, "import", str(sheet), "--update")
    assert result.exit_code == 0, result.stdout + result.stderr
    after = target.read_bytes()
    _same_encoding(before, after)
    removed = _removed(before, after)
    assert all(line.lstrip().startswith("next_step:") for line in removed), removed
    assert "Nouvelle étape" in after.decode("utf-8")


@pytest.mark.parametrize("source", FILES, ids=lambda p: p.stem)
def test_fmt_keeps_the_bom_and_line_ends(tmp_path: Path, source: Path) -> None:
    root, target = _register(tmp_path, source)
    before = target.read_bytes()
    assert run(root, "fmt").exit_code == 0
    after = target.read_bytes()
    _same_encoding(before, after)
    assert run(root, "fmt", "--check").exit_code == 0  # formatted once, stable
    assert run(root, "check").exit_code == 0


# --- 8. all-or-nothing multi-file writes ------------------------------------------------

_CRASH = """
import os, sys
from pathlib import Path
from aiportfolio.register import journal

root = Path(sys.argv[1])
crash_at = int(sys.argv[2])  # how many renames succeed before the kill
real_replace = os.replace
calls = {"n": 0}

def replace(src, dst):
    if not str(src).endswith(".aip-journal.json") and ".aip-journal.json." not in str(src):
        if calls["n"] == crash_at:
            os._exit(9)  # as abrupt as SIGKILL: no cleanup runs
        calls["n"] += 1
    real_replace(src, dst)

os.replace = replace
files = sorted((root / "usecases").glob("*.yaml"))
journal.write_files(root, [(p, p.read_bytes() + b"# changed\\n") for p in files])
"""


def _three_files(tmp_path: Path) -> Path:
    from aiptest import usecase

    return write_register(
        tmp_path / "reg", [usecase(id=f"UC-00{i}") for i in (1, 2, 3)], portfolio="language: en\n"
    )


def _crash(root: Path, crash_at: int) -> None:
    done = subprocess.run([sys.executable, "-c", _CRASH, str(root), str(crash_at)], check=False)
    assert done.returncode == 9


def _state(root: Path) -> list[bool]:
    return [p.read_bytes().endswith(b"# changed\n") for p in sorted(root.glob("usecases/*.yaml"))]


def _leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in (root / "usecases").iterdir() if p.name.startswith("."))


def test_a_write_killed_between_renames_is_completed_by_the_next_command(
    tmp_path: Path,
) -> None:
    root = _three_files(tmp_path)
    _crash(root, crash_at=1)
    assert _state(root) == [True, False, False]  # half applied, journal on disk
    assert ".aip-journal.json" in _leftovers(root)
    result = run(root, "--lang", "en", "check")
    assert "an interrupted aip write was completed" in result.stderr
    assert _state(root) == [True, True, True]
    assert _leftovers(root) == []


_CRASH_BEFORE_JOURNAL = """
import os, sys
from pathlib import Path
from aiportfolio.register import journal

root = Path(sys.argv[1])
for path in sorted((root / "usecases").glob("*.yaml"))[:2]:
    journal.write_temp(path, path.read_bytes() + b"# changed\\n")
os._exit(9)
"""


def test_a_write_killed_before_its_journal_is_rolled_back(tmp_path: Path) -> None:
    root = _three_files(tmp_path)
    originals = [p.read_bytes() for p in sorted(root.glob("usecases/*.yaml"))]
    done = subprocess.run([sys.executable, "-c", _CRASH_BEFORE_JOURNAL, str(root)], check=False)
    assert done.returncode == 9
    assert len([n for n in _leftovers(root) if n.endswith(".tmp")]) == 2
    result = run(root, "--lang", "en", "score")
    assert "temporary files of an interrupted aip write were removed" in result.stderr
    assert [p.read_bytes() for p in sorted(root.glob("usecases/*.yaml"))] == originals
    assert _leftovers(root) == []


def test_a_hostile_journal_is_ignored_and_removed(tmp_path: Path) -> None:
    root = _three_files(tmp_path)
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me\n")
    (root / "usecases" / ".x.yaml.abc.tmp").write_text("id: UC-009\n")
    journal = {"version": 1, "renames": [["usecases/.x.yaml.abc.tmp", "../victim.txt"]]}
    (root / "usecases" / ".aip-journal.json").write_text(json.dumps(journal))
    run(root, "check")
    assert victim.read_text() == "keep me\n"
    assert _leftovers(root) == []


def test_plan_apply_and_import_write_through_the_journal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from aiportfolio.actions import writing

    seen: list[int] = []
    real = writing.write_files

    def spy(root: Path, contents: list[tuple[Path, bytes]]) -> None:
        seen.append(len(contents))
        real(root, contents)

    monkeypatch.setattr(writing, "write_files", spy)
    root = _three_files(tmp_path)
    sheet = tmp_path / "new.csv"
    sheet.write_text(
        "title,owner,status,category\nUn,Claire Martin,idea,quick_win\n"
        "Deux,Claire Martin,idea,foundation\n",
        encoding="utf-8",
    )
    result = run(root, "import", str(sheet))
    assert result.exit_code == 0, result.stdout + result.stderr
    assert seen == [2]
    assert not [n for n in os.listdir(root / "usecases") if n.endswith((".tmp", ".json"))]
