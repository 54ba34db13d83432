"""Round-trip editing: comments, key order and quoting kept; atomic writes.

Every command that writes a register file goes through ``load_roundtrip`` /
``dump_roundtrip`` (or ``dump_preserving``, which keeps every untouched line of the file
byte for byte) / ``atomic_write`` so the canonical style is defined once.
"""

from __future__ import annotations

import io
import itertools
import re
from collections import Counter
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


def atomic_write(path: Path, content: str | bytes) -> None:
    """Write ``content`` (text is written as UTF-8, newlines untouched) to ``path`` so that
    readers see the old file or the new one, never a partial file: write a temporary file
    in the same folder, fsync, then rename it over. An existing file keeps its permissions;
    a new one gets the usual ``0o666 & ~umask`` (temporary files are created ``0o600``)."""
    from aiportfolio.register.journal import write_one

    data = content.encode("utf-8") if isinstance(content, str) else content
    write_one(Path(path), data)


# --- minimal diffs: untouched lines stay byte-identical ----------------------------------


_BARE_KEY = re.compile(r"^( *)(- +)?[^\s#-][^#]*?:[ \t]*(#.*)?$")
_ITEM = re.compile(r"^( *)-( +)\S")
_LINE = re.compile(r"^( *)\S")


def guess_indent(text: str) -> tuple[int, int, int]:
    """(mapping, sequence, offset) indentation of ``text``, read from the lines that open a
    block, so that lines an edit adds look like their neighbours (a file indented by 4 gets
    new lines indented by 4; ``- `` at the key's column stays there). The canonical style
    when the file does not show one."""
    mappings: Counter[int] = Counter()
    sequences: Counter[tuple[int, int]] = Counter()
    lines = [ln for ln in text.split("\n") if ln.strip() and not ln.lstrip().startswith("#")]
    for line, following in itertools.pairwise(lines):
        key = _BARE_KEY.match(line)
        if key is None:
            continue
        column = len(key.group(1)) + len(key.group(2) or "")
        item = _ITEM.match(following)
        if item is not None:
            dash = len(item.group(1)) - column
            content = dash + 1 + len(item.group(2))
            if dash >= 0:
                sequences[(content, dash)] += 1
            continue
        nested = _LINE.match(following)
        if nested is not None and len(nested.group(1)) > column:
            mappings[len(nested.group(1)) - column] += 1
    mapping = mappings.most_common(1)[0][0] if mappings else INDENT_MAPPING
    sequence, offset = (
        sequences.most_common(1)[0][0] if sequences else (INDENT_SEQUENCE, INDENT_OFFSET)
    )
    if not 1 <= mapping <= 10 or not 2 <= sequence <= 12 or not 0 <= offset <= sequence - 2:
        return INDENT_MAPPING, INDENT_SEQUENCE, INDENT_OFFSET
    return mapping, sequence, offset


def _dump_styled(data: Any, indent: tuple[int, int, int]) -> str:
    yaml = roundtrip_yaml()
    yaml.indent(mapping=indent[0], sequence=indent[1], offset=indent[2])
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue()


def dump_preserving(doc: Any, original: str) -> str:
    """``doc`` (loaded from ``original`` and edited) as text in which every line the edit
    did not change is the very line of ``original``: its indentation, quoting, escapes
    (``"caf\\u00e9"``), flow mappings and comments are kept byte for byte. Lines that change
    follow the file's own indentation. When the merge cannot be proven to mean the same
    as the plain dump, the plain dump is returned."""
    import difflib

    from aiportfolio.register.yamlio import parse_text

    indent = guess_indent(original)
    edited = _dump_styled(doc, indent)
    baseline = _dump_styled(roundtrip_yaml().load(original), indent)
    if baseline == original or edited == baseline:
        return original if edited == baseline else edited
    old = original.splitlines(keepends=True)
    base = baseline.splitlines(keepends=True)
    new = edited.splitlines(keepends=True)
    # Which line of the original each line of the baseline dump stands for.
    source: dict[int, int] = {}
    before: dict[int, list[str]] = {}
    matcher = difflib.SequenceMatcher(None, base, old, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            source.update(zip(range(i1, i2), range(j1, j2), strict=True))
        elif tag == "insert":
            before.setdefault(i1, []).extend(old[j1:j2])
    merged: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(
        None, base, new, autojunk=False
    ).get_opcodes():
        if tag == "equal":
            for i in range(i1, i2):
                merged.extend(before.get(i, ()))
                merged.append(old[source[i]] if i in source else base[i])
        else:
            merged.extend(new[j1:j2])
    merged.extend(before.get(len(base), ()))
    text = "".join(merged)
    if not text.endswith("\n") and original.endswith("\n"):
        text += "\n"
    same, _ = parse_text(text)
    expected, _ = parse_text(edited)
    return text if same is not None and same == expected else edited
