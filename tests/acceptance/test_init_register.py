"""aip init gives a register that passes its own plan and balance, with fixed wave dates,
the CI files asked for, or no example; aip new --interactive, fed on stdin."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from aiptest import run


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_new_register_passes_its_own_check_plan_and_balance(tmp_path: Path, lang: str) -> None:
    root = tmp_path / "r"
    assert run(None, "--lang", lang, "init", str(root)).exit_code == 0
    assert len(list((root / "usecases").glob("UC-*.yaml"))) == 5
    for command in (("check", "--strict"), ("plan",), ("balance",), ("plan", "--compare")):
        result = run(root, *command)
        assert result.exit_code == 0, (command, result.stdout, result.stderr)
    assert "matches the proposal" in run(root, "--lang", "en", "plan", "--compare").stdout


def _gantt(root: Path, today: str) -> list[str]:
    result = run(root, "roadmap", env={"AIP_TODAY": today})
    assert result.exit_code == 0, result.stderr
    return [line for line in result.stdout.splitlines() if re.search(r":w\d", line)]


def test_wave_dates_are_fixed_at_init(tmp_path: Path) -> None:
    root = tmp_path / "r"
    assert run(None, "init", str(root), env={"AIP_TODAY": "2026-11-26"}).exit_code == 0
    config = (root / "config" / "portfolio.yaml").read_text("utf-8")
    assert "    start: 2026-11-30\n" in config  # the Monday after a Thursday
    first = _gantt(root, "2026-12-01")
    assert first == _gantt(root, "2027-02-15")
    assert any("2026-11-30" in line for line in first)


@pytest.mark.parametrize(
    ("ci", "present", "absent"),
    [
        (
            "github",
            [".github/workflows/aip.yml", ".github/workflows/aip-comment.yml"],
            [".gitlab-ci.yml"],
        ),
        ("gitlab", [".gitlab-ci.yml"], [".github"]),
        ("none", [], [".github", ".gitlab-ci.yml"]),
    ],
)
def test_init_writes_the_ci_files_asked_for(
    tmp_path: Path, ci: str, present: list[str], absent: list[str]
) -> None:
    root = tmp_path / "r"
    result = run(None, "--lang", "en", "init", str(root), "--ci", ci)
    assert result.exit_code == 0, result.stderr
    for rel in present:
        assert (root / rel).is_file(), rel
    for rel in absent:
        assert not (root / rel).exists(), rel
    if ci == "none":
        assert "AIP_PACKAGE" not in result.stderr  # no CI file installs aip: nothing to warn


def test_init_refuses_an_unknown_ci(tmp_path: Path) -> None:
    result = run(None, "init", str(tmp_path / "r"), "--ci", "jenkins")
    assert result.exit_code == 2
    assert not (tmp_path / "r").exists()


def test_init_without_example(tmp_path: Path) -> None:
    root = tmp_path / "r"
    assert run(None, "init", str(root), "--no-example").exit_code == 0
    assert [p.name for p in (root / "usecases").iterdir()] == [".gitkeep"]
    created = run(root, "new", "Premier cas", "--owner", "Claire Martin")
    assert created.stdout == "UC-001\n"


ANSWERS = [
    "Claire Martin",  # owner, asked first
    "Head of claims",  # role
    "foundaton",  # a typo: asked again
    "foundation",
    "Claims",  # process
    "Manual sorting",  # problem
    "Halve sorting time",  # value
    "CRM, mailbox",  # sources
    "orange",  # data classification
    "",  # risk level: left empty
    "CRM",  # tool
    "6 handlers",  # users
    "Sorting time",  # KPI
    "adoption",  # KPI level
    "hours",  # unit
    "48",  # baseline
    "8,5",  # target
    "",  # direction: the guess from baseline and target (lower is better)
    "Measure the baseline",  # next step
]


def test_new_interactive_reads_the_answers_from_stdin(tmp_path: Path) -> None:
    from aiportfolio.cli.app import app
    from aiptest import write_register

    root = write_register(tmp_path / "r")
    result = CliRunner().invoke(
        app,
        ["--register", str(root), "--lang", "en", "new", "Claim triage", "-i"],
        input="\n".join(ANSWERS) + "\n",
    )
    assert result.exit_code == 0, result.output
    prompts = result.stdout
    assert prompts.index("Business owner") < prompts.index("Category")
    assert "Category (quick_win, foundation, differentiator, compliance) [quick_win]:" in prompts
    assert "'foundaton' is not one of" in result.stderr
    assert "KPI level (impact, adoption, quality) [impact]:" in prompts
    assert "Which way is better (higher_is_better, lower_is_better) [lower_is_better]:" in prompts
    [path] = (root / "usecases").glob("UC-001-*.yaml")
    text = path.read_text("utf-8")
    for line in (
        "category: foundation",
        "  name: Claire Martin",
        "    level: adoption",
        "    target: 8.5",
        "    direction: lower_is_better",
        "  classification: orange",
    ):
        assert line in text, line
    assert run(root, "check").exit_code in (0, 1)  # a valid card (the method may want more)
    from aiportfolio.register.loader import load_register

    [uc] = load_register(root).usecases
    assert uc.kpis[0].direction == "lower_is_better"
    assert uc.data.sources == ["CRM", "mailbox"]
