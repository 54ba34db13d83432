"""Concepts written once (issue 12): every place that filters control characters, parses
a number, writes a file, labels a group or prints a percent behaves the same way."""

from __future__ import annotations

from pathlib import Path

import pytest

from aiportfolio.actions.new import clean_text
from aiportfolio.errors import UsageError
from aiportfolio.i18n import Translator
from aiportfolio.model.common import UNSAFE, strip_unsafe
from aiportfolio.report.diff_labels import plain
from aiportfolio.report.kit.escape import md, terminal
from aiportfolio.tabular.mapping import to_text

T = Translator("en")

UNSAFE_SAMPLES = ["\x00", "\x07", "\x1b", "\x7f", "\x9b", "\u202e", "\u2066"]
"""NUL, BEL, ESC, DEL, CSI (C1: an ANSI escape on its own), RLO, LRI."""


@pytest.mark.parametrize("char", UNSAFE_SAMPLES)
def test_every_filter_removes_the_same_unsafe_characters(char: str) -> None:
    text = f"Tri{char}rapide"
    assert UNSAFE.search(text)
    assert strip_unsafe(text) == "Trirapide"
    assert terminal(text) == "Trirapide"
    assert plain(text) == "Trirapide"
    assert md(text) == "Trirapide"
    assert to_text(text) == ("Trirapide", True)
    with pytest.raises(UsageError, match="control character"):
        clean_text(text, "title")


@pytest.mark.parametrize("char", ["é", "\u200b", "\u200d", "日"])
def test_no_filter_removes_ordinary_characters(char: str) -> None:
    text = f"Tri{char}rapide"
    assert strip_unsafe(text) == text
    assert terminal(text) == text
    assert plain(text) == text
    assert to_text(text) == (text, False)


def test_a_one_line_value_refuses_every_line_break() -> None:
    for brk in ("\n", "\r", "\t", "\u2028", "\u2029"):
        with pytest.raises(UsageError, match="control character"):
            clean_text(f"Tri{brk}rapide", "title")


# --- numbers -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("12", 12.0),
        ("0,62", 0.62),
        ("1,234.5", 1234.5),
        ("1.234,5", 1234.5),
        ("1 234,5", 1234.5),
        ("1\u00a0234,5", 1234.5),
        ("1\u202f234,5", 1234.5),
        ("1'234", 1234.0),
        ("1,234,567", 1234567.0),
        ("12 €", 12.0),
        ("62 %", 62.0),
        ("-3", -3.0),
    ],
)
def test_one_number_parser_for_import_kpi_record_and_prompts(text: str, number: float) -> None:
    from aiportfolio.model.common import parse_number
    from aiportfolio.tabular.mapping import to_number

    assert parse_number(text) == number
    assert to_number(text) == number


@pytest.mark.parametrize("text", ["", "beaucoup", "nan", "inf", "-inf", "1.2.3"])
def test_the_number_parser_refuses_what_is_not_a_finite_number(text: str) -> None:
    from aiportfolio.model.common import parse_number
    from aiportfolio.tabular.mapping import CellError, to_number

    with pytest.raises(ValueError):
        parse_number(text)
    with pytest.raises(CellError):
        to_number(text)


@pytest.mark.parametrize("value", ["1\u00a0250", "1\u202f250", "1 250", "1.250,0"])
def test_kpi_record_accepts_what_import_accepts(tmp_path: Path, value: str) -> None:
    from aiptest import run, usecase, write_register

    root = write_register(tmp_path, [usecase()])
    result = run(root, "kpi", "record", "UC-001", "Délai de tri", value, "--date", "2026-11-20")
    assert result.exit_code == 0, result.stderr
    text = (root / "usecases" / "UC-001-case.yaml").read_text("utf-8")
    assert "value: 1250\n" in text


# --- labels and percents -----------------------------------------------------------------

CUSTOM_GROUPS = """\
balance:
  tolerance: 10
  groups:
    - id: quick_wins
      categories: [quick_win]
      target: 60
    - id: custom_group
      categories: [foundation, differentiator, compliance]
      target: 40
"""


@pytest.mark.parametrize("fmt", ["table", "md", "json"])
def test_a_custom_group_has_one_label_everywhere(tmp_path: Path, fmt: str) -> None:
    from aiptest import run, usecase, write_register

    root = write_register(
        tmp_path,
        [usecase(), usecase(id="UC-002", category="foundation")],
        portfolio=CUSTOM_GROUPS,
    )
    result = run(root, "balance", "--format", fmt)
    assert ("custom\\_group" if fmt == "md" else "custom_group") in result.stdout
    assert "custom group" not in result.stdout
    if fmt != "json":
        assert "Quick wins" in result.stdout


def test_the_label_of_a_group() -> None:
    from aiportfolio.report.kit.labels import group_label

    assert group_label("quick_wins", T) == "Quick wins"
    assert group_label("quick_wins", Translator("fr")) == "Gains rapides"
    assert group_label("custom_group", T) == "custom_group"


