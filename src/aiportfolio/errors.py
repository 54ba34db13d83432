"""Exceptions the CLI layer maps to exit codes. Engines raise these; they never exit."""

from __future__ import annotations

from collections.abc import Sequence

from aiportfolio.message import Message, Translate
from aiportfolio.problem import Problem


class AipError(Exception):
    """Base error carrying a user-facing message: translated text, or a ``Message`` the
    CLI translates (``text(t)``)."""

    exit_code = 2

    def __init__(self, message: str | Message, problems: Sequence[Problem] = ()) -> None:
        super().__init__(message if isinstance(message, str) else message.key)
        self.message = message
        self.problems = list(problems)

    def text(self, t: Translate) -> str:
        """The message in ``t``'s language."""
        return self.message if isinstance(self.message, str) else self.message.text(t)


class ConfigError(AipError):
    """A configuration file (weights, portfolio) is missing, unreadable or invalid: exit 2."""


class UsageError(AipError):
    """Bad arguments or an impossible request: exit 2."""


class GateError(AipError):
    """A write that would make a use case fail the gate (``aip check`` errors): refused,
    nothing written, exit 1 (``--force`` writes anyway)."""

    exit_code = 1
