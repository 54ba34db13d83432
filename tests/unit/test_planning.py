"""The planning engine on hand-made instances: objective, reasons, conflicts, domains."""

from __future__ import annotations

import pytest

from aiportfolio.analysis.planning.constraints import (
    insertion_blockers,
    pinned_conflicts,
    violations,
    wave_domains,
)
from aiportfolio.analysis.planning.greedy import greedy_assignment
from aiportfolio.analysis.planning.instance import (
    BalanceTarget,
    Candidate,
    PlanningInstance,
    WaveSlot,
    objective,
)
from aiportfolio.analysis.planning.milp import solve_exact
from aiportfolio.analysis.planning.plan import unscheduled_reasons

W1 = WaveSlot(1, person_weeks=10, budget_eur=50_000, max_pilots=1)
W2 = WaveSlot(2, person_weeks=10, budget_eur=50_000, max_pilots=1)


def inst(*candidates: Candidate, waves=(W1, W2), **kw) -> PlanningInstance:
    return PlanningInstance(tuple(candidates), tuple(waves), **kw)


def test_objective_discounts_by_wave_and_wave_0_counts_more_than_wave_1() -> None:
    a = Candidate("UC-001", "quick_wins", 4.0)
    i = inst(a, waves=(WaveSlot(0), W1, W2))
    assert objective(i, {"UC-001": 1}) == 4.0
    assert objective(i, {"UC-001": 2}) == pytest.approx(4.0 * 0.85)
    assert objective(i, {"UC-001": 0}) == pytest.approx(4.0 / 0.85)
    assert objective(i, {"UC-001": None}) == 0


# The wave-1 plan already holds UC-001 (a pilot, 8 pw, 40 k€); what blocks UC-002 there?
@pytest.mark.parametrize(
    ("candidate", "expected"),
    [
        (Candidate("UC-002", "quick_wins", 3, effort=1, pilot=False), ()),
        (Candidate("UC-002", "quick_wins", 3, effort=5, pilot=False), ("capacity",)),
        (Candidate("UC-002", "quick_wins", 3, budget=20_000, pilot=False), ("budget",)),
        (Candidate("UC-002", "quick_wins", 3, pilot=True), ("pilots",)),
        (Candidate("UC-002", "quick_wins", 3, pilot=False, risk_gated=True), ("risk_gate",)),
        (
            Candidate("UC-002", "quick_wins", 3, pilot=False, depends_on=("UC-001",)),
            ("dependency",),
        ),
    ],
)
def test_insertion_blockers_name_each_constraint(candidate: Candidate, expected: tuple) -> None:
    held = Candidate("UC-001", "quick_wins", 5, effort=8, budget=40_000, pilot=True)
    i = inst(held, candidate, compliance_wave=2)
    assert insertion_blockers(i, {"UC-001": 1, "UC-002": None}, candidate, 1) == expected


def test_closed_wave_takes_no_new_entry_but_keeps_pinned_ones() -> None:
    closed = WaveSlot(1, open=False)
    pinned = Candidate("UC-001", "quick_wins", 3, pinned_wave=1)
    free = Candidate("UC-002", "quick_wins", 3)
    i = inst(pinned, free, waves=(closed, W2))
    assert wave_domains(i) == {"UC-001": [1], "UC-002": [2]}


def test_dependency_chain_pushes_the_earliest_wave_and_cycles_leave_no_wave() -> None:
    a = Candidate("UC-001", "quick_wins", 3)
    b = Candidate("UC-002", "quick_wins", 3, depends_on=("UC-001",))
    c = Candidate("UC-003", "quick_wins", 3, depends_on=("UC-004",))
    d = Candidate("UC-004", "quick_wins", 3, depends_on=("UC-003",))
    domains = wave_domains(inst(a, b, c, d))
    assert domains == {"UC-001": [1, 2], "UC-002": [2], "UC-003": [], "UC-004": []}


@pytest.mark.parametrize(
    ("candidates", "kind"),
    [
        (
            [
                Candidate("UC-001", "quick_wins", 3, effort=6, pinned_wave=1, pilot=False),
                Candidate("UC-002", "quick_wins", 3, effort=6, pinned_wave=1, pilot=False),
            ],
            "capacity",
        ),
        (
            [
                Candidate("UC-001", "quick_wins", 3, pinned_wave=1),
                Candidate("UC-002", "quick_wins", 3, pinned_wave=1),
            ],
            "pilots",
        ),
        (
            [
                Candidate("UC-001", "quick_wins", 3, pinned_wave=2),
                Candidate("UC-002", "quick_wins", 3, pinned_wave=1, depends_on=("UC-001",)),
            ],
            "pinned_dependency",
        ),
        ([Candidate("UC-001", "quick_wins", 3, pinned_wave=7)], "unknown_wave"),
        (
            [Candidate("UC-001", "quick_wins", 3, pinned_wave=1, risk_gated=True)],
            "pinned_risk_gate",
        ),
    ],
)
def test_pinned_conflicts_are_named(candidates: list[Candidate], kind: str) -> None:
    found = pinned_conflicts(inst(*candidates, compliance_wave=2))
    assert kind in [v.kind for v in found]


