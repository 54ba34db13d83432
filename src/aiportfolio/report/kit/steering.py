"""Number, date and reason formatting shared by the steering reporters (tco, dashboard,
agenda, doctor). Pure functions: values in, text out."""

from __future__ import annotations

from collections.abc import Mapping

from aiportfolio.i18n import Translator, is_plural
from aiportfolio.report.kit.numbers import eur, num, pct, score, value
from aiportfolio.report.kit.terminal import text_table

__all__ = ["eur", "message", "num", "pct", "score", "text_table", "value"]


_PERCENT_PARAMS = ("progress", "roi", "share")
_MONEY_PARAMS = ("monthly", "tco", "amount")
_NUMBER_PARAMS = ("first", "last")
_SCORE_PARAMS = ("feasibility", "floor", "score")


def message(t: Translator, key: str, params: Mapping[str, object]) -> str:
    """Translate an engine's (key, params) pair, formatting known parameters."""
    lang = t.lang
    shown: dict[str, object] = {}
    for name, raw in params.items():
        if name in _PERCENT_PARAMS and isinstance(raw, int | float):
            shown[name] = pct(raw, lang)
        elif name in _MONEY_PARAMS and isinstance(raw, int | float):
            shown[name] = eur(raw, lang)
        elif name in _NUMBER_PARAMS and isinstance(raw, int | float):
            shown[name] = value(raw, lang)
        elif name in _SCORE_PARAMS and isinstance(raw, int | float):
            shown[name] = score(raw, lang)
        elif name == "reviews" and isinstance(raw, tuple | list):
            shown[name] = ", ".join(t(f"steer.review.{r}") for r in raw)
        elif name == "status" and isinstance(raw, str):
            shown[name] = t(f"label.status.{raw}")
        elif name == "trend" and isinstance(raw, str):
            shown[name] = t(f"steer.trend.{raw}")
        elif name == "days" and raw is None:
            shown[name] = "∞"
        else:
            shown[name] = raw
    count = plural_count(params)
    if count is not None and is_plural(key):
        return t.n(key, count, **shown)
    return t(key, **shown)


_PLURAL_PARAMS = ("total", "count", "n", "days", "reviews")
"""Which parameter of an engine's (key, params) pair gives the number a plural message
agrees with: "2 of 5 active entries" agrees with ``total``; a list agrees with its length."""


def plural_count(params: Mapping[str, object]) -> float | None:
    for name in _PLURAL_PARAMS:
        raw = params.get(name)
        if isinstance(raw, tuple | list):
            return len(raw)
        if isinstance(raw, int | float) and not isinstance(raw, bool):
            return raw
    return None


def md_table(headers: list[str], rows: list[list[str]]) -> str:
    """A Markdown table; cells must already be escaped."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(c if c else " " for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"
