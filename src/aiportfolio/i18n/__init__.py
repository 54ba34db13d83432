"""The one message catalog: every text a person reads goes through ``tr`` (or ``ntr`` for a
message that depends on a number).

Messages live in gettext catalogs, one per language: ``locale/<lang>/LC_MESSAGES/aip.po``
(the source, edited by people and translation tools) compiled to ``aip.mo`` (what runs;
``pybabel compile -d src/aiportfolio/i18n/locale -D aip``). The msgid of every message is
its key (``plan.title``), namespaced by domain (``check.*``, ``score.*``...); English is a
catalog like the others. A plural message has one form per plural category of its
language (``Plural-Forms`` header of its catalog) and is read with ``ntr``/``Translator.n``.

Only the standard library runs here: the ``.mo`` of the language in use is read once, on
the first message, in about a millisecond (see docs/decisions/0007-gettext-catalog.md).
"""

from __future__ import annotations

import os
import struct
from collections.abc import Callable
from functools import cache

LANGUAGES = ("en", "fr", "de")
"""Languages with a complete catalog, English first (the fallback)."""

LOCALE_DIR = os.path.join(os.path.dirname(__file__), "locale")
"""``locale/<lang>/LC_MESSAGES/aip.mo`` (a string: ``pathlib`` costs more to import than
the catalog to read)."""
DOMAIN = "aip"

_INTEGER_PART_LANGUAGES = frozenset({"fr"})
"""Languages whose plural rule reads the integer part of a decimal number (CLDR: French
"1,5 semaine-personne"); elsewhere a decimal number takes the form of "many" (English
"1.5 person-weeks", German "1,5 Personenwochen")."""


class Messages:
    """One compiled catalog: singular texts, plural forms, and the plural rule. (A plain
    class: ``dataclasses`` would cost more to import than the catalog costs to read.)"""

    __slots__ = ("lang", "plural_forms", "plurals", "texts")

    def __init__(
        self,
        lang: str,
        texts: dict[str, str],
        plurals: dict[str, tuple[str, ...]],
        plural_forms: str,
    ) -> None:
        self.lang = lang
        self.texts = texts
        self.plurals = plurals
        self.plural_forms = plural_forms

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Messages):
            return NotImplemented
        return (self.texts, self.plurals, self.plural_forms) == (
            other.texts,
            other.plurals,
            other.plural_forms,
        )

    __hash__ = None  # type: ignore[assignment]

    @property
    def plural_rule(self) -> Callable[[int], int]:
        return _plural_rule(self.plural_forms)


def mo_path(lang: str) -> str:
    return os.path.join(LOCALE_DIR, lang, "LC_MESSAGES", f"{DOMAIN}.mo")


def read_mo(data: bytes, lang: str = "") -> Messages:
    """Parse a GNU ``.mo`` file (the format ``gettext.GNUTranslations`` reads), keeping
    plural entries apart so that a missing message is an error, never its key echoed."""
    if data[:4] == b"\xde\x12\x04\x95":
        order = "<"
    elif data[:4] == b"\x95\x04\x12\xde":
        order = ">"
    else:
        raise ValueError(f"not a gettext .mo file ({lang or 'unknown language'})")
    count, ids_at, strs_at = struct.unpack_from(f"{order}3I", data, 8)
    texts: dict[str, str] = {}
    plurals: dict[str, tuple[str, ...]] = {}
    plural_forms = "nplurals=2; plural=(n != 1);"
    for index in range(count):
        id_len, id_at = struct.unpack_from(f"{order}2I", data, ids_at + 8 * index)
        str_len, str_at = struct.unpack_from(f"{order}2I", data, strs_at + 8 * index)
        msgid = data[id_at : id_at + id_len].decode("utf-8")
        msgstr = data[str_at : str_at + str_len].decode("utf-8")
        if not msgid:
            for line in msgstr.splitlines():
                name, _, value = line.partition(":")
                if name.strip().lower() == "plural-forms":
                    plural_forms = value.strip()
        elif "\x00" in msgid:
            plurals[msgid.split("\x00", 1)[0]] = tuple(msgstr.split("\x00"))
        else:
            texts[msgid] = msgstr
    return Messages(lang, texts, plurals, plural_forms)