@pytest.mark.parametrize(
    ("lang", "share", "text"), [("en", 57, "57%"), ("fr", 57, "57\u00a0%"), ("en", 12.5, "12%")]
)
def test_one_percent_for_shares_in_points(lang: str, share: float, text: str) -> None:
    from aiportfolio.report.kit.numbers import pct, points

    assert points(share, lang) == text
    assert pct(share / 100, lang) == text


def test_a_percent_with_decimals() -> None:
    from aiportfolio.report.kit.numbers import pct

    assert pct(0.01234, "en", 2) == "1.23%"
    assert pct(0.01234, "fr", 2) == "1,23\u00a0%"


# --- problems in JSON --------------------------------------------------------------------


def test_a_problem_has_one_json_form_in_check_diff_and_balance(tmp_path: Path) -> None:
    import json

    from aiportfolio.report.diff import problem_json as diff_json
    from aiptest import run, usecase, write_register

    root = write_register(
        tmp_path, [usecase(category="quick_win", risk={"level": "high"}), usecase(id="UC-002")]
    )
    (root / "usecases" / "UC-003-case.yaml").write_text("id: UC-003\n", "utf-8")
    checked = json.loads(run(root, "check", "--format", "json").stdout)["problems"]
    (root / "usecases" / "UC-003-case.yaml").unlink()
    balanced = json.loads(run(root, "balance", "--format", "json").stdout)["warnings"]
    assert checked and balanced
    keys = ["path", "line", "column", "rule", "severity", "message", "hint"]
    assert [list(p) for p in checked] == [keys] * len(checked)
    assert [list(p) for p in balanced] == [keys] * len(balanced)
    assert balanced[0]["rule"] == "category-risky-quick-win"
    assert balanced[0]["severity"] == "warning"
    from aiportfolio.report.kit.problems import problem_json

    assert diff_json is problem_json


# --- terminal tables ---------------------------------------------------------------------


def test_one_table_renderer_measures_display_cells() -> None:
    from rich.cells import cell_len

    from aiportfolio.report.kit.steering import text_table
    from aiportfolio.report.kit.terminal import cut, plain_table

    rows = [["UC-001", "日本語のタイトル", "12"], ["UC-002", "Tri", "3"]]
    lines = text_table(["id", "title", "n"], rows).splitlines()
    starts = {cell_len(line[: line.rindex("  ") + 2]) for line in (lines[0], lines[2], lines[3])}
    assert starts == {6 + 2 + 16 + 2}, lines
    assert lines[1] == "------  ----------------  --"
    narrow = plain_table(["id", "title"], [r[:2] for r in rows], [6, 7])
    assert all(cell_len(line) <= 6 + 2 + 7 for line in narrow), narrow
    assert narrow[2] == "UC-001  日本語…"
    assert cut("Tri des réclamations", 5) == "Tri …"


def test_the_plan_table_lines_up_wide_titles(tmp_path: Path) -> None:
    from rich.cells import cell_len

    from aiptest import run, usecase, write_register

    waves = (
        "language: en\nplanning: {enforce_balance: false}\nwaves:\n  - id: 1\n    name: W\n"
        "    start: 2027-01-04\n    weeks: 12\n"
        "    capacity: {max_parallel_pilots: 5, person_weeks: 50, budget_eur: 500000}\n"
    )
    root = write_register(
        tmp_path,
        [
            usecase(title="日本語のタイトル", plan={"effort_weeks": 4}),
            usecase(id="UC-002", title="Tri rapide", plan={"effort_weeks": 4}),
        ],
        portfolio=waves,
    )
    out = run(root, "plan", "--format", "table", "--strategy", "greedy").stdout
    rows = [line for line in out.splitlines() if line.startswith("  UC-00")]
    assert len(rows) == 2, out
    from aiptest import VALID_USECASE

    label = T(f"label.category.{VALID_USECASE['category']}")
    assert len({cell_len(row[: row.index(label)]) for row in rows}) == 1, rows


# --- command-line choices ----------------------------------------------------------------


def test_cli_choices_are_the_model_vocabularies() -> None:
    from typing import get_args

    from aiportfolio.cli import decide, init, new, options, scoring
    from aiportfolio.model.common import Category, DecisionKind, Lang
    from aiportfolio.model.lifecycle import ACTIVE, STATUSES

    def values(choice: object) -> list[str]:
        return [m.value for m in choice]  # type: ignore[attr-defined]

    assert values(options.CategoryChoice) == list(get_args(Category))
    assert values(options.DecisionChoice) == list(get_args(DecisionKind))
    assert values(options.LangChoice) == list(get_args(Lang))
    assert values(options.AnyStatus) == list(STATUSES)
    assert values(options.ActiveStatus) == list(ACTIVE)
    # One home: the commands offer the choices of cli/options.py, not copies of them.
    assert new.CategoryChoice is scoring.CategoryChoice is options.CategoryChoice
    assert decide.DecisionChoice is options.DecisionChoice
    assert init.LangChoice is options.LangChoice
    assert scoring.AnyStatus is options.AnyStatus
    assert scoring.ActiveStatus is options.ActiveStatus


