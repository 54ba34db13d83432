"""How ``aip check`` knows a file unchanged, and its store of plain values (``marshal``,
which runs no code when read, and is faster than pickle for such values) in the register's
``.aip-cache/``; the pickled caches are in ``register/disk_cache.py``.

A store is one file: a signature with the user's own key (``disk_cache``: a store committed
by someone else is never decoded, as marshal is not meant for foreign data), a header (a
magic string, the store's format and the digest of its *context*: aip's code and what the
values depend on), then the payload. A store whose header differs is ignored as a whole.
Deleting it is always safe; no private key or an unwritable folder means no cache.

A file is known unchanged without reading it when its size, modification and change times
and inode are those recorded, as git's index does. To rule out an edit within the same tick
of a coarse file-system clock, a signature is recorded only for a file whose times are at
least ``SETTLED_NS`` older than the start of the run that read it; a fresher file is read
and its content digest compared on the next run.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import hmac
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from aiportfolio.register.disk_cache import _SIGNATURE, _key, _sign
from aiportfolio.register.disk_cache import code_fingerprint as code_fingerprint

CACHE_DIR = ".aip-cache"
MAGIC = b"aip-cache\0"
SETTLED_NS = 2_000_000_000
"""How much older than the run a file's times must be for its signature to be trusted."""

Signature = tuple[int, int, int, int]
"""Size, modification time, change time (nanoseconds) and inode of a file."""


def signature(info: os.stat_result) -> Signature:
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)


def settled_signature(info: os.stat_result, started_ns: int) -> Signature | None:
    """The signature to record for a file read by a run started at ``started_ns``, or None
    when the file changed too recently for its times to tell a later edit apart."""
    if max(info.st_mtime_ns, info.st_ctime_ns) >= started_ns - SETTLED_NS:
        return None
    return signature(info)


def now_ns() -> int:
    return time.time_ns()


def digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection while a store is read or a run builds its many small
    tuples: they hold no cycles, and the collector would walk them again and again
    (reading a 10,000-file store takes twice as long with it)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def header(name: str, fmt: int, context: bytes) -> bytes:
    return MAGIC + f"{name}:{fmt}\0".encode() + context


def read_store(path: Path, head: bytes, loads: Callable[[bytes], Any]) -> Any | None:
    """The payload of the store at ``path`` when its header is ``head`` and it is signed
    with the user's key; None when it is missing, foreign, from another context, or
    unreadable in any way (no cache, never an error)."""
    key = _key()
    if key is None:
        return None
    try:
        raw = path.read_bytes()
        signature, body = raw[:_SIGNATURE], raw[_SIGNATURE:]
        if not body.startswith(head) or not hmac.compare_digest(signature, _sign(key, body)):
            return None
        with paused_gc():
            return loads(body[len(head) :])
    except Exception:  # a missing, truncated or foreign store is no store
        return None


def write_store(folder: Path, name: str, head: bytes, payload: bytes) -> None:
    """Write a store atomically, signed; a read-only register simply keeps no cache."""
    key = _key()
    if key is None:
        return
    body = head + payload
    try:
        folder.mkdir(exist_ok=True)
        ignore = folder / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# written by aip: safe to delete\n*\n", encoding="utf-8")
        handle, temp = tempfile.mkstemp(dir=folder, prefix=f".{name}-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(_sign(key, body))
                out.write(body)
            os.replace(temp, folder / name)
        except BaseException:
            os.unlink(temp)
            raise
    except OSError:
        return
