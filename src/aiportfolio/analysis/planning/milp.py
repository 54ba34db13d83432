"""The exact strategy of ``aip plan``: a 0-1 integer program solved by HiGHS (highspy).

Formulation (docs/planning.md, docs/decisions/0001-highspy.md):

- one binary ``x[i,w]`` per candidate and *allowed* wave only (``wave_domains``: pinned
  entries get their wave with both bounds at 1; risk gate, closed waves, the earliest
  wave reachable through dependencies and the waves after an AI Act deadline are cut out
  before the solver sees them);
- ``sum_w x[i,w] <= 1``;
- per wave: effort <= person-weeks, one-off cost <= budget, pilots <= max parallel pilots;
- dependencies in cumulative form, ``sum_{w'<=w} x[j,w'] <= sum_{w'<w} x[i,w']`` for every
  wave ``w`` of the dependant: stronger than the textbook ``x[j,w] <= sum_{w'<w} x[i,w']``
  (same integer points, tighter relaxation);
- balance on counts, two rows per group: ``n_g - (target-tol)% N >= 0`` and
  ``n_g - (target+tol)% N <= 0`` with ``N`` the number of scheduled entries (no slack);
- symmetry breaking: interchangeable candidates (same group, weight, effort, cost, pilot,
  risk gate, prerequisites, none depending on them, not pinned) are ordered so that the
  first is scheduled no later than the second (unscheduled counts as after the last wave);
- objective: maximise ``sum weight_i * discount^(w-1) * x[i,w]``;
- warm start from the greedy plan (``setSolution``), so the answer is never worse than
  greedy even when the time limit stops the search;
- the time limit counts from the call: building the model uses part of it, HiGHS gets the
  rest. Running out of time never reads as infeasible: without a plan found the status is
  ``unknown``, only HiGHS' proof gives ``infeasible``.
"""

from __future__ import annotations

import itertools
import os
import sys
import time
from collections import defaultdict
from typing import Any

from aiportfolio.analysis.planning.constraints import wave_domains
from aiportfolio.analysis.planning.instance import PlanningInstance, objective
from aiportfolio.analysis.planning.result import SolverOutcome


def _quiet_highs() -> Any:
    """A silent ``highspy.Highs``: its constructor prints a banner on the C-level stdout,
    which would corrupt ``--format json``; stdout is pointed at /dev/null meanwhile."""
    import highspy

    sys.stdout.flush()
    try:
        saved = os.dup(1)
    except OSError:  # pragma: no cover - no file descriptor 1
        highs = highspy.Highs()  # type: ignore[no-untyped-call]
        highs.setOptionValue("output_flag", False)
        return highs
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 1)
        highs = highspy.Highs()  # type: ignore[no-untyped-call]
        highs.setOptionValue("output_flag", False)
    finally:
        os.dup2(saved, 1)
        os.close(saved)
        os.close(devnull)
    return highs


