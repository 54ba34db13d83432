"""``aip check``: reading problems plus policy rules, as one sorted result."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from aiportfolio.problem import Problem, Severity
from aiportfolio.register.loader import Register
from aiportfolio.rules.registry import run_rules


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


def check_register(register: Register, today: dt.date) -> CheckResult:
    problems = sorted([*register.problems, *run_rules(register, today)])
    return CheckResult(tuple(problems), len(register.files), len(register.usecases))
