"""Benchmark: what the EU AI Act rules and ``aip compliance`` cost on a large register.

Usage:  python benchmarks/bench_ai_act.py [--n 1000] [--runs 3] [--seed 1]

In-process, so the numbers isolate aip's own work: the register is loaded once, then each
AI Act rule and the compliance report are timed (best of ``--runs``) against the load and
against every rule of ``aip check``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import generate_register

if TYPE_CHECKING:
    from aiportfolio.register.loader import Register


def best(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    from aiportfolio.register.loader import load_register

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "register"
        generate_register(root, args.n, seed=args.seed)
        start = time.perf_counter()
        register = load_register(root)
        load = time.perf_counter() - start
        measure(register, load, args.runs)


def measure(register: Register, load: float, runs: int) -> None:
    from aiportfolio.domain.ai_act import catalog_for, compliance_report
    from aiportfolio.problem import Severity
    from aiportfolio.rules.base import RuleContext
    from aiportfolio.rules.registry import RULES

    today = dt.date(2026, 12, 1)
    ctx = RuleContext(register=register, today=today)
    per_rule = {
        rid: best(runs, lambda rule=rule: list(rule.run(ctx, Severity.ERROR)))
        for rid, rule in RULES.items()
    }
    ai_act = {
        rid: s
        for rid, s in per_rule.items()
        if rid.startswith("ai-act-") and "prohibited" not in rid
    }
    catalog = catalog_for(register.config)
    report = best(runs, lambda: compliance_report(register.usecases, catalog, today))
    print(f"{len(register.usecases)} entries; load {load * 1000:.0f} ms")
    every, ours = sum(per_rule.values()) * 1000, sum(ai_act.values()) * 1000
    print(f"all rules {every:.0f} ms, AI Act rules {ours:.0f} ms")
    for rid, seconds in sorted(ai_act.items(), key=lambda kv: -kv[1]):
        print(f"  {rid}: {seconds * 1000:.1f} ms")
    print(f"compliance report {report * 1000:.0f} ms")


if __name__ == "__main__":
    main()
