"""YAML reading: fast safe loading (C parser), error locations, refusing unsafe constructs.

Register files are loaded with ruamel's C-backed safe loader (≈ 10x faster than round-trip).
Line numbers are found afterwards, only for files that have problems, by composing the node
tree of that one file (``locate``).
"""

from __future__ import annotations

import datetime as dt
import errno
import math
import os
import re
import stat
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.resolver import BaseResolver
from ruamel.yaml.tag import Tag

from aiportfolio.model.text import escaped
from aiportfolio.register.paths import MAX_FILE_BYTES as MAX_FILE_BYTES

try:
    from _ruamel_yaml import CParser
except ImportError:  # pragma: no cover
    CParser = None

MAX_DEPTH = 64
"""Deepest nesting of mappings and sequences accepted. A use case needs about 5 levels;
deep nesting crashes the C composer (thousands of levels) or Python's recursion limit
(hundreds), so it is refused before composing."""

MAX_INT_DIGITS = 30
"""Longest integer literal accepted (digits): far beyond any amount in euros, and short
enough that no integer conversion or arithmetic on it can be slow or refused."""


@dataclass(frozen=True)
class YamlIssue:
    """A file-level reading problem, before any schema validation."""

    kind: str
    """One of: too-large, encoding, empty, syntax, unclosed (a quote, ``[`` or ``{`` never
    closed: the place is where it opens), duplicate-key, anchor, tag, not-a-mapping,
    not-a-file, too-deep, number-too-large, outside-register, dangling-link (a symbolic link
    whose target is missing), link-loop, permission (may not be read), unreadable (another
    system error)."""
    line: int
    column: int
    detail: str = ""


def _safe_yaml() -> YAML:
    yaml = YAML(typ="safe", pure=False)
    yaml.allow_duplicate_keys = False
    return yaml


_SAFE = _safe_yaml()

# --- the fast loader -----------------------------------------------------------------------
# ruamel's C parser builds the node tree; its Python resolver and constructor cost about
# 3/4 of a safe load. Plain scalars are resolved here with the YAML 1.2 core rules plus
# ISO dates (as ruamel's safe loader does), and explicit tags other than !!str are refused.

_PLAIN = Tag(suffix="aip:plain")
_QUOTED = Tag(suffix="tag:yaml.org,2002:str")
_MAP = Tag(suffix="tag:yaml.org,2002:map")
_SEQ = Tag(suffix="tag:yaml.org,2002:seq")
_STR_TAGS = ("tag:yaml.org,2002:str",)
_INT = re.compile(r"[-+]?[0-9]+$")
_HEX_OCT = re.compile(r"0x[0-9a-fA-F]+$|0o[0-7]+$")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_DATETIME = re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt]|[ \t]+)[0-9]")
_SPECIAL_FLOATS = {
    ".inf": math.inf,
    ".Inf": math.inf,
    ".INF": math.inf,
    "+.inf": math.inf,
    "-.inf": -math.inf,
    "-.Inf": -math.inf,
    "-.INF": -math.inf,
    ".nan": math.nan,
    ".NaN": math.nan,
    ".NAN": math.nan,
}


class _FastResolver(BaseResolver):
    def __init__(self, version: Any = None, loadumper: Any = None) -> None:
        BaseResolver.__init__(self, loadumper)

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Tag:
        if kind is ScalarNode:
            return _PLAIN if implicit[0] else _QUOTED
        return _MAP if kind is MappingNode else _SEQ


class TooDeep(YAMLError):
    """The text nests deeper than ``MAX_DEPTH``: refused before it is composed."""

    def __init__(self, line: int, column: int) -> None:
        super().__init__(f"nesting deeper than {MAX_DEPTH} levels")
        self.line = line
        self.column = column


# A line's block nesting is bounded by its leading run of spaces and compact indicators
# ("- - ", "? "); flow nesting by the number of brackets. Most files are far below the limit
# on this cheap bound and skip the exact scan.
_LEADING = re.compile(r"^[ \t?-]*", re.MULTILINE)


