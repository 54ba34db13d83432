"""Atomic writes: a failure mid-write leaves the old file intact and no temporary file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from aiptest import run, usecase, write_register


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


@pytest.mark.parametrize(
    "args",
    [
        ("decide", "UC-001", "go", "--note", "ok"),
        ("kpi", "record", "UC-001", "Délai de tri", "12"),
        ("new", "Un autre cas"),
    ],
    ids=["decide", "kpi-record", "new"],
)
@pytest.mark.parametrize("failing", ["replace", "fsync"])
def test_failure_mid_write_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...], failing: str
) -> None:
    root = write_register(tmp_path, [usecase()])
    before = _snapshot(root / "usecases")

    def boom(*_: object, **__: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, failing, boom)
    result = run(root, *args)
    monkeypatch.undo()
    assert result.exit_code == 2  # a clear message, not a traceback
    assert "No space left on device" in result.stderr
    assert "intact" in result.stderr
    assert _snapshot(root / "usecases") == before  # no temp file, old content


def test_a_half_written_temp_file_is_never_visible(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While the new text is written, the real path still holds the old text."""
    root = write_register(tmp_path, [usecase()])
    path = root / "usecases" / "UC-001-case.yaml"
    old = path.read_bytes()
    seen: list[bytes] = []
    real_replace = os.replace

    def spy(src: str, dst: str) -> None:
        seen.append(Path(dst).read_bytes())
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    assert run(root, "decide", "UC-001", "go", "--note", "ok").exit_code == 0
    assert seen == [old]
    assert path.read_bytes() != old
