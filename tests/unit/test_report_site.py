"""aip report: the pages, their structure, their links, their charts and escaping."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest
from markupsafe import escape

from aiportfolio.analysis.report import build_report
from aiportfolio.i18n import Translator
from aiportfolio.register.loader import load_register
from aiportfolio.report.site.common import files_base
from aiportfolio.report.site.pages import PAGES, charts, render_site
from aiptest import REPO_ROOT, VALID_USECASE, run, usecase, write_register

TODAY = dt.date(2026, 11, 26)
VALID_SCORES = tuple(VALID_USECASE["scores"])


def _site(root: Path, lang: str | None = None, files: str | None = None) -> dict[str, str]:
    register = load_register(root, lang, ())
    t = Translator(lang or register.lang or "en")
    return render_site(build_report(register, TODAY), t, register.root, register_files=files)


@pytest.fixture(scope="module")
def example_site() -> dict[str, str]:
    """The bundled register's report as ``aip report`` writes it in ``site/``."""
    return _site(REPO_ROOT, files="../")


def _links(html: str) -> list[str]:
    return re.findall(r'href="([^"]*)"', html)


def test_every_page_and_one_card_per_use_case(example_site: dict[str, str]) -> None:
    cards = sorted(p.name for p in (REPO_ROOT / "usecases").glob("UC-*.yaml"))
    expected = {f"{page}.html" for page in PAGES}
    expected |= {f"usecases/{name[:6]}.html" for name in cards}
    assert set(example_site) == expected


def test_pages_are_self_contained_and_script_free(example_site: dict[str, str]) -> None:
    for path, html in example_site.items():
        assert html.startswith("<!DOCTYPE html>"), path
        assert "Content-Security-Policy" in html and "default-src 'none'" in html, path
        assert "<script" not in html.lower(), path
        assert not re.search(r'src="(https?:)?//', html), path
        # The only links out of the site are evidence URLs, and they send no referrer.
        for link in re.findall(r'<a href="(?:https?:)?//[^"]*"[^>]*>', html):
            assert link.endswith(' rel="noreferrer">'), link
        assert '<html lang="fr">' in html, path


def test_every_link_leads_to_a_page_of_the_site_or_a_register_file(
    example_site: dict[str, str],
) -> None:
    evidence = set()
    for path, html in example_site.items():
        folder = Path(path).parent
        for link in _links(html):
            if link.startswith(("#", "data:")):
                continue
            if link.startswith("https://"):
                evidence.add(link)
                continue
            target = os.path.normpath(Path("site") / folder / link)
            if target.startswith("site/"):
                assert target.removeprefix("site/") in example_site, f"{path}: {link}"
            else:  # evidence of an AI Act obligation, a file of the register
                assert (REPO_ROOT / target).is_file(), f"{path}: {link}"
                evidence.add(target)
    assert evidence == {
        "conformite/formation-ia-2026.md",
        "conformite/avis-cse-2026-11-19.md",
        "https://intranet.forgeval.example/rh/formation-ia-2026",
    }


def test_charts_are_inline_svg_with_the_expected_marks(example_site: dict[str, str]) -> None:
    matrix = example_site["matrix.html"]
    svg = matrix[matrix.index("<svg") : matrix.index("</svg>")]
    bubbles = re.findall(r"<path[^>]*aria-label=\"(UC-\d+)[^\"]*\"[^>]*><title>", svg)
    assert len(bubbles) == 14  # every active use case with both axes scored
    assert "plancher de faisabilité 2,50" in svg
    for name in ("Priorités", "Paris stratégiques", "Gains faciles", "En attente"):
        assert name in svg
    waves = example_site["waves.html"]
    assert waves.count("<svg") == 2 and "Vague 1 · Pilotes mesurés" in waves
    kpis = example_site["kpis.html"]
    assert "<svg" in kpis and "baseline" in kpis
    assert example_site["index.html"].count("<svg") == 1


def test_chart_text_for_screen_readers_is_in_the_report_language(
    example_site: dict[str, str],
) -> None:
    # Vega's own descriptions (axes, legends, kinds of marks) are English: none is left.
    for page in PAGES:
        html = example_site[f"{page}.html"]
        assert "aria-roledescription" not in html, page
        for label in re.findall(r'aria-label="([^"]*)"', html):
            assert not re.search(r"axis|legend|Title text|scale|group:|value:", label), label
    matrix = example_site["matrix.html"]
    assert 'aria-label="UC-' in matrix  # the described marks keep their text


