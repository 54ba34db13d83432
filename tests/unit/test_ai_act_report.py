"""``aip compliance``: coverage, deadlines, gaps, dates, in every format and both languages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from aiportfolio.report.compliance import REPORTERS
from aiptest import REPO_ROOT, run, usecase, write_register


def _register(tmp_path: Path) -> Path:
    cv = usecase(
        id="UC-002",
        title="CV | <b>tri</b> @rh",
        status="scoping",
        risk={"level": "high", "ai_act_tier": "high"},
        ai_act={
            "role": "deployer",
            "annex_iii": "4(a)",
            "obligations": [
                {
                    "id": "hr-deployer-logs",
                    "status": "in_progress",
                    "owner": "DSI",
                    "due": "2027-03-01",
                },
                {
                    "id": "ai-literacy",
                    "status": "done",
                    "evidence": [{"ref": "https://x.example/f"}],
                },
            ],
        },
    )
    pilot = usecase(id="UC-003", status="pilot", ai_act={})
    return write_register(tmp_path, [usecase(), cv, pilot])


@pytest.mark.parametrize("fmt", list(REPORTERS))
def test_every_format(tmp_path: Path, fmt: str) -> None:
    root = _register(tmp_path)
    result = run(root, "--lang", "en", "compliance", "--format", fmt, "--date", "2026-12-01")
    assert result.exit_code == 1  # UC-003 is in pilot without AI literacy
    assert "3/9 obligations closed, 1 overdue" not in result.stdout
    assert "obligations closed" in result.stderr
    if fmt == "json":
        data = json.loads(result.stdout)
        assert (data["closed"], data["total"], data["overdue"]) == (2, 8, 1)
        by_id = {u["id"]: u for u in data["usecases"]}
        assert by_id["UC-002"]["annex_iii"] == "4(a)"
        assert by_id["UC-003"]["overdue"] == ["ai-literacy"]
        logs = next(o for o in by_id["UC-002"]["obligations"] if o["id"] == "hr-deployer-logs")
        assert (logs["deadline"], logs["owner"], logs["articles"]) == (
            "2027-03-01",
            "DSI",
            ["Art. 26(6)"],
        )
        assert data["dates"]["annex_iii"]["date"] == "2027-12-02"
    else:
        assert "2/8 obligations done or not applicable (25%); 1 overdue" in result.stdout
        assert "2027-03-01" in result.stdout and "Art. 26(6)" in result.stdout
    if fmt == "md":
        assert "CV \\| &lt;b&gt;tri&lt;/b&gt; @\u200brh" in result.stdout
        assert "<b>" not in result.stdout


def test_french_and_clean_exit(tmp_path: Path) -> None:
    root = write_register(tmp_path, [usecase()], portfolio="language: fr\n")
    result = run(root, "compliance", "--date", "2026-12-01")
    assert result.exit_code == 0
    assert "Conformité AI Act au 2026-12-01" in result.stdout
    assert "Couverture par cas d'usage" in result.stdout
    assert "pas un avis juridique" in result.stdout


def test_horizon_limits_deadlines(tmp_path: Path) -> None:
    root = _register(tmp_path)
    short = run(root, "--lang", "en", "compliance", "--date", "2026-12-01", "--days", "30")
    assert "2027-03-01" not in short.stdout.split("Gaps by role")[0]


def test_catalog_listing(tmp_path: Path) -> None:
    root = _register(tmp_path)
    listing = run(root, "--lang", "fr", "compliance", "--catalog")
    assert listing.exit_code == 0
    assert "hr-fria" in listing.stdout and "Analyse d'impact" in listing.stdout
    data = json.loads(run(root, "compliance", "--catalog", "--format", "json").stdout)
    assert {"ai-literacy", "transparency-interaction", "gpai-systemic-risk"} <= {
        o["id"] for o in data
    }


def test_bundled_register_coverage() -> None:
    result = run(
        REPO_ROOT, "--lang", "en", "compliance", "--format", "json", "--date", "2026-12-01"
    )
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["overdue"] == 0
    cv = next(u for u in data["usecases"] if u["id"] == "UC-010")
    assert cv["tier"] == "high" and cv["role"] == "deployer" and 0 < cv["coverage"] < 1
