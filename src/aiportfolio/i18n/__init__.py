"""The one message catalog: every text a person reads goes through ``tr``.

Messages live in ``aiportfolio.i18n.messages.<domain>`` modules, each defining
``MESSAGES: dict[str, dict[str, str]]`` (key -> {"en": ..., "fr": ...}). Keys are
namespaced by domain (``check.*``, ``score.*``...) and must be unique across modules.
"""

from __future__ import annotations

import importlib
from functools import cache

LANGUAGES = ("en", "fr")
DOMAINS = (
    "core",
    "check",
    "score",
    "diff",
    "write",
    "steer",
    "plan",
    "team",
    "security",
    "large",
    "gate",
    "report",
    "importing",
    "category",
    "ai_act",
)


@cache
def catalog() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for domain in DOMAINS:
        module = importlib.import_module(f"aiportfolio.i18n.messages.{domain}")
        for key, texts in module.MESSAGES.items():
            if key in merged:
                raise RuntimeError(f"duplicate message key {key!r} in domain {domain!r}")
            merged[key] = texts
    return merged


def tr(key: str, lang: str, /, **params: object) -> str:
    """Translate ``key`` into ``lang`` ("en" or "fr"), formatting ``params`` into it."""
    texts = catalog()[key]
    text = texts.get(lang) or texts["en"]
    return text.format(**params)


class Translator:
    """``tr`` bound to one language, handy to pass into engines and reporters."""

    def __init__(self, lang: str) -> None:
        self.lang = lang if lang in LANGUAGES else "en"

    def __call__(self, key: str, /, **params: object) -> str:
        return tr(key, self.lang, **params)
