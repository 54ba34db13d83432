"""``aip plan`` and ``aip roadmap`` through the CLI: exit codes, formats, --compare,
--apply round trip (byte for byte), golden roadmap Markdown.

Regenerate the golden files with ``AIP_UPDATE_GOLDEN=1 pytest tests/acceptance/test_plan_cli.py``.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from aiptest import REPO_ROOT, run, usecase, write_register

GOLDEN = REPO_ROOT / "tests" / "golden" / "plan"

PORTFOLIO = """\
language: en
waves:
  - id: 1
    name: Measured pilots
    goal: Two pilots with a baseline
    start: 2027-01-04
    end: 2027-03-26
    deliverables: [Baselines measured]
    capacity: {max_parallel_pilots: 2, person_weeks: 20, budget_eur: 100000}
  - id: 2
    name: Controlled industrialisation
    weeks: 10
    capacity: {max_parallel_pilots: 2, person_weeks: 20, budget_eur: 100000}
planning:
  enforce_balance: false
  compliance_wave: 2
"""


def scores(value: int) -> dict[str, int]:
    return {
        "business_value": value,
        "time_to_impact": value,
        "data_integration": value,
        "risk_compliance": value,
        "adoption_ownership": value,
    }


def small_register(tmp_path: Path, *extra: dict, portfolio: str = PORTFOLIO) -> Path:
    cases = [
        usecase(id="UC-001", scores=scores(5), plan={"wave": 2, "effort_weeks": 8}),
        usecase(id="UC-002", scores=scores(4), plan={"effort_weeks": 8}),
        usecase(id="UC-003", scores=scores(3), plan={"effort_weeks": 8}),
        *extra,
    ]
    return write_register(tmp_path, cases, portfolio=portfolio)


def plan_json(root: Path, *args: str) -> dict:
    result = run(root, "plan", "--format", "json", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_plan_fills_waves_by_score_within_capacity(tmp_path: Path) -> None:
    data = plan_json(small_register(tmp_path))
    waves = {u["id"]: u["wave"] for u in data["usecases"]}
    assert waves == {"UC-001": 1, "UC-002": 1, "UC-003": 2}
    assert data["status"] == "optimal"
    assert data["gap"] == 0


@pytest.mark.parametrize(
    ("extra", "reason"),
    [
        ([usecase(id="UC-004", scores={"business_value": 5})], "missing_scores"),
        (
            [usecase(id="UC-004", scores=scores(5), plan={"effort_weeks": 40})],
            "capacity",
        ),
        (
            [
                usecase(id="UC-004", scores=scores(5), plan={"depends_on": ["UC-005"]}),
                usecase(id="UC-005", scores={"business_value": 5}),
            ],
            "dependency",
        ),
        # A prerequisite that does not exist is a check error: the entry fails the gate.
        (
            [usecase(id="UC-004", scores=scores(5), plan={"depends_on": ["UC-099"]})],
            "gate",
        ),
    ],
)
def test_each_unscheduled_entry_gets_its_binding_reason(
    tmp_path: Path, extra: list[dict], reason: str
) -> None:
    data = plan_json(small_register(tmp_path, *extra))
    found = {u["id"]: u["reason"] for u in data["unscheduled"]}
    assert found["UC-004"] == reason


def test_risk_gated_entry_waits_for_the_compliance_wave(tmp_path: Path) -> None:
    risky = usecase(id="UC-004", scores=scores(5), plan={"effort_weeks": 1}, risk={"level": "high"})
    data = plan_json(small_register(tmp_path, risky))
    assert {u["id"]: u["wave"] for u in data["usecases"]}["UC-004"] == 2


def test_greedy_strategy_is_available_as_baseline(tmp_path: Path) -> None:
    data = plan_json(small_register(tmp_path), "--strategy", "greedy")
    assert data["strategy"] == "greedy"
    assert data["status"] == "feasible"
    assert data["bound"] is None


@pytest.mark.parametrize(
    ("pinned", "kind"),
    [
        # Two pinned pilots over a wave's 20 person-weeks.
        (
            [
                usecase(
                    id="UC-004",
                    status="pilot",
                    scores=scores(2),
                    plan={"wave": 1, "effort_weeks": 15},
                ),
                usecase(
                    id="UC-005",
                    status="pilot",
                    scores=scores(2),
                    plan={"wave": 1, "effort_weeks": 15},
                ),
            ],
            "capacity",
        ),
        # A pinned entry depending on one pinned in a later wave.
        (
            [
                usecase(
                    id="UC-004",
                    status="pilot",
                    scores=scores(2),
                    plan={"wave": 1, "depends_on": ["UC-005"]},
                ),
                usecase(id="UC-005", status="pilot", scores=scores(2), plan={"wave": 2}),
            ],
            "pinned_dependency",
        ),
        # A high-risk entry pinned before the compliance wave.
        (
            [
                usecase(
                    id="UC-004",
                    status="industrialising",
                    scores=scores(2),
                    risk={"level": "high"},
                    plan={"wave": 1},
                )
            ],
            "pinned_risk_gate",
        ),
    ],
)
def test_conflicting_constraints_are_named_and_exit_1(
    tmp_path: Path, pinned: list, kind: str
) -> None:
    root = small_register(tmp_path, *pinned)
    result = run(root, "plan", "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["status"] == "infeasible"
    assert kind in [c["kind"] for c in data["conflicts"]]
    assert "no plan" in result.stderr


def test_apply_refuses_to_write_when_constraints_conflict(tmp_path: Path) -> None:
    root = small_register(
        tmp_path,
        usecase(
            id="UC-004", status="pilot", scores=scores(2), plan={"wave": 1, "effort_weeks": 30}
        ),
    )
    before = {p: p.read_bytes() for p in (root / "usecases").iterdir()}
    result = run(root, "plan", "--apply")
    assert result.exit_code == 1
    assert {p: p.read_bytes() for p in (root / "usecases").iterdir()} == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--discount", "0"), "--discount"),
        (("--discount", "1.5"), "--discount"),
        (("--time-limit", "-1"), "--time-limit"),
        (("--format", "xml"), "xml"),
    ],
)
def test_bad_options_exit_2(tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    result = run(small_register(tmp_path), "plan", *args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_no_waves_configured_exits_2_with_a_hint(tmp_path: Path) -> None:
    root = write_register(tmp_path, [usecase()], portfolio="language: en\n")
    for command in ("plan", "roadmap"):
        result = run(root, command)
        assert result.exit_code == 2
        assert "no waves configured" in result.stderr


def test_compare_lists_moved_added_dropped_with_both_objectives(tmp_path: Path) -> None:
    dropped = usecase(id="UC-004", scores=scores(1), plan={"wave": 1, "effort_weeks": 19})
    data = plan_json(small_register(tmp_path, dropped), "--compare")
    changes = {c["id"]: c["change"] for c in data["comparison"]["changes"]}
    assert changes == {"UC-001": "moved", "UC-002": "added", "UC-003": "added", "UC-004": "dropped"}
    assert data["comparison"]["proposal_objective"] > data["comparison"]["register_objective"]
    text = run(tmp_path, "plan", "--compare").stdout
    assert "Proposal against the register" in text


@pytest.mark.parametrize("fmt", ["table", "json", "md"])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_format_in_both_languages(tmp_path: Path, fmt: str, lang: str) -> None:
    result = run(small_register(tmp_path), "--lang", lang, "plan", "--format", fmt, "--compare")
    assert result.exit_code == 0
    assert ("Vague" if lang == "fr" else "Wave") in result.stdout or fmt == "json"
    if fmt == "json":
        json.loads(result.stdout)


def test_markdown_escapes_user_text(tmp_path: Path) -> None:
    hostile = usecase(id="UC-004", title="<img src=x> | @team *bold*", scores=scores(5))
    out = run(small_register(tmp_path, hostile), "plan", "--format", "md").stdout
    assert "<img" not in out
    assert "\\|" in out and "\\*bold\\*" in out


# --- --apply on the example register ------------------------------------------------------


def copy_example(tmp_path: Path) -> Path:
    root = tmp_path / "example"
    shutil.copytree(REPO_ROOT / "config", root / "config")
    shutil.copytree(REPO_ROOT / "usecases", root / "usecases")
    shutil.copytree(REPO_ROOT / "conformite", root / "conformite")  # AI Act evidence
    return root


def test_apply_changes_only_the_wave_lines_byte_for_byte(tmp_path: Path) -> None:
    root = copy_example(tmp_path)
    before = {p.name: p.read_bytes() for p in (root / "usecases").glob("*.yaml")}
    proposal = plan_json(root, "--compare")
    result = run(root, "plan", "--apply")
    assert result.exit_code == 0, result.stderr
    after = {p.name: p.read_bytes() for p in (root / "usecases").glob("*.yaml")}
    changed = {c["id"]: c for c in proposal["comparison"]["changes"]}
    assert changed, "the example register should differ from the proposal somewhere"
    for name, old in before.items():
        uid = name[:6]
        new = after[name]
        if uid not in changed:
            assert new == old, name
            continue
        old_lines = old.decode().splitlines(keepends=True)
        new_lines = new.decode().splitlines(keepends=True)
        removed = [line for line in old_lines if line not in new_lines]
        added = [line for line in new_lines if line not in old_lines]
        # Only plan/wave lines come and go; every other line is kept byte for byte.
        assert all(line.strip().startswith(("wave:", "plan:")) for line in removed + added), name
    # Applying again is a no-op: the register now matches the proposal.
    again = run(root, "--lang", "en", "plan", "--apply")
    assert "nothing written" in again.stderr
    assert {p.name: p.read_bytes() for p in (root / "usecases").glob("*.yaml")} == after


@pytest.mark.parametrize(
    ("text", "wave", "expected"),
    [
        (
            "id: UC-001  # keep me\ntitle: T\ncosts:\n  horizon_months: 12\nnext_step: Go\n",
            2,
            "id: UC-001  # keep me\ntitle: T\ncosts:\n  horizon_months: 12\n"
            "plan:\n  wave: 2\nnext_step: Go\n",
        ),
        (
            "id: UC-001\nplan:\n  effort_weeks: 3  # estimate\n",
            1,
            "id: UC-001\nplan:\n  wave: 1\n  effort_weeks: 3  # estimate\n",
        ),
        (
            "id: UC-001\nplan:\n  wave: 3\n  effort_weeks: 3\n",
            None,
            "id: UC-001\nplan:\n  effort_weeks: 3\n",
        ),
        ("id: UC-001\nplan:\n  wave: 3\n", None, "id: UC-001\n"),
        ("id: UC-001\nplan:\n  wave: 3\n", 3, "id: UC-001\nplan:\n  wave: 3\n"),
    ],
)
def test_set_wave_inserts_where_the_schema_puts_it(
    text: str, wave: int | None, expected: str
) -> None:
    from aiportfolio.actions.plan import set_wave

    assert set_wave(text, wave) == expected


# --- roadmap ------------------------------------------------------------------------------


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("AIP_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.is_file(), f"missing golden file {path}; run with AIP_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_roadmap_of_the_example_register_matches_golden(tmp_path: Path, lang: str) -> None:
    root = copy_example(tmp_path)
    result = run(root, "--lang", lang, "roadmap")
    assert result.exit_code == 0, result.stderr
    check_golden(f"roadmap.{lang}.md", result.stdout)


def test_roadmap_proposed_and_out_file(tmp_path: Path) -> None:
    root = small_register(tmp_path)
    target = tmp_path / "ROADMAP.md"
    result = run(root, "roadmap", "--proposed", "--out", str(target))
    assert result.exit_code == 0, result.stderr
    text = target.read_text(encoding="utf-8")
    assert "Waves proposed by aip plan" in text
    assert "```mermaid\ngantt" in text
    wave_1 = text.split("## Wave 1 — Measured pilots")[1].split("## Wave 2")[0]
    assert "UC-002" in wave_1  # proposed in wave 1; the register has no wave for it


def test_roadmap_template_can_be_overridden_by_the_register(tmp_path: Path) -> None:
    root = small_register(tmp_path)
    (root / "templates").mkdir()
    (root / "templates" / "roadmap.md.j2").write_text("custom {{ r.waves | length }}\n")
    assert run(root, "roadmap").stdout == "custom 2\n"


def test_roadmap_escapes_user_text_in_markdown_and_mermaid(tmp_path: Path) -> None:
    hostile = usecase(
        id="UC-004", title="Evil: [x](y) <b>|</b>", scores=scores(5), plan={"wave": 1}
    )
    out = run(small_register(tmp_path, hostile), "roadmap").stdout
    gantt = out.split("```mermaid")[1].split("```")[0]
    assert "Evil x y b /b" in gantt
    assert "<b>" not in out


@pytest.mark.parametrize(
    ("risk", "expected"),
    [
        ({"level": "low", "ai_act_tier": "prohibited"}, "AI Act tier prohibited"),
        ({"level": "low", "ai_act_tier": "minimal", "personal_data": True}, "personal data"),
        (
            {"level": "low", "ai_act_tier": "minimal", "critical_decision": True},
            "critical decision",
        ),
        ({"level": "high", "ai_act_tier": "minimal"}, "high risk level; missing: security"),
    ],
)
def test_roadmap_risks_are_the_agenda_risk_reasons(
    tmp_path: Path, risk: dict, expected: str
) -> None:
    risky = usecase(id="UC-004", title="Risky", scores=scores(5), plan={"wave": 1}, risk=risk)
    out = run(small_register(tmp_path, risky), "roadmap").stdout
    wave_1 = out.split("## Wave 1 — Measured pilots")[1].split("## Wave 2")[0]
    risks = wave_1.split("### Risks needing review")[1].split("###")[0]
    assert f"UC-004 Risky: {expected}" in risks


def test_roadmap_risks_come_from_the_engine(tmp_path: Path) -> None:
    import datetime as dt

    from aiportfolio.analysis.agenda import risk_reasons
    from aiportfolio.analysis.roadmap import build_roadmap
    from aiportfolio.register.loader import load_register

    risky = usecase(id="UC-004", scores=scores(5), plan={"wave": 1}, risk={"personal_data": True})
    register = load_register(small_register(tmp_path, risky))
    roadmap = build_roadmap(register.usecases, register.config, dt.date(2026, 11, 26))
    [entry] = [r for w in roadmap.waves for r in w.risks]
    assert entry.usecase.id == "UC-004"
    expected = [r for r in risk_reasons(entry.usecase) if r.key != "agenda.review.missing"]
    assert list(entry.reasons) == expected


# --- a balance no plan can meet -------------------------------------------------------------

BALANCED = """\
language: en
balance:
  tolerance: 10
  groups:
    - {id: quick_wins, categories: [quick_win], target: 60}
    - {id: foundations, categories: [foundation], target: 20}
    - {id: differentiation_compliance, categories: [differentiator, compliance], target: 20}
