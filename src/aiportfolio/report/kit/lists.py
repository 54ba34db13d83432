"""Long lists in human-readable reports: a few items, then how many more."""

from __future__ import annotations

from collections.abc import Sequence

from aiportfolio.i18n import Translator
from aiportfolio.report.kit.numbers import num

SHOWN_IDS = 5
"""Ids named in one message before the rest is counted."""


def id_list(ids: Sequence[str], t: Translator, shown: int = SHOWN_IDS) -> str:
    """``ids`` comma-separated, or the first ``shown`` and "and N more": a message about
    3,000 entries stays one readable line."""
    if len(ids) <= shown + 1:
        return ", ".join(ids)
    return t.n(
        "list.more",
        len(ids) - shown,
        shown=", ".join(ids[:shown]),
        count=num(len(ids) - shown, t.lang),
    )


def clip_text(text: str, limit: int) -> str:
    """``text`` on one line of at most ``limit`` characters, cut at a word boundary with
    an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut and not text[limit - 1].isspace():
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:.-–—(") + "…"
