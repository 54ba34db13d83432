"""Load a register: configuration (exit 2 when invalid) and use-case files (problems)."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable, Iterator, Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from aiportfolio import resources
from aiportfolio.errors import ConfigError, UsageError
from aiportfolio.message import Message, Text
from aiportfolio.model.common import canonical_id, escaped
from aiportfolio.model.grid import Grid
from aiportfolio.model.lifecycle import active
from aiportfolio.model.portfolio import PortfolioConfig
from aiportfolio.model.usecase import UseCase
from aiportfolio.problem import Problem, Severity
from aiportfolio.register.paths import (
    PORTFOLIO_FILE,
    USECASES_DIR,
    WEIGHTS_FILE,
    given_files,
    reader_language_for,
)
from aiportfolio.register.paths import peek_language as peek_language
from aiportfolio.register.paths import peek_language_text as peek_language_text
from aiportfolio.register.problems import (
    locate_problems,
    suggest,
    validation_problems,
    yaml_issue_problem,
)
from aiportfolio.register.yamlio import (
    MAX_FILE_BYTES,
    YamlIssue,
    decode,
    parse_text,
    read_text,
)

ParseCache = MutableMapping[tuple[str, str], tuple[UseCase | None, list[Problem]]]
"""What parsing a use-case file gave (its model, else its problems), by display path and
exact text: lets several loads (or runs, ``cached_load``) share the parsing of a file."""

__all__ = [
    "PORTFOLIO_FILE",
    "USECASES_DIR",
    "WEIGHTS_FILE",
    "locate_problems",
    "suggest",
    "validation_problems",
    "yaml_issue_problem",
]


@dataclass
class Register:
    """A loaded register: the valid use cases, where each came from, and what was wrong."""

    root: Path
    grid: Grid
    config: PortfolioConfig
    lang: str
    usecases: list[UseCase] = field(default_factory=list)
    sources: dict[str, Path] = field(default_factory=dict)
    """Use-case id -> file it was loaded from (first file for duplicated ids)."""
    files: list[Path] = field(default_factory=list)
    """Every use-case file read, valid or not."""
    usecase_paths: list[Path] = field(default_factory=list)
    """The file of each entry of ``usecases``, in the same order."""
    problems: list[Problem] = field(default_factory=list)
    """Reading and schema problems (policy rules are run separately)."""
    texts: dict[str, str] = field(default_factory=dict, repr=False)
    """Text of every use-case file read, by display path: problems found later (rules,
    engines) are located in it without reading the disk again."""

    def get(self, usecase_id: str) -> UseCase | None:
        wanted = canonical_id(usecase_id)
        for uc in self.usecases:
            if uc.id == wanted:
                return uc
        return None

    def relpath(self, path: Path) -> str:
        return display_path(path, self.root)

    @property
    def active(self) -> list[UseCase]:
        return active(self.usecases)

    def locate(self, problems: Iterable[Problem]) -> list[Problem]:
        """Problems with their line and column filled from the files' texts."""
        return locate_problems(list(problems), self.texts)

    def require(self, usecase_id: str, *, active_only: bool = False) -> UseCase:
        """The use case ``usecase_id`` (case and surrounding spaces ignored), or a
        ``UsageError`` naming the closest ids."""
        wanted = canonical_id(usecase_id)
        pool = self.active if active_only else self.usecases
        for uc in pool:
            if uc.id == wanted:
                return uc
        close = suggest(wanted, [uc.id for uc in pool])
        key = "error.unknown_active_usecase" if active_only else "error.unknown_usecase"
        message: Text = Message(key, {"id": usecase_id})
        if close:
            message += "\n  " + Message("error.unknown_usecase.hint", {"suggestion": close})
        raise UsageError(message)


def display_path(path: Path, root: Path) -> str:
    try:
        # The folder is resolved, not the file: a link shows its own name, never where
        # it leads.
        real = path.parent.resolve() / path.name
        return escaped(Path(os.path.relpath(real, root.resolve())).as_posix())
    except ValueError:  # pragma: no cover - other drive on Windows
        return path.as_posix()


