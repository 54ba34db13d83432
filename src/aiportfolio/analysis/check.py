"""``aip check``: reading problems plus policy rules, as one sorted result."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from aiportfolio.problem import Problem, Severity

if TYPE_CHECKING:
    from aiportfolio.register.loader import Register


@dataclass(frozen=True)
class CheckResult:
    problems: tuple[Problem, ...]
    files: int
    """Number of use-case files read."""
    usecases: int
    """Number of valid use cases."""

    def count(self, severity: Severity) -> int:
        return sum(1 for p in self.problems if p.severity is severity)

    @property
    def errors(self) -> int:
        return self.count(Severity.ERROR)

    @property
    def warnings(self) -> int:
        return self.count(Severity.WARNING)

    def failed(self, strict: bool = False) -> bool:
        return self.errors > 0 or (strict and self.warnings > 0)


def check_register(register: Register, today: dt.date, only: Collection[Path] = ()) -> CheckResult:
    """Every problem of the register, or only those in the files ``only`` (register-wide
    rules such as unique ids and dependencies still see the whole register)."""
    from aiportfolio.rules.registry import run_rules  # not needed to report a cached check

    problems = sorted([*register.problems, *run_rules(register, today)])
    if not only:
        return CheckResult(tuple(problems), len(register.files), len(register.usecases))
    wanted = {register.relpath(path) for path in only}
    kept = tuple(p for p in problems if p.path in wanted)
    valid = sum(1 for path in register.usecase_paths if register.relpath(path) in wanted)
    return CheckResult(kept, len(wanted), valid)
