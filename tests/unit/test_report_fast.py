"""aip report on an unchanged register: told unchanged from the configuration's bytes and the
use-case files' times (their text when a time cannot be trusted), without validating,
computing or rendering anything; the site it leaves is byte for byte the one a run with no
cache makes, after any sequence of edits, option changes and touches."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import aiportfolio.analysis.report
import aiportfolio.cli.report as report_cli
import aiportfolio.report.site.charts as charts
from aiportfolio.register import disk_cache
from aiportfolio.register.loader import load_register
from aiptest import REPO_ROOT, run
from registeredits import ACTIONS, edit, edit_settings

sys.path.insert(0, str(REPO_ROOT / "benchmarks"))

from generate import generate_register

CITED = "ref: https://intranet.example.fr/formation-ia"
"""The evidence every generated entry cites (a URL), replaced by a file by the "cite" step."""


pytestmark = pytest.mark.usefixtures("private_cache")
"""Each test gets its own signing key (see conftest.py)."""


class _Drawer:
    """Charts "drawn" in this process as their spec: what is tested here is which runs
    compute, not the drawing (test_report_site)."""

    def __init__(self, **options: Any) -> None:
        pass

    def draw(self, shapes: list[charts.Spec], lang: str) -> Any:
        return lambda: [f"<svg>{len(repr(shape))}-{lang}</svg>" for shape in shapes]

    def close(self, **options: Any) -> None:
        pass


def _serial(patch: pytest.MonkeyPatch) -> None:
    patch.setattr(charts, "WorkerDrawer", _Drawer)
    patch.setattr(charts, "SerialDrawer", _Drawer)


def _counting(patch: pytest.MonkeyPatch) -> list[int]:
    """How many times the report is computed from now on."""
    computed: list[int] = []
    build = aiportfolio.analysis.report.build_report

    def counted(*args: Any, **kwargs: Any) -> Any:
        computed.append(1)
        return build(*args, **kwargs)

    patch.setattr(aiportfolio.analysis.report, "build_report", counted)
    return computed


def _files(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*.html"))}


def _state(root: Path) -> dict[str, Any]:
    state = disk_cache.load(root, report_cli.STATE_FILE, report_cli._fingerprint(), codec="marshal")
    assert isinstance(state, dict)
    return state


def _report(
    root: Path, out: Path, *args: str, today: str = "2026-11-26", lang: str | None = None
) -> Any:
    """``aip [--lang LANG] report --out OUT ARGS...`` on the date ``today``."""
    chosen = ("--lang", lang) if lang else ()
    return run(root, *chosen, "report", "--out", str(out), *args, env={"AIP_TODAY": today})


def _cold(
    root: Path, out: Path, *args: str, today: str = "2026-11-26", lang: str | None = None
) -> Any:
    """A run with no cache at all (the register's cache is set aside, then put back)."""
    cache, aside = root / ".aip-cache", root.parent / "cache-aside"
    shutil.rmtree(aside, ignore_errors=True)
    if cache.exists():
        cache.rename(aside)
    try:
        return _report(root, out, *args, today=today, lang=lang)
    finally:
        shutil.rmtree(cache, ignore_errors=True)
        if aside.exists():
            aside.rename(cache)


def _same_size_edit(path: Path) -> None:
    """Change a file's text keeping its size and modification time, as an edit within one
    tick of a coarse clock looks."""
    info = path.stat()
    text = path.read_text(encoding="utf-8")
    changed = text.replace("Processus", "Procedure", 1)
    assert changed != text and len(changed) == len(text)
    path.write_text(changed, encoding="utf-8")
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))


