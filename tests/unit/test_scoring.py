"""Scoring on the grid (METHOD.md §2): the rules as tables of input -> expected result."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from aiportfolio.analysis.score import build_score_report
from aiportfolio.domain.scoring import score_portfolio, score_use_case
from aiportfolio.model.grid import Grid
from aiportfolio.model.portfolio import Scoring
from aiportfolio.model.usecase import UseCase
from aiptest import REPO_ROOT, usecase

CRITERIA = (
    "business_value",
    "time_to_impact",
    "data_integration",
    "risk_compliance",
    "adoption_ownership",
)


def default_grid() -> Grid:
    data = YAML(typ="safe").load((REPO_ROOT / "config" / "weights.yaml").read_text("utf-8"))
    return Grid.model_validate(data)


def grid_with(weights: dict[str, float]) -> Grid:
    data = YAML(typ="safe").load((REPO_ROOT / "config" / "weights.yaml").read_text("utf-8"))
    for criterion in data["criteria"]:
        criterion["weight"] = weights[criterion["id"]]
    return Grid.model_validate(data)


def uc(uid: str = "UC-001", **overrides: Any) -> UseCase:
    return UseCase.model_validate(usecase(id=uid, **overrides))


def scores(bv: int, tti: int, di: int, rc: int, ao: int) -> dict[str, int]:
    return dict(zip(CRITERIA, (bv, tti, di, rc, ao), strict=True))


GRID = default_grid()


# --- axes and total: value and feasibility kept apart -----------------------------------


@pytest.mark.parametrize(
    ("given", "total", "value", "feasibility"),
    [
        # weights 30/20 value, 20/15/15 feasibility
        (scores(5, 5, 5, 5, 5), 5.0, 5.0, 5.0),
        (scores(1, 1, 1, 1, 1), 1.0, 1.0, 1.0),
        (scores(5, 5, 1, 1, 1), 3.0, 5.0, 1.0),
        (scores(3, 4, 4, 3, 4), 3.55, (3 * 30 + 4 * 20) / 50, (4 * 20 + 3 * 15 + 4 * 15) / 50),
        (scores(4, 2, 3, 5, 1), 3.1, (4 * 30 + 2 * 20) / 50, (3 * 20 + 5 * 15 + 1 * 15) / 50),
    ],
)
def test_total_and_axes_are_weighted_means(
    given: dict[str, int], total: float, value: float, feasibility: float
) -> None:
    result = score_use_case(uc(scores=given), GRID)
    assert result.total == pytest.approx(total)
    assert result.value == pytest.approx(value)
    assert result.feasibility == pytest.approx(feasibility)


# --- feasibility floor -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("feasibility_scores", "floor", "below"),
    [
        ((3, 3, 3), 2.5, False),
        ((2, 3, 3), 2.5, False),  # (40 + 45 + 45) / 50 = 2.6
        ((2, 2, 3), 2.5, True),  # (40 + 30 + 45) / 50 = 2.3
        ((2, 3, 2), 2.5, True),  # 2.3
        ((3, 2, 2), 2.5, True),  # (60 + 30 + 30) / 50 = 2.4
        ((5, 5, 5), 5.0, False),  # exactly on the floor clears it
        ((4, 5, 5), 5.0, True),
        ((1, 1, 1), 1.0, False),
    ],
)
def test_feasibility_floor(
    feasibility_scores: tuple[int, int, int], floor: float, below: bool
) -> None:
    di, rc, ao = feasibility_scores
    result = score_use_case(
        uc(scores=scores(3, 3, di, rc, ao)), GRID, Scoring(feasibility_floor=floor)
    )
    assert result.below_floor is below


def test_below_floor_ranks_after_every_feasible_entry_whatever_its_total() -> None:
    sexy = uc("UC-001", scores=scores(5, 5, 1, 1, 2))  # total 3.3, feasibility 1.3
    modest = uc("UC-002", scores=scores(2, 2, 3, 3, 3))  # total 2.5, feasibility 3.0
    dull = uc("UC-003", scores=scores(1, 1, 3, 3, 3))  # total 1.9, feasibility 3.0
    ranked = score_portfolio([sexy, modest, dull], GRID, Scoring(feasibility_floor=2.5))
    assert [r.id for r in ranked] == ["UC-002", "UC-003", "UC-001"]
    assert ranked[2].total is not None and ranked[2].total > ranked[0].total  # type: ignore[operator]


def test_floor_is_read_from_configuration() -> None:
    entry = uc(scores=scores(3, 3, 3, 3, 3))
    assert not score_use_case(entry, GRID, Scoring(feasibility_floor=3.0)).below_floor
    assert score_use_case(entry, GRID, Scoring(feasibility_floor=3.5)).below_floor


# --- several raters: median and disagreement ----------------------------------------------


@pytest.mark.parametrize(
    ("rated", "median", "disagree"),
    [
        ([4], 4.0, False),
        ([2, 4], 3.0, True),
        ([3, 4], 3.5, False),
        ([1, 2, 5], 2.0, True),
        ([3, 3, 4], 3.0, False),
        ([2, 3, 3, 4], 3.0, True),
        ([5, 5, 4, 4], 4.5, False),
    ],
)
def test_ratings_median_and_disagreement(rated: list[int], median: float, disagree: bool) -> None:
    ratings = [
        {"by": f"Rater {i}", "date": "2026-10-01", "scores": {"business_value": s}}
        for i, s in enumerate(rated)
    ]
    result = score_use_case(uc(ratings=ratings), GRID, Scoring(disagreement=2))
    bv = result.criteria[0]
    assert bv.source == "ratings"
    assert bv.score == median
    assert ("business_value" in result.disagreements) is disagree


def test_ratings_win_over_scores_and_threshold_is_configurable() -> None:
    ratings = [
        {"by": "A", "scores": {"business_value": 1}},
        {"by": "B", "scores": {"business_value": 2}},
    ]
    result = score_use_case(uc(ratings=ratings), GRID, Scoring(disagreement=1))
    assert result.criteria[0].score == 1.5  # not the 3 of ``scores``
    assert result.disagreements == ("business_value",)


# --- weeks_to_pilot -> time-to-impact -------------------------------------------------------


@pytest.mark.parametrize(
    ("weeks", "score"),
    [
        (0, 5),
        (2, 5),
        (3.9, 5),
        (4, 4),
        (5, 4),
        (5.5, 4),
        (6, 3),
        (8, 3),
        (8.9, 3),
        (9, 2),
        (12, 2),
        (12.1, 1),
        (30, 1),
    ],
)
def test_weeks_to_pilot_gives_time_to_impact(weeks: float, score: int) -> None:
    given = {k: v for k, v in scores(3, 3, 3, 3, 3).items() if k != "time_to_impact"}
    result = score_use_case(uc(scores=given, estimates={"weeks_to_pilot": weeks}), GRID)
    tti = result.criteria[1]
    assert (tti.score, tti.source, tti.measured) == (score, "measure", weeks)


def test_a_given_score_wins_over_the_estimate() -> None:
    result = score_use_case(uc(estimates={"weeks_to_pilot": 30}), GRID)
    assert result.criteria[1].score == 4  # scores.time_to_impact of the fixture
    assert result.criteria[1].source == "score"


# --- missing scores: reported, never zero -------------------------------------------------


def test_missing_criterion_is_reported_not_zero() -> None:
    given = {k: v for k, v in scores(5, 5, 5, 5, 5).items() if k != "risk_compliance"}
    result = score_use_case(uc(scores=given), GRID)
    assert result.missing == ("risk_compliance",)
    assert result.total is None and result.feasibility is None
    assert result.value == 5.0  # the complete axis is still known


def test_incomplete_entries_are_not_ranked_and_come_last() -> None:
    complete_low = uc("UC-001", scores=scores(1, 1, 3, 3, 3))
    incomplete = uc("UC-002", scores={"business_value": 5})
    report = build_score_report([incomplete, complete_low], GRID)
    assert [(e.rank, e.result.id) for e in report.entries] == [(1, "UC-001"), (None, "UC-002")]
    assert report.ranked == 1 and report.active == 2


# --- weights change the ranking as arithmetic says ----------------------------------------


def _independent_total(given: dict[str, int], weights: dict[str, float]) -> float:
    return sum(given[c] * weights[c] for c in CRITERIA) / sum(weights.values())


def _independent_feasibility(given: dict[str, int], weights: dict[str, float]) -> float:
    axis = CRITERIA[2:]
    return sum(given[c] * weights[c] for c in axis) / sum(weights[c] for c in axis)


@pytest.mark.parametrize(
    "weights",
    [
        {
            "business_value": 30,
            "time_to_impact": 20,
            "data_integration": 20,
            "risk_compliance": 15,
            "adoption_ownership": 15,
        },
        {
            "business_value": 60,
            "time_to_impact": 10,
            "data_integration": 10,
            "risk_compliance": 10,
            "adoption_ownership": 10,
        },
        {
            "business_value": 10,
            "time_to_impact": 50,
            "data_integration": 20,
            "risk_compliance": 10,
            "adoption_ownership": 10,
        },
        {
            "business_value": 10,
            "time_to_impact": 10,
            "data_integration": 60,
            "risk_compliance": 10,
            "adoption_ownership": 10,
        },
    ],
)
def test_weight_change_changes_ranking_as_arithmetic_says(weights: dict[str, float]) -> None:
    entries = {
        "UC-001": scores(5, 2, 3, 3, 3),  # value-heavy
        "UC-002": scores(2, 5, 3, 3, 3),  # fast
        "UC-003": scores(3, 3, 5, 3, 3),  # easy data
        "UC-004": scores(4, 4, 3, 4, 2),
    }
    grid = grid_with(weights)
    ranked = score_portfolio(
        [uc(i, scores=s) for i, s in entries.items()], grid, Scoring(feasibility_floor=1)
    )
    # Ties on the total go to the more feasible entry, then to the id.
    expected = sorted(
        entries,
        key=lambda i: (
            -_independent_total(entries[i], weights),
            -_independent_feasibility(entries[i], weights),
            i,
        ),
    )
    assert [r.id for r in ranked] == expected
    for r in ranked:
        assert r.total == pytest.approx(_independent_total(entries[r.id], weights))


def test_the_default_and_a_value_heavy_grid_disagree_on_the_leader() -> None:
    entries = [
        uc("UC-001", scores=scores(5, 2, 3, 3, 3)),
        uc("UC-002", scores=scores(2, 5, 5, 3, 3)),
    ]
    default = score_portfolio(entries, GRID, Scoring(feasibility_floor=1))
    heavy = grid_with(
        {
            "business_value": 60,
            "time_to_impact": 10,
            "data_integration": 10,
            "risk_compliance": 10,
            "adoption_ownership": 10,
        }
    )
    value_first = score_portfolio(entries, heavy, Scoring(feasibility_floor=1))
    # default: 3.4 vs 3.5 -> UC-002 first; value-heavy: 4.1 vs 2.8 -> UC-001 first
    assert [r.id for r in default] == ["UC-002", "UC-001"]
    assert [r.id for r in value_first] == ["UC-001", "UC-002"]


# --- filters keep the ranks of the whole portfolio ---------------------------------------


def test_filters_and_top_keep_global_ranks() -> None:
    entries = [
        uc("UC-001", category="foundation", scores=scores(5, 5, 5, 5, 5)),
        uc("UC-002", category="quick_win", scores=scores(4, 4, 4, 4, 4)),
        uc("UC-003", category="quick_win", scores=scores(3, 3, 3, 3, 3)),
        uc("UC-004", category="quick_win", status="stopped", scores=scores(5, 5, 5, 5, 5)),
    ]
    report = build_score_report(entries, GRID, categories=["quick_win"], top=1)
    assert [(e.rank, e.result.id) for e in report.entries] == [(2, "UC-002")]
    assert report.active == 3  # the stopped one is not scored


def test_unknown_score_keys_are_reported_with_a_suggestion() -> None:
    given = {**scores(3, 3, 3, 3, 3), "busines_value": 5}
    report = build_score_report([uc(scores=given)], GRID)
    assert [(u.key, u.suggestion) for u in report.unknown_keys] == [
        ("busines_value", "business_value")
    ]


def test_example_register_scores_without_error(example_root: Path) -> None:
    from aiportfolio.register.loader import load_register

    register = load_register(example_root)
    report = build_score_report(register.usecases, register.grid, register.config.scoring)
    assert report.active == len(register.active)
