"""``aip plan`` counts open AI Act obligations as effort and warns about their deadlines."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from aiptest import run, usecase, write_register

PORTFOLIO = """\
language: en
balance:
  tolerance: 100
waves:
  - id: 1
    name: Pilots
    start: 2027-01-04
    end: 2027-06-25
    capacity: {max_parallel_pilots: 3, person_weeks: 40}
ai_act:
  effort_weeks: 2
"""


def _plan(tmp_path: Path, *usecases: dict[str, Any]) -> dict[str, Any]:
    root = write_register(tmp_path, list(usecases), portfolio=PORTFOLIO)
    result = run(root, "plan", "--format", "json", "--date", "2026-12-01")
    assert result.exit_code in (0, 1), result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def _wave_effort(data: dict[str, Any]) -> float:
    [wave] = data["waves"]
    return float(wave["effort_weeks"])


def test_open_obligations_add_effort_and_deadlines_warn(tmp_path: Path) -> None:
    done = _plan(tmp_path / "done", usecase(id="UC-001", plan={"effort_weeks": 6}))
    todo = _plan(tmp_path / "todo", usecase(id="UC-002", plan={"effort_weeks": 6}, ai_act={}))
    assert _wave_effort(done) == 6
    assert _wave_effort(todo) == 8  # AI literacy still to do: 2 person-weeks
    # Art. 4 applies since 2025-02-02, before any open wave ends: a late date, not a constraint.
    assert ("compliance_late", "UC-002") in {(w["kind"], w["id"]) for w in todo["warnings"]}
    assert todo["usecases"][0]["wave"] == 1
    assert not done["warnings"]
