"""Characters a value must not hold, and names shown safely: the one definition, standard
library only (reporters and ``aip check`` read it without loading the models)."""

from __future__ import annotations

import re

UNSAFE_CHARACTERS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
"""Control characters (C0 but tab, line feed and carriage return; DEL; C1) and bidi
overrides: they can rewrite a terminal (ANSI escapes) or hide text in a review. The one
definition: the model refuses them in values, reporters and the importer remove them."""
UNSAFE = re.compile(f"[{UNSAFE_CHARACTERS}]")
"""Matches one unsafe character (multi-line text may hold tabs and line breaks)."""
UNSAFE_IN_LINE = re.compile(f"[{UNSAFE_CHARACTERS}\r]")
"""Matches one unsafe character or a carriage return (a CR rewinds a terminal line)."""
UNSAFE_OR_BREAK = re.compile(f"[{UNSAFE_CHARACTERS}\r\n\t\u2028\u2029]")
"""Matches one unsafe character, tab or line break: what a one-line value cannot hold."""


def strip_unsafe(text: str) -> str:
    """``text`` without its unsafe characters (tabs and line breaks kept)."""
    return UNSAFE.sub("", text)


def escaped(text: object) -> str:
    """A name (YAML key, file name) as a person should see it: control characters, line
    breaks and bidi overrides written as visible escapes (``\\x1b``, ``\\n``), the rest
    unchanged. Values are refused at the model when they hold such characters; names
    cannot be, so they are shown escaped."""
    s = str(text)
    if not UNSAFE_OR_BREAK.search(s):
        return s
    return UNSAFE_OR_BREAK.sub(lambda m: m.group(0).encode("unicode_escape").decode(), s)
