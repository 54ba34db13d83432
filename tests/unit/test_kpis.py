"""KPI progress, trend and staleness computed by hand (METHOD.md §7)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from aiportfolio.domain.kpis import is_variable_cost, kpi_status, sparkline
from aiportfolio.model.usecase import Kpi, UseCase
from aiptest import usecase

TODAY = dt.date(2026, 11, 26)
CADENCE = 30


def kpi(
    baseline: float | None,
    target: float | None,
    values: list[tuple[str, float]] = (),  # type: ignore[assignment]
    **extra: Any,
) -> Kpi:
    data: dict[str, Any] = {"name": "k", "level": "impact", **extra}
    if baseline is not None:
        data["baseline"] = baseline
    if target is not None:
        data["target"] = target
    data["measurements"] = [{"date": d, "value": v} for d, v in values]
    return Kpi.model_validate(data)


UC = UseCase.model_validate(usecase())

# fmt: off
PROGRESS = [
    # baseline, target, measurements, extra fields -> progress, change vs baseline
    pytest.param(40, 80, [("2026-10-01", 50), ("2026-11-01", 60)], {}, 0.5, 0.5,
                 id="higher is better, halfway"),
    pytest.param(48, 8, [("2026-11-01", 28)], {}, 0.5, 20 / 48,
                 id="lower is better (inferred from target), halfway"),
    pytest.param(10, 5, [("2026-11-01", 12)], {"direction": "lower_is_better"}, -0.4, -0.2,
                 id="lower is better, worse than baseline"),
    pytest.param(100, 50, [("2026-11-01", 40)], {}, 1.2, 0.6,
                 id="beyond the target"),
    pytest.param(48, 8, [], {}, None, None,
                 id="no measurement"),
    pytest.param(0, 200, [("2026-11-01", 50)], {}, 0.25, None,
                 id="zero baseline: progress defined, relative change not"),
    pytest.param(None, 8, [("2026-11-01", 20)], {}, None, None,
                 id="no baseline"),
    pytest.param(48, None, [("2026-11-01", 20)], {}, None, -28 / 48,
                 id="no target and no direction: higher is better, change only"),
    pytest.param(2, 2, [("2026-11-01", 1)], {"direction": "lower_is_better"}, 1.0, 0.5,
                 id="hold a level (target = baseline), held"),
    pytest.param(2, 2, [("2026-11-01", 3)], {"direction": "lower_is_better"}, 0.0, -0.5,
                 id="hold a level (target = baseline), missed"),
    pytest.param(48, 8, [("2026-10-01", 30), ("2026-12-01", 10)], {}, 0.45, 18 / 48,
                 id="measurement after the date is ignored"),
]
# fmt: on


@pytest.mark.parametrize(("baseline", "target", "values", "extra", "expected", "change"), PROGRESS)
def test_progress_by_hand(
    baseline: float | None,
    target: float | None,
    values: list[tuple[str, float]],
    extra: dict[str, Any],
    expected: float | None,
    change: float | None,
) -> None:
    status = kpi_status(UC, kpi(baseline, target, values, **extra), TODAY, CADENCE)
    assert status.progress == (None if expected is None else pytest.approx(expected))
    assert status.change == (None if change is None else pytest.approx(change))


@pytest.mark.parametrize(
    ("baseline", "target", "values", "expected"),
    [
        (48, 8, [30, 25, 20], "improving"),
        (48, 8, [20, 25, 30], "worsening"),
        (10, 50, [5, 4], "worsening"),
        (10, 50, [4, 9, 9], "flat"),
        (10, 50, [1, 2, 3, 2], "worsening"),  # the last step counts: 3 -> 2
        # lower is better, 2.0 -> 1.7 -> 1.8: still better than at first, but the last
        # step went the wrong way (the UC-014 case)
        (2.5, 1.0, [2.0, 1.7, 1.8], "worsening"),
        (10, 50, [7], None),
        (10, 50, [], None),
    ],
)
def test_trend_reads_the_direction(
    baseline: float, target: float, values: list[float], expected: str | None
) -> None:
    dates = [(dt.date(2026, 1, 1) + dt.timedelta(days=30 * i)).isoformat() for i in range(9)]
    status = kpi_status(
        UC, kpi(baseline, target, list(zip(dates, values, strict=False))), TODAY, CADENCE
    )
    assert status.trend == expected


@pytest.mark.parametrize(
    ("latest", "age", "stale"),
    [
        ("2026-11-26", 0, False),
        ("2026-10-27", 30, False),
        ("2026-10-26", 31, True),
        (None, None, True),
    ],
)
def test_staleness_against_the_monthly_cadence(
    latest: str | None, age: int | None, stale: bool
) -> None:
    values = [("2026-06-01", 40.0)] if latest else []
    if latest:
        values.append((latest, 30.0))
    status = kpi_status(UC, kpi(48, 8, values), TODAY, CADENCE)
    assert (status.age_days, status.stale) == (age, stale)


def test_sparkline_scales_between_min_and_max() -> None:
    assert sparkline([1, 2, 3, 4, 5, 6, 7, 8]) == "▁▂▃▄▅▆▇█"
    assert sparkline([5, 5]) == "▄▄"
    assert sparkline([]) == ""


@pytest.mark.parametrize(
    ("level", "unit", "expected"),
    [
        ("quality", "€/mois", True),
        ("quality", "EUR per month", True),
        ("quality", "k€", True),
        ("quality", "minutes", False),
        ("impact", "€", False),
        ("quality", None, False),
    ],
)
def test_variable_cost_kpis_are_quality_kpis_in_money(
    level: str, unit: str | None, expected: bool
) -> None:
    data: dict[str, Any] = {"name": "k", "level": level}
    if unit:
        data["unit"] = unit
    assert is_variable_cost(Kpi.model_validate(data)) is expected
