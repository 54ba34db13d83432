"""An exclusive lock on the register's ``usecases/`` folder, held while an id is chosen and
its file written, so that concurrent ``aip new`` / ``aip import`` never allocate an id twice.

POSIX: ``fcntl.flock`` on ``usecases/.aip.lock`` (released by the kernel if the process
dies; the file is removed on release). Elsewhere: the lock file itself is created
exclusively (``O_CREAT | O_EXCL``) and removed on release; a stale lock older than
``STALE_SECONDS`` is broken.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from pathlib import Path

LOCK_NAME = ".aip.lock"
STALE_SECONDS = 120.0


class LockTimeout(Exception):
    """The lock could not be taken in time."""


_HELD: dict[str, int] = {}
"""Locks this process holds (lock path -> depth): taking a held lock again is free, so a
command can hold the lock from loading to writing while ``apply_edits`` also takes it."""


@contextlib.contextmanager
def register_lock(folder: Path, timeout: float | None = None) -> Iterator[None]:
    """Hold the lock of ``folder`` (``usecases/``); re-entrant within a process. The wait
    is ``timeout`` seconds, default ``$AIP_LOCK_TIMEOUT`` or 30."""
    if timeout is None:
        try:
            timeout = float(os.environ.get("AIP_LOCK_TIMEOUT", "30"))
        except ValueError:
            timeout = 30.0
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOCK_NAME
    key = os.path.abspath(path)
    if key in _HELD:
        _HELD[key] += 1
        try:
            yield
        finally:
            _HELD[key] -= 1
        return
    with _os_lock(path, timeout):
        _HELD[key] = 1
        try:
            yield
        finally:
            del _HELD[key]


@contextlib.contextmanager
def _os_lock(path: Path, timeout: float) -> Iterator[None]:
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        with _exclusive_file_lock(path, timeout):
            yield
        return
    deadline = time.monotonic() + timeout
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            if time.monotonic() > deadline:
                raise LockTimeout(str(path)) from None
            time.sleep(0.01)
            continue
        # The holder before us may have removed the file after we opened it: the lock
        # counts only if our descriptor is still the file at ``path``.
        try:
            same = os.fstat(fd).st_ino == os.stat(path).st_ino
        except FileNotFoundError:
            same = False
        if same:
            break
        os.close(fd)
    try:
        yield
    finally:
        # Removed while still locked, so no stray lock file stays in the register.
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


@contextlib.contextmanager
def _exclusive_file_lock(path: Path, timeout: float) -> Iterator[None]:  # pragma: no cover
    deadline = time.monotonic() + timeout
    while True:
        try:
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            os.close(fd)
            break
        except FileExistsError:
            with contextlib.suppress(OSError):
                if time.time() - path.stat().st_mtime > STALE_SECONDS:
                    path.unlink()
                    continue
            if time.monotonic() > deadline:
                raise LockTimeout(str(path)) from None
            time.sleep(0.02)
    try:
        yield
    finally:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
