"""An entry of ``usecases/`` that cannot be read (a symbolic link whose target is gone, a
loop of links, a file aip may not read) is a finding on that file, like any other reading
problem: the register loads, ``aip check`` reports it with its rule id, message and hint
(exit 1, the same with and without the cache), and every other command leaves the file out
as it leaves out an invalid one. Never the run-stopping "cannot read or write" error."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from aiportfolio.analysis.check import check_register
from aiportfolio.analysis.check_cache import check_with_cache
from aiportfolio.i18n import Translator
from aiportfolio.register.loader import load_register, yaml_issue_problem
from aiportfolio.register.paths import given_files
from aiportfolio.register.yamlio import YamlIssue
from aiportfolio.rules.registry import LOADER_RULES
from aiptest import REPO_ROOT, chmod_unreadable, deny_reading, run

TODAY = dt.date(2026, 11, 26)
BROKEN = "usecases/UC-999.yaml"


@pytest.fixture
def register(tmp_path: Path) -> Path:
    root = tmp_path / "reg"
    shutil.copytree(REPO_ROOT / "config", root / "config")
    shutil.copytree(REPO_ROOT / "usecases", root / "usecases")
    shutil.copytree(REPO_ROOT / "conformite", root / "conformite")  # AI Act evidence
    return root


def _copy_of_a_valid_case(root: Path) -> Path:
    path = root / BROKEN
    source = next((root / "usecases").glob("UC-001-*.yaml"))
    path.write_text(
        source.read_text(encoding="utf-8").replace("id: UC-001", "id: UC-999"), encoding="utf-8"
    )
    return path


def dangling(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (root / BROKEN).symlink_to("nowhere.yaml")


def loop(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (root / BROKEN).symlink_to("UC-999.yaml")  # to itself


def denied(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    deny_reading(monkeypatch, _copy_of_a_valid_case(root))


def invalid(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The reference: a file that is read but is not valid YAML."""
    (root / BROKEN).write_text("id: [UC-999\n", encoding="utf-8")


BREAKAGES: dict[str, Callable[[Path, pytest.MonkeyPatch], None]] = {
    "dangling": dangling,
    "loop": loop,
    "denied": denied,
}

EXPECTED = {
    "dangling": (
        "error [broken-link] broken symbolic link: it points to nowhere.yaml, which does not exist",
        "remove the link, or make it point to an existing use-case file of the register",
    ),
    "loop": (
        "error [broken-link] symbolic link in a loop: it points to UC-999.yaml, which leads "
        "back to it",
        "remove the link, or make it point to an existing use-case file of the register",
    ),
    "denied": (
        "error [unreadable-file] permission denied: aip may not read this file",
        "let the user who runs aip read the file (`chmod a+r` on it), or remove it",
    ),
}


