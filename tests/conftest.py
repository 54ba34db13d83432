from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from aiportfolio.register import disk_cache
from aiptest import REPO_ROOT


@pytest.fixture(autouse=True)
def _stable_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test depends on the machine's date, CI variables or colours."""
    monkeypatch.setenv("AIP_TODAY", "2026-11-26")
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("AIP_REGISTER", raising=False)
    for name in ("GITHUB_STEP_SUMMARY", "GITHUB_WORKSPACE", "CI_PROJECT_DIR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_COLOR", "1")


@pytest.fixture(autouse=True)
def _collectable_objects() -> Iterator[None]:
    """A register load keeps every object of the process out of the cyclic collector's
    reach (``disk_cache.spare_from_gc``), which suits a command, not a test session: each
    test ends with them handed back to the collector."""
    yield
    gc.unfreeze()


@pytest.fixture
def example_root():
    """The bundled example register (this repository)."""
    return REPO_ROOT


@pytest.fixture
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A signing key of the test's own: the user's cache folder is a temporary one, and the
    key read from it is forgotten before and after the test."""
    home = tmp_path / "user-cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    disk_cache._key.cache_clear()
    yield home
    disk_cache._key.cache_clear()
