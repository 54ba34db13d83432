"""YAML reading: fast safe loading (C parser), error locations, refusing unsafe constructs.

Register files are loaded with ruamel's C-backed safe loader (≈ 10x faster than round-trip).
Line numbers are found afterwards, only for files that have problems, by composing the node
tree of that one file (``locate``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.constructor import ConstructorError, DuplicateKeyError
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, SequenceNode

MAX_FILE_BYTES = 1024 * 1024
"""Register files are one-page cards; anything bigger is a mistake or an attack."""

_ANCHOR_HINT = re.compile(r"[&*][^\s,\[\]{}]")


@dataclass(frozen=True)
class YamlIssue:
    """A file-level reading problem, before any schema validation."""

    kind: str
    """One of: too-large, encoding, empty, syntax, duplicate-key, anchor, tag, not-a-mapping."""
    line: int
    column: int
    detail: str = ""


def _safe_yaml() -> YAML:
    yaml = YAML(typ="safe", pure=False)
    yaml.allow_duplicate_keys = False
    return yaml


_SAFE = _safe_yaml()


def decode(raw: bytes) -> tuple[str | None, YamlIssue | None]:
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, YamlIssue("encoding", line, column, f"byte 0x{raw[exc.start]:02x}")


def read_text(path: Path, max_bytes: int = MAX_FILE_BYTES) -> tuple[str | None, YamlIssue | None]:
    size = path.stat().st_size
    if size > max_bytes:
        return None, YamlIssue("too-large", 0, 0, f"{size} > {max_bytes}")
    return decode(path.read_bytes())


def _find_anchor(text: str) -> YamlIssue | None:
    for event in _SAFE.parse(text):
        anchor = getattr(event, "anchor", None)
        if anchor is not None or type(event).__name__ == "AliasEvent":
            mark = event.start_mark
            return YamlIssue("anchor", mark.line + 1, mark.column + 1, str(anchor))
    return None


def _mark(exc: MarkedYAMLError) -> tuple[int, int]:
    mark = exc.problem_mark or exc.context_mark
    if mark is None:
        return 0, 0
    return mark.line + 1, mark.column + 1


def parse_text(text: str) -> tuple[Any, YamlIssue | None]:
    """Parse one YAML document safely. Returns ``(data, None)`` or ``(None, issue)``."""
    if not text.strip() or all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()
    ):
        return None, YamlIssue("empty", 0, 0)
    try:
        if _ANCHOR_HINT.search(text):
            # Aliases expand when data is walked (billion laughs): refused outright.
            issue = _find_anchor(text)
            if issue is not None:
                return None, issue
        data = _SAFE.load(text)
    except DuplicateKeyError as exc:
        line, column = _mark(exc)
        return None, YamlIssue("duplicate-key", line, column, str(exc.problem or ""))
    except ConstructorError as exc:
        line, column = _mark(exc)
        return None, YamlIssue("tag", line, column, str(exc.problem or ""))
    except MarkedYAMLError as exc:
        line, column = _mark(exc)
        return None, YamlIssue("syntax", line, column, str(exc.problem or exc.context or ""))
    except YAMLError as exc:
        return None, YamlIssue("syntax", 0, 0, str(exc))
    if not isinstance(data, dict):
        return None, YamlIssue("not-a-mapping", 1, 1, type(data).__name__)
    return data, None


def read_yaml(path: Path, max_bytes: int = MAX_FILE_BYTES) -> tuple[Any, YamlIssue | None]:
    text, issue = read_text(path, max_bytes)
    if issue is not None or text is None:
        return None, issue
    return parse_text(text)


def compose(text: str) -> Node | None:
    try:
        return _SAFE.compose(text)  # type: ignore[no-any-return]
    except YAMLError:
        return None


def locate(root: Node | None, loc: tuple[str | int, ...]) -> tuple[int, int]:
    """1-based (line, column) of the deepest node reachable along ``loc``. A key that is
    the last step points at the key itself (unknown or misspelt keys); a missing key points
    at its parent mapping."""
    if root is None:
        return 1, 1
    node: Node = root
    line, column = node.start_mark.line + 1, node.start_mark.column + 1
    for step in loc:
        if isinstance(node, MappingNode):
            for key_node, value_node in node.value:
                if str(key_node.value) == str(step):
                    line, column = key_node.start_mark.line + 1, key_node.start_mark.column + 1
                    node = value_node
                    break
            else:
                continue  # pydantic adds steps such as union member names: skip them
        elif isinstance(node, SequenceNode) and isinstance(step, int):
            if 0 <= step < len(node.value):
                node = node.value[step]
                line, column = node.start_mark.line + 1, node.start_mark.column + 1
            else:
                break
        else:
            break
    if loc and isinstance(loc[-1], str) and not isinstance(node, MappingNode | SequenceNode):
        # Point at the value for scalar errors, unless this was an unknown key.
        return node.start_mark.line + 1, node.start_mark.column + 1
    return line, column


def to_plain(value: Any) -> Any:
    """Dates and nested containers as JSON-friendly values (for reports)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): to_plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_plain(v) for v in value]
    return value
