"""Benchmark of ``aip plan``'s exact strategy (HiGHS) against the greedy baseline.

Usage:
    python benchmarks/bench_plan.py                 # all three studies below
    python benchmarks/bench_plan.py --study small   # 50 entries x 4 waves, proven optimal
    python benchmarks/bench_plan.py --study large   # 200 entries x 4 waves, 10 s limit
    python benchmarks/bench_plan.py --study gain    # exact vs greedy on 100 instances of 50
    python benchmarks/bench_plan.py --study register  # end to end on a generated register
    python benchmarks/bench_plan.py --study wall --entries 3600 --time-limit 2
        # aip plan in a fresh process on a plannable generated register: total wall
        # against the time limit (goal: at most limit + 1 s), cold and with a warm cache,
        # then again after `aip check` (the gate verdicts read from its cache)

Random instances are knapsack-like: each wave has a person-week capacity and a one-off
budget of about a third of what all candidates would need, 2 pilots per wave, about 20%
of entries depend on an earlier one, ~15% sit behind the risk gate, and the 60/20/20
balance target (± 10 points) is enforced.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from aiportfolio.analysis.planning.constraints import violations
from aiportfolio.analysis.planning.greedy import greedy_assignment
from aiportfolio.analysis.planning.instance import (
    BalanceTarget,
    Candidate,
    PlanningInstance,
    WaveSlot,
    objective,
)
from aiportfolio.analysis.planning.milp import solve_exact

GROUPS = ["quick_wins"] * 6 + ["foundations"] * 2 + ["differentiation_compliance"] * 2
BALANCE = (
    BalanceTarget("quick_wins", 60, 10),
    BalanceTarget("foundations", 20, 10),
    BalanceTarget("differentiation_compliance", 20, 10),
)


def random_instance(
    n: int, waves: int, seed: int, pilots: int = 2, pilot_share: float = 5 / 6
) -> PlanningInstance:
    rng = random.Random(seed)
    candidates = []
    for i in range(n):
        deps: tuple[str, ...] = ()
        if i > 3 and rng.random() < 0.2:
            deps = (f"UC-{rng.randrange(i):03d}",)
        # Scores are weighted means of 1-5 integer criteria: two decimals at most.
        weight = round(sum(rng.randint(1, 5) * w for w in (30, 20, 20, 15, 15)) / 100, 2)
        candidates.append(
            Candidate(
                id=f"UC-{i:03d}",
                group=rng.choice(GROUPS),
                weight=weight,
                effort=float(rng.randint(2, 16)),
                budget=float(rng.randint(5, 120) * 1000),
                # Statuses as in benchmarks/generate.py: idea, scoping x2, pilot x2 count as pilots,
                # industrialising does not (pilot_share 5/6).
                pilot=rng.random() < pilot_share,
                depends_on=deps,
                risk_gated=rng.random() < 0.15,
            )
        )
    candidates.sort(key=lambda c: -c.weight)
    effort = sum(c.effort for c in candidates)
    budget = sum(c.budget for c in candidates)
    slots = tuple(
        WaveSlot(
            id=w,
            person_weeks=round(effort / (waves * 2.5)),
            budget_eur=round(budget / (waves * 2.5), -3),
            max_pilots=pilots,
        )
        for w in range(1, waves + 1)
    )
    return PlanningInstance(tuple(candidates), slots, 0.85, 2, BALANCE)


def study_small(count: int) -> None:
    times, statuses = [], []
    for seed in range(count):
        inst = random_instance(50, 4, seed)
        greedy = greedy_assignment(inst)
        started = time.perf_counter()
        out = solve_exact(inst, 60, greedy if not violations(inst, greedy) else None)
        times.append(time.perf_counter() - started)
        statuses.append(out.status)
        assert not violations(inst, out.assignment)
    print(
        f"50 x 4, {count} instances: median {statistics.median(times):.3f} s, "
        f"max {max(times):.3f} s, optimal {statuses.count('optimal')}/{count}"
    )


def study_large(count: int, limit: float) -> None:
    times, gaps, statuses = [], [], []
    for seed in range(count):
        inst = random_instance(200, 4, 1000 + seed)
        greedy = greedy_assignment(inst)
        started = time.perf_counter()
        out = solve_exact(inst, limit, greedy if not violations(inst, greedy) else None)
        times.append(time.perf_counter() - started)
        statuses.append(out.status)
        bound = out.bound if out.bound is not None else out.objective
        gaps.append(0.0 if out.status == "optimal" else (bound - out.objective) / out.objective)
        assert not violations(inst, out.assignment)
        assert out.objective >= objective(inst, greedy) - 1e-6 or violations(inst, greedy)
    print(
        f"200 x 4, {count} instances, limit {limit:g} s: median {statistics.median(times):.2f} s, "
        f"max {max(times):.2f} s, optimal {statuses.count('optimal')}/{count}, "
        f"gap median {100 * statistics.median(gaps):.3f} %, max {100 * max(gaps):.3f} %"
    )


def study_gain(count: int) -> None:
    gains = []
    infeasible_greedy = 0
    for seed in range(count):
        inst = random_instance(50, 4, 5000 + seed)
        greedy = greedy_assignment(inst)
        ok = not violations(inst, greedy)
        if not ok:
            infeasible_greedy += 1
        out = solve_exact(inst, 60, greedy if ok else None)
        base = objective(inst, greedy) if ok else 0.0
        gains.append(100 * (out.objective - base) / base if base else float("inf"))
    finite = [g for g in gains if g != float("inf")]
    print(
        f"exact vs greedy, {count} instances of 50: mean +{statistics.mean(finite):.2f} %, "
        f"median +{statistics.median(finite):.2f} %, worst case (largest) +{max(finite):.2f} %, "
        f"smallest +{min(finite):.2f} %, greedy plan off balance in {infeasible_greedy}"
    )


def study_register(n: int) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from generate import generate_register

    from aiportfolio.analysis.planning.instance import PlanOptions
    from aiportfolio.analysis.planning.plan import plan_register
    from aiportfolio.register.loader import load_register

    with tempfile.TemporaryDirectory() as tmp:
        root = generate_register(Path(tmp) / "reg", n, seed=1)
        register = load_register(root)
        started = time.perf_counter()
        result = plan_register(register, PlanOptions())
        elapsed = time.perf_counter() - started
    print(
        f"generated register of {n}: {len(result.entries)} candidates, status {result.status}, "
        f"objective {result.objective:.2f} vs greedy {result.greedy_objective:.2f}, "
        f"{elapsed:.2f} s"
    )


def study_wall(n: int, limit: float, repeat: int) -> None:
    """``aip plan --time-limit LIMIT`` end to end (start-up, reading, planning, report): run 1
    on a fresh register (cold ``.aip-cache/``), the others warm. Wall, CPU (user + system
    of the child) and the load average before each run: on a shared machine the wall time
    of a CPU-bound command is its CPU time stretched by the load."""
    import json
    import os
    import subprocess

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from common import aip_command, run_measured
    from generate import generate_register

    env = {"AIP_TODAY": "2026-08-01", "NO_COLOR": "1"}
    with tempfile.TemporaryDirectory() as tmp:
        root = generate_register(Path(tmp) / "reg", n, seed=1, pinned=False)
        cmd = aip_command("--register", str(root), "plan", "--time-limit", f"{limit:g}")
        runs = []
        for _ in range(repeat):
            load = os.getloadavg()[0]
            label = "cold cache" if not runs else "warm cache"
            runs.append((run_measured(cmd, env), label, load))
        # Then after `aip check` (same date): the gate verdicts come from its cache.
        subprocess.run(
            aip_command("--register", str(root), "check"),
            capture_output=True,
            env={**os.environ, **env},
            check=False,
        )
        for _ in range(repeat):
            load = os.getloadavg()[0]
            runs.append((run_measured(cmd, env), "warm cache, after aip check", load))
        shown = subprocess.run(
            [*cmd, "--format", "json"],
            capture_output=True,
            text=True,
            env={**os.environ, **env},
            check=False,
        )
    data = json.loads(shown.stdout)
    scheduled = sum(1 for u in data["usecases"] if u["wave"] is not None)
    for index, (run, cache, load) in enumerate(runs):
        print(
            f"aip plan --time-limit {limit:g} on {n} entries, run {index + 1} ({cache}): "
            f"wall {run.seconds:.2f} s (limit {run.seconds - limit:+.2f} s), "
            f"CPU {run.cpu:.2f} s, load average {load:.1f}, exit {run.code}, "
            f"peak {run.peak_mb} MB"
        )
    fallback = data.get("fallback") or {}
    print(
        f"  status {data['status']}, {scheduled} scheduled of {len(data['usecases'])} "
        f"candidates, objective {data['objective']:.2f} (greedy rank order "
        f"{data['greedy_objective']:.2f}), gap {data['gap']}, planner's own seconds "
        f"{data['seconds']}, answered by "
        + (f"greedy ({fallback['reason']})" if fallback else "the exact solver")
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--study", choices=["small", "large", "gain", "register", "wall", "all"], default="all"
    )
    parser.add_argument("--entries", type=int, default=3600)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--count", type=int, default=None)
    parser.add_argument("--time-limit", type=float, default=10.0)
    args = parser.parse_args()
    if args.study in ("small", "all"):
        study_small(args.count or 20)
    if args.study in ("large", "all"):
        study_large(args.count or 10, args.time_limit)
    if args.study in ("gain", "all"):
        study_gain(args.count or 100)
    if args.study in ("register", "all"):
        study_register(200)
    if args.study == "wall":
        study_wall(args.entries, args.time_limit, args.repeat)


if __name__ == "__main__":
    main()
