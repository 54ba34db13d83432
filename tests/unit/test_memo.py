"""domain.memo: per-run memoisation keyed by argument identity."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from aiportfolio.domain.memo import one_run, per_run

calls: list[object] = []


@dataclass(frozen=True)
class Box:
    n: int


@per_run
def double(box: Box) -> int:
    calls.append(box)
    return box.n * 2


def test_outside_a_run_nothing_is_kept() -> None:
    calls.clear()
    box = Box(1)
    assert double(box) == 2
    assert double(box) == 2
    assert len(calls) == 2


def test_inside_a_run_each_object_is_computed_once() -> None:
    calls.clear()
    a, b = Box(1), Box(1)
    with one_run():
        assert double(a) == 2
        assert double(a) == 2
        assert double(b) == 2  # equal but not the same object: computed again
    assert calls == [a, b]
    assert calls[0] is a and calls[1] is b


def test_results_are_forgotten_after_the_run() -> None:
    calls.clear()
    box = Box(3)
    with one_run():
        double(box)
    with one_run():
        double(box)
    assert len(calls) == 2


def test_nested_runs_share_the_outer_store() -> None:
    calls.clear()
    box = Box(4)
    with one_run():
        double(box)
        with one_run():
            double(box)
        double(box)
    assert len(calls) == 1


def test_the_report_computes_each_entrys_tco_and_kpis_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The report's engines (balance, TCO, dashboard, doctor, agenda) each ask for an
    entry's TCO and KPI statuses: inside the report's run they are computed once."""
    import datetime as dt

    from aiportfolio.analysis import tco as tco_module
    from aiportfolio.analysis.report import build_report
    from aiportfolio.domain import kpis
    from aiportfolio.register.loader import load_register
    from aiptest import REPO_ROOT

    register = load_register(REPO_ROOT)
    made: list[str] = []
    statuses: list[tuple[str, str]] = []
    real_tco, real_status = tco_module.Tco, kpis.kpi_status

    def counted_tco(**fields: Any) -> Any:
        made.append(fields["usecase"].id)
        return real_tco(**fields)

    def counted_status(usecase: Any, kpi: Any, today: dt.date, cadence: int) -> Any:
        statuses.append((usecase.id, kpi.name))
        return real_status(usecase, kpi, today, cadence)

    monkeypatch.setattr(tco_module, "Tco", counted_tco)
    monkeypatch.setattr(kpis, "kpi_status", counted_status)
    data = build_report(register, dt.date(2026, 11, 26))
    active = [uc for uc in register.usecases if uc.active]
    assert sorted(made) == sorted(uc.id for uc in active)
    assert [i.usecase.id for i in data.tco.items] == [uc.id for uc in active]
    # Each KPI once for the entry's statuses, and the North Star once more at most (the
    # triage and the agenda ask for it alone).
    assert len(statuses) <= sum(len(uc.kpis) + 1 for uc in register.usecases)
    assert len(statuses) >= sum(len(uc.kpis) for uc in active if uc.kpis)


def test_outside_a_run_tco_and_kpis_are_computed_each_time() -> None:
    import datetime as dt

    from aiportfolio.analysis.tco import tco
    from aiportfolio.domain.kpis import usecase_kpis
    from aiportfolio.register.loader import load_register
    from aiptest import REPO_ROOT

    uc = load_register(REPO_ROOT).usecases[0]
    today = dt.date(2026, 11, 26)
    assert tco(uc) == tco(uc) and tco(uc) is not tco(uc)
    assert usecase_kpis(uc, today, 30) is not usecase_kpis(uc, today, 30)
    with one_run():
        assert tco(uc) is tco(uc)
        assert usecase_kpis(uc, today, 30) is usecase_kpis(uc, today, 30)
