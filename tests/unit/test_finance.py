"""TCO, ROI and payback computed by hand (METHOD.md §6)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aiportfolio.analysis.tco import portfolio_tco, tco
from aiportfolio.model.usecase import UseCase
from aiptest import usecase


def line(family: str, amount: float) -> dict[str, Any]:
    return {"family": family, "amount_eur": amount}


def make(
    horizon: int,
    one_off: list[dict[str, Any]],
    monthly: list[dict[str, Any]],
    gain: float | None,
    **overrides: Any,
) -> UseCase:
    value = {"hypothesis": "gain", **({"annual_gain_eur": gain} if gain is not None else {})}
    data = usecase(
        costs={"horizon_months": horizon, "one_off": one_off, "monthly": monthly},
        value=value,
        **overrides,
    )
    return UseCase.model_validate(data)


# horizon, one-off lines, monthly lines, annual gain ->
#   TCO, non-vendor share, gain over horizon, ROI, payback month
# fmt: off
CASES = [
    pytest.param(
        12, [line("integration", 20000)], [line("vendor", 500)], 60000,
        # 20000 + 500x12 = 26000; gain 60000; ROI 34000/26000;
        # margin 5000-500 = 4500/month: 4 months = 18000 < 20000, 5 months = 22500 >= 20000
        26000, 20000 / 26000, 60000, 34000 / 26000, 5,
        id="12 months, pays back in month 5",
    ),
    pytest.param(
        6,
        [line("integration", 20000), line("change_management", 10000)],
        [line("vendor", 600), line("evaluation_monitoring", 400)],
        48000,
        # 30000 + 1000x6 = 36000; vendor 3600; gain 24000; margin 3000: 10 months > 6
        36000, 32400 / 36000, 24000, -12000 / 36000, None,
        id="6 months, never pays back within the horizon",
    ),
    pytest.param(
        12, [line("integration", 10000)], [], None,
        10000, 1.0, None, None, None,
        id="no gain hypothesis: no ROI, no payback",
    ),
    pytest.param(
        12, [], [], 12000,
        0, None, 12000, None, None,
        id="no cost line: costs missing, no ROI and no payback",
    ),
    pytest.param(
        12, [line("data_preparation", 9000)], [], 36000,
        # gain 3000/month: exactly 9000 after 3 months
        9000, 1.0, 36000, 27000 / 9000, 3,
        id="payback exactly on a month boundary",
    ),
    pytest.param(
        12, [], [line("vendor", 3000)], 24000,
        # monthly cost 3000 > monthly gain 2000
        36000, 0.0, 24000, -12000 / 36000, None,
        id="monthly cost above monthly gain",
    ),
]
# fmt: on


@pytest.mark.parametrize(
    ("horizon", "one_off", "monthly", "gain", "total", "non_vendor", "over", "roi", "payback"),
    CASES,
)
def test_tco_roi_payback_by_hand(
    horizon: int,
    one_off: list[dict[str, Any]],
    monthly: list[dict[str, Any]],
    gain: float | None,
    total: float,
    non_vendor: float | None,
    over: float | None,
    roi: float | None,
    payback: int | None,
) -> None:
    result = tco(make(horizon, one_off, monthly, gain))
    assert result.total == pytest.approx(total)
    assert result.non_vendor_share == (None if non_vendor is None else pytest.approx(non_vendor))
    assert result.expected_gain == (None if over is None else pytest.approx(over))
    assert result.roi == (None if roi is None else pytest.approx(roi))
    assert result.payback_month == payback


def test_cost_per_family_over_the_horizon() -> None:
    result = tco(
        make(6, [line("integration", 1000), line("integration", 500)], [line("vendor", 100)], 0)
    )
    assert result.by_family == {"integration": 1500, "vendor": 600}
    assert result.one_off_by_family == {"integration": 1500}
    assert result.monthly_by_family == {"vendor": 100}


@pytest.mark.parametrize(
    ("monthly", "expected"),
    [
        ([line("vendor", 300), line("infrastructure", 50), line("integration", 999)], 350),
        ([line("integration", 999), line("change_management", 10)], 0),
        ([], 0),
    ],
)
def test_monthly_model_cost_counts_vendor_and_infrastructure_per_month(
    monthly: list[dict[str, Any]], expected: float
) -> None:
    result = tco(make(12, [line("vendor", 5000)], monthly, None))
    assert result.monthly_model_cost == expected


@pytest.mark.parametrize(
    ("one_off", "monthly", "model_only"),
    [
        ([], [line("vendor", 1000), line("infrastructure", 200)], True),
        ([line("vendor", 5000)], [], True),
        ([line("integration", 1)], [line("vendor", 1000)], False),
        ([], [], False),
    ],
)
def test_model_cost_only_flag(
    one_off: list[dict[str, Any]], monthly: list[dict[str, Any]], model_only: bool
) -> None:
    assert tco(make(12, one_off, monthly, 1000)).model_cost_only is model_only


@given(
    horizon=st.integers(1, 60),
    one_off=st.integers(0, 200_000),
    monthly=st.integers(0, 20_000),
    annual_gain=st.integers(0, 500_000),
)
def test_payback_matches_a_month_by_month_simulation(
    horizon: int, one_off: int, monthly: int, annual_gain: int
) -> None:
    result = tco(
        make(horizon, [line("integration", one_off)], [line("vendor", monthly)], annual_gain)
    )
    expected = None
    if annual_gain > 0:
        for month in range(1, horizon + 1):
            if annual_gain * month / 12 >= one_off + monthly * month - 1e-6:
                expected = month
                break
    assert result.payback_month == expected


def test_portfolio_totals_by_category_and_wave() -> None:
    a = make(12, [line("integration", 10000)], [], 24000, id="UC-001")
    b = make(12, [], [line("vendor", 1000)], None, id="UC-002", category="foundation")
    c = make(6, [line("integration", 6000)], [], 12000, id="UC-003", plan={"wave": 2})
    stopped = make(12, [line("integration", 99999)], [], 0, id="UC-004", status="stopped")
    result = portfolio_tco([a, b, c, stopped])
    assert [i.usecase.id for i in result.items] == ["UC-001", "UC-002", "UC-003"]
    assert result.overall.total == 28000
    assert result.overall.gain == 24000 + 6000
    assert result.overall.gain_missing == 1
    assert result.by_category["quick_win"].total == 16000
    assert result.by_category["foundation"].total == 12000
    assert result.by_category["foundation"].non_vendor_share == 0
    assert result.by_wave[1].count == 2
    assert result.by_wave[2].total == 6000
    assert [i.usecase.id for i in result.model_cost_only] == ["UC-002"]
