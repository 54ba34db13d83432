"""The closed vocabularies of the register that the command line offers as choices
(categories, decisions, languages). Standard library only: the CLI builds its ``--category``,
``decide`` and ``--lang`` choices from these Literals at start-up, without loading pydantic;
``model/common.py`` re-exports them for the models."""

from __future__ import annotations

from typing import Literal, get_args

Lang = Literal["en", "fr", "de"]
LANGS: tuple[str, ...] = get_args(Lang)

Category = Literal["quick_win", "foundation", "differentiator", "compliance"]
CATEGORIES: tuple[str, ...] = get_args(Category)

DecisionKind = Literal["go", "iterate", "scale", "stop"]
DECISION_KINDS: tuple[str, ...] = get_args(DecisionKind)

# Yes and no as a person types them, in every language of the catalog (English, French,
# German): the answers of ``aip classify``'s prompts and the boolean cells ``aip import``
# reads. Compared after ``casefold()``.
YES: frozenset[str] = frozenset({"y", "yes", "true", "o", "oui", "vrai", "j", "ja", "wahr"})
NO: frozenset[str] = frozenset({"n", "no", "false", "non", "faux", "nein", "falsch"})