def _chart_texts(html: str) -> list[str]:
    """Every text of a page's charts a reader meets: hover titles, screen-reader labels,
    drawn text."""
    from html import unescape

    texts = []
    for svg in re.findall(r"<svg.*?</svg>", html, re.DOTALL):
        texts += re.findall(r'aria-label="([^"]*)"', svg)
        texts += re.findall(r"<title>([^<]*)</title>", svg)
        texts += re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    return [unescape(t) for t in texts]


def test_chart_texts_use_french_spacing(tmp_path: Path) -> None:
    nnbsp = "\u202f"
    site = _site(REPO_ROOT)
    for page in ("index", "matrix", "waves", "kpis", "tco"):
        texts = _chart_texts(site[f"{page}.html"])
        assert texts, page
        for text in texts:
            # An ordinary or no-break space before : ; ! ? or inside « » is wrong in French;
            # so is a colon glued to the word before it (a label and its figure).
            assert not re.search(r"[ \u00a0][:;!?]|«[ \u00a0]|[ \u00a0]»", text), (page, text)
            assert not re.search(r"[^\W\d]: ", text), (page, text)
        assert any(f"{nnbsp}:" in text for text in texts), page
    tco = _chart_texts(site["tco.html"])
    assert any(f"{nnbsp}; délai de retour{nnbsp}: " in text for text in tco)
    # User text keeps its words; guillemets get their spaces.
    root = write_register(tmp_path, [usecase(title="Le « bon » tri : pourquoi ?")])
    matrix = _chart_texts(_site(root, "fr")["matrix.html"])
    assert f"UC-001 Le «{nnbsp}bon{nnbsp}» tri{nnbsp}: pourquoi{nnbsp}?{nnbsp}: valeur" in "".join(
        matrix
    )


def test_chart_texts_in_english_and_german_keep_their_spacing(tmp_path: Path) -> None:
    root = write_register(tmp_path, [usecase()])
    for lang in ("en", "de"):
        site = _site(root, lang)
        for page in ("index", "matrix", "waves", "kpis", "tco"):
            for text in _chart_texts(site[f"{page}.html"]):
                assert not re.search(r"\s[:;!?]", text), (lang, page, text)
    tco = _chart_texts(_site(root, "en")["tco.html"])
    assert any(re.search(r" — TCO: .*; payback: ", text) for text in tco)


def test_overview_says_the_priorities_balance_and_alerts(example_site: dict[str, str]) -> None:
    index = example_site["index.html"]
    assert "Les trois priorités, et pourquoi" in index
    assert index.count('class="priority"') == 3
    assert "Équilibre face à la cible" in index and "En budget" in index
    assert "Alertes" in index and "Décisions à venir" in index


def test_card_has_the_decisions_log_and_reviews(example_site: dict[str, str]) -> None:
    card = example_site["usecases/UC-007.html"]
    assert "Journal des décisions" in card and "Revue sécurité" in card
    assert 'href="../index.html"' in card


def test_english_report(tmp_path: Path) -> None:
    root = write_register(tmp_path, [usecase()])
    site = _site(root, "en")
    assert "Portfolio overview" in site["index.html"]
    assert '<html lang="en">' in site["usecases/UC-001.html"]
    assert "<h2>EU AI Act coverage</h2>" in site["index.html"]
    card = site["usecases/UC-001.html"]
    assert "<h2>EU AI Act obligations</h2>" in card
    assert "Staff AI literacy" in card and "https://intranet.example/formation-ia" in card


def test_german_report(tmp_path: Path) -> None:
    root = write_register(tmp_path, [usecase()])
    site = _site(root, "de")
    assert '<html lang="de">' in site["index.html"]
    assert "Portfolio-Überblick" in site["index.html"]
    card = site["usecases/UC-001.html"]
    # Labels keep their own capitals ("Prüfung" stays a noun).
    assert "<dt>Rechtliche Prüfung</dt>" in card
    assert "Pflichten der KI-Verordnung" in card


