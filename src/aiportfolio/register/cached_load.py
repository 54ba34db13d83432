"""``load_register`` that keeps the parsed use cases between runs (``.aip-cache/``, see
``disk_cache``): a use-case file whose text is unchanged is not parsed nor validated again.
Parsing and validating a thousand files takes over a second; reading their models back
takes a tenth of that. Same register as ``load_register``, model for model: only files
that loaded without a problem are kept, by path and a digest of their exact text, under
aip's code.

The models are kept in ``PARTS`` signed files (``parsed-NN.pickle``), each file's entry in
the part its display path falls in: after an edit only the parts of the changed files are
written again (a thirty-second of the register for one file), instead of the whole store.
A part that is missing, stale, unsigned or unreadable is an empty one: its files are
parsed again and the part rewritten.

``aip check`` validates the same files the same way (``load_usecase_text``): when it has
validated every entry itself (a check from scratch), it hands their models to
``keep_parsed``, so the command after it loads warm instead of parsing the register again
(a re-check of a few changed files keeps nothing: reading and writing their parts would
cost it more than it saves the next command)."""

from __future__ import annotations

import zlib
from collections.abc import Iterator, Mapping, MutableMapping
from pathlib import Path

from aiportfolio.model.usecase import UseCase
from aiportfolio.problem import Problem
from aiportfolio.register import disk_cache
from aiportfolio.register.loader import Register, load_register

PARTS = 32
PART_FILE = "parsed-{:02d}.pickle"
OLD_FILES = ("parsed.pickle",)
"""Stores of earlier versions of aip, removed when the parts are first written."""

Key = tuple[str, str]
Parsed = tuple[UseCase | None, list[Problem]]
Part = dict[str, tuple[bytes, UseCase]]
"""Display path -> digest of the file's text, its use case."""


def part_of(rel: str) -> int:
    """The part that keeps the file of display path ``rel``."""
    return zlib.crc32(rel.encode("utf-8", "surrogatepass")) % PARTS


def text_digest(text: str) -> bytes:
    return disk_cache.digest(text.encode("utf-8", "surrogatepass"))


class _Known(MutableMapping[Key, Parsed]):
    """The loader's parse cache (``(path, text) -> parsed``) over the stored parts: a file
    is found there when its text has the digest stored for its path. Files parsed during
    this run are added as in a plain dictionary."""

    def __init__(self, parts: list[Part]) -> None:
        self.parts = parts
        self.fresh: dict[Key, Parsed] = {}
        self.digests: dict[Key, bytes] = {}

    def digest(self, key: Key) -> bytes:
        found = self.digests.get(key)
        if found is None:
            found = self.digests[key] = text_digest(key[1])
        return found

    def __getitem__(self, key: Key) -> Parsed:
        found = self.fresh.get(key)
        if found is not None:
            return found
        stored = self.parts[part_of(key[0])].get(key[0])
        if stored is not None and stored[0] == self.digest(key):
            return stored[1], []
        raise KeyError(key)

    def __setitem__(self, key: Key, value: Parsed) -> None:
        self.fresh[key] = value

    def __delitem__(self, key: Key) -> None:
        del self.fresh[key]

    def __iter__(self) -> Iterator[Key]:
        return iter(self.fresh)

    def __len__(self) -> int:
        return len(self.fresh)


def load_register_cached(root: Path, lang: str | None = None) -> Register:
    # Unpickling thousands of models with the cyclic collector on takes twice as long (it
    # walks them again and again); they hold no cycles, and live as long as the command:
    # once read, they are kept out of the collector's reach for good, before it resumes
    # (else its first pass walks every one of them: 0.1 s at 3,600 entries).
    with disk_cache.paused_gc():
        register = _load(root, lang)
        disk_cache.spare_from_gc()
    return register


def _load(root: Path, lang: str | None) -> Register:
    context = disk_cache.code_fingerprint()
    stored: list[Part] = []
    for index in range(PARTS):
        name = PART_FILE.format(index)
        part = disk_cache.load(root, name, context + name.encode())
        stored.append(part if isinstance(part, dict) else {})
    known = _Known(stored)
    register = load_register(root, lang, (), known)
    # Kept: this run's valid files only (an edited or deleted file's old text goes).
    keep: list[Part] = [{} for _ in range(PARTS)]
    for rel, text in register.texts.items():
        found = known.get((rel, text))
        if found is not None and found[0] is not None and not found[1]:
            keep[part_of(rel)][rel] = (known.digest((rel, text)), found[0])
    written = False
    for index, (old, new) in enumerate(zip(stored, keep, strict=True)):
        if _digests(old) != _digests(new):
            name = PART_FILE.format(index)
            disk_cache.save(root, name, context + name.encode(), new)
            written = True
    if written:
        for name in OLD_FILES:
            disk_cache.remove(root, name)
    return register


def keep_parsed(root: Path, parsed: Mapping[str, tuple[str, UseCase]]) -> None:
    """Fill the store from another reading of the whole register: ``parsed`` maps the
    display path of every valid use-case file to its text and the use case
    ``load_usecase_text`` made of it (``aip check`` from scratch). Every part is written
    anew; a file left out is parsed by the next load, as a changed one is."""
    context = disk_cache.code_fingerprint()
    parts: list[Part] = [{} for _ in range(PARTS)]
    for rel, (text, usecase) in parsed.items():
        parts[part_of(rel)][rel] = (text_digest(text), usecase)
    for index, part in enumerate(parts):
        name = PART_FILE.format(index)
        disk_cache.save(root, name, context + name.encode(), part)
    for name in OLD_FILES:
        disk_cache.remove(root, name)


def _digests(part: Part) -> dict[str, bytes]:
    return {rel: digest for rel, (digest, _) in part.items()}
