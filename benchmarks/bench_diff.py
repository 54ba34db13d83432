"""Benchmark ``aip diff`` (issue 4) against ``aip check`` on the same register.

Usage:  python benchmarks/bench_diff.py [--entries 1000] [--changed 50] [--repeat 5]

A generated register (benchmarks/generate.py) is committed in a fresh git repository,
then ``--changed`` entries are edited in the working tree (a score, the title, the wave;
one in ten also gets a risk escalation). Both commands run in a fresh process (start-up
included), ``--repeat`` times; the medians and their ratio are printed (goal: diff within
2.5x of check). The git side is also timed alone: one ``ls-tree`` and one ``cat-file
--batch`` for the whole register.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import aip_command, run_timed
from generate import generate_register

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Bench",
    "GIT_AUTHOR_EMAIL": "bench@example.org",
    "GIT_COMMITTER_NAME": "Bench",
    "GIT_COMMITTER_EMAIL": "bench@example.org",
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
}


def git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-C", str(root), *args],
        check=True,
        capture_output=True,
        env={**os.environ, **GIT_ENV},
    )


def change_entries(root: Path, count: int, seed: int) -> None:
    """Edit ``count`` use-case files the way a pull request would."""
    rng = random.Random(seed)
    files = sorted((root / "usecases").glob("*.yaml"))
    for n, path in enumerate(rng.sample(files, count)):
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"(?m)^title: (.*)$", r"title: \1 (révisé)", text, count=1)
        text = re.sub(r"(?m)^  business_value: \d$", f"  business_value: {rng.randint(1, 5)}", text)
        text = re.sub(r"(?m)^  wave: \d$", f"  wave: {rng.randint(0, 3)}", text)
        if n % 10 == 0:
            text = re.sub(r"(?m)^  ai_act_tier: \w+$", "  ai_act_tier: high", text)
        path.write_text(text, encoding="utf-8")


def git_read_seconds(root: Path) -> float:
    from aiportfolio.register.git import open_repository, read_register_files, resolve_revision

    start = time.perf_counter()
    repo = open_repository(root)
    files = read_register_files(repo, resolve_revision(repo, "main"))
    elapsed = time.perf_counter() - start
    assert len(files.files) > 0
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--entries", type=int, default=1000)
    parser.add_argument("--changed", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    env = {"AIP_TODAY": "2026-11-26", "NO_COLOR": "1"}
    with tempfile.TemporaryDirectory() as tmp:
        root = generate_register(Path(tmp) / "register", args.entries, seed=args.entries)
        git(root, "init", "-q", "-b", "main")
        git(root, "add", "-A")
        git(root, "commit", "-q", "-m", "register")
        change_entries(root, args.changed, seed=1)

        check_cmd = aip_command("--register", str(root), "check")
        diff_cmd = aip_command("--register", str(root), "diff", "main", "--format", "md")
        _, check_code, check_mb = run_timed(check_cmd, env)
        _, diff_code, diff_mb = run_timed(diff_cmd, env)
        # Alternate the two commands so that a busy machine slows both alike; CPU time
        # (user + system, git children included) is steadier than wall time there.
        check_runs, diff_runs = [], []
        for _ in range(args.repeat):
            check_runs.append(timed_cpu(check_cmd, env))
            diff_runs.append(timed_cpu(diff_cmd, env))
        check_wall = statistics.median(w for w, _ in check_runs)
        diff_wall = statistics.median(w for w, _ in diff_runs)
        check_cpu = statistics.median(c for _, c in check_runs)
        diff_cpu = statistics.median(c for _, c in diff_runs)
        git_s = min(git_read_seconds(root) for _ in range(args.repeat))

        print(f"register: {args.entries} entries, {args.changed} changed in the working tree")
        print(f"  median of {args.repeat} runs       wall s    CPU s  exit  peak MB")
        print(
            f"  aip check                 {check_wall:7.2f}  {check_cpu:7.2f}  {check_code:4}  "
            f"{check_mb:7}"
        )
        print(
            f"  aip diff main --format md {diff_wall:7.2f}  {diff_cpu:7.2f}  {diff_code:4}  "
            f"{diff_mb:7}"
        )
        print(
            f"  ratio diff / check        {diff_wall / check_wall:6.2f}x  "
            f"{diff_cpu / check_cpu:6.2f}x  (goal <= 2.5x)"
        )
        print(f"  git read of BASE          {git_s:7.2f}  (1 ls-tree + 1 cat-file, wall)")


def timed_cpu(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the process and its children) of one run."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, **env}
    )
    before = os.times()
    proc.wait()
    after = os.times()
    wall = time.perf_counter() - start
    cpu = (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )
    return wall, cpu


if __name__ == "__main__":
    main()
