"""Benchmark: ``aip score`` against ``aip check`` on the same generated register.

Target (issue 3): ``aip score`` within 1.3x of ``aip check`` on 1,000 entries.

Usage:  python benchmarks/bench_score.py [--n 1000] [--runs 5] [--seed 0]

Each command runs as a real subprocess (interpreter start-up and imports included, as a
user would see it), stdout to /dev/null; the median of ``--runs`` runs is reported.
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

COMMANDS = {
    "check": ["check"],
    "score": ["score"],
    "score --format json": ["score", "--format", "json"],
    "score --matrix": ["score", "--matrix"],
    "balance": ["balance"],
}


def time_command(root: Path, args: list[str], runs: int) -> float:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "120", "AIP_TODAY": "2026-11-26"}
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
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = generate_register(Path(tmp), args.n, args.seed)
        results = {name: time_command(root, argv, args.runs) for name, argv in COMMANDS.items()}
    base = results["check"]
    print(f"{args.n} use cases, median of {args.runs} runs")
    for name, seconds in results.items():
        print(f"  aip {name:<22} {seconds:6.2f} s   {seconds / base:5.2f}x check")
    ratio = results["score"] / base
    verdict = "OK" if ratio <= 1.3 else "TOO SLOW"
    print(f"aip score / aip check = {ratio:.2f} (target <= 1.30): {verdict}")
    sys.exit(0 if ratio <= 1.3 else 1)


if __name__ == "__main__":
    main()
