"""The planner at scale: a time limit never reads as a conflict, the limit covers the
whole run, greedy balances plans with few pilot slots, long id lists are summarised and
unscored entries are named as the reason a balance group stays empty."""

from __future__ import annotations

import time
from typing import Any

import pytest
from hypothesis import given
from test_planning_properties import FAST, brute_force, instances

from aiportfolio.analysis.planning.constraints import Violation, insertion_blockers, violations
from aiportfolio.analysis.planning.greedy import greedy_assignment
from aiportfolio.analysis.planning.instance import (
    BalanceTarget,
    Candidate,
    PlanningInstance,
    PlanOptions,
    WaveSlot,
    objective,
)
from aiportfolio.analysis.planning.milp import solve_exact
from aiportfolio.analysis.planning.plan import balance_empty, plan_usecases
from aiportfolio.domain.scoring import score_portfolio
from aiportfolio.i18n import Translator
from aiportfolio.model.portfolio import PortfolioConfig
from aiportfolio.model.usecase import UseCase
from aiportfolio.report.kit.lists import id_list
from aiportfolio.report.plan_labels import violation_text
from aiptest import usecase

BALANCE = (
    BalanceTarget("quick_wins", 60, 10),
    BalanceTarget("foundations", 20, 10),
    BalanceTarget("differentiation_compliance", 20, 10),
)


def crowded(n: int = 60, pilots: int = 2, waves: int = 3) -> PlanningInstance:
    """Many pilots for a few slots: 60 % quick wins, 20 % foundations, 20 % others."""
    groups = ["quick_wins"] * 6 + ["foundations"] * 2 + ["differentiation_compliance"] * 2
    candidates = tuple(
        Candidate(f"UC-{i:03d}", groups[i % 10], weight=5 - i / n, effort=2.0) for i in range(n)
    )
    slots = tuple(WaveSlot(w, person_weeks=40, max_pilots=pilots) for w in range(1, waves + 1))
    return PlanningInstance(candidates, slots, balance=BALANCE)


def test_greedy_balances_a_plan_when_pilot_slots_are_few() -> None:
    instance = crowded()
    plan = greedy_assignment(instance)
    assert violations(instance, plan) == []
    assert sum(1 for w in plan.values() if w is not None) >= 5


def test_greedy_on_thousands_of_candidates_is_fast() -> None:
    instance = crowded(n=3000, pilots=2, waves=4)
    started = time.perf_counter()
    plan = greedy_assignment(instance)
    assert time.perf_counter() - started < 5  # quadratic, it took minutes
    assert violations(instance, plan) == []
    assert any(w is not None for w in plan.values())


def test_insertion_blockers_count_the_plan_as_it_stands() -> None:
    instance = crowded(n=4, pilots=1, waves=1)
    first, second = instance.candidates[:2]
    assert insertion_blockers(instance, {first.id: 1}, second, 1) == ("pilots", "balance")
    assert insertion_blockers(instance, {}, second, 1) == ("balance",)


def test_a_spent_time_limit_returns_the_warm_start_never_a_conflict() -> None:
    instance = crowded()
    greedy = greedy_assignment(instance)
    outcome = solve_exact(instance, 0.0, greedy)
    assert outcome.status == "time_limit"
    assert outcome.assignment == greedy
    assert outcome.objective == objective(instance, greedy)
    assert solve_exact(instance, 0.0, None).status == "unknown"


@FAST
@given(instances(max_entries=6))
def test_running_out_of_time_proves_nothing(instance: PlanningInstance) -> None:
    outcome = solve_exact(instance, 0.0, None)
    if outcome.status == "infeasible":  # only a structural proof, before any search
        assert brute_force(instance) is None
    else:
        assert outcome.status in ("unknown", "empty")