_LINE_BREAKS = str.maketrans({"\r": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n"})
"""Everything the YAML parser may end a line on (a file may use CR alone)."""


def _depth_bound(text: str) -> int:
    if "\r" in text or "\x85" in text or "\u2028" in text or "\u2029" in text:
        text = text.translate(_LINE_BREAKS)
    deepest_line = max((len(m) for m in _LEADING.findall(text)), default=0)
    return 2 * (deepest_line + 1) + text.count("[") + text.count("{")


def check_depth(text: str) -> None:
    """Raise ``TooDeep`` (with the place where the limit is crossed) when ``text`` nests
    deeper than ``MAX_DEPTH``. The exact scan reads parser events, which libyaml produces
    without recursion; syntax errors are left to the composer."""
    if _depth_bound(text) <= MAX_DEPTH:
        return
    from ruamel.yaml.events import CollectionEndEvent, CollectionStartEvent

    depth = 0
    try:
        for event in _events(text):
            if isinstance(event, CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    mark = event.start_mark
                    raise TooDeep(mark.line + 1, mark.column + 1)
            elif isinstance(event, CollectionEndEvent):
                depth -= 1
    except TooDeep:
        raise
    except YAMLError:
        return


if CParser is not None:

    def _events(text: str) -> Iterator[Any]:
        parser = CParser(text)
        try:
            while True:
                event = parser.get_event()
                if event is None:
                    return
                yield event
        finally:
            parser.dispose()

    class _Composer(CParser, _FastResolver):  # type: ignore[misc]
        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            self._parser = self._composer = self
            _FastResolver.__init__(self, loadumper=self)

    def compose_fast(text: str) -> Node:
        check_depth(text)
        composer = _Composer(text)
        try:
            return composer.get_single_node()  # type: ignore[no-any-return]
        finally:
            composer.dispose()
            # It refers to itself as its own parser, composer and resolver: without these
            # references it goes (with the text it holds) as soon as it is dropped, instead
            # of waiting for the cyclic collector.
            composer.__dict__.clear()

else:  # pragma: no cover - pure-Python fallback (no C extension on this platform)

    def _events(text: str) -> Iterator[Any]:
        yield from YAML(typ="safe", pure=True).parse(text)

    def compose_fast(text: str) -> Node:
        check_depth(text)
        yaml = YAML(typ="safe", pure=True)
        yaml.Resolver = _FastResolver
        return yaml.compose(text)  # type: ignore[no-any-return]


class NumberTooLarge(ValueError):
    """An integer literal longer than ``MAX_INT_DIGITS``."""


def resolve_plain(value: str) -> Any:
    """A plain scalar's value (YAML 1.2 core schema plus ISO dates). Raises
    ``NumberTooLarge`` for an integer literal longer than ``MAX_INT_DIGITS``."""
    first = value[:1]
    if first and first in "0123456789+-.":
        if _INT.match(value):
            if len(value) > MAX_INT_DIGITS:
                raise NumberTooLarge(value)
            return int(value)
        if _DATE.match(value):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                return value
        if _DATETIME.match(value):
            try:
                return dt.datetime.fromisoformat(value.replace("t", "T").replace("Z", "+00:00"))
            except ValueError:
                return value
        if _FLOAT.match(value):
            return float(value)
        if _HEX_OCT.match(value):
            if len(value) > MAX_INT_DIGITS:
                raise NumberTooLarge(value)
            return int(value[2:], 16 if value[1] == "x" else 8)
        return _SPECIAL_FLOATS.get(value, value)
    if value in ("true", "True", "TRUE"):
        return True
    if value in ("false", "False", "FALSE"):
        return False
    if value in ("", "~", "null", "Null", "NULL"):
        return None
    return value


class _Refused(Exception):
    def __init__(self, kind: str, node: Node, detail: str = "") -> None:
        super().__init__(kind)
        self.issue = YamlIssue(kind, node.start_mark.line + 1, node.start_mark.column + 1, detail)


def _construct(node: Node, seen: set[int]) -> Any:
    if id(node) in seen:
        # The C composer hands back the very same node for an alias (billion laughs).
        raise _Refused("anchor", node, "*")
    seen.add(id(node))
    tag = node.ctag
    if isinstance(node, ScalarNode):
        if tag is _PLAIN:
            try:
                return resolve_plain(node.value)
            except NumberTooLarge:
                raise _Refused("number-too-large", node, str(len(node.value))) from None
        if tag is _QUOTED or str(tag) in _STR_TAGS:
            return node.value
        raise _Refused("tag", node, str(tag))
    if tag is not _MAP and tag is not _SEQ:
        raise _Refused("tag", node, str(tag))
    if isinstance(node, MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise _Refused("syntax", key_node, "a key must be a plain value")
            key = _construct(key_node, seen)
            if key in result:
                raise _Refused("duplicate-key", key_node, repr(key))
            result[key] = _construct(value_node, seen)
        return result
    return [_construct(item, seen) for item in node.value]


_ANCHOR_HINT = re.compile(r"(?:^|[\s\[{,])&[^\s,\[\]{}]", re.MULTILINE)


def _find_anchor(text: str) -> YamlIssue | None:
    """Where the first anchor or alias is (only called once one was detected)."""
    try:
        for event in _SAFE.parse(text):
            anchor = getattr(event, "anchor", None)
            if anchor is not None or type(event).__name__ == "AliasEvent":
                mark = event.start_mark
                return YamlIssue("anchor", mark.line + 1, mark.column + 1, str(anchor))
    except YAMLError:
        return None
    return None


_UNCLOSED = ("while scanning a quoted scalar", "while parsing a flow", "while scanning a block")
"""Contexts of an unclosed construct: the parser only notices it far below (often at the end
of the file), so the place to show is where the construct starts."""


def _unclosed(exc: MarkedYAMLError) -> bool:
    return exc.context_mark is not None and str(exc.context or "").startswith(_UNCLOSED)


def _mark(exc: MarkedYAMLError) -> tuple[int, int]:
    mark = exc.context_mark if _unclosed(exc) else exc.problem_mark or exc.context_mark
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
        node = compose_fast(text)
        if node is None:
            return None, YamlIssue("empty", 0, 0)
        if _ANCHOR_HINT.search(text):
            # An anchor nobody refers to is harmless, but the format has none: say so
            # (the event scan only runs when the text looks like it holds one).
            anchored = _find_anchor(text)
            if anchored is not None:
                return None, anchored
        data = _construct(node, set())
    except TooDeep as deep:
        return None, YamlIssue("too-deep", deep.line, deep.column, str(MAX_DEPTH))
    except _Refused as refused:
        if refused.issue.kind == "anchor":
            located = _find_anchor(text)
            return None, located or refused.issue
        return None, refused.issue
    except MarkedYAMLError as exc:
        line, column = _mark(exc)
        if _unclosed(exc):
            assert exc.context_mark is not None
            opener = text[exc.context_mark.index : exc.context_mark.index + 1].strip() or "|"
            return None, YamlIssue("unclosed", line, column, opener)
        return None, YamlIssue("syntax", line, column, str(exc.problem or exc.context or ""))
    except YAMLError as exc:
        return None, YamlIssue("syntax", 0, 0, str(exc))
    if not isinstance(data, dict):
        return None, YamlIssue("not-a-mapping", 1, 1, type(data).__name__)
    return data, None


def decode(raw: bytes) -> tuple[str | None, YamlIssue | None]:
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, YamlIssue("encoding", line, column, f"byte 0x{raw[exc.start]:02x}")


def read_text(
    path: Path, max_bytes: int = MAX_FILE_BYTES, root: Path | None = None
) -> tuple[str | None, YamlIssue | None]:
    """The file's text, refusing files over ``max_bytes`` before reading them and, given
    the register ``root``, a link that leads outside it (not read)."""
    if root is not None:
        from aiportfolio.register.root import leaves_register

        if leaves_register(path, root):
            return None, YamlIssue("outside-register", 0, 0)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            # A named pipe would block the read forever; a device could be endless.
            return None, YamlIssue("not-a-file", 0, 0, stat.filemode(info.st_mode))
        size = info.st_size
        if size > max_bytes:
            return None, YamlIssue("too-large", 0, 0, f"{size} > {max_bytes}")
        raw = path.read_bytes()
    except OSError as error:
        return None, unreadable_issue(path, error)
    return decode(raw)


def unreadable_issue(path: Path, error: OSError) -> YamlIssue:
    """The problem with a file that could not be opened: a symbolic link whose target is
    missing or that loops (the detail is where it points, as written in the link), a file
    this user may not read, or another system error (the detail is the system's text). A
    problem on that one file, as for a file that is not YAML: the others are still read."""
    code = error.errno
    if code == errno.ELOOP:
        return YamlIssue("link-loop", 0, 0, _link_target(path))
    if code in (errno.ENOENT, errno.ENOTDIR) and path.is_symlink():
        return YamlIssue("dangling-link", 0, 0, _link_target(path))
    if code in (errno.EACCES, errno.EPERM):
        return YamlIssue("permission", 0, 0)
    return YamlIssue("unreadable", 0, 0, error.strerror or type(error).__name__)


def _link_target(path: Path) -> str:
    try:
        return escaped(os.readlink(path))
    except OSError:  # pragma: no cover - the link went away meanwhile
        return ""


def read_yaml(path: Path, max_bytes: int = MAX_FILE_BYTES) -> tuple[Any, YamlIssue | None]:
    text, issue = read_text(path, max_bytes)
    if issue is not None or text is None:
        return None, issue
    return parse_text(text)


def compose(text: str) -> Node | None:
    try:
        return compose_fast(text)
    except YAMLError:
        return None


def locate(
    root: Node | None,
    loc: tuple[str | int, ...],
    order: Callable[[tuple[str | int, ...]], Sequence[str]] | None = None,
) -> tuple[int, int]:
    """1-based (line, column) of the deepest node reachable along ``loc``. A key that is
    the last step points at the key itself (unknown or misspelt keys). A missing last key
    points where it would be written: ``order(parent_loc)`` gives the keys of that mapping
    in the format's order, and the place is the first present key that follows it (the
    writers insert it just before), else the last key; without ``order``, the parent."""
    if root is None:
        return 1, 1
    node: Node = root
    line, column = node.start_mark.line + 1, node.start_mark.column + 1
    for depth, step in enumerate(loc):
        if isinstance(node, MappingNode):
            for key_node, value_node in node.value:
                if str(key_node.value) == str(step):
                    line, column = key_node.start_mark.line + 1, key_node.start_mark.column + 1
                    node = value_node
                    break
            else:
                keys = order(loc[:depth]) if order is not None and depth == len(loc) - 1 else ()
                if str(step) in keys and node.value:
                    return _missing_key_place(node, str(step), keys)
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


def _missing_key_place(node: MappingNode, key: str, order: Sequence[str]) -> tuple[int, int]:
    after = set(order[order.index(key) + 1 :])
    for key_node, _ in node.value:
        if str(key_node.value) in after:
            return key_node.start_mark.line + 1, key_node.start_mark.column + 1
    last = node.value[-1][0]
    return last.start_mark.line + 1, last.start_mark.column + 1


def to_plain(value: Any) -> Any:
    """Dates and nested containers as JSON-friendly values (for reports)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): to_plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_plain(v) for v in value]
    return value
