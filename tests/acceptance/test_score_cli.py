"""``aip score``, ``aip balance`` and ``aip table`` through the CLI: exit codes, stdout,
stderr, formats, languages, hostile input. Markdown outputs are golden files."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path
from typing import Any

import pytest

from aiportfolio.report import score as score_reporters
from aiportfolio.report import table as table_reporters
from aiptest import REPO_ROOT, run, usecase, write_register

GOLDEN = REPO_ROOT / "tests" / "golden" / "score"
CRITERIA = (
    "business_value",
    "time_to_impact",
    "data_integration",
    "risk_compliance",
    "adoption_ownership",
)


def scores(*values: int) -> dict[str, int]:
    return dict(zip(CRITERIA, values, strict=True))


def costs(one_off: float) -> dict[str, Any]:
    return {
        "horizon_months": 12,
        "one_off": [{"family": "integration", "amount_eur": one_off}],
        "monthly": [],
    }


HOSTILE_TITLE = "Tri | <img src=x onerror=alert(1)> **gras** @team #12"

PORTFOLIO = [
    usecase(
        id="UC-001",
        title="Extraction des bons de commande",
        scores=scores(4, 5, 4, 4, 4),
        costs=costs(30000),
    ),
    usecase(id="UC-002", title=HOSTILE_TITLE, scores=scores(3, 4, 4, 3, 4), costs=costs(20000)),
    usecase(
        id="UC-003",
        title="Jumeau numérique\nautonome",
        category="differentiator",
        scores=scores(5, 5, 1, 1, 2),
        costs=costs(200000),
        owner={"name": "Laurent | Chevalier"},
    ),
    usecase(
        id="UC-004",
        title="Socle connecteurs ERP",
        category="foundation",
        scores={k: v for k, v in scores(3, 3, 4, 4, 3).items() if k != "time_to_impact"},
        estimates={"weeks_to_pilot": 10},
        ratings=[
            {"by": "Alice", "date": "2026-10-01", "scores": {"business_value": 2}},
            {"by": "Bruno", "date": "2026-10-02", "scores": {"business_value": 5}},
        ],
        costs=costs(50000),
    ),
    usecase(
        id="UC-005",
        title="Charte IA",
        category="compliance",
        scores={"business_value": 3},
        costs=costs(10000),
    ),
    usecase(id="UC-006", title="Ancien POC", status="stopped", scores=scores(5, 5, 5, 5, 5)),
]


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return write_register(tmp_path, PORTFOLIO, portfolio="language: en\n")


def golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("AIP_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.is_file(), f"missing golden file {path}; run with AIP_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8")


# --- aip score ---------------------------------------------------------------------------


def test_score_ranks_with_floor_and_missing_reported(root: Path) -> None:
    result = run(root, "score", env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    # ranked order: feasible entries by total, then the one under the floor, then incomplete
    order = [out.index(uid) for uid in ("UC-001", "UC-002", "UC-004", "UC-003", "UC-005")]
    assert order == sorted(order)
    assert "UC-006" not in out  # stopped
    assert "below the floor 2.50" in out
    assert "not ranked, missing: Time-to-impact, Data" in out  # UC-005, not UC-004 (measured)
    assert out.count("not ranked, missing") == 1
    assert "UC-005 is not ranked until it is fully scored" in out
    # the disagreement is said once, in the entry's notes, with who said what
    assert "raters split on Business value (Alice 2, Bruno 5)" in out
    assert out.count("Alice 2, Bruno 5") == 1


def test_score_json_is_machine_readable(root: Path) -> None:
    result = run(root, "score", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    entries = {e["id"]: e for e in data["entries"]}
    assert [e["id"] for e in data["entries"]] == ["UC-001", "UC-002", "UC-004", "UC-003", "UC-005"]
    assert [e["rank"] for e in data["entries"]] == [1, 2, 3, 4, None]
    assert entries["UC-003"]["below_floor"] is True
    assert entries["UC-005"]["missing"] == list(CRITERIA[1:])
    assert entries["UC-005"]["total"] is None  # not zero
    tti = entries["UC-004"]["criteria"]["time_to_impact"]
    assert (tti["score"], tti["source"], tti["measured"]) == (2, "measure", 10)
    assert entries["UC-004"]["criteria"]["business_value"]["score"] == 3.5  # median of 2 and 5
    assert entries["UC-004"]["disagreements"] == ["business_value"]
    assert "\x1b[" not in result.stdout
    assert "ranked" in result.stderr  # summary goes to stderr


def test_score_csv(root: Path) -> None:
    result = run(root, "score", "-f", "csv", "--top", "2")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["id"] for r in rows] == ["UC-001", "UC-002"]
    assert rows[1]["title"] == HOSTILE_TITLE
    assert rows[0]["total"] == "4.2"  # (120 + 100 + 80 + 60 + 60) / 100


@pytest.mark.parametrize("fmt", list(score_reporters.REPORTERS))
def test_every_score_format_works(root: Path, fmt: str) -> None:
    for extra in ([], ["--matrix"], ["--explain", "UC-002"]):
        if fmt == "csv" and extra[:1] == ["--explain"]:
            continue
        result = run(root, "score", "--format", fmt, *extra)
        assert result.exit_code == 0, (fmt, extra, result.stderr)
        assert result.stdout.strip()


@pytest.mark.parametrize(
    ("args", "ids"),
    [
        (["--category", "quick_win"], ["UC-001", "UC-002"]),
        (["--category", "foundation", "--category", "compliance"], ["UC-004", "UC-005"]),
        (["--status", "idea"], []),
        (["--top", "1"], ["UC-001"]),
        (["--category", "differentiator"], ["UC-003"]),
    ],
)
def test_score_filters(root: Path, args: list[str], ids: list[str]) -> None:
    result = run(root, "score", "-f", "json", *args)
    assert result.exit_code == 0
    assert [e["id"] for e in json.loads(result.stdout)["entries"]] == ids


def test_filter_keeps_global_rank(root: Path) -> None:
    data = json.loads(run(root, "score", "-f", "json", "--category", "differentiator").stdout)
    assert data["entries"][0]["rank"] == 4


def test_weights_not_summing_to_100_exit_2(tmp_path: Path) -> None:
    weights = (REPO_ROOT / "config" / "weights.yaml").read_text("utf-8")
    bad = weights.replace("weight: 30", "weight: 35", 1)
    root = write_register(tmp_path, [usecase()], weights=bad)
    result = run(root, "score")
    assert result.exit_code == 2
    assert "config/weights.yaml" in result.stderr
    assert "weights must sum to 100, they sum to 105" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_weight_change_reorders_the_cli_ranking(tmp_path: Path) -> None:
    fast = usecase(id="UC-001", scores=scores(2, 5, 5, 3, 3))  # default 3.5, value-heavy 2.8
    valuable = usecase(id="UC-002", scores=scores(5, 2, 3, 3, 3))  # default 3.4, value-heavy 4.1
    weights = (REPO_ROOT / "config" / "weights.yaml").read_text("utf-8")
    heavy = (
        weights.replace("weight: 30", "weight: 60")
        .replace("weight: 20", "weight: 10")
        .replace("weight: 15", "weight: 10")
    )
    default_root = write_register(tmp_path / "a", [fast, valuable])
    heavy_root = write_register(tmp_path / "b", [fast, valuable], weights=heavy)
    first = json.loads(run(default_root, "score", "-f", "json").stdout)["entries"]
    second = json.loads(run(heavy_root, "score", "-f", "json").stdout)["entries"]
    assert [(e["id"], e["total"]) for e in first] == [("UC-001", 3.5), ("UC-002", 3.4)]
    assert [(e["id"], e["total"]) for e in second] == [("UC-002", 4.1), ("UC-001", 2.8)]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--explain", "UC-002x"], "no use case UC-002x in the register"),
        (["--explain", "UC-404"], "no use case UC-404"),
        (["--top", "0"], "--top must be 1 or more"),
        (["--explain", "UC-001", "--matrix"], "not both"),
        (["--explain", "UC-001", "-f", "csv"], "--explain supports"),
        (["--format", "xml"], "xml"),
        (["--category", "moonshot"], "moonshot"),
    ],
)
def test_score_usage_errors_exit_2(root: Path, args: list[str], message: str) -> None:
    result = run(root, "score", *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_explain_unknown_id_suggests(root: Path) -> None:
    result = run(root, "score", "--explain", "UC-002x")
    assert "did you mean UC-002?" in result.stderr


def test_explain_shows_contributions_points_and_what_if(root: Path) -> None:
    result = run(root, "score", "--explain", "uc-003", env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "rank 4 of 4" in out
    assert "1.50 / 1.50" in out  # business value 5 x 30 %
    assert "Data missing or locked, no connector, unknown cost" in out  # point 1 of the grid
    assert "below the floor 2.50" in out
    assert "Data & integration feasibility from 1 to 4 (+3): rank" in out


def test_explain_json_what_if(root: Path) -> None:
    data = json.loads(run(root, "score", "--explain", "UC-004", "-f", "json").stdout)
    assert data["rank"] == 3 and data["ahead"] == "UC-002"
    # UC-004 totals 3.30 (business value is the median 3.5), UC-002 3.55: a gap of 0.25
    # cheapest first: +1.5 on business value (+0.45), then +2 on adoption (+0.3) or
    # time-to-impact (+0.4); +1 anywhere else is not enough
    assert [(w["criterion"], w["from"], w["to"], w["new_rank"]) for w in data["to_pass_ahead"]] == [
        ("business_value", 3.5, 5, 2),
        ("adoption_ownership", 3, 5, 2),
        ("time_to_impact", 2, 4, 2),
    ]
    bv = data["criteria"][0]
    assert bv["points"] == {
        "3": "Clear gain on one process, 20–100 k€ a year",
        "4": "Significant gain on a core process, 100–300 k€ a year",
    }
    assert bv["ratings"] == [{"by": "Alice", "score": 2}, {"by": "Bruno", "score": 5}]


def test_explain_says_when_no_single_criterion_is_enough(root: Path) -> None:
    # UC-002 (3.55) cannot pass UC-001 (4.20) with one criterion: +0.6 at most
    result = run(root, "score", "--explain", "UC-002", env={"COLUMNS": "160"})
    assert "no single criterion is enough" in result.stdout


def test_matrix_terminal_names_quadrants(root: Path) -> None:
    result = run(root, "score", "--matrix", env={"COLUMNS": "140"})
    assert result.exit_code == 0
    for name in ("Priorities", "Strategic bets", "Easy extras", "Park"):
        assert name in result.stdout
    assert "Not placed (an axis is missing a score): UC-005" in result.stdout


def test_french_labels(root: Path) -> None:
    result = run(root, "--lang", "fr", "score", "--matrix", env={"COLUMNS": "140"})
    for word in ("Valeur", "Faisabilité", "Priorités", "Paris stratégiques"):
        assert word in result.stdout
    table = run(root, "--lang", "fr", "score", env={"COLUMNS": "200"}).stdout
    assert "Gain rapide" in table and "Socle" in table and "4,20" in table
    balance = run(root, "--lang", "fr", "balance").stdout
    assert "Gains rapides" in balance and "Socle" in balance


def test_invalid_files_are_reported_on_stderr(root: Path) -> None:
    (root / "usecases" / "UC-009-broken.yaml").write_text("id: UC-009\ntitle: [\n", "utf-8")
    result = run(root, "score")
    assert result.exit_code == 0
    assert "invalid and was left out" in result.stderr


# --- golden Markdown (escaping of pipes, newlines, HTML, mentions) ---------------------


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("score.md", ["score", "-f", "md"]),
        ("score.fr.md", ["--lang", "fr", "score", "-f", "md"]),
        ("matrix.md", ["score", "--matrix", "-f", "md"]),
        ("explain.md", ["score", "--explain", "UC-003", "-f", "md"]),
        ("balance.md", ["balance", "-f", "md"]),
        ("table.md", ["table", "-f", "md"]),
    ],
)
def test_markdown_golden(root: Path, name: str, args: list[str]) -> None:
    result = run(root, *args)
    assert result.exit_code in (0, 1), result.stderr
    golden(name, result.stdout)


def test_markdown_escapes_user_text(root: Path) -> None:
    for args in (["score", "-f", "md"], ["table", "-f", "md"]):
        out = run(root, *args).stdout
        assert "<img" not in out and "&lt;img" in out
        assert "Tri \\| " in out
        assert "Jumeau numérique autonome" in out  # newline folded into the cell
        assert "@\u200bteam" in out and "#\u200b12" in out
        assert "Laurent \\| Chevalier" in out or (args[0] == "score" and "Laurent" in out)


def test_mermaid_labels_are_quoted_and_cleaned(root: Path) -> None:
    out = run(root, "score", "--matrix", "-f", "md").stdout
    chart = out.split("```mermaid", 1)[1].split("```", 1)[0]
    points = [line.strip() for line in chart.splitlines() if line.strip().startswith('"UC-')]
    assert len(points) == 4  # UC-005 cannot be placed
    for line in points:
        label, coords = line.rsplit(": [", 1)
        assert label.count('"') == 2 and not any(c in label[1:-1] for c in '<>|[]:;"()')
        x, y = coords.rstrip("]").split(", ")
        for value in (x, y):  # mermaid accepts 1, 0 or 0.<digits> only
            assert value in ("0", "1") or (value.startswith("0.") and value[2:].isdigit())


# --- aip balance -----------------------------------------------------------------------


def test_balance_outside_tolerance_exits_1_with_moves(root: Path) -> None:
    result = run(root, "balance")
    assert result.exit_code == 1
    out = result.stdout
    assert "By count" in out and "By budget" in out
    assert "█" in out and "│" in out
    assert "To restore the balance" in out
    assert "by budget: move" in out
    assert "[category-compliance-kpi]" in out  # UC-005 has no risk-reduction KPI
    assert "outside tolerance" in result.stderr


def test_balance_within_tolerance_exits_0(tmp_path: Path) -> None:
    cats = ["quick_win"] * 3 + ["foundation", "differentiator"]
    entries = [
        usecase(id=f"UC-{i:03d}", category=c, costs=costs(1000))
        for i, c in enumerate(cats, start=1)
    ]
    root = write_register(tmp_path, entries, portfolio="language: en\n")
    result = run(root, "balance")
    assert result.exit_code == 0, result.stdout
    assert "within tolerance" in result.stderr


@pytest.mark.parametrize(("gate", "code"), [("count", 0), ("budget", 1), ("both", 1)])
def test_balance_gate(tmp_path: Path, gate: str, code: int) -> None:
    # balanced by count (3/1/1) but the differentiator takes most of the budget
    cats = ["quick_win"] * 3 + ["foundation", "differentiator"]
    entries = [
        usecase(
            id=f"UC-{i:03d}", category=c, costs=costs(100000 if c == "differentiator" else 1000)
        )
        for i, c in enumerate(cats, start=1)
    ]
    root = write_register(tmp_path, entries)
    assert run(root, "balance", "--by", gate).exit_code == code


def test_balance_json(root: Path) -> None:
    data = json.loads(run(root, "balance", "-f", "json").stdout)
    groups = {g["group"]: g for g in data["groups"]}
    assert data["total_count"] == 5
    assert groups["quick_wins"]["count"] == 2
    assert groups["differentiation_compliance"]["count"] == 2  # differentiator + compliance
    assert data["total_budget"] == 310000
    assert data["ok"] is False


# --- aip table --------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", list(table_reporters.REPORTERS))
def test_every_table_format_works(root: Path, fmt: str) -> None:
    result = run(root, "table", "--format", fmt)
    assert result.exit_code == 0
    assert "UC-001" in result.stdout and "UC-006" not in result.stdout


def test_table_csv_columns(root: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(run(root, "table", "-f", "csv", "--all").stdout)))
    assert [r["id"] for r in rows] == [f"UC-00{i}" for i in range(1, 7)]
    first = rows[0]
    assert first["owner"] == "Claire Martin"
    assert first["kpi_north_star"] == "Délai de tri (heures)"
    assert first["baseline"] == "48 heures"
    assert first["risk"] == "medium"
    assert first["decision_date"] == "2099-01-15"
    assert first["data_integrations"] == "CRM"


@pytest.mark.parametrize(
    ("width", "marker"), [("200", "KPI North Star"), ("90", "KPI North Star:")]
)
def test_table_terminal_wide_and_narrow(root: Path, width: str, marker: str) -> None:
    result = run(root, "table", env={"COLUMNS": width})
    assert result.exit_code == 0 and marker in result.stdout
    assert "Risk: L low, M medium, H high" in result.stdout


@pytest.mark.parametrize(
    ("title", "written"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+33 1 23", "'+33 1 23"),
        ("-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("-5 % de rebuts", "'-5 % de rebuts"),
        ("Plain title", "Plain title"),
    ],
)
@pytest.mark.parametrize("command", ["score", "table"])
def test_csv_cells_never_start_a_formula(
    tmp_path: Path, command: str, title: str, written: str
) -> None:
    root = write_register(tmp_path, [usecase(id="UC-001", title=title)])
    result = run(root, command, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows[0]["title"] == written
    if command == "score":
        assert rows[0]["total"][:1].isdigit()  # numbers are left alone


# --- a priority list says why ------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            [
                "UC-001, rank 1: strong on Time-to-impact 5 (",
                "held back by",
                "✓ already delivered (operated)",
                "✓ = already delivered (operated): kept in the ranking",
            ],
        ),
        (
            "fr",
            [
                "UC-001, rang 1 : fort sur Délai d'impact 5 (",
                " ; freiné par",
                "✓ déjà livré (en exploitation)",
                "✓ = déjà livré (en exploitation) : gardé dans le classement",
            ],
        ),
    ],
)
@pytest.mark.parametrize("fmt", ["table", "md"])
def test_top_list_says_why_and_marks_delivered_entries(
    tmp_path: Path, lang: str, expected: list[str], fmt: str
) -> None:
    root = write_register(
        tmp_path,
        [
            usecase(id="UC-001", status="operated", scores=scores(3, 5, 4, 4, 4)),
            usecase(id="UC-002", scores=scores(4, 4, 4, 4, 2)),
            usecase(id="UC-003", scores=scores(2, 3, 3, 3, 3)),
        ],
    )
    result = run(
        root,
        *("--lang", lang, "score", "--top", "2", "--include-delivered", "--format", fmt),
        env={"COLUMNS": "200"},
    )
    assert result.exit_code == 0, result.stderr
    text = result.stdout.replace("&amp;", "&").replace("\\'", "'")
    for phrase in expected:
        assert phrase in text, phrase
    assert "UC-003" not in text  # not in the top 2: no why either


def test_without_top_no_why_section(root: Path) -> None:
    assert "held back by" not in run(root, "score", env={"COLUMNS": "200"}).stdout
