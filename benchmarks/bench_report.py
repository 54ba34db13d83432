"""Benchmark: ``aip report`` against ``aip check`` on the same generated register.

Targets (issue 15): the report of 1,000 entries renders in at most 2x ``aip check`` on it,
and its overview page weighs at most 1.5 MB.

Usage:  python benchmarks/bench_report.py [--n 1000] [--runs 3] [--seed 0]

Each command runs as a real subprocess (interpreter start-up and imports included, as a
user would see it), with Python's compiled bytecode kept as an installed aip has it (even
when ``PYTHONDONTWRITEBYTECODE`` is set here). A first, untimed run of each fills the caches
(``.aip-cache/``) and is shown as the run without a cache; then the runs alternate, check
then report, so that both meet the same load of a shared machine: the median of ``--runs``
is reported in wall-clock and CPU time (user + system, the chart worker included). The
target applies to an unchanged register; the same comparison after editing one entry
(its title, before each pair of runs) is shown too. Then the size of each page.
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
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import generate_register

RATIO_TARGET = 2.0
OVERVIEW_LIMIT = 1.5 * 1024 * 1024


Timing = tuple[float, float]
"""Wall-clock seconds, CPU seconds."""


def run_once(root: Path, args: list[str]) -> Timing:
    env = {**os.environ, "NO_COLOR": "1", "AIP_TODAY": "2026-11-26"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed aip has its bytecode compiled
    argv = [sys.executable, "-m", "aiportfolio", "--register", str(root), *args]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def interleaved(
    root: Path, site: Path, runs: int, before: Callable[[int], None] = lambda i: None
) -> tuple[Timing, Timing]:
    """Medians of ``runs`` alternating runs of check and report (``before(i)`` first)."""
    checks, reports = [], []
    for i in range(runs):
        before(i)
        checks.append(run_once(root, ["check"]))
        reports.append(run_once(root, ["report", "--out", str(site)]))

    def median(timings: list[Timing]) -> Timing:
        return statistics.median(w for w, _ in timings), statistics.median(c for _, c in timings)

    return median(checks), median(reports)


def line(label: str, check: Timing, report: Timing) -> None:
    print(f"  {label}")
    print(f"    aip check   {check[0]:6.2f} s wall   {check[1]:6.2f} s CPU")
    print(
        f"    aip report  {report[0]:6.2f} s wall   {report[1]:6.2f} s CPU   "
        f"{report[0] / check[0]:5.2f}x check (wall), {report[1] / check[1]:5.2f}x (CPU)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = generate_register(Path(tmp) / "register", args.n, args.seed)
        site = Path(tmp) / "site"
        cold = run_once(root, ["check"]), run_once(root, ["report", "--out", str(site)])
        check, report = interleaved(root, site, args.runs)
        first = sorted((root / "usecases").glob("*.yaml"))[0]
        text = first.read_text(encoding="utf-8")

        def edit(i: int) -> None:
            first.write_text(text.replace("\ntitle: ", f"\ntitle: Edit {i} ", 1), "utf-8")

        edited = interleaved(root, site, args.runs, edit)
        sizes = {p.name: p.stat().st_size for p in sorted(site.glob("*.html"))}
        cards = list((site / "usecases").glob("*.html"))
        card_bytes = sum(p.stat().st_size for p in cards)
    print(f"{args.n} use cases, median of {args.runs} runs (check and report alternating)")
    line("unchanged register (caches filled)", check, report)
    line("after editing one entry's title", *edited)
    line("first run, no cache", *cold)
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
