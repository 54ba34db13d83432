"""The one shape of a reporter: ``reporter(result, t, options) -> str``.

Each command's reporter module has one registry, ``REPORTERS: dict[str, Reporter[R]]``,
from format name (``table``, ``md``, ``json``, ``csv``, ``text``...) to the function that
writes the command's result ``R`` in that format. The registry is the command's list of
formats: the CLI's ``--format`` choices are read from it (``report/kit/formats.py``).

A reporter is pure: it returns the text and never prints. ``t`` carries the reader's
language. ``options`` carries how the text is laid out, the same value for every command;
a reporter reads what applies to it and ignores the rest.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

if TYPE_CHECKING:
    from aiportfolio.i18n import Translator
    from aiportfolio.report.kit.terminal import Terminal  # rich's cells: only when drawn

__all__ = ["PLAIN", "Options", "Reporter"]


@dataclass(frozen=True)
class Options:
    """How a reporter lays its text out."""

    terminal: Terminal | None = None
    """Width and colour of a terminal view (``None``: the reporter's default width, no
    colour)."""
    limit: int | None = None
    """At most this many items in a list that a terminal view shortens (``None``: all)."""
    compare: bool = False
    """``aip plan --compare``: the strategies side by side as well."""
    root: Path | None = None
    """The register folder: a template there overrides the shipped one (``aip dashboard``)."""

    def width(self, default: int) -> int:
        """The terminal's width, or ``default`` without a terminal."""
        return self.terminal.width if self.terminal is not None else default


PLAIN = Options()
"""No terminal, no limit: what a reporter uses when it is given no options."""

R_contra = TypeVar("R_contra", contravariant=True)


class Reporter(Protocol[R_contra]):
    """Writes a command's result in one format."""

    def __call__(self, result: R_contra, t: Translator, options: Options, /) -> str: ...
