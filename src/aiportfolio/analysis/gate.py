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
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from aiportfolio.model.common import canonical_id
from aiportfolio.model.usecase import UseCase
from aiportfolio.problem import Problem
from aiportfolio.register.loader import Register, locate_problems


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
    """The verdict of every valid use case as of ``today``: what ``gate_of`` gives, taken
    from ``aip check``'s cache when it holds a check of that date under the same
    configuration and code (only the files changed since are checked again), else from
    the rules. For a register loaded whole from its files (what every command gates);
    ``gate_of`` for one built or edited in memory."""
    cached = _checked_gate(register, today)
    return cached if cached is not None else gate_of(register, today)


def _checked_gate(register: Register, today: dt.date) -> Gate | None:
    """The verdicts from ``aip check``'s cache, or ``None`` when it holds no check of that
    date (checking from scratch would parse every file again: more than ``gate_of`` on
    the loaded register) or the check does not see the files ``register`` was read from."""
    from aiportfolio.analysis import check_cache
    from aiportfolio.register import disk_cache
    from aiportfolio.rules.registry import RULES, severities

    enabled = {rid: sev for rid, sev in severities(register).items() if not RULES[rid].advisory}
    if not check_cache.cacheable(enabled):
        return None  # aip check would check the whole register again
    context = check_cache.context_digest(register.root, today)
    if disk_cache.load(register.root, check_cache.CACHE_FILE, context, codec="marshal") is None:
        return None
    try:
        result, read, _ = check_cache.check_with_cache(register.root, register.lang, today)
    except OSError:
        return None  # a file went away while it was read: the rules decide
    if read != len(register.files) or result.usecases != len(register.usecases):
        return None  # the files changed in between, or a register not read from them
    # As gate_of gives them: not located (the verdicts keep rules and messages only).
    return verdicts_from(register, [p.with_position(0, 0) for p in result.problems if p.is_error])


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
