"""A message for a person, kept as a catalog key and its parameters: engines return it,
reporters translate it (``t(m.key, **m.params)``) in the reader's language."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Message:
    key: str
    """A key of the i18n catalog."""
    params: Mapping[str, object] = field(default_factory=dict)
    """Values formatted into the message (``str.format`` fields of the key)."""
