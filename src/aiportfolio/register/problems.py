"""Problems out of reading a file: pydantic validation errors and YAML issues turned into
``Problem`` values with catalog keys, "did you mean" suggestions, and the position of a
problem found from its key path. Split from ``loader.py``, which reads; this module says
what went wrong and where."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ValidationError

from aiportfolio.message import Message
from aiportfolio.model.common import escaped
from aiportfolio.model.grid import Grid
from aiportfolio.model.portfolio import PortfolioConfig
from aiportfolio.model.usecase import UseCase
from aiportfolio.problem import Problem, Severity
from aiportfolio.problem import suggest as suggest
from aiportfolio.register.paths import PORTFOLIO_FILE, WEIGHTS_FILE
from aiportfolio.register.yamlio import (
    YamlIssue,
    compose,
    locate,
)

_ERROR_KEYS = {
    "missing": "schema.missing",
    "extra_forbidden": "schema.unknown_key",
    "string_type": "schema.string_type",
    "bool_type": "schema.bool_type",
    "int_type": "schema.int_type",
    "float_type": "schema.number_type",
    "float_parsing": "schema.number_type",
    "int_parsing": "schema.int_type",
    "date_type": "schema.date_type",
    "date_parsing": "schema.date_type",
    "date_from_datetime_parsing": "schema.date_type",
    "date_from_datetime_inexact": "schema.date_type",
    "literal_error": "schema.literal",
    "greater_than_equal": "schema.range",
    "less_than_equal": "schema.range",
    "greater_than": "schema.range",
    "less_than": "schema.range",
    "string_pattern_mismatch": "schema.pattern",
    "string_too_short": "schema.empty_text",
    "string_too_long": "schema.too_long",
    "too_short": "schema.too_short",
    "list_type": "schema.list_type",
    "dict_type": "schema.mapping_type",
    "model_type": "schema.mapping_type",
    "model_attributes_type": "schema.mapping_type",
    "finite_number": "schema.number_type",
    "control_character": "schema.control_character",
}

_HINT_KEYS = {
    "schema.bool_type": "schema.hint.bool",
    "schema.string_type": "schema.hint.string",
    "schema.date_type": "schema.hint.date",
    "schema.literal": "schema.hint.literal",
    "schema.range": "schema.hint.range",
    "schema.pattern": "schema.hint.pattern",
    "schema.missing": "schema.hint.missing",
    "schema.int_type": "schema.hint.int",
    "schema.number_type": "schema.hint.number",
    "schema.list_type": "schema.hint.list",
    "schema.mapping_type": "schema.hint.mapping",
    "schema.empty_text": "schema.hint.empty_text",
    "schema.too_long": "schema.hint.too_long",
    "schema.too_short": "schema.hint.too_short",
    "schema.empty_value": "schema.hint.empty_value",
    "schema.control_character": "schema.hint.control_character",
}


def _fields_at(model: type[BaseModel], loc: Sequence[str | int]) -> list[str]:
    """Field names allowed at ``loc`` inside ``model`` (for "did you mean")."""
    current: Any = model
    for step in loc:
        if isinstance(step, int) or current is None:
            continue
        fields = getattr(current, "model_fields", None)
        if not fields or step not in fields:
            return []
        current = model_in(fields[step].annotation)
    fields = getattr(current, "model_fields", None)
    return list(fields) if fields else []


def model_in(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = model_in(arg)
        if found is not None:
            return found
    return None


def validation_problems(exc: ValidationError, model: type[BaseModel], path: str) -> list[Problem]:
    """A problem per pydantic error: a catalog message where there is one, else the
    pydantic text as the parameter of ``schema.generic``."""
    problems: list[Problem] = []
    for err in exc.errors(include_url=False):
        loc = tuple(err["loc"])
        where = ".".join(escaped(p) for p in loc) or "(document)"
        kind = str(err["type"])
        key = _ERROR_KEYS.get(kind)
        if kind.endswith("_type") and err.get("input", "") is None:
            key = "schema.empty_value"  # `name:` with nothing after it
        rule = "schema"
        hint: Message | None = None
        if kind == "extra_forbidden":
            rule = "unknown-key"
            allowed = _fields_at(model, loc[:-1])
            close = suggest(str(loc[-1]), allowed)
            hint = (
                Message("schema.hint.did_you_mean", {"key": close})
                if close
                else Message("schema.hint.allowed", {"keys": ", ".join(allowed)})
            )
        elif kind == "missing":
            rule = "required-key"
        detail = str(err["msg"]).removeprefix("Value error, ")
        ctx = err.get("ctx") or {}
        expected = ", ".join(re.findall(r"'([^']*)'", str(ctx.get("expected", ""))))
        if key is None:
            message = Message("schema.generic", {"where": where, "detail": detail})
        elif kind == "control_character":
            params = {
                "where": where,
                "code": ctx.get("code", ""),
                "position": ctx.get("position", ""),
            }
            message = Message(key, params)
        else:
            bound = next(
                (f"{op} {ctx[k]}" for k, op in _BOUNDS if k in ctx), str(ctx.get("min_length", ""))
            )
            params = {
                "where": where,
                "value": _short(err.get("input")),
                "expected": expected,
                "limit": bound,
                "pattern": ctx.get("pattern", ""),
                "detail": detail,
            }
            message = Message(key, params)
        if key is not None:
            if kind == "literal_error" and isinstance(err.get("input"), str):
                close = suggest(err["input"], expected.split(", "))
                if close:
                    hint = Message("schema.hint.did_you_mean", {"key": close})
            if hint is None and key in _HINT_KEYS:
                hint = Message(_HINT_KEYS[key], {"expected": expected})
        problems.append(Problem(path, 0, 0, rule, Severity.ERROR, message, hint, loc))
    return problems


_BOUNDS = (("ge", "≥"), ("le", "≤"), ("gt", ">"), ("lt", "<"))


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


ISSUE_RULES = {
    "too-large": "file-too-large",
    "encoding": "encoding",
    "empty": "empty-file",
    "syntax": "yaml-syntax",
    "unclosed": "yaml-syntax",
    "duplicate-key": "duplicate-key",
    "anchor": "yaml-anchor",
    "tag": "yaml-tag",
    "not-a-mapping": "not-a-mapping",
    "not-a-file": "not-a-file",
    "too-deep": "yaml-too-deep",
    "number-too-large": "number-too-large",
    "outside-register": "link-outside-register",
    "dangling-link": "broken-link",
    "link-loop": "broken-link",
    "permission": "unreadable-file",
    "unreadable": "unreadable-file",
}
"""The problem id of each kind of reading issue (``YamlIssue.kind``); each is in
``rules.ids.LOADER_RULES`` (cannot be switched off)."""


def yaml_issue_problem(issue: YamlIssue, path: str) -> Problem:
    rule = ISSUE_RULES[issue.kind]
    return Problem(
        path,
        issue.line,
        issue.column,
        rule,
        Severity.ERROR,
        Message(f"yaml.{issue.kind}", {"detail": issue.detail}),
        Message(f"yaml.{issue.kind}.hint"),
    )


_MODEL_OF: dict[str, type[BaseModel]] = {
    PORTFOLIO_FILE.as_posix(): PortfolioConfig,
    WEIGHTS_FILE.as_posix(): Grid,
}
"""The model of a configuration file (any other file is a use case), whose key order
tells where a missing key would go."""


def locate_problems(problems: list[Problem], texts: dict[str, str]) -> list[Problem]:
    """Give every problem that has a ``loc`` and no line its position, composing each
    affected file once."""
    by_path: dict[str, Any] = {}
    located: list[Problem] = []
    for problem in problems:
        if problem.line or problem.path not in texts:
            located.append(problem)
            continue
        if problem.path not in by_path:
            by_path[problem.path] = compose(texts[problem.path])
        model = _MODEL_OF.get(problem.path, UseCase)
        line, column = locate(
            by_path[problem.path], problem.loc, functools.partial(_fields_at, model)
        )
        located.append(problem.with_position(line, column))
    return located
