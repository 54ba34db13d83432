"""``aip score --explain``: contributions, point descriptions, and what would move the rank."""

from __future__ import annotations

import pytest
from test_scoring import GRID, scores, uc

from aiportfolio.analysis.explain import applicable_points, explain, with_score
from aiportfolio.analysis.matrix import quadrant_of
from aiportfolio.domain.scoring import score_portfolio
from aiportfolio.model.portfolio import Scoring

FLOOR = Scoring(feasibility_floor=2.5)

PORTFOLIO = [
    uc("UC-001", scores=scores(5, 5, 5, 5, 5)),  # 5.0
    uc("UC-002", scores=scores(4, 4, 4, 4, 4)),  # 4.0
    uc("UC-003", scores=scores(3, 4, 4, 3, 4)),  # 3.55
    uc("UC-004", scores=scores(5, 5, 1, 1, 2)),  # 3.3 but feasibility 1.3: last
    uc("UC-005", scores={"business_value": 4}),  # incomplete
]


@pytest.mark.parametrize(("score", "points"), [(None, ()), (1.0, (1,)), (3.5, (3, 4)), (5.0, (5,))])
def test_applicable_points(score: float | None, points: tuple[int, ...]) -> None:
    assert applicable_points(score) == points


def test_contributions_add_up_to_the_total() -> None:
    x = explain("UC-003", PORTFOLIO, GRID, FLOOR)
    assert x.rank == 3 and x.ranked == 4
    contributions = [d.score.contribution for d in x.details]
    assert contributions == pytest.approx([0.9, 0.8, 0.8, 0.45, 0.6])
    assert sum(c or 0 for c in contributions) == pytest.approx(x.result.total or 0)
    assert [d.points for d in x.details] == [(3,), (4,), (4,), (3,), (4,)]


def test_what_passes_the_entry_ahead_is_the_smallest_change_that_does() -> None:
    x = explain("UC-003", PORTFOLIO, GRID, FLOOR)
    assert x.ahead is not None and x.ahead.id == "UC-002"
    ranked = score_portfolio(PORTFOLIO, GRID, FLOOR)
    mine = next(r for r in ranked if r.id == "UC-003")
    assert x.to_pass_ahead, "some single criterion can pass UC-002"
    for w in x.to_pass_ahead:
        assert w.new_rank < 3
        # one point less on that criterion would not have been enough
        if w.new_score - 1 > (w.current or 0):
            weaker = with_score(mine, w.criterion, w.new_score - 1, FLOOR)
            assert (weaker.total or 0) <= 4.0
    # business value 3 -> 5 gives 3.55 + 0.6 = 4.15 > 4.0: the cheapest way
    first = x.to_pass_ahead[0]
    assert (first.criterion, first.new_score, first.new_rank) == ("business_value", 5, 2)


def test_below_floor_explains_how_to_clear_it() -> None:
    x = explain("UC-004", PORTFOLIO, GRID, FLOOR)
    assert x.result.below_floor and x.rank == 4
    found = {(w.criterion, w.new_score) for w in x.to_clear_floor}
    # feasibility = (20 di + 15 rc + 15 ao) / 50 must reach 2.5 from 1.3 (needs +60 points):
    # di 1 -> 4 gives (80 + 15 + 30) / 50 = 2.5; rc 1 -> 5 gives (20 + 75 + 30) / 50 = 2.5;
    # ao 2 -> 5 gives (20 + 15 + 75) / 50 = 2.2, not enough.
    assert found == {("data_integration", 4), ("risk_compliance", 5)}
    assert not x.floor_out_of_reach


def test_floor_out_of_reach_when_no_single_criterion_suffices() -> None:
    hopeless = uc("UC-009", scores=scores(5, 5, 1, 1, 1))
    x = explain("UC-009", [*PORTFOLIO[:3], hopeless], GRID, Scoring(feasibility_floor=3.5))
    assert x.floor_out_of_reach and not x.to_clear_floor


def test_first_entry_has_nothing_ahead_and_a_lead() -> None:
    x = explain("UC-001", PORTFOLIO, GRID, FLOOR)
    assert x.ahead is None and x.to_pass_ahead == ()
    assert x.behind is not None and x.behind.id == "UC-002"
    assert x.lead_over_behind == pytest.approx(1.0)


def test_incomplete_entry_gets_the_range_it_would_rank_in() -> None:
    x = explain("UC-005", PORTFOLIO, GRID, FLOOR)
    assert x.status == "incomplete" and x.rank is None
    assert x.completion is not None
    assert x.completion.missing == (
        "time_to_impact",
        "data_integration",
        "risk_compliance",
        "adoption_ownership",
    )
    # all at 5: 4*0.3 + 5*0.7 = 4.7 -> second; all at 1: feasibility 1 < floor -> last (5th)
    assert (x.completion.best_rank, x.completion.worst_rank) == (2, 5)


def test_stopped_entry_is_explained_but_not_ranked() -> None:
    stopped = uc("UC-006", status="stopped", scores=scores(5, 5, 5, 5, 5))
    x = explain("UC-006", [*PORTFOLIO, stopped], GRID, FLOOR)
    assert x.status == "stopped" and x.rank is None


def test_unknown_id_raises_key_error() -> None:
    with pytest.raises(KeyError):
        explain("UC-404", PORTFOLIO, GRID, FLOOR)


@pytest.mark.parametrize(
    ("value", "feasibility", "quadrant"),
    [
        (4.0, 4.0, "priorities"),
        (3.0, 3.0, "priorities"),  # on the split counts as high
        (4.5, 2.9, "strategic_bets"),
        (2.9, 4.5, "easy_extras"),
        (1.0, 1.0, "park"),
    ],
)
def test_matrix_quadrants(value: float, feasibility: float, quadrant: str) -> None:
    assert quadrant_of(value, feasibility) == quadrant
