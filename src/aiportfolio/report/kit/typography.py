"""Typographic spacing of a language, for text a reader sees set (the report's pages and
charts), not for terminals or machine formats. French puts a narrow no-break space before
``:``, ``;``, ``!`` and ``?`` and inside ``« »``; the message catalogs write an ordinary
space there (terminals and Markdown align it), and ``typeset`` turns it into the narrow
no-break one. Pure functions."""

from __future__ import annotations

import re

from aiportfolio.report.kit.numbers import NNBSP

SPACED = frozenset({"fr"})
"""Languages whose typography ``typeset`` changes."""
_SPACES = "[ \u00a0\u202f]"
_BEFORE_SIGN = re.compile(_SPACES + r"+([:;!?])")
"""Spaces before a high sign: a sign after a space is French punctuation, never part of a
word, a URL (``https://``) or a time (``12:30``), which are left as they are."""
_AFTER_OPENING = re.compile("«" + _SPACES + "*")
_BEFORE_CLOSING = re.compile(_SPACES + "*»")


def french(text: str) -> str:
    """``text`` with French spacing: ``total : 3 ; « titre »`` becomes
    ``total\u202f: 3\u202f; «\u202ftitre\u202f»``. A sign with no space before it stays
    as written (``https://``, ``12:30``, a title's own ``Pourquoi?``)."""
    if not any(c in text for c in ":;!?«»"):
        return text
    text = _BEFORE_SIGN.sub(NNBSP + r"\1", text)
    text = _AFTER_OPENING.sub("«" + NNBSP, text)
    return _BEFORE_CLOSING.sub(NNBSP + "»", text)


def typeset(text: str, lang: str) -> str:
    """``text`` with the spacing of ``lang`` (French; other languages as written)."""
    return french(text) if lang == "fr" else text
