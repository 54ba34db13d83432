"""Derived data kept between runs in the register's ``.aip-cache/`` folder (``aip check``
keeps its records there too): one pickled value per file name, valid under one *context*
digest (aip's code and whatever else the value depends on).

A pickle runs code when it is read, and a register is often someone else's checkout: a
file committed as ``.aip-cache/...`` must never be unpickled. Each file is therefore
signed with a key of the user's own (``$XDG_CACHE_HOME/aip/cache.key``, created on first
use, readable by the user only) and read only when its signature checks. The folder ignores
itself in git, is safe to delete and is never required: a missing, unreadable, unsigned,
foreign or stale file is the same as an empty cache, and an unwritable folder (or no
private key) simply keeps nothing.

Values are pickled (pydantic models in a compact form, ``_model``: a quarter faster to
read back than pydantic's own), or with ``codec="marshal"`` kept as plain values (tuples,
strings, numbers, bytes: faster both ways, and what ``aip check`` keeps). The cyclic
collector is paused while a value is read: unpickling thousands of objects with it on takes
twice as long, and cached values hold no cycles (``spare_from_gc`` keeps a command's
long-lived objects out of its later collections too).

``aip check`` also knows a file unchanged without reading it when its size, modification
and change times and inode are those recorded (``signature``), as git's index does. To rule
out an edit within the same tick of a coarse file-system clock, a signature is recorded
only for a file whose times are at least ``SETTLED_NS`` older than the start of the run
that read it (``settled_signature``); a fresher file is read and its content compared."""

from __future__ import annotations

import contextlib
import gc
import hashlib
import hmac
import marshal
import operator
import os
import time
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any, Literal

Codec = Literal["pickle", "marshal"]
# pickle, tempfile and secrets are imported when used: a re-check served from the cache
# reads a marshal store and writes nothing.

CACHE_DIR = ".aip-cache"
_SIGNATURE = 32


def private_dir(name: str) -> Path | None:
    """``name`` in the user's own cache folder (``$XDG_CACHE_HOME/aip``, else
    ``~/.cache/aip``), created readable by the user only; ``None`` if that fails."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = Path(base) / "aip" / name
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        if folder.stat().st_uid != os.getuid() or folder.stat().st_mode & 0o077:
            return None
    except (OSError, AttributeError):
        return None
    return folder


@cache
def _key() -> bytes | None:
    """The user's signing key (created once), or ``None`` when there is no private place
    to keep it."""
    folder = private_dir("")
    if folder is None:
        return None
    path = folder / "cache.key"
    try:
        key = path.read_bytes()
        if len(key) >= 32 and path.stat().st_uid == os.getuid():
            return key
    except OSError:
        pass
    try:
        import secrets
        import tempfile

        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".key-")
        with os.fdopen(handle, "wb") as out:
            out.write(secrets.token_bytes(32))
        os.replace(temp, path)  # mkstemp files are private (0600)
        return path.read_bytes()
    except (OSError, AttributeError):
        return None


def _sign(key: bytes, payload: bytes) -> bytes:
    return hmac.new(key, payload, hashlib.blake2b).digest()[:_SIGNATURE]


def load(root: Path, name: str, context: bytes, *, codec: Codec = "pickle") -> Any | None:
    """The value saved as ``name`` under ``context``, else ``None``."""
    key = _key()
    if key is None:
        return None
    try:
        raw = (root / CACHE_DIR / name).read_bytes()
    except OSError:
        return None
    signature, payload = raw[:_SIGNATURE], raw[_SIGNATURE:]
    if not hmac.compare_digest(signature, _sign(key, payload)):
        return None  # not written by this user's aip: never unpickled
    try:
        with paused_gc():
            if codec == "marshal":
                saved = marshal.loads(payload)
            else:
                import pickle

                saved = pickle.loads(payload)
    except Exception:  # written by another version of aip or Python
        return None
    if not isinstance(saved, tuple) or len(saved) != 2 or saved[0] != context:
        return None
    return saved[1]


def save(root: Path, name: str, context: bytes, value: Any, *, codec: Codec = "pickle") -> None:
    """Keep ``value`` as ``name`` under ``context`` (written atomically, signed)."""
    key = _key()
    if key is None:
        return
    folder = root / CACHE_DIR
    dump = _pickled if codec == "pickle" else marshal.dumps
    payload = dump((context, value))
    try:
        folder.mkdir(exist_ok=True)
        ignore = folder / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# written by aip: safe to delete\n*\n", encoding="utf-8")
        import tempfile

        handle, temp = tempfile.mkstemp(dir=folder, prefix=f".{name}-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(_sign(key, payload) + payload)
            os.replace(temp, folder / name)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError:
        return


def remove(root: Path, name: str) -> None:
    """Remove the file ``name`` of the cache, if it is there and can be removed."""
    with contextlib.suppress(OSError):
        (root / CACHE_DIR / name).unlink(missing_ok=True)


def _pickled(value: Any) -> bytes:
    """``value`` pickled, its pydantic models in the compact form ``_model`` reads back."""
    import io
    import pickle

    from pydantic import BaseModel

    class Pickler(pickle.Pickler):
        def reducer_override(self, obj: Any) -> Any:
            if (
                isinstance(obj, BaseModel)
                and obj.__pydantic_extra__ is None
                and obj.__pydantic_private__ is None
            ):
                return _model, (type(obj), obj.__dict__, obj.__pydantic_fields_set__)
            return NotImplemented

    out = io.BytesIO()
    Pickler(out, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
    return out.getvalue()


_new = object.__new__
_set = object.__setattr__


def _model(cls: type, values: dict[str, Any], fields_set: set[str]) -> Any:
    """A pydantic model as unpickling it would give (``BaseModel.__setstate__``), without
    the state dictionary of each model: a quarter less time for a register's models."""
    model: Any = _new(cls)
    _set(model, "__dict__", values)
    _set(model, "__pydantic_fields_set__", fields_set)
    _set(model, "__pydantic_extra__", None)
    _set(model, "__pydantic_private__", None)
    return model


