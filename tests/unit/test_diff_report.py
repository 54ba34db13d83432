"""``aip diff`` reports: hostile text stays inert, the comment stays well formed and under
GitHub's limit. Golden files: ``tests/golden/diff/``; regenerate with
``AIP_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/unit/test_diff_report.py``.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
from pathlib import Path

import pytest
from test_diff_engine import Repo

from aiportfolio.analysis.diff import DiffResult, Entry
from aiportfolio.i18n import Translator
from aiportfolio.report.diff import REPORTERS, format_text
from aiportfolio.report.diff_comment import (
    COMMENT_BUDGET,
    COMMENT_LIMIT,
    MARKER,
    format_markdown,
)
from aiptest import REPO_ROOT, dump_yaml, usecase

GOLDEN = REPO_ROOT / "tests" / "golden" / "diff"
ZWSP = "\u200b"
HUGE = "@everyone <img src=x onerror=alert(1)> | " * 1800  # about 70 kB
HOSTILE_TITLE = "@everyone <img src=x> | pipe #12 [click](https://evil.example) **bold**\nnext line"
OUR_TAGS = re.compile(r"<!-- aip:portfolio -->|</?(details|summary|b|sub)>")


def assert_inert_and_well_formed(text: str) -> None:
    """What a posted comment must guarantee whatever the register holds."""
    assert text.startswith(MARKER + "\n")
    assert len(text) < COMMENT_LIMIT
    assert len(text.encode("utf-16-le")) // 2 < COMMENT_LIMIT
    without_ours = OUR_TAGS.sub("", text)
    assert "<" not in without_ours, "raw HTML from user text"
    assert re.search(r"@(?!\u200b)", text) is None, "a live @mention"
    assert re.search(r"(?<![#\\])#(?!#|\u200b| )", text) is None, "a live #ref"
    depth = 0
    for tag in re.findall(r"</?details>", text):
        depth += 1 if tag == "<details>" else -1
        assert depth in (0, 1)
    assert depth == 0
    in_table = False
    columns = 0
    for line in text.splitlines():
        cells = len(re.findall(r"(?<!\\)\|", line))
        if line.startswith("|"):
            if not in_table:
                in_table, columns = True, cells
            assert cells == columns, f"broken table row: {line[:120]}"
        else:
            in_table = False


def check_golden(name: str, text: str) -> None:
    text = re.sub(r"\b[0-9a-f]{10}\b", "COMMIT", text)
    path = GOLDEN / name
    if os.environ.get("AIP_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == text


@pytest.fixture
def hostile(tmp_path: Path) -> DiffResult:
    """A change full of hostile text: titles, owners, KPI names, decisions, file names,
    a 70 kB owner (a schema error) and a field at the 4,000-character limit."""
    repo = Repo(tmp_path)
    kpi = {"name": "Délai", "level": "impact", "baseline": 48, "target": 8, "north_star": True}
    evil_kpi = {"name": "<details><summary>x", "level": "adoption", "baseline": 1, "target": 2}
    repo.write(usecase(kpis=[kpi, evil_kpi]), usecase(id="UC-002", title="Deux")).commit()
    repo.write(
        usecase(
            title=HOSTILE_TITLE,
            owner={"name": "@org/team | <script>alert(1)</script>\n#3"},
            kpis=[kpi],
            problem=("@here `x` | <img src=y> " * 200)[:3990],
            risk={"level": "high", "ai_act_tier": "high"},
            decisions=[{"date": "2026-11-20", "decision": "go", "by": "@everyone #1"}],
        ),
        usecase(id="UC-003", title="Trois", owner={"name": HUGE[:199]}, problem=HUGE),
        usecase(id="UC-004", title="Quatre @channel", owner={"name": HUGE}),
        files={"usecases/UC-005-<img src=x>|@all.yaml": dump_yaml(usecase(id="UC-005"))},
    )
    repo.remove("usecases/UC-002-case.yaml")
    return repo.diff()


def test_hostile_markdown_is_inert_well_formed_and_matches_golden(hostile: DiffResult) -> None:
    text = format_markdown(hostile, Translator("en"))
    assert_inert_and_well_formed(text)
    assert HUGE[:500] not in text
    assert "&lt;img src=x&gt;" in text
    check_golden("hostile.md", text)


def test_hostile_markdown_in_french(hostile: DiffResult) -> None:
    text = format_markdown(hostile, Translator("fr"))
    assert_inert_and_well_formed(text)
    assert "Ajoutés" in text


def test_hostile_text_report_has_no_control_characters(hostile: DiffResult) -> None:
    text = format_text(hostile, Translator("en"))
    assert "\x1b" not in text
    assert HUGE[:500] not in text
    for line in text.splitlines():
        assert len(line) < 600
    check_golden("hostile.txt", text)


def test_json_keeps_the_full_values(hostile: DiffResult) -> None:
    payload = json.loads(REPORTERS["json"](hostile, Translator("en")))
    [changed] = payload["changed"]
    assert changed["title"] == HOSTILE_TITLE
    assert payload["failed"] is True
    assert {p["rule"] for p in payload["problems"]["new"]} >= {"schema", "id-filename"}


def entry(i: int) -> Entry:
    return Entry(
        id=f"UC-{i:04d}",
        title=(f"@everyone {i} <img src=x> | " * 10)[:200],
        owner="@team | x",
        path=f"usecases/UC-{i:04d}-x.yaml",
        category="quick_win",
        status="idea",
        wave=None,
        total=3.0,
        rank=i,
        risk_level=None,
    )


@pytest.mark.parametrize("count", [10, 400, 3000])
def test_the_comment_is_cut_between_rows_and_points_to_the_full_report(
    hostile: DiffResult, count: int
) -> None:
    big = dataclasses.replace(hostile, added=tuple(entry(i) for i in range(count)))
    t = Translator("en")
    comment = format_markdown(big, t, pointer="Full report: aip-diff-full.md")
    assert_inert_and_well_formed(comment)
    assert len(comment) <= COMMENT_BUDGET
    # What must not be missed survives the cut: new problems and risk alerts.
    assert "| id-filename |" in comment
    assert "AI Act tier: minimal → high" in comment
    full = format_markdown(big, t, budget=None)
    if len(full) > COMMENT_BUDGET:
        assert "Full report: aip-diff-full.md" in comment
        assert "more, see the full report" in comment
    else:
        assert comment == full


def test_every_reporter_ends_with_a_newline(hostile: DiffResult) -> None:
    for name, reporter in REPORTERS.items():
        assert reporter(hostile, Translator("en")).endswith("\n"), name


def test_french_numbers_are_grouped_with_decimal_commas(tmp_path: Path) -> None:
    """Every number goes through report/numbers: no dot decimals, narrow no-break spaces
    between thousands, no-break space before % and €."""
    repo = Repo(tmp_path)
    repo.write(usecase(), usecase(id="UC-002", title="Deux")).commit()
    costs = {
        "horizon_months": 12,
        "one_off": [{"family": "integration", "amount_eur": 26345.5}],
        "monthly": [{"family": "vendor", "amount_eur": 500}],
    }
    scores = {**usecase()["scores"], "business_value": 5}
    repo.write(usecase(costs=costs, scores=scores), usecase(id="UC-002", title="Deux"))
    result = repo.diff(lang="fr")
    for text in (format_text(result, Translator("fr")), format_markdown(result, Translator("fr"))):
        assert re.search(r"\d\.\d", text) is None, "a dot decimal in French"
        assert "20\u202f000 → 26\u202f345,5" in text
        assert "\u00a0€" in text and "\u00a0%" in text
        assert re.search(r"\d %", text) is None, "a plain space before %"