@pytest.mark.parametrize("kind", BREAKAGES)
def test_check_reports_the_file_and_goes_on(
    register: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    BREAKAGES[kind](register, monkeypatch)
    message, hint = EXPECTED[kind]
    outputs = []
    for args in (("check", "--no-cache"), ("check",), ("check",)):  # none, cold, warm
        result = run(register, "--lang", "en", *args)
        assert result.exit_code == 1, result.stderr
        assert f"{BROKEN}: {message}" in result.stdout
        assert hint in result.stdout
        assert "cannot read or write" not in result.stderr
        outputs.append((result.stdout, result.stderr))
    assert outputs[0] == outputs[1] == outputs[2]
    as_json = run(register, "--lang", "en", "check", "--format", "json")
    assert as_json.exit_code == 1 and f'"path": "{BROKEN}"' in as_json.stdout


def test_a_file_chmod_000_is_reported_too(register: Path) -> None:
    chmod_unreadable(_copy_of_a_valid_case(register))
    for args in (("check", "--no-cache"), ("check",), ("check",)):
        result = run(register, "--lang", "en", *args)
        assert result.exit_code == 1, result.stderr
        assert f"{BROKEN}: {EXPECTED['denied'][0]}" in result.stdout


@pytest.mark.parametrize("kind", BREAKAGES)
def test_the_cached_check_gives_the_loaders_verdict(
    register: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    BREAKAGES[kind](register, monkeypatch)
    loaded = load_register(register, "en")
    expected = (check_register(loaded, TODAY), len(loaded.files))
    assert [p.path for p in loaded.problems] == [BROKEN]
    for _ in range(2):  # from scratch, then from the store
        result, files, _ = check_with_cache(register, "en", TODAY)
        assert (result, files) == expected
    for paths in ([register / BROKEN], [register / "usecases"]):
        only = given_files(paths)  # as aip check PATH... hands them to the check
        given = load_register(register, "en", only)
        result, files, _ = check_with_cache(register, "en", TODAY, only)
        assert (result, files) == (check_register(given, TODAY, only), len(given.files))
        assert [p.path for p in result.problems if p.path == BROKEN] == [BROKEN]


@pytest.mark.parametrize("kind", BREAKAGES)
@pytest.mark.parametrize("paths", [("usecases",), (BROKEN,), ("usecases", "../UC-500.yaml")])
def test_check_of_given_paths_reports_the_file_too(
    register: Path, monkeypatch: pytest.MonkeyPatch, kind: str, paths: tuple[str, ...]
) -> None:
    BREAKAGES[kind](register, monkeypatch)
    outside = register.parent / "UC-500.yaml"
    outside.write_text(
        (register / "usecases" / "UC-001-passerelle-ia.yaml").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    outputs = set()
    for cache in (("--no-cache",), (), ()):
        result = run(register, "--lang", "en", "check", *cache, *(str(register / p) for p in paths))
        assert result.exit_code == 1, result.stderr
        assert f"{BROKEN}: {EXPECTED[kind][0]}" in result.stdout
        outputs.add(result.stdout)
    assert len(outputs) == 1


def test_a_loop_in_a_linked_usecases_folder_is_reported_too(register: Path) -> None:
    (register / "usecases").rename(register / "fiches")
    (register / "usecases").symlink_to("fiches")
    (register / "fiches" / "UC-999.yaml").symlink_to("UC-999.yaml")
    outputs = set()
    for cache in (("--no-cache",), (), ()):
        result = run(register, "--lang", "en", "check", *cache)
        assert result.exit_code == 1, result.stderr
        assert "[broken-link] symbolic link in a loop" in result.stdout
        outputs.add(result.stdout)
    assert len(outputs) == 1


def test_a_file_that_becomes_unreadable_is_seen_by_the_cached_check(
    register: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _copy_of_a_valid_case(register)
    clean = check_with_cache(register, "en", TODAY)[0]
    assert "unreadable-file" not in {p.rule for p in clean.problems}
    path.chmod(0o600)  # what denying the reading changes on disk: the file's change time
    deny_reading(monkeypatch, path)
    result = check_with_cache(register, "en", TODAY)[0]
    assert [p.rule for p in result.problems if p.path == BROKEN] == ["unreadable-file"]
    assert result == check_register(load_register(register, "en"), TODAY)


# Every command that loads the register, with what it does with one invalid file.
COMMANDS = [
    ("score",),
    ("plan",),
    ("balance",),
    ("table",),
    ("tco",),
    ("dashboard",),
    ("doctor",),
    ("roadmap",),
    ("agenda", "--ritual", "committee"),
    ("compliance",),
    ("export", "--format", "csv"),
    ("report", "-o", "{tmp}/site"),
    ("fmt", "--check"),
    ("decide", "UC-007", "iterate", "--by", "Comité", "--note", "n"),
    ("kpi", "record", "UC-007", "Délai de première prise en charge", "12", "--date", "2026-11-20"),
    ("renumber", "UC-014", "UC-017"),
    ("new", "Un nouveau cas", "--owner", "Claire Martin"),
    ("import", "{tmp}/rows.csv", "--dry-run"),
]


def _run_on_a_fresh_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, breakage: Callable[..., None], args: tuple
) -> tuple[int, str]:
    work = tmp_path / breakage.__name__
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    root = work / "reg"
    shutil.copytree(REPO_ROOT / "config", root / "config")
    shutil.copytree(REPO_ROOT / "usecases", root / "usecases")
    shutil.copytree(REPO_ROOT / "conformite", root / "conformite")
    (work / "rows.csv").write_text("title,owner\nUn cas importé,Claire Martin\n", "utf-8")
    with monkeypatch.context() as patch:
        breakage(root, patch)
        result = run(root, "--lang", "en", *(a.replace("{tmp}", str(work)) for a in args))
    assert "cannot read or write" not in result.stderr, (args, result.stderr)
    return result.exit_code, result.stderr


@pytest.mark.parametrize("args", COMMANDS, ids=lambda args: " ".join(args[:2]))
def test_every_command_leaves_the_file_out_as_an_invalid_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: tuple
) -> None:
    expected_code, expected_err = _run_on_a_fresh_copy(tmp_path, monkeypatch, invalid, args)
    for breakage in BREAKAGES.values():
        code, err = _run_on_a_fresh_copy(tmp_path, monkeypatch, breakage, args)
        assert code == expected_code, (breakage.__name__, err)
        left_out = "1 use-case file is invalid and was left out"
        assert (left_out in err) == (left_out in expected_err), (breakage.__name__, err)


def test_fmt_says_why_it_skips_the_file(register: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    dangling(register, monkeypatch)
    result = run(register, "--lang", "en", "fmt", "--check")
    assert result.exit_code == 1
    assert "UC-999.yaml: skipped, not readable YAML (broken symbolic link" in result.stderr
    assert "FileNotFoundError" not in result.stderr


def test_a_broken_link_in_place_of_the_configuration_is_a_configuration_error(
    register: Path,
) -> None:
    weights = register / "config" / "weights.yaml"
    weights.unlink()
    weights.symlink_to("grille.yaml")
    result = run(register, "--lang", "en", "score")
    assert result.exit_code == 2
    assert "config/weights.yaml: [broken-link] broken symbolic link" in result.stderr
    assert "cannot read or write" not in result.stderr


@pytest.mark.parametrize("kind", ["dangling-link", "link-loop", "permission", "unreadable"])
def test_each_problem_reads_in_every_language_and_cannot_be_switched_off(kind: str) -> None:
    problem = yaml_issue_problem(YamlIssue(kind, 0, 0, "x.yaml"), BROKEN)
    assert problem.rule in LOADER_RULES
    assert problem.hint is not None
    texts = {
        lang: (problem.message.text(Translator(lang)), problem.hint.text(Translator(lang)))
        for lang in ("en", "fr", "de")
    }
    assert len({message for message, _ in texts.values()}) == 3
    assert len({hint for _, hint in texts.values()}) == 3
    assert not any(f"yaml.{kind}" in m + h for m, h in texts.values())


@pytest.mark.parametrize("kind", BREAKAGES)
def test_diff_of_the_working_tree_reports_the_file_as_check_does(
    register: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    from gitrepo import commit_all, init

    init(register)
    commit_all(register)
    BREAKAGES[kind](register, monkeypatch)
    result = run(register, "--lang", "en", "diff", "main")
    assert result.exit_code == 1, result.stderr
    assert f"{BROKEN}: {EXPECTED[kind][0]}" in result.stdout
    assert "cannot read or write" not in result.stderr
    assert run(register, "--lang", "en", "check", "--base", "main").exit_code == 1