waves:
  - {id: 1, name: Measured pilots, weeks: 12, capacity: {max_parallel_pilots: 2}}
  - {id: 2, name: Industrialisation, weeks: 12, capacity: {max_parallel_pilots: 2}}
planning:
  enforce_balance: true
"""


def quick_wins_only(tmp_path: Path) -> Path:
    """A fresh register: one scoping quick win in wave 1, one new quick win, all scored."""
    cases = [
        usecase(id="UC-001", scores=scores(4), plan={"wave": 1, "effort_weeks": 6}),
        usecase(id="UC-002", scores=scores(3), plan={}),
    ]
    return write_register(tmp_path, cases, portfolio=BALANCED)


@pytest.mark.parametrize("strategy", ["exact", "greedy"])
def test_a_balance_only_an_empty_plan_meets_is_a_conflict(tmp_path: Path, strategy: str) -> None:
    root = quick_wins_only(tmp_path)
    result = run(root, "plan", "--format", "json", "--strategy", strategy)
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["status"] == "infeasible"
    [conflict] = data["conflicts"]
    assert conflict["kind"] == "balance_empty"
    assert "--no-balance" in conflict["message"]
    assert "Foundations" in conflict["message"]  # the group with no candidate, by its label
    assert "proven optimal" not in result.stderr


def test_apply_keeps_the_waves_when_the_balance_cannot_be_met(tmp_path: Path) -> None:
    root = quick_wins_only(tmp_path)
    before = {p: p.read_bytes() for p in (root / "usecases").iterdir()}
    result = run(root, "plan", "--apply")
    assert result.exit_code == 1
    assert "category balance cannot be met" in result.stdout and "--no-balance" in result.stdout
    assert "bound - · gap -" in result.stdout  # no plan: nothing proven about a bound
    assert "nothing written" in result.stderr
    assert {p: p.read_bytes() for p in (root / "usecases").iterdir()} == before
    # Without the balance the same register has a plan, and --apply writes it.
    applied = run(root, "plan", "--apply", "--no-balance")
    assert applied.exit_code == 0, applied.stderr
    assert "wave: 1" in next((root / "usecases").glob("UC-002*")).read_text()


def test_apply_names_every_wave_it_removes(tmp_path: Path) -> None:
    root = small_register(
        tmp_path,
        usecase(id="UC-004", scores=scores(1), plan={"wave": 2, "effort_weeks": 20}),
    )
    result = run(root, "plan", "--apply")
    assert result.exit_code == 0, result.stderr
    assert "UC-004: plan.wave 2 removed (team capacity)" in result.stderr


# --- --apply goes through actions/writing.py ----------------------------------------------------


@pytest.mark.parametrize(("bom", "newline"), [(False, "\r\n"), (True, "\n"), (True, "\r\n")])
def test_apply_keeps_bom_and_line_ends(tmp_path: Path, bom: bool, newline: str) -> None:
    root = small_register(tmp_path)
    path = next((root / "usecases").glob("UC-002*"))
    text = path.read_text(encoding="utf-8").replace("\n", newline)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    result = run(root, "plan", "--apply")
    assert result.exit_code == 0, result.stderr
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") is bom
    body = raw.decode("utf-8-sig")
    assert "wave: 1" in body
    if newline == "\r\n":
        assert "\n" not in body.replace("\r\n", "")
    else:
        assert "\r" not in body


def test_wave_edits_are_file_edits_applied_under_the_lock(tmp_path: Path) -> None:
    from aiportfolio.actions.plan import wave_edits
    from aiportfolio.actions.writing import apply_edits
    from aiportfolio.analysis.planning.instance import PlanOptions
    from aiportfolio.analysis.planning.plan import plan_register
    from aiportfolio.errors import UsageError
    from aiportfolio.register.loader import load_register
    from aiportfolio.register.source import FileEdit

    root = small_register(tmp_path)
    register = load_register(root)
    edits = wave_edits(register, plan_register(register, PlanOptions()))
    assert edits and all(isinstance(e, FileEdit) for e in edits)
    # A file changed since the plan was made is not overwritten.
    edits[0].path.write_text(edits[0].path.read_text() + "# edited meanwhile\n")
    with pytest.raises(UsageError):
        apply_edits(edits, root=root)
    assert "# edited meanwhile" in edits[0].path.read_text()


# --- output polish ----------------------------------------------------------------------------

LONG_TITLE = "Base de connaissances documentaire (procédures, gammes, fiches techniques et retours)"


def test_long_titles_are_cut_at_a_word_boundary_with_an_ellipsis(tmp_path: Path) -> None:
    long = usecase(id="UC-004", title=LONG_TITLE, scores=scores(5), plan={"effort_weeks": 1})
    out = run(small_register(tmp_path, long), "plan", "--compare").stdout
    lines = [line for line in out.splitlines() if "UC-004" in line]
    assert lines
    for line in lines:
        assert "Base de connaissances documentaire (procédures, gammes…" in line
        assert "fich" not in line


@pytest.mark.parametrize(
    ("lang", "unit", "others"),
    [
        ("en", "person-weeks", (" pw", " sp", "(sp)", "(pw)", "semaine")),
        ("fr", "semaines-personnes", (" pw", " sp", "(sp)", "(pw)", "person-")),
    ],
)
@pytest.mark.parametrize("fmt", ["table", "md"])
def test_one_effort_unit_spelled_out_per_language(
    tmp_path: Path, lang: str, unit: str, others: tuple[str, ...], fmt: str
) -> None:
    unlimited = PORTFOLIO.replace("person_weeks: 20, ", "", 1)
    root = small_register(tmp_path, portfolio=unlimited)
    out = run(root, "--lang", lang, "plan", "--format", fmt).stdout
    assert unit in out
    for other in others:
        assert other not in out
    assert f"{'no limit' if lang == 'en' else 'sans limite'} {unit}" not in out


@pytest.mark.parametrize(
    ("lang", "expected"), [("en", "balance not enforced"), ("fr", "équilibre non imposé")]
)
def test_no_balance_says_the_balance_is_not_enforced(
    tmp_path: Path, lang: str, expected: str
) -> None:
    out = run(small_register(tmp_path), "--lang", lang, "plan", "--no-balance").stdout
    balance = out.split("\n\n")[-2] if "Warnings" in out else out
    assert "± -" not in out
    lines = [line for line in balance.splitlines() if "60" in line or "20" in line]
    assert any(expected in line for line in lines), out


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "4 scheduled of 4 candidates, 0 left out"),
        ("fr", "4 planifiés sur 4 candidats, 0 écartés"),
    ],
)
def test_summary_reads_scheduled_of_candidates(tmp_path: Path, lang: str, expected: str) -> None:
    extra = usecase(id="UC-004", scores=scores(2), plan={"effort_weeks": 1})
    result = run(small_register(tmp_path, extra), "--lang", lang, "plan")
    assert expected in result.stderr


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "missing: Time-to-impact, Data & integration feasibility"),
        ("fr", "manquant : Délai d'impact, Faisabilité data & intégration"),
    ],
)
@pytest.mark.parametrize("fmt", ["table", "md"])
def test_missing_criteria_are_named_by_their_label(
    tmp_path: Path, lang: str, expected: str, fmt: str
) -> None:
    partial = usecase(
        id="UC-004",
        scores={"business_value": 5, "risk_compliance": 3, "adoption_ownership": 4},
    )
    out = run(small_register(tmp_path, partial), "--lang", lang, "plan", "--format", fmt).stdout
    assert expected.replace("&", "&amp;" if fmt == "md" else "&") in out
    assert "data_integration" not in out


@pytest.mark.parametrize("fmt", ["table", "md"])
def test_french_numbers_use_commas(tmp_path: Path, fmt: str) -> None:
    import re

    extra = usecase(
        id="UC-004", scores=scores(3) | {"business_value": 4}, plan={"effort_weeks": 2.5}
    )
    result = run(small_register(tmp_path, extra), "--lang", "fr", "plan", "--compare", "-f", fmt)
    text = result.stdout + result.stderr
    assert re.search(r"\d\.\d", text) is None, text
    assert "0,85" in text
    assert ("2,5 semaines-personnes" if fmt == "table" else "| 2,5 |") in text


def test_french_roadmap_numbers_use_commas(tmp_path: Path) -> None:
    import re

    extra = usecase(id="UC-004", scores=scores(3), plan={"wave": 1, "effort_weeks": 2.5})
    out = run(small_register(tmp_path, extra), "--lang", "fr", "roadmap").stdout
    body = re.sub(r"\d{4}-\d{2}-\d{2}", "", out)
    assert re.search(r"\d\.\d", body) is None
    assert "| 2,5 / 20 |" in out  # UC-004's 2.5 person-weeks of wave 1's 20
    assert "| 60\u00a0% ± 10 pts |" in out  # the wave's balance target
