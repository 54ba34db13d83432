"""aip report in a real browser (Chromium): pages load cleanly from file:// and over
HTTP, charts are visible, links work, labels follow the language, cards print one page
each, and axe-core finds no serious accessibility violation."""

from __future__ import annotations

import functools
import http.server
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest

from aiptest import REPO_ROOT, usecase, write_register

PAGES = ["index", "matrix", "waves", "kpis", "tco", "usecases"]


class Watched:
    """Everything a page reports that a reader should never meet."""

    def __init__(self, page: Any) -> None:
        self.problems: list[str] = []
        self.urls: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda exc: self.problems.append(f"page error: {exc}"))
        page.on("requestfailed", lambda r: self.problems.append(f"failed: {r.url} {r.failure}"))
        page.on("request", lambda r: self.urls.append(r.url))

    def _console(self, message: Any) -> None:
        if message.type in ("error", "warning"):
            self.problems.append(f"console {message.type}: {message.text}")


@pytest.fixture
def page(browser_context: Any) -> Iterator[Any]:
    page = browser_context.new_page()
    try:
        yield page
    finally:
        page.close()


def _open(page: Any, url: str) -> Watched:
    watched = Watched(page)
    response = page.goto(url, wait_until="load")
    assert response is None or response.ok, url
    return watched


def _all_pages(site: Path) -> list[Path]:
    return [site / f"{p}.html" for p in PAGES] + sorted((site / "usecases").glob("*.html"))


def test_every_page_loads_without_error_or_request(page: Any, example_site: Path) -> None:
    for path in _all_pages(example_site):
        watched = _open(page, path.as_uri())
        assert watched.problems == [], path.name
        # The page itself and nothing else: no font, image, script or style from anywhere.
        assert [u for u in watched.urls if u != path.as_uri()] == [], path.name
        assert page.locator("main h1").first.is_visible(), path.name


