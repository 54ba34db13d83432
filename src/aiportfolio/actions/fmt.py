"""``aip fmt``: put every use-case file in the canonical form once (keys in the schema's
order, indentation mapping 2 / sequence 4 / offset 2, width 4096), so that later
programmatic edits are minimal diffs. Comments and quoting are kept."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from aiportfolio.message import Message
from aiportfolio.model.usecase import UseCase
from aiportfolio.register.edit import reorder
from aiportfolio.register.roundtrip import dump_roundtrip, load_roundtrip
from aiportfolio.register.source import FileEdit, read_source
from aiportfolio.register.yamlio import unreadable_issue


@dataclass(frozen=True)
class Skipped:
    path: Path
    detail: str | Message
    """Why: the parser's words, or a catalog message (a file that could not be opened)."""


@dataclass(frozen=True)
class FormatResult:
    edits: tuple[FileEdit, ...]
    """One per readable file; ``changed`` tells whether it needs reformatting."""
    skipped: tuple[Skipped, ...]

    @property
    def changed(self) -> list[FileEdit]:
        return [e for e in self.edits if e.changed]


def format_text(text: str) -> str:
    """The canonical form of a use-case file's text (``\\n`` line ends)."""
    doc = load_roundtrip(text)
    if doc is None:
        return text
    reorder(doc, UseCase)
    return dump_roundtrip(doc)


def format_files(paths: Sequence[Path]) -> FormatResult:
    edits: list[FileEdit] = []
    skipped: list[Skipped] = []
    for path in paths:
        try:
            source = read_source(path)
            formatted = format_text(source.text)
        except UnicodeDecodeError as exc:
            skipped.append(Skipped(path, f"not UTF-8: {exc.reason}"))
            continue
        except OSError as exc:  # a broken link, a file this user may not read
            issue = unreadable_issue(path, exc)
            skipped.append(Skipped(path, Message(f"yaml.{issue.kind}", {"detail": issue.detail})))
            continue
        except Exception as exc:  # ruamel raises many types for unreadable YAML
            skipped.append(Skipped(path, type(exc).__name__))
            continue
        # The file keeps its BOM and line ends (CRLF stays CRLF): fmt changes the layout of
        # the YAML, not how the editor saves the file.
        edits.append(FileEdit(path, source.raw.decode("utf-8"), source.encode(formatted)))
    return FormatResult(tuple(edits), tuple(skipped))