SCORES = {
    "business_value": 4,
    "time_to_impact": 4,
    "data_integration": 4,
    "risk_compliance": 4,
    "adoption_ownership": 4,
}
CONFIG = {
    "balance": {
        "tolerance": 10,
        "groups": [
            {"id": "quick_wins", "categories": ["quick_win"], "target": 60},
            {"id": "foundations", "categories": ["foundation"], "target": 20},
            {
                "id": "differentiation_compliance",
                "categories": ["differentiator", "compliance"],
                "target": 20,
            },
        ],
    },
    "waves": [
        {"id": 1, "name": "One", "capacity": {"max_parallel_pilots": 3}},
        {"id": 2, "name": "Two", "capacity": {"max_parallel_pilots": 3}},
    ],
    "planning": {"enforce_balance": True},
}


def entries(count: int, category: str, start: int, scored: bool = True) -> list[UseCase]:
    return [
        UseCase.model_validate(
            usecase(
                id=f"UC-{i:03d}",
                category=category,
                scores=SCORES if scored else None,
                plan={"effort_weeks": 2},
            )
        )
        for i in range(start, start + count)
    ]


def plan(usecases: list[UseCase], **options: object) -> object:
    from ruamel.yaml import YAML

    from aiportfolio import resources
    from aiportfolio.model.grid import Grid

    grid = Grid.model_validate(YAML(typ="safe").load(resources.default_weights()))
    config = PortfolioConfig.model_validate(CONFIG)
    scores = score_portfolio(usecases, grid, config.scoring)
    return plan_usecases(usecases, config, scores, PlanOptions(**options), grid)  # type: ignore[arg-type]


def test_the_limit_counts_from_the_start_of_the_command() -> None:
    usecases = (
        entries(12, "quick_win", 1) + entries(4, "foundation", 20) + entries(4, "compliance", 30)
    )
    result = plan(usecases, time_limit=5.0, started=time.perf_counter() - 60)
    assert result.status == "time_limit"  # type: ignore[attr-defined]
    assert not result.conflicts  # type: ignore[attr-defined]
    assert result.objective == result.greedy_objective > 0  # type: ignore[attr-defined]


def test_unscored_entries_are_named_as_the_reason_a_group_stays_empty() -> None:
    usecases = entries(12, "quick_win", 1) + entries(9, "foundation", 20, scored=False)
    usecases += entries(4, "compliance", 40)
    result = plan(usecases)
    kinds = [v.kind for v in result.conflicts]  # type: ignore[attr-defined]
    assert kinds == ["balance_unscored"]
    [conflict] = result.conflicts  # type: ignore[attr-defined]
    assert conflict.detail == "foundations" and len(conflict.ids) == 9
    text = violation_text(conflict, Translator("en"))
    assert "its 9 entries are left out for missing scores" in text
    assert "UC-020, UC-021, UC-022, UC-023, UC-024 and 4 more" in text
    assert "no candidate can fill" not in text


def test_greedy_that_finds_no_balanced_plan_says_unknown_not_conflict() -> None:
    instance = PlanningInstance(
        (Candidate("UC-001", "quick_wins", 4.0),),
        (WaveSlot(1),),
        balance=(BalanceTarget("quick_wins", 60, 10), BalanceTarget("foundations", 40, 10)),
    )
    found = balance_empty(instance, {"UC-001": None}, proven=False)
    assert [v.kind for v in found] == ["balance_empty"]  # foundations: no candidate at all
    two = PlanningInstance(
        (Candidate("UC-001", "quick_wins", 4.0), Candidate("UC-002", "foundations", 3.0)),
        (WaveSlot(1, max_pilots=1),),
        balance=(BalanceTarget("quick_wins", 50, 0), BalanceTarget("foundations", 50, 0)),
    )
    assert [v.kind for v in balance_empty(two, {}, proven=False)] == ["unknown"]
    assert [v.kind for v in balance_empty(two, {}, proven=True)] == ["balance_empty"]


