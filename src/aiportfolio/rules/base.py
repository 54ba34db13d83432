"""What a rule is and what it sees."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from aiportfolio.message import Message
from aiportfolio.model.lifecycle import STATUSES
from aiportfolio.model.usecase import UseCase
from aiportfolio.problem import Problem, Severity
from aiportfolio.register.loader import Register


@dataclass(frozen=True)
class RuleContext:
    register: Register
    today: dt.date

    def path_of(self, usecase: UseCase) -> str:
        return self.register.relpath(self.register.sources.get(usecase.id, Path(usecase.id)))


@dataclass(frozen=True)
class Finding:
    """What a rule yields: where (use case + key path) and what, without severity; the
    registry adds the configured severity and the path."""

    usecase: UseCase
    loc: tuple[str | int, ...]
    message: Message
    hint: Message | None = None
    path: str | None = None
    """Set when the finding is about a file other than the use case's first source."""

    def problem(self, rule: str, severity: Severity, path: str) -> Problem:
        """The finding as a problem of ``rule`` in ``path`` (not located yet)."""
        return Problem(path, 0, 0, rule, severity, self.message, self.hint, self.loc)


PerUseCase = Callable[[UseCase, RuleContext], Iterator[Finding]]
WholeRegister = Callable[[RuleContext], Iterator[Finding]]
Until = Callable[[UseCase, RuleContext], dt.date | None]
"""For a rule that reads the date: the first day after ``ctx.today`` on which its findings
for the use case may differ from today's (``None``: they never do after today)."""


@dataclass(frozen=True)
class Rule:
    """A policy rule, defined in the module named after its id (``rules/owner_required.py``
    for ``owner-required``), whose docstring is its user documentation; ``summary`` is the
    catalog key of its one-line description."""

    id: str
    severity: Severity
    summary: str
    per_usecase: PerUseCase | None = None
    whole_register: WholeRegister | None = None
    statuses: tuple[str, ...] = STATUSES
    """Statuses of the use cases the rule applies to by default (``policy.rules.<id>.statuses``
    in ``config/portfolio.yaml`` replaces them); the rule never reports an entry in another
    status."""
    until: Until | None = None
    """Declared by every per-entry rule that reads ``ctx.today`` (a test checks it): how
    long its findings for an entry stay those of today. ``aip check``'s cache keeps an
    entry's findings until the earliest of these days (``analysis/check_cache.py``); a rule
    that reads the date without it has its findings worked out again every day."""
    advisory: bool = False
    """Reported by the command that steers with it (``aip balance`` for the category rules),
    never by ``aip check`` nor the gate: advice for the committee, not a CI finding."""

    def run(
        self, ctx: RuleContext, severity: Severity, statuses: tuple[str, ...] | None = None
    ) -> Iterator[Problem]:
        applies = frozenset(self.statuses if statuses is None else statuses)
        findings: Iterator[Finding]
        if self.per_usecase is not None:
            check = self.per_usecase
            findings = (
                f for uc in ctx.register.usecases if uc.status in applies for f in check(uc, ctx)
            )
        else:
            assert self.whole_register is not None
            findings = (f for f in self.whole_register(ctx) if f.usecase.status in applies)
        for f in findings:
            path = f.path or ctx.path_of(f.usecase)
            yield f.problem(self.id, severity, path)
