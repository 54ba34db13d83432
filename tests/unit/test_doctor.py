"""The six signals of METHOD.md §8 and the triage of §9, on crafted registers."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from aiportfolio.analysis.doctor import diagnose
from aiportfolio.model.grid import Grid
from aiportfolio.model.portfolio import PortfolioConfig
from aiportfolio.model.usecase import UseCase
from aiportfolio.register.yamlio import parse_text
from aiptest import REPO_ROOT, usecase

TODAY = dt.date(2026, 11, 26)
GRID = Grid.model_validate(parse_text((REPO_ROOT / "config" / "weights.yaml").read_text())[0])
CONFIG = PortfolioConfig()

IMPROVING_IMPACT = {
    "name": "Délai de tri",
    "level": "impact",
    "unit": "heures",
    "baseline": 48,
    "target": 8,
    "north_star": True,
    "measurements": [
        {"date": "2026-09-15", "value": 40},
        {"date": "2026-10-15", "value": 30},
        {"date": "2026-11-15", "value": 20},
    ],
}


def healthy() -> list[dict[str, Any]]:
    """A small portfolio where no signal fires: owners, targeted KPIs, a measured and
    integrated pilot reviewed before it started, three scored entries."""
    pilot = usecase(
        id="UC-001",
        status="pilot",
        kpis=[copy.deepcopy(IMPROVING_IMPACT)],
        decisions=[{"date": "2026-09-01", "decision": "go", "by": "Comité"}],
        integration={"tool": "CRM", "users": "ADV", "vendor": "Mistral"},
    )
    return [
        pilot,
        usecase(id="UC-002", title="Extraction factures"),
        usecase(id="UC-003", title="Assistant réponses"),
    ]


def tool_first(ucs: list[dict[str, Any]]) -> None:
    ucs[1]["integration"] = {"vendor": "OpenAI"}
    ucs[1]["kpis"] = []


def no_owner(ucs: list[dict[str, Any]]) -> None:
    for uc in ucs[1:]:
        del uc["owner"]


def no_top3(ucs: list[dict[str, Any]]) -> None:
    for uc in ucs:
        del uc["scores"]


def not_integrated(ucs: list[dict[str, Any]]) -> None:
    ucs[0]["integration"] = {"users": "ADV"}


def late_compliance(ucs: list[dict[str, Any]]) -> None:
    ucs[0]["risk"] = {"level": "high", "security_review": "2026-10-01"}


def cost_drift(ucs: list[dict[str, Any]]) -> None:
    flat = copy.deepcopy(IMPROVING_IMPACT)
    flat["measurements"] = [
        {"date": "2026-10-15", "value": 45},
        {"date": "2026-11-15", "value": 45},
    ]
    cost = {
        "name": "Coût API",
        "level": "quality",
        "unit": "€/mois",
        "baseline": 300,
        "measurements": [
            {"date": "2026-09-15", "value": 300},
            {"date": "2026-10-15", "value": 450},
            {"date": "2026-11-15", "value": 600},
        ],
    }
    ucs[0]["kpis"] = [flat, cost]


def diagnosis(ucs: list[dict[str, Any]]) -> dict[str, str]:
    result = diagnose([UseCase.model_validate(u) for u in ucs], GRID, CONFIG, TODAY)
    return {s.id: s.level for s in result.signals}


SIGNALS = ["tool_first", "no_owner", "no_top3", "not_integrated", "late_compliance", "cost_drift"]


def test_healthy_register_has_no_signal() -> None:
    assert diagnosis(healthy()) == dict.fromkeys(SIGNALS, "ok")


@pytest.mark.parametrize(
    ("signal", "damage"),
    [
        ("tool_first", tool_first),
        ("no_owner", no_owner),
        ("no_top3", no_top3),
        ("not_integrated", not_integrated),
        ("late_compliance", late_compliance),
        ("cost_drift", cost_drift),
    ],
)
def test_each_signal_fires_alone(
    signal: str, damage: Callable[[list[dict[str, Any]]], None]
) -> None:
    ucs = healthy()
    damage(ucs)
    levels = diagnosis(ucs)
    assert levels[signal] == "alert"
    assert {k: v for k, v in levels.items() if k != signal} == {
        k: "ok" for k in SIGNALS if k != signal
    }


def test_all_signals_fire_together_and_carry_evidence() -> None:
    ucs = healthy()
    for damage in (tool_first, no_owner, no_top3, not_integrated, late_compliance, cost_drift):
        damage(ucs)
    result = diagnose([UseCase.model_validate(u) for u in ucs], GRID, CONFIG, TODAY)
    assert result.alerts == 6
    evidence = {s.id: {(e.usecase_id, e.key) for e in s.evidence} for s in result.signals}
    assert ("UC-002", "doctor.ev.tool_first") in evidence["tool_first"]
    assert ("UC-003", "doctor.ev.no_owner") in evidence["no_owner"]
    assert ("UC-001", "doctor.ev.no_tool") in evidence["not_integrated"]
    assert ("UC-001", "doctor.ev.security_review.late") in evidence["late_compliance"]
    assert ("UC-001", "doctor.ev.legal_review.missing") in evidence["late_compliance"]
    assert ("UC-001", "doctor.ev.cost_rising") in evidence["cost_drift"]


@pytest.mark.parametrize(
    ("damage", "signal", "level"),
    [
        # one entry without owner out of 3 is a warning; 2 of 3 an alert
        (lambda u: u[2].pop("owner"), "no_owner", "warning"),
        # two entries clear the floor: a top 3 cannot be stated
        (lambda u: u[2].pop("scores"), "no_top3", "warning"),
        # an operated entry is already delivered: it is not a priority to state
        (lambda u: u[2].update(status="operated"), "no_top3", "warning"),
        # a risk review done after the pilot started: rework likely
        (
            lambda u: u[0].update(
                risk={
                    "level": "high",
                    "security_review": "2026-08-01",
                    "legal_review": "2026-09-20",
                }
            ),
            "late_compliance",
            "warning",
        ),
        # monthly vendor costs on a pilot whose impact is never measured
        (lambda u: u[0]["kpis"][0].update(measurements=[]), "cost_drift", "warning"),
    ],
)
def test_warning_levels(damage: Callable[[Any], Any], signal: str, level: str) -> None:
    ucs = healthy()
    damage(ucs)
    assert diagnosis(ucs)[signal] == level


def test_measurements_after_the_date_are_not_seen() -> None:
    ucs = healthy()
    cost_drift(ucs)
    as_of = dt.date(2026, 9, 20)  # one cost measurement, no impact measurement yet
    result = diagnose([UseCase.model_validate(u) for u in ucs], GRID, CONFIG, as_of)
    drift = next(s for s in result.signals if s.id == "cost_drift")
    assert drift.level == "warning"
    assert [e.key for e in drift.evidence] == ["doctor.ev.cost_unmeasured"]


@pytest.mark.parametrize(
    ("changes", "verdict", "reason"),
    [
        ({"owner": None}, "stop_or_reframe", "doctor.triage.no_owner"),
        ({"kpis": [{**IMPROVING_IMPACT, "measurements": []}]}, "stop_or_reframe",
         "doctor.triage.no_measurement"),
        ({}, "continue", "doctor.triage.progress"),
        ({"kpis": [{**IMPROVING_IMPACT, "measurements": [{"date": "2026-11-01", "value": 8}]}]},
         "industrialise", "doctor.triage.reached"),
    ],
)  # fmt: skip
def test_triage_of_pilots(changes: dict[str, Any], verdict: str, reason: str) -> None:
    ucs = healthy()
    ucs[0].update(changes)
    if ucs[0].get("owner", 1) is None:
        del ucs[0]["owner"]
    result = diagnose([UseCase.model_validate(u) for u in ucs], GRID, CONFIG, TODAY)
    assert [(t.usecase.id, t.verdict) for t in result.triage] == [("UC-001", verdict)]
    assert reason in [r.key for r in result.triage[0].reasons]


@pytest.mark.parametrize(
    ("changes", "why"),
    [
        ({"owner": None}, ["no_owner"]),
        ({"kpis": [{**IMPROVING_IMPACT, "measurements": []}]}, ["no_measurement"]),
        ({"owner": None, "kpis": []}, ["no_owner", "no_measurement"]),
        ({}, []),
    ],
)
def test_the_triage_and_the_monthly_proposal_stop_a_pilot_for_the_same_reasons(
    changes: dict[str, Any], why: list[str]
) -> None:
    """METHOD.md §9 is written once (``doctor.stop_or_reframe``): the doctor's triage says
    "stop or reframe" and the monthly agenda's proposal "stop" for the same reasons, in
    the same order."""
    from aiportfolio.analysis.agenda import propose
    from aiportfolio.analysis.doctor import stop_or_reframe, triage

    data = healthy()[0]
    data.update(changes)
    data = {k: v for k, v in data.items() if v is not None}
    pilot = UseCase.model_validate(data)
    assert list(stop_or_reframe(pilot, TODAY)) == why
    triaged, proposed = triage(pilot, TODAY, 30), propose(pilot, TODAY, 30)
    if why:
        assert triaged.verdict == "stop_or_reframe"
        assert proposed.proposal == "stop"
        assert [r.key for r in triaged.reasons] == [f"doctor.triage.{w}" for w in why]
        assert [r.key for r in proposed.reasons] == [f"agenda.why.{w}" for w in why]
    else:
        assert triaged.verdict != "stop_or_reframe"
        assert proposed.proposal != "stop"
