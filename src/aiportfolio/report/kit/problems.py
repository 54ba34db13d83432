"""A ``Problem`` in the machine formats (JSON of ``aip check``, ``aip diff``, ``aip balance``)."""

from __future__ import annotations

from typing import Any

from aiportfolio.i18n import Translator
from aiportfolio.problem import Problem


def problem_json(p: Problem, t: Translator) -> dict[str, Any]:
    """The one JSON object of a problem: where, which rule, how serious, what, how to fix."""
    return {
        "path": p.path,
        "line": p.line,
        "column": p.column,
        "rule": p.rule,
        "severity": p.severity.value,
        "message": p.text(t),
        "hint": p.hint_text(t),
    }
