"""Benchmark: ``aip report`` against ``aip check`` on the same generated register.

Targets (issue 15): the report of 1,000 entries renders in at most 2x ``aip check`` on it,
and its overview page weighs at most 1.5 MB.

Usage:  python benchmarks/bench_report.py [--n 1000] [--runs 3] [--seed 0]

Each command runs as a real subprocess (interpreter start-up and imports included, as a
user would see it); the median of ``--runs`` runs is reported, with the size of each page.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import generate_register

RATIO_TARGET = 2.0
OVERVIEW_LIMIT = 1.5 * 1024 * 1024


def time_command(root: Path, args: list[str], runs: int) -> tuple[float, float]:
    """Median wall-clock seconds, and median CPU seconds (user + system, the chart worker
    included): on a machine shared with other jobs the CPU time is the steadier figure."""
    env = {**os.environ, "NO_COLOR": "1", "AIP_TODAY": "2026-11-26"}
    argv = [sys.executable, "-m", "aiportfolio", "--register", str(root), *args]
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = generate_register(Path(tmp) / "register", args.n, args.seed)
        site = Path(tmp) / "site"
        check = time_command(root, ["check"], args.runs)
        report = time_command(root, ["report", "--out", str(site)], args.runs)
        sizes = {p.name: p.stat().st_size for p in sorted(site.glob("*.html"))}
        cards = list((site / "usecases").glob("*.html"))
        card_bytes = sum(p.stat().st_size for p in cards)
    print(f"{args.n} use cases, median of {args.runs} runs")
    print(f"  aip check   {check[0]:6.2f} s wall   {check[1]:6.2f} s CPU")
    print(
        f"  aip report  {report[0]:6.2f} s wall   {report[1]:6.2f} s CPU   "
        f"{report[0] / check[0]:5.2f}x check (wall), {report[1] / check[1]:5.2f}x (CPU)"
    )
    for name, size in sizes.items():
        print(f"  {name:<16} {size / 1024:8.1f} KiB")
    print(f"  {len(cards)} cards      {card_bytes / len(cards) / 1024:8.1f} KiB each on average")
    ratio = report[0] / check[0]
    overview = sizes["index.html"]
    fast = ratio <= RATIO_TARGET
    light = overview <= OVERVIEW_LIMIT
    print(
        f"aip report / aip check = {ratio:.2f} (target <= {RATIO_TARGET:.2f}): "
        f"{'OK' if fast else 'TOO SLOW'}"
    )
    print(
        f"overview page = {overview / 1024 / 1024:.2f} MB (target <= 1.50 MB): "
        f"{'OK' if light else 'TOO HEAVY'}"
    )
    sys.exit(0 if fast and light else 1)


if __name__ == "__main__":
    main()
