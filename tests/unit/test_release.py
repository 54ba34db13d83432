"""The release pipeline, and aip init's warning when CI may not find the running aip."""

from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml import YAML

from aiportfolio.actions import init as init_engine
from aiportfolio.actions.init import InstallOrigin, install_origin
from aiptest import REPO_ROOT, run


def _workflow() -> dict:  # type: ignore[type-arg]
    return YAML(typ="safe").load((REPO_ROOT / ".github/workflows/release.yml").read_text())


def test_release_builds_checks_and_publishes_on_a_version_tag() -> None:
    flow = _workflow()
    assert flow[True if True in flow else "on"]["push"]["tags"] == ["v*"]
    build = "\n".join(str(step.get("run", "")) for step in flow["jobs"]["build"]["steps"])
    assert "python -m build" in build
    assert "twine check --strict dist/*" in build
    assert '"$TAG" != "v$version"' in build  # a tag that is not the package's version fails
    publish = flow["jobs"]["publish"]
    assert publish["needs"] == "build"
    assert publish["permissions"] == {"id-token": "write"}  # trusted publishing, no token
    assert publish["environment"]["name"] == "pypi"
    uses = [step.get("uses", "") for step in publish["steps"]]
    assert any(u.startswith("pypa/gh-action-pypi-publish@") for u in uses)
    assert "password" not in str(publish)


def test_the_release_steps_are_documented() -> None:
    text = (REPO_ROOT / "docs/releasing.md").read_text(encoding="utf-8")
    for needle in ("release.yml", "trusted publish", "twine check", "pipx", "uvx", "AIP_PACKAGE"):
        assert needle in text, needle


@pytest.mark.parametrize(
    ("direct_url", "installed", "expected"),
    [
        (None, True, None),  # from an index: pip writes no direct_url.json
        (None, False, InstallOrigin("", None)),
        (
            '{"url": "file:///home/me/aip", "dir_info": {"editable": true}}',
            True,
            InstallOrigin("/home/me/aip", None),
        ),
        (
            '{"url": "https://github.com/acme/aip.git", "vcs_info": '
            '{"vcs": "git", "commit_id": "abc123", "requested_revision": "v0.1.0"}}',
            True,
            InstallOrigin(
                "https://github.com/acme/aip.git", "git+https://github.com/acme/aip.git@v0.1.0"
            ),
        ),
        (
            '{"url": "https://example.org/aiportfolio-0.1.0.tar.gz", "archive_info": {}}',
            True,
            InstallOrigin(
                "https://example.org/aiportfolio-0.1.0.tar.gz",
                "https://example.org/aiportfolio-0.1.0.tar.gz",
            ),
        ),
        ("not json", True, InstallOrigin("", None)),
    ],
)
def test_install_origin_reads_pips_direct_url(
    direct_url: str | None, installed: bool, expected: InstallOrigin | None
) -> None:
    assert install_origin(direct_url, installed) == expected


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_init_warns_when_ci_may_not_find_this_aip(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    monkeypatch.setattr(
        init_engine,
        "running_install_origin",
        lambda: InstallOrigin("https://github.com/acme/aip.git", "git+https://x/aip.git@v1"),
    )
    result = run(None, "--lang", lang, "init", str(tmp_path / "r"))
    assert result.exit_code == 0
    word = "warning" if lang == "en" else "attention"
    assert word in result.stderr
    assert "AIP_PACKAGE" in result.stderr
    assert "--package git+https://x/aip.git@v1" in result.stderr
    assert "aiportfolio==" in result.stderr


def test_init_does_not_warn_when_installed_from_an_index_or_given_a_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(init_engine, "running_install_origin", lambda: None)
    result = run(None, "--lang", "en", "init", str(tmp_path / "a"))
    assert result.exit_code == 0
    assert "warning" not in result.stderr
    monkeypatch.setattr(
        init_engine, "running_install_origin", lambda: InstallOrigin("/src/aip", None)
    )
    result = run(None, "--lang", "en", "init", str(tmp_path / "b"), "--package", "aiportfolio")
    assert result.exit_code == 0
    assert "warning" not in result.stderr
    result = run(None, "--lang", "en", "init", str(tmp_path / "c"))
    assert "warning: this aip was not installed from a package index (/src/aip)" in result.stderr