@pytest.fixture(scope="module")
def served_site(example_site: Path) -> Iterator[str]:
    """The site over HTTP on the loopback interface, as Pages would serve it."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(example_site))
    handler.log_message = lambda *args: None  # type: ignore[attr-defined]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_pages_load_over_http_as_on_pages(page: Any, served_site: str) -> None:
    for name in ("index", "matrix", "usecases/UC-007"):
        url = f"{served_site}/{name}.html"
        watched = _open(page, url)
        assert watched.problems == [], name
        assert watched.urls == [url], name  # no favicon or other request either


def test_charts_are_visible_with_their_marks(page: Any, example_site: Path) -> None:
    _open(page, (example_site / "matrix.html").as_uri())
    chart = page.locator("figure svg").first
    box = chart.bounding_box()
    assert box is not None and box["width"] > 300 and box["height"] > 300
    bubbles = chart.locator('[role="graphics-symbol"][aria-label^="UC-"]')
    assert bubbles.count() == 14
    assert bubbles.first.locator("title").text_content().startswith("UC-")
    assert chart.locator("text", has_text="Priorités").count() == 1
    assert chart.locator("text", has_text="plancher de faisabilité").count() == 1

    _open(page, (example_site / "waves.html").as_uri())
    gantt = page.locator("figure svg").first
    assert gantt.is_visible()
    assert gantt.locator('[aria-label*="Vague"]').count() >= 4
    assert gantt.locator("text", has_text="aujourd'hui").count() == 1

    _open(page, (example_site / "kpis.html").as_uri())
    trends = page.locator("figure svg").first
    assert trends.is_visible()
    assert trends.locator("path[aria-label]").count() > 5

    _open(page, (example_site / "index.html").as_uri())
    balance = page.locator("figure svg").first
    assert balance.is_visible()
    assert balance.locator('[aria-label*="cible"]').count() == 6  # 3 groups x 2 measures


def test_links_between_pages_work(page: Any, example_site: Path) -> None:
    _open(page, (example_site / "index.html").as_uri())
    for name in PAGES[1:]:
        page.locator(f'nav a[href="{name}.html"]').click()
        page.wait_for_load_state("load")
        assert page.url.endswith(f"/{name}.html")
        assert page.locator("nav a[aria-current=page]").get_attribute("href") == f"{name}.html"
    page.locator('main a[href="usecases/UC-007.html"]').click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/usecases/UC-007.html")
    assert "UC-007" in page.locator("h1").inner_text()
    page.locator('nav a[href="../index.html"]').click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/index.html")
    # Every link of every page leads to a file of the site, or (evidence of an AI Act
    # obligation) to a file of the register or a web address.
    outside = set()
    for path in _all_pages(example_site):
        _open(page, path.as_uri())
        hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
        for href in hrefs:
            target = href.split("#")[0]
            if target.startswith("https://"):
                outside.add(target)
                continue
            assert target.startswith("file://"), href
            file = Path(unquote(target.removeprefix("file://")))
            assert file.is_file(), f"{path.name}: {href}"
            if not file.is_relative_to(example_site):
                outside.add(file.relative_to(REPO_ROOT).as_posix())
    assert outside == {
        "conformite/formation-ia-2026.md",
        "conformite/avis-cse-2026-11-19.md",
        "https://intranet.forgeval.example/rh/formation-ia-2026",
    }


def test_evidence_links_open_the_register_file_and_hostile_ones_stay_text(
    page: Any, tmp_path: Path, site_writer: Any
) -> None:
    refs = [
        "docs/étude d'impact #1.md",
        "javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        "https://intranet.example/dpia?a=1&b=<2>",
    ]
    obligation = {"id": "ai-literacy", "status": "done", "evidence": [{"ref": r} for r in refs]}
    root = write_register(
        tmp_path / "reg",
        [usecase(ai_act={"obligations": [obligation]})],
        files={"docs/étude d'impact #1.md": "# Étude d'impact\n"},
    )
    site = site_writer(root, tmp_path / "reg" / "site", "en")
    watched = _open(page, (site / "usecases" / "UC-001.html").as_uri())
    cell = page.locator("table.obligations tbody td").nth(5)
    assert cell.inner_text() == "; ".join(refs)  # every value shown as written
    links = cell.locator("a")
    assert links.count() == 3  # javascript: and data: are text
    # A path is a path, whatever its characters: percent-encoded under the register.
    assert links.nth(1).inner_text() == refs[3]
    assert (
        links.nth(1).get_attribute("href")
        == "../../%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E"
    )
    assert links.nth(2).get_attribute("href") == refs[-1]
    assert links.nth(2).get_attribute("rel") == "noreferrer"
    assert page.locator("img").count() == 0
    # Nothing is loaded before a click; the link to the register's file opens it.
    assert watched.problems == [] and len(watched.urls) == 1
    links.first.click()
    page.wait_for_load_state("load")
    assert Path(unquote(page.url.removeprefix("file://"))) == root / "docs" / "étude d'impact #1.md"
    assert "Étude d'impact" in page.content()


def test_labels_follow_the_register_language(
    page: Any, example_site: Path, english_site: Path
) -> None:
    _open(page, (example_site / "index.html").as_uri())
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator("h1").inner_text() == "Vue d'ensemble du portefeuille"
    assert page.locator("nav").inner_text().split("\n")[0].strip() == "Vue d'ensemble"
    assert "Équilibre face à la cible" in page.locator("main").inner_text()
    assert page.locator("h2", has_text="Couverture AI Act (UE)").is_visible()
    _open(page, (english_site / "index.html").as_uri())
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "Portfolio overview"
    assert page.locator("h2", has_text="EU AI Act coverage").is_visible()
    _open(page, (english_site / "usecases" / "UC-001.html").as_uri())
    assert page.locator("h2", has_text="EU AI Act obligations").is_visible()


def test_german_report_shows_german_labels(
    page: Any, german_site: Path, english_site: Path
) -> None:
    _open(page, (german_site / "index.html").as_uri())
    assert page.locator("html").get_attribute("lang") == "de"
    assert page.locator("h1").inner_text() == "Portfolio-Überblick"
    assert page.locator("nav").inner_text().split("\n")[0].strip() == "Überblick"
    main = page.locator("main").inner_text()
    assert "Balance im Vergleich zum Zielwert" in main
    german_headings = page.locator("main h2").all_inner_texts()
    _open(page, (english_site / "index.html").as_uri())
    english_headings = page.locator("main h2").all_inner_texts()
    assert len(german_headings) == len(english_headings)
    # Every section heading is translated (none is left in English).
    assert not set(german_headings) & set(english_headings)
    _open(page, (german_site / "usecases" / "UC-001.html").as_uri())
    assert page.locator("h2", has_text="Entscheidungsprotokoll").is_visible()


def test_ai_act_coverage_and_obligations_are_shown(page: Any, example_site: Path) -> None:
    _open(page, (example_site / "index.html").as_uri())
    section = page.locator("h2", has_text="Couverture AI Act (UE)")
    assert section.is_visible()
    deadlines = page.locator("h3", has_text="Obligations ouvertes dues").locator(
        "xpath=following-sibling::table[1]"
    )
    assert deadlines.locator("tbody tr").count() >= 1
    first = deadlines.locator("tbody tr a").first
    target = first.get_attribute("href")
    first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/" + target)
    _open(page, (example_site / "usecases" / "UC-010.html").as_uri())
    table = page.locator("table.obligations")
    assert table.is_visible()
    assert table.locator("tbody tr").count() == 6
    assert "Art. 26(6)" in table.inner_text()
    assert "conformite/formation-ia-2026.md" in table.inner_text()


def _pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


def test_each_card_prints_on_one_page(page: Any, example_site: Path) -> None:
    for card in sorted((example_site / "usecases").glob("*.html")):
        _open(page, card.as_uri())
        pdf = page.pdf(format="A4", print_background=True)
        assert _pdf_pages(pdf) == 1, card.name


def test_no_serious_accessibility_violation(page: Any, example_site: Path, axe_source: str) -> None:
    checked = [example_site / f"{p}.html" for p in PAGES] + [
        example_site / "usecases" / "UC-007.html"
    ]
    for path in checked:
        _open(page, path.as_uri())
        # Evaluated through the DevTools protocol: the page's CSP still forbids scripts.
        page.evaluate(axe_source + "\n;0")
        result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
        serious = [
            f"{v['id']} ({v['impact']}): {v['help']} — {v['nodes'][0]['target']}"
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        assert serious == [], path.name
