"""``aip diff`` names the AI Act obligations a change adds or removes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from aiptest import run, usecase, write_register
from gitrepo import git

HIGH = {
    "level": "high",
    "ai_act_tier": "high",
    "security_review": "2026-10-01",
    "legal_review": "2026-10-02",
}


def _cv(role: str, **extra: Any) -> dict[str, Any]:
    return usecase(
        status="scoping",
        risk=HIGH,
        ai_act={"role": role, "annex_iii": "4(a)", **extra},
    )


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    git(tmp_path, "init", "-q", "-b", "main")
    write_register(tmp_path, [_cv("deployer")])
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "base")
    return tmp_path


def test_role_change_to_provider_lists_the_articles_that_now_apply(repo: Path) -> None:
    write_register(repo, [_cv("provider")])
    for fmt in ("table", "md"):
        text = run(repo, "--lang", "en", "diff", "--format", fmt).stdout
        assert "role deployer → provider: Art. 16, Art. 20, Art. 9" in text, text
        assert "Art. 43, Art. 47, Art. 48, Art. 49" in text
        assert "role deployer → provider: Art. 26(1), Art. 26(2)" in text
        assert "no longer apply" in text
    payload = json.loads(run(repo, "diff", "--format", "json").stdout)
    [change] = payload["changed"]
    added = {o["id"] for o in change["obligations_added"]}
    assert {"hr-risk-management", "hr-conformity", "hr-registration"} <= added
    assert "hr-deployer-use" in {o["id"] for o in change["obligations_removed"]}


def test_tier_change_in_french(repo: Path) -> None:
    write_register(
        repo,
        [
            usecase(
                status="scoping",
                risk={"level": "high", "ai_act_tier": "minimal"},
                ai_act={"role": "deployer"},
            )
        ],
        portfolio="language: fr\n",
    )
    text = run(repo, "diff").stdout
    assert "niveau AI Act haut risque → minimal" in text
    assert "ne s'appliquent plus" in text


def test_unrelated_edit_names_no_obligation(repo: Path) -> None:
    write_register(repo, [_cv("deployer", classified_by="Juridique")])
    payload = json.loads(run(repo, "diff", "--format", "json").stdout)
    [change] = payload["changed"]
    assert change["obligations_added"] == [] and change["obligations_removed"] == []
