"""Inline suppression: a use-case file may switch a rule off for itself with a comment,
``# aip: disable=rule-id`` (several ids separated by commas, then why, if you like).
Unknown rule ids, and the reading problems that can never be switched off, are reported
where the comment is (``suppression-unknown``, a warning), so a typo does not silently do
nothing."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

from aiportfolio.message import Message
from aiportfolio.problem import Problem, Severity, suggest

RULE_ID = "suppression-unknown"
_DIRECTIVE = re.compile(r"#\s*aip:\s*disable\s*=\s*([\w.-]+(?:\s*,\s*[\w.-]+)*)")
"""``# aip: disable=a, b`` then, optionally, why (free text)."""


def directives(text: str) -> list[tuple[int, int, list[str]]]:
    """(line, column, rule ids) of each ``# aip: disable=...`` comment of ``text``."""
    if "aip:" not in text:
        return []
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        match = _DIRECTIVE.search(line)
        if match:
            ids = [part.strip() for part in match.group(1).split(",") if part.strip()]
            found.append((number, match.start() + 1, ids))
    return found


def apply_suppressions(
    problems: Iterable[Problem],
    texts: dict[str, str],
    rule_ids: Collection[str],
    locked_ids: Collection[str],
    *,
    report_unknown: bool = True,
) -> list[Problem]:
    """``problems`` without those a file switched off for itself, plus one warning per
    unknown (or not switchable) id in a directive."""
    disabled: dict[str, set[str]] = {}
    reported: list[Problem] = []
    for path, text in texts.items():
        for line, column, ids in directives(text):
            for rule_id in ids:
                if rule_id in rule_ids:
                    disabled.setdefault(path, set()).add(rule_id)
                    continue
                if rule_id in locked_ids:
                    message = Message("team.suppress.locked", {"rule": rule_id})
                    hint = Message("team.suppress.locked.hint")
                else:
                    message = Message("team.suppress.unknown", {"rule": rule_id})
                    close = suggest(rule_id, rule_ids)
                    hint = (
                        Message("schema.hint.did_you_mean", {"key": close})
                        if close
                        else Message("team.suppress.unknown.hint")
                    )
                reported.append(
                    Problem(path, line, column, RULE_ID, Severity.WARNING, message, hint)
                )
    kept = [p for p in problems if p.rule not in disabled.get(p.path, ())]
    return kept + reported if report_unknown else kept