def test_an_unchanged_register_imports_no_validation_nor_rendering(tmp_path: Path) -> None:
    from aiptest import modules_loaded

    root = generate_register(tmp_path / "reg", 5, seed=4)
    out = tmp_path / "site"
    with pytest.MonkeyPatch.context() as patch:
        _serial(patch)
        assert _report(root, out).exit_code == 0
    site = _files(out)
    loaded = modules_loaded(root, "report", "--out", str(out))
    assert _files(out) == site
    heavy = {
        "pydantic",
        "jinja2",
        "ruamel",
        "ruamel.yaml",
        "vl_convert",
        "importlib.metadata",
        "aiportfolio.model.usecase",
        "aiportfolio.model.portfolio",
        "aiportfolio.register.loader",
        "aiportfolio.register.yamlio",
        "aiportfolio.analysis.report",
        "aiportfolio.report.site.pages",
    }
    assert not heavy & loaded
    # A changed configuration is validated (here: refused).
    (root / "config" / "portfolio.yaml").write_text("language: klingon\n", encoding="utf-8")
    assert "aiportfolio.register.loader" in modules_loaded(root, "report", "--out", str(out))


def test_settled_files_are_told_unchanged_by_their_times_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _serial(monkeypatch)
    root = generate_register(tmp_path / "reg", 6, seed=5)
    out = tmp_path / "site"
    # Files written just now: no time of theirs is trusted, their text is compared.
    assert _report(root, out).exit_code == 0
    assert all(signature is None for _, signature, _ in _state(root)["sources"])
    computed = _counting(monkeypatch)
    assert _report(root, out).exit_code == 0
    assert computed == []
    # Once the files are old enough (the clock moved on), their times are kept...
    monkeypatch.setattr(disk_cache, "SETTLED_NS", -(10**12))
    assert _report(root, out).exit_code == 0
    assert all(signature is not None for _, signature, _ in _state(root)["sources"])
    site = _files(out)
    with monkeypatch.context() as patch:  # ...and no file is read

        def refuse(raw: bytes) -> bytes:
            raise AssertionError("a use-case file was read")

        patch.setattr(report_cli, "_text_digest", refuse)
        assert _report(root, out).exit_code == 0
    # A file touched without change is read, found the same, and its new times kept.
    card = sorted((root / "usecases").glob("*.yaml"))[2]
    os.utime(card, ns=(card.stat().st_atime_ns, card.stat().st_mtime_ns + 10**9))
    assert _report(root, out).exit_code == 0
    assert computed == []
    with monkeypatch.context() as patch:
        patch.setattr(report_cli, "_text_digest", refuse)
        assert _report(root, out).exit_code == 0
    assert _files(out) == site
    # An edit that keeps the size and the modification time still changes the inode's
    # change time: read, and the site made again.
    _same_size_edit(card)
    assert _report(root, out).exit_code == 0
    assert computed == [1]
    assert _files(out) != site
    assert _cold(root, tmp_path / "cold").exit_code == 0
    assert _files(out) == _files(tmp_path / "cold")


