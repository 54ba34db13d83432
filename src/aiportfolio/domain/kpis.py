"""KPI status as of a date: latest measurement, progress toward the target, trend and
staleness (docs/method.md §7).

Conventions (documented in ``docs/steering.md``):

- Only measurements dated on or before ``today`` count, so ``--date`` replays the past.
- Progress = (latest - baseline) / (target - baseline): 0 at the baseline, 1 (100 %) at the
  target, negative when worse than the baseline, above 1 beyond the target. The formula is
  direction-aware by construction (a lower target makes both terms negative); when the
  target equals the baseline (hold a level), progress is 1 if the latest measurement is at
  the target or better in the KPI's direction (``Kpi.lower_is_better``), else 0. ``None``
  without baseline, target or measurement.
- A zero baseline is an ordinary value for progress; only a relative change against the
  baseline (``change_vs_baseline``) is undefined (``None``) when the baseline is zero.
- Trend over the last ``TREND_WINDOW`` measurements: the last value against the first of the
  window, read in the KPI's direction: ``improving``, ``worsening`` or ``flat``; ``None``
  with fewer than two measurements.
- Stale: no measurement in the last ``cadence_days`` days (the monthly review cadence,
  ``rituals.monthly_days``), including never measured.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from aiportfolio.domain.memo import per_run
from aiportfolio.model.usecase import Kpi, Measurement, UseCase

TREND_WINDOW = 2
"""How many of the latest measurements the trend looks at: the last step, so a KPI that
just got worse reads "worsening" even if it is still better than three months ago (that is
the progress toward the target, a separate figure)."""
HISTORY_WINDOW = 3
"""How many of the latest measurements a drift (cost rising, adoption falling) is shown
over."""
SPARK_WINDOW = 8
"""How many of the latest measurements a sparkline shows."""
SPARKS = "▁▂▃▄▅▆▇█"

Trend = Literal["improving", "worsening", "flat"]


def measurements_until(kpi: Kpi, today: dt.date) -> list[Measurement]:
    """Measurements dated on or before ``today``, oldest first."""
    return sorted((m for m in kpi.measurements if m.date <= today), key=lambda m: m.date)


def progress(kpi: Kpi, latest: float | None) -> float | None:
    """How far ``latest`` went from the baseline toward the target (see module docstring)."""
    if latest is None or kpi.baseline is None or kpi.target is None:
        return None
    span = kpi.target - kpi.baseline
    if span == 0:
        reached = latest <= kpi.target if kpi.lower_is_better else latest >= kpi.target
        return 1.0 if reached else 0.0
    return (latest - kpi.baseline) / span


def change_vs_baseline(kpi: Kpi, latest: float | None) -> float | None:
    """Relative change of ``latest`` against the baseline, signed so that positive means
    better; None with no baseline, a zero baseline or no measurement."""
    if latest is None or kpi.baseline is None or kpi.baseline == 0:
        return None
    change = (latest - kpi.baseline) / abs(kpi.baseline)
    return -change if kpi.lower_is_better else change


def trend(kpi: Kpi, values: Sequence[float]) -> Trend | None:
    window = list(values)[-TREND_WINDOW:]
    if len(window) < 2:
        return None
    delta = window[-1] - window[0]
    if delta == 0:
        return "flat"
    better = delta < 0 if kpi.lower_is_better else delta > 0
    return "improving" if better else "worsening"


def sparkline(values: Sequence[float]) -> str:
    """A one-line chart of the last ``SPARK_WINDOW`` values (empty with no value)."""
    window = list(values)[-SPARK_WINDOW:]
    if not window:
        return ""
    low, high = min(window), max(window)
    if high == low:
        return SPARKS[3] * len(window)
    return "".join(SPARKS[round((v - low) / (high - low) * (len(SPARKS) - 1))] for v in window)


@dataclass(frozen=True)
class KpiStatus:
    usecase: UseCase
    kpi: Kpi
    values: tuple[float, ...]
    """Measured values up to the date, oldest first."""
    latest: Measurement | None
    progress: float | None
    change: float | None
    """Relative change against the baseline, positive when better (None: zero baseline)."""
    trend: Trend | None
    age_days: int | None
    """Days since the latest measurement (None: never measured)."""
    stale: bool

    @property
    def level(self) -> str:
        return self.kpi.level

    @property
    def reached(self) -> bool:
        return self.progress is not None and self.progress >= 1

    @property
    def sparkline(self) -> str:
        return sparkline(self.values)


def kpi_status(usecase: UseCase, kpi: Kpi, today: dt.date, cadence_days: int) -> KpiStatus:
    measured = measurements_until(kpi, today)
    latest = measured[-1] if measured else None
    value = latest.value if latest else None
    age = (today - latest.date).days if latest else None
    return KpiStatus(
        usecase=usecase,
        kpi=kpi,
        values=tuple(m.value for m in measured),
        latest=latest,
        progress=progress(kpi, value),
        change=change_vs_baseline(kpi, value),
        trend=trend(kpi, [m.value for m in measured]),
        age_days=age,
        stale=age is None or age > cadence_days,
    )


@per_run
def usecase_kpis(usecase: UseCase, today: dt.date, cadence_days: int) -> tuple[KpiStatus, ...]:
    """The status of each of the entry's KPIs (computed once per entry, date and cadence
    inside ``memo.one_run``: the dashboard, the doctor and the agenda each ask for them)."""
    return tuple(kpi_status(usecase, k, today, cadence_days) for k in usecase.kpis)


def north_star_status(usecase: UseCase, today: dt.date, cadence_days: int) -> KpiStatus | None:
    kpi = usecase.north_star
    return None if kpi is None else kpi_status(usecase, kpi, today, cadence_days)


def has_measurement(usecase: UseCase, today: dt.date) -> bool:
    """At least one KPI with a baseline and a measurement dated on or before ``today``."""
    return any(k.baseline is not None and measurements_until(k, today) for k in usecase.kpis)


_MONEY_UNITS = ("€", "eur", "euro", "euros")


def is_variable_cost(kpi: Kpi) -> bool:
    """A quality & guardrails KPI counted in money (unit with € / EUR): the variable cost
    docs/method.md §7 lists under guardrails (API, tokens, infrastructure)."""
    if kpi.level != "quality" or kpi.unit is None:
        return False
    unit = kpi.unit.lower()
    return "€" in unit or any(word in _MONEY_UNITS for word in unit.replace("/", " ").split())
