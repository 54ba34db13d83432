"""aip tco / dashboard / agenda / doctor through the CLI, with golden Markdown packs.

Regenerate the golden files after an intended change with ``AIP_UPDATE_GOLDEN=1``.
Every run pins the date (``--date`` or ``AIP_TODAY`` from conftest); the git history of
the committee pack is made with fixed commit dates.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from aiptest import REPO_ROOT, run, usecase, write_register
from gitrepo import git

GOLDEN = REPO_ROOT / "tests" / "golden" / "steer"
HOSTILE = "Tri | <img src=x onerror=alert(1)> @équipe-ia #12 *gras* [lien](http://x)"

PORTFOLIO = """\
language: en
organisation: "Acme <b>Industries</b> | @ceo"
waves:
  - id: 1
    name: "Pilots | <script>"
    capacity:
      max_parallel_pilots: 1
      person_weeks: 10
      budget_eur: 20000
rituals:
  committee_days: 14
  monthly_days: 30
"""


def kpi(name: str, level: str, baseline: float, target: float, values: list[Any], **extra: Any):
    return {
        "name": name,
        "level": level,
        "baseline": baseline,
        "target": target,
        "measurements": [{"date": d, "value": v} for d, v in values],
        **extra,
    }


def steer_usecases() -> list[dict[str, Any]]:
    return [
        usecase(
            id="UC-001",
            title=HOSTILE,
            status="pilot",
            owner={"name": "Claire | <i>Martin</i>"},
            kpis=[
                kpi("Délai | tri", "impact", 48, 8,
                    [("2026-09-15", 40), ("2026-10-15", 30), ("2026-11-15", 20)],
                    unit="h", north_star=True),
                kpi("Usage <utile>", "adoption", 0, 80, [("2026-10-15", 30), ("2026-11-15", 50)]),
            ],
            decisions=[{"date": "2026-09-01", "decision": "go", "by": "Comité"}],
            decision_date="2026-12-03",
            next_step="Mesurer | *encore*",
        ),
        usecase(
            id="UC-002",
            title="Base documentaire",
            status="pilot",
            category="foundation",
            owner=None,
            risk={"level": "high"},
            kpis=[kpi("Temps de recherche", "impact", 25, 8, [])],
            decisions=[{"date": "2026-10-01", "decision": "go", "by": "Comité"}],
            decision_date="2026-11-01",
            plan={"wave": 1, "effort_weeks": 12, "depends_on": ["UC-003"]},
            costs={
                "horizon_months": 12,
                "one_off": [{"family": "integration", "amount_eur": 30000}],
                "monthly": [{"family": "vendor", "amount_eur": 800}],
            },
        ),
        usecase(
            id="UC-003",
            title="Agent usinage",
            status="scoping",
            category="differentiator",
            integration={"vendor": "OpenAI"},
            kpis=[{"name": "Rebuts", "level": "impact"}],
            scores={
                "business_value": 5,
                "time_to_impact": 1,
                "data_integration": 1,
                "risk_compliance": 2,
                "adoption_ownership": 2,
            },
            costs={"horizon_months": 6, "monthly": [{"family": "vendor", "amount_eur": 2000}]},
            decision_date="2026-12-20",
        ),
        usecase(
            id="UC-004",
            title="Charte IA",
            status="operated",
            category="compliance",
            kpis=[
                kpi("Incidents", "impact", 10, 2, [("2026-10-15", 6), ("2026-11-15", 6)]),
                kpi("Coût API", "quality", 300, 200,
                    [("2026-09-15", 300), ("2026-10-15", 450), ("2026-11-15", 600)],
                    unit="€/mois"),
            ],
            costs={"horizon_months": 6,
                   "one_off": [{"family": "change_management", "amount_eur": 9000}]},
        ),
        usecase(id="UC-005", title="Abandonné", status="stopped"),
    ]  # fmt: skip


@pytest.fixture
def steer_root(tmp_path: Path) -> Path:
    return write_register(tmp_path / "reg", steer_usecases(), portfolio=PORTFOLIO)


@pytest.fixture
def git_root(steer_root: Path) -> Path:
    """UC-001..UC-003 committed on 2026-10-01, UC-004 on 2026-11-20."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    late = steer_root / "usecases" / "UC-004-case.yaml"
    kept = late.read_text(encoding="utf-8")
    late.unlink()
    git(steer_root, "init", "-q", date="2026-10-01")
    git(steer_root, "add", ".", date="2026-10-01")
    git(steer_root, "commit", "-q", "-m", "first", date="2026-10-01")
    late.write_text(kept, encoding="utf-8")
    git(steer_root, "add", ".", date="2026-11-20")
    git(steer_root, "commit", "-q", "-m", "UC-004", date="2026-11-20")
    return steer_root


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("AIP_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.is_file(), f"missing golden file {name}: run with AIP_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from its golden file"


def assert_escaped(text: str) -> None:
    assert "<img" not in text and "<script>" not in text and "<b>" not in text
    assert "@équipe" not in text  # the mention is made inert (zero-width space)
    assert "| <" not in text


# --- golden Markdown packs --------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("ritual", ["committee", "monthly", "quarterly"])
def test_agenda_packs_match_golden(git_root: Path, ritual: str, lang: str) -> None:
    result = run(git_root, "--lang", lang, "agenda", "--ritual", ritual, "--date", "2026-11-26")
    assert result.exit_code == 0, result.stderr
    assert_escaped(result.stdout)
    check_golden(f"agenda-{ritual}.{lang}.md", result.stdout)


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("command", ["dashboard", "tco", "doctor"])
def test_markdown_reports_match_golden(steer_root: Path, command: str, lang: str) -> None:
    result = run(steer_root, "--lang", lang, command, "--format", "md")
    assert result.exit_code in (0, 1), result.stderr
    assert_escaped(result.stdout)
    check_golden(f"{command}.{lang}.md", result.stdout)


# --- committee pack ---------------------------------------------------------------------


def test_committee_lists_what_the_committee_must_see(git_root: Path) -> None:
    text = run(git_root, "agenda", "--ritual", "committee", "--date", "2026-11-26").stdout
    due, blocked, new, reviews = (text.split("\n## ")[i] for i in range(1, 5))
    assert "UC-001" in due and "UC-003" not in due  # 2026-12-03 < next meeting 2026-12-10
    assert "decision date 2026-11-01 passed 25 days ago" in blocked
    assert "in pilot without security review, legal review" in blocked
    assert "depends on UC-003, still at scoping" in blocked
    assert "UC-004" in new and "UC-001" not in new  # only files added since 2026-11-12
    assert "UC-002" in reviews


def test_committee_without_git_history_says_so(steer_root: Path) -> None:
    result = run(steer_root, "agenda", "--ritual", "committee")
    assert result.exit_code == 0
    assert "not a git repository" in result.stdout


def test_new_entries_depend_on_the_date_not_on_today(git_root: Path) -> None:
    before = run(git_root, "agenda", "--ritual", "committee", "--date", "2026-11-19").stdout
    assert "UC-004" not in before.split("\n## ")[3]


# --- monthly and quarterly --------------------------------------------------------------


def test_monthly_proposals_per_pilot(steer_root: Path) -> None:
    text = run(steer_root, "agenda", "--ritual", "monthly").stdout
    proposals = text.split("\n## ")[4]
    assert "| UC-001 |" in proposals and "**go**" in proposals  # 70 % of target, improving
    assert "| UC-002 |" in proposals and "**stop**" in proposals  # no owner, no measurement
    assert "no business owner: stop or reframe" in proposals


def test_quarterly_flags_over_capacity_and_reallocation(steer_root: Path) -> None:
    text = run(steer_root, "agenda", "--ritual", "quarterly").stdout
    waves, _, balance, candidates = (text.split("\n## ")[i] for i in range(1, 5))
    # wave 1 holds UC-001 to UC-004: one-off 20000 + 30000 + 0 + 9000, effort 6 + 12 + 6 + 6
    assert "€59,000 / €20,000 (295%) **OVER**" in waves
    assert "30 / 10 **OVER**" in waves
    assert "3 / 1 **OVER**" in waves  # idea, scoping and pilot take a slot (counts_as_pilot)
    assert "| UC-003 | Agent usinage | scoping | €12,000 | feasibility 1.60 below" in candidates
    assert "| UC-002 |" in candidates  # pilot proposed for stop
    assert "off target" in balance


# --- tco --------------------------------------------------------------------------------


def test_tco_json_has_the_computed_figures(steer_root: Path) -> None:
    result = run(steer_root, "tco", "UC-002", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    item = data["usecases"][0]
    # 30000 + 800 x 12 = 39600; gain 60000; ROI 20400 / 39600; margin 4200: 30000/4200 -> 8
    assert item["tco_eur"] == 39600
    assert item["roi"] == pytest.approx(20400 / 39600)
    assert item["payback_month"] == 8
    assert item["non_vendor_share"] == pytest.approx(30000 / 39600)


def test_tco_flags_model_cost_only(steer_root: Path) -> None:
    text = run(steer_root, "tco").stdout
    assert "UC-003 Agent usinage: model cost only" in text


def test_tco_unknown_id_is_a_usage_error_with_a_suggestion(steer_root: Path) -> None:
    result = run(steer_root, "tco", "UC-03x")
    assert result.exit_code == 2
    assert "no active use case UC-03x" in result.stderr
    assert "did you mean UC-003?" in result.stderr
    stopped = run(steer_root, "tco", "UC-005")
    assert stopped.exit_code == 2


# --- dashboard --------------------------------------------------------------------------


def test_dashboard_json_has_thirteen_defined_indicators(steer_root: Path) -> None:
    data = json.loads(run(steer_root, "dashboard", "--format", "json").stdout)
    indicators = data["indicators"]
    assert 8 <= len(indicators) <= 13
    assert indicators[-1]["id"] == "ai_act_coverage"  # four per level, then the AI Act
    assert {i["level"] for i in indicators} == {"impact", "adoption", "quality"}
    assert all(i["definition"] for i in indicators)
    uc1 = next(u for u in data["usecases"] if u["id"] == "UC-001")
    assert uc1["kpis"][0]["progress"] == pytest.approx(0.7)
    assert uc1["kpis"][0]["trend"] == "improving"


def test_dashboard_staleness_follows_the_date(steer_root: Path) -> None:
    data = json.loads(
        run(steer_root, "dashboard", "--format", "json", "--date", "2027-01-31").stdout
    )
    uc1 = next(u for u in data["usecases"] if u["id"] == "UC-001")
    assert uc1["kpis"][0]["stale"] is True
    assert uc1["kpis"][0]["age_days"] == 77


def test_bad_date_is_a_usage_error(steer_root: Path) -> None:
    result = run(steer_root, "dashboard", "--date", "2026-13-01")
    assert result.exit_code == 2
    assert "not a date" in result.stderr


# --- doctor -----------------------------------------------------------------------------


def test_doctor_exits_1_on_alert_with_evidence(steer_root: Path) -> None:
    result = run(steer_root, "doctor")
    assert result.exit_code == 1
    assert "ALERT" in result.stdout
    assert "UC-003 Agent usinage: vendor OpenAI named" in result.stdout
    assert "alerts" in result.stderr


def test_doctor_exits_0_without_alert(tmp_path: Path) -> None:
    measured = {
        "name": "Délai",
        "level": "impact",
        "baseline": 48,
        "target": 8,
        "north_star": True,
        "measurements": [{"date": "2026-11-01", "value": 30}],
    }
    root = write_register(
        tmp_path,
        [
            usecase(id="UC-001", status="pilot", kpis=[measured]),
            usecase(id="UC-002"),
            usecase(id="UC-003"),
        ],
    )
    result = run(root, "doctor", "--format", "json")
    assert result.exit_code == 0, result.stdout
    data = json.loads(result.stdout)
    assert [s["level"] for s in data["signals"]] == ["ok"] * 6
    assert data["triage"][0]["verdict"] == "continue"


def test_french_output(steer_root: Path) -> None:
    result = run(steer_root, "--lang", "fr", "doctor")
    assert "Diagnostic du portefeuille" in result.stdout
    assert "arrêter ou recadrer" in result.stdout


# --- one set of format names ------------------------------------------------------------


@pytest.mark.parametrize("command", ["tco", "dashboard", "doctor"])
@pytest.mark.parametrize(("fmt", "marker"), [("table", "---"), ("md", "|---|"), ("json", "{")])
def test_steering_formats_are_table_md_json(
    steer_root: Path, command: str, fmt: str, marker: str
) -> None:
    result = run(steer_root, command, "--format", fmt)
    assert result.exit_code in (0, 1), result.stderr
    assert marker in result.stdout


@pytest.mark.parametrize("old", ["text", "markdown"])
def test_old_format_names_are_refused(steer_root: Path, old: str) -> None:
    result = run(steer_root, "tco", "--format", old)
    assert result.exit_code == 2


@pytest.mark.parametrize(("lang", "header"), [("en", "Trend"), ("fr", "Tendance")])
def test_dashboard_trend_header_sits_over_the_sparkline(
    steer_root: Path, lang: str, header: str
) -> None:
    lines = run(steer_root, "--lang", lang, "dashboard").stdout.splitlines()
    checked = 0
    for i, line in enumerate(lines):
        if header in line and lines[i + 1].startswith("---"):
            column = line.index(header)
            for row in lines[i + 2 :]:
                if not row.strip():
                    break
                if row[column] in "▁▂▃▄▅▆▇█":
                    checked += 1
                else:  # no trend yet: its words start in the column, not one cell off
                    assert row[column - 1] == " " and row[column] != " ", (row, column)
    assert checked
