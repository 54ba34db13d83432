"""Escaping untrusted user text for Markdown, HTML, PR comments and CI annotations."""

from __future__ import annotations

import html
import re

from aiportfolio.model.common import UNSAFE_CHARACTERS

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~!])")
_ZWSP = "\u200b"
_CONTROL = re.compile(f"[{UNSAFE_CHARACTERS}\r]")


def md(text: object) -> str:
    """Inline Markdown: one line, specials escaped, no HTML, mentions and refs inert."""
    s = _CONTROL.sub("", str(text))
    s = s.replace("\r\n", "\n").replace("\r", "\n").replace("\n", " ")
    s = html.escape(s, quote=False)  # & < > become entities first
    s = _MD_SPECIAL.sub(lambda m: "\\" + m.group(1) if m.group(1) not in "<>" else m.group(1), s)
    s = s.replace("@", "@" + _ZWSP)
    s = re.sub(r"#(?=\w)", "#" + _ZWSP, s)
    return s


def md_cell(text: object) -> str:
    """A Markdown table cell (pipes escaped, newlines removed)."""
    return md(text) if str(text) != "" else " "


def terminal(text: object) -> str:
    """Text for a terminal: control characters and bidi overrides removed (no ANSI escape
    from a register file can recolour, move the cursor or hide what follows)."""
    return _CONTROL.sub("", str(text))


def html_text(text: object) -> str:
    return html.escape(str(text), quote=True)


def mermaid(text: object) -> str:
    """Text inside a Mermaid diagram label: no quotes, brackets, colons or line breaks."""
    s = _CONTROL.sub("", str(text)).replace("\n", " ").replace("\r", " ")
    s = re.sub(r'["`:;\[\]{}()<>#|&]', " ", s)
    return re.sub(r"\s+", " ", s).strip()[:60] or "-"


def annotation_message(text: str) -> str:
    """GitHub workflow command data: ``%``, CR, LF escaped."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def annotation_property(text: str) -> str:
    """GitHub workflow command property value: also ``:`` and ``,``."""
    return annotation_message(text).replace(":", "%3A").replace(",", "%2C")


def truncate(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: max(0, limit - 1)] + "…"
