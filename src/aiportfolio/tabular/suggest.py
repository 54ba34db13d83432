"""``aip import FILE --suggest-mapping``: a starting mapping from a file's column names.

Each column name is compared, accent-folded and lower-cased, with English and French
synonyms of the register's fields; columns of enumerated fields (status, category, risk
level...) get a ``values:`` translation of the cell values recognised, and the ones not
recognised are listed in a comment. The result is a mapping file to check and complete,
never applied silently.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from aiportfolio.tabular.duplicates import normalised
from aiportfolio.tabular.mapping import to_text
from aiportfolio.tabular.read import Table
from aiportfolio.tabular.synonyms import SYNONYMS, VALUE_SYNONYMS

__all__ = [
    "COMPANIONS",
    "REQUIRED_CONSTANTS",
    "SHORT_FIELDS",
    "SYNONYMS",
    "VALUE_SYNONYMS",
    "Suggestion",
    "match_columns",
    "suggest",
]
"""The vocabulary (``synonyms.py``) is re-exported: what reads a suggestion reads it here."""

COMPANIONS: dict[str, dict[str, Any]] = {
    "kpis.0.name": {"kpis.0.level": "impact"},
    "costs.one_off.0.amount_eur": {"costs.one_off.0.family": "integration"},
    "costs.monthly.0.amount_eur": {"costs.monthly.0.family": "vendor"},
}
"""Required item fields a column rarely holds: suggested as constants."""

REQUIRED_CONSTANTS: dict[str, str] = {"category": "quick_win"}
"""Schema-required fields without a column: the same value for every row, to change."""

REQUIRED_IN: dict[str, str] = {
    "owner": "owner.name",
    "sponsor": "sponsor.name",
    "process": "process.name",
    "value": "value.hypothesis",
}
"""A part of the card needs this field: its other fields are left out without it (every
row would be refused)."""

MAX_ENUM_VALUES = 30
"""A column with more distinct values than this is not an enumeration."""

SHORT_FIELDS = {
    "title": 200,
    "owner.name": 200,
    "owner.role": 200,
    "sponsor.name": 200,
    "integration.vendor": 200,
    "kpis.0.name": 200,
}
"""One-line fields and their length limit: longer cells get ``truncate``."""


@dataclass
class Suggestion:
    fields: dict[str, str] = field(default_factory=dict)
    """Register field -> column."""
    values: dict[str, dict[str, str]] = field(default_factory=dict)
    unknown_values: dict[str, list[str]] = field(default_factory=dict)
    longest: dict[str, int] = field(default_factory=dict)
    constants: dict[str, str] = field(default_factory=dict)
    unmapped: list[str] = field(default_factory=list)
    needs: dict[str, str] = field(default_factory=dict)
    """Column left out -> the field it would need (``process.where`` needs
    ``process.name``)."""


def _lookup() -> dict[str, str]:
    return {synonym: name for name, synonyms in SYNONYMS.items() for synonym in synonyms}


def match_columns(columns: list[str]) -> tuple[dict[str, str], list[str]]:
    """Register field -> column for the columns whose name is a synonym (exactly, then
    as the whole first words of the name: "Statut du projet" is a status); each field
    and each column used once, left to right."""
    lookup = _lookup()
    fields: dict[str, str] = {}
    unmapped: list[str] = []
    longest_first = sorted(lookup, key=len, reverse=True)
    for column in columns:
        key = normalised(column)
        name = lookup.get(key)
        if name is None or name in fields:
            name = next(
                (
                    lookup[s]
                    for s in longest_first
                    if lookup[s] not in fields and (key + " ").startswith(s + " ") and len(s) > 2
                ),
                None,
            )
        if name is None or name in fields:
            unmapped.append(column)
        else:
            fields[name] = column
    return fields, unmapped


def suggest(table: Table) -> Suggestion:
    fields, unmapped = match_columns(table.columns)
    result = Suggestion(fields=fields, unmapped=unmapped)
    for name in list(fields):
        required = REQUIRED_IN.get(name.split(".")[0])
        if required is not None and required not in fields:
            result.needs[fields.pop(name)] = f"{name} needs {required}"
    position = {column: i for i, column in enumerate(table.columns)}
    for name, column in fields.items():
        i = position[column]
        cells = [cells[i] for _, cells in table.rows if i < len(cells) and cells[i] is not None]
        texts = [to_text(c)[0] for c in cells]
        if name in SHORT_FIELDS:
            longest = max((len(" ".join(t.split())) for t in texts), default=0)
            if longest > SHORT_FIELDS[name]:
                result.longest[name] = longest
        if name in VALUE_SYNONYMS:
            distinct = sorted({t for t in texts if t})
            if len(distinct) <= MAX_ENUM_VALUES:
                synonyms = {
                    s: target for target, words in VALUE_SYNONYMS[name].items() for s in words
                }
                known: dict[str, str] = {}
                unknown: list[str] = []
                for value in distinct:
                    target = _value_target(normalised(value), synonyms)
                    if target is None:
                        unknown.append(value)
                    elif value != target:
                        known[value] = target
                if known:
                    result.values[name] = known
                if unknown:
                    result.unknown_values[name] = unknown
    for name, constants in COMPANIONS.items():
        if name in fields:
            result.constants.update(constants)
    for name, constant in REQUIRED_CONSTANTS.items():
        if name not in fields:
            result.constants[name] = constant
    return result


def _value_target(key: str, synonyms: dict[str, str]) -> str | None:
    """The register value of a normalised cell: a synonym, else the longest synonym its
    first words are ("poc en cours" is a pilot, "en production depuis 2024" operated)."""
    if key in synonyms:
        return synonyms[key]
    starts = [s for s in synonyms if (key + " ").startswith(s + " ") and len(s) > 2]
    return synonyms[max(starts, key=len)] if starts else None