def test_no_conflict_when_pins_fit() -> None:
    a = Candidate("UC-001", "quick_wins", 3, effort=4, pinned_wave=1)
    b = Candidate("UC-002", "quick_wins", 3, effort=4, pinned_wave=2, depends_on=("UC-001",))
    assert pinned_conflicts(inst(a, b)) == []


def test_greedy_fills_in_rank_order_and_exact_finds_the_better_packing() -> None:
    # Greedy puts the best entry (8 pw) in wave 1, then neither 5 pw entry fits beside it;
    # the exact plan pairs the two 5 pw entries in wave 1 and moves the best one to wave 2.
    best = Candidate("UC-001", "quick_wins", 5, effort=8, pilot=False)
    b = Candidate("UC-002", "quick_wins", 4, effort=5, pilot=False)
    c = Candidate("UC-003", "quick_wins", 4, effort=5, pilot=False)
    i = inst(best, b, c, discount=0.5)
    greedy = greedy_assignment(i)
    assert greedy == {"UC-001": 1, "UC-002": 2, "UC-003": 2}
    exact = solve_exact(i, 10, greedy)
    assert exact.status == "optimal"
    assert exact.assignment == {"UC-001": 2, "UC-002": 1, "UC-003": 1}
    assert exact.objective > objective(i, greedy)


def test_balance_keeps_the_scheduled_mix_within_tolerance() -> None:
    balance = (BalanceTarget("quick_wins", 50, 0), BalanceTarget("foundations", 50, 0))
    qw = [Candidate(f"UC-00{k}", "quick_wins", 5, pilot=False) for k in range(1, 4)]
    fd = Candidate("UC-004", "foundations", 1, pilot=False)
    i = inst(*qw, fd, balance=balance)
    outcome = solve_exact(i, 10, None)
    assert violations(i, outcome.assignment) == []
    assert sum(1 for w in outcome.assignment.values() if w is not None) == 2
    reasons = unscheduled_reasons(i, outcome.assignment, outcome.status)
    assert {r for r, _ in reasons.values()} == {"balance"}


def test_infeasible_balance_with_pins_is_reported_as_infeasible() -> None:
    balance = (BalanceTarget("quick_wins", 50, 0), BalanceTarget("foundations", 50, 0))
    pinned = Candidate("UC-001", "quick_wins", 5, pinned_wave=1, pilot=False)
    assert solve_exact(inst(pinned, balance=balance), 10, None).status == "infeasible"


def test_reasons_are_the_reason_literal_in_order_and_each_has_a_message() -> None:
    from typing import get_args

    from aiportfolio.analysis.planning.instance import REASONS, Reason
    from aiportfolio.i18n import LANGUAGES, messages

    assert get_args(Reason) == REASONS
    assert REASONS[-1] == "solver_limit"  # ties are broken in this order
    for reason in REASONS:
        assert all(f"plan.reason.{reason}" in messages(lang).texts for lang in LANGUAGES)


@pytest.mark.parametrize(
    ("status", "pilot"),
    [
        ("idea", True),
        ("scoping", True),
        ("pilot", True),
        ("industrialising", False),
        ("operated", False),
    ],
)
def test_roadmap_and_quarterly_agenda_count_the_same_pilots(
    tmp_path, status: str, pilot: bool
) -> None:
    import datetime as dt

    from aiportfolio.analysis.agenda import quarterly_agenda
    from aiportfolio.analysis.planning.instance import counts_as_pilot
    from aiportfolio.analysis.roadmap import build_roadmap
    from aiportfolio.register.loader import load_register
    from aiptest import usecase, write_register

    cases = [
        usecase(id="UC-001", status=status, plan={"wave": 1}),
        usecase(id="UC-002", status="scoping", plan={"wave": 1}),
    ]
    portfolio = "waves:\n  - {id: 1, name: Pilots, weeks: 12, capacity: {max_parallel_pilots: 2}}\n"
    root = write_register(tmp_path, cases, portfolio=portfolio)
    register = load_register(root)
    assert not register.problems
    today = dt.date(2026, 11, 26)
    roadmap = build_roadmap(register.usecases, register.config, today)
    agenda = quarterly_agenda(register.usecases, register.grid, register.config, today)
    expected = 1 + int(pilot)
    assert counts_as_pilot(register.usecases[0]) is pilot
    assert next(w.pilots for w in roadmap.waves if w.wave == 1) == expected
    assert next(w.pilots for w in agenda.waves if w.wave == 1) == expected


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("Short title", 60, "Short title"),
        (
            "Base de connaissances (procédures, gammes, fiches)",
            40,
            "Base de connaissances (procédures…",
        ),
        (
            "Base de connaissances (procédures, gammes, fiches)",
            43,
            "Base de connaissances (procédures, gammes…",
        ),
        ("Averyveryveryverylongsingleword", 10, "Averyvery…"),
        ("exactly ten", 11, "exactly ten"),
        ("two words", 5, "two…"),
    ],
)
def test_titles_are_clipped_at_a_word_boundary(text: str, limit: int, expected: str) -> None:
    from aiportfolio.report.plan_labels import clip

    assert clip(text, limit) == expected
    assert len(clip(text, limit)) <= limit