class _Resolver:
    """``display_path`` and ``leaves_register`` for many files of the same folders: each
    folder is resolved and placed once (resolving every file takes seconds at 3,600
    files), and only a file that is itself a link is resolved on its own. Paths are
    strings: a few ``pathlib`` objects per file took 0.2 s of CPU at 3,600 files."""

    def __init__(self, root: Path) -> None:
        self.real_root = os.path.realpath(root)
        self.lexical_root = os.path.abspath(root)
        self.folders: dict[str, tuple[str, str | None, bool, bool]] = {}
        """Folder as given -> its real path; its display path (None: none relative to the
        register, another drive on Windows); whether it is in the register as written,
        and once resolved."""

    def _folder(self, path: Path) -> tuple[str, str | None, bool, bool]:
        folder = os.path.dirname(path)
        found = self.folders.get(folder)
        if found is None:
            real = os.path.realpath(folder)
            try:
                shown: str | None = Path(os.path.relpath(real, self.real_root)).as_posix()
            except ValueError:  # pragma: no cover - other drive on Windows
                shown = None
            inside = _within(os.path.abspath(folder), self.lexical_root)
            found = (real, shown, inside, _within(real, self.real_root))
            self.folders[folder] = found
        return found

    def display(self, path: Path) -> str:
        shown = self._folder(path)[1]
        if shown is None:  # pragma: no cover - other drive on Windows
            return path.as_posix()
        return escaped(path.name if shown == "." else f"{shown}/{path.name}")

    def leaves(self, path: Path) -> bool:
        _, _, inside, real_inside = self._folder(path)
        if not inside:
            return False  # a file given on the command line, outside the register
        if os.path.islink(path):
            return not _within(os.path.realpath(path), self.real_root)
        return not real_inside


def _within(path: str, folder: str) -> bool:
    """``Path(path).is_relative_to(folder)`` for absolute, normalised paths."""
    path, folder = os.path.normcase(path), os.path.normcase(folder)
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


# --- configuration -------------------------------------------------------------------------


def _load_config_file(path: Path, model: type[BaseModel], root: Path) -> BaseModel:
    text, issue = read_text(path, root=root)
    return _config_from_text(text, issue, display_path(path, root), model)


def _config_from_text(
    text: str | None, issue: YamlIssue | None, rel: str, model: type[BaseModel]
) -> BaseModel:
    data: Any = None
    if issue is None and text is not None:
        data, issue = parse_text(text)
        if issue is not None and issue.kind == "empty":
            data, issue = {}, None
    if issue is not None:
        problem = yaml_issue_problem(issue, rel)
        if issue.kind == "not-a-mapping":
            problem = dataclasses.replace(problem, hint=Message("config.not_a_mapping.hint"))
        raise ConfigError(_invalid(rel), [problem])
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = locate_problems(validation_problems(exc, model, rel), {rel: text or ""})
        raise ConfigError(_invalid(rel), problems) from None


def _invalid(rel: str) -> Message:
    return Message("config.invalid", {"path": rel})


def load_config(root: Path) -> tuple[Grid, PortfolioConfig]:
    weights = root / WEIGHTS_FILE
    if not (weights.exists() or weights.is_symlink()) and weights.parent.is_dir():
        # A register with a config/ folder but no grid: refuse rather than silently score
        # with another grid. A register with no config/ at all uses the built-in defaults.
        missing = Message("config.missing", {"path": WEIGHTS_FILE.as_posix()})
        raise ConfigError(
            _invalid(WEIGHTS_FILE.as_posix()),
            [
                Problem(
                    WEIGHTS_FILE.as_posix(),
                    0,
                    0,
                    "config-missing",
                    Severity.ERROR,
                    missing,
                    Message("config.missing.hint"),
                )
            ],
        )
    grid_path = weights if weights.exists() or weights.is_symlink() else resources.default_weights()
    grid = _load_config_file(grid_path, Grid, root)
    portfolio = root / PORTFOLIO_FILE
    config = (
        _load_config_file(portfolio, PortfolioConfig, root)
        if portfolio.exists() or portfolio.is_symlink()
        else PortfolioConfig()
    )
    assert isinstance(grid, Grid) and isinstance(config, PortfolioConfig)
    return grid, config


# --- use cases -----------------------------------------------------------------------------


def usecase_files(root: Path, paths: Sequence[Path] = ()) -> list[Path]:
    """The use-case files to read: the given paths (files or folders), else ``usecases/``."""
    if not paths:
        folder = root / USECASES_DIR
        return sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml"))
    return given_files(paths)


def load_usecase_text(
    text: str | None, issue: YamlIssue | None, rel: str
) -> tuple[UseCase | None, list[Problem]]:
    if issue is None and text is not None:
        data, issue = parse_text(text)
    if issue is not None:
        return None, [yaml_issue_problem(issue, rel)]
    try:
        return UseCase.model_validate(data), []
    except ValidationError as exc:
        return None, validation_problems(exc, UseCase, rel)