def test_ai_act_coverage_on_the_overview_and_obligations_on_each_card(
    example_site: dict[str, str],
) -> None:
    from aiportfolio.domain.ai_act import catalog_for, compliance_report
    from aiportfolio.report.kit.numbers import pct

    register = load_register(REPO_ROOT, None, ())
    t = Translator(register.lang)
    found = compliance_report(register.usecases, catalog_for(register.config, register.root), TODAY)
    index = example_site["index.html"]
    section = index[index.index("<h2>Couverture AI Act (UE)</h2>") : index.index("<h2>Alertes")]
    summary = t.n(
        "ai_act.report.coverage",
        found.total,
        closed=found.closed,
        total=found.total,
        coverage=pct(found.coverage, t.lang),
        overdue=found.overdue,
    )
    assert summary.replace("'", "&#39;") in section  # the figures of aip compliance
    assert "Écarts par rôle et niveau" in section
    # Next deadlines: each links to its card, soonest first.
    linked = re.findall(r'<td><a href="usecases/(UC-\d+)\.html">', section)
    assert linked == [d.usecase_id for d in found.deadlines][: len(linked)] and linked
    assert "pas un avis juridique" in section
    card = example_site["usecases/UC-010.html"]
    assert "<h2>Obligations AI Act (UE)</h2>" in card
    table = card[card.index('<table class="obligations">') :]
    table = table[: table.index("</table>")]
    row = next(u for u in found.usecases if u.usecase_id == "UC-010")
    assert table.count("<tr>") == 1 + row.total  # header + one row per obligation
    assert "Art. 26(6)" in table and "Conserver les journaux" in table
    assert (
        '<a href="../../conformite/formation-ia-2026.md">conformite/formation-ia-2026.md</a>'
        " (Direction juridique, 2026-10-30)"
    ) in table
    assert '<td class="ok">fait</td>' in table and "<td>à faire</td>" in table
    assert f"{row.closed}/{row.total} obligations" in card
    # A stopped entry tracks nothing.
    stopped = [uc.id for uc in register.usecases if not uc.active]
    for uc_id in stopped:
        assert "aucune obligation n&#39;est suivie" in example_site[f"usecases/{uc_id}.html"]


HOSTILE = [
    '<script>alert("t")</script>',
    '"><img src=x onerror=alert(1)>',
    "</svg><iframe src=//evil.example>",
    "{{ 7*7 }} & {% raw %}",
]


def test_hostile_user_text_is_escaped_everywhere(tmp_path: Path) -> None:
    entries = []
    for i, text in enumerate(HOSTILE, start=1):
        entries.append(
            usecase(
                id=f"UC-00{i}",
                title=f"Cas {text}",
                owner={"name": text, "role": text},
                next_step=text,
                problem=text,
                decisions=[{"date": "2026-10-01", "decision": "go", "by": text, "note": text}],
                ai_act={
                    "obligations": [
                        {
                            "id": "ai-literacy",
                            "status": "in_progress",
                            "owner": text,
                            "evidence": [
                                {"ref": f"https://intranet.example/{text}", "reviewed_by": text}
                            ],
                        }
                        if i % 2
                        else {"id": "ai-literacy", "status": "not_applicable", "reason": text}
                    ]
                },
                kpis=[
                    {
                        "name": f"KPI {text}",
                        "level": "impact",
                        "unit": "h",
                        "baseline": 10,
                        "target": 5,
                        "north_star": True,
                        "measurements": [
                            {"date": "2026-10-15", "value": 8},
                            {"date": "2026-11-15", "value": 7},
                        ],
                    }
                ],
            )
        )
    root = write_register(tmp_path, entries)
    site = _site(root)
    for path, html in site.items():
        lowered = html.lower()
        assert "<script" not in lowered, path
        assert "<img" not in lowered, path
        assert "<iframe" not in lowered, path
    index_of = site["usecases/UC-001.html"]
    assert "&lt;script&gt;alert(&#34;t&#34;)&lt;/script&gt;" in index_of
    matrix = site["matrix.html"]
    assert "&lt;/svg&gt;&lt;iframe" in matrix  # inside the chart's hover text too
    assert matrix.count("<svg") == matrix.count("</svg>") == 1
    assert "{{ 7*7 }} &amp; {% raw %}" in site["usecases/UC-004.html"]
    # AI Act: owner, evidence and reason on the card, owner in the overview's deadlines.
    obligations = index_of[index_of.index('<table class="obligations">') :]
    assert obligations.count("&lt;script&gt;alert(&#34;t&#34;)&lt;/script&gt;") >= 3
    deadlines = site["index.html"][site["index.html"].index("EU AI Act coverage") :]
    assert "&lt;script&gt;alert(&#34;t&#34;)&lt;/script&gt;</td></tr>" in deadlines
    reason = site["usecases/UC-002.html"]
    assert "not applicable (&#34;&gt;&lt;img src=x onerror=alert(1)&gt;)" in reason


