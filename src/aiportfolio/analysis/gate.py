"""The gate verdict of each use case: does it pass the CI gate (``aip check``)?

A use case fails the gate when ``aip check`` reports an error on its file, from the same
rules, with the same ``policy`` of ``config/portfolio.yaml``. Every command that ranks,
plans or reports on entries reads this one verdict instead of re-deciding: ``plan`` never
schedules a failing entry, ``score --top`` and ``doctor`` never name one as a priority,
rankings, roadmaps and dashboards mark it. Files that cannot be read at all are not
entries (they are reported by ``check`` and left out everywhere).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from aiportfolio.errors import ConfigError
from aiportfolio.model.common import canonical_id
from aiportfolio.model.usecase import UseCase
from aiportfolio.problem import Problem
from aiportfolio.register.loader import Register, load_config, locate_problems


@dataclass(frozen=True)
class Verdict:
    """One use case's standing at the gate."""

    usecase_id: str
    errors: tuple[Problem, ...] = ()
    """The error problems ``aip check`` reports on its file (not located: no line), by file
    and rule."""

    @property
    def passes(self) -> bool:
        return not self.errors

    @property
    def rules(self) -> tuple[str, ...]:
        """Ids of the rules it fails, sorted, each once."""
        return tuple(sorted({p.rule for p in self.errors}))


@dataclass(frozen=True)
class Gate:
    """The verdict of every valid use case of a register, by id (compared by number)."""

    verdicts: Mapping[str, Verdict] = field(default_factory=dict)

    def of(self, usecase_id: str) -> Verdict:
        key = canonical_id(usecase_id)
        return self.verdicts.get(key) or Verdict(key)

    def passes(self, usecase_id: str) -> bool:
        return self.of(usecase_id).passes

    def rules(self, usecase_id: str) -> tuple[str, ...]:
        return self.of(usecase_id).rules

    @property
    def failing(self) -> tuple[Verdict, ...]:
        """The verdicts with errors, by id."""
        from aiportfolio.model.common import id_sort_key

        found = (v for v in self.verdicts.values() if not v.passes)
        return tuple(sorted(found, key=lambda v: id_sort_key(v.usecase_id)))


PASS_ALL = Gate()
"""A gate every entry passes: for computations on entries already known to pass."""


def verdicts_from(register: Register, problems: Iterable[Problem]) -> Gate:
    """Attach the error ``problems`` to the use cases whose file they are in."""
    found = [p for p in problems if p.is_error]
    # Only the files that hold an error are given their display path (resolving thousands
    # of paths would cost more than the rules themselves).
    names = {p.path.rsplit("/", 1)[-1] for p in found}
    by_path = {
        register.relpath(path): uc.id
        for uc, path in zip(register.usecases, register.usecase_paths, strict=True)
        if path.name in names
    }
    errors: dict[str, list[Problem]] = {uc.id: [] for uc in register.usecases}
    for problem in found:
        owner = by_path.get(problem.path)
        if owner is not None:
            errors[owner].append(problem)
    # In one order whoever found them (the rules one by one, or aip check's cache).
    return Gate({uid: Verdict(uid, tuple(sorted(found))) for uid, found in errors.items()})


def gate_of(register: Register, today: dt.date) -> Gate:
    """The verdict of every valid use case, from the rules ``aip check`` runs."""
    from aiportfolio.rules.registry import find_rule_problems

    return verdicts_from(register, find_rule_problems(register, today))


def gate_for(register: Register, today: dt.date) -> Gate:
    """The verdict of every valid use case as of ``today``: what ``gate_of`` gives, by way
    of ``aip check``'s cache. When it holds a check of that date under the same
    configuration and code, only the files changed since are checked again; when it holds
    none, the check is made from the use cases ``register`` already read (no file parsed
    again) and kept, so the next ``aip check`` or gating command of that date reuses it.
    For a register loaded whole from its files (what every command gates); ``gate_of``
    for one built or edited in memory."""
    cached = _checked_gate(register, today)
    return cached if cached is not None else gate_of(register, today)


