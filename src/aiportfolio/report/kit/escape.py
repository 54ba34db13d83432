"""Escaping untrusted user text for Markdown, HTML, PR comments and CI annotations."""

from __future__ import annotations

import html
import re

from aiportfolio.model.text import UNSAFE_IN_LINE, escaped

__all__ = ["escaped"]  # names (keys, files) shown escaped; defined with the model

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~!])")
_ZWSP = "\u200b"
_CONTROL = UNSAFE_IN_LINE


# Bare URLs and www. names become links on GitHub and GitLab: a zero-width space keeps
# them as text (a link in a PR comment must come from aip, not from a register file).
_AUTOLINK = re.compile(r"(?i)(?<=[a-z])(?=://)|(?<=\bwww)(?=\.)")
_ISSUE_REF = re.compile(r"(?i)(?<=\bgh)(?=-[0-9])")


def md(text: object) -> str:
    """Inline Markdown: one line, specials escaped, no HTML, no link or image, mentions
    and issue references (``#123``, ``GH-123``) inert."""
    s = _CONTROL.sub("", str(text))
    s = s.replace("\r\n", "\n").replace("\r", "\n").replace("\n", " ")
    s = html.escape(s, quote=False)  # & < > become entities first
    s = _MD_SPECIAL.sub(lambda m: "\\" + m.group(1) if m.group(1) not in "<>" else m.group(1), s)
    s = s.replace("@", "@" + _ZWSP)
    s = re.sub(r"#(?=\w)", "#" + _ZWSP, s)
    s = _AUTOLINK.sub(_ZWSP, s)
    return _ISSUE_REF.sub(_ZWSP, s)


def md_cell(text: object) -> str:
    """A Markdown table cell (pipes escaped, newlines removed)."""
    return md(text) if str(text) != "" else " "


def terminal(text: object) -> str:
    """Text for a terminal: control characters and bidi overrides removed (no ANSI escape
    from a register file can recolour, move the cursor or hide what follows)."""
    return _CONTROL.sub("", str(text))


def html_text(text: object) -> str:
    return html.escape(str(text), quote=True)


# Words that open a statement in the Mermaid diagrams aip writes (gantt, quadrantChart):
# a label starting with one would be read as that statement.
_MERMAID_KEYWORD = re.compile(
    r"(?i)^(title|dateformat|axisformat|tickinterval|topaxis|inclusiveenddates|includes|"
    r"excludes|todaymarker|weekday|weekend|section|acctitle|accdescr|click|call|gantt|"
    r"quadrantchart|quadrant-[1-4]|[xy]-axis|classdef|style|point|after|until|end)\b"
)


def mermaid(text: object) -> str:
    """Text inside a Mermaid diagram label: no quotes, brackets, colons, ``%%`` comments or
    line breaks, and never a keyword at its start (``topAxis``, ``title X``...)."""
    s = _CONTROL.sub("", str(text)).replace("\n", " ").replace("\r", " ")
    s = re.sub(r'["`:;\[\]{}()<>#|&%\\]', " ", s)
    s = re.sub(r"\s+", " ", s).strip()[:60] or "-"
    return _ZWSP + s if _MERMAID_KEYWORD.match(s) else s


# --- CI logs ---------------------------------------------------------------------------------
# The GitHub runner reads every line of a job's log as a possible workflow command: a line
# starting with ``::`` (after spaces), and the legacy ``##[command]`` form anywhere in a
# line. It ends lines on LF, CR or CR LF. A zero-width space breaks both forms without
# changing what a person reads.

_LINE_BREAK = re.compile(r"(\r\n|\r|\n)")
_LEGACY_COMMAND = re.compile(r"##(?=\[)")
_COMMAND_START = re.compile(r"^([ \t\f\v]*):(?=:)")


def ci_safe(text: str) -> str:
    """``text`` with no line a CI runner would take as a workflow command: a ``::`` that
    starts a line and every ``##[`` get a zero-width space (applied to everything aip
    prints, whatever the format)."""
    if "::" not in text and "##" not in text:
        return text
    parts = _LINE_BREAK.split(text)
    for i in range(0, len(parts), 2):
        line = _LEGACY_COMMAND.sub("#" + _ZWSP + "#", parts[i])
        parts[i] = _COMMAND_START.sub(lambda m: m.group(1) + ":" + _ZWSP, line, count=1)
    return "".join(parts)


def annotation_message(text: str) -> str:
    """GitHub workflow command data: ``%``, CR, LF escaped, ``##[`` broken."""
    s = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return _LEGACY_COMMAND.sub("#" + _ZWSP + "#", s)


def annotation_property(text: str) -> str:
    """GitHub workflow command property value: also ``:`` and ``,``."""
    return annotation_message(text).replace(":", "%3A").replace(",", "%2C")


def truncate(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: max(0, limit - 1)] + "…"
