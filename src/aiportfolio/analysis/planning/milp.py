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
- balance on counts: one integer column ``n_g`` per group with ``n_g = sum x`` over the
  group's columns, then two rows per target on the counts alone,
  ``n_g - (target-tol)% N >= 0`` and ``n_g - (target+tol)% N <= 0`` with ``N = sum n_g``
  the number of scheduled entries (no slack); each ``x`` sits in one balance row, not in
  every target's two (at 3,600 entries: 54,000 non-zeros instead of 105,000);
- symmetry breaking: interchangeable candidates (same group, weight, effort, cost, pilot,
  risk gate, prerequisites, none depending on them, not pinned) are ordered so that the
  first is scheduled no later than the second (unscheduled counts as after the last wave);
- objective: maximise ``sum weight_i * discount^(w-1) * x[i,w]``;
- warm start from the best greedy plan (``greedy.warm_start``, ``setSolution``), so the
  answer is never worse than greedy even when the time limit stops the search;
- the time limit counts from the call: building the model uses part of it, HiGHS gets the
  rest when that is enough to start a search (``SPEED_FACTOR``), else the warm start is
  the answer (``fallback``). Running out of time never reads as infeasible: without a plan
  found the status is ``unknown``, only HiGHS' proof gives ``infeasible``.

The model goes to HiGHS in three calls (columns, rows in compressed sparse row form, warm
start): at 3,600 entries, 10,000 columns and 54,000 non-zeros, building it takes a tenth
of a second of CPU.
"""

from __future__ import annotations

import itertools
import math
import os
import sys
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from aiportfolio.analysis.planning.constraints import wave_domains
from aiportfolio.analysis.planning.instance import EPS, Candidate, PlanningInstance, objective
from aiportfolio.analysis.planning.result import Fallback, SolverOutcome

MIN_SOLVE = 0.1
SPEED_FACTOR = 8.0
"""HiGHS is started only when the time left is at least ``MIN_SOLVE`` plus this many times
what building the model took (before building it: ``plan.FILL_FACTOR`` times what a greedy
fill took): its presolve alone walks the model several times over, and these times
measure this machine's speed right now (its load included). With less, the search
would stop before it improved on the warm start, and a presolve under way does not stop
at once: the plan would come late and no better."""
PRESOLVE_LIMIT = 10_000
"""On models of more than this many non-zeros HiGHS starts without presolve: on these plans
it takes seconds before any search starts and cuts little. 1,000 entries (15,600
non-zeros) spent 3.7 s of a 4 s limit in it and kept the warm start (48.26), without it
the first heuristic found 51.00 after 0.3 s; 3,600 entries (54,000 non-zeros, probing
already off) spent 0.6 to 2.7 s in it and found 64.25 after 1.8 to 6 s, without it 65.05
after 0.2 to 0.5 s, with a tighter bound. On smaller models it helps prove optimality.
(This replaces turning off its rule ``probing`` alone above 20,000 non-zeros.)

