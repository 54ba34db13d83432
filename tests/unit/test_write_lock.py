"""Every writing command holds the register lock from reading to writing, and
``apply_edits`` (also used by ``plan --apply``) writes only what it was given to change."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from aiptest import run, usecase, write_register

HOLDER = """
import sys, time
from pathlib import Path
from aiportfolio.register.lock import register_lock
with register_lock(Path(sys.argv[1])):
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
"""


@pytest.mark.parametrize(
    "args",
    [
        ("decide", "UC-001", "go", "--note", "ok"),
        ("kpi", "record", "UC-001", "Délai de tri", "12"),
        ("fmt",),
        ("fmt", "--check"),
        ("import", "sheet.csv"),
        ("new", "Un autre cas"),
    ],
    ids=["decide", "kpi-record", "fmt", "fmt-check", "import", "new"],
)
def test_writing_commands_wait_for_the_register_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    root = write_register(tmp_path, [usecase()])
    (root / "sheet.csv").write_text("title,category\nFactures,quick_win\n", "utf-8")
    monkeypatch.chdir(root)
    monkeypatch.setenv("AIP_LOCK_TIMEOUT", "0.3")
    before = {p.name: p.read_bytes() for p in (root / "usecases").glob("*.yaml")}
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(root / "usecases"), "20"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        result = run(root, *args)
    finally:
        holder.kill()
        holder.wait()
    assert result.exit_code == 2, result.stderr
    assert "another aip command is writing the register" in result.stderr
    after = {p.name: p.read_bytes() for p in (root / "usecases").glob("*.yaml")}
    assert after == before


def test_the_lock_is_reentrant_within_a_process(tmp_path: Path) -> None:
    from aiportfolio.register.lock import register_lock

    start = time.monotonic()
    with register_lock(tmp_path, timeout=0.2), register_lock(tmp_path, timeout=0.2):
        assert (tmp_path / ".aip.lock").exists()
    assert time.monotonic() - start < 0.2
    assert not (tmp_path / ".aip.lock").exists()


# --- apply_edits -----------------------------------------------------------------------------


def test_file_edit_keeps_bom_and_crlf(tmp_path: Path) -> None:
    from aiportfolio.actions.writing import apply_edits
    from aiportfolio.register.source import file_edit

    root = write_register(tmp_path, [usecase()])
    path = next((root / "usecases").glob("*.yaml"))
    text = path.read_text("utf-8")
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    edit = file_edit(path, text.replace("status: scoping", "status: pilot"))
    assert apply_edits([edit], root=root) == 1
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert b"status: pilot\r\n" in raw
    assert raw.count(b"\n") == raw.count(b"\r\n")


def test_apply_edits_refuses_a_file_changed_since_it_was_read(tmp_path: Path) -> None:
    from aiportfolio.actions.writing import apply_edits
    from aiportfolio.errors import UsageError
    from aiportfolio.register.source import file_edit

    root = write_register(tmp_path, [usecase(), usecase(id="UC-002", title="Autre")])
    first, second = sorted((root / "usecases").glob("*.yaml"))
    edits = [
        file_edit(p, p.read_text("utf-8").replace("status: scoping", "status: pilot"))
        for p in (first, second)
    ]
    second.write_text(second.read_text("utf-8") + "# edited by hand\n", "utf-8")
    saved = {p: p.read_bytes() for p in (first, second)}
    with pytest.raises(UsageError, match="changed while aip was working"):
        apply_edits(edits, root=root)
    assert {p: p.read_bytes() for p in (first, second)} == saved


def test_apply_edits_validates_use_cases(tmp_path: Path) -> None:
    from aiportfolio.actions.writing import apply_edits
    from aiportfolio.errors import UsageError
    from aiportfolio.register.source import file_edit

    root = write_register(tmp_path, [usecase()])
    path = next((root / "usecases").glob("*.yaml"))
    saved = path.read_bytes()
    edit = file_edit(path, path.read_text("utf-8").replace("status: scoping", "status: maybe"))
    with pytest.raises(UsageError, match="status"):
        apply_edits([edit], root=root)
    assert path.read_bytes() == saved
