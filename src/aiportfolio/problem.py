"""The one finding type every rule, loader and engine reports."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field

from aiportfolio.message import Message, Translate


class Severity(str, enum.Enum):
    """How serious a problem is; ``error`` blocks CI, ``warning`` only with ``--strict``."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


@dataclass(frozen=True, order=True)
class Problem:
    """A finding at a place in a file. Lines and columns are 1-based; 0 means "whole file"."""

    path: str
    """File path as given or relative to the register root (POSIX separators)."""
    line: int
    column: int
    rule: str
    """Stable rule id (``owner-required``...) usable in ``config/portfolio.yaml`` policy."""
    severity: Severity = field(compare=False)
    message: Message = field(compare=False)
    """What is wrong, as a catalog key and parameters: reporters translate it."""
    hint: Message | None = field(default=None, compare=False)
    """How to fix it (``None``: no hint)."""
    loc: tuple[str | int, ...] = field(default=(), compare=False)
    """Path of keys inside the document; used to find the line when it is not known yet."""

    def with_position(self, line: int, column: int) -> Problem:
        return Problem(
            self.path, line, column, self.rule, self.severity, self.message, self.hint, self.loc
        )

    def with_severity(self, severity: Severity) -> Problem:
        return Problem(
            self.path,
            self.line,
            self.column,
            self.rule,
            severity,
            self.message,
            self.hint,
            self.loc,
        )

    def text(self, t: Translate) -> str:
        """The message in ``t``'s language."""
        return self.message.text(t)

    def hint_text(self, t: Translate) -> str:
        """The hint in ``t``'s language, ``""`` when there is none."""
        return self.hint.text(t) if self.hint is not None else ""

    @property
    def identity(self) -> tuple[object, ...]:
        """What the problem says, whatever the reader's language: its rule, place in the
        document and message key with parameters (``aip diff`` compares problems by it)."""
        return (self.rule, self.path, self.loc, self.message.identity)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


def suggest(word: str, choices: Iterable[str]) -> str | None:
    """The known word closest to ``word`` (a likely typo of it), if any is close enough:
    what a problem's "did you mean" hint names."""
    import difflib

    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return matches[0] if matches else None
