"""aip report after edits: only the cards whose content changed are rendered and written
again (the others stay as the last run wrote them), and the site is the one a run with no
cache makes, byte for byte, after any sequence of random edits."""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import aiportfolio.report.site.charts as charts
import aiportfolio.report.site.pages as pages
from aiptest import REPO_ROOT, run
from registeredits import ACTIONS, edit, edit_settings

sys.path.insert(0, str(REPO_ROOT / "benchmarks"))

from generate import generate_register


class _Drawer:
    """Charts "drawn" in this process as a digest of what Vega would draw: what is tested
    here is which pages and cards are made again, not the drawing (test_report_site)."""

    def __init__(self, **options: Any) -> None:
        pass

    def draw(self, shapes: list[charts.Spec], lang: str) -> Callable[[], list[str]]:
        def digest(shape: charts.Spec) -> str:
            text = json.dumps([shape, lang], sort_keys=True).encode()
            return f"<svg>{hashlib.blake2b(text, digest_size=16).hexdigest()}</svg>"

        return lambda: [digest(shape) for shape in shapes]

    def close(self, **options: Any) -> None:
        pass


def _serial(patch: pytest.MonkeyPatch) -> None:
    patch.setattr(charts, "WorkerDrawer", _Drawer)
    patch.setattr(charts, "SerialDrawer", _Drawer)


def _files(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*.html"))}


def _times(out: Path) -> dict[Path, int]:
    return {p: p.stat().st_mtime_ns for p in out.rglob("*.html")}


def _retitle(root: Path, index: int, value: int) -> None:
    files = sorted((root / "usecases").glob("*.yaml"))
    if files:
        path = files[index % len(files)]
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("\ntitle: ", f"\ntitle: T{value} ", 1), encoding="utf-8")


def _report(root: Path, out: Path) -> int:
    return int(run(root, "report", "--out", str(out)).exit_code)


def _count_cards(patch: pytest.MonkeyPatch) -> list[str]:
    """The use cases whose card is rendered from now on."""
    rendered: list[str] = []
    make = pages._page_renderer

    def counting(*args: Any) -> Callable[..., str]:
        render = make(*args)

        def render_one(template: str, **context: Any) -> str:
            if template == "report/card.html.j2":
                rendered.append(context["uc"]["id"])
            return render(template, **context)

        return render_one

    patch.setattr(pages, "_page_renderer", counting)
    return rendered


def test_an_edit_renders_and_writes_only_the_card_it_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _serial(monkeypatch)
    root = generate_register(tmp_path / "reg", 8, seed=1)
    out = tmp_path / "site"
    assert _report(root, out) == 0
    before = _times(out)
    rendered = _count_cards(monkeypatch)
    _retitle(root, 2, 7)  # UC-003
    assert _report(root, out) == 0
    assert rendered == ["UC-003"]
    cards = {p.name for p, time in _times(out).items() if time != before[p] and "UC-" in p.name}
    assert cards == {"UC-003.html"}
    # Nothing changed since: nothing rendered, nothing written.
    rendered.clear()
    before = _times(out)
    root_text = sorted((root / "usecases").glob("*.yaml"))[0]
    root_text.write_text(root_text.read_text(encoding="utf-8"), encoding="utf-8")
    assert _report(root, out) == 0
    assert rendered == []
    assert _times(out) == before
    # A card altered by hand is written again, from its context.
    (out / "usecases" / "UC-005.html").write_text("edited by hand", encoding="utf-8")
    _retitle(root, 0, 1)
    assert _report(root, out) == 0
    assert sorted(rendered) == ["UC-001", "UC-005"]
    shutil.rmtree(root / ".aip-cache")
    assert _report(root, tmp_path / "cold") == 0
    assert _files(out) == _files(tmp_path / "cold")


def test_the_cache_keeps_no_card(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from aiportfolio.cli.report import CACHE_FILE, _fingerprint
    from aiportfolio.register import disk_cache

    _serial(monkeypatch)
    root = generate_register(tmp_path / "reg", 4, seed=2)
    assert _report(root, tmp_path / "site") == 0
    kept = disk_cache.load(root, CACHE_FILE, _fingerprint())
    assert isinstance(kept, dict) and kept
    assert not any('<h1 class="card-head">' in text for text in kept.values())


@edit_settings(12)
@given(
    st.lists(
        st.tuples(
            st.one_of(ACTIONS, st.just("retitle")),
            st.integers(0, 50),
            st.integers(0, 1000),
            st.booleans(),  # a report after this edit
        ),
        min_size=1,
        max_size=5,
    )
)
# Two entries of one id: the card is the last one's, kept or rendered.
@example([("retitle", 0, 1, False), ("duplicate_id", 0, 0, True), ("retitle", 0, 2, False)])
def test_a_report_after_random_edits_is_the_site_made_from_scratch(steps: list[Any]) -> None:
    with tempfile.TemporaryDirectory() as tmp, pytest.MonkeyPatch.context() as patch:
        _serial(patch)
        root = generate_register(Path(tmp) / "reg", 10, seed=len(steps))
        out = Path(tmp) / "site"
        _report(root, out)
        for action, index, value, report in steps:
            if action == "retitle":
                _retitle(root, index, value)
            else:
                edit(root, action, index, value)
            if report:
                _report(root, out)
        code = _report(root, out)
        shutil.rmtree(root / ".aip-cache")
        assert _report(root, Path(tmp) / "cold") == code
        assert _files(out) == _files(Path(tmp) / "cold")


def test_a_register_with_its_own_templates_gets_every_card_each_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No cache then: every card is rendered and written (while the charts are drawn),
    and none is taken for stale."""
    _serial(monkeypatch)
    root = generate_register(tmp_path / "reg", 4, seed=3)
    css = root / "templates" / "report" / "report.css"
    css.parent.mkdir(parents=True)
    css.write_text("body { color: #123456; }\n", encoding="utf-8")
    out = tmp_path / "site"
    for _ in range(2):
        rendered = _count_cards(monkeypatch)
        result = run(root, "report", "--out", str(out))
        assert result.exit_code == 0
        assert sorted(rendered) == ["UC-001", "UC-002", "UC-003", "UC-004"]
        cards = sorted(p.name for p in (out / "usecases").glob("*.html"))
        assert cards == ["UC-001.html", "UC-002.html", "UC-003.html", "UC-004.html"]
        assert "#123456" in (out / "usecases" / "UC-004.html").read_text(encoding="utf-8")
        assert " 10 pages " in result.stderr  # the six pages and the four cards
