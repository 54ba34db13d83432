"""Two branches that each ran ``aip new``: ids on other branches, ``aip check --base``
and ``aip renumber`` (real git repositories)."""

from __future__ import annotations

from pathlib import Path

import pytest

from aiptest import run, usecase, write_register
from gitrepo import commit_all, git, init


def _new_file(root: Path, uc_id: str, slug: str, **fields: object) -> Path:
    from aiptest import _with_dates

    path = root / "usecases" / f"{uc_id}-{slug}.yaml"
    path.write_text(_with_dates(usecase(id=uc_id, **fields)), encoding="utf-8")
    return path


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """main with UC-001, and a branch ``feature`` started from it (checked out)."""
    (tmp_path / "repo").mkdir()
    root = write_register(init(tmp_path / "repo"), [usecase()])
    commit_all(root, "register")
    git(root, "checkout", "-q", "-b", "feature")
    return root


def _on_main_add(root: Path, uc_id: str, slug: str) -> None:
    git(root, "checkout", "-q", "main")
    _new_file(root, uc_id, slug, title="Pris sur main")
    commit_all(root, f"add {uc_id} on main")
    git(root, "checkout", "-q", "feature")


def test_new_skips_the_ids_of_the_default_branch(repo: Path) -> None:
    _on_main_add(repo, "UC-002", "sur-main")
    result = run(repo, "--lang", "en", "new", "Sur la branche")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "UC-003\n"
    assert "ids up to UC-002 are taken on main: UC-003 is the next free one" in result.stderr


def test_new_skips_the_ids_of_the_upstream_branch(repo: Path) -> None:
    git(repo, "checkout", "-q", "-b", "shared", "main")
    _new_file(repo, "UC-007", "partage", title="Partagé")
    commit_all(repo, "shared")
    git(repo, "checkout", "-q", "feature")
    git(repo, "branch", "-q", "--set-upstream-to=shared")
    result = run(repo, "new", "Sur la branche")
    assert result.stdout == "UC-008\n"


def test_new_outside_git_and_without_other_branches(tmp_path: Path, repo: Path) -> None:
    plain = write_register(tmp_path / "plain", [usecase()])
    assert run(plain, "new", "Hors git").stdout == "UC-002\n"
    result = run(repo, "new", "Seul")
    assert result.stdout == "UC-002\n"
    assert "taken on" not in result.stderr


def test_check_base_reports_an_id_both_branches_added(repo: Path) -> None:
    _on_main_add(repo, "UC-002", "sur-main")
    _new_file(repo, "UC-002", "sur-la-branche", title="Sur la branche")
    commit_all(repo, "add UC-002 on feature")
    assert run(repo, "check").exit_code == 0  # each side alone is valid
    result = run(repo, "--lang", "en", "check", "--base", "main")
    assert result.exit_code == 1
    assert "usecases/UC-002-sur-la-branche.yaml:1:1: error [id-base-collision]" in result.stdout
    assert "UC-002 is also used on main by usecases/UC-002-sur-main.yaml" in result.stdout
    assert "aip renumber UC-002 UC-003" in result.stdout
    french = run(repo, "--lang", "fr", "check", "--base", "main")
    assert "UC-002 est aussi utilisé sur main" in french.stdout


def test_check_base_accepts_renames_and_the_same_file_changed_on_both_sides(repo: Path) -> None:
    git(repo, "checkout", "-q", "main")
    path = repo / "usecases" / "UC-001-case.yaml"
    path.write_text(path.read_text().replace("Tri manuel lent", "Tri lent"), "utf-8")
    commit_all(repo, "edit on main")
    git(repo, "checkout", "-q", "feature")
    git(repo, "mv", "usecases/UC-001-case.yaml", "usecases/UC-001-tri.yaml")
    commit_all(repo, "rename on feature")
    result = run(repo, "check", "--base", "main")
    assert result.exit_code == 0, result.stdout


def test_check_base_needs_a_known_revision(repo: Path, tmp_path: Path) -> None:
    assert run(repo, "check", "--base", "nope").exit_code == 2
    plain = write_register(tmp_path / "plain", [usecase()])
    assert run(plain, "check", "--base", "main").exit_code == 2


