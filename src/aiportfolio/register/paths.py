"""Where a register keeps its files, relative to its root, how big one may be, and the
language its configuration names (read without validating it). Standard library only: the
CLI reads this at start-up, and a re-check with nothing changed needs nothing more."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from aiportfolio.model.vocabulary import LANGS

USECASES_DIR = "usecases"
WEIGHTS_FILE = Path("config") / "weights.yaml"
PORTFOLIO_FILE = Path("config") / "portfolio.yaml"

MAX_FILE_BYTES = 1024 * 1024
"""Register files are one-page cards; anything bigger is a mistake or an attack."""


def given_files(paths: Sequence[Path]) -> list[Path]:
    """The use-case files named by ``paths``: each file (or symbolic link) given, a
    folder's ``*.yaml`` then ``*.yml`` files, in that order; a path that is neither is a
    usage error. What the loader reads when paths are given, and what a cached check lists
    without importing the loader."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(path.glob("*.yaml")) + sorted(path.glob("*.yml")))
        elif path.is_file() or path.is_symlink():
            files.append(path)  # a link to no file too: reading it reports why
        else:
            from aiportfolio.errors import UsageError
            from aiportfolio.message import Message

            raise UsageError(Message("error.path_not_found", {"path": path}))
    return files


def peek_language(root: Path) -> str | None:
    """The ``language:`` of ``config/portfolio.yaml`` without validating the file (so that
    configuration errors themselves are reported in the register's language). Only a
    regular file is read: a named pipe there must not block the command."""
    path = root / PORTFOLIO_FILE
    try:
        if not path.is_file() or path.stat().st_size > MAX_FILE_BYTES:
            return None
        return peek_language_text(path.read_bytes())
    except OSError:
        return None


def peek_language_text(raw: bytes | None) -> str | None:
    """``language:`` read from the raw text of a portfolio file (``None`` if absent)."""
    if raw is None:
        return None
    for line in raw.decode("utf-8", "replace").splitlines():
        if line.startswith("language:"):
            value = line.split(":", 1)[1].split("#", 1)[0].strip().strip("'\"")
            return value if value in LANGS else None
    return None


def reader_language_for(lang: str | None, language: str) -> str:
    """The language a register's reader gets: ``--lang`` when given (an unknown one reads
    English, as the catalog does), else the register's ``language:`` (``language``)."""
    if lang is None:
        return language
    return lang if lang in LANGS else "en"