EVIDENCE = {
    # ref: the link it gets on a card (None: shown as text)
    "https://intranet.example/dpia": "https://intranet.example/dpia",
    "http://wiki.example/a?b=1&c=2#d": "http://wiki.example/a?b=1&amp;c=2#d",
    'https://x.example/"><script>alert(1)</script>': (
        "https://x.example/&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"
    ),
    "https://x.example/' onmouseover='alert(1)": (
        "https://x.example/&#39; onmouseover=&#39;alert(1)"
    ),
    "docs/dpia 2026 #1.md": "../../docs/dpia%202026%20%231.md",
    "./docs/<b>.md": "../../docs/%3Cb%3E.md",
    "docs\\windows.md": "../../docs/windows.md",
    "javascript:alert(1)": None,
    "JavaScript:alert(document.cookie)": None,
    " javascript:alert(1)": None,
    "data:text/html,<script>alert(1)</script>": None,
    "vbscript:msgbox(1)": None,
    "file:///etc/passwd": None,
    "https:/no-host": None,
    "//evil.example/x": None,
    "/etc/passwd": None,
    "../secret.md": None,
    "docs/../../secret.md": None,
    "C:\\docs\\x.md": None,
}


def _evidence_cells(card: str) -> str:
    table = card[card.index('<table class="obligations">') :]
    return table[: table.index("</table>")]


def test_evidence_urls_and_register_paths_are_links_anything_else_text(tmp_path: Path) -> None:
    refs = list(EVIDENCE)
    obligation = {
        "id": "ai-literacy",
        "status": "done",
        "evidence": [{"ref": ref, "reviewed_by": '<i>"Légal"</i>'} for ref in refs],
    }
    root = write_register(tmp_path, [usecase(ai_act={"obligations": [obligation]})])
    cells = _evidence_cells(_site(root, "en", files="../")["usecases/UC-001.html"])
    assert "<script" not in cells.lower() and "<b>" not in cells and "<i>" not in cells
    anchors = re.findall(r'<a href="([^"]*)"( rel="noreferrer")?>([^<]*)</a>', cells)
    expected = {ref: href for ref, href in EVIDENCE.items() if href is not None}
    assert [href for href, _, _ in anchors] == list(expected.values())
    # Links out of the site send no referrer; links to the register's files are relative.
    for href, rel, _ in anchors:
        assert bool(rel) == href.startswith("http")
    for ref, href in EVIDENCE.items():
        shown = str(escape(ref.strip()))
        if href is None:  # text, escaped, never inside an anchor
            assert f">{shown}</a>" not in cells and shown in cells, ref
        else:
            assert f'<a href="{href}"' in cells and f">{shown}</a>" in cells, ref
    assert "(&lt;i&gt;&#34;Légal&#34;&lt;/i&gt;)" in cells
    assert "javascript:" not in "".join(href.lower() for href, _, _ in anchors)
    assert "data:" not in "".join(href for href, _, _ in anchors)


def test_evidence_paths_follow_the_site_or_the_files_url(tmp_path: Path) -> None:
    obligation = {"id": "ai-literacy", "status": "done", "evidence": [{"ref": "docs/d.md"}]}
    root = write_register(
        tmp_path / "reg", [usecase(ai_act={"obligations": [obligation]})], files={"docs/d.md": "x"}
    )
    # No site location: the path stays text.
    assert "<a href" not in _evidence_cells(_site(root, "en")["usecases/UC-001.html"])
    # From the folder the site is written in, to the register.
    for out, href in (
        (root / "site", "../../docs/d.md"),
        (root / "pub" / "lic site", "../../../docs/d.md"),
        (tmp_path / "elsewhere", "../../reg/docs/d.md"),
    ):
        result = run(root, "--lang", "en", "report", "--out", str(out))
        assert result.exit_code == 0, result.stderr
        card = (out / "usecases" / "UC-001.html").read_text(encoding="utf-8")
        assert f'<a href="{href}">docs/d.md</a>' in card
        assert (out / "usecases" / href).resolve() == (root / "docs" / "d.md").resolve()
    assert files_base(root / "pub" / "a b#", root) == "../../"
    assert files_base(root, root) == ""
    assert files_base(tmp_path / "x y", root) == "../reg/"
    assert files_base(root, tmp_path / "r#1") == "../r%231/"
    # Published without the register's files: under the files' URL.
    out = tmp_path / "public"
    url = "https://github.com/org/repo/blob/main"
    result = run(root, "report", "--out", str(out), "--files-url", url)
    assert result.exit_code == 0, result.stderr
    card = (out / "usecases" / "UC-001.html").read_text(encoding="utf-8")
    assert f'<a href="{url}/docs/d.md" rel="noreferrer">docs/d.md</a>' in card
    # The same register into the same folder, links changed: the site is made again.
    out = root / "site"
    for args, href in (
        (("--files-url", url), f"{url}/docs/d.md"),
        ((), "../../docs/d.md"),
    ):
        result = run(root, "report", "--out", str(out), *args)
        assert result.exit_code == 0, result.stderr
        card = (out / "usecases" / "UC-001.html").read_text(encoding="utf-8")
        assert f'<a href="{href}"' in card, args


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "data:text/html,x",
        "github.com/o/r",
        "https://",
        'https://x/"a',
        "ftp://x/",
    ],
)
def test_files_url_must_be_a_web_address(tmp_path: Path, url: str) -> None:
    root = write_register(tmp_path / "reg", [usecase()])
    result = run(root, "--lang", "en", "report", "--out", str(tmp_path / "s"), "--files-url", url)
    assert result.exit_code == 2
    assert "is not a web address" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "s").exists()