def test_long_id_lists_are_summarised() -> None:
    t = Translator("en")
    ids = [f"UC-{i:04d}" for i in range(3000)]
    assert id_list(ids, t) == "UC-0000, UC-0001, UC-0002, UC-0003, UC-0004 and 2,995 more"
    assert id_list(ids[:6], t) == ", ".join(ids[:6])
    assert Translator("fr").n("list.more", 2995, shown="A", count="2 995") == "A et 2 995 autres"
    assert Translator("fr").n("list.more", 1, shown="A") == "A et 1 autre"
    text = violation_text(Violation("balance_empty", tuple(ids)), t)
    assert len(text) < 500
    unknown = violation_text(Violation("unknown", amount=2.0, detail="exact"), t)
    assert "within the 2 s time limit" in unknown and "not proven" in unknown


# --- the time limit as a budget: warm start, fallback, never a conflict (#13) -------------


def knapsack(n: int = 40) -> PlanningInstance:
    """Rank order is a poor fill here: the best entries each take most of a wave's
    budget, while the many slightly weaker ones are cheap."""
    expensive = [
        Candidate(f"UC-{i:03d}", "quick_wins", 5.0, effort=1, budget=90_000, pilot=False)
        for i in range(4)
    ]
    cheap = [
        Candidate(f"UC-{i:03d}", "quick_wins", 4.0, effort=1, budget=10_000, pilot=False)
        for i in range(4, n)
    ]
    waves = tuple(WaveSlot(w, person_weeks=50, budget_eur=100_000) for w in (1, 2))
    return PlanningInstance((*expensive, *cheap), waves)


def test_the_warm_start_keeps_the_best_greedy_fill() -> None:
    from aiportfolio.analysis.planning.greedy import warm_start

    instance = knapsack()
    ranked = greedy_assignment(instance)
    warm = warm_start(instance, ranked)
    assert warm is not None and violations(instance, warm) == []
    # Rank order: one 90 k€ entry per wave, then one 10 k€ one; by score per share of the
    # budget: ten cheap entries per wave.
    assert sum(1 for w in ranked.values() if w is not None) == 4
    assert sum(1 for w in warm.values() if w is not None) == 20
    assert objective(instance, warm) > 1.9 * objective(instance, ranked)


@pytest.mark.parametrize("limit", [0.0, 1e-4, 0.05])
def test_a_tiny_limit_returns_at_least_the_greedy_objective(limit: float) -> None:
    from aiportfolio.analysis.planning.greedy import warm_start

    instance = knapsack()
    warm = warm_start(instance)
    assert warm is not None
    outcome = solve_exact(instance, limit, warm)
    assert outcome.status in ("time_limit", "optimal")
    assert outcome.objective >= objective(instance, greedy_assignment(instance))
    assert outcome.objective >= objective(instance, warm) - 1e-9
    assert violations(instance, outcome.assignment) == []
    if outcome.status == "time_limit":
        assert outcome.fallback == "no_time"


def test_the_solver_stopped_by_the_limit_keeps_a_plan_at_least_as_good() -> None:
    """HiGHS started, with too little time to prove anything on 3,000 entries."""
    from aiportfolio.analysis.planning.greedy import warm_start

    instance = crowded(n=3000, pilots=2, waves=4)
    warm = warm_start(instance)
    assert warm is not None
    outcome = solve_exact(instance, 1.0, warm)
    assert outcome.status in ("time_limit", "optimal")
    assert outcome.objective >= objective(instance, warm) - 1e-9
    assert violations(instance, outcome.assignment) == []


@FAST
@given(instances(max_entries=6))
def test_a_tiny_limit_never_turns_a_feasible_instance_into_a_conflict(
    instance: PlanningInstance,
) -> None:
    from aiportfolio.analysis.planning.greedy import warm_start

    best = brute_force(instance)
    warm = warm_start(instance)
    for limit in (0.0, 1e-3):
        outcome = solve_exact(instance, limit, warm)
        if best is not None:
            assert outcome.status != "infeasible"
        if warm is not None:
            assert outcome.objective >= objective(instance, warm) - 1e-9
            assert violations(instance, outcome.assignment) == []


