"""The check cache never changes a verdict: after random edits (files changed, broken,
duplicated, renamed, removed; configuration and date changed) the cached check and a full
check from scratch report the same problems, and the cache is reused for unchanged files."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aiportfolio.analysis.check import check_register
from aiportfolio.analysis.check_cache import (
    CACHE_DIR,
    CACHE_FILE,
    CROSS_RULES,
    LOCAL_RULES,
    CacheStats,
    check_with_cache,
)
from aiportfolio.errors import ConfigError
from aiportfolio.register.loader import load_register
from aiportfolio.register.problems import ISSUE_RULES, yaml_issue_problem
from aiportfolio.rules.registry import RULES
from aiptest import REPO_ROOT
from registeredits import ACTIONS, edit, edit_settings

sys.path.insert(0, str(REPO_ROOT / "benchmarks"))

from generate import generate_register

TODAY = dt.date(2026, 11, 26)


def full_check(root: Path, today: dt.date, lang: str | None = None) -> tuple:
    register = load_register(root, lang)
    result = check_register(register, today)
    return result, len(register.files)


def cached_check(root: Path, today: dt.date, lang: str | None = None) -> tuple:
    result, files, _ = check_with_cache(root, lang, today)
    return result, files


@edit_settings(25)
@given(
    st.lists(
        st.tuples(ACTIONS, st.integers(0, 50), st.integers(0, 1000), st.booleans()),
        min_size=1,
        max_size=6,
    )
)
def test_cached_and_uncached_checks_agree_after_random_edits(steps: list) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = generate_register(Path(tmp) / "reg", 12, seed=len(steps))
        assert cached_check(root, TODAY) == full_check(root, TODAY)
        for action, index, value, later in steps:
            edit(root, action, index, value)
            today = TODAY + dt.timedelta(days=400) if later else TODAY
            assert cached_check(root, today) == full_check(root, today)
            assert cached_check(root, today, "en") == full_check(root, today, "en")


@edit_settings(25)
@given(
    st.lists(
        st.tuples(
            st.one_of(st.none(), ACTIONS),
            st.integers(0, 50),
            st.integers(0, 1000),
            st.tuples(st.integers(-15, 15), st.one_of(st.none(), st.integers(-15, 15))),
            st.one_of(st.integers(-20, 20), st.integers(-800, 800)),
        ),
        min_size=1,
        max_size=8,
    )
)
def test_cached_and_uncached_checks_agree_on_days_forward_and_backward(steps: list) -> None:
    """Random edits and check dates moving both ways across decision dates and obligation
    deadlines (some entries' dates put near the days checked)."""
    with tempfile.TemporaryDirectory() as tmp:
        root = generate_register(Path(tmp) / "reg", 10, seed=len(steps))
        for index in range(0, 10, 2):
            _near(root, index, index - 5, 5 - index if index % 4 else None)
        assert cached_check(root, TODAY) == full_check(root, TODAY)
        for action, index, value, (decided, due), days in steps:
            if action is None:
                _near(root, index, decided, due)
            else:
                edit(root, action, index, value)
            today = TODAY + dt.timedelta(days=days)
            expected = full_check(root, today)
            assert cached_check(root, today) == expected
            stats = CacheStats()
            result, files, _ = check_with_cache(root, None, today, stats=stats)
            assert (result, files) == expected
            assert stats.computed == 0 or not stats.enabled


def test_unchanged_files_are_reused_and_the_cache_is_safe_to_delete(tmp_path: Path) -> None:
    root = generate_register(tmp_path / "reg", 20, seed=3)
    first = CacheStats()
    expected = check_with_cache(root, None, TODAY, stats=first)
    assert first.computed == 20 and first.reused == 0
    assert (root / CACHE_DIR / ".gitignore").read_text(encoding="utf-8").endswith("*\n")
    path = sorted((root / "usecases").glob("*.yaml"))[4]
    path.write_text(path.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    again = CacheStats()
    assert check_with_cache(root, None, TODAY, stats=again) == expected
    assert (again.computed, again.reused) == (1, 19)
    shutil.rmtree(root / CACHE_DIR)
    assert check_with_cache(root, None, TODAY) == expected
    (root / CACHE_DIR / CACHE_FILE).write_bytes(b"not a cache")
    assert check_with_cache(root, None, TODAY) == expected


def _near(root: Path, index: int, decided: int, due: int | None) -> None:
    """Give the ``index``-th file a decision date ``decided`` days from TODAY and, with
    ``due``, an AI-literacy obligation still in progress, due ``due`` days from TODAY."""
    files = sorted((root / "usecases").glob("*.yaml"))
    if not files:
        return
    path = files[index % len(files)]
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return
    day = TODAY + dt.timedelta(days=decided)
    text = re.sub(r"(?m)^decision_date: .*$", f"decision_date: {day.isoformat()}", text)
    if due is not None:
        day = TODAY + dt.timedelta(days=due)
        text = text.replace(
            "      status: done\n", f"      status: in_progress\n      due: {day.isoformat()}\n", 1
        )
    path.write_text(text, encoding="utf-8")


def test_a_new_date_examines_only_the_records_it_may_change(tmp_path: Path) -> None:
    """A record holds from the day it was computed until its date rules say its findings
    may change: a later day inside every window computes nothing, a day past a decision
    date or a deadline, or an earlier day, computes only the records concerned again."""
    root = generate_register(tmp_path / "reg", 6, seed=4)
    for index in range(6):
        _near(root, index, 10 + index, 20 + index)
    expected = full_check(root, TODAY)
    assert cached_check(root, TODAY) == expected
    entries = load_register(root).usecases
    opened = [uc.status in ("idea", "scoping", "pilot", "industrialising") for uc in entries]
    assert any(opened) and not all(opened)  # the others are operated: a deadline applies
    both = opened[0] + opened[1]
    # Entry i is decided on day 10 + i: its finding appears on day 11 + i, and changes
    # every day after (the number of days in its message); overdue from day 20 + i.
    for days, computed in ((1, 0), (10, 0), (11, opened[0]), (12, both), (11, both)):
        stats = CacheStats()
        day = TODAY + dt.timedelta(days=days)
        assert check_with_cache(root, None, day, stats=stats)[:2] == full_check(root, day)
        assert stats.computed == stats.expired == computed, days
    for days in (400, 0):  # every record was computed on a day its rules read
        stats = CacheStats()
        day = TODAY + dt.timedelta(days=days)
        assert check_with_cache(root, None, day, stats=stats)[:2] == full_check(root, day)
        assert stats.computed == stats.expired == 6, days
    again = CacheStats()
    assert check_with_cache(root, None, TODAY, stats=again)[:2] == expected
    assert again.computed == 0


def test_a_rule_reading_the_date_without_until_is_worked_out_again_every_day(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dataclasses

    import aiportfolio.rules.registry

    rule = dataclasses.replace(RULES["decision-date-past"], until=None)
    monkeypatch.setitem(aiportfolio.rules.registry.RULES, rule.id, rule)
    root = generate_register(tmp_path / "reg", 6, seed=4)
    opened = [
        uc.status in ("idea", "scoping", "pilot", "industrialising")
        for uc in load_register(root).usecases
    ]
    check_with_cache(root, None, TODAY)
    assert 0 < sum(opened) < 6
    # The open entries (the rule applies to them) every new day, once.
    for days, expired in ((1, sum(opened)), (2, sum(opened)), (2, 0)):
        stats = CacheStats()
        day = TODAY + dt.timedelta(days=days)
        assert check_with_cache(root, None, day, stats=stats)[:2] == full_check(root, day)
        assert stats.expired == expired


def test_a_new_configuration_starts_a_fresh_cache(tmp_path: Path) -> None:
    root = generate_register(tmp_path / "reg", 5, seed=4)
    check_with_cache(root, None, TODAY)
    later = CacheStats()
    check_with_cache(root, None, TODAY + dt.timedelta(days=1), stats=later)
    assert later.computed == 0
    portfolio = root / "config" / "portfolio.yaml"
    portfolio.write_text(portfolio.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    changed = CacheStats()
    check_with_cache(root, None, TODAY + dt.timedelta(days=1), stats=changed)
    assert changed.computed == 5


def test_a_read_only_register_checks_without_a_cache(tmp_path: Path) -> None:
    root = generate_register(tmp_path / "reg", 3, seed=5)
    (root / CACHE_DIR).write_text("a file where the folder would go", encoding="utf-8")
    assert cached_check(root, TODAY) == full_check(root, TODAY)


def test_every_rule_is_classified_for_the_cache() -> None:
    """A rule in neither list switches the cache off (correct but slow): classify it in
    analysis/check_cache.py: LOCAL_RULES if it reads only its entry, the grid, the
    configuration and the date; else CROSS_RULES (the stand-ins may need more fields)."""
    assert set(RULES) == LOCAL_RULES | CROSS_RULES
    assert not LOCAL_RULES & CROSS_RULES


def test_checking_some_files_agrees_with_the_full_check(tmp_path: Path) -> None:
    root = generate_register(tmp_path / "reg", 8, seed=6)
    files = sorted((root / "usecases").glob("*.yaml"))
    edit(root, "duplicate_id", 2, 0)
    edit(root, "drop_owner", 5, 0)
    outside = tmp_path / "UC-777-dehors.yaml"
    shutil.copy(files[5], outside)
    for only in ([files[2]], [files[3], files[5]], [outside], [root / "usecases"]):
        register = load_register(root, None, only)
        expected = (check_register(register, TODAY, only), len(register.files))
        result, count, _ = check_with_cache(root, None, TODAY, only)
        assert (result, count) == expected


def test_the_cli_checks_the_same_with_and_without_the_cache(tmp_path: Path) -> None:
    from aiptest import run

    root = generate_register(tmp_path / "reg", 15, seed=7)
    edit(root, "drop_owner", 1, 0)
    plain = run(root, "check", "--no-cache")
    assert not (root / CACHE_DIR).exists()
    first = run(root, "check")
    second = run(root, "check")
    assert (root / CACHE_DIR / CACHE_FILE).is_file()
    assert plain.exit_code == first.exit_code == second.exit_code == 1
    assert plain.stdout == first.stdout == second.stdout
    assert plain.stderr == first.stderr == second.stderr


def test_a_deleted_evidence_file_is_seen_although_its_use_case_is_unchanged(
    tmp_path: Path,
) -> None:
    root = tmp_path / "reg"
    for folder in ("usecases", "config", "conformite"):
        shutil.copytree(REPO_ROOT / folder, root / folder)
    first, _ = cached_check(root, TODAY)
    assert not [p for p in first.problems if p.rule == "ai-act-evidence-missing"]
    cited = sorted((root / "conformite").rglob("*.md"))
    assert cited
    for path in cited:
        path.unlink()
    stats = CacheStats()
    result, _, _ = check_with_cache(root, None, TODAY, stats=stats)
    assert [p for p in result.problems if p.rule == "ai-act-evidence-missing"]
    assert result == full_check(root, TODAY)[0]


def _settled_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file counts as old enough for its signature to be recorded (a run ten
    seconds later); callers wait a clock tick between edits, as a person would."""
    monkeypatch.setattr(
        "aiportfolio.analysis.check_cache.now_ns", lambda: time.time_ns() + 10_000_000_000
    )


@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    report_multiple_bugs=False,
)
@given(
    st.lists(
        st.tuples(ACTIONS, st.integers(0, 50), st.integers(0, 1000), st.booleans()),
        min_size=1,
        max_size=5,
    )
)
def test_files_known_unchanged_by_their_signature_agree_too(
    monkeypatch: pytest.MonkeyPatch, steps: list
) -> None:
    _settled_at_once(monkeypatch)
    with tempfile.TemporaryDirectory() as tmp:
        root = generate_register(Path(tmp) / "reg", 10, seed=len(steps) + 1)
        assert cached_check(root, TODAY) == full_check(root, TODAY)
        for action, index, value, later in steps:
            time.sleep(0.02)
            edit(root, action, index, value)
            today = TODAY + dt.timedelta(days=400) if later else TODAY
            assert cached_check(root, today) == full_check(root, today)


def test_unchanged_files_are_not_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _settled_at_once(monkeypatch)
    root = generate_register(tmp_path / "reg", 20, seed=8)
    first = CacheStats()
    expected = check_with_cache(root, None, TODAY, stats=first)
    assert first.read == 20
    again = CacheStats()
    assert check_with_cache(root, None, TODAY, stats=again) == expected
    assert (again.read, again.computed, again.reused) == (0, 0, 20)
    time.sleep(0.02)
    path = sorted((root / "usecases").glob("*.yaml"))[4]
    path.write_text(path.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    edited = CacheStats()
    assert check_with_cache(root, None, TODAY, stats=edited) == expected
    assert (edited.read, edited.computed, edited.reused) == (1, 1, 19)


def test_the_check_without_cache_loads_with_the_collector_paused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``--no-cache`` (and any check the cache cannot serve) builds the register's objects
    without cyclic collections, then keeps them out of the collector's reach, as the cached
    loader does; the verdict is the plain loader's."""
    import gc

    from aiportfolio.register import loader

    root = generate_register(tmp_path / "reg", 30, seed=11)
    edit(root, "break_yaml", 3, 0)
    expected = full_check(root, TODAY)
    collector_on: list[bool] = []
    plain = loader.load_register

    def watched(*args: object, **kwargs: object) -> object:
        collector_on.append(gc.isenabled())
        return plain(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(loader, "load_register", watched)
    gc.unfreeze()
    result, files, _ = check_with_cache(root, None, TODAY, use_cache=False)
    assert collector_on == [False]
    assert gc.isenabled() and gc.get_freeze_count() > 0
    assert (result, files) == expected
    assert any(p.path.endswith(".yaml") for p in result.problems)
    assert not (root / CACHE_DIR / CACHE_FILE).exists()


def test_a_fresh_file_is_read_until_it_is_old_enough(tmp_path: Path) -> None:
    """Without the clock moved on, the files are too recent for their signature: each run
    reads them and compares their content (an edit within the same tick is seen)."""
    root = generate_register(tmp_path / "reg", 5, seed=9)
    check_with_cache(root, None, TODAY)
    path = sorted((root / "usecases").glob("*.yaml"))[1]
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\nstatus: ", "\nstatus: X", 1), encoding="utf-8")
    stats = CacheStats()
    result, _ = cached_check(root, TODAY)
    check_with_cache(root, None, TODAY, stats=stats)
    assert stats.read == 5
    assert result == full_check(root, TODAY)[0]
    assert any(p.path.endswith(path.name) for p in result.problems)


def test_cross_file_findings_are_reused_and_located_again(tmp_path: Path) -> None:
    root = generate_register(tmp_path / "reg", 6, seed=10)
    edit(root, "depend", 2, 997)  # a dependency on an id that does not exist
    first, _ = cached_check(root, TODAY)
    assert [p for p in first.problems if p.rule == "depends-on-exists"]
    path = sorted((root / "usecases").glob("*.yaml"))[2]
    path.write_text("# moved one line down\n" + path.read_text(encoding="utf-8"), "utf-8")
    stats = CacheStats()
    result, _, _ = check_with_cache(root, None, TODAY, stats=stats)
    assert stats.cross_reused
    assert result == full_check(root, TODAY)[0]
    moved = [p for p in result.problems if p.rule == "depends-on-exists"]
    assert [p.line for p in moved] == [
        p.line + 1 for p in first.problems if p.rule == "depends-on-exists"
    ]
    edit(root, "duplicate_id", 0, 0)
    changed = CacheStats()
    result, _, _ = check_with_cache(root, None, TODAY, stats=changed)
    assert not changed.cross_reused
    assert result == full_check(root, TODAY)[0]


def test_links_folders_and_pipes_among_the_files_agree_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check lists ``usecases/`` without asking what each entry is: a link (inside or
    outside the register), a folder or a named pipe named like a use case is found by the
    ``lstat`` the check makes anyway, and read as the loader reads it, never cached."""
    _settled_at_once(monkeypatch)
    root = generate_register(tmp_path / "reg", 6, seed=11)
    folder = root / "usecases"
    files = sorted(folder.glob("*.yaml"))
    outside = tmp_path / "UC-900-dehors.yaml"
    shutil.copy(files[1], outside)
    (folder / "UC-901-lien.yaml").symlink_to(files[2].name)
    (folder / "UC-902-lien-dehors.yaml").symlink_to(outside)
    (folder / "UC-903-dossier.yaml").mkdir()
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "UC-904-tube.yaml")
    expected = full_check(root, TODAY)
    for _ in range(3):
        stats = CacheStats()
        result, files_read, _ = check_with_cache(root, None, TODAY, stats=stats)
        assert (result, files_read) == expected
    assert stats.reused == 6


def _outcome(check: Callable[[], tuple], root: Path) -> tuple:
    """The check's result, or the configuration error it raises (its message and
    problems): what the reader sees either way."""
    try:
        return ("ok", *check())
    except ConfigError as error:
        return ("config error", str(error), error.problems)


def test_a_cached_configuration_is_refused_again_as_soon_as_it_would_be(tmp_path: Path) -> None:
    """The language and rule severities are kept with the records, so that a re-check
    need not validate the configuration: every change that makes the configuration
    wrong, or just different, must still be seen, as by a check from scratch."""
    root = generate_register(tmp_path / "reg", 4, seed=12)
    portfolio = root / "config" / "portfolio.yaml"
    weights = root / "config" / "weights.yaml"
    text, grid = portfolio.read_text(encoding="utf-8"), weights.read_text(encoding="utf-8")
    outside = tmp_path / "portfolio.yaml"
    outside.write_text(text, encoding="utf-8")

    def agree(lang: str | None = None) -> tuple:
        cached = _outcome(lambda: cached_check(root, TODAY, lang), root)
        assert cached == _outcome(lambda: full_check(root, TODAY, lang), root)
        assert cached == _outcome(lambda: cached_check(root, TODAY, lang), root)
        return cached

    assert agree()[0] == "ok"
    assert agree("en")[0] == "ok"
    portfolio.write_text(text.replace("language: fr", "language: en"), encoding="utf-8")
    assert agree()[0] == "ok"
    portfolio.write_text(text + "\npolicy:\n  rules:\n    owner-required: nope\n", "utf-8")
    assert agree()[0] == "config error"
    portfolio.unlink()
    portfolio.symlink_to(outside)  # same bytes, but outside the register
    assert agree()[0] == "config error"
    portfolio.unlink()
    portfolio.write_text(text, encoding="utf-8")
    assert agree()[0] == "ok"
    weights.unlink()  # a config/ folder without a grid
    assert agree()[0] == "config error"
    shutil.rmtree(root / "config")  # no config/ at all: the shipped defaults
    assert agree()[0] == "ok"
    (root / "config").mkdir()
    assert agree()[0] == "config error"
    weights.write_text(grid, encoding="utf-8")
    assert agree()[0] == "ok"
    (root / "config").rename(tmp_path / "config")
    (root / "config").symlink_to(tmp_path / "config")  # a linked config/ folder
    assert agree() == agree("de")


def test_a_re_check_with_nothing_changed_loads_no_model(tmp_path: Path) -> None:
    """What such a check needs is kept in the store: the models, the YAML parser, the
    loader and the rules are imported only to compute a record again."""
    from aiptest import modules_loaded

    root = generate_register(tmp_path / "reg", 6, seed=13)
    edit(root, "drop_owner", 1, 0)

    def modules() -> set[str]:
        return modules_loaded(root, "check", env={"AIP_TODAY": TODAY.isoformat()})

    assert "aiportfolio.model.usecase" in modules()  # the first check computes every record
    loaded = modules()
    heavy = {
        "aiportfolio.model.usecase",
        "aiportfolio.model.portfolio",
        "aiportfolio.register.loader",
        "aiportfolio.register.yamlio",
        "aiportfolio.rules.registry",
        "aiportfolio.domain.ai_act",
        "ruamel.yaml",
    }
    assert not heavy & loaded


def test_a_re_check_of_a_register_with_directives_loads_no_model(tmp_path: Path) -> None:
    """A file that switches a rule off for itself (``# aip: disable=``, rules/suppress.py)
    is read again at every check to apply it; that takes neither the YAML parser nor the
    rules' registry (and so no model)."""
    from aiptest import modules_loaded

    root = generate_register(tmp_path / "reg", 6, seed=13)
    edit(root, "drop_owner", 1, 0)
    first = sorted((root / "usecases").glob("*.yaml"))[1]
    with first.open("a", encoding="utf-8") as handle:
        handle.write("# aip: disable=owner-required parce que\n# aip: disable=no-such-rule\n")
    env = {"AIP_TODAY": TODAY.isoformat(), "AIP_CHECK_WORKER": "0"}
    modules_loaded(root, "check", env=env)
    loaded = modules_loaded(root, "check", env=env)
    heavy = {"pydantic", "ruamel.yaml", "aiportfolio.rules.registry", "aiportfolio.register.yamlio"}
    assert not heavy & loaded
    result, _ = cached_check(root, TODAY)
    assert result == full_check(root, TODAY)[0]
    assert {p.rule for p in result.problems} == {"suppression-unknown"}


def test_the_rule_ids_known_without_the_registry_are_its_own() -> None:
    from aiportfolio.rules import ids, registry

    assert tuple(RULES) == ids.RULE_IDS
    assert ids.LOADER_RULES == registry.LOADER_RULES


def test_every_reading_problem_is_known_as_one_that_cannot_be_switched_off() -> None:
    """A ``# aip: disable=`` naming a reading problem is told it cannot be switched off,
    not that the rule is unknown."""
    from aiportfolio.register.yamlio import YamlIssue
    from aiportfolio.rules.ids import LOADER_RULES
    from aiportfolio.rules.suppress import apply_suppressions

    for kind in ISSUE_RULES:
        rule = yaml_issue_problem(YamlIssue(kind, 1, 1), "usecases/x.yaml").rule
        assert rule in LOADER_RULES, kind
        text = f"# aip: disable={rule}\n"
        (warning,) = apply_suppressions([], {"usecases/x.yaml": text}, RULES, LOADER_RULES)
        assert warning.message.key == "team.suppress.locked", rule


def _extra_edit(root: Path, action: str, index: int, value: int) -> None:
    """Edits the store's layout must also follow: entries of ``usecases/`` that are no
    use-case file, ``.yml`` files, a file grown too large, a link, a link to no file (or
    to itself), one more line."""
    folder = root / "usecases"
    files = sorted(folder.glob("*.yaml"))
    if not files:
        return
    path = files[index % len(files)]
    if action in ("hidden", "yml", "oversized", "comment") and not path.is_file():
        return  # a link to no file: nothing to copy or write through
    if action == "note":
        (folder / f"notes-{value % 3}.md").write_text(f"{value}\n", encoding="utf-8")
    elif action == "hidden":
        hidden = folder / f".cache-{value % 3}.yaml"
        if hidden != path:  # not a hidden copy onto itself
            shutil.copy(path, hidden)
    elif action == "yml":
        shutil.copy(path, folder / f"UC-{800 + value % 5:03d}-autre.yml")
    elif action == "oversized":
        from aiportfolio.register.paths import MAX_FILE_BYTES

        path.write_text("# x\n" * (MAX_FILE_BYTES // 4 + 1), encoding="utf-8")
    elif action == "link":
        link = folder / f"UC-{900 + value % 5:03d}-lien.yaml"
        if not link.is_symlink() and not link.exists():
            link.symlink_to(path.name)
    elif action == "dangling":
        link = folder / f"UC-{950 + value % 3:03d}-casse.yaml"
        if not link.is_symlink() and not link.exists():
            link.symlink_to(f"absent-{value}.yaml" if value % 4 else link.name)  # or a loop
    elif action == "comment":
        with path.open("a", encoding="utf-8") as handle:
            handle.write(f"# {value}\n")


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    report_multiple_bugs=False,
)
@given(
    st.lists(
        st.tuples(
            st.one_of(
                ACTIONS.map(lambda a: (False, a)),
                st.sampled_from(
                    ["note", "hidden", "yml", "oversized", "link", "dangling", "comment"]
                ).map(lambda a: (True, a)),
            ),
            st.integers(0, 50),
            st.integers(0, 1000),
            st.booleans(),
        ),
        min_size=1,
        max_size=6,
    ),
    st.integers(0, 3),
)
def test_the_store_layout_follows_every_kind_of_edit(
    monkeypatch: pytest.MonkeyPatch, steps: list, overrides: int
) -> None:
    """With signatures trusted at once and few records kept in the store itself (the
    records file is written again often), after any edit the cached check agrees with a
    check from scratch, and a second one (served from what the first stored) too."""
    _settled_at_once(monkeypatch)
    monkeypatch.setattr("aiportfolio.analysis.check_cache.MAX_OVERRIDES", overrides)
    with tempfile.TemporaryDirectory() as tmp:
        root = generate_register(Path(tmp) / "reg", 8, seed=len(steps) + overrides)
        assert cached_check(root, TODAY) == full_check(root, TODAY)
        for (extra, action), index, value, later in steps:
            time.sleep(0.02)
            (_extra_edit if extra else edit)(root, action, index, value)
            today = TODAY + dt.timedelta(days=400) if later else TODAY
            # A link whose target was renamed away or never existed, a loop of links:
            # findings on those files, the same for both.
            expected = full_check(root, today)
            assert cached_check(root, today) == expected
            assert cached_check(root, today) == expected


def test_a_missing_or_foreign_records_file_is_no_store(tmp_path: Path) -> None:
    """The store names its records file; without it (deleted, replaced by another one,
    not signed) the check is made from scratch, with the same verdict."""
    from aiportfolio.analysis.check_cache import BODY_FILE

    root = generate_register(tmp_path / "reg", 12, seed=14)
    edit(root, "drop_owner", 3, 0)
    expected = check_with_cache(root, None, TODAY)
    body = root / CACHE_DIR / BODY_FILE
    kept = body.read_bytes()
    edit(root, "duplicate_id", 5, 0)  # what the cross-file rules read changes
    after = full_check(root, TODAY)
    body.unlink()
    stats = CacheStats()
    assert cached_check(root, TODAY) == after
    edit(root, "status", 7, 2)
    body.write_bytes(kept)  # an older records file: not the one the store names
    assert cached_check(root, TODAY) == full_check(root, TODAY)
    body.write_bytes(b"\0" * 40 + kept[40:])  # not signed
    assert cached_check(root, TODAY) == full_check(root, TODAY)
    check_with_cache(root, None, TODAY, stats=stats)
    assert stats.enabled and expected[1] == 12


def test_nothing_changed_writes_nothing_and_one_change_keeps_the_records_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from aiportfolio.analysis.check_cache import BODY_FILE

    _settled_at_once(monkeypatch)
    root = generate_register(tmp_path / "reg", 30, seed=15)
    expected = check_with_cache(root, None, TODAY)
    store, body = root / CACHE_DIR / CACHE_FILE, root / CACHE_DIR / BODY_FILE
    written = (store.stat().st_mtime_ns, body.stat().st_mtime_ns, body.read_bytes())
    time.sleep(0.02)
    assert check_with_cache(root, None, TODAY) == expected
    assert (store.stat().st_mtime_ns, body.stat().st_mtime_ns) == written[:2]
    path = sorted((root / "usecases").glob("*.yaml"))[7]
    path.write_text(path.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    stats = CacheStats()
    assert check_with_cache(root, None, TODAY, stats=stats) == expected
    assert (stats.read, stats.computed, stats.reused) == (1, 1, 29)
    assert store.stat().st_mtime_ns != written[0]
    assert body.read_bytes() == written[2]


def test_an_entry_gone_between_listing_and_lstat_is_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An editor's own file listed then removed before its ``lstat`` is no use-case file:
    skipped (a use-case file gone is a finding on it, as when the loader opens it)."""
    root = generate_register(tmp_path / "reg", 5, seed=16)
    expected = check_with_cache(root, None, TODAY)
    listdir = os.listdir

    def listed(extra: str) -> Callable[[object], list[str]]:
        return lambda path: [*listdir(path), extra]  # type: ignore[arg-type]

    monkeypatch.setattr(os, "listdir", listed("4913"))
    assert check_with_cache(root, None, TODAY) == expected
    monkeypatch.setattr(os, "listdir", listed("UC-099-parti.yaml"))
    gone = [p for p in check_with_cache(root, "en", TODAY)[0].problems if "099" in p.path]
    assert [(p.path, p.rule) for p in gone] == [("usecases/UC-099-parti.yaml", "unreadable-file")]


def test_given_paths_agree_with_the_full_check_on_every_kind_of_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``aip check PATH...`` (what a pre-commit hook runs): files of the register, given
    as written or by another path, a folder, a file outside ``usecases/``, links each way,
    a file named with a leading dot, a file that is no use case; first without a store,
    then from the store the whole check left."""
    _settled_at_once(monkeypatch)
    root = generate_register(tmp_path / "reg", 8, seed=17)
    folder = root / "usecases"
    files = sorted(folder.glob("*.yaml"))
    edit(root, "duplicate_id", 2, 0)
    edit(root, "drop_owner", 5, 0)
    outside = tmp_path / "ailleurs"
    outside.mkdir()
    shutil.copy(files[5], outside / "UC-777-dehors.yaml")
    shutil.copy(files[1], outside / "UC-778-autre.yaml")
    (outside / "UC-779-vers-dedans.yaml").symlink_to(files[3])
    (folder / "UC-901-lien.yaml").symlink_to(files[4].name)
    (folder / "UC-902-lien-dehors.yaml").symlink_to(outside / "UC-778-autre.yaml")
    shutil.copy(files[6], folder / ".UC-903-cache.yaml")
    (folder / "notes.md").write_text("# notes\n", encoding="utf-8")
    monkeypatch.chdir(root)
    cases = [
        [files[2]],
        [Path("usecases") / files[3].name],
        [folder / ".." / "usecases" / files[5].name, files[5]],
        [outside / "UC-777-dehors.yaml"],
        [outside / "UC-778-autre.yaml"],  # also reached by a link of usecases/
        [outside / "UC-779-vers-dedans.yaml"],
        [outside],
        [folder / "UC-901-lien.yaml"],
        [folder / ".UC-903-cache.yaml"],
        [folder / "notes.md"],
        [Path("usecases")],
    ]
    for use_store in (False, True):
        for only in cases:
            if not use_store:
                shutil.rmtree(root / CACHE_DIR, ignore_errors=True)
            register = load_register(root, None, only)
            expected = (check_register(register, TODAY, only), len(register.files))
            result, count, _ = check_with_cache(root, None, TODAY, only)
            assert (result, count) == expected, only
        check_with_cache(root, None, TODAY)


def test_a_file_named_with_a_leading_dot_is_checked_as_the_loader_reads_it(
    tmp_path: Path,
) -> None:
    """``usecases/*.yaml`` matches a name starting with a dot: the loader reads such a
    file, so the cached check does too."""
    root = generate_register(tmp_path / "reg", 4, seed=18)
    first = sorted((root / "usecases").glob("*.yaml"))[0]
    shutil.copy(first, root / "usecases" / ".copie.yaml")
    expected = full_check(root, TODAY)
    assert expected[1] == 5
    assert cached_check(root, TODAY) == expected
    assert cached_check(root, TODAY) == expected


def test_the_given_paths_are_expanded_as_the_loader_expands_them(tmp_path: Path) -> None:
    from aiportfolio.analysis.check_cache import given_files
    from aiportfolio.errors import UsageError
    from aiportfolio.register.loader import usecase_files

    root = generate_register(tmp_path / "reg", 3, seed=19)
    folder = root / "usecases"
    files = sorted(folder.glob("*.yaml"))
    shutil.copy(files[0], folder / "UC-004-autre.yml")
    shutil.copy(files[1], folder / ".UC-005.yaml")
    for only in ([folder], [files[1], folder, files[1]], [folder / "UC-004-autre.yml"], []):
        assert given_files(only) == usecase_files(root, only) or not only
    missing = [folder / "UC-999-absent.yaml"]
    with pytest.raises(UsageError) as ours:
        given_files(missing)
    with pytest.raises(UsageError) as theirs:
        usecase_files(root, missing)
    assert str(ours.value) == str(theirs.value)


def test_display_paths_are_the_loaders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from aiportfolio.analysis.check_cache import _display_path
    from aiportfolio.register.loader import display_path

    root = generate_register(tmp_path / "reg", 2, seed=20)
    (tmp_path / "lien").symlink_to(root / "usecases")
    monkeypatch.chdir(tmp_path)
    for path in (
        root / "usecases" / "UC-001-x.yaml",
        Path("reg/usecases/UC-002-y.yaml"),
        Path("lien/UC-003-z.yaml"),
        tmp_path / "dehors.yaml",
        Path("reg/usecases/UC-004-\x1b[31m.yaml"),
        Path("reg/usecases/UC-005-\u202e.yaml"),
    ):
        assert _display_path(path, root) == display_path(path, root)
