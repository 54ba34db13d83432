"""When did the pilot start? Replayed from the decision log through the state machine."""

from __future__ import annotations

import datetime as dt

import pytest

from aiportfolio.analysis.doctor import pilot_start
from aiportfolio.model.usecase import UseCase
from aiptest import usecase


def _case(status: str, decisions: list[tuple[str, str]]) -> UseCase:
    data = usecase(status=status, decision_date=None)
    data["decisions"] = [
        {"date": dt.date.fromisoformat(d), "decision": k, "by": "Comité"} for d, k in decisions
    ]
    return UseCase.model_validate(data)


@pytest.mark.parametrize(
    ("status", "decisions", "expected"),
    [
        ("scoping", [("2026-01-10", "go")], None),  # go moved an idea to scoping: no pilot yet
        ("pilot", [("2026-01-10", "go"), ("2026-03-02", "go")], "2026-03-02"),
        (
            "pilot",
            [("2026-01-10", "go"), ("2026-03-02", "go"), ("2026-05-04", "iterate")],
            "2026-03-02",
        ),
        ("industrialising", [("2026-03-02", "go"), ("2026-06-01", "scale")], "2026-03-02"),
        (
            "operated",
            [
                ("2026-02-01", "go"),
                ("2026-04-01", "go"),
                ("2026-07-01", "scale"),
                ("2026-10-01", "scale"),
            ],
            "2026-04-01",
        ),
        ("pilot", [], None),  # status written by hand: unknown start
    ],
)
def test_pilot_start(status: str, decisions: list[tuple[str, str]], expected: str | None) -> None:
    start = pilot_start(_case(status, decisions))
    assert start == (dt.date.fromisoformat(expected) if expected else None)