def load_register(
    root: Path,
    lang: str | None = None,
    paths: Sequence[Path] = (),
    cache: ParseCache | None = None,
) -> Register:
    """Load configuration and use cases. Raises ``ConfigError`` for configuration problems;
    use-case problems are collected in ``Register.problems`` with their positions.
    ``cache`` (``(path, text) -> parsed``) spares the parsing of files already parsed."""
    grid, config = load_config(root)
    register = Register(root=root, grid=grid, config=config, lang=reader_language(lang, config))
    selected = usecase_files(root, paths) if paths else []
    files = usecase_files(root)
    if selected:
        # Register-wide rules need every file, whatever was asked: the given files are
        # added to the register's own, and callers filter what they report.
        # realpath, not Path.resolve: on Python < 3.13 a loop of links raises in resolve.
        known = set(map(os.path.realpath, files))
        files += [f for f in selected if os.path.realpath(f) not in known]

    paths_of = _Resolver(root)

    def entries() -> Iterator[tuple[str, Path, str | None, YamlIssue | None]]:
        for path in files:
            rel = paths_of.display(path)
            if paths_of.leaves(path):
                yield rel, path, None, YamlIssue("outside-register", 0, 0)
            else:
                yield (rel, path, *read_text(path))

    _collect_usecases(register, entries(), cache)
    return register


def _collect_usecases(
    register: Register,
    entries: Iterable[tuple[str, Path, str | None, YamlIssue | None]],
    cache: ParseCache | None = None,
) -> None:
    """Parse and validate use-case files into ``register`` (shared by the disk and git
    loaders). ``cache`` lets two loads share the parsing of identical files."""
    problems: list[Problem] = []
    for rel, path, text, issue in entries:
        register.files.append(path)
        if text is not None:
            register.texts[rel] = text
        key = (rel, text or "")
        cached = cache.get(key) if cache is not None and issue is None else None
        if cached is None:
            cached = load_usecase_text(text, issue, rel)
            if cache is not None and issue is None:
                cache[key] = cached
        usecase, file_problems = cached
        if file_problems:
            problems.extend(file_problems)
            continue
        assert usecase is not None
        register.usecases.append(usecase)
        register.usecase_paths.append(path)
        register.sources.setdefault(usecase.id, path)
    register.problems = register.locate(problems)


def load_register_from_texts(
    root: Path,
    files: Mapping[str, bytes],
    lang: str | None = None,
    *,
    oversized: Mapping[str, int] | None = None,
    unreadable: Mapping[str, YamlIssue] | None = None,
    cache: ParseCache | None = None,
) -> Register:
    """Load a register from file contents instead of the disk (e.g. read from a git
    revision). ``files`` maps paths relative to the register root (``usecases/x.yaml``,
    ``config/weights.yaml``, ``config/portfolio.yaml``) to their bytes; ``oversized`` maps
    paths whose content was not read to their size, ``unreadable`` those that could not be
    opened to why (``yamlio.unreadable_issue``). Missing configuration files mean the
    defaults, as on disk. ``cache`` (``(path, text) -> parsed``) lets two loads share the
    parsing of identical files. ``root`` is only used to build paths: nothing is read."""
    oversized = oversized or {}
    unreadable = unreadable or {}

    def text_of(rel: str) -> tuple[str | None, YamlIssue | None]:
        if rel in unreadable:
            return None, unreadable[rel]
        if rel in oversized:
            size = oversized[rel]
            return None, YamlIssue("too-large", 0, 0, f"{size} > {MAX_FILE_BYTES}")
        return decode(files[rel])

    def config(rel: str, model: type[BaseModel], default: Path | None) -> BaseModel | None:
        if rel in files or rel in oversized or rel in unreadable:
            return _config_from_text(*text_of(rel), rel, model)
        if default is not None:
            return _load_config_file(default, model, root)
        return None

    portfolio_rel, weights_rel = PORTFOLIO_FILE.as_posix(), WEIGHTS_FILE.as_posix()
    grid = config(weights_rel, Grid, resources.default_weights())
    portfolio = config(portfolio_rel, PortfolioConfig, None) or PortfolioConfig()
    assert isinstance(grid, Grid) and isinstance(portfolio, PortfolioConfig)
    register = Register(
        root=root, grid=grid, config=portfolio, lang=reader_language(lang, portfolio)
    )
    prefix = USECASES_DIR + "/"
    names = sorted(
        rel
        for rel in (*files, *oversized, *unreadable)
        if rel.startswith(prefix) and "/" not in rel[len(prefix) :]
    )
    # Same order as on disk: *.yaml files first, then *.yml.
    ordered = [n for n in names if n.endswith(".yaml")] + [n for n in names if n.endswith(".yml")]
    _collect_usecases(register, ((rel, root / rel, *text_of(rel)) for rel in ordered), cache)
    return register


def reader_language(lang: str | None, config: PortfolioConfig) -> str:
    """The language a register's reader gets: ``--lang`` when given (an unknown one reads
    English, as the catalog does), else the register's ``language:``."""
    return reader_language_for(lang, config.language)
