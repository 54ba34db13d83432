"""A register file as text and the description of a change to it.

``read_source`` reads a file with ``\n`` line ends and remembers its BOM and line ends so
that a change writes it back the same way; a ``FileEdit`` is a change to write (computed
by analyses and actions, written only by ``actions/writing.apply_edits``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class FileEdit:
    """One file to write: its text before (``None`` for a new file) and after."""

    path: Path
    before: str | None
    after: str

    @property
    def changed(self) -> bool:
        return self.before != self.after


@dataclass(frozen=True)
class SourceText:
    """A file's text with ``\\n`` line ends, and how to write it back the same way."""

    text: str
    raw: bytes
    crlf: bool
    bom: bool

    def encode(self, text: str) -> str:
        body = text.replace("\n", "\r\n") if self.crlf else text
        return ("\ufeff" if self.bom else "") + body


def read_source(path: Path) -> SourceText:
    raw = path.read_bytes()
    bom = raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    crlf = "\r\n" in text
    return SourceText(text.replace("\r\n", "\n"), raw, crlf, bom)


def file_edit(path: Path, text: str) -> FileEdit:
    """The edit that gives ``path`` the content ``text`` (``\n`` line ends), written back
    with the file's own BOM and line ends (CRLF stays CRLF)."""
    source = read_source(path)
    return FileEdit(path, source.raw.decode("utf-8"), source.encode(text))