def _checked_gate(register: Register, today: dt.date) -> Gate | None:
    """The verdicts from ``aip check``'s cache (filled first when it holds no check of that
    date), or ``None`` when the check does not see the files ``register`` was read from
    as they were read (then the rules decide, on ``register``)."""
    from aiportfolio.analysis import check_cache
    from aiportfolio.analysis.check_cache import CACHE_DIR, CACHE_FILE
    from aiportfolio.rules.registry import RULES, severities

    enabled = {rid: sev for rid, sev in severities(register).items() if not RULES[rid].advisory}
    if not check_cache.cacheable(enabled):
        return None  # aip check would check the whole register again
    try:  # the check reads the configuration on disk: the one register was loaded with?
        if load_config(register.root) != (register.grid, register.config):
            return None
    except ConfigError:
        return None
    # A check of another date is not replaced by one of a date aip check does not make by
    # itself (a --date in the past or future): the next aip check would start afresh.
    fill = today == _check_date() or not (register.root / CACHE_DIR / CACHE_FILE).exists()
    try:
        checked = check_cache.check_known(
            register.root, register.lang, today, lambda: _known(register), require_store=not fill
        )
    except OSError:
        return None  # a file went away while it was read: the rules decide
    if checked is None:
        return None
    result, read, _, same_texts = checked
    if not same_texts or read != len(register.files) or result.usecases != len(register.usecases):
        return None  # the files changed in between, or a register not read from them
    # As gate_of gives them: not located (the verdicts keep rules and messages only).
    return verdicts_from(register, [p.with_position(0, 0) for p in result.problems if p.is_error])


def _check_date() -> dt.date | None:
    """The date ``aip check`` checks as of when given none: ``$AIP_TODAY``, else today."""
    raw = os.environ.get("AIP_TODAY")
    try:
        return dt.date.fromisoformat(raw) if raw else dt.date.today()
    except ValueError:
        return None


def _known(register: Register) -> dict[tuple[str, str], UseCase | None]:
    """(display path, text) of every file ``register`` read, with the use case it gave
    (``None`` for a file that did not load)."""
    from aiportfolio.register.loader import _Resolver

    paths = _Resolver(register.root)  # the loader's display paths, each folder placed once
    valid = {
        paths.display(path): usecase
        for usecase, path in zip(register.usecases, register.usecase_paths, strict=True)
    }
    return {(rel, text): valid.get(rel) for rel, text in register.texts.items()}


def new_errors(
    register: Register, usecase_id: str, after: UseCase, text: str, today: dt.date
) -> list[Problem]:
    """The gate errors the entry ``usecase_id`` would have with the content ``after``
    (file text ``text``) and does not have now, located in ``text``. A problem counts as
    the same one when its rule and key are the same (its message may name the status)."""
    return gate_change(register, usecase_id, after, text, today)[0]


def gate_change(
    register: Register, usecase_id: str, after: UseCase, text: str, today: dt.date
) -> tuple[list[Problem], tuple[str, ...]]:
    """``new_errors`` and the ids of every rule the entry would fail after the change
    (errors it already had included)."""
    from aiportfolio.rules.registry import find_rule_problems

    path = register.sources[canonical_id(usecase_id)]
    rel = register.relpath(path)

    def errors_of(reg: Register) -> list[Problem]:
        return [p for p in find_rule_problems(reg, today) if p.path == rel and p.is_error]

    before = {(p.rule, p.loc) for p in errors_of(register)}
    edited = dataclasses.replace(
        register,
        usecases=[
            after if f == path else uc
            for uc, f in zip(register.usecases, register.usecase_paths, strict=True)
        ],
        texts={**register.texts, rel: text},
    )
    remaining = errors_of(edited)
    added = [p for p in remaining if (p.rule, p.loc) not in before]
    rules = tuple(sorted({p.rule for p in remaining}))
    return sorted(locate_problems(added, {rel: text})), rules
