"""The browser for tests/browser: Debian's Chromium driven by Playwright.

The tests skip, saying why, only when no browser is available on a developer's machine; in
CI (``CI`` set) a missing browser, Playwright or axe-core is a failure, since ``.ci/run``
installs them (Chromium with apt-get, Playwright with the ``dev`` extra, axe-core with npm
in this folder)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from aiptest import REPO_ROOT, usecase, write_register

HERE = Path(__file__).resolve().parent
AXE = HERE / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TODAY = dt.date(2026, 11, 26)


def _missing(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI must provide it: see .ci/run)")
    pytest.skip(reason)


def chromium_path() -> str | None:
    candidates = (os.environ.get("AIP_CHROMIUM"), shutil.which("chromium"), "/usr/bin/chromium")
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return candidate
    return None


def write_site(root: Path, out: Path, lang: str | None = None) -> Path:
    from aiportfolio.analysis.report import build_report
    from aiportfolio.cli.report import write_site as write
    from aiportfolio.i18n import Translator
    from aiportfolio.register.loader import load_register
    from aiportfolio.report.site.common import files_base
    from aiportfolio.report.site.pages import render_site

    register = load_register(root, lang, ())
    t = Translator(lang or register.lang or "en")
    files = files_base(out, register.root)  # as aip report: evidence paths lead to the register
    write(render_site(build_report(register, TODAY), t, register.root, None, None, files), out)
    return out


@pytest.fixture(scope="session")
def browser_context(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """One Chromium with a fresh profile for the whole session."""
    executable = chromium_path()
    if executable is None:
        _missing("no Chromium found (apt-get install chromium, or set AIP_CHROMIUM)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("Playwright is not installed (pip install -e '.[dev]')")
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),
            executable_path=executable,
            headless=True,
            args=CHROMIUM_ARGS,
        )
        # A machine shared with other jobs can be slow: wait long before calling it a failure.
        context.set_default_timeout(120_000)
        context.set_default_navigation_timeout(120_000)
        try:
            yield context
        finally:
            context.close()


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The report of the bundled (French) register."""
    return write_site(REPO_ROOT, tmp_path_factory.mktemp("site-fr"))


@pytest.fixture(scope="session")
def english_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = write_register(tmp_path_factory.mktemp("register-en"), [usecase()])
    return write_site(root, tmp_path_factory.mktemp("site-en"), "en")


@pytest.fixture(scope="session")
def german_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = write_register(tmp_path_factory.mktemp("register-de"), [usecase()])
    return write_site(root, tmp_path_factory.mktemp("site-de"), "de")


@pytest.fixture(scope="session")
def site_writer() -> Any:
    """``write_site``, for a test that writes the report of its own register."""
    return write_site


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.is_file():
        _missing(f"axe-core is not installed: run `npm ci --prefix {HERE.relative_to(REPO_ROOT)}`")
    return AXE.read_text(encoding="utf-8")
