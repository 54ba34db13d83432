"""aip report's caches: signed files in .aip-cache/, parsed use cases, drawn charts and
rendered pages; a warm run writes the same site as a cold one and rewrites nothing that is
unchanged."""

from __future__ import annotations

import datetime as dt
import os
import pickle
from pathlib import Path

import pytest

from aiportfolio.register import disk_cache
from aiportfolio.register.cached_load import PART_FILE, PARTS, load_register_cached
from aiportfolio.register.loader import load_register
from aiptest import run, usecase, write_register

pytestmark = pytest.mark.usefixtures("private_cache")
"""Each test gets its own signing key (see conftest.py)."""


class _Boom:
    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, ("touch pwned",))


def test_a_value_comes_back_under_its_context_only(tmp_path: Path) -> None:
    disk_cache.save(tmp_path, "x.pickle", b"ctx", {"a": 1})
    assert disk_cache.load(tmp_path, "x.pickle", b"ctx") == {"a": 1}
    assert disk_cache.load(tmp_path, "x.pickle", b"other") is None
    assert disk_cache.load(tmp_path, "missing.pickle", b"ctx") is None
    assert (tmp_path / ".aip-cache" / ".gitignore").read_text(encoding="utf-8").endswith("*\n")


def test_a_cache_file_not_signed_by_this_user_is_never_unpickled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A register from elsewhere may commit .aip-cache/: its pickles must not run.
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".aip-cache").mkdir()
    payload = pickle.dumps((b"ctx", _Boom()))
    for forged in (payload, b"\0" * 32 + payload):
        (tmp_path / ".aip-cache" / "x.pickle").write_bytes(forged)
        assert disk_cache.load(tmp_path, "x.pickle", b"ctx") is None
    assert not (tmp_path / "pwned").exists()
    # Signed with another user's key: refused too.
    disk_cache.save(tmp_path, "x.pickle", b"ctx", {"a": 1})
    disk_cache._key.cache_clear()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "someone-else"))
    assert disk_cache.load(tmp_path, "x.pickle", b"ctx") is None


def test_no_private_folder_means_no_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # a file: no folder can be made
    disk_cache._key.cache_clear()
    disk_cache.save(tmp_path, "x.pickle", b"ctx", 1)
    assert disk_cache.load(tmp_path, "x.pickle", b"ctx") is None


def test_parsed_use_cases_are_reused_until_their_file_changes(tmp_path: Path) -> None:
    root = write_register(tmp_path / "reg", [usecase(id="UC-001"), usecase(id="UC-002")])
    (root / "usecases" / "UC-003-bad.yaml").write_text("id: [\n", encoding="utf-8")
    cold = load_register_cached(root)
    stored: dict[str, object] = {}
    for index in range(PARTS):
        name = PART_FILE.format(index)
        part = disk_cache.load(root, name, disk_cache.code_fingerprint() + name.encode())
        stored.update(part or {})
    assert sorted(stored) == [  # the invalid file is not kept
        "usecases/UC-001-case.yaml",
        "usecases/UC-002-case.yaml",
    ]
    warm = load_register_cached(root)
    plain = load_register(root)
    assert warm.usecases == cold.usecases == plain.usecases
    assert [p.message for p in warm.problems] == [p.message for p in plain.problems]
    (root / "usecases" / "UC-002-case.yaml").write_text(
        (root / "usecases" / "UC-002-case.yaml")
        .read_text("utf-8")
        .replace("title: ", "title: Renamed ", 1),
        encoding="utf-8",
    )
    edited = load_register_cached(root)
    assert edited.usecases[1].title.startswith("Renamed")
    assert edited.usecases == load_register(root).usecases


def _files(out: Path) -> dict[str, str]:
    return {
        p.relative_to(out).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(out.rglob("*.html"))
    }


