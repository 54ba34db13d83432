"""Use-case ids and file names: next free id, filesystem-safe slugs, paths that cannot
leave ``usecases/``."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from aiportfolio.message import Message

ID_PATTERN = re.compile(r"^UC-([0-9]{3,6})$")
MAX_NUMBER = 999_999
"""The highest number the id rule (``UC-`` + 3 to 6 digits) accepts."""


class IdsExhausted(ValueError):
    """No id is left above the highest one taken (ids never go past ``MAX_NUMBER``)."""

    def __init__(self, count: int, highest: int) -> None:
        super().__init__(
            f"{count} new id(s) needed after UC-{highest}, the last is UC-{MAX_NUMBER}"
        )
        self.count = count
        self.highest = highest


_FILE_ID = re.compile(r"^UC-([0-9]{3,6})(?:-|\.ya?ml$)")
_ID_LINE = re.compile(r"^id:\s*['\"]?UC-([0-9]{3,6})['\"]?\s*(?:#.*)?$", re.MULTILINE)
SLUG_MAX = 48
_RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{i}" for i in range(10)),
    *(f"lpt{i}" for i in range(10)),
}


def slugify(title: str, max_length: int = SLUG_MAX) -> str:
    """Lower-case ASCII words joined by ``-``: accents folded (NFKD), everything else
    dropped, cut at a word boundary. Never empty, never a reserved device name."""
    folded = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", folded.lower())
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_length:
            if not slug:
                slug = word[:max_length]
            break
        slug = candidate
    if not slug or slug in _RESERVED:
        slug = f"use-case-{slug}" if slug else "use-case"
    return slug


def format_id(number: int) -> str:
    return f"UC-{number:03d}"


def id_number(usecase_id: str) -> int | None:
    match = ID_PATTERN.match(usecase_id)
    return int(match.group(1)) if match else None


def used_numbers(folder: Path) -> set[int]:
    """Id numbers taken in ``folder``: from file names and from each file's ``id:`` line
    (a file may have been renamed by hand)."""
    numbers: set[int] = set()
    if not folder.is_dir():
        return numbers
    for path in folder.iterdir():
        if path.suffix not in (".yaml", ".yml"):
            continue
        match = _FILE_ID.match(path.name)
        if match:
            numbers.add(int(match.group(1)))
        try:
            if not path.is_file():  # a pipe would block, a device never end
                continue
            with path.open("rb") as handle:
                head = handle.read(4096).decode("utf-8-sig", errors="replace")
        except OSError:
            continue
        numbers.update(int(m.group(1)) for m in _ID_LINE.finditer(head))
    return numbers


def next_numbers(taken: Iterable[int], count: int = 1) -> list[int]:
    """``count`` ids after the highest one taken (gaps are never reused: a stopped or
    deleted id keeps its meaning in the history). Raises ``IdsExhausted`` rather than give
    an id the id rule would refuse."""
    highest = max(taken, default=0)
    if highest + count > MAX_NUMBER:
        raise IdsExhausted(count, highest)
    return list(range(highest + 1, highest + 1 + count))


def allocate_numbers(taken: Iterable[int], count: int) -> list[int]:
    """``next_numbers``, with a ``UsageError`` that says what to do when ids run out."""
    from aiportfolio.errors import UsageError

    try:
        return next_numbers(taken, count)
    except IdsExhausted as exc:
        highest = {"highest": f"UC-{exc.highest}"}
        raise UsageError(Message("error.ids_exhausted", highest, exc.count)) from None


def usecase_path(folder: Path, usecase_id: str, title: str) -> Path:
    """``folder/<id>-<slug>.yaml``; refuses anything that would resolve outside ``folder``."""
    if id_number(usecase_id) is None:
        raise ValueError(f"invalid use-case id {usecase_id!r}")
    path = folder / f"{usecase_id}-{slugify(title)}.yaml"
    if path.resolve().parent != folder.resolve():  # pragma: no cover - guarded above
        raise ValueError(f"{path} is outside {folder}")
    return path
