"""Timing and memory helpers shared by the benchmark scripts (not tests: they print
numbers) and by the tests that bound aip's peak memory.

Peak memory is the child's own high-water mark (``VmHWM`` of ``/proc/self/status``), written
by the child itself when it exits. The ``ru_maxrss`` that ``wait4`` returns for a child is
no use on Linux: the resident size of the parent is carried over the child's ``exec``, so
under a large parent (pytest, a benchmark holding a generated register) it reads the
parent's peak, not aip's.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

BIN = Path(sys.executable).parent

PEAK_FILE_ENV = "AIP_PEAK_FILE"
PEAK_WRAPPER = f"""
import atexit, os, runpy, sys
def _peak():
    with open("/proc/self/status", encoding="ascii") as status:
        kb = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
    with open(os.environ["{PEAK_FILE_ENV}"], "w", encoding="ascii") as out:
        out.write(kb)
if os.environ.get("{PEAK_FILE_ENV}") and os.path.exists("/proc/self/status"):
    atexit.register(_peak)
sys.argv = ["aip", *sys.argv[1:]]
runpy.run_module("aiportfolio", run_name="__main__", alter_sys=True)
"""
"""``python -c PEAK_WRAPPER ARGS`` runs ``aip ARGS`` as ``python -m aiportfolio`` does,
and writes its peak resident size (kB) to ``$AIP_PEAK_FILE`` at exit."""


def aip_command(*args: str) -> list[str]:
    """``aip ARGS`` in a fresh interpreter that reports its own peak memory."""
    return [sys.executable, "-c", PEAK_WRAPPER, *args]


@dataclass(frozen=True)
class Measured:
    seconds: float
    """Wall time."""
    cpu: float
    """User plus system CPU time of the child (steadier than wall on a shared machine)."""
    code: int
    peak_mb: int
    """The child's own peak resident size; 0 when it did not report one (not an
    ``aip_command``, or no ``/proc``)."""


def run_measured(
    cmd: Sequence[str], env: dict[str, str] | None = None, *, stderr: int | None = None
) -> Measured:
    """Run ``cmd`` with its output discarded (stderr too unless ``stderr`` says otherwise)."""
    handle, peak_path = tempfile.mkstemp(prefix="aip-peak-", suffix=".txt")
    os.close(handle)
    try:
        start = time.perf_counter()
        proc = subprocess.Popen(
            list(cmd),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL if stderr is None else stderr,
            env={**os.environ, **(env or {}), PEAK_FILE_ENV: peak_path},
        )
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        text = Path(peak_path).read_text(encoding="ascii").strip()
    finally:
        os.unlink(peak_path)
    return Measured(
        elapsed,
        usage.ru_utime + usage.ru_stime,
        proc.returncode,
        int(text) // 1024 if text.isdigit() else 0,
    )


def run_timed(cmd: Sequence[str], env: dict[str, str] | None = None) -> tuple[float, int, int]:
    """Run ``cmd``; returns (seconds, exit code, peak resident size in MB of that process)."""
    run = run_measured(cmd, env)
    return run.seconds, run.code, run.peak_mb


def median_time(cmd: Sequence[str], repeat: int, env: dict[str, str] | None = None) -> float:
    return statistics.median(run_timed(cmd, env)[0] for _ in range(repeat))