def test_a_warm_report_is_the_same_site_and_rewrites_nothing(tmp_path: Path) -> None:
    root = write_register(tmp_path / "reg", [usecase(id="UC-001"), usecase(id="UC-002")])
    cold_out, warm_out = tmp_path / "cold", tmp_path / "warm"
    assert run(root, "report", "--out", str(cold_out)).exit_code == 0
    assert (root / ".aip-cache" / "report.pickle").is_file()
    assert run(root, "report", "--out", str(warm_out)).exit_code == 0
    assert _files(warm_out) == _files(cold_out)
    # Run again into the same folder: no file is written again.
    times = {p: p.stat().st_mtime_ns for p in warm_out.rglob("*.html")}
    assert run(root, "report", "--out", str(warm_out)).exit_code == 0
    assert {p: p.stat().st_mtime_ns for p in warm_out.rglob("*.html")} == times
    # A page changed by hand is written again; an edited entry changes its card.
    (warm_out / "index.html").write_text("edited by hand", encoding="utf-8")
    card = root / "usecases" / "UC-002-case.yaml"
    card.write_text(card.read_text("utf-8").replace("title: ", "title: Renamed ", 1), "utf-8")
    assert run(root, "report", "--out", str(warm_out)).exit_code == 0
    assert (warm_out / "index.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert "Renamed" in (warm_out / "usecases" / "UC-002.html").read_text(encoding="utf-8")
    fresh = tmp_path / "fresh"
    (root / ".aip-cache" / "report.pickle").unlink()
    assert run(root, "report", "--out", str(fresh)).exit_code == 0
    assert _files(fresh) == _files(warm_out)


def _no_computing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any computation of the report fail: a run that succeeds computed nothing."""
    import aiportfolio.analysis.report

    def refuse(*args: object) -> None:
        raise AssertionError("the report was computed again")

    monkeypatch.setattr(aiportfolio.analysis.report, "build_report", refuse)


def _cold(root: Path, out: Path, *args: str) -> dict[str, str]:
    """The site made with no cache at all."""
    cache = root / ".aip-cache"
    moved = root.parent / "cache-aside"
    cache.rename(moved)
    try:
        assert run(root, *args, "report", "--out", str(out)).exit_code == 0
    finally:
        import shutil

        shutil.rmtree(cache, ignore_errors=True)
        moved.rename(cache)
    return _files(out)


def test_an_unchanged_register_is_not_computed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_register(tmp_path / "reg", [usecase(id="UC-001"), usecase(id="UC-002")])
    (root / "usecases" / "UC-003-bad.yaml").write_text("id: [\n", encoding="utf-8")
    out = tmp_path / "site"
    first = run(root, "report", "--out", str(out))
    assert first.exit_code == 0
    site = _files(out)
    with monkeypatch.context() as patched:
        _no_computing(patched)
        again = run(root, "report", "--out", str(out))
        assert again.exit_code == 0
        assert again.stderr == first.stderr  # the invalid file is still reported
        assert _files(out) == site
        # The output folder altered: only what differs from the last run is written again.
        (out / "index.html").write_text("edited by hand", encoding="utf-8")
        (out / "usecases" / "UC-999.html").write_text("stray", encoding="utf-8")
        times = {p: p.stat().st_mtime_ns for p in out.rglob("*.html")}
        assert run(root, "report", "--out", str(out)).exit_code == 0
        assert _files(out) == site
        rewritten = {p for p in out.rglob("*.html") if p.stat().st_mtime_ns != times.get(p)}
        assert rewritten == {out / "index.html"}
    # The cache keeps no card: a card lost is made again, and that card only is written.
    (out / "usecases" / "UC-001.html").unlink()
    times = {p: p.stat().st_mtime_ns for p in out.rglob("*.html")}
    assert run(root, "report", "--out", str(out)).exit_code == 0
    assert _files(out) == site
    rewritten = {p for p in out.rglob("*.html") if p.stat().st_mtime_ns != times.get(p)}
    assert rewritten == {out / "usecases" / "UC-001.html"}
    # Another output folder gets the same files.
    assert run(root, "report", "--out", str(tmp_path / "other")).exit_code == 0
    assert _files(tmp_path / "other") == site
    assert _cold(root, tmp_path / "cold") == site


@pytest.mark.parametrize(
    "change",
    ["edit", "date", "lang", "config", "evidence", "new file", "cache lost"],
)
def test_any_change_of_what_the_site_shows_makes_it_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    cited = {
        "obligations": [
            {"id": "ai-literacy", "status": "done", "evidence": [{"ref": "proof/training.md"}]}
        ]
    }
    root = write_register(
        tmp_path / "reg",
        [usecase(id="UC-001", ai_act=cited), usecase(id="UC-002")],
        files={"proof/training.md": "Training given."},
    )
    out = tmp_path / "site"
    assert run(root, "report", "--out", str(out)).exit_code == 0
    before = _files(out)
    args: tuple[str, ...] = ()
    if change == "edit":
        card = root / "usecases" / "UC-002-case.yaml"
        card.write_text(card.read_text("utf-8").replace("title: ", "title: Renamed ", 1), "utf-8")
    elif change == "date":
        monkeypatch.setenv("AIP_TODAY", "2026-12-24")
    elif change == "lang":
        args = ("--lang", "fr")
    elif change == "config":
        (root / "config" / "portfolio.yaml").write_text("organisation: Other\n", "utf-8")
    elif change == "evidence":
        (root / "proof" / "training.md").unlink()  # the entry now fails the gate
    elif change == "new file":
        write_register(root, [usecase(id="UC-003")])
    else:
        (root / ".aip-cache" / "report.pickle").unlink()
        (out / "index.html").write_text("edited by hand", encoding="utf-8")
    assert run(root, *args, "report", "--out", str(out)).exit_code == 0
    after = _files(out)
    if change == "cache lost":
        assert after == before
    else:
        assert after != before
    assert after == _cold(root, tmp_path / "cold", *args)


def test_the_gate_comes_from_aip_checks_cache_of_the_same_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import aiportfolio.analysis.gate
    import aiportfolio.analysis.report
    from aiportfolio.analysis.gate import _checked_gate, gate_of

    cited = {
        "obligations": [
            {"id": "ai-literacy", "status": "done", "evidence": [{"ref": "proof/missing.md"}]}
        ]
    }
    root = write_register(
        tmp_path / "reg",
        [usecase(id="UC-001", ai_act=cited), usecase(id="UC-002"), usecase(id="UC-003")],
    )
    today = dt.date(2026, 11, 26)
    register = load_register_cached(root)
    # aip check has not run: the check is made from the loaded register (and kept).
    assert _checked_gate(register, today) == gate_of(register, today)
    (root / ".aip-cache" / "check.marshal").unlink()
    assert run(root, "check").exit_code == 1
    gate = _checked_gate(register, today)
    assert gate is not None and gate == gate_of(register, today)
    assert [v.usecase_id for v in gate.failing] == ["UC-001"]
    # Another day on which no entry's findings may change: the same check answers.
    later = dt.date(2026, 11, 27)
    assert _checked_gate(register, later) == gate_of(register, later)
    # After aip check the report computes no gate of its own, and shows the same site.
    out = tmp_path / "site"
    with monkeypatch.context() as patched:

        def refuse(*args: object) -> None:
            raise AssertionError("the gate was computed again")

        patched.setattr(aiportfolio.analysis.gate, "gate_of", refuse)
        patched.setattr(aiportfolio.analysis.report, "gate_of", refuse)
        assert run(root, "report", "--out", str(out)).exit_code == 0
    assert "ai-act-evidence-missing" in (out / "usecases" / "UC-001.html").read_text("utf-8")
    assert _files(out) == _cold(root, tmp_path / "cold")