@cache
def messages(lang: str) -> Messages:
    """The compiled catalog of ``lang`` (read once per process)."""
    with open(mo_path(lang), "rb") as f:
        return read_mo(f.read(), lang)


@cache
def _plural_rule(plural_forms: str) -> Callable[[int], int]:
    expression = plural_forms.split("plural=", 1)[1].strip().rstrip(";")
    if expression in ("(n != 1)", "n != 1"):  # English, German: no parser needed
        return lambda n: int(n != 1)
    if expression in ("(n > 1)", "n > 1"):  # French
        return lambda n: int(n > 1)
    import gettext  # any other language: the standard library's C-expression parser

    return gettext.c2py(expression)


def has(key: str) -> bool:
    """Whether ``key`` is a message (singular or plural) of the catalog."""
    english = messages("en")
    return key in english.texts or key in english.plurals


def is_plural(key: str) -> bool:
    """Whether ``key`` is a plural message (read with ``ntr``/``Translator.n``)."""
    return key in messages("en").plurals


def keys() -> frozenset[str]:
    """Every message key (singular and plural)."""
    english = messages("en")
    return frozenset(english.texts) | frozenset(english.plurals)


def _language(lang: str) -> str:
    return lang if lang in LANGUAGES else "en"


def tr(key: str, lang: str, /, **params: object) -> str:
    """Translate ``key`` into ``lang``, formatting ``params`` into it (``KeyError`` for an
    unknown key; a message missing in ``lang`` falls back to English)."""
    text = messages(_language(lang)).texts.get(key)
    if text is None:
        english = messages("en")
        text = english.texts.get(key)
        if text is None:
            if key in english.plurals:
                raise TypeError(f"message {key!r} has plural forms: use ntr / Translator.n")
            raise KeyError(key)
    return text.format(**params)


def plural_index(count: float, lang: str) -> int:
    """Which plural form of ``lang`` a number takes."""
    rule = messages(lang).plural_rule
    if count != int(count) and lang not in _INTEGER_PART_LANGUAGES:
        return rule(2)  # a decimal number: the form of "many"
    return rule(abs(int(count)))


def ntr(key: str, count: float, lang: str, /, **params: object) -> str:
    """The form of plural message ``key`` that ``count`` takes in ``lang``, formatted with
    ``params`` (``count`` itself unless given formatted: ``count=num(count, lang)``)."""
    lang = _language(lang)
    forms = messages(lang).plurals.get(key)
    if forms is None:
        lang, forms = "en", messages("en").plurals.get(key)
        if forms is None:
            if key in messages("en").texts:
                raise TypeError(f"message {key!r} has no plural forms: use tr / Translator")
            raise KeyError(key)
    index = min(plural_index(count, lang), len(forms) - 1)
    params.setdefault("count", count)
    return forms[index].format(**params)


def catalog() -> dict[str, dict[str, str]]:
    """Every message in every language, ``key -> {lang: text}``, for tests and tools (a
    plural message gives its "many" form). Commands use ``tr``/``has``, which read one
    language only."""
    merged: dict[str, dict[str, str]] = {}
    for lang in LANGUAGES:
        compiled = messages(lang)
        for key, text in compiled.texts.items():
            merged.setdefault(key, {})[lang] = text
        many = compiled.plural_rule(2)
        for key, forms in compiled.plurals.items():
            merged.setdefault(key, {})[lang] = forms[min(many, len(forms) - 1)]
    return merged


class Translator:
    """``tr`` bound to one language, handy to pass into engines and reporters."""

    def __init__(self, lang: str) -> None:
        self.lang = _language(lang)

    def __call__(self, key: str, /, **params: object) -> str:
        return tr(key, self.lang, **params)

    def n(self, key: str, count: float, /, **params: object) -> str:
        """Plural message ``key`` for ``count``: ``t.n("check.by_rule.errors", 3)`` gives
        "3 errors"."""
        return ntr(key, count, self.lang, **params)
