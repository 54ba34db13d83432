"""A message for a person, kept as a catalog key and its parameters: engines return it,
reporters translate it (``message.text(t)``) in the reader's language.

A text made of several messages (a message, then a hint on its own line; a message and
a detail aip does not translate, such as a library's own error) is a ``Concat``, written
with ``+``: ``Message("error.unknown_usecase", {...}) + "\n  " + Message("...hint")``.
Plain strings in it are kept as they are, in every language."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol


class Translate(Protocol):
    """What translates a key (``i18n.Translator``): a language and ``t(key, **params)``."""

    @property
    def lang(self) -> str: ...

    def __call__(self, key: str, /, **params: object) -> str: ...

    def n(self, key: str, count: float, /, **params: object) -> str: ...


@dataclass(frozen=True)
class Localized:
    """A text the register or a catalog gives in each language (an obligation's title):
    a parameter that is shown in the reader's language."""

    en: str
    fr: str = ""
    de: str = ""

    def text(self, lang: str) -> str:
        return str(getattr(self, lang, "") or self.en)


@dataclass(frozen=True)
class Message:
    key: str
    """A key of the i18n catalog."""
    params: Mapping[str, object] = field(default_factory=dict)
    """Values formatted into the message (``str.format`` fields of the key); a ``Message``
    or ``Localized`` value is translated first."""
    count: float | None = None
    """For a message with plural forms: the number that chooses the form."""

    def text(self, t: Translate) -> str:
        """The message in ``t``'s language."""
        params = {name: _param(value, t) for name, value in self.params.items()}
        if self.count is not None:
            return t.n(self.key, self.count, **params)
        return t(self.key, **params)

    @property
    def identity(self) -> tuple[str, tuple[tuple[str, str], ...]]:
        """Key and parameters in a comparable form: two problems say the same thing when
        their rule and identity are equal, whatever the reader's language."""
        params = tuple(sorted((name, repr(v)) for name, v in self.params.items()))
        return self.key, (*params, ("", repr(self.count)))

    def __add__(self, other: Message | Concat | str) -> Concat:
        return Concat((self,)) + other

    def __radd__(self, other: str) -> Concat:
        return Concat((other, self))


@dataclass(frozen=True)
class Concat:
    """Messages and literal strings shown one after the other (built with ``+``)."""

    parts: tuple[Message | str, ...]

    def text(self, t: Translate) -> str:
        """The whole text in ``t``'s language."""
        return "".join(p if isinstance(p, str) else p.text(t) for p in self.parts)

    @property
    def identity(self) -> tuple[object, ...]:
        return tuple(p if isinstance(p, str) else p.identity for p in self.parts)

    def __add__(self, other: Message | Concat | str) -> Concat:
        added = other.parts if isinstance(other, Concat) else (other,)
        return Concat((*self.parts, *added))

    def __radd__(self, other: str) -> Concat:
        return Concat((other, *self.parts))


Text = Message | Concat
"""What a person reads, before translation: one message or several in a row."""


def _param(value: object, t: Translate) -> object:
    if isinstance(value, Message | Concat):
        return value.text(t)
    if isinstance(value, Localized):
        return value.text(t.lang)
    return value
