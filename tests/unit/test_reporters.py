"""Every command's reporters, in every format its registry lists, on the bundled register
(Forgeval Industries): one ``Reporter`` protocol, one ``REPORTERS`` registry per command,
and the CLI's ``--format`` choices read from that registry (never from a second list, and
never at start-up)."""

from __future__ import annotations

import csv
import importlib
import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from aiptest import REPO_ROOT, run
from gitrepo import commit_all, init

TODAY = "2026-11-26"
"""The date the bundled register was written for."""

COMMANDS: dict[str, tuple[tuple[str, ...], str, int]] = {
    "check": (("check",), "aiportfolio.report.check", 0),
    "score": (("score",), "aiportfolio.report.score", 0),
    "score --explain": (("score", "--explain", "UC-001"), "aiportfolio.report.explain", 0),
    "score --matrix": (("score", "--matrix"), "aiportfolio.report.matrix", 0),
    "balance": (("balance",), "aiportfolio.report.balance", 1),  # off target: exit 1
    "table": (("table",), "aiportfolio.report.table", 0),
    "tco": (("tco",), "aiportfolio.report.tco", 0),
    "dashboard": (("dashboard",), "aiportfolio.report.dashboard", 0),
    "doctor": (("doctor",), "aiportfolio.report.doctor", 0),
    "compliance": (("compliance",), "aiportfolio.report.compliance", 0),
    "compliance --catalog": (
        ("compliance", "--catalog"),
        "aiportfolio.report.compliance_catalog",
        0,
    ),
    "plan": (("plan", "--strategy", "greedy"), "aiportfolio.report.plan", 0),
    "diff": (("diff", "HEAD"), "aiportfolio.report.diff", 0),
}
"""Command → (arguments, reporter module, exit code on the bundled register)."""

EMPTY_WHEN_CLEAN = {("check", "text"), ("check", "github")}
"""Formats that list problems only: nothing to print for a register without any."""


def _registry(module: str) -> dict[str, Any]:
    registry: dict[str, Any] = importlib.import_module(module).REPORTERS
    return registry


CASES = [(name, fmt) for name, (_, module, _) in COMMANDS.items() for fmt in _registry(module)]


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A git repository holding a copy of the bundled register (``aip diff`` needs one)."""
    root = tmp_path_factory.mktemp("forgeval")
    for folder in ("config", "usecases", "conformite", "templates"):
        if (REPO_ROOT / folder).is_dir():
            shutil.copytree(REPO_ROOT / folder, root / folder)
    init(root)
    commit_all(root, "bundled register")
    return root


def _parses(fmt: str, text: str) -> None:
    if fmt in ("json", "gitlab"):
        json.loads(text)
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(text)))
        assert len(rows) >= 2, "a header and at least one row"
        assert all(len(row) == len(rows[0]) for row in rows), "every row has every column"


@pytest.mark.parametrize(("name", "fmt"), CASES, ids=[f"{n}-{f}" for n, f in CASES])
def test_every_command_in_every_format(bundled: Path, name: str, fmt: str) -> None:
    args, _, code = COMMANDS[name]
    result = run(bundled, "--lang", "en", *args, "--format", fmt, env={"AIP_TODAY": TODAY})
    assert result.exit_code == code, result.stderr
    if (name, fmt) in EMPTY_WHEN_CLEAN:
        assert result.stdout == ""
    else:
        assert result.stdout.strip(), f"{name} --format {fmt} printed nothing"
    _parses(fmt, result.stdout)


@pytest.mark.parametrize("fmt", list(_registry("aiportfolio.report.check")))
def test_check_formats_list_a_problem(tmp_path: Path, fmt: str) -> None:
    shutil.copytree(REPO_ROOT / "config", tmp_path / "config")
    shutil.copytree(REPO_ROOT / "usecases", tmp_path / "usecases")
    first = sorted((tmp_path / "usecases").glob("*.yaml"))[0]
    first.write_text(first.read_text(encoding="utf-8").replace("owner:", "ownr:", 1), "utf-8")
    result = run(tmp_path, "--lang", "en", "check", "--format", fmt, env={"AIP_TODAY": TODAY})
    assert result.exit_code == 1
    assert first.name in result.stdout
    _parses(fmt, result.stdout)


def _offered(*args: str) -> list[str]:
    """The ``--format`` choices a command's help shows (``<table|json|...>``)."""
    text = run(None, *args, "--help").stdout
    found = re.search(r"--format\s+<([a-z|]+)>", text)
    assert found, text
    return found.group(1).split("|")


@pytest.mark.parametrize(
    ("args", "module", "first"),
    [
        (("check",), "aiportfolio.report.check", ["auto"]),
        (("score",), "aiportfolio.report.score", []),
        (("balance",), "aiportfolio.report.balance", []),
        (("table",), "aiportfolio.report.table", []),
        (("tco",), "aiportfolio.report.tco", []),
        (("dashboard",), "aiportfolio.report.dashboard", []),
        (("doctor",), "aiportfolio.report.doctor", []),
        (("compliance",), "aiportfolio.report.compliance", []),
        (("plan",), "aiportfolio.report.plan", []),
        (("diff",), "aiportfolio.report.diff", []),
    ],
)
def test_format_choices_are_the_registry(
    args: tuple[str, ...], module: str, first: list[str]
) -> None:
    assert _offered(*args) == [*first, *_registry(module)]


def test_modes_sharing_an_option_offer_what_their_registry_has() -> None:
    score = list(_registry("aiportfolio.report.score"))
    assert list(_registry("aiportfolio.report.matrix")) == score
    assert set(_registry("aiportfolio.report.explain")) < set(score)
    catalog = _registry("aiportfolio.report.compliance_catalog")
    assert list(catalog) == list(_registry("aiportfolio.report.compliance"))


def test_a_format_outside_the_registry_is_a_usage_error() -> None:
    result = run(None, "--lang", "en", "tco", "--format", "csv")
    assert result.exit_code == 2
    assert "'csv' is not one of 'table', 'md', 'json'" in result.stderr


def test_explain_refuses_csv(bundled: Path) -> None:
    result = run(bundled, "--lang", "en", "score", "--explain", "UC-001", "--format", "csv")
    assert result.exit_code == 2


def test_reporters_are_not_imported_at_start_up() -> None:
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from aiportfolio.cli.app import app\n"
        "CliRunner().invoke(app, ['--help'])\n"
        "CliRunner().invoke(app, ['schema'])\n"
        "print(sorted(m for m in sys.modules if m.startswith('aiportfolio.report.')"
        " and not m.startswith('aiportfolio.report.kit')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO_ROOT
    )
    assert done.stdout.strip() == "[]"
