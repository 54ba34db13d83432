"""Category balance (METHOD.md §3) by count and by budget, the moves that restore it, and
category consistency warnings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from test_scoring import scores

from aiportfolio.analysis.balance import budget_moves, compute_balance, count_changes
from aiportfolio.model.portfolio import Balance
from aiportfolio.model.usecase import UseCase
from aiportfolio.register.loader import load_register
from aiportfolio.rules.registry import RULES, find_rule_problems
from aiptest import usecase, write_register

DEFAULT = Balance()  # 60 / 20 / 20, tolerance 10


def entry(n: int, category: str, one_off: float = 0.0, **overrides: Any) -> UseCase:
    costs = {"horizon_months": 12, "one_off": [], "monthly": []}
    if one_off:
        costs["one_off"] = [{"family": "integration", "amount_eur": one_off}]
    return UseCase.model_validate(
        usecase(id=f"UC-{n:03d}", category=category, costs=costs, **overrides)
    )


def mix(quick: int, foundation: int, differentiator: int, compliance: int = 0) -> list[UseCase]:
    cats = (
        ["quick_win"] * quick
        + ["foundation"] * foundation
        + ["differentiator"] * differentiator
        + ["compliance"] * compliance
    )
    return [entry(i + 1, c) for i, c in enumerate(cats)]


@pytest.mark.parametrize(
    ("counts", "shares", "ok"),
    [
        ((6, 2, 2, 0), (60, 20, 20), True),
        ((3, 1, 0, 1), (60, 20, 20), True),  # compliance counts with differentiators
        ((5, 3, 2, 0), (50, 30, 20), True),  # 10 points off is still within tolerance
        ((4, 3, 3, 0), (40, 30, 30), False),
        ((10, 0, 0, 0), (100, 0, 0), False),
        ((1, 1, 1, 0), (100 / 3, 100 / 3, 100 / 3), False),
        ((0, 0, 0, 0), (0, 0, 0), True),  # nothing active: nothing to judge
    ],
)
def test_balance_by_count(
    counts: tuple[int, int, int, int], shares: tuple[float, ...], ok: bool
) -> None:
    result = compute_balance(mix(*counts), DEFAULT)
    assert tuple(g.count_share for g in result.groups) == pytest.approx(shares)
    assert result.count_ok is ok


def test_stopped_use_cases_do_not_count() -> None:
    usecases = [*mix(6, 2, 2), entry(50, "differentiator", status="stopped")]
    result = compute_balance(usecases, DEFAULT)
    assert result.total_count == 10 and result.count_ok


@pytest.mark.parametrize(
    ("budgets", "shares", "ok"),
    [
        # (quick win, foundation, differentiator) one-off costs in euros
        ((60_000, 20_000, 20_000), (60, 20, 20), True),
        ((50_000, 30_000, 20_000), (50, 30, 20), True),
        ((20_000, 20_000, 60_000), (20, 20, 60), False),
        ((0, 0, 0), (0, 0, 0), True),  # no costs recorded: budget mix not judged
    ],
)
def test_balance_by_budget(
    budgets: tuple[float, float, float], shares: tuple[float, ...], ok: bool
) -> None:
    usecases = [
        entry(1, "quick_win", budgets[0]),
        entry(2, "foundation", budgets[1]),
        entry(3, "differentiator", budgets[2]),
    ]
    result = compute_balance(usecases, DEFAULT)
    assert tuple(g.budget_share for g in result.groups) == pytest.approx(shares)
    assert result.budget_ok is ok


def test_budget_counts_monthly_costs_over_the_horizon() -> None:
    monthly = {
        "horizon_months": 6,
        "one_off": [{"family": "integration", "amount_eur": 1000}],
        "monthly": [{"family": "vendor", "amount_eur": 500}],
    }
    usecases = [UseCase.model_validate(usecase(costs=monthly))]
    assert compute_balance(usecases, DEFAULT).total_budget == 1000 + 6 * 500


@pytest.mark.parametrize(
    ("counts", "changes"),
    [
        ((6, 2, 2, 0), {}),
        ((4, 3, 3, 0), {"quick_wins": 2}),  # 6/12 = 50 %, 3/12 = 25 % each
        # 10 / 14 would still be 71 %: five additions are needed
        ((10, 0, 0, 0), {"foundations": 2, "differentiation_compliance": 3}),
        ((2, 0, 0, 0), {"foundations": 1, "differentiation_compliance": 1}),
    ],
)
def test_fewest_count_moves_restore_balance(
    counts: tuple[int, int, int, int], changes: dict[str, int]
) -> None:
    result = compute_balance(mix(*counts), DEFAULT)
    found = count_changes(result)
    assert found == changes
    # and applying them does restore the balance
    quick, foundation, other, _ = counts
    after = mix(
        quick + changes.get("quick_wins", 0),
        foundation + changes.get("foundations", 0),
        other + changes.get("differentiation_compliance", 0),
    )
    assert compute_balance(after, DEFAULT).count_ok


def test_budget_moves_keep_the_total_and_restore_the_band() -> None:
    usecases = [
        entry(1, "quick_win", 20_000),
        entry(2, "foundation", 20_000),
        entry(3, "differentiator", 60_000),
    ]
    result = compute_balance(usecases, DEFAULT)
    moves = budget_moves(result)
    # differentiation must drop to 30 % (-30 k€), quick wins reach 50 % (+30 k€)
    assert [(m.source, m.target, round(m.amount)) for m in moves] == [
        ("differentiation_compliance", "quick_wins", 30_000)
    ]


@pytest.mark.parametrize(
    ("quick", "foundation", "differentiation", "expected"),
    [
        # the example register's shape: foundation 23 % is within its band and gives nothing
        (253_600, 268_000, 639_100, [("differentiation_compliance", "quick_wins", 326_750)]),
        # two groups over their band, one under
        (10_000, 45_000, 45_000, None),
        # one group over, two under
        (85_000, 5_000, 10_000, [("quick_wins", "foundations", 15_000)]),
    ],
)
def test_budget_moves_go_from_over_band_groups_to_under_band_groups(
    quick: float, foundation: float, differentiation: float, expected: list[Any] | None
) -> None:
    usecases = [
        entry(1, "quick_win", quick),
        entry(2, "foundation", foundation),
        entry(3, "differentiator", differentiation),
    ]
    result = compute_balance(usecases, DEFAULT)
    moves = budget_moves(result)
    if expected is not None:
        assert [(m.source, m.target, round(m.amount)) for m in moves] == expected
    tol = result.tolerance
    total = result.total_budget
    band = {g.group: (g.target - tol, g.target + tol) for g in result.groups}
    share = {g.group: 100 * g.budget / total for g in result.groups}
    for m in moves:
        assert share[m.source] > band[m.source][1]  # the giver is over its band
        assert share[m.target] < band[m.target][0]  # the taker is under its band
    after = dict(share)
    for m in moves:
        after[m.source] -= 100 * m.amount / total
        after[m.target] += 100 * m.amount / total
    assert all(band[g][0] - 1e-6 <= after[g] <= band[g][1] + 1e-6 for g in after), after


def test_no_budget_move_when_balanced() -> None:
    result = compute_balance(
        [entry(1, "quick_win", 10), entry(2, "foundation", 0)], Balance(tolerance=100)
    )
    assert budget_moves(result) == []


# --- category consistency -------------------------------------------------------------


def kpi(risk_reduction: bool) -> dict[str, Any]:
    return {
        "name": "Incidents",
        "level": "quality",
        "baseline": 10,
        "target": 2,
        "risk_reduction": risk_reduction,
    }


@pytest.mark.parametrize(
    ("overrides", "rules"),
    [
        ({"category": "quick_win", "scores": scores(3, 4, 4, 4, 4)}, []),
        ({"category": "quick_win", "scores": scores(3, 2, 4, 4, 4)}, ["category-slow-quick-win"]),
        ({"category": "quick_win", "scores": scores(3, 1, 4, 4, 4)}, ["category-slow-quick-win"]),
        (
            {
                "category": "quick_win",
                "scores": {k: v for k, v in scores(3, 3, 4, 4, 4).items() if k != "time_to_impact"},
                "estimates": {"weeks_to_pilot": 14},
            },
            ["category-slow-quick-win"],
        ),
        ({"category": "foundation", "scores": scores(3, 1, 4, 4, 4)}, []),
        (
            {"category": "quick_win", "risk": {"level": "high"}},
            ["category-risky-quick-win"],
        ),
        ({"category": "compliance", "kpis": [kpi(False)]}, ["category-compliance-kpi"]),
        ({"category": "compliance", "kpis": [kpi(True)]}, []),
        (
            {"category": "differentiator", "scores": scores(2, 3, 3, 3, 3)},
            ["category-low-value-differentiator"],
        ),
        ({"category": "differentiator", "scores": scores(4, 3, 3, 3, 3)}, []),
        (
            {"category": "compliance", "status": "stopped", "kpis": [kpi(False)]},
            [],  # stopped entries are not steered any more
        ),
    ],
)
def test_category_consistency(tmp_path: Path, overrides: dict[str, Any], rules: list[str]) -> None:
    register = load_register(write_register(tmp_path, [usecase(**overrides)]))
    found = find_rule_problems(register, dt.date(2026, 11, 26), advisory=True)
    assert [p.rule for p in found] == rules
    assert all(p.severity.value == "warning" for p in found)
    assert all(p.path == "usecases/UC-001-case.yaml" for p in found)
    assert all(RULES[p.rule].advisory for p in found)
    checked = find_rule_problems(register, dt.date(2026, 11, 26))
    assert not [p for p in checked if p.rule.startswith("category-")], "not a check finding"


def test_category_rules_follow_the_policy(tmp_path: Path) -> None:
    risky = usecase(category="quick_win", risk={"level": "high"})
    slow = usecase(id="UC-002", category="quick_win", scores=scores(3, 1, 4, 4, 4))
    stopped_slow = usecase(
        id="UC-003", category="quick_win", status="stopped", scores=scores(3, 1, 4, 4, 4)
    )
    policy = (
        "policy:\n  rules:\n    category-risky-quick-win: off\n"
        "    category-slow-quick-win: {severity: info, statuses: [pilot, stopped]}\n"
    )
    register = load_register(
        write_register(tmp_path, [risky, slow, stopped_slow], portfolio=policy)
    )
    found = find_rule_problems(register, dt.date(2026, 11, 26), advisory=True)
    assert [(p.rule, p.severity.value, p.path) for p in found] == [
        ("category-slow-quick-win", "info", "usecases/UC-003-case.yaml")
    ]


def test_policy_switches_a_category_rule_off_for_balance_and_check(tmp_path: Path) -> None:
    import json

    from aiptest import run

    risky = usecase(category="quick_win", risk={"level": "high"})
    root = write_register(tmp_path, [risky])
    shown = json.loads(run(root, "balance", "--format", "json").stdout)["warnings"]
    assert [w["rule"] for w in shown] == ["category-risky-quick-win"]
    (root / "config" / "portfolio.yaml").write_text(
        "policy:\n  rules:\n    category-risky-quick-win: off\n", "utf-8"
    )
    shown = json.loads(run(root, "balance", "--format", "json").stdout)["warnings"]
    assert shown == []
    checked = run(root, "check", "--format", "json")
    assert "unknown rule" not in checked.stdout + checked.stderr
    assert all(
        not p["rule"].startswith("category-") for p in json.loads(checked.stdout)["problems"]
    )