def test_an_edit_within_the_tick_of_the_last_run_is_not_missed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file changed within the clock's granularity of a run may keep the times that run
    saw: its times are not kept (it was not settled), so the next run compares its text."""
    _serial(monkeypatch)
    root = generate_register(tmp_path / "reg", 6, seed=6)
    out = tmp_path / "site"
    assert _report(root, out).exit_code == 0
    card = sorted((root / "usecases").glob("*.yaml"))[1]
    # A clock that does not tell the edit apart: same size, same times.
    real_lstat = os.lstat
    frozen = {str(card): real_lstat(card)}
    _same_size_edit(card)

    def coarse(path: Any, *args: Any, **kwargs: Any) -> os.stat_result:
        return frozen.get(os.fspath(path)) or real_lstat(path, *args, **kwargs)

    monkeypatch.setattr(os, "lstat", coarse)
    assert _report(root, out).exit_code == 0
    monkeypatch.undo()
    assert b"Procedure" in (out / "usecases" / "UC-002.html").read_bytes()
    _serial(monkeypatch)
    assert _cold(root, tmp_path / "cold").exit_code == 0
    assert _files(out) == _files(tmp_path / "cold")


def test_a_configuration_is_validated_unless_a_successful_run_had_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _serial(monkeypatch)
    root = generate_register(tmp_path / "reg", 4, seed=7)
    out = tmp_path / "site"
    assert _report(root, out).exit_code == 0
    portfolio = root / "config" / "portfolio.yaml"
    good = portfolio.read_text(encoding="utf-8")
    for bad in (
        "language: klingon\n",
        "waves: [\n",
        good.replace("tolerance: 10", "tolerance: -3"),
    ):
        portfolio.write_text(bad, encoding="utf-8")
        refused = _report(root, out)
        assert refused.exit_code == 2
        assert refused.stderr == _cold(root, tmp_path / "cold").stderr
    portfolio.write_text(good, encoding="utf-8")
    computed = _counting(monkeypatch)
    assert _report(root, out).exit_code == 0
    assert computed == []
    # A usage error is the same with or without the shortcut (in the register's language).
    for args, today in ((("--files-url", "ftp://x"), "2026-11-26"), ((), "not-a-date")):
        refused = _report(root, out, *args, today=today)
        assert refused.exit_code == 2
        assert refused.stderr == _cold(root, tmp_path / "cold", *args, today=today).stderr
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    refused = _report(root, tmp_path / "a-file")
    assert refused.exit_code == 2 and "a-file" in refused.stderr


def test_a_register_read_while_it_changes_is_not_taken_for_unchanged(tmp_path: Path) -> None:
    from aiportfolio.cli.report import Sources

    root = generate_register(tmp_path / "reg", 3, seed=8)
    sources = Sources(root)
    recorded = sources.recorded(load_register(root))
    assert recorded is not None
    assert [name for name, _, _ in recorded] == [p.name for p in load_register(root).files]
    assert Sources(root).unchanged(recorded) == recorded
    # A file edited after the listing, before the load: the text loaded is recorded.
    card = sorted((root / "usecases").glob("*.yaml"))[1]
    listed = Sources(root)
    card.write_text(card.read_text("utf-8").replace("title: ", "title: Renamed ", 1), "utf-8")
    edited = listed.recorded(load_register(root))
    assert edited is not None and edited != recorded
    assert Sources(root).unchanged(recorded) is None
    assert Sources(root).unchanged(edited) == edited
    # A file added, or the configuration changed, after the listing: nothing recorded.
    listed = Sources(root)
    shutil.copy(card, card.with_name("UC-009-added.yaml"))
    assert listed.recorded(load_register(root)) is None
    listed = Sources(root)
    portfolio = root / "config" / "portfolio.yaml"
    portfolio.write_text(portfolio.read_text("utf-8") + "# note\n", "utf-8")
    assert listed.recorded(load_register(root)) is None
    # A linked use-case file or folder, a linked configuration, the register's own
    # templates: no shortcut.
    assert Sources(root).files is not None
    (root / "usecases" / "UC-010-link.yaml").symlink_to(card)
    assert Sources(root).files is None
    (root / "usecases" / "UC-010-link.yaml").unlink()
    (root / "config").rename(tmp_path / "config")
    (root / "config").symlink_to(tmp_path / "config")
    assert Sources(root).files is None
    (root / "config").unlink()
    (tmp_path / "config").rename(root / "config")
    assert Sources(root).files is not None
    (root / "templates" / "report").mkdir(parents=True)
    assert Sources(root).files is None


Step = tuple[str, int, int, bool]

OWN_STEPS = (
    "retitle",
    "same_tick",
    "touch",
    "config_comment",
    "lang",
    "date",
    "files_url",
    "cite",
    "proof",
    "templates",
    "settled",
)
"""Steps of this test, besides the edits of ``registeredits``."""
STEPS = st.one_of(ACTIONS, st.sampled_from(OWN_STEPS))


class _Options:
    """The options of the next runs, changed by some steps."""

    def __init__(self) -> None:
        self.lang: str | None = None
        self.today = "2026-11-26"
        self.files_url: str | None = None

    def run(self) -> dict[str, Any]:
        """``_report``'s options."""
        return {"today": self.today, "lang": self.lang}

    def args(self) -> tuple[str, ...]:
        return ("--files-url", self.files_url) if self.files_url else ()