def code_fingerprint(*extra: Path) -> bytes:
    """aip as installed, and the folders in ``extra``: path, size and modification time of
    every file (code, message catalogs, data, templates). An edited or upgraded aip starts
    fresh caches. Worked out once per process (the code a process runs does not change
    under it; several caches ask)."""
    return _fingerprint(tuple(Path(folder) for folder in extra))


@cache
def _fingerprint(extra: tuple[Path, ...]) -> bytes:
    import sys

    digest = hashlib.blake2b(digest_size=16)
    digest.update(sys.version.encode())
    for library in ("pydantic", "pydantic_core"):  # what validates: found, not imported
        digest.update(b"\0" + _installed(library).encode())
    for base in (Path(__file__).resolve().parent.parent, *extra):
        tree_fingerprint(base, digest)
    return digest.digest()


def _installed(package: str) -> str:
    """Where ``package`` is installed and its ``__init__``'s size and time (changed by any
    upgrade or reinstall), without importing it (pydantic takes longer to import than a
    re-check served from the cache runs)."""
    import importlib.util

    try:
        spec = importlib.util.find_spec(package)
        origin = spec.origin if spec is not None else None
        info = os.stat(origin) if origin else None
    except (ImportError, ValueError, OSError):
        return "?"
    return f"{origin}\0{info.st_size}\0{info.st_mtime_ns}" if info else "-"


def tree_fingerprint(base: Path, digest: Any) -> None:
    """Feed ``digest`` the path, size and modification time of every file below ``base``
    (``__pycache__`` folders left out), in a stable order."""
    for folder, dirs, names in os.walk(base):  # top-down: the pruned folders are skipped
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(names):
            info = os.stat(os.path.join(folder, name))
            digest.update(f"{folder}/{name}\0{info.st_size}\0{info.st_mtime_ns}".encode())


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection while many small objects are read or built (they hold
    no cycles, and the collector would walk them again and again)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def spare_from_gc() -> None:
    """Keep every object alive now out of the cyclic collector's reach for the rest of the
    process (``gc.freeze``). Objects made while the collector was paused all sit in its
    youngest generation: without this, its next collections walk each of them again (three
    times, 0.4 s at 3,600 use cases) though they hold no cycles and live as long as the
    command. Objects still free themselves when no longer used; only cycles among them
    would wait for the process's end."""
    gc.freeze()


SETTLED_NS = 2_000_000_000
"""How much older than the run a file's times must be for its signature to be trusted."""

Signature = tuple[int, int, int, int]
"""Size, modification time, change time (nanoseconds) and inode of a file."""

signature: Callable[[os.stat_result], Signature] = operator.attrgetter(
    "st_size", "st_mtime_ns", "st_ctime_ns", "st_ino"
)
"""The ``Signature`` of a ``stat_result`` (in C: mapped over 10,000 files at once)."""


def settled_signature(info: os.stat_result, started_ns: int) -> Signature | None:
    """The signature to record for a file read by a run started at ``started_ns``, or None
    when the file changed too recently for its times to tell a later edit apart."""
    if max(info.st_mtime_ns, info.st_ctime_ns) >= started_ns - SETTLED_NS:
        return None
    return signature(info)


def now_ns() -> int:
    return time.time_ns()


def digest(data: bytes) -> bytes:
    """The content digest that keys a file's cached record."""
    return hashlib.blake2b(data, digest_size=16).digest()
