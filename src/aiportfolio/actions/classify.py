"""``aip classify``: the AI Act questionnaire, its logic and the edit it makes.

The questions follow the Regulation's order: the organisation's role (Art. 3(3), Art. 25),
the prohibited practices (Art. 5), Annex I products (Art. 6(1)), Annex III areas (Art. 6(2))
with the Art. 6(3) exceptions, the transparency cases (Art. 50) and general-purpose AI models
(Art. 51-55). ``classify`` turns a complete set of answers into a tier, a role and a legal
basis; ``next_question`` tells an interactive front end what to ask next. The choices come
from the catalog data (``aiportfolio/data/ai_act.yaml``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from aiportfolio.errors import UsageError
from aiportfolio.message import Message, Text
from aiportfolio.model.ai_act import ANNEX_III_POINTS, ROLES, Catalog
from aiportfolio.model.usecase import UseCase
from aiportfolio.register.loader import Register, suggest

NONE = "none"


@dataclass(frozen=True)
class Question:
    id: str
    kind: str
    """``choice`` (one of ``choices``), ``bool`` or ``multi`` (a list of ``choices``)."""
    choices: tuple[str, ...] = ()


def questions(catalog: Catalog) -> dict[str, Question]:
    return {
        "role": Question("role", "choice", ROLES),
        "own_name": Question("own_name", "bool"),
        "prohibited": Question("prohibited", "multi", tuple(catalog.prohibited)),
        "annex_i": Question("annex_i", "bool"),
        "annex_iii": Question("annex_iii", "choice", (*ANNEX_III_POINTS, NONE)),
        "profiling": Question("profiling", "bool"),
        "exception": Question("exception", "choice", (*catalog.exceptions, NONE)),
        "transparency": Question("transparency", "multi", tuple(catalog.transparency)),
        "gpai": Question("gpai", "choice", (NONE, "general", "systemic")),
    }


def relevant(question_id: str, answers: Mapping[str, Any]) -> bool:
    """Whether ``question_id`` is asked, given the earlier answers."""
    prohibited = bool(answers.get("prohibited"))
    if question_id == "own_name":
        return answers.get("role") not in (None, "provider")
    if question_id in ("annex_i", "annex_iii", "transparency", "gpai"):
        return not prohibited
    if question_id == "profiling":
        return not prohibited and answers.get("annex_iii") not in (None, NONE)
    if question_id == "exception":
        return relevant("profiling", answers) and answers.get("profiling") is False
    return True


def next_question(answers: Mapping[str, Any], catalog: Catalog) -> Question | None:
    for question in questions(catalog).values():
        if question.id not in answers and relevant(question.id, answers):
            return question
    return None


@dataclass(frozen=True)
class Classification:
    tier: str
    role: str
    annex_iii: str | None
    annex_i: bool
    exception: str | None
    transparency: tuple[str, ...]
    gpai: str | None
    legal_basis: tuple[str, ...]
    answers: dict[str, Any]
    """Only the questions asked, in questionnaire order (what is kept for audit)."""


def normalise(raw: Mapping[str, Any], catalog: Catalog, where: str) -> dict[str, Any]:
    """Check ``raw`` answers (from a file or a prompt) against the questions: unknown keys,
    bad values and missing relevant answers are ``UsageError`` naming the question."""
    asked = questions(catalog)
    for key in raw:
        if key not in asked:
            close = suggest(str(key), asked)
            unknown = {"where": where, "key": key, "keys": ", ".join(asked)}
            message: Text = Message("ai_act.classify.unknown_key", unknown)
            if close:
                message += "\n  " + Message("schema.hint.did_you_mean", {"key": close})
            raise UsageError(message)
    answers: dict[str, Any] = {}
    for question in asked.values():
        if not relevant(question.id, answers):
            continue
        if question.id not in raw:
            missing = Message("ai_act.classify.missing", {"where": where, "key": question.id})
            raise UsageError(missing + "\n  " + Message(f"ai_act.q.{question.id}"))
        answers[question.id] = _value(question, raw[question.id], where)
    return answers


def _value(question: Question, value: Any, where: str) -> Any:
    def bad() -> UsageError:
        choices = ", ".join(question.choices)
        expected: Message | str = (
            "true, false"
            if question.kind == "bool"
            else Message("ai_act.classify.a_list", {"choices": choices})
            if question.kind == "multi"
            else choices
        )
        given = {"where": where, "key": question.id, "value": value}
        return UsageError(
            Message("ai_act.classify.bad_value", given)
            + "\n  "
            + Message("ai_act.classify.expected", {"expected": expected})
        )

    if question.kind == "bool":
        if not isinstance(value, bool):
            raise bad()
        return value
    if question.kind == "choice":
        text = str(value) if isinstance(value, str | int) and not isinstance(value, bool) else None
        if text is None or text not in question.choices:
            raise bad()
        return text
    items = value if isinstance(value, list) else [] if value in (None, NONE) else None
    if items is None or any(not isinstance(i, str) or i not in question.choices for i in items):
        raise bad()
    return [c for c in question.choices if c in items]


def classify(answers: Mapping[str, Any], catalog: Catalog) -> Classification:
    """The tier, role and legal basis that normalised ``answers`` lead to."""
    role = answers["role"]
    if answers.get("own_name"):
        role = "provider"
    prohibited = list(answers.get("prohibited") or [])
    annex_iii = answers.get("annex_iii")
    annex_iii = None if annex_iii in (None, NONE) else annex_iii
    annex_i = bool(answers.get("annex_i"))
    exception = answers.get("exception")
    exception = None if exception in (None, NONE) else exception
    transparency = tuple(answers.get("transparency") or ())
    gpai = answers.get("gpai")
    gpai = None if gpai in (None, NONE) else gpai
    basis: list[str] = []
    if prohibited:
        tier = "prohibited"
        basis += [catalog.prohibited[p].article or p for p in prohibited]
        annex_iii, annex_i, exception, transparency, gpai = None, False, None, (), None
    else:
        high = annex_i or (annex_iii is not None and exception is None)
        tier = "high" if high else "limited" if transparency else "minimal"
        if annex_i:
            basis += ["Art. 6(1)", "Annex I"]
        if annex_iii is not None:
            if exception is not None:
                basis.append(catalog.exceptions[exception].article or exception)
            elif not annex_i:
                basis.append("Art. 6(2)")
            basis.append(f"Annex III {annex_iii}")
        for case in transparency:
            article = catalog.transparency[case].article or case
            if article not in basis:
                basis.append(article)
        basis += {None: [], "general": ["Art. 53"], "systemic": ["Art. 51", "Art. 53", "Art. 55"]}[
            gpai
        ]
    if answers.get("own_name"):
        basis.insert(0, "Art. 25(1)" if tier == "high" else "Art. 3(3)")
    return Classification(
        tier=tier,
        role=role,
        annex_iii=annex_iii,
        annex_i=annex_i,
        exception=exception,
        transparency=transparency,
        gpai=gpai,
        legal_basis=tuple(basis),
        answers=dict(answers),
    )


# --- writing it into the use case -----------------------------------------------------------


@dataclass(frozen=True)
class ClassifyResult:
    usecase_id: str
    classification: Classification
    before_tier: str
    before_role: str | None
    edit: Any
    """The ``FileEdit`` to apply (``engine.writing``)."""


def classification_edit(
    register: Register,
    usecase_id: str,
    result: Classification,
    *,
    on: dt.date,
    by: str | None,
) -> ClassifyResult:
    """The edit that writes ``result`` into the use case: ``risk.ai_act_tier`` and the
    classification keys of ``ai_act`` (keys that no longer hold are removed); obligations
    recorded so far are kept."""
    from aiportfolio.actions.writing import edit_usecase
    from aiportfolio.register.edit import set_value

    holder: dict[str, Any] = {}

    def change(doc: Any, current: UseCase) -> None:
        holder["tier"], holder["role"] = current.risk.ai_act_tier, current.ai_act.role
        set_value(doc, ["risk", "ai_act_tier"], result.tier, UseCase)
        values: dict[str, Any] = {
            "role": result.role,
            "annex_iii": result.annex_iii,
            "annex_i": result.annex_i or None,
            "exception": result.exception,
            "transparency": list(result.transparency) or None,
            "gpai": result.gpai,
            "legal_basis": list(result.legal_basis),
            "classified_on": on,
            "classified_by": by,
            "answers": result.answers,
        }
        for key, value in values.items():
            section = doc.get("ai_act")
            if value is None:
                if section is not None and key in section:
                    del section[key]
                continue
            set_value(doc, ["ai_act", key], value, UseCase)

    edit = edit_usecase(register, usecase_id, change)
    return ClassifyResult(usecase_id, result, holder["tier"], holder["role"], edit)
