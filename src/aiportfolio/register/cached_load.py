"""``load_register`` that keeps the parsed use cases between runs (``.aip-cache/``, see
``disk_cache``): a use-case file whose text is unchanged is not parsed nor validated again.
Parsing and validating a thousand files takes over a second; reading their models back
takes a fifth of that. Same register as ``load_register``, model for model: only files
that loaded without a problem are kept, by path and exact text, under aip's code."""

from __future__ import annotations

from pathlib import Path

from aiportfolio.model.usecase import UseCase
from aiportfolio.problem import Problem
from aiportfolio.register import disk_cache
from aiportfolio.register.loader import Register, load_register

CACHE_FILE = "parsed.pickle"

Parsed = dict[tuple[str, str], tuple[UseCase | None, list[Problem]]]


def load_register_cached(root: Path, lang: str | None = None) -> Register:
    # Unpickling thousands of models with the cyclic collector on takes twice as long (it
    # walks them again and again); they hold no cycles.
    with disk_cache.paused_gc():
        return _load(root, lang)


def _load(root: Path, lang: str | None) -> Register:
    context = disk_cache.code_fingerprint()
    stored = disk_cache.load(root, CACHE_FILE, context)
    known: Parsed = stored if isinstance(stored, dict) else {}
    parsed: Parsed = dict(known)
    register = load_register(root, lang, (), parsed)
    # Kept: this run's valid files only (an edited or deleted file's old text goes).
    keep: Parsed = {}
    for rel, text in register.texts.items():
        found = parsed.get((rel, text))
        if found is not None and found[0] is not None and not found[1]:
            keep[(rel, text)] = found
    if keep.keys() != known.keys():
        disk_cache.save(root, CACHE_FILE, context, keep)
    return register
