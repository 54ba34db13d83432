"""AI Act deadlines as planning constraints, for both strategies: an entry with open
obligations applying before the horizon ends sits in a wave that ends by that date, or is
left out with the deadline as its reason; a pin after it is a conflict; a date no open wave
can meet is not held (the plan warns that the work is late)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from ruamel.yaml import YAML

from aiportfolio import resources
from aiportfolio.analysis.planning.constraints import pinned_conflicts, violations
from aiportfolio.analysis.planning.deadlines import Calendar, Deadline, deadline_of
from aiportfolio.analysis.planning.greedy import greedy_assignment
from aiportfolio.analysis.planning.instance import (
    Candidate,
    PlanningInstance,
    PlanOptions,
    WaveSlot,
)
from aiportfolio.analysis.planning.milp import solve_exact
from aiportfolio.analysis.planning.plan import plan_usecases, unscheduled_reasons
from aiportfolio.domain.ai_act import catalog_for, obligations_of
from aiportfolio.domain.scoring import score_portfolio
from aiportfolio.model.grid import Grid
from aiportfolio.model.portfolio import PortfolioConfig
from aiportfolio.model.usecase import UseCase
from aiptest import usecase

ANNEX_III = dt.date(2027, 12, 2)
BY_WAVE_1 = Deadline(ANNEX_III, 1, ("Art. 9",))
BY_WAVE_2 = Deadline(ANNEX_III, 2, ("Art. 9",))
WAVES = tuple(WaveSlot(w, person_weeks=10, max_pilots=5) for w in (1, 2, 3))
STRATEGIES = ("greedy", "exact")


def solve(strategy: str, instance: PlanningInstance) -> dict[str, int | None]:
    greedy = greedy_assignment(instance)
    if strategy == "greedy":
        return greedy
    warm = greedy if not violations(instance, greedy) else None
    return solve_exact(instance, 30, warm).assignment


def c(cid: str, weight: float, effort: float = 8, **kw: Any) -> Candidate:
    return Candidate(cid, "quick_wins", weight, effort=effort, **kw)


Plan = dict[str, int | None]
# (case, candidates, waves, expected assignment, greedy's when it differs)
CASES: list[tuple[str, tuple[Candidate, ...], tuple[WaveSlot, ...], Plan, Plan | None]] = [
    (
        "without a deadline the better score takes wave 1",
        (c("UC-001", 5.0), c("UC-002", 3.0)),
        WAVES,
        {"UC-001": 1, "UC-002": 2},
        None,
    ),
    (
        "the deadline pulls the weaker entry into wave 1",
        (c("UC-001", 5.0), c("UC-002", 3.0, deadline=BY_WAVE_1)),
        WAVES,
        {"UC-001": 2, "UC-002": 1},
        None,
    ),
    (
        "a deadline by wave 2 is met in wave 2 when wave 1 is taken",
        (c("UC-001", 5.0), c("UC-002", 3.0, deadline=BY_WAVE_2)),
        WAVES,
        {"UC-001": 1, "UC-002": 2},
        # Greedy places deadline entries first, in their earliest wave: valid, worth less.
        {"UC-001": 2, "UC-002": 1},
    ),
    (
        "a prerequisite lands before the deadline wave",
        (
            c("UC-001", 5.0, effort=4),
            c("UC-002", 4.0, effort=4, depends_on=("UC-003",), deadline=BY_WAVE_2),
            c("UC-003", 1.0, effort=4),
        ),
        (WaveSlot(1, person_weeks=8), WaveSlot(2, person_weeks=8), WaveSlot(3)),
        {"UC-001": 1, "UC-002": 2, "UC-003": 1},
        None,
    ),
    (
        "too big for every wave before the deadline: left out",
        (c("UC-001", 5.0, effort=12, deadline=BY_WAVE_1),),
        (WaveSlot(1, person_weeks=10), WaveSlot(2, person_weeks=20), WaveSlot(3)),
        {"UC-001": None},
        None,
    ),
]


@pytest.mark.parametrize("strategy", STRATEGIES)
@pytest.mark.parametrize(
    ("candidates", "waves", "expected", "greedy"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_deadline_bounds_the_wave(
    strategy: str,
    candidates: tuple[Candidate, ...],
    waves: tuple[WaveSlot, ...],
    expected: Plan,
    greedy: Plan | None,
) -> None:
    instance = PlanningInstance(candidates, waves)
    assignment = solve(strategy, instance)
    assert dict(assignment) == (greedy if strategy == "greedy" and greedy else expected)
    assert violations(instance, assignment) == []


@pytest.mark.parametrize("strategy", STRATEGIES)
def test_an_infeasible_deadline_is_named_as_the_reason(strategy: str) -> None:
    too_big = c("UC-001", 5.0, effort=12, deadline=BY_WAVE_1)
    waves = (WaveSlot(1, person_weeks=10), WaveSlot(2, person_weeks=20), WaveSlot(3))
    instance = PlanningInstance((too_big,), waves)
    assignment = solve(strategy, instance)
    reason, by_wave = unscheduled_reasons(instance, assignment, "optimal")["UC-001"]
    assert reason == "deadline"
    assert dict(by_wave) == {1: ("capacity",), 2: ("deadline",), 3: ("deadline",)}


def test_a_plan_past_the_deadline_is_a_violation_and_a_pin_there_a_conflict() -> None:
    late = c("UC-001", 5.0, deadline=BY_WAVE_1)
    instance = PlanningInstance((late,), WAVES)
    [found] = violations(instance, {"UC-001": 2})
    assert (found.kind, found.wave, found.limit, found.detail) == ("deadline", 2, 1, "2027-12-02")
    pinned = PlanningInstance((c("UC-001", 5.0, deadline=BY_WAVE_1, pinned_wave=3),), WAVES)
    assert [v.kind for v in pinned_conflicts(pinned)] == ["pinned_deadline"]


# --- from the register: which date binds, and what a date already passed does -------------

CALENDAR = Calendar(
    {1: dt.date(2027, 6, 30), 2: dt.date(2027, 11, 30), 3: dt.date(2028, 3, 31)},
    frozenset({1, 2, 3}),
)
HIGH_RISK: dict[str, Any] = {
    "status": "idea",
    "risk": {"level": "high", "ai_act_tier": "high"},
    "ai_act": {
        "role": "deployer",
        "annex_iii": "4(a)",
        "obligations": [{"id": "ai-literacy", "status": "done"}],
    },
}


def _deadline(calendar: Calendar, **overrides: Any) -> tuple[Deadline | None, bool]:
    uc = UseCase.model_validate(usecase(**{**HIGH_RISK, **overrides}))
    return deadline_of(obligations_of(uc, catalog_for(PortfolioConfig())), calendar)


@pytest.mark.parametrize(
    ("calendar", "overrides", "wave", "late"),
    [
        (CALENDAR, {}, 2, False),  # Annex III applies 2027-12-02: wave 2 ends 2027-11-30
        # Wave 2 closed: nothing else ends by the date, which cannot be met.
        (Calendar(CALENDAR.ends, frozenset({3})), {}, None, True),
        # The horizon ends before the date: nothing to hold.
        (Calendar({1: dt.date(2027, 6, 30)}, frozenset({1})), {}, None, False),
        # Literacy (since 2025-02-02) open too: late, and Annex III still binds.
        (CALENDAR, {"ai_act": {**HIGH_RISK["ai_act"], "obligations": []}}, 2, True),
        # Minimal risk with literacy done: no open obligation.
        (CALENDAR, {"risk": {"level": "low", "ai_act_tier": "minimal"}}, None, False),
    ],
)
def test_deadline_of_a_use_case(
    calendar: Calendar, overrides: dict[str, Any], wave: int | None, late: bool
) -> None:
    deadline, is_late = _deadline(calendar, **overrides)
    assert (deadline.wave if deadline else None, is_late) == (wave, late)
    if deadline is not None:
        assert deadline.date == ANNEX_III and "Art. 26(1)" in deadline.articles


PORTFOLIO: dict[str, Any] = {
    "balance": {"tolerance": 100},
    "waves": [
        {"id": 1, "name": "One", "start": "2027-01-04", "end": "2027-06-30"},
        {"id": 2, "name": "Two", "start": "2027-07-01", "end": "2027-11-30"},
        {"id": 3, "name": "Three", "start": "2027-12-01", "end": "2028-03-31"},
    ],
}
GRID = Grid.model_validate(YAML(typ="safe").load(resources.default_weights()))
STRONG = {"business_value": 5, "time_to_impact": 5, "data_integration": 5}


def _plan(strategy: str, effort: float, enforce: bool | None = None) -> Any:
    waves = [
        {**w, "capacity": {"max_parallel_pilots": 1, "person_weeks": 20 if w["id"] < 3 else 60}}
        for w in PORTFOLIO["waves"]
    ]
    config = PortfolioConfig.model_validate({**PORTFOLIO, "waves": waves})
    strong = [
        usecase(id=f"UC-00{i}", status="idea", scores={**usecase()["scores"], **STRONG})
        for i in (1, 2)
    ]
    for data in strong:
        data["plan"] = {"effort_weeks": 6}
    risky = usecase(id="UC-003", plan={"effort_weeks": effort}, **HIGH_RISK)
    ucs = [UseCase.model_validate(d) for d in (*strong, risky)]
    scores = score_portfolio(ucs, GRID, config.scoring)
    options = PlanOptions(
        strategy=strategy,  # type: ignore[arg-type]
        today=dt.date(2027, 1, 4),
        enforce_deadlines=enforce,
    )
    return plan_usecases(ucs, config, scores, options)


@pytest.mark.parametrize("strategy", STRATEGIES)
def test_plan_places_an_annex_iii_entry_in_a_wave_ending_before_its_date(strategy: str) -> None:
    result = _plan(strategy, effort=6)
    assert result.assignment["UC-003"] in (1, 2)  # one pilot per wave: the two strong ones
    assert not result.conflicts and result.deadlines_enforced
    relaxed = _plan(strategy, effort=6, enforce=False)
    assert relaxed.assignment["UC-003"] == 3  # score order: the strong entries go first
    assert ("compliance_deadline", "UC-003") in relaxed.warnings
    assert not relaxed.deadlines_enforced


@pytest.mark.parametrize("strategy", STRATEGIES)
def test_plan_names_the_deadline_when_no_wave_before_it_can_take_the_entry(
    strategy: str,
) -> None:
    result = _plan(strategy, effort=30)  # waves 1 and 2 hold 20 person-weeks
    [left] = [u for u in result.unscheduled if u.id == "UC-003"]
    assert left.reason == "deadline"
    assert left.detail[0] == "2027-12-02" and "Art. 26(1)" in left.detail
    assert result.assignment["UC-001"] is not None and result.assignment["UC-002"] is not None
