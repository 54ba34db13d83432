"""aip init --pages: the workflows that publish aip report to GitHub and GitLab Pages."""

from __future__ import annotations

from pathlib import Path

from ruamel.yaml import YAML

from aiptest import run

GITHUB = ".github/workflows/aip-pages.yml"
GITLAB = "ci/aip-pages.gitlab-ci.yml"


def test_pages_workflows_only_when_asked(tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    assert run(None, "init", str(plain)).exit_code == 0
    assert not (plain / GITHUB).exists() and not (plain / GITLAB).exists()

    root = tmp_path / "r"
    result = run(None, "init", str(root), "--pages", "--package", "aiportfolio==9.9.9")
    assert result.exit_code == 0, result.stderr
    yaml = YAML(typ="safe")

    github = yaml.load((root / GITHUB).read_text("utf-8"))
    assert github["env"]["AIP_PACKAGE"] == "aiportfolio==9.9.9"
    build = [step.get("run", "") for step in github["jobs"]["build"]["steps"]]
    files = '--files-url "$GITHUB_SERVER_URL/$GITHUB_REPOSITORY/blob/$GITHUB_SHA/"'
    assert f"aip report --out public {files}" in build
    uses = [step.get("uses", "") for step in github["jobs"]["build"]["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    deploy = github["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert github["permissions"] == {"contents": "read"}  # only the deploy job may publish

    gitlab = yaml.load((root / GITLAB).read_text("utf-8"))
    assert gitlab["pages"]["variables"]["AIP_PACKAGE"] == "aiportfolio==9.9.9"
    files = '--files-url "$CI_PROJECT_URL/-/blob/$CI_COMMIT_SHA/"'
    assert f"aip report --out public {files}" in gitlab["pages"]["script"]
    assert gitlab["pages"]["artifacts"]["paths"] == ["public"]


def test_the_register_init_writes_reports(tmp_path: Path) -> None:
    root = tmp_path / "r"
    assert run(None, "init", str(root), "--pages").exit_code == 0
    url = "https://github.com/org/repo/blob/0123abc/"
    result = run(root, "report", "--out", str(tmp_path / "public"), "--files-url", url)
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "public" / "index.html").is_file()
