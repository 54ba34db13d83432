"""Minimal-diff edits on round-trip documents (``register/roundtrip.py``).

ruamel keeps comments by attaching each run of comment and blank lines to the *last scalar
before it*. That is right for reading, but naive edits move lines around: appending an item
to a list puts the blank line (or the comment) that followed the list *between* the old
last item and the new one, and reordering keys drags the comment that introduces a section
away from it. The helpers here move those trailing lines so that an edit changes only the
lines it must:

- ``append_item``: add an item to a block sequence, trailing lines stay after the list;
- ``set_value``: set a (possibly nested) key, inserting missing keys at their place in the
  model's field order;
- ``reorder``: put keys in the model's field order, each key keeping the comment lines
  written above it (used by ``aip fmt``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString
from ruamel.yaml.tokens import CommentToken

from aiportfolio.register.problems import model_in

# --- model field order -------------------------------------------------------------------


def field_order(model: type[BaseModel] | None) -> list[str]:
    return list(model.model_fields) if model is not None else []


def submodel(model: type[BaseModel] | None, key: str) -> type[BaseModel] | None:
    """The model of the value of ``key`` inside ``model`` (lists unwrapped), if any."""
    if model is None or key not in model.model_fields:
        return None
    found = model_in(model.model_fields[key].annotation)
    return found if isinstance(found, type) and issubclass(found, BaseModel) else None


# --- trailing comment lines ----------------------------------------------------------------


def _slot(node: Any) -> tuple[list[Any], int, Any] | None:
    """Where the comment after the last scalar of ``node`` lives: (list, index, scalar).
    ``None`` when ``node`` is empty or not a collection."""
    if isinstance(node, CommentedMap) and len(node):
        key = list(node.keys())[-1]
        value = node[key]
        if _is_block_collection(value):
            inner = _slot(value)
            if inner is not None:
                return inner
        entry = node.ca.items.setdefault(key, [None, None, None, None])
        return entry, 2, value
    if isinstance(node, CommentedSeq) and len(node):
        index = len(node) - 1
        value = node[index]
        if _is_block_collection(value):
            inner = _slot(value)
            if inner is not None:
                return inner
        entry = node.ca.items.setdefault(index, [None, None, None, None])
        return entry, 0, value
    return None


def _is_block_collection(value: Any) -> bool:
    return (
        isinstance(value, CommentedMap | CommentedSeq)
        and len(value) > 0
        and not value.fa.flow_style()
    )


def _is_block_scalar(value: Any) -> bool:
    return isinstance(value, LiteralScalarString | FoldedScalarString)


def take_trailing(node: Any) -> str:
    """Detach the whole comment/blank lines that follow the last scalar of ``node`` (its
    end-of-line comment stays) and return them ("" when there are none)."""
    slot = _slot(node)
    if slot is None:
        return ""
    entry, index, value = slot
    token = entry[index]
    if not isinstance(token, CommentToken):
        return ""
    text = str(token.value)
    if _is_block_scalar(value):
        eol, rest = "", text
    else:
        cut = text.find("\n")
        if cut < 0:
            return ""
        eol, rest = text[: cut + 1], text[cut + 1 :]
    if not rest:
        return ""
    if eol.strip():
        token.value = eol
    else:
        entry[index] = None
    return rest


def put_trailing(node: Any, lines: str) -> None:
    """Attach whole comment/blank ``lines`` after the last scalar of ``node``."""
    if not lines:
        return
    slot = _slot(node)
    if slot is None:  # pragma: no cover - callers pass non-empty collections
        return
    entry, index, value = slot
    token = entry[index]
    if isinstance(token, CommentToken):
        text = str(token.value)
        token.value = text + lines
        return
    prefix = "" if _is_block_scalar(value) else "\n"
    entry[index] = CommentToken(prefix + lines, CommentMark(0), None)


# --- edits ----------------------------------------------------------------------------------


def append_item(seq: CommentedSeq, item: Any) -> None:
    """Append ``item`` to a sequence; lines that followed the sequence still follow it.
    An empty flow sequence (``[]``) becomes a block sequence."""
    if not len(seq):
        seq.fa.set_block_style()
        seq.append(item)
        return
    trailing = take_trailing(seq)
    seq.append(item)
    put_trailing(seq, trailing)


def to_roundtrip(value: Any) -> Any:
    """Plain dicts/lists as round-trip nodes, block style."""
    if isinstance(value, dict):
        node = CommentedMap()
        for k, v in value.items():
            node[k] = to_roundtrip(v)
        return node
    if isinstance(value, list | tuple):
        seq = CommentedSeq(to_roundtrip(v) for v in value)
        return seq
    return value


def insert_in_order(
    mapping: CommentedMap, key: str, value: Any, model: type[BaseModel] | None
) -> None:
    """Set ``mapping[key]``; a new key goes after the keys that precede it in ``model``."""
    if key in mapping:
        mapping[key] = value
        return
    order = field_order(model)
    position = len(mapping)
    if key in order:
        rank = order.index(key)
        for i, existing in enumerate(mapping.keys()):
            if existing in order and order.index(existing) > rank:
                position = i
                break
    if position == len(mapping) and len(mapping):
        # Appending after the last key: keep the lines that ended the mapping at the end.
        trailing = take_trailing(mapping)
        mapping.insert(position, key, value)
        put_trailing(mapping, trailing)
        return
    mapping.insert(position, key, value)


def set_value(
    doc: CommentedMap, path: Sequence[str], value: Any, model: type[BaseModel] | None
) -> bool:
    """Set ``doc[path]`` (dotted keys, missing mappings created in model order). Returns
    ``False`` (and changes nothing) when the current value already equals ``value``."""
    node: Any = doc
    current_model = model
    for key in path[:-1]:
        child = node.get(key) if isinstance(node, CommentedMap) else None
        if not isinstance(child, CommentedMap):
            child = CommentedMap()
            insert_in_order(node, key, child, current_model)
        node = child
        current_model = submodel(current_model, key)
    last = path[-1]
    if last in node and _same(node[last], value):
        return False
    previous = node.get(last)
    insert_in_order(node, last, to_roundtrip(value), current_model)
    _keep_comment_gap(node, last, previous, value)
    return True


def _keep_comment_gap(node: CommentedMap, key: Any, previous: Any, value: Any) -> None:
    """An end-of-line comment keeps its distance from a replaced scalar."""
    entry = node.ca.items.get(key)
    token = entry[2] if entry else None
    scalars = (str, int, float)
    if (
        not isinstance(token, CommentToken)
        or not str(token.value).startswith("#")
        or not isinstance(previous, scalars)
        or not isinstance(value, scalars)
    ):
        return
    shift = len(emit_scalar(value)) - len(emit_scalar(previous))
    token.start_mark.column = max(0, token.start_mark.column + shift)


def _same(left: Any, right: Any) -> bool:
    from aiportfolio.register.yamlio import to_plain

    if isinstance(left, bool) or isinstance(right, bool):
        return type(left) is type(right) and left == right
    return bool(to_plain(left) == to_plain(right))


# --- reordering -------------------------------------------------------------------------


def reorder(node: Any, model: type[BaseModel] | None, top: bool = True) -> bool:
    """Put the keys of ``node`` (recursively) in ``model``'s field order; keys unknown to the
    model keep their relative order after the known ones. Comment lines written above a key
    move with it. Returns ``True`` when something moved."""
    changed = False
    if isinstance(node, CommentedSeq):
        for item in node:
            changed = reorder(item, model, top=False) or changed
        return changed
    if not isinstance(node, CommentedMap) or model is None:
        return False
    for key in node:
        changed = reorder(node[key], submodel(model, key), top=False) or changed
    order = field_order(model)
    keys = list(node.keys())
    wanted = sorted(keys, key=lambda k: (0, order.index(k)) if k in order else (1, keys.index(k)))
    if wanted == keys:
        return changed
    # Lines after key i's value are the comment written above key i+1; the last key's
    # trailing lines end the mapping.
    above: dict[Any, str] = {}
    for i, key in enumerate(keys):
        above[keys[i + 1] if i + 1 < len(keys) else None] = _take_after(node, key)
    items = [(k, node[k], node.ca.items.get(k)) for k in wanted]
    for k in keys:
        del node[k]
    for k, v, ca in items:
        node[k] = v
        if ca is not None:
            node.ca.items[k] = ca
    for i, key in enumerate(wanted):
        lines = above.get(key, "")
        if i == 0 and lines and top:
            # The document's header comments are the place for the new first key's intro.
            if node.ca.comment is None:
                node.ca.comment = [None, []]
            if node.ca.comment[1] is None:
                node.ca.comment[1] = []
            node.ca.comment[1].append(CommentToken(lines, CommentMark(0), None))
            continue
        # A nested key moved to the front keeps its introduction right after its value.
        _put_after(node, wanted[i - 1] if i else key, lines)
    _put_after(node, wanted[-1], above.get(None, ""))
    return True


def _take_after(node: CommentedMap, key: Any) -> str:
    value = node[key]
    if _is_block_collection(value):
        lines = take_trailing(value)
        if lines:
            return lines
    entry = node.ca.items.get(key)
    if not entry or not isinstance(entry[2], CommentToken):
        return ""
    holder = CommentedMap()
    holder[key] = value
    holder.ca.items[key] = entry
    return take_trailing(holder)


def _put_after(node: CommentedMap, key: Any, lines: str) -> None:
    if not lines:
        return
    value = node[key]
    if _is_block_collection(value):
        put_trailing(value, lines)
        return
    holder = CommentedMap()
    holder[key] = value
    holder.ca.items[key] = node.ca.items.setdefault(key, [None, None, None, None])
    put_trailing(holder, lines)


# --- fast emitter for new files ------------------------------------------------------------

_PLAIN_SAFE = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`][^\n]*$")
_NOT_PLAIN = re.compile(
    r"(: |\s#|:$|\s$|^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|no|on|off|y|n"
    r"|Yes|No|On|Off|Y|N|YES|NO|ON|OFF)$|^[-+.]?[0-9]|^\.(?:inf|Inf|INF|nan|NaN|NAN)$)"
)


def emit_scalar(value: Any) -> str:
    """A scalar in canonical form: plain when unambiguous, else double-quoted (JSON
    escaping, a valid YAML double-quoted scalar)."""
    import datetime as dt
    import json

    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    if (
        _PLAIN_SAFE.match(text)
        and not _NOT_PLAIN.search(text)
        and text.isprintable()
        and "\ufeff" not in text
    ):
        return text
    if not text.replace("\n", "").replace("\t", "").isprintable():
        return _ruamel_scalar(text)  # rare: let ruamel choose its own escapes
    return json.dumps(text, ensure_ascii=False)


def _ruamel_scalar(text: str) -> str:
    import io

    from aiportfolio.register.roundtrip import roundtrip_yaml

    stream = io.StringIO()
    roundtrip_yaml().dump({"k": text}, stream)
    return stream.getvalue()[3:].rstrip("\n")


def emit_block(data: dict[str, Any], indent: str = "") -> list[str]:
    """Lines of ``data`` in the canonical block style of ``roundtrip.py`` (mapping 2,
    sequence 4 with dash offset 2). ruamel's pure-Python dump costs ~10 ms a file; this is
    ~50 times faster for the thousands of files of an import, and a test holds it equal to
    a round-trip load + dump."""
    lines: list[str] = []
    for key, value in data.items():
        if isinstance(value, dict) and value:
            lines.append(f"{indent}{key}:")
            lines.extend(emit_block(value, indent + "  "))
        elif isinstance(value, list) and value:
            lines.append(f"{indent}{key}:")
            for item in value:
                if isinstance(item, dict) and item:
                    inner = emit_block(item, indent + "    ")
                    lines.append(f"{indent}  - {inner[0][len(indent) + 4 :]}")
                    lines.extend(inner[1:])
                else:
                    lines.append(f"{indent}  - {_emit_leaf(item)}")
        elif isinstance(value, str) and literal_block_ok(value):
            # Paragraphs as a literal block: one line of YAML per line of text (readable
            # git diffs), not one double-quoted line full of \n.
            lines.append(f"{indent}{key}: |-")
            lines.extend(f"{indent}  {line}" if line else "" for line in value.split("\n"))
        else:
            text = _emit_leaf(value)
            lines.append(f"{indent}{key}: {text}" if text else f"{indent}{key}:")
    return lines


def literal_block_ok(text: str) -> bool:
    """Multi-line text that a ``|-`` block holds exactly: printable lines without
    surrounding spaces (no indentation indicator needed) and no blank line at either
    end (kept by no chomping indicator)."""
    if "\n" not in text or text.startswith("\n") or text.endswith("\n"):
        return False
    if not text.replace("\n", "").isprintable():
        return False
    return all(line == line.strip() for line in text.split("\n"))


def _emit_leaf(value: Any) -> str:
    if isinstance(value, dict):
        return "{}"
    if isinstance(value, list):
        return "[]"
    return emit_scalar(value)
