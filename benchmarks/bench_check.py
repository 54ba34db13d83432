"""Benchmark ``aip check`` (issue 2): speed against a bare parse, scaling, memory, startup.

Usage:  python benchmarks/bench_check.py [--sizes 100 1000 10000] [--repeat 3]

Measured in one run, on generated registers (benchmarks/generate.py):
- parse only: every file loaded with ruamel's C-backed safe loader, in-process;
- ``aip check``: the whole command in a fresh process (start-up included);
- ratio check / parse at 1,000 entries (goal: at most 1.5);
- time per entry at each size (linear growth) and peak resident size (goal: < 300 MB
  at 10,000 entries);
- ``aip --help`` and ``aip --version`` against ``python -c "import typer"`` (goal: +30%);
- re-checking after one file changed, with the cache of ``.aip-cache/`` filled by a first
  run (goal: at most 0.5 s wall at 10,000 entries), the same without the second process
  that validates changed files (``AIP_CHECK_WORKER=0``, docs/decisions/0011), the first
  check of the next day (``AIP_TODAY`` one day later than the run before, no file changed:
  only the entries whose date rules' findings may change that day are validated again)
  and ``--no-cache``. CPU time includes that process's.

Usage for the re-check alone:  python benchmarks/bench_check.py --recheck 10000

The loader's cache alone (``register/cached_load.py``, what every command but ``aip check``
reads the register with):  python benchmarks/bench_check.py --load 3600 [--repeat 5].
Each load runs in a fresh process (imports not counted): from scratch, warm, and after one
entry's title was edited (the store updated); then a full collection of the cyclic garbage
collector, which stands for what the command's later collections spend on the objects read.

aip's own modules are compiled to bytecode first (``compileall``), as ``pip install`` does
for a wheel: a checkout run with ``PYTHONDONTWRITEBYTECODE=1`` and no ``__pycache__``
would otherwise compile them from source at every run (about 0.1 s of each ``aip check``),
which no installed aip does. ``--source`` skips that, to measure such a checkout.
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import Measured, aip_command, median_time, run_measured, run_timed
from generate import generate_register


def parse_only(root: Path) -> float:
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=False)
    start = time.perf_counter()
    for path in sorted((root / "usecases").glob("*.yaml")):
        yaml.load(path.read_text(encoding="utf-8"))
    return time.perf_counter() - start


def recheck(n: int, repeat: int, env: dict[str, str]) -> None:
    """Fill the cache, then time ``aip check`` after appending a comment to one file
    (wall-clock and CPU time, user plus system: the steadier figure on a shared machine)."""
    print(f"\nre-check of {n} entries after one file changed (median of {repeat})")
    with tempfile.TemporaryDirectory() as tmp:
        root = generate_register(Path(tmp) / f"r{n}", n, seed=n)
        cmd = aip_command("--register", str(root), "check")
        first = run_measured(cmd, env)
        files = sorted((root / "usecases").glob("*.yaml"))
        one, alone, unchanged, next_day = [], [], [], []
        serial = {**env, "AIP_CHECK_WORKER": "0"}
        for index in range(repeat):
            for runs, run_env, salt in ((one, env, 0), (alone, serial, 1)):
                path = files[(index * 7919 + salt * 4007) % len(files)]
                with path.open("a", encoding="utf-8") as handle:
                    handle.write(f"# edit {index}\n")
                runs.append(run_measured(cmd, run_env))
            unchanged.append(run_measured(cmd, env))
        day = dt.date.fromisoformat(env["AIP_TODAY"])
        for index in range(repeat):
            later = (day + dt.timedelta(days=index + 1)).isoformat()
            next_day.append(run_measured(cmd, {**env, "AIP_TODAY": later}))
        nocache = run_measured([*cmd, "--no-cache"], env)

    def line(label: str, runs: list[Measured]) -> str:
        wall = statistics.median(r.seconds for r in runs)
        cpu = statistics.median(r.cpu for r in runs)
        return f"  {label:<31}{wall:7.2f} s wall {cpu:7.2f} s CPU"

    print(line("first run (fills .aip-cache)", [first]) + f"  exit {first.code}")
    print(line("one file changed", one))
    print(line("same, AIP_CHECK_WORKER=0", alone))
    print(line("nothing changed", unchanged))
    print(line("first check of the next day", next_day))
    print(line("--no-cache", [nocache]))


LOAD_CHILD = """
import gc, sys, time
from pathlib import Path
from aiportfolio.register.cached_load import load_register_cached
from aiportfolio.register.loader import load_register
load = load_register if sys.argv[2] == "plain" else load_register_cached
start = time.process_time()
register = load(Path(sys.argv[1]))
loaded = time.process_time()
gc.collect()
print(loaded - start, time.process_time() - loaded, len(register.usecases))
"""


def load_study(n: int, repeat: int) -> None:
    """CPU seconds of reading ``n`` entries with the loader's cache (see the docstring)."""
    import os
    import subprocess

    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

    def measured(root: Path, how: str) -> tuple[float, float]:
        argv = [sys.executable, "-c", LOAD_CHILD, str(root), how]
        out = subprocess.run(argv, capture_output=True, text=True, env=env, check=True)
        load, collect, _ = out.stdout.split()
        return float(load), float(collect)

    with tempfile.TemporaryDirectory() as tmp:
        root = generate_register(Path(tmp) / f"r{n}", n, seed=1, pinned=False)
        first = sorted((root / "usecases").glob("*.yaml"))[0]
        text = first.read_text(encoding="utf-8")
        runs: dict[str, list[tuple[float, float]]] = {"scratch": [], "warm": [], "edit": []}
        runs["cold"] = [measured(root, "cached")]
        for index in range(repeat):
            runs["scratch"].append(measured(root, "plain"))
            runs["warm"].append(measured(root, "cached"))
            first.write_text(text.replace("\ntitle: ", f"\ntitle: Edit {index} ", 1), "utf-8")
            runs["edit"].append(measured(root, "cached"))
        store = sum(p.stat().st_size for p in (root / ".aip-cache").glob("parsed*"))
    print(f"loading {n} entries, CPU seconds, median of {repeat} fresh processes")
    print(f"  {'':<34}{'load':>7}{'later GC':>10}")
    labels = {
        "scratch": "load_register (no cache)",
        "cold": "cached, empty .aip-cache (1 run)",
        "warm": "cached, nothing changed",
        "edit": "cached, one title edited",
    }
    for key, label in labels.items():
        load = statistics.median(r[0] for r in runs[key])
        collect = statistics.median(r[1] for r in runs[key])
        print(f"  {label:<34}{load:7.3f}{collect:10.3f}")
    print(f"  store: {store / 1e6:.1f} MB; load average {os.getloadavg()[0]:.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--recheck", type=int, default=None, metavar="N")
    parser.add_argument("--load", type=int, default=None, metavar="N")
    parser.add_argument(
        "--source", action="store_true", help="do not compile aip to bytecode first"
    )
    args = parser.parse_args()
    if not args.source:
        import aiportfolio

        compileall.compile_dir(Path(aiportfolio.__file__).parent, quiet=1)
    env = {"AIP_TODAY": "2026-11-26", "NO_COLOR": "1"}
    if args.recheck:
        recheck(args.recheck, max(args.repeat, 5), env)
        return
    if args.load:
        load_study(args.load, max(args.repeat, 5))
        return

    print("start-up (median of 15 runs)")
    typer_s = median_time([sys.executable, "-c", "import typer"], 15)
    help_s = median_time(aip_command("--help"), 15, env)
    version_s = median_time(aip_command("--version"), 15, env)
    print(f"  python -c 'import typer'  {typer_s * 1000:7.1f} ms")
    print(f"  aip --help                {help_s * 1000:7.1f} ms  ({help_s / typer_s:.2f}x)")
    print(f"  aip --version             {version_s * 1000:7.1f} ms  ({version_s / typer_s:.2f}x)")

    print("\naip check on generated registers")
    header = ("entries", "parse s", "check s", "ratio", "ms/entry", "peak MB")
    print("  " + " ".join(f"{h:>8}" for h in header))
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            root = generate_register(Path(tmp) / f"r{n}", n, seed=n)
            parse_s = statistics.median(parse_only(root) for _ in range(args.repeat))
            runs = [
                run_timed(aip_command("--register", str(root), "check", "--no-cache"), env)
                for _ in range(args.repeat)
            ]
            check_s = statistics.median(r[0] for r in runs)
            codes = {r[1] for r in runs}
            peak = max(r[2] for r in runs)
            print(
                f"  {n:>8} {parse_s:>8.2f} {check_s:>8.2f} {check_s / parse_s:>6.2f}"
                f" {check_s / n * 1000:>9.2f} {peak:>8}  exit {sorted(codes)}"
            )
    recheck(max(args.sizes), max(args.repeat, 5), env)


if __name__ == "__main__":
    main()