def test_hover_titles_repeat_the_escaped_label() -> None:
    svg = '<g><path d="M0,0" aria-label="a &lt;b&gt;" role="graphics-symbol"/><path d="M1"/></g>'
    assert charts.with_hover_titles(svg) == (
        '<g><path d="M0,0" aria-label="a &lt;b&gt;" role="graphics-symbol">'
        '<title>a &lt;b&gt;</title></path><path d="M1"/></g>'
    )


def test_worker_draws_the_same_svg_as_this_process() -> None:
    spec = charts.gantt_spec(
        [{"wave": "W1", "start": "2026-01-01", "end": "2026-02-01", "label": "x", "desc": "d"}],
        "2026-01-15",
        "today",
        "gantt",
    )
    worker = charts.WorkerDrawer()
    try:
        drawn = worker.draw([spec], "fr")()
    finally:
        worker.close()
    assert drawn == charts.SerialDrawer().draw([spec], "fr")()
    assert drawn[0].startswith("<svg")


def test_cli_writes_the_site_and_removes_stale_cards(tmp_path: Path) -> None:
    root = write_register(tmp_path / "reg", [usecase()])
    out = tmp_path / "site"
    (out / "usecases").mkdir(parents=True)
    (out / "usecases" / "UC-099.html").write_text("old", encoding="utf-8")
    (out / "CNAME").write_text("portfolio.example", encoding="utf-8")
    result = run(root, "report", "--out", str(out))
    assert result.exit_code == 0, result.stderr
    assert (out / "index.html").is_file() and (out / "usecases" / "UC-001.html").is_file()
    assert not (out / "usecases" / "UC-099.html").exists()
    assert (out / "CNAME").read_text(encoding="utf-8") == "portfolio.example"
    assert "7 pages" in result.stderr  # six portfolio pages and one card


def test_cli_refuses_a_file_as_output_folder(tmp_path: Path) -> None:
    root = write_register(tmp_path / "reg", [usecase()])
    target = tmp_path / "site"
    target.write_text("", encoding="utf-8")
    result = run(root, "report", "--out", str(target))
    assert result.exit_code == 2
    assert "not a folder" in result.stderr


def test_entries_failing_the_gate_are_marked_and_never_priorities(tmp_path: Path) -> None:
    strong = {c: 5 for c in VALID_SCORES}
    entries = [
        usecase(id="UC-001", title="Sans owner", owner=None, scores=strong),
        usecase(id="UC-002", title="Correct"),
    ]
    site = _site(write_register(tmp_path, entries), "en")
    assert "fails the gate: owner-required" in site["usecases/UC-001.html"]
    assert "fails the gate" not in site["usecases/UC-002.html"]
    listing = site["usecases.html"]
    row = listing[
        listing.index("UC-001 Sans owner") : listing.index("</tr>", listing.index("UC-001"))
    ]
    assert "⛔" in row
    index = site["index.html"]
    start = index.index("The three priorities")
    priorities = index[start : index.index("⛔", start)]
    assert "UC-002" in priorities and "UC-001" not in priorities
    assert "1 entry fails the gate and is left out of the priorities: UC-001" in index


def test_a_register_overrides_report_templates_in_the_sandbox(tmp_path: Path) -> None:
    css = "body { color: #123456; }\n"
    root = write_register(tmp_path / "reg", [usecase()], files={"templates/report/report.css": css})
    site = _site(root)
    assert "#123456" in site["index.html"] and "#123456" in site["usecases/UC-001.html"]

    hostile = "{{ ''.__class__.__mro__[1].__subclasses__() }}"
    root = write_register(
        tmp_path / "bad", [usecase()], files={"templates/report/usecases.html.j2": hostile}
    )
    result = run(root, "report", "--out", str(tmp_path / "site"))
    assert result.exit_code == 2
    assert "templates/report/usecases.html.j2" in result.stderr
