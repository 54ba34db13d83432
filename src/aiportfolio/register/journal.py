"""All-or-nothing writes of several files: temporary files, then a journal, then renames.

``write_files`` writes every new content to a temporary file beside its target (fsynced),
then records the planned renames in ``usecases/.aip-journal.json`` (itself written
atomically), then renames each temporary file over its target and removes the journal. A
process killed before the journal exists leaves only temporary files: nothing was changed,
and they are removed later (rolled back). Killed after, the journal names the renames still
to do: the next aip command that opens the register finishes them (rolled forward). Either
way the user sees all of the change or none of it.

``recover`` is that "next command": it runs under the register lock, only when a journal or
a temporary file of aip is present, and never follows the journal outside ``usecases/`` or
``config/`` (a journal could come from a pull request too).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
from collections.abc import Sequence
from pathlib import Path

JOURNAL_NAME = ".aip-journal.json"
FOLDERS = ("usecases", "config")
_TEMP = re.compile(r"^\.(?P<target>.+)\.[A-Za-z0-9_]+\.tmp$")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every platform can open a folder
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_temp(path: Path, data: bytes) -> Path:
    """``data`` in a new temporary file beside ``path`` (fsynced), with the mode ``path``
    has or would get."""
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask()
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(name, mode)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(name)
        raise
    return Path(name)


def write_one(path: Path, data: bytes) -> None:
    """Replace one file atomically: a reader sees the old content or the new one, never a
    partial file, and the rename is flushed to disk with its folder. The one atomic write
    (``roundtrip.atomic_write`` and ``write_files`` call it)."""
    tmp = write_temp(path, data)
    try:
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    _fsync_folder(path.parent)


def write_files(root: Path, contents: Sequence[tuple[Path, bytes]]) -> None:
    """Write every ``(path, data)`` of the register ``root`` all-or-nothing (see the module
    docstring). Call it under the register lock."""
    if len(contents) == 1:
        write_one(*contents[0])
        return
    temps: list[Path] = []
    try:
        for path, data in contents:
            temps.append(write_temp(path, data))
    except BaseException:
        for tmp in temps:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
        raise
    real_root = root.resolve()
    renames = [
        [
            tmp.resolve().relative_to(real_root).as_posix(),
            path.resolve().relative_to(real_root).as_posix(),
        ]
        for tmp, (path, _) in zip(temps, contents, strict=True)
    ]
    journal = root / "usecases" / JOURNAL_NAME
    journal_tmp = write_temp(journal, json.dumps({"version": 1, "renames": renames}).encode())
    os.replace(journal_tmp, journal)
    _fsync_folder(journal.parent)
    # From here on the change is decided: a crash is finished by the next command.
    _finish(root, renames)
    journal.unlink()
    _fsync_folder(journal.parent)


def _relative(path: Path, real_root: Path) -> str:
    return (path.parent.resolve() / path.name).relative_to(real_root).as_posix()


def _finish(root: Path, renames: list[list[str]]) -> None:
    folders = set()
    for tmp_rel, target_rel in renames:
        tmp = root / tmp_rel
        if tmp.exists():
            os.replace(tmp, root / target_rel)
        folders.add((root / target_rel).parent)
    for folder in folders:
        _fsync_folder(folder)


def _valid_renames(raw: object) -> list[list[str]] | None:
    """The journal's renames if each stays in ``usecases/`` or ``config/`` and pairs a
    temporary file of aip with its own target; ``None`` otherwise."""
    if not isinstance(raw, dict) or raw.get("version") != 1:
        return None
    renames = raw.get("renames")
    if not isinstance(renames, list):
        return None
    for pair in renames:
        if not (
            isinstance(pair, list) and len(pair) == 2 and all(isinstance(p, str) for p in pair)
        ):
            return None
        tmp, target = (Path(p) for p in pair)
        if tmp.parent != target.parent or tmp.parent.as_posix() not in FOLDERS:
            return None
        match = _TEMP.match(tmp.name)
        if match is None or match.group("target") != target.name or ".." in pair[1]:
            return None
    return renames


def pending(root: Path) -> bool:
    """Whether ``recover`` has anything to do (cheap: one listing of each folder, names
    only: every command asks, and ``usecases/`` may hold 10,000 files)."""
    for folder in FOLDERS:
        try:
            names = os.listdir(root / folder)
        except OSError:
            continue
        if JOURNAL_NAME in names:
            return True
        if any(name[0] == "." and name.endswith(".tmp") for name in names):
            return True
    return False


def recover(root: Path) -> str | None:
    """Finish or roll back an interrupted ``write_files`` of the register ``root``, and
    remove stale temporary files. Returns ``"completed"``, ``"rolled-back"`` or ``None``
    (nothing to do). Call it under the register lock."""
    journal = root / "usecases" / JOURNAL_NAME
    outcome = None
    if journal.is_file() and not journal.is_symlink():
        try:
            raw = json.loads(journal.read_bytes()[:1_000_000])
        except ValueError:
            raw = None
        renames = _valid_renames(raw)
        if renames is not None:
            _finish(root, renames)
            outcome = "completed"
        journal.unlink()
    for folder in FOLDERS:
        with contextlib.suppress(OSError):
            for entry in os.scandir(root / folder):
                if _TEMP.match(entry.name) and entry.is_file(follow_symlinks=False):
                    with contextlib.suppress(FileNotFoundError):
                        os.unlink(entry.path)
                    outcome = outcome or "rolled-back"
    return outcome