def solve_exact(
    instance: PlanningInstance,
    time_limit: float,
    warm_start: dict[str, int | None] | None,
    *,
    mip_gap: float | None = None,
) -> SolverOutcome:
    import numpy as np

    started = time.perf_counter()
    domains = wave_domains(instance)
    columns: list[tuple[str, int]] = []
    column_of: dict[tuple[str, int], int] = {}
    for c in instance.candidates:
        for w in domains[c.id]:
            column_of[(c.id, w)] = len(columns)
            columns.append((c.id, w))
    empty: dict[str, int | None] = {c.id: None for c in instance.candidates}
    for c in instance.candidates:
        if c.pinned_wave is not None and not domains[c.id]:
            return SolverOutcome(empty, "infeasible", 0.0, None, time.perf_counter() - started)
    if not columns:
        return SolverOutcome(empty, "empty", 0.0, 0.0, time.perf_counter() - started)
    if time_limit <= 0:  # spent before the model is even built
        return _out_of_time(instance, warm_start, empty, time.perf_counter() - started)

    import highspy

    highs = _quiet_highs()
    if mip_gap is not None:
        highs.setOptionValue("mip_rel_gap", float(mip_gap))
    n = len(columns)
    cost = np.array(
        [instance.candidate(cid).weight * instance.factor(w) for cid, w in columns], dtype=float
    )
    lower = np.array(
        [1.0 if instance.candidate(cid).pinned_wave == w else 0.0 for cid, w in columns]
    )
    upper = np.ones(n)
    highs.addCols(n, cost, lower, upper, 0, np.zeros(0, np.int32), np.zeros(0, np.int32), [])
    highs.changeColsIntegrality(
        n, np.arange(n, dtype=np.int32), np.full(n, highspy.HighsVarType.kInteger)
    )
    highs.changeObjectiveSense(highspy.ObjSense.kMaximize)
    inf = highs.getInfinity()

    def row(lo: float, hi: float, entries: list[tuple[int, float]]) -> None:
        merged: dict[int, float] = defaultdict(float)
        for index, value in entries:
            merged[index] += value
        items = [(i, v) for i, v in merged.items() if v != 0]
        if not items:
            return
        idx = np.array([i for i, _ in items], dtype=np.int32)
        val = np.array([v for _, v in items], dtype=float)
        highs.addRow(lo, hi, len(items), idx, val)

    by_candidate: dict[str, list[int]] = defaultdict(list)
    by_wave: dict[int, list[int]] = defaultdict(list)
    for index, (cid, w) in enumerate(columns):
        by_candidate[cid].append(index)
        by_wave[w].append(index)
    for indices in by_candidate.values():
        if len(indices) > 1:
            row(-inf, 1.0, [(i, 1.0) for i in indices])
    for slot in instance.waves:
        members = by_wave.get(slot.id, [])
        if not members:
            continue
        if slot.person_weeks is not None:
            row(
                -inf,
                slot.person_weeks,
                [(i, instance.candidate(columns[i][0]).effort) for i in members],
            )
        if slot.budget_eur is not None:
            row(
                -inf,
                slot.budget_eur,
                [(i, instance.candidate(columns[i][0]).budget) for i in members],
            )
        pilots = [(i, 1.0) for i in members if instance.candidate(columns[i][0]).pilot]
        if len(pilots) > slot.max_pilots:
            row(-inf, float(slot.max_pilots), pilots)
    for c in instance.candidates:
        own = domains[c.id]
        for dep in c.depends_on:
            dep_waves = domains.get(dep, [])
            for w in own:
                entries = [(column_of[(c.id, v)], 1.0) for v in own if v <= w]
                entries += [(column_of[(dep, v)], -1.0) for v in dep_waves if v < w]
                row(-inf, 0.0, entries)
    if instance.balance:
        every = [(i, 1.0) for i in range(n)]
        for target in instance.balance:
            members = [
                i for i in range(n) if instance.candidate(columns[i][0]).group == target.group
            ]
            low = (target.target - target.tolerance) / 100
            high = (target.target + target.tolerance) / 100
            if low > 0:
                row(0.0, inf, [(i, 1.0) for i in members] + [(i, -low * v) for i, v in every])
            if high < 1:
                row(-inf, 0.0, [(i, 1.0) for i in members] + [(i, -high * v) for i, v in every])
    _symmetry_rows(instance, domains, column_of, row, inf)

    if warm_start is not None:
        values = np.zeros(n)
        for index, (cid, w) in enumerate(columns):
            if warm_start.get(cid) == w:
                values[index] = 1.0
        highs.setSolution(n, np.arange(n, dtype=np.int32), values)
    # The limit covers building the model too: HiGHS gets what is left of it.
    left = time_limit - (time.perf_counter() - started)
    if left <= 0:
        return _out_of_time(instance, warm_start, empty, time.perf_counter() - started)
    highs.setOptionValue("time_limit", float(left))
    highs.run()
    status = highs.getModelStatus()
    info = highs.getInfo()
    elapsed = time.perf_counter() - started
    model = highspy.HighsModelStatus
    if status == model.kInfeasible:
        return SolverOutcome(empty, "infeasible", 0.0, None, elapsed)
    solution = highs.getSolution()
    has_solution = info.primal_solution_status == 2  # kSolutionStatusFeasible
    if not has_solution:
        if status == model.kOptimal:  # pragma: no cover - optimal always has a solution
            return SolverOutcome(empty, "infeasible", 0.0, None, elapsed)
        return _out_of_time(instance, warm_start, empty, elapsed)
    chosen = dict(empty)
    for index, x in enumerate(solution.col_value):
        if x > 0.5:
            cid, w = columns[index]
            chosen[cid] = w
    value = objective(instance, chosen)
    bound = float(info.mip_dual_bound)
    if status == model.kOptimal:
        return SolverOutcome(chosen, "optimal", value, max(bound, value), elapsed)
    return SolverOutcome(chosen, "time_limit", value, max(bound, value), elapsed)


def _out_of_time(
    instance: PlanningInstance,
    warm_start: dict[str, int | None] | None,
    empty: dict[str, int | None],
    elapsed: float,
) -> SolverOutcome:
    """The time limit ran out before HiGHS found a plan: the warm start when there is one,
    else "unknown" (no plan found, but no proof that none exists either)."""
    if warm_start is not None:
        value = objective(instance, warm_start)
        return SolverOutcome(dict(warm_start), "time_limit", value, None, elapsed)
    return SolverOutcome(empty, "unknown", 0.0, None, elapsed)


def _symmetry_rows(
    instance: PlanningInstance,
    domains: dict[str, list[int]],
    column_of: dict[tuple[str, int], int],
    row: Any,
    inf: float,
) -> None:
    """Order interchangeable candidates: swapping two of them changes neither feasibility
    nor the objective, so requiring the first to be no later than the second keeps one
    optimum out of each pair of mirror images."""
    needed = {d for c in instance.candidates for d in c.depends_on}
    classes: dict[tuple[Any, ...], list[str]] = defaultdict(list)
    for c in instance.candidates:
        if c.pinned_wave is not None or c.id in needed:
            continue
        key = (
            c.group,
            round(c.weight, 9),
            round(c.effort, 9),
            round(c.budget, 9),
            c.pilot,
            c.risk_gated,
            tuple(sorted(c.depends_on)),
            tuple(domains[c.id]),
        )
        classes[key].append(c.id)
    after_last = len(instance.waves)
    position = {w.id: i for i, w in enumerate(instance.waves)}
    for members in classes.values():
        for first, second in itertools.pairwise(members):
            # position(first) <= position(second), unscheduled = after_last:
            # sum (pos - after_last) x[first] - sum (pos - after_last) x[second] <= 0
            entries = [
                (column_of[(first, w)], float(position[w] - after_last)) for w in domains[first]
            ]
            entries += [
                (column_of[(second, w)], float(after_last - position[w])) for w in domains[second]
            ]
            row(-inf, 0.0, entries)