def _step(root: Path, options: _Options, patch: pytest.MonkeyPatch, step: Step) -> None:
    action, index, value, _ = step
    files = sorted((root / "usecases").glob("*.y*ml"))
    path = files[index % len(files)] if files else None
    if action == "retitle" and path is not None:
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("\ntitle: ", f"\ntitle: T{value} ", 1), encoding="utf-8")
    elif action == "same_tick" and path is not None:
        if "Processus" in path.read_text(encoding="utf-8"):
            _same_size_edit(path)
    elif action == "touch" and path is not None:
        info = path.stat()
        os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 10**9 * (value + 1)))
    elif action == "config_comment":
        portfolio = root / "config" / "portfolio.yaml"
        portfolio.write_text(portfolio.read_text("utf-8") + f"# {value}\n", "utf-8")
    elif action == "lang":
        options.lang = [None, "en", "fr", "de"][value % 4]
    elif action == "date":
        options.today = (dt.date(2026, 11, 26) + dt.timedelta(days=value % 400)).isoformat()
    elif action == "files_url":
        choices = [None, "https://example.org/reg/", "https://example.org/other"]
        options.files_url = choices[value % 3]
    elif action == "cite" and path is not None:
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(CITED, "ref: proof/training.md", 1), encoding="utf-8")
    elif action == "proof":
        proof = root / "proof" / "training.md"
        if proof.exists():
            proof.unlink()
        else:
            proof.parent.mkdir(exist_ok=True)
            proof.write_text("Training given.\n", encoding="utf-8")
    elif action == "templates":
        own = root / "templates"
        if own.exists():
            shutil.rmtree(own)
        else:
            css = own / "report" / "report.css"
            css.parent.mkdir(parents=True)
            css.write_text(f"body {{ color: #{value:06d}; }}\n", encoding="utf-8")
    elif action == "settled":
        patch.setattr(disk_cache, "SETTLED_NS", -(10**12) if value % 2 else 2_000_000_000)
    elif action not in OWN_STEPS:
        edit(root, action, index, value)


@edit_settings(15)
@given(
    st.lists(st.tuples(STEPS, st.integers(0, 50), st.integers(0, 1000), st.booleans()), max_size=6)
)
@example([("touch", 0, 1, True)])
@example([("same_tick", 1, 0, True), ("same_tick", 2, 0, False)])
@example([("cite", 0, 0, True), ("proof", 0, 0, True), ("proof", 0, 0, False)])
@example([("settled", 0, 1, True), ("touch", 1, 1, True), ("retitle", 1, 1, False)])
@example([("lang", 0, 2, True), ("config_comment", 0, 0, True), ("lang", 0, 0, False)])
@example([("templates", 0, 7, True), ("templates", 0, 7, False)])
@example([("date", 0, 5, True), ("files_url", 0, 1, True), ("rename", 0, 3, False)])
def test_a_report_after_random_changes_is_the_site_made_from_scratch(steps: list[Step]) -> None:
    with tempfile.TemporaryDirectory() as tmp, pytest.MonkeyPatch.context() as patch:
        _serial(patch)
        root = generate_register(Path(tmp) / "reg", 8, seed=len(steps))
        out = Path(tmp) / "site"
        options = _Options()
        _report(root, out)
        for step in steps:
            _step(root, options, patch, step)
            if step[3]:
                _report(root, out, *options.args(), **options.run())
        code = _report(root, out, *options.args(), **options.run()).exit_code
        made = _files(out)
        # Nothing changed since: the site is not made again (unless the register has its
        # own templates), and stays the same.
        computed = _counting(patch)
        assert _report(root, out, *options.args(), **options.run()).exit_code == code
        assert computed == ([1] if (root / "templates").exists() else [])
        assert _files(out) == made
        cold = Path(tmp) / "cold"
        assert _cold(root, cold, *options.args(), **options.run()).exit_code == code
        assert _files(cold) == made
