"""``aip diff`` from the command line: exit codes, formats, files written, revisions refused."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from aiptest import run, usecase, write_register
from gitrepo import git


def committed(root: Path, *usecases: dict[str, Any], **kwargs: Any) -> Path:
    git(root, "init", "-q", "-b", "main")
    write_register(root, list(usecases), **kwargs)
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "base")
    return root


@pytest.fixture(autouse=True)
def _no_step_summary(monkeypatch: pytest.MonkeyPatch) -> None:
    """Running these tests inside GitHub Actions must not write to the real job summary."""
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return committed(tmp_path, usecase(), usecase(id="UC-002", title="Deux"))


def test_no_change_exits_0_with_a_clean_verdict(repo: Path) -> None:
    result = run(repo, "diff")
    assert result.exit_code == 0
    assert result.stdout.startswith("No new problem · no use case changed\n")
    assert "No new problem" not in result.stderr  # said once, at the top of the report


@pytest.mark.parametrize("fmt", ["md", "json"])
def test_machine_formats_give_the_verdict_on_stderr(repo: Path, fmt: str) -> None:
    result = run(repo, "diff", "--format", fmt)
    assert result.exit_code == 0
    assert result.stderr.strip() == "No new problem · no use case changed"


def test_a_status_move_is_listed_once(repo: Path) -> None:
    write_register(
        repo,
        [
            usecase(
                status="pilot", decisions=[{"date": "2026-11-01", "decision": "go", "by": "Comité"}]
            )
        ],
    )
    for fmt in ("table", "md"):
        text = run(repo, "diff", "--format", fmt).stdout
        assert text.count("→ pilot") + text.count("→ Pilot") == 1, text


def test_a_new_error_exits_1(repo: Path) -> None:
    write_register(repo, [usecase(owner=None)])
    result = run(repo, "diff")
    assert result.exit_code == 1
    assert "1 new error " in result.stdout.splitlines()[0]
    assert "owner-required" in result.stdout


def test_a_new_warning_only_exits_0(repo: Path) -> None:
    write_register(repo, [usecase(decision_date="2020-01-15")])  # decision-date-past
    result = run(repo, "diff")
    assert result.exit_code == 0
    assert result.stdout.startswith("No new error, 1 new warning ·")
    assert "decision-date-past" in result.stdout


def test_md_format_is_a_comment_with_the_marker(repo: Path) -> None:
    write_register(repo, [usecase(id="UC-003", title="Trois")])
    result = run(repo, "diff", "main", "--format", "md")
    assert result.exit_code == 0
    assert result.stdout.startswith("<!-- aip:portfolio -->\n### ✅ ")
    assert "| UC-003 | Trois |" in result.stdout


def test_json_format(repo: Path) -> None:
    write_register(repo, [usecase(id="UC-003", title="Trois")])
    result = run(repo, "diff", "--format", "json")
    payload = json.loads(result.stdout)
    assert [a["id"] for a in payload["added"]] == ["UC-003"]
    assert payload["failed"] is False
    assert payload["portfolio"]["active"] == {"before": 2, "after": 3}


def test_two_revisions(repo: Path) -> None:
    base = git(repo, "rev-parse", "HEAD")
    write_register(repo, [usecase(id="UC-003")])
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "add UC-003")
    (repo / "usecases" / "UC-003-case.yaml").unlink()  # the working tree is not read
    result = run(repo, "diff", base, "HEAD", "--format", "json")
    assert result.exit_code == 0
    assert [a["id"] for a in json.loads(result.stdout)["added"]] == ["UC-003"]


def test_full_report_and_step_summary(repo: Path, tmp_path: Path) -> None:
    write_register(repo, [usecase(id="UC-003", owner=None)])
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n")
    full = tmp_path / "full.md"
    result = run(
        repo,
        "diff",
        "--format",
        "md",
        "--full-report",
        str(full),
        env={"GITHUB_STEP_SUMMARY": str(summary)},
    )
    assert result.exit_code == 1
    assert full.read_text().startswith("<!-- aip:portfolio -->")
    assert summary.read_text().startswith("earlier step\n<!-- aip:portfolio -->")
    assert "UC-003" in full.read_text()


def test_french(repo: Path) -> None:
    write_register(repo, [usecase(id="UC-003")])
    result = run(repo, "--lang", "fr", "diff")
    assert result.stdout.startswith("Aucun nouveau problème · 1 ajouté\n")
    assert "Portefeuille" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["diff", "nope"], "unknown git revision 'nope'"),
        (["diff", "main", "nope"], "unknown git revision 'nope'"),
        (["diff", "--", "--output=/tmp/aip-diff-pwned"], "is not accepted as a git revision"),
        (["diff", "main", "--", "-p"], "is not accepted as a git revision"),
    ],
)
def test_bad_revisions_exit_2_with_a_clear_message(
    repo: Path, args: list[str], message: str
) -> None:
    result = run(repo, *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert not Path("/tmp/aip-diff-pwned").exists()


def test_an_option_injected_as_revision_is_an_unknown_option(repo: Path) -> None:
    result = run(repo, "diff", "--output=/tmp/aip-diff-pwned")
    assert result.exit_code == 2
    assert not Path("/tmp/aip-diff-pwned").exists()


def test_outside_git_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    write_register(tmp_path, [usecase()])
    result = run(tmp_path, "diff")
    assert result.exit_code == 2
    assert "not inside a git repository" in result.stderr


def test_first_pull_request_on_an_empty_base(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q", "-b", "main")
    (tmp_path / "README.md").write_text("new repository\n")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "initial")
    write_register(tmp_path, [usecase()])
    result = run(tmp_path, "diff", "--format", "md")
    assert result.exit_code == 0
    assert "has no register yet" in result.stdout
    assert "**Added (1)**" in result.stdout


def test_unwritable_full_report_exits_2(repo: Path, tmp_path: Path) -> None:
    result = run(repo, "diff", "--full-report", str(tmp_path / "missing" / "dir" / "x.md"))
    assert result.exit_code == 2
    assert "cannot write" in result.stderr


def test_the_same_invalid_config_on_both_sides_is_not_new(tmp_path: Path) -> None:
    """A broken portfolio.yaml present in BASE and HEAD is an old problem, whatever the
    language its messages are written in."""
    import shutil

    from aiptest import REPO_ROOT
    from gitrepo import commit_all, init

    root = tmp_path / "reg"
    shutil.copytree(REPO_ROOT / "config", root / "config")
    shutil.copytree(REPO_ROOT / "usecases", root / "usecases")
    shutil.copytree(REPO_ROOT / "conformite", root / "conformite")  # AI Act evidence
    (root / "config" / "portfolio.yaml").write_text("language: fr\nbalanse: 3\n")
    init(root)
    commit_all(root, "init")
    result = run(root, "diff", "HEAD", "HEAD", "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["problems"]["new"] == []