def test_a_spent_budget_answers_with_greedy_and_says_why_in_every_language() -> None:
    from aiportfolio.report.plan_labels import fallback_text

    usecases = (
        entries(12, "quick_win", 1) + entries(4, "foundation", 20) + entries(4, "compliance", 30)
    )
    result: Any = plan(usecases, time_limit=2.0, started=time.perf_counter() - 60)
    assert result.status == "time_limit" and not result.conflicts
    assert result.fallback == "no_time"
    assert result.objective >= result.greedy_objective > 0
    texts = {lang: fallback_text(result, Translator(lang)) for lang in ("en", "fr", "de")}
    assert "took the whole 2.00\u00a0s time limit" in texts["en"]
    assert "pas du solveur exact" in texts["fr"] and "2,00\u00a0s" in texts["fr"]
    assert "nicht vom exakten Löser" in texts["de"] and "2,00\u00a0s" in texts["de"]
    solved: Any = plan(usecases, time_limit=30.0)
    assert solved.status == "optimal" and solved.fallback is None
    assert fallback_text(solved, Translator("en")) is None


def test_the_command_counts_from_the_start_of_its_process(monkeypatch: Any) -> None:
    from aiportfolio.cli import entry
    from aiportfolio.cli.plan import command_started

    before = time.perf_counter()
    assert before <= command_started() <= time.perf_counter()  # in-process: from now
    monkeypatch.setattr(entry, "AS_COMMAND", True)
    started = command_started()
    assert started <= before  # the process (pytest here) began before this test


def test_large_models_are_solved_without_presolve(monkeypatch: Any) -> None:
    """Above ``PRESOLVE_LIMIT`` non-zeros HiGHS searches from the start (its presolve took
    most of a short limit there and found nothing better) and skips its root reduced-cost
    heuristic (it ran seconds past the limit); small models keep both."""
    from aiportfolio.analysis.planning import milp
    from aiportfolio.analysis.planning.greedy import warm_start

    made: list[Any] = []
    quiet = milp._quiet_highs

    def recorded() -> Any:
        made.append(quiet())
        return made[-1]

    monkeypatch.setattr(milp, "_quiet_highs", recorded)
    large = crowded(n=3000, pilots=2, waves=4)
    assert milp.build_model(large, milp.wave_domains(large)).size > milp.PRESOLVE_LIMIT
    outcome = solve_exact(large, 1.5, warm_start(large), needed=0.0)
    assert outcome.objective >= objective(large, warm_start(large) or {}) - 1e-9
    small = knapsack()
    assert milp.build_model(small, milp.wave_domains(small)).size < milp.PRESOLVE_LIMIT
    assert solve_exact(small, 30, None).status == "optimal"
    assert [h.getOptionValue("presolve")[1] for h in made] == ["off", "choose"]
    reduced_cost = "mip_heuristic_run_root_reduced_cost"
    assert [h.getOptionValue(reduced_cost)[1] for h in made] == [False, True]


def test_the_report_gets_its_share_of_the_limit(monkeypatch: Any) -> None:
    """``report_factor`` (json, md: every entry written) keeps more of the limit after the
    solver: HiGHS is given that much less."""
    from aiportfolio.analysis.planning import plan as planning

    given: list[float] = []
    solve = planning.solve_exact

    def spy(instance: Any, time_limit: float, *args: Any, **kwargs: Any) -> Any:
        given.append(time_limit)
        return solve(instance, time_limit, *args, **kwargs)

    monkeypatch.setattr(planning, "solve_exact", spy)
    usecases = entries(12, "quick_win", 1) + entries(4, "foundation", 20)
    usecases += entries(4, "compliance", 30)
    for factor in (0.0, 1e6):
        started = time.perf_counter()
        plan(usecases, time_limit=30.0, started=started, report_factor=factor)
    lean, heavy = given
    assert lean > 29 and heavy < 0
