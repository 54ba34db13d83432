"""Exceptions the CLI layer maps to exit codes. Engines raise these; they never exit."""

from __future__ import annotations

from collections.abc import Sequence

from aiportfolio.message import Concat, Text, Translate
from aiportfolio.problem import Problem


class AipError(Exception):
    """Base error carrying a user-facing message: a ``Message`` (or several, a ``Concat``)
    that the CLI translates (``text(t)``) in the reader's language. Code below the CLI and
    the reporters never translates; a plain string is for text that is not aip's (git's
    own error) or that the CLI has already translated."""

    exit_code = 2

    def __init__(self, message: str | Text, problems: Sequence[Problem] = ()) -> None:
        super().__init__(message)
        self.message: Text = Concat((message,)) if isinstance(message, str) else message
        self.problems = list(problems)

    def text(self, t: Translate) -> str:
        """The message in ``t``'s language."""
        return self.message.text(t)

    def __str__(self) -> str:
        """The message in English (tracebacks, logs and tests; the CLI shows ``text(t)``)."""
        from aiportfolio.i18n import Translator

        return self.message.text(Translator("en"))


class ConfigError(AipError):
    """A configuration file (weights, portfolio) is missing, unreadable or invalid: exit 2."""


class UsageError(AipError):
    """Bad arguments or an impossible request: exit 2."""


class GateError(AipError):
    """A write that would make a use case fail the gate (``aip check`` errors): refused,
    nothing written, exit 1 (``--force`` writes anyway)."""

    exit_code = 1
