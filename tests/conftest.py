from __future__ import annotations

import pytest

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


@pytest.fixture
def example_root():
    """The bundled example register (this repository)."""
    return REPO_ROOT
