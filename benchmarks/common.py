"""Timing helpers shared by the benchmark scripts (not tests: they print numbers)."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

BIN = Path(sys.executable).parent


def aip_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "aiportfolio", *args]


def run_timed(cmd: Sequence[str], env: dict[str, str] | None = None) -> tuple[float, int, int]:
    """Run ``cmd``; returns (seconds, exit code, peak resident size in MB of that process)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        list(cmd),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, **(env or {})},
    )
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    # ru_maxrss is in kilobytes on Linux.
    return elapsed, proc.returncode, usage.ru_maxrss // 1024


def median_time(cmd: Sequence[str], repeat: int, env: dict[str, str] | None = None) -> float:
    return statistics.median(run_timed(cmd, env)[0] for _ in range(repeat))
