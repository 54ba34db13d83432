"""``aip plan`` holds AI Act deadlines: an Annex III high-risk entry lands in a wave that
ends before 2027-12-02, an entry no such wave can take is left out with the deadline named
(en, fr), a pin after the date is a conflict, and ``--no-deadlines`` (or
``planning.enforce_deadlines: false``) relaxes it back to a warning."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from aiptest import run, usecase, write_register

PORTFOLIO = """\
language: en
balance:
  tolerance: 100
waves:
  - {id: 1, name: One, start: 2027-01-04, end: 2027-06-30, capacity: {max_parallel_pilots: 1,
     person_weeks: 20}}
  - {id: 2, name: Two, start: 2027-07-01, end: 2027-11-30, capacity: {max_parallel_pilots: 1,
     person_weeks: 20}}
  - {id: 3, name: Three, start: 2027-12-01, end: 2028-03-31, capacity: {max_parallel_pilots: 1,
     person_weeks: 60}}
"""
STRONG_SCORES = {
    "business_value": 5,
    "time_to_impact": 5,
    "data_integration": 5,
    "risk_compliance": 3,
    "adoption_ownership": 4,
}


def _register(tmp_path: Path, effort: float, portfolio: str = PORTFOLIO, **risky: Any) -> Path:
    strong = [
        usecase(id=f"UC-00{i}", status="idea", scores=STRONG_SCORES, plan={"effort_weeks": 6})
        for i in (1, 2)
    ]
    high_risk = usecase(
        id="UC-003",
        status="idea",
        risk={"level": "high", "ai_act_tier": "high"},
        ai_act={
            "role": "deployer",
            "annex_iii": "4(a)",
            "obligations": [{"id": "ai-literacy", "status": "done"}],
        },
        plan={"effort_weeks": effort},
    )
    high_risk.update(risky)
    return write_register(tmp_path, [*strong, high_risk], portfolio=portfolio)


def _plan(root: Path, *args: str, lang: str = "en") -> Any:
    return run(root, "--lang", lang, "plan", "--date", "2027-01-04", *args)


def _waves(result: Any) -> dict[str, int | None]:
    data = json.loads(result.stdout)
    return {u["id"]: u["wave"] for u in data["usecases"]}


def test_an_annex_iii_entry_lands_in_a_wave_ending_before_its_date(tmp_path: Path) -> None:
    root = _register(tmp_path, effort=6)
    held = _plan(root, "--format", "json")
    assert held.exit_code == 0, held.stderr
    data = json.loads(held.stdout)
    assert data["deadlines_enforced"] is True
    assert _waves(held)["UC-003"] in (1, 2)
    [entry] = [u for u in data["usecases"] if u["id"] == "UC-003"]
    assert entry["ai_act_deadline"] == "2027-12-02"
    relaxed = _plan(root, "--format", "json", "--no-deadlines")
    assert _waves(relaxed)["UC-003"] == 3  # by score, the two strong entries go first
    warnings = {(w["kind"], w["id"]) for w in json.loads(relaxed.stdout)["warnings"]}
    assert ("compliance_deadline", "UC-003") in warnings


def test_the_config_switch_relaxes_the_deadlines(tmp_path: Path) -> None:
    portfolio = PORTFOLIO + "planning:\n  enforce_deadlines: false\n"
    root = _register(tmp_path, effort=6, portfolio=portfolio)
    relaxed = _plan(root, "--format", "json")
    assert _waves(relaxed)["UC-003"] == 3
    assert json.loads(relaxed.stdout)["deadlines_enforced"] is False
    assert "AI Act deadlines not enforced" in _plan(root).stdout
    assert _waves(_plan(root, "--format", "json", "--deadlines"))["UC-003"] in (1, 2)


@pytest.mark.parametrize(
    ("lang", "reason", "detail"),
    [
        ("en", "— AI Act deadline", "the wave must end by 2027-12-02, when Art. 26(1)"),
        ("fr", "— échéance AI Act", "la vague doit finir au plus tard le 2027-12-02"),
    ],
)
def test_an_infeasible_deadline_is_named_as_the_reason(
    tmp_path: Path, lang: str, reason: str, detail: str
) -> None:
    root = _register(tmp_path, effort=30)  # waves 1 and 2 hold 20 person-weeks each
    result = _plan(root, lang=lang)
    assert result.exit_code == 0, result.stderr
    assert reason in result.stdout and detail in result.stdout
    data = json.loads(_plan(root, "--format", "json", lang=lang).stdout)
    [left] = data["unscheduled"]
    assert (left["id"], left["reason"], left["detail"][0]) == ("UC-003", "deadline", "2027-12-02")
    assert left["by_wave"]["3"] == ["deadline"]


def test_a_pin_after_the_deadline_is_a_conflict(tmp_path: Path) -> None:
    root = _register(tmp_path, effort=6, plan={"wave": 3, "effort_weeks": 6, "pinned": True})
    result = _plan(root)
    assert result.exit_code == 1
    assert "UC-003 is pinned to wave 3, which ends after its open AI Act obligations" in (
        result.stdout + result.stderr
    )
    assert "--no-deadlines" in result.stdout + result.stderr
    assert _plan(root, "--no-deadlines").exit_code == 0


def test_a_date_already_passed_is_planned_and_reported_late(tmp_path: Path) -> None:
    # AI literacy (Art. 4) open: it applies since 2025-02-02, before any open wave ends.
    root = _register(tmp_path, effort=6, ai_act={"role": "deployer"})
    result = _plan(root, "--format", "json", "--no-balance")
    data = json.loads(result.stdout)
    assert _waves(result)["UC-003"] is not None  # never dropped for a date already passed
    assert ("compliance_late", "UC-003") in {(w["kind"], w["id"]) for w in data["warnings"]}