COMMENTED_DEPENDENT = """\
# Ce fichier a un commentaire en tête, gardé tel quel.
id: UC-002
title: Dépend de UC-001   # le titre mentionne UC-001 : il ne change pas
status: idea
category: foundation
plan:
  wave: 2
  depends_on:
    - UC-001 # la passerelle d'abord
    - 'UC-003'
"""


def _renumber_register(tmp_path: Path) -> Path:
    root = write_register(tmp_path / "r", [usecase(), usecase(id="UC-003", title="Trois")])
    (root / "usecases" / "UC-002-case.yaml").write_text(COMMENTED_DEPENDENT, "utf-8")
    first = root / "usecases" / "UC-001-case.yaml"
    first.write_text("# tête\n" + first.read_text(), "utf-8")
    return root


def test_renumber_renames_and_rewrites_every_reference(tmp_path: Path) -> None:
    root = _renumber_register(tmp_path)
    old_first = (root / "usecases" / "UC-001-case.yaml").read_text("utf-8")
    result = run(root, "--lang", "en", "renumber", "UC-001", "UC-010")
    assert result.exit_code == 0, result.stderr
    assert "UC-001 is now UC-010: usecases/UC-001-case.yaml -> usecases/UC-010-case.yaml" in (
        result.stderr
    )
    assert "depends_on updated in 1 file: UC-002" in result.stderr
    assert not (root / "usecases" / "UC-001-case.yaml").exists()
    moved = (root / "usecases" / "UC-010-case.yaml").read_text("utf-8")
    assert moved == old_first.replace("\nid: UC-001\n", "\nid: UC-010\n")
    dependent = (root / "usecases" / "UC-002-case.yaml").read_text("utf-8")
    assert dependent == COMMENTED_DEPENDENT.replace(
        "    - UC-001 # la passerelle", "    - UC-010 # la passerelle"
    )
    check = run(root, "check").stdout
    assert "depends-on" not in check and "UC-001" not in check, check


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("UC-001", "UC-003"), "UC-003 is already used in this register"),
        (("UC-001", "X-1"), "is not a use-case id"),
        (("UC-001", "UC-001"), "already has this id"),
        (("UC-099", "UC-100"), "UC-099"),
    ],
)
def test_renumber_refuses_bad_targets(tmp_path: Path, args: tuple[str, str], message: str) -> None:
    root = _renumber_register(tmp_path)
    before = {p.name: p.read_bytes() for p in (root / "usecases").iterdir()}
    result = run(root, "--lang", "en", "renumber", *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert {p.name: p.read_bytes() for p in (root / "usecases").iterdir()} == before


def test_renumber_refuses_an_id_taken_on_the_default_branch(repo: Path) -> None:
    _on_main_add(repo, "UC-002", "sur-main")
    result = run(repo, "--lang", "en", "renumber", "UC-001", "UC-002")
    assert result.exit_code == 2
    assert "used on another branch" in result.stderr


def test_renumber_resolves_a_collision(repo: Path) -> None:
    _on_main_add(repo, "UC-002", "sur-main")
    _new_file(repo, "UC-002", "sur-la-branche", title="Sur la branche")
    commit_all(repo, "add UC-002 on feature")
    assert run(repo, "check", "--base", "main").exit_code == 1
    assert run(repo, "renumber", "UC-002", "UC-003").exit_code == 0
    assert run(repo, "check", "--base", "main").exit_code == 0


def test_the_action_and_the_ci_files_check_against_the_target_branch() -> None:
    from aiptest import REPO_ROOT

    action = (REPO_ROOT / "action.yml").read_text("utf-8")
    assert 'aip check --base "$base"' in action
    scaffold = REPO_ROOT / "src/aiportfolio/scaffold/ci"
    assert '--base "$BASE_SHA"' in (scaffold / "github/aip.yml").read_text("utf-8")
    assert '--base "$base"' in (scaffold / "gitlab/aip.gitlab-ci.yml").read_text("utf-8")
