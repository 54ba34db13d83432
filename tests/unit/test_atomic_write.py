"""atomic_write: whole file or nothing, permissions as a user expects."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from aiportfolio.register.roundtrip import atomic_write


def test_new_file_gets_the_umask_mode(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        atomic_write(tmp_path / "a.yaml", "x: 1\n")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "a.yaml").stat().st_mode) == 0o644


def test_existing_file_keeps_its_mode(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("x: 1\n")
    path.chmod(0o640)
    atomic_write(path, "x: 2\n")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert path.read_text() == "x: 2\n"


def test_bytes_and_text_are_written_as_given(tmp_path: Path) -> None:
    atomic_write(tmp_path / "b.bin", b"\xef\xbb\xbfa\r\nb")
    assert (tmp_path / "b.bin").read_bytes() == b"\xef\xbb\xbfa\r\nb"
    atomic_write(tmp_path / "t.yaml", "é\r\n")
    assert (tmp_path / "t.yaml").read_bytes() == "é\r\n".encode()


def test_failure_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("old\n")

    def boom(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        atomic_write(path, "new\n")
    assert path.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.yaml"]
