"""The bounded fuzz run of CI (issue 11): mutated registers through seven commands, in
at most about 45 seconds; ``benchmarks/fuzz_register.py`` runs the long campaign."""

from __future__ import annotations

import os
from pathlib import Path

from fuzz.mutate import Report, fuzz, injected, mutant, seed_files

BUDGET_SECONDS = float(os.environ.get("AIP_FUZZ_SECONDS", "40"))


def _summary(report: Report) -> str:
    lines = [f"{report.mutants} mutants, {report.runs} runs"]
    for number, outcome in report.bad[:10]:
        lines.append(f"  mutant {number}: {outcome.command}: {outcome.kind} {outcome.detail}")
    return "\n".join(lines)


def test_mutants_never_crash_hang_or_inject(tmp_path: Path) -> None:
    report = fuzz(tmp_path / "reg", seed=11, mutants=400, budget_seconds=BUDGET_SECONDS)
    assert report.mutants >= 20, _summary(report)
    assert not report.bad, _summary(report)
    # The mutants reach every outcome, not only "invalid file".
    assert report.exits["0"] and report.exits["1"], report.exits


def test_mutants_are_reproducible_and_varied() -> None:
    base = seed_files()
    assert mutant(11, 5, base) == mutant(11, 5, base)
    changed = {
        tuple(sorted(k for k in base if mutant(11, n, base)[k] != base[k])) for n in range(50)
    }
    assert len(changed) > 5


def test_the_injection_oracle_sees_what_a_runner_would_run() -> None:
    assert injected("ok\n::error::x")
    assert injected("a\r  ::warning::x")
    assert injected("text ##[error]x")
    assert not injected("ok :: x\n:\u200b:error::x")
