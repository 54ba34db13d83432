"""``aip report`` after an edit: what the engines import and compute (issue 15)."""

from __future__ import annotations

import json
import subprocess
import sys


def _imported_by(module: str) -> set[str]:
    """The modules a fresh interpreter holds after importing ``module``."""
    code = f"import json, sys, {module}\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(json.loads(done.stdout))


def test_the_report_engines_do_not_import_the_planner() -> None:
    """The roadmap, the agenda and the wave loads share the planner's tolerance and pilot
    rule, not the planner: ``aip report`` does not import it (nor its instance model)."""
    loaded = _imported_by("aiportfolio.analysis.report")
    assert "aiportfolio.analysis.roadmap" in loaded
    assert "aiportfolio.analysis.wave_demand" in loaded
    assert not {m for m in loaded if m.startswith("aiportfolio.analysis.planning")}


def test_the_planner_keeps_its_names() -> None:
    from aiportfolio.analysis import wave_demand
    from aiportfolio.analysis.planning import instance

    assert instance.EPS is wave_demand.EPS
    assert instance.counts_as_pilot is wave_demand.counts_as_pilot
