"""``aip check`` end to end: exit codes, formats, configuration errors, register discovery."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from aiptest import REPO_ROOT, run, usecase, write_register

WEIGHTS = (REPO_ROOT / "config" / "weights.yaml").read_text(encoding="utf-8")


def test_clean_register_exits_0(tmp_path: Path) -> None:
    root = write_register(tmp_path, [usecase()])
    result = run(root, "check")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "no problem" in result.stderr


def test_warnings_fail_only_with_strict(tmp_path: Path) -> None:
    root = write_register(tmp_path, [usecase(decision_date="2026-01-01")])
    assert run(root, "check").exit_code == 0
    strict = run(root, "check", "--strict")
    assert strict.exit_code == 1
    assert "[decision-date-past]" in strict.stdout


RULE_CASES = [
    ("owner-required", dict(owner=None)),
    ("kpi-required", dict(kpis=[])),
    ("kpi-baseline-required", dict(kpis=[{"name": "Délai", "level": "impact", "target": 3}])),
    ("risk-review-required", dict(status="pilot", risk={"level": "high"})),
    ("risk-review-required", dict(status="pilot", data={"classification": "red"})),
    ("risk-review-required", dict(status="operated", risk={"level": "low", "ai_act_tier": "high"})),
    ("ai-act-prohibited", dict(risk={"level": "high", "ai_act_tier": "prohibited"})),
    ("depends-on-exists", dict(plan={"wave": 1, "depends_on": ["UC-999"]})),
    ("score-criterion-unknown", dict(scores={"business_valu": 3})),
    ("id-filename", dict(id="UC-002")),
]


@pytest.mark.parametrize(("rule", "overrides"), RULE_CASES, ids=[r for r, _ in RULE_CASES])
def test_each_rule_fails_the_gate(tmp_path: Path, rule: str, overrides: dict[str, object]) -> None:
    data = usecase(**overrides)
    root = write_register(tmp_path, files={})
    from aiptest import _with_dates

    (root / "usecases" / "UC-001-case.yaml").write_text(_with_dates(data), encoding="utf-8")
    result = run(root, "check", "--format", "json")
    assert result.exit_code == 1
    rules = {p["rule"] for p in json.loads(result.stdout)["problems"]}
    assert rule in rules


def test_reviews_done_pass_the_gate(tmp_path: Path) -> None:
    risk = {"level": "high", "security_review": "2026-05-01", "legal_review": "2026-05-02"}
    root = write_register(tmp_path, [usecase(status="pilot", risk=risk)])
    assert run(root, "check").exit_code == 0


def test_prohibited_but_stopped_is_accepted(tmp_path: Path) -> None:
    risk = {"level": "high", "ai_act_tier": "prohibited"}
    stop = [{"date": "2026-07-16", "decision": "stop", "by": "Comité de direction"}]
    root = write_register(tmp_path, [usecase(status="stopped", risk=risk, decisions=stop)])
    assert run(root, "check").exit_code == 0


def test_duplicate_ids_point_at_the_second_file(tmp_path: Path) -> None:
    root = write_register(tmp_path, [usecase()])
    text = (root / "usecases" / "UC-001-case.yaml").read_text()
    (root / "usecases" / "UC-001-copy.yaml").write_text(text)
    result = run(root, "check")
    assert result.exit_code == 1
    assert "usecases/UC-001-copy.yaml:1:5: error [id-unique]" in result.stdout
    assert "already used by usecases/UC-001-case.yaml" in result.stdout


def test_dependency_cycle(tmp_path: Path) -> None:
    root = write_register(
        tmp_path,
        [
            usecase(id="UC-001", plan={"wave": 1, "depends_on": ["UC-002"]}),
            usecase(id="UC-002", plan={"wave": 1, "depends_on": ["UC-001"]}),
        ],
    )
    result = run(root, "check")
    assert result.exit_code == 1
    assert "[depends-on-cycle]" in result.stdout
    assert "UC-001 → UC-002 → UC-001" in result.stdout


def test_policy_can_switch_a_rule_off_or_change_its_severity(tmp_path: Path) -> None:
    policy = "policy:\n  rules:\n    owner-required: warning\n"
    root = write_register(tmp_path, [usecase(owner=None)], portfolio=policy)
    result = run(root, "check")
    assert result.exit_code == 0
    assert "warning [owner-required]" in result.stdout
    root2 = write_register(
        tmp_path / "off",
        [usecase(owner=None)],
        portfolio="policy:\n  rules:\n    owner-required: off\n",
    )
    assert run(root2, "check", "--strict").exit_code == 0


def test_french_output(tmp_path: Path) -> None:
    root = write_register(tmp_path, [usecase(owner=None)], portfolio="language: fr\n")
    result = run(root, "check")
    assert "erreur [owner-required] UC-001 n'a pas d'owner métier" in result.stdout
    english = run(root, "--lang", "en", "check")
    assert "error [owner-required] UC-001 has no business owner" in english.stdout


# --- configuration errors: exit 2, file and key named ---------------------------------------

CONFIG_CASES = [
    (
        "weights do not sum to 100",
        dict(weights=WEIGHTS.replace("weight: 30", "weight: 35")),
        "config/weights.yaml",
        "sum to 105",
    ),
    (
        "weights not yaml",
        dict(weights="criteria: [\n"),
        "config/weights.yaml",
        "yaml-syntax",
    ),
    (
        "unknown portfolio key",
        dict(portfolio="language: en\nbalanse: {}\n"),
        "config/portfolio.yaml:2:1",
        "did you mean `balance`",
    ),
    (
        "bad language",
        dict(portfolio="language: xx\n"),
        "config/portfolio.yaml:1:11",
        "language",
    ),
    (
        "balance targets",
        dict(
            portfolio="balance:\n  groups:\n    - {id: all, categories: [quick_win], target: 90}\n"
        ),
        "config/portfolio.yaml",
        "sum to 100",
    ),
    (
        "unknown rule in policy",
        dict(portfolio="policy:\n  rules:\n    owner-requird: off\n"),
        "config/portfolio.yaml:3:",
        "did you mean `owner-required`",
    ),
]


@pytest.mark.parametrize(
    ("name", "config", "where", "words"), CONFIG_CASES, ids=[c[0] for c in CONFIG_CASES]
)
def test_config_errors_exit_2(
    tmp_path: Path, name: str, config: dict[str, str], where: str, words: str
) -> None:
    root = write_register(tmp_path, [usecase()], **config)
    result = run(root, "check")
    assert result.exit_code == 2, result.stdout + result.stderr
    assert where in result.stderr
    assert words in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_weights_in_a_config_folder_exits_2(tmp_path: Path) -> None:
    root = write_register(tmp_path, [usecase()])
    (root / "config" / "weights.yaml").unlink()
    result = run(root, "check")
    assert result.exit_code == 2
    assert "config/weights.yaml is missing" in result.stderr


def test_register_without_config_uses_builtin_defaults(tmp_path: Path) -> None:
    root = write_register(tmp_path, [usecase()])
    for name in ("weights.yaml",):
        (root / "config" / name).unlink()
    (root / "config").rmdir()
    assert run(root, "check").exit_code == 0


def test_empty_usecases_folder_exits_2(tmp_path: Path) -> None:
    root = write_register(tmp_path)
    result = run(root, "check")
    assert result.exit_code == 2
    assert "no use-case file" in result.stderr
    assert "aip new" in result.stderr


def test_missing_path_argument_exits_2(tmp_path: Path) -> None:
    root = write_register(tmp_path, [usecase()])
    result = run(root, "check", str(tmp_path / "nope.yaml"))
    assert result.exit_code == 2
    assert "no such file" in result.stderr


def test_no_register_found_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run(None, "check")
    assert result.exit_code == 2
    assert "no register found" in result.stderr
    assert "--register" in result.stderr


def test_register_found_from_a_subfolder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = write_register(tmp_path, [usecase(owner=None)])
    monkeypatch.chdir(root / "usecases")
    result = run(None, "check")
    assert result.exit_code == 1
    assert "usecases/UC-001-case.yaml" in result.stdout


def test_register_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = write_register(tmp_path / "reg", [usecase(owner=None)])
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("AIP_REGISTER", str(root))
    assert run(None, "check").exit_code == 1


def test_check_given_files_only(tmp_path: Path) -> None:
    root = write_register(tmp_path, [usecase(), usecase(id="UC-002", owner=None)])
    result = run(root, "check", str(root / "usecases" / "UC-001-case.yaml"))
    assert result.exit_code == 0


# --- formats ------------------------------------------------------------------------------


def test_json_format(tmp_path: Path) -> None:
    root = write_register(tmp_path, [usecase(owner=None)])
    payload = json.loads(run(root, "check", "-f", "json").stdout)
    assert payload["errors"] == 1
    assert payload["problems"][0] == {
        "path": "usecases/UC-001-case.yaml",
        "line": 5,
        "column": 1,
        "rule": "owner-required",
        "severity": "error",
        "message": "UC-001 has no business owner",
        "hint": payload["problems"][0]["hint"],
    }


def test_github_annotations_are_escaped_and_capped(tmp_path: Path) -> None:
    cases = [usecase(id=f"UC-{i:03d}", owner=None) for i in range(1, 13)]
    root = write_register(tmp_path, cases)
    result = run(root, "check", "-f", "github")
    lines = result.stdout.splitlines()
    errors = [ln for ln in lines if ln.startswith("::error ")]
    assert len(errors) == 10
    notice = [ln for ln in lines if ln.startswith("::notice::")]
    assert notice == [ln for ln in lines if ln.startswith("::notice::2 more annotations")]
    assert len(notice) == 1
    # ... and the full text report the notice points to follows, every problem in it
    assert lines.index(notice[0]) < lines.index("Problems by rule:")
    assert sum(1 for ln in lines if "error [owner-required]" in ln) == 12
    assert errors[0].startswith(
        "::error file=usecases/UC-001-case.yaml,line=5,col=1,title=owner-required::"
    )
    assert "%0A" in errors[0]  # the fix is on a second line, escaped


def test_auto_format_under_github_actions(tmp_path: Path) -> None:
    root = write_register(tmp_path, [usecase(owner=None)])
    result = run(root, "check", env={"GITHUB_ACTIONS": "true"})
    assert result.stdout.startswith("::error ")
    assert "error [owner-required]" in result.stdout  # the full text report too


def test_gitlab_code_quality(tmp_path: Path) -> None:
    root = write_register(tmp_path, [usecase(owner=None, kpis=[])])
    items = json.loads(run(root, "check", "-f", "gitlab").stdout)
    assert {i["check_name"] for i in items} == {"owner-required", "kpi-required"}
    assert all(i["severity"] == "major" for i in items)
    assert len({i["fingerprint"] for i in items}) == 2
    assert items[0]["location"] == {"path": "usecases/UC-001-case.yaml", "lines": {"begin": 5}}


def test_gitlab_fingerprint_is_stable_when_lines_move(tmp_path: Path) -> None:
    root = write_register(tmp_path, [usecase(owner=None)])
    before = json.loads(run(root, "check", "-f", "gitlab").stdout)[0]["fingerprint"]
    path = root / "usecases" / "UC-001-case.yaml"
    path.write_text("# a comment that moves every line\n" + path.read_text())
    after = json.loads(run(root, "check", "-f", "gitlab").stdout)[0]["fingerprint"]
    assert before == after


def test_python_dash_m_and_version() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "aiportfolio", "--version"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ},
    )
    assert out.stdout.startswith("aip ")


def test_bad_global_language_is_a_usage_error(tmp_path: Path) -> None:
    root = write_register(tmp_path, [usecase()])
    result = run(root, "--lang", "xx", "check")
    assert result.exit_code == 2


def test_config_error_in_the_register_language(tmp_path: Path) -> None:
    root = write_register(tmp_path, [usecase()], portfolio="language: fr\nbalanse: {}\n")
    result = run(root, "check")
    assert result.exit_code == 2
    assert "erreur: configuration invalide dans config/portfolio.yaml" in result.stderr
    assert "vouliez-vous dire `balance` ?" in result.stderr


def test_unreadable_file_is_a_finding_on_it_not_a_traceback(tmp_path: Path) -> None:
    root = write_register(tmp_path, [usecase()])
    (root / "usecases" / "UC-002-gone.yaml").symlink_to(tmp_path / "nowhere.yaml")
    result = run(root, "--lang", "en", "check")
    assert result.exit_code == 1
    assert "usecases/UC-002-gone.yaml: error [broken-link] broken symbolic link" in result.stdout
    assert "cannot read or write" not in result.stderr


def test_checking_one_file_still_sees_the_whole_register(tmp_path: Path) -> None:
    """Dependencies and unique ids are register-wide: checking one file must not report its
    dependency as missing because the other file was not named."""
    root = write_register(
        tmp_path,
        [usecase(id="UC-001"), usecase(id="UC-002", plan={"wave": 2, "depends_on": ["UC-001"]})],
    )
    one = root / "usecases" / "UC-002-case.yaml"
    result = run(root, "check", str(one))
    assert result.exit_code == 0, result.stdout
    assert "1 use-case file checked" in result.stderr


def test_checking_one_file_reports_only_that_file(tmp_path: Path) -> None:
    root = write_register(tmp_path, [usecase(id="UC-001"), usecase(id="UC-002", owner=None)])
    result = run(root, "check", str(root / "usecases" / "UC-001-case.yaml"))
    assert result.exit_code == 0
    result = run(root, "check", str(root / "usecases" / "UC-002-case.yaml"))
    assert result.exit_code == 1
    assert "UC-002-case.yaml" in result.stdout


def test_annotations_point_at_the_file_in_the_repository(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A register in a subfolder of the repository: GitHub needs repository paths."""
    write_register(tmp_path / "portfolio", [usecase(owner=None)])
    monkeypatch.chdir(tmp_path)
    result = run(
        tmp_path / "portfolio", "check", "-f", "github", env={"GITHUB_WORKSPACE": str(tmp_path)}
    )
    assert "::error file=portfolio/usecases/UC-001-case.yaml,line=5" in result.stdout
    gitlab = json.loads(run(tmp_path / "portfolio", "check", "-f", "gitlab").stdout)
    assert gitlab[0]["location"]["path"] == "portfolio/usecases/UC-001-case.yaml"


def test_an_empty_value_says_so(tmp_path: Path) -> None:
    data = usecase()
    data["owner"] = {"name": None}
    root = write_register(tmp_path, [data])
    result = run(root, "check")
    assert "owner.name: no value" in result.stdout
    assert "write the value after the colon" in result.stdout