Nor does HiGHS run its root reduced-cost heuristic there: at 3,600 entries it does not
stop at the time limit (a 9.7 s budget ended after 13 to 16 s, three runs; without it
9.4 s, with the same plan, 65.05, and bound, 72.51)."""


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


@dataclass
class Model:
    """The integer program in HiGHS' arrays: one binary column per (candidate, allowed
    wave), then one count column per balance group (with a balance target only), and the
    rows in compressed sparse row form, built in one pass and handed over in one call."""

    columns: list[tuple[str, int]]
    groups: list[str]
    cost: list[float]
    lower: list[float]
    starts: list[int] = field(default_factory=list)
    index: list[int] = field(default_factory=list)
    value: list[float] = field(default_factory=list)
    row_lower: list[float] = field(default_factory=list)
    row_upper: list[float] = field(default_factory=list)

    def row(self, lo: float, hi: float, entries: Iterable[tuple[int, float]]) -> None:
        """Add ``lo <= sum value * x[index] <= hi`` (entries on one column are summed)."""
        merged: dict[int, float] = {}
        for i, v in entries:
            merged[i] = merged.get(i, 0.0) + v
        items = [(i, v) for i, v in merged.items() if v != 0]
        if not items:
            return
        self.starts.append(len(self.index))
        self.index.extend(i for i, _ in items)
        self.value.extend(v for _, v in items)
        self.row_lower.append(lo)
        self.row_upper.append(hi)

    @property
    def size(self) -> int:
        """Non-zero coefficients: what presolve and every LP iteration walk through."""
        return len(self.index)


def build_model(instance: PlanningInstance, domains: dict[str, list[int]]) -> Model:
    """The integer program of ``instance`` (module docstring), candidates restricted to
    ``domains``."""
    columns: list[tuple[str, int]] = []
    column_of: dict[tuple[str, int], int] = {}
    cost: list[float] = []
    lower: list[float] = []
    for c in instance.candidates:
        for w in domains[c.id]:
            column_of[(c.id, w)] = len(columns)
            columns.append((c.id, w))
            cost.append(c.weight * instance.factor(w))
            lower.append(1.0 if c.pinned_wave == w else 0.0)
    groups = sorted({t.group for t in instance.balance} | {c.group for c in instance.candidates})
    model = Model(columns, groups if instance.balance else [], cost, lower)
    inf = math.inf
    by_wave: dict[int, list[tuple[Candidate, int]]] = defaultdict(list)
    for c in instance.candidates:
        own = [column_of[(c.id, w)] for w in domains[c.id]]
        if len(own) > 1:
            model.row(-inf, 1.0, ((i, 1.0) for i in own))
        for w in domains[c.id]:
            by_wave[w].append((c, column_of[(c.id, w)]))
    for slot in instance.waves:
        members = by_wave.get(slot.id, [])
        if not members:
            continue
        if slot.person_weeks is not None:
            model.row(-inf, slot.person_weeks, ((i, c.effort) for c, i in members))
        if slot.budget_eur is not None:
            model.row(-inf, slot.budget_eur, ((i, c.budget) for c, i in members))
        pilots = [(i, 1.0) for c, i in members if c.pilot]
        if len(pilots) > slot.max_pilots:
            model.row(-inf, float(slot.max_pilots), pilots)
    for c in instance.candidates:
        own = domains[c.id]
        for dep in c.depends_on:
            dep_waves = domains.get(dep, [])
            for w in own:
                entries = [(column_of[(c.id, v)], 1.0) for v in own if v <= w]
                entries += [(column_of[(dep, v)], -1.0) for v in dep_waves if v < w]
                model.row(-inf, 0.0, entries)
    if instance.balance:
        # n_g = sum of the group's columns; the shares then read on the counts alone, so
        # each column sits in one balance row instead of one per target and bound.
        count = {g: len(columns) + k for k, g in enumerate(model.groups)}
        members_of: dict[str, list[int]] = defaultdict(list)
        for i, (cid, _) in enumerate(columns):
            members_of[instance.candidate(cid).group].append(i)
        for g in model.groups:
            model.row(0.0, 0.0, [(count[g], 1.0)] + [(i, -1.0) for i in members_of[g]])
        every = [(count[g], 1.0) for g in model.groups]
        for target in instance.balance:
            own_count = (count[target.group], 1.0)
            low = (target.target - target.tolerance) / 100
            high = (target.target + target.tolerance) / 100
            if low > 0:
                model.row(0.0, inf, [own_count] + [(i, -low * v) for i, v in every])
            if high < 1:
                model.row(-inf, 0.0, [own_count] + [(i, -high * v) for i, v in every])
    _symmetry_rows(instance, domains, column_of, model)
    return model


def solve_exact(
    instance: PlanningInstance,
    time_limit: float,
    warm_start: dict[str, int | None] | None,
    *,
    mip_gap: float | None = None,
    needed: float = MIN_SOLVE,
) -> SolverOutcome:
    """Solve ``instance`` within ``time_limit`` seconds from this call. ``needed``: the
    least time worth starting HiGHS with (below it, without importing it or building the
    model, the answer is ``warm_start``; ``plan_usecases`` estimates it from the greedy
    fill)."""
    started = time.perf_counter()
    domains = wave_domains(instance)
    empty: dict[str, int | None] = {c.id: None for c in instance.candidates}
    for c in instance.candidates:
        if c.pinned_wave is not None and not domains[c.id]:
            return SolverOutcome(empty, "infeasible", 0.0, None, time.perf_counter() - started)
    if not any(domains.values()):
        return SolverOutcome(empty, "empty", 0.0, 0.0, time.perf_counter() - started)
    if time_limit < needed:  # spent, or too little left to build the model and search
        elapsed = time.perf_counter() - started
        seconds = (max(time_limit, 0.0), needed)
        return _out_of_time(instance, warm_start, empty, elapsed, "no_time", seconds)

    import highspy
    import numpy as np  # with highspy only: 0.1 s of start-up the fallback does not need

    building = time.perf_counter()
    model = build_model(instance, domains)
    building = time.perf_counter() - building
    columns = model.columns
    n = len(columns)
    total = n + len(model.groups)
    highs = _quiet_highs()
    if mip_gap is not None:
        highs.setOptionValue("mip_rel_gap", float(mip_gap))
    if model.size > PRESOLVE_LIMIT:
        highs.setOptionValue("presolve", "off")
        highs.setOptionValue("mip_heuristic_run_root_reduced_cost", False)
    inf = highs.getInfinity()
    highs.addCols(
        total,
        np.array(model.cost + [0.0] * len(model.groups)),
        np.array(model.lower + [0.0] * len(model.groups)),
        np.array([1.0] * n + [inf] * len(model.groups)),
        0,
        np.zeros(0, np.int32),
        np.zeros(0, np.int32),
        np.zeros(0),
    )
    highs.changeColsIntegrality(
        total, np.arange(total, dtype=np.int32), np.full(total, highspy.HighsVarType.kInteger)
    )
    highs.changeObjectiveSense(highspy.ObjSense.kMaximize)
    if model.starts:
        highs.addRows(
            len(model.starts),
            np.array(model.row_lower),
            np.array(model.row_upper),
            model.size,
            np.array(model.starts, dtype=np.int32),
            np.array(model.index, dtype=np.int32),
            np.array(model.value),
        )
    if warm_start is not None:
        values = np.zeros(total)
        counts = dict.fromkeys(model.groups, 0)
        for index, (cid, w) in enumerate(columns):
            if warm_start.get(cid) == w:
                values[index] = 1.0
                group = instance.candidate(cid).group
                if group in counts:
                    counts[group] += 1
        for k, g in enumerate(model.groups):
            values[n + k] = counts[g]
        highs.setSolution(total, np.arange(total, dtype=np.int32), values)
    # The limit covers building the model too: HiGHS gets what is left of it, if that is
    # enough for a search to start at all.
    left = time_limit - (time.perf_counter() - started)
    needed = max(needed, MIN_SOLVE + SPEED_FACTOR * building)
    if left < needed:
        elapsed = time.perf_counter() - started
        return _out_of_time(
            instance, warm_start, empty, elapsed, "no_time", (max(left, 0.0), needed)
        )
    highs.setOptionValue("time_limit", float(left))
    highs.run()
    status = highs.getModelStatus()
    info = highs.getInfo()
    elapsed = time.perf_counter() - started
    model_status = highspy.HighsModelStatus
    if status == model_status.kInfeasible:
        return SolverOutcome(empty, "infeasible", 0.0, None, elapsed)
    solution = highs.getSolution()
    has_solution = info.primal_solution_status == 2  # kSolutionStatusFeasible
    if not has_solution:
        if status == model_status.kOptimal:  # pragma: no cover - optimal always has a solution
            return SolverOutcome(empty, "infeasible", 0.0, None, elapsed)
        return _out_of_time(instance, warm_start, empty, elapsed, "no_better", (left, needed))
    chosen = dict(empty)
    values_found = solution.col_value
    for index in range(n):
        if values_found[index] > 0.5:
            cid, w = columns[index]
            chosen[cid] = w
    value = objective(instance, chosen)
    bound = float(info.mip_dual_bound)
    bound = max(bound, value) if math.isfinite(bound) else None  # type: ignore[assignment]
    if status == model_status.kOptimal:
        return SolverOutcome(chosen, "optimal", value, bound, elapsed)
    kept = warm_start is not None and value <= objective(instance, warm_start) + EPS
    return SolverOutcome(
        chosen, "time_limit", value, bound, elapsed, "no_better" if kept else None, (left, needed)
    )


def _out_of_time(
    instance: PlanningInstance,
    warm_start: dict[str, int | None] | None,
    empty: dict[str, int | None],
    elapsed: float,
    fallback: Fallback,
    seconds: tuple[float, float],
) -> SolverOutcome:
    """The time limit left too little to start HiGHS (``no_time``) or ran out before it
    found a plan (``no_better``); ``seconds``: what HiGHS had, what it needed. The warm
    start when there is one, else "unknown" (no plan found, but no proof that none exists
    either)."""
    if warm_start is not None:
        value = objective(instance, warm_start)
        return SolverOutcome(
            dict(warm_start), "time_limit", value, None, elapsed, fallback, seconds
        )
    return SolverOutcome(empty, "unknown", 0.0, None, elapsed, fallback, seconds)


def _symmetry_rows(
    instance: PlanningInstance,
    domains: dict[str, list[int]],
    column_of: dict[tuple[str, int], int],
    model: Model,
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
            model.row(-math.inf, 0.0, entries)