@pytest.mark.parametrize(
    ("module", "option", "registry"),
    [
        ("check", "CheckFormatOption", "aiportfolio.report.check"),
        ("scoring", "ScoreFormatOption", "aiportfolio.report.score"),
        ("scoring", "BalanceFormatOption", "aiportfolio.report.balance"),
        ("scoring", "TableFormatOption", "aiportfolio.report.table"),
        ("steer", "TcoFormatOption", "aiportfolio.report.tco"),
        ("steer", "DashboardFormatOption", "aiportfolio.report.dashboard"),
        ("steer", "DoctorFormatOption", "aiportfolio.report.doctor"),
        ("plan", "PlanFormatOption", "aiportfolio.report.plan"),
        ("diff", "DiffFormatOption", "aiportfolio.report.diff"),
        ("compliance", "ComplianceFormatOption", "aiportfolio.report.compliance"),
    ],
)
def test_every_format_option_is_built_by_one_function(
    module: str, option: str, registry: str
) -> None:
    """``options.format_option`` declares every reporter-backed ``--format``: ``-f`` and
    ``--format``, the registry's names as choices (``check`` adds ``auto`` first)."""
    import importlib
    from typing import get_args

    declared = getattr(importlib.import_module(f"aiportfolio.cli.{module}"), option)
    choices, info = get_args(declared)
    assert (info.default, *info.param_decls) == ("--format", "-f")
    first = ["auto"] if module == "check" else []
    assert list(choices) == [*first, *importlib.import_module(registry).REPORTERS]


def test_no_command_declares_format_by_hand() -> None:
    """``--format`` is spelled in ``cli/options.py`` only (``export`` has a fixed pair of
    file formats, no reporter registry; ``fastpath`` reads ``aip check``'s command line
    without typer, its option table checked against the click command's by
    tests/unit/test_cli_fastpath.py)."""
    cli = Path(__file__).resolve().parents[2] / "src" / "aiportfolio" / "cli"
    by_hand = {p.name for p in cli.glob("*.py") if '"--format"' in p.read_text(encoding="utf-8")}
    assert by_hand == {"options.py", "export.py", "fastpath.py"}


# --- rules built from one helper ---------------------------------------------------------


@pytest.mark.parametrize(
    ("rule_id", "category", "criterion_id"),
    [
        ("category-slow-quick-win", "quick_win", "time_to_impact"),
        ("category-low-value-differentiator", "differentiator", "business_value"),
    ],
)
def test_the_low_score_category_rules_are_one_rule_with_two_settings(
    tmp_path: Path, rule_id: str, category: str, criterion_id: str
) -> None:
    """Both rules come from ``category_helpers.low_score_rule``: a finding at a score of 2 or
    less on their criterion, for their category only, with the score in the message."""
    import datetime as dt

    from aiportfolio.register.loader import load_register
    from aiportfolio.rules.base import RuleContext
    from aiportfolio.rules.registry import RULES
    from aiptest import VALID_USECASE, usecase, write_register

    entries = [
        usecase(
            id=f"UC-00{score}",
            category=category,
            scores={**VALID_USECASE["scores"], criterion_id: score},
        )
        for score in range(1, 6)
    ]
    entries.append(
        usecase(
            id="UC-009", category="foundation", scores={**VALID_USECASE["scores"], criterion_id: 1}
        )
    )
    register = load_register(write_register(tmp_path, entries))
    rule = RULES[rule_id]
    found = list(rule.run(RuleContext(register, dt.date(2026, 11, 26)), rule.severity))
    assert [(p.path, p.message.params["score"]) for p in found] == [
        ("usecases/UC-001-case.yaml", "1"),
        ("usecases/UC-002-case.yaml", "2"),
    ]
    assert {p.message.key for p in found} == {f"score.consistency.{rule_id[9:].replace('-', '_')}"}


# --- wave capacity -----------------------------------------------------------------------


def test_over_capacity_means_the_same_in_the_agenda_the_diff_and_the_roadmap() -> None:
    """``wave_demand.exceeds`` (the planner's tolerance) decides "over capacity": a sum that
    differs from the capacity by float noise only is not over it (the quarterly agenda
    used a strict comparison before)."""
    from aiportfolio.analysis.agenda import WaveUse
    from aiportfolio.analysis.diff_result import WaveDelta, WaveLoad
    from aiportfolio.analysis.wave_demand import exceeds

    noise = 0.1 + 0.2  # 0.30000000000000004
    assert noise > 0.3
    assert not exceeds(noise, 0.3)
    assert exceeds(0.31, 0.3)
    assert not exceeds(1e12, None)
    use = WaveUse(1, None, 2, noise, noise, noise, 3, 0.3, 0.3, 2)
    assert (use.over_budget, use.over_effort, use.over_pilots) == (False, False, True)
    delta = WaveDelta(1, None, WaveLoad(1, noise, noise), WaveLoad(1, 0.31, noise), 0.3, 0.3)
    assert (delta.over_before, delta.over_after) == (False, True)
