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
    return roundtrip_yaml().load(text)


def dump_roundtrip(data: Any) -> str:
    stream = io.StringIO()
    roundtrip_yaml().dump(data, stream)
    return stream.getvalue()


def atomic_write(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that readers see the old file or the new one, never a
    partial file: write a temporary file in the same folder, fsync, then rename over."""
    path = Path(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            os.chmod(tmp_name, path.stat().st_mode & 0o777)
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise
