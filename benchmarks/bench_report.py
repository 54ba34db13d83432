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


def time_command(root: Path, args: list[str], runs: int) -> float:
    env = {**os.environ, "NO_COLOR": "1", "AIP_TODAY": "2026-11-26"}
    argv = [sys.executable, "-m", "aiportfolio", "--register", str(root), *args]
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


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
    print(f"  aip check   {check:6.2f} s")
    print(f"  aip report  {report:6.2f} s   {report / check:5.2f}x check")
    for name, size in sizes.items():
        print(f"  {name:<16} {size / 1024:8.1f} KiB")
    print(f"  {len(cards)} cards      {card_bytes / len(cards) / 1024:8.1f} KiB each on average")
    ratio = report / check
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
