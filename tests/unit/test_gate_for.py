"""``gate_for``, the gate verdicts every command uses, equals ``gate_of`` (every rule on
the loaded register) after random edits, with and without an earlier ``aip check``, of the
same date or another, before or after a configuration change; after ``aip check`` of the
same date the commands run no rule of their own."""

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
from aiportfolio.analysis.check_cache import check_with_cache
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
        ),
        min_size=1,
        max_size=6,
    )
)
def test_gate_for_equals_gate_of_after_random_edits(steps: list) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = generate_register(Path(tmp) / "reg", 12, seed=len(steps))
        for action, index, value, checked, later in steps:
            edit(root, action, index, value)
            if checked is not None:
                check_with_cache(root, None, checked)
            today = LATER if later else TODAY
            for register in (load_register_cached(root), load_register(root)):
                assert gate_for(register, today) == gate_of(register, today)


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

    # Another date, or another configuration: the check's cache does not answer.
    called: list[dt.date] = []

    def counted(reg: object, today: dt.date) -> object:
        called.append(today)
        return gate_of(reg, today)  # type: ignore[arg-type]

    with monkeypatch.context() as patched:
        patched.setattr(aiportfolio.analysis.gate, "gate_of", counted)
        assert gate_for(edited, LATER) == gate_of(edited, LATER)
        assert called == [LATER]
        portfolio = root / "config" / "portfolio.yaml"
        config = portfolio.read_text(encoding="utf-8")
        portfolio.write_text(config.replace("  rules:\n", "  rules:\n    owner-required: off\n"))
        reconfigured = load_register(root)
        assert gate_for(reconfigured, TODAY) == gate_of(reconfigured, TODAY)
        assert called == [LATER, TODAY]
        assert gate_for(reconfigured, TODAY) != gate_for(edited, TODAY)  # owner-required off


def test_a_register_that_is_not_its_files_is_gated_by_the_rules(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
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


def _timeless(output: str) -> str:
    """The output without the planner's seconds."""
    return re.sub(r"\d+[.,]\d+\xa0s\b", "_ s", output)
