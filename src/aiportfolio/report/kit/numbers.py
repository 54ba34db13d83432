"""Number, money, percent and score formatting for every reporter, in English, French and
German. French groups thousands with a narrow no-break space, German with a dot; both write
decimals with a comma and put a no-break space before the percent and euro signs. Pure
functions."""

from __future__ import annotations

NNBSP = "\u202f"
"""Narrow no-break space: the French thousands separator."""
NBSP = "\u00a0"
"""No-break space: before % and € in French and German."""
_GROUPING = {"fr": NNBSP, "de": "."}
"""Thousands separator of the languages that write decimals with a comma."""
SPACED_SIGNS = frozenset({"fr", "de"})
"""Languages that write 46 % and 1 200 € (sign after the number, no-break space)."""


def num(value: float | None, lang: str, digits: int = 0) -> str:
    """Grouped number: 26,000.5 (en), 26 000,5 (fr) or 26.000,5 (de); ``—`` for None."""
    if value is None:
        return "—"
    text = f"{value:,.{digits}f}"
    group = _GROUPING.get(lang)
    if group is not None:
        text = text.replace(",", "\0").replace(".", ",").replace("\0", group)
    return text


def value(v: float | None, lang: str) -> str:
    """A measured value: as written (up to 2 decimals), grouped."""
    if v is None:
        return "—"
    digits = 0 if float(v).is_integer() else 2
    text = num(v, lang, digits)
    if digits and ("," in text or "." in text):
        text = text.rstrip("0").rstrip(",.")
    return text


def eur(v: float | None, lang: str) -> str:
    if v is None:
        return "—"
    return f"{num(v, lang)}{NBSP}€" if lang in SPACED_SIGNS else f"€{num(v, lang)}"


def pct(ratio: float | None, lang: str, digits: int = 0) -> str:
    """A ratio as a percent, whole unless ``digits``: 0.456 -> 46% (en) / 46 % (fr, de)."""
    if ratio is None:
        return "—"
    text = num(ratio * 100, lang, digits)
    return f"{text}{NBSP}%" if lang in SPACED_SIGNS else f"{text}%"


def points(share: float, lang: str) -> str:
    """A share held in percentage points (0-100: balance targets and shares, plan limits)
    as a whole percent: 57 -> 57% (en) / 57 % (fr)."""
    return pct(share / 100, lang)


def score(v: float | None, lang: str) -> str:
    return num(v, lang, 2)
