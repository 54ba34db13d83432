"""Use-case ids and file names: next free id, filesystem-safe slugs, paths that cannot
leave ``usecases/``."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

ID_PATTERN = re.compile(r"^UC-([0-9]{3,6})$")
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
            head = path.read_text(encoding="utf-8-sig", errors="replace")[:4096]
        except OSError:
            continue
        numbers.update(int(m.group(1)) for m in _ID_LINE.finditer(head))
    return numbers


def next_numbers(taken: Iterable[int], count: int = 1) -> list[int]:
    """``count`` ids after the highest one taken (gaps are never reused: a stopped or
    deleted id keeps its meaning in the history)."""
    start = max(taken, default=0) + 1
    return list(range(start, start + count))


def usecase_path(folder: Path, usecase_id: str, title: str) -> Path:
    """``folder/<id>-<slug>.yaml``; refuses anything that would resolve outside ``folder``."""
    if id_number(usecase_id) is None:
        raise ValueError(f"invalid use-case id {usecase_id!r}")
    path = folder / f"{usecase_id}-{slugify(title)}.yaml"
    if path.resolve().parent != folder.resolve():  # pragma: no cover - guarded above
        raise ValueError(f"{path} is outside {folder}")
    return path
