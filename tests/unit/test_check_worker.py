"""The worker of ``aip check`` (analysis/check_worker.py) computes the records of the files
that changed in a second process: the verdict is the one of a check without it, and a
worker that fails in any way only means the check computes them itself.

The worker is a fork of the command, so each case runs in a fresh interpreter (the probe
below), as a user's ``aip check`` would, never in the test process."""

from __future__ import annotations

import base64
import datetime as dt
import os
import pickle
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from aiportfolio.analysis.check import check_register
from aiportfolio.analysis.check_cache import CACHE_DIR, CACHE_FILE, check_with_cache
from aiportfolio.analysis.check_worker import ENV_SWITCH, start
from aiportfolio.register.loader import load_register
from aiptest import REPO_ROOT, modules_loaded
from registeredits import edit

sys.path.insert(0, str(REPO_ROOT / "benchmarks"))

from generate import generate_register

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the worker is started on Linux only"
)

TODAY = dt.date(2026, 11, 26)

PROBE = textwrap.dedent(
    """
    import base64, datetime as dt, os, pickle, sys
    from pathlib import Path
    from aiportfolio.analysis import check_cache
    from aiportfolio.analysis.check_worker import start

    root, day, fault = Path(sys.argv[1]), dt.date.fromisoformat(sys.argv[2]), sys.argv[3]

    def fails(*args):
        raise RuntimeError("the worker fails")

    faults = {
        "crash": lambda *args: os._exit(3),
        "raise": fails,
        "short": lambda *args: [],
        "garbage": lambda *args: [object()],
    }
    if fault in faults:  # what the forked worker will run
        check_cache.compute_records = faults[fault]
    worker = start(root)
    stats = check_cache.CacheStats()
    result, files, _ = check_cache.check_with_cache(root, None, day, stats=stats, worker=worker)
    reaped = True
    if worker is not None:
        try:
            os.waitpid(worker.pid, os.WNOHANG)
            reaped = False
        except ChildProcessError:
            pass
    found = (result, files, worker is not None, stats.by_worker, stats.computed, reaped)
    sys.stdout.write(base64.b64encode(pickle.dumps(found)).decode())
    """
)


def probe(root: Path, fault: str = "", day: dt.date = TODAY) -> tuple:
    """``check_with_cache`` with a worker, in a fresh interpreter: the result, the number
    of files, whether a worker started, the records it computed, the records computed, and
    whether it was ended and reaped."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(root), day.isoformat(), fault],
        capture_output=True,
        text=True,
        env={**os.environ, ENV_SWITCH: "1"},
        check=True,
    )
    return tuple(pickle.loads(base64.b64decode(done.stdout)))


def retitle(root: Path, index: int) -> None:
    """A plain edit: the title of the ``index``-th file (its entry for the rules across
    files, id, status and dependencies, stays the same)."""
    path = sorted((root / "usecases").glob("*.yaml"))[index]
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\ntitle: ", "\ntitle: Revu - ", 1), encoding="utf-8")


def full_check(root: Path, today: dt.date = TODAY) -> tuple:
    register = load_register(root)
    return check_register(register, today), len(register.files)


def test_the_worker_computes_the_changed_records_as_the_check_would(tmp_path: Path) -> None:
    root = generate_register(tmp_path / "reg", 12, seed=5)
    first = probe(root)
    assert first[2] is False  # no store yet: every file is checked here
    assert first[:2] == full_check(root)
    edit(root, "drop_owner", 1, 0)  # a finding
    edit(root, "break_yaml", 4, 0)  # a reading problem
    retitle(root, 7)  # a plain change
    result, files, started, by_worker, computed, reaped = probe(root)
    assert started and reaped
    assert by_worker == computed == 3
    assert (result, files) == full_check(root)
    assert {p.rule for p in result.problems} >= {"owner-required", "yaml-syntax"}


@pytest.mark.parametrize("fault", ["crash", "raise", "short", "garbage"])
def test_a_failing_worker_leaves_the_records_to_the_check(tmp_path: Path, fault: str) -> None:
    root = generate_register(tmp_path / "reg", 8, seed=6)
    probe(root)
    edit(root, "drop_owner", 2, 0)
    result, files, started, by_worker, computed, reaped = probe(root, fault)
    assert started and reaped
    assert by_worker == 0 and computed == 1
    assert (result, files) == full_check(root)


def test_a_worker_not_needed_is_ended(tmp_path: Path) -> None:
    root = generate_register(tmp_path / "reg", 6, seed=8)
    probe(root)
    result, files, started, by_worker, computed, reaped = probe(root)  # nothing changed
    assert started and reaped and by_worker == computed == 0
    assert (result, files) == full_check(root)
    portfolio = root / "config" / "portfolio.yaml"  # another context: no store for it
    portfolio.write_text(portfolio.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    result, files, started, by_worker, computed, reaped = probe(root)
    assert started and reaped and by_worker == 0 and computed == 6
    assert (result, files) == full_check(root)


def test_no_worker_without_a_store_or_when_switched_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = generate_register(tmp_path / "reg", 4, seed=9)
    monkeypatch.setenv(ENV_SWITCH, "1")
    assert start(root) is None  # no store: a first check validates every file itself
    check_with_cache(root, None, TODAY)
    assert (root / CACHE_DIR / CACHE_FILE).is_file()
    monkeypatch.setenv(ENV_SWITCH, "0")
    assert start(root) is None


def test_the_command_leaves_validation_to_the_worker_with_the_same_output(
    tmp_path: Path,
) -> None:
    """``aip check`` after an edit: the command itself imports neither the models nor the
    rules, and prints what a check without a worker, or without the cache, prints."""
    root = generate_register(tmp_path / "reg", 10, seed=10)
    env = {"AIP_TODAY": TODAY.isoformat(), "NO_COLOR": "1"}

    def aip(*args: str, worker: str = "1") -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-c", "from aiportfolio.cli.entry import main; main()", *args],
            capture_output=True,
            text=True,
            env={**os.environ, **env, ENV_SWITCH: worker},
            cwd=root,
        )

    assert aip("check").returncode == 0
    edit(root, "drop_owner", 3, 0)
    retitle(root, 5)
    with_worker = aip("check")
    retitle(root, 6)
    loaded = modules_loaded(root, "check", env={**env, ENV_SWITCH: "1"})
    assert not {"aiportfolio.model.usecase", "pydantic", "ruamel.yaml"} & loaded
    without = aip("check", worker="0")
    uncached = aip("check", "--no-cache")
    assert with_worker.returncode == without.returncode == uncached.returncode == 1
    assert with_worker.stdout == without.stdout == uncached.stdout
    assert with_worker.stderr == without.stderr == uncached.stderr


def test_the_command_loads_no_pydantic_plugin_and_skips_their_lookup() -> None:
    code = textwrap.dedent(
        """
        import sys
        from aiportfolio.cli.entry import PLUGIN_LOADER, without_pydantic_plugins

        without_pydantic_plugins()
        from aiportfolio.model.usecase import UseCase
        import pydantic.plugin._loader as loader

        print("importlib.metadata" in sys.modules, loader.get_plugins())
        # Any other name: the real module steps in.
        print(loader.PYDANTIC_ENTRY_POINT_GROUP, sys.modules[PLUGIN_LOADER] is not loader)
        """
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "()", "pydantic", "True"]
