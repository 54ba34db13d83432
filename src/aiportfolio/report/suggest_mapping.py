"""``aip import FILE --suggest-mapping``: the suggested mapping (``tabular/suggest.py``)
written as a mapping file, with comments on what to check."""

from __future__ import annotations

from aiportfolio.i18n import Translator
from aiportfolio.register.edit import emit_scalar
from aiportfolio.tabular.suggest import (
    COMPANIONS,
    REQUIRED_CONSTANTS,
    SHORT_FIELDS,
    SYNONYMS,
    Suggestion,
)


def mapping_text(suggestion: Suggestion, path: str, t: Translator) -> str:
    """The suggestion as a mapping file, with comments for what to check."""

    def q(text: str) -> str:
        return emit_scalar(text) if text else '""'

    lines = [f"# {line}" for line in t("import.suggest.header", path=path).splitlines()]
    lines += ['separator: ";"', "duplicate_ratio: 0.9", "fields:"]
    names: list[str] = []
    for name in SYNONYMS:
        if name in suggestion.fields or name in suggestion.constants:
            names.append(name)
            names += [c for c in COMPANIONS.get(name, {}) if c in suggestion.constants]
    names += [n for n in suggestion.constants if n not in names]
    for name in names:
        if name in suggestion.constants:
            comment = t("import.suggest.constant") if name in REQUIRED_CONSTANTS else ""
            line = f"  {name}: {{constant: {suggestion.constants[name]}}}"
            lines.append(line + (f"  # {comment}" if comment else ""))
            continue
        column = suggestion.fields[name]
        values = suggestion.values.get(name, {})
        unknown = suggestion.unknown_values.get(name, [])
        longest = suggestion.longest.get(name)
        if not values and not unknown and longest is None:
            lines.append(f"  {name}: {q(column)}")
            continue
        lines.append(f"  {name}:")
        lines.append(f"    column: {q(column)}")
        if longest is not None:
            note = t("import.suggest.long", length=longest, max=SHORT_FIELDS[name])
            lines.append(f"    truncate: {SHORT_FIELDS[name]}  # {note}")
        if values:
            lines.append("    values:")
            lines += [f"      {q(source)}: {target}" for source, target in values.items()]
        if unknown:
            listed = ", ".join(q(v) for v in unknown)
            lines.append(f"    # {t('import.suggest.unknown_values')}: {listed}")
    if suggestion.unmapped or suggestion.needs:
        lines.append(f"# {t('import.suggest.unmapped')}")
        lines += [f"#   - {q(column)}" for column in suggestion.unmapped]
        lines += [f"#   - {q(column)} ({need})" for column, need in suggestion.needs.items()]
    return "\n".join(lines) + "\n"
