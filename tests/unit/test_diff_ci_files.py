"""The CI files shipped with aip: the composite action, the workflows ``aip init`` installs,
the GitLab job and the pre-commit hook. They must parse, follow the safety rules of
REFERENCE.md, and call aip with options that exist."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from aiptest import REPO_ROOT

SCAFFOLD_CI = REPO_ROOT / "src" / "aiportfolio" / "scaffold" / "ci"
WORKFLOWS = [
    SCAFFOLD_CI / "github" / "aip.yml",
    SCAFFOLD_CI / "github" / "aip-comment.yml",
    REPO_ROOT / ".github" / "workflows" / "aip.yml",
    REPO_ROOT / ".github" / "workflows" / "aip-comment.yml",
]
UNTRUSTED = re.compile(r"\$\{\{\s*(inputs\.|github\.event\.|github\.head_ref)")


def load(path: Path) -> Any:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def steps_of(doc: Any) -> list[dict[str, Any]]:
    if "runs" in doc:
        return list(doc["runs"]["steps"])
    return [s for job in doc["jobs"].values() for s in job["steps"]]


@pytest.mark.parametrize("path", [REPO_ROOT / "action.yml", *WORKFLOWS], ids=lambda p: p.name)
def test_no_untrusted_value_is_templated_into_a_script(path: Path) -> None:
    for step in steps_of(load(path)):
        assert not UNTRUSTED.search(step.get("run", "")), step.get("name")


def test_composite_action_steps_all_declare_a_shell() -> None:
    doc = load(REPO_ROOT / "action.yml")
    assert doc["runs"]["using"] == "composite"
    for step in doc["runs"]["steps"]:
        if "run" in step:
            assert step.get("shell") == "bash", step.get("name")


def test_the_pull_request_workflow_cannot_write() -> None:
    doc = load(SCAFFOLD_CI / "github" / "aip.yml")
    assert doc["permissions"] == {"contents": "read"}
    assert set(doc["on"]) == {"pull_request", "push"}
    checkout = steps_of(doc)[0]
    assert checkout["with"]["fetch-depth"] == 0


def test_the_comment_workflow_never_checks_out_the_pull_request() -> None:
    doc = load(SCAFFOLD_CI / "github" / "aip-comment.yml")
    assert list(doc["on"]) == ["workflow_run"]
    assert doc["on"]["workflow_run"]["workflows"] == [
        load(SCAFFOLD_CI / "github" / "aip.yml")["name"]
    ]
    for step in steps_of(doc):
        assert "checkout" not in step.get("uses", "")
    script = steps_of(doc)[-1]["run"]
    assert "^[0-9]{1,10}$" in script  # the artifact's PR number is validated
    assert "RUN_HEAD_SHA" in script  # and must match the commit that was checked


@pytest.mark.parametrize(
    "path",
    [REPO_ROOT / "action.yml", *WORKFLOWS, SCAFFOLD_CI / "gitlab" / "aip.gitlab-ci.yml"],
    ids=lambda p: p.name,
)
def test_aip_is_called_with_options_that_exist(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for match in re.finditer(r"\baip (check|diff)\b([^\n|>]*)", text):
        command, rest = match.groups()
        options = set(re.findall(r"(--[a-z-]+)", rest)) - {"--"}
        allowed = {
            "check": {"--format", "--strict", "--date", "--base"},
            "diff": {"--format", "--full-report", "--date"},
        }[command]
        assert options <= allowed, (path.name, match.group(0))


def test_gitlab_job_emits_the_code_quality_report() -> None:
    job = load(SCAFFOLD_CI / "gitlab" / "aip.gitlab-ci.yml")["aip"]
    assert job["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    assert job["artifacts"]["when"] == "always"
    script = "".join(job["script"])
    assert 'aip check --format gitlab ${base:+--base "$base"} > gl-code-quality-report.json' in (
        script
    )


def test_pre_commit_hook() -> None:
    [hook] = load(REPO_ROOT / ".pre-commit-hooks.yaml")
    assert hook["id"] == "aip-check"
    assert hook["entry"] == "aip check"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is False
    assert re.match(hook["files"], "usecases/UC-001-x.yaml")
    assert re.match(hook["files"], "config/portfolio.yaml")
    assert not re.match(hook["files"], "docs/ci.md")


def test_repository_comment_workflow_is_the_scaffold_one() -> None:
    def body(path: Path) -> list[str]:
        return path.read_text(encoding="utf-8").splitlines()[2:]

    assert body(REPO_ROOT / ".github" / "workflows" / "aip-comment.yml") == body(
        SCAFFOLD_CI / "github" / "aip-comment.yml"
    )
