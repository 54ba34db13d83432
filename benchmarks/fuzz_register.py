"""Fuzz campaign (issue 11): mutated registers through check, score, plan, roadmap,
dashboard, doctor and tco, in-process; counts tracebacks, internal errors (exit 3), bad
exit codes, hangs, CI-log injections, and crashes of the process itself (a signal such as
SIGSEGV, or memory exhaustion).

Usage:  python benchmarks/fuzz_register.py [--mutants 10000] [--seed 11] [--start 0]
                                           [--jobs 2]

Mutants run in chunks of 100, each chunk in its own Python process so that a crash is
seen, not waited for. Every mutant is reproducible from (seed, number): ``--start N
--mutants 1`` runs one again. Exits 1 when anything bad was found.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1] / "tests"
sys.path.insert(0, str(TESTS))

CHUNK = 100


def worker(seed: int, start: int, count: int) -> None:
    """Run one chunk; the report goes to stdout as JSON, the mutant being run to stderr."""
    from fuzz.mutate import fuzz

    bad: list[dict[str, object]] = []
    exits: Counter[str] = Counter()
    runs = 0
    slowest = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for number in range(start, start + count):
            sys.stderr.write(f"mutant {number}\n")
            sys.stderr.flush()
            report = fuzz(Path(tmp) / "reg", seed=seed, start=number, mutants=1)
            runs += report.runs
            exits.update(report.exits)
            slowest = max(slowest, report.slowest)
            bad += [
                {"mutant": n, "command": o.command, "kind": o.kind, "detail": o.detail}
                for n, o in report.bad
            ]
    json.dump({"runs": runs, "exits": exits, "bad": bad, "slowest": slowest}, sys.stdout)


def run_chunk(seed: int, start: int, count: int) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, __file__, "--worker", str(seed), str(start), str(count)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode == 0:
        result: dict[str, object] = json.loads(done.stdout)
        result["mutants"] = count
        return result
    last = [ln for ln in done.stderr.splitlines() if ln.startswith("mutant ")]
    number = int(last[-1].split()[1]) if last else start
    detail = f"process ended with {done.returncode}: {done.stderr.strip()[-200:]}"
    return {
        "runs": 0,
        "exits": {},
        "slowest": 0.0,
        "mutants": number - start + 1,
        "bad": [{"mutant": number, "command": "(process)", "kind": "crash", "detail": detail}],
    }


def main() -> None:
    if sys.argv[1:2] == ["--worker"]:
        worker(*(int(a) for a in sys.argv[2:5]))
        return
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mutants", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()

    from fuzz.mutate import COMMANDS

    end = args.start + args.mutants
    chunks = [(args.seed, s, min(CHUNK, end - s)) for s in range(args.start, end, CHUNK)]
    began = time.perf_counter()
    mutants = runs = 0
    exits: Counter[str] = Counter()
    bad: list[dict[str, object]] = []
    slowest = 0.0
    with ThreadPoolExecutor(args.jobs) as pool:
        futures = [pool.submit(run_chunk, *chunk) for chunk in chunks]
        for future in as_completed(futures):
            done = future.result()
            mutants += int(done["mutants"])  # type: ignore[call-overload]
            runs += int(done["runs"])  # type: ignore[call-overload]
            exits.update(done["exits"])  # type: ignore[arg-type]
            bad += done["bad"]  # type: ignore[arg-type]
            slowest = max(slowest, float(done["slowest"]))  # type: ignore[arg-type]
            print(
                f"  {mutants:6d} mutants  {runs:7d} runs  {len(bad)} bad  "
                f"{time.perf_counter() - began:7.0f} s",
                flush=True,
            )
    elapsed = time.perf_counter() - began
    kinds = Counter(str(b["kind"]) for b in bad)
    print(f"\nseed {args.seed}, mutants {args.start}..{end - 1}")
    print(f"commands per mutant: {', '.join(' '.join(c) for c in COMMANDS)}")
    print(f"mutants: {mutants}   command runs: {runs}   time: {elapsed:.0f} s")
    print("exit codes: " + ", ".join(f"{k}: {v}" for k, v in sorted(exits.items())))
    for kind in ("traceback", "internal", "bad-exit", "hang", "injection", "crash"):
        print(f"{kind:>10}: {kinds.get(kind, 0)}")
    print(f"slowest command run: {slowest:.2f} s")
    for b in sorted(bad, key=lambda b: int(b["mutant"]))[:30]:  # type: ignore[call-overload]
        print(f"  mutant {b['mutant']}: {b['command']}: {b['kind']}: {b['detail']}")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
