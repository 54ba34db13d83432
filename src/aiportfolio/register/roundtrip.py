"""Round-trip editing: comments, key order and quoting kept; atomic writes.

Every command that writes a register file goes through ``load_roundtrip`` /
``dump_roundtrip`` / ``atomic_write`` so the canonical style is defined once.
"""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

INDENT_MAPPING = 2
INDENT_SEQUENCE = 4
INDENT_OFFSET = 2
WIDTH = 4096


def roundtrip_yaml() -> YAML:
    yaml = YAML()  # typ="rt"
    yaml.preserve_quotes = True
    yaml.width = WIDTH
    yaml.indent(mapping=INDENT_MAPPING, sequence=INDENT_SEQUENCE, offset=INDENT_OFFSET)
    yaml.allow_duplicate_keys = False
    return yaml


def load_roundtrip(text: str) -> Any:
    """The round-trip document of ``text``; ``TooDeep`` (a ``YAMLError``) when it nests
    beyond what the reader accepts."""
    from aiportfolio.register.yamlio import check_depth

    check_depth(text)
    return roundtrip_yaml().load(text)


def dump_roundtrip(data: Any) -> str:
    stream = io.StringIO()
    roundtrip_yaml().dump(data, stream)
    return stream.getvalue()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write(path: Path, content: str | bytes) -> None:
    """Write ``content`` (text is written as UTF-8, newlines untouched) to ``path`` so that
    readers see the old file or the new one, never a partial file: write a temporary file
    in the same folder, fsync, then rename it over. An existing file keeps its permissions;
    a new one gets the usual ``0o666 & ~umask`` (temporary files are created ``0o600``)."""
    path = Path(path)
    data = content.encode("utf-8") if isinstance(content, str) else content
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask()
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise
