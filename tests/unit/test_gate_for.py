"""``gate_for``, the gate verdicts every command uses, equals ``gate_of`` (every rule on
the loaded register) after random edits, with and without an earlier ``aip check``, of the
same date or another, before or after a configuration change; after ``aip check`` of the
same date the commands run no rule of their own; without one, the check ``gate_for``
makes from the loaded register is kept, and the next ``aip check`` or gating command
reuses it (same verdicts as from scratch)."""

from __future__ import annotations

import datetime as dt
import re
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import aiportfolio.analysis.gate
import aiportfolio.register.loader
from aiportfolio.analysis.check import check_register
from aiportfolio.analysis.check_cache import CacheStats, check_with_cache
from aiportfolio.analysis.gate import gate_for, gate_of
from aiportfolio.register.cached_load import load_register_cached
from aiportfolio.register.loader import load_register
from aiptest import REPO_ROOT, run
from registeredits import ACTIONS, edit, edit_settings

sys.path.insert(0, str(REPO_ROOT / "benchmarks"))

from generate import generate_register

TODAY = dt.date(2026, 11, 26)
LATER = TODAY + dt.timedelta(days=400)


def _refuse(*args: object) -> None:
    raise AssertionError("the rules ran although aip check's cache holds the verdicts")


@edit_settings(25)
@given(
    st.lists(
        st.tuples(
            ACTIONS,
            st.integers(0, 50),
            st.integers(0, 1000),
            st.sampled_from([None, TODAY, LATER]),  # aip check before gating, of which date
            st.booleans(),  # the gate's date: TODAY or LATER
            st.booleans(),  # the gate's date is aip check's own (it keeps its check)
        ),
        min_size=1,
        max_size=6,
    )
)
def test_gate_for_equals_gate_of_after_random_edits(steps: list) -> None:
    with tempfile.TemporaryDirectory() as tmp, pytest.MonkeyPatch.context() as patched:
        root = generate_register(Path(tmp) / "reg", 12, seed=len(steps))
        for action, index, value, checked, later, own_date in steps:
            edit(root, action, index, value)
            if checked is not None:
                check_with_cache(root, None, checked)
            today = LATER if later else TODAY
            patched.setenv(
                "AIP_TODAY", (today if own_date else TODAY - dt.timedelta(1)).isoformat()
            )
            for register in (load_register_cached(root), load_register(root)):
                assert gate_for(register, today) == gate_of(register, today)
            # What gate_for kept (if anything) gives aip check's own verdict.
            cached, files, _ = check_with_cache(root, None, today)
            full = load_register(root)
            assert (cached, files) == (check_register(full, today), len(full.files))


def test_after_aip_check_the_verdicts_come_from_its_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = generate_register(tmp_path / "reg", 12, seed=3)
    edit(root, "drop_owner", 2, 0)
    edit(root, "duplicate_id", 5, 0)
    register = load_register(root)
    expected = gate_of(register, TODAY)
    assert expected.failing  # the edits made entries fail the gate
    check_with_cache(root, None, TODAY)
    with monkeypatch.context() as patched:
        patched.setattr(aiportfolio.analysis.gate, "gate_of", _refuse)
        assert gate_for(register, TODAY) == expected
        # An entry edited since the check: checked again, not taken from the cache.
        edit(root, "drop_owner", 7, 0)
        edited = load_register(root)
        assert gate_for(edited, TODAY) != expected
    assert gate_for(edited, TODAY) == gate_of(edited, TODAY)

    # Another date on which an entry's findings may differ (past the generated decision
    # dates), or another configuration: the check's cache does not answer. A date on which
    # none differs (every entry's window holds it): it does.
    called: list[dt.date] = []

    def counted(reg: object, today: dt.date) -> object:
        called.append(today)
        return gate_of(reg, today)  # type: ignore[arg-type]

    far = dt.date(2100, 1, 1)
    with monkeypatch.context() as patched:
        patched.setattr(aiportfolio.analysis.gate, "gate_of", counted)
        assert gate_for(edited, LATER) == gate_of(edited, LATER)
        assert called == []
        assert gate_for(edited, far) == gate_of(edited, far)
        assert called == [far]
        called.clear()
        assert gate_for(edited, LATER) == gate_of(edited, LATER)
        assert called == []
        portfolio = root / "config" / "portfolio.yaml"
        config = portfolio.read_text(encoding="utf-8")
        portfolio.write_text(config.replace("  rules:\n", "  rules:\n    owner-required: off\n"))
        reconfigured = load_register(root)
        # aip check's own date (AIP_TODAY): the check is made from the loaded register and
        # kept, not the rules run on their own.
        assert gate_for(reconfigured, LATER) == gate_of(reconfigured, LATER)
        assert called == [LATER]
        assert gate_for(reconfigured, TODAY) == gate_of(reconfigured, TODAY)
        assert called == [LATER]
        assert gate_for(reconfigured, TODAY) != gate_for(edited, TODAY)  # owner-required off


def test_without_aip_check_the_gate_keeps_its_check_for_the_next_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = generate_register(tmp_path / "reg", 12, seed=6)
    edit(root, "drop_owner", 3, 0)
    edit(root, "duplicate_id", 4, 0)
    edit(root, "break_yaml", 8, 0)
    register = load_register_cached(root)
    expected = gate_of(register, TODAY)
    assert expected.failing
    parsed: list[str] = []
    original = aiportfolio.register.loader.load_usecase_text

    def counted(text: str | None, issue: object, rel: str) -> object:
        parsed.append(rel)
        return original(text, issue, rel)  # type: ignore[arg-type]

    with monkeypatch.context() as patched:
        patched.setattr(aiportfolio.analysis.gate, "gate_of", _refuse)
        patched.setattr(aiportfolio.register.loader, "load_usecase_text", counted)
        # Only the file that did not load is read again (for its problems): the use
        # cases the command loaded are checked as they are.
        assert gate_for(register, TODAY) == expected
        assert len(parsed) == 1 and parsed[0] not in {
            register.relpath(p) for p in register.usecase_paths
        }
        # The next command of that date, and aip check, reuse every record.
        assert gate_for(load_register_cached(root), TODAY) == expected
        stats = CacheStats()
        result, _, _ = check_with_cache(root, None, TODAY, stats=stats)
    assert stats.computed == 0 and stats.cross_reused
    full = load_register(root)
    assert result == check_register(full, TODAY)


def test_a_check_of_another_date_is_kept_when_the_gate_has_its_own(tmp_path: Path) -> None:
    """aip plan --date, aip report --date...: the rules decide, aip check's cache stays."""
    root = generate_register(tmp_path / "reg", 12, seed=7)
    check_with_cache(root, None, TODAY)
    register = load_register(root)
    assert gate_for(register, LATER) == gate_of(register, LATER)
    stats = CacheStats()
    check_with_cache(root, None, TODAY, stats=stats)
    assert stats.computed == 0


def test_a_file_changed_after_loading_is_gated_as_loaded(tmp_path: Path) -> None:
    root = generate_register(tmp_path / "reg", 12, seed=8)
    register = load_register(root)
    expected = gate_of(register, TODAY)
    edit(root, "drop_owner", 2, 0)  # after the command read the register
    assert gate_for(register, TODAY) == expected
    edited = load_register(root)
    assert gate_for(edited, TODAY) == gate_of(edited, TODAY) != expected


def test_a_register_that_is_not_its_files_is_gated_by_the_rules(tmp_path: Path) -> None:
    root = generate_register(tmp_path / "reg", 12, seed=4)
    check_with_cache(root, None, TODAY)
    register = load_register(root)
    register.usecases.pop()  # an entry left out in memory: the check does not see that
    register.usecase_paths.pop()
    assert gate_for(register, TODAY) == gate_of(register, TODAY)


@pytest.mark.parametrize(
    "args",
    [
        ("plan", "--strategy", "greedy"),
        ("roadmap", "--proposed"),
        ("score",),
        ("dashboard",),
        ("doctor",),
        ("agenda", "--ritual", "committee"),
    ],
)
def test_commands_take_the_verdicts_of_aip_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    root = generate_register(tmp_path / "reg", 12, seed=5)
    edit(root, "drop_owner", 2, 0)
    monkeypatch.setenv("AIP_TODAY", TODAY.isoformat())
    before = run(root, *args)
    assert run(root, "check").exit_code == 1
    with monkeypatch.context() as patched:
        patched.setattr(aiportfolio.analysis.gate, "gate_of", _refuse)
        after = run(root, *args)
    assert (after.exit_code, _timeless(after.output)) == (
        before.exit_code,
        _timeless(before.output),
    )


@pytest.mark.parametrize("args", [("plan", "--strategy", "greedy"), ("score",)])
def test_a_second_command_without_aip_check_runs_no_rule(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    root = generate_register(tmp_path / "reg", 12, seed=9)
    edit(root, "drop_owner", 2, 0)
    monkeypatch.setenv("AIP_TODAY", TODAY.isoformat())
    first = run(root, *args)
    with monkeypatch.context() as patched:
        patched.setattr(aiportfolio.analysis.gate, "gate_of", _refuse)
        second = run(root, *args)
    assert (second.exit_code, _timeless(second.output)) == (
        first.exit_code,
        _timeless(first.output),
    )


def _timeless(output: str) -> str:
    """The output without the planner's seconds."""
    return re.sub(r"\d+[.,]\d+\xa0s\b", "_ s", output)
