"""Fuzz campaign (issue 11): mutated registers through check, score, plan, roadmap,
dashboard, doctor and tco, in-process; counts tracebacks, internal errors, bad exit codes,
hangs and CI-log injections.

Usage:  python benchmarks/fuzz_register.py [--mutants 10000] [--seed 11] [--start 0]
                                           [--jobs 2]

Every mutant is reproducible from (seed, number): ``--start N --mutants 1`` runs one again.
Exits 1 when anything bad was found.
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from fuzz.mutate import COMMANDS, Report, fuzz


def _slice(args: tuple[int, int, int]) -> Report:
    seed, start, count = args
    with tempfile.TemporaryDirectory() as tmp:
        return fuzz(Path(tmp) / "reg", seed=seed, start=start, mutants=count)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mutants", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()

    chunk = 100
    slices = [
        (args.seed, s, min(chunk, args.start + args.mutants - s))
        for s in range(args.start, args.start + args.mutants, chunk)
    ]
    began = time.perf_counter()
    total = Report()
    with multiprocessing.get_context("spawn").Pool(args.jobs) as pool:
        for done in pool.imap_unordered(_slice, slices):
            total.mutants += done.mutants
            total.runs += done.runs
            total.exits.update(done.exits)
            total.bad.extend(done.bad)
            total.slowest = max(total.slowest, done.slowest)
            print(
                f"  {total.mutants:6d} mutants  {total.runs:7d} runs  "
                f"{len(total.bad)} bad  {time.perf_counter() - began:7.0f} s",
                flush=True,
            )
    elapsed = time.perf_counter() - began
    kinds = Counter(o.kind for _, o in total.bad)
    print(f"\nseed {args.seed}, mutants {args.start}..{args.start + args.mutants - 1}")
    print(f"commands per mutant: {', '.join(' '.join(c) for c in COMMANDS)}")
    print(f"mutants: {total.mutants}   command runs: {total.runs}   time: {elapsed:.0f} s")
    print("exit codes: " + ", ".join(f"{k}: {v}" for k, v in sorted(total.exits.items())))
    for kind in ("traceback", "internal", "bad-exit", "hang", "injection"):
        print(f"{kind:>10}: {kinds.get(kind, 0)}")
    print(f"slowest command run: {total.slowest:.2f} s")
    for number, outcome in sorted(total.bad, key=lambda b: b[0])[:30]:
        print(f"  mutant {number}: {outcome.command}: {outcome.kind}: {outcome.detail}")
    sys.exit(1 if total.bad else 0)


if __name__ == "__main__":
    main()
