"""Exceptions the CLI layer maps to exit codes. Engines raise these; they never exit."""

from __future__ import annotations

from collections.abc import Sequence

from aiportfolio.problem import Problem


class AipError(Exception):
    """Base error carrying a translated, user-facing message."""

    exit_code = 2

    def __init__(self, message: str, problems: Sequence[Problem] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.problems = list(problems)


class ConfigError(AipError):
    """A configuration file (weights, portfolio) is missing, unreadable or invalid: exit 2."""


class UsageError(AipError):
    """Bad arguments or an impossible request: exit 2."""
