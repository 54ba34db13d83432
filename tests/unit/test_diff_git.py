"""Reading the register at a git revision, and the use-case files added in a period
(register/git.py), in real ``git init`` repositories."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest

from aiportfolio.errors import UsageError
from aiportfolio.register import git
from aiportfolio.register.yamlio import MAX_FILE_BYTES
from aiptest import usecase, write_register
from gitrepo import commit_all
from gitrepo import git as sh


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    sh(tmp_path, "init", "-q", "-b", "main")
    return tmp_path


def test_reads_every_register_file_with_one_ls_tree_and_one_cat_file(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_register(repo, [usecase(id=f"UC-{i:03d}") for i in range(1, 31)])
    (repo / "README.md").write_text("not part of the register\n")
    (repo / "usecases" / "notes.txt").write_text("not yaml\n")
    commit_all(repo)
    calls: list[list[str]] = []
    real_run = subprocess.run

    def counting_run(args: list[str], **kwargs: object) -> object:
        calls.append(args)
        return real_run(args, **kwargs)  # type: ignore[call-overload]

    repository = git.open_repository(repo)
    revision = git.resolve_revision(repository, "main")
    monkeypatch.setattr(subprocess, "run", counting_run)
    files = git.read_register_files(repository, revision)

    assert [c[4] for c in calls] == ["ls-tree", "cat-file"]
    assert sorted(files.files) == [
        "config/weights.yaml",
        *[f"usecases/UC-{i:03d}-case.yaml" for i in range(1, 31)],
    ]
    assert (
        files.files["usecases/UC-007-case.yaml"]
        == (repo / "usecases" / "UC-007-case.yaml").read_bytes()
    )


def test_register_in_a_subfolder_of_the_repository(repo: Path) -> None:
    write_register(repo / "portfolio", [usecase()])
    commit_all(repo)
    repository = git.open_repository(repo / "portfolio")
    assert repository.prefix == "portfolio/"
    files = git.read_register_files(repository, git.resolve_revision(repository, "HEAD"))
    assert sorted(files.files) == ["config/weights.yaml", "usecases/UC-001-case.yaml"]


def test_a_revision_without_register_is_empty(repo: Path) -> None:
    (repo / "README.md").write_text("hello\n")
    commit_all(repo)
    repository = git.open_repository(repo)
    files = git.read_register_files(repository, git.resolve_revision(repository, "HEAD"))
    assert not files.exists
    assert files.files == {}


def test_oversized_files_are_listed_not_read(repo: Path) -> None:
    write_register(repo, [usecase()])
    (repo / "usecases" / "UC-002-big.yaml").write_bytes(b"# x\n" * (MAX_FILE_BYTES // 4 + 10))
    commit_all(repo)
    repository = git.open_repository(repo)
    files = git.read_register_files(repository, git.resolve_revision(repository, "HEAD"))
    assert "usecases/UC-002-big.yaml" not in files.files
    assert files.oversized["usecases/UC-002-big.yaml"] > MAX_FILE_BYTES


def test_symbolic_links_are_skipped(repo: Path) -> None:
    write_register(repo, [usecase()])
    (repo / "usecases" / "UC-009-link.yaml").symlink_to("/etc/passwd")
    commit_all(repo)
    repository = git.open_repository(repo)
    files = git.read_register_files(repository, git.resolve_revision(repository, "HEAD"))
    assert files.skipped == ["usecases/UC-009-link.yaml"]
    assert "usecases/UC-009-link.yaml" not in files.files


@pytest.mark.parametrize(
    "revision",
    [
        "--output=/tmp/aip-pwned",
        "-p",
        "--upload-pack=touch /tmp/aip-pwned",
        "",
        "main\nHEAD",
        "HEAD\x1b[31m",
    ],
)
def test_option_like_or_control_revisions_are_refused(repo: Path, revision: str) -> None:
    write_register(repo, [usecase()])
    commit_all(repo)
    repository = git.open_repository(repo)
    with pytest.raises(UsageError, match="is not accepted as a git revision"):
        git.resolve_revision(repository, revision)
    assert not Path("/tmp/aip-pwned").exists()


@pytest.mark.parametrize("revision", ["nope", "main~5", "HEAD:usecases", "0" * 40])
def test_unknown_revisions_are_usage_errors(repo: Path, revision: str) -> None:
    write_register(repo, [usecase()])
    commit_all(repo)
    repository = git.open_repository(repo)
    with pytest.raises(UsageError, match="unknown git revision"):
        git.resolve_revision(repository, revision)


def test_known_revisions_resolve_to_their_commit(repo: Path) -> None:
    write_register(repo, [usecase()])
    first = commit_all(repo, "one")
    second = commit_all(repo, "two")
    sh(repo, "tag", "v1", first)
    repository = git.open_repository(repo)
    for name, expected in [
        ("main", second),
        ("HEAD~1", first),
        ("v1", first),
        (first[:8], first),
    ]:
        assert git.resolve_revision(repository, name).commit == expected


def test_default_base_is_the_merge_base_with_the_default_branch(repo: Path) -> None:
    write_register(repo, [usecase()])
    fork_point = commit_all(repo, "base")
    sh(repo, "checkout", "-q", "-b", "feature")
    commit_all(repo, "feature work")
    sh(repo, "checkout", "-q", "main")
    commit_all(repo, "main moved on")
    sh(repo, "checkout", "-q", "feature")
    base = git.default_base(git.open_repository(repo))
    assert base.commit == fork_point
    assert "main" in base.name


def test_default_base_falls_back_to_master(tmp_path: Path) -> None:
    sh(tmp_path, "init", "-q", "-b", "master")
    write_register(tmp_path, [usecase()])
    head = commit_all(tmp_path)
    assert git.default_base(git.open_repository(tmp_path)).commit == head


def test_no_default_branch_is_a_usage_error_with_a_hint(tmp_path: Path) -> None:
    sh(tmp_path, "init", "-q", "-b", "trunk")
    write_register(tmp_path, [usecase()])
    commit_all(tmp_path)
    with pytest.raises(UsageError, match="give the base explicitly"):
        git.default_base(git.open_repository(tmp_path))


def test_outside_a_git_repository_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    write_register(tmp_path, [usecase()])
    with pytest.raises(UsageError, match="not inside a git repository"):
        git.open_repository(tmp_path)


# --- files added in a period (committee agenda) -----------------------------------------


def uc_file(root: Path, name: str) -> None:
    (root / "usecases").mkdir(exist_ok=True)
    (root / "usecases" / name).write_text("id: x\n", encoding="utf-8")


def test_files_added_in_the_period_whole_days_oldest_first(repo: Path) -> None:
    uc_file(repo, "UC-001-old.yaml")
    commit_all(repo, date="2026-10-01")
    uc_file(repo, "UC-002-on-the-last-meeting-day.yaml")
    commit_all(repo, date="2026-10-29")
    uc_file(repo, "UC-004-réclamations.yaml")
    (repo / "usecases" / "notes.txt").write_text("not a use case\n", encoding="utf-8")
    commit_all(repo, date="2026-11-20")
    uc_file(repo, "UC-003-today.yml")
    commit_all(repo, date="2026-11-26")
    uc_file(repo, "UC-005-after.yaml")
    commit_all(repo, date="2026-11-27")
    added = git.files_added_since(repo, dt.date(2026, 10, 29), dt.date(2026, 11, 26))
    assert added.unavailable is None
    assert [(f.date.isoformat(), f.path) for f in added.files] == [
        ("2026-11-20", "usecases/UC-004-réclamations.yaml"),
        ("2026-11-26", "usecases/UC-003-today.yml"),
    ]


def test_files_added_are_relative_to_a_register_in_a_subfolder(repo: Path) -> None:
    (repo / "portfolio").mkdir()
    uc_file(repo / "portfolio", "UC-001-a.yaml")
    commit_all(repo, date="2026-11-20")
    added = git.files_added_since(repo / "portfolio", dt.date(2026, 11, 1), dt.date(2026, 11, 26))
    assert [f.path for f in added.files] == ["usecases/UC-001-a.yaml"]


def test_files_added_outside_a_repository_say_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    added = git.files_added_since(tmp_path, dt.date(2026, 11, 1), dt.date(2026, 11, 26))
    assert added == git.GitAdded(unavailable="not_a_repo")


@pytest.mark.parametrize(
    ("raised", "reason"),
    [
        (FileNotFoundError("git"), "no_git"),
        (subprocess.TimeoutExpired(["git"], 10), "timeout"),
    ],
)
def test_files_added_without_git_or_past_the_timeout_say_why(
    repo: Path, monkeypatch: pytest.MonkeyPatch, raised: Exception, reason: str
) -> None:
    seen: dict[str, object] = {}

    def failing_run(args: list[str], **kwargs: object) -> object:
        seen["timeout"] = kwargs.get("timeout")
        raise raised

    monkeypatch.setattr(subprocess, "run", failing_run)
    added = git.files_added_since(repo, dt.date(2026, 11, 1), dt.date(2026, 11, 26), timeout=3)
    assert added == git.GitAdded(unavailable=reason)  # type: ignore[arg-type]
    assert seen["timeout"] == 3
