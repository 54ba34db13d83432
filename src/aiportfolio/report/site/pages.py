"""The HTML reporter of ``aip report``: a pure function from the report data to the files
of a static site (relative path -> HTML text).

Each page has its builder (``overview``, ``matrix``, ``waves``, ``kpis``, ``tco``,
``cards``): a pure function from the report data to the strings the page shows, every
figure formatted in the report's language with the helpers the other reporters use. This
module renders those contexts with the templates (``templates/report/*.html.j2``,
autoescaped, StrictUndefined), which only lay the strings out, so every user text reaches
the page escaped. Charts are SVG, inlined; the pages carry a Content-Security-Policy that
forbids every request, and need no script to be read. Writing the files is the CLI's job.
"""

from __future__ import annotations

import hashlib
import json
import pickle
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markupsafe import Markup

from aiportfolio import __version__
from aiportfolio.analysis.report import ReportData
from aiportfolio.i18n import Translator
from aiportfolio.report.site import charts
from aiportfolio.report.site.cards import Lookups, card_context, usecases_context
from aiportfolio.report.site.common import (
    PAGES,
    Chart,
    MemoTranslator,
    card_path,
    own_templates,
)
from aiportfolio.report.site.kpis import kpis_context
from aiportfolio.report.site.matrix import matrix_context
from aiportfolio.report.site.overview import overview_context
from aiportfolio.report.site.tco import tco_context
from aiportfolio.report.site.waves import waves_context

__all__ = ["PAGES", "charts", "render_site"]


Renderer = Callable[..., str]


@dataclass
class SiteCache:
    """What earlier runs drew and rendered, reused when what it shows is unchanged: each
    chart's SVG by the digest of its specification and language, Vega's drawing of it by
    the digest of what is drawn (the specification without its hover texts, see
    ``charts.prepare``), the HTML of each page by the digest of everything it shows (its
    context, charts by their specification, the site's title, date, footer, navigation,
    stylesheet and gate marks). ``render_site`` reads ``known`` and fills ``used`` with
    this run's, which the caller keeps for the next run (under a digest of aip's code and
    templates: see ``cli/report.py``).

    Cards are not kept there (a thousand of them weigh ten times the pages): a card is
    named by the digest of what it shows (``placed``), and ``kept`` lists the cards whose
    file the caller found as the last run wrote it, by that digest: a card whose digest
    is unchanged is neither rendered nor returned again."""

    known: dict[bytes, str] = field(default_factory=dict)
    used: dict[bytes, str] = field(default_factory=dict)
    placed: dict[str, bytes] = field(default_factory=dict)
    """Each file of this run (relative path) by the digest of what it shows (for a page,
    the key of its text in ``used``)."""
    kept: dict[str, bytes] = field(default_factory=dict)
    """Cards (relative path) already written by an earlier run, by its digest of them."""

    def get(self, key: bytes) -> str | None:
        found = self.known.get(key)
        if found is not None:
            self.used[key] = found
        return found

    def put(self, key: bytes, text: str) -> str:
        self.used[key] = text
        return text


def _digest(*parts: bytes) -> bytes:
    digest = hashlib.blake2b(digest_size=20)
    for part in parts:
        digest.update(len(part).to_bytes(8, "little") + part)
    return digest.digest()


def _nav(t: Translator, current: str) -> list[dict[str, Any]]:
    return [
        {"href": f"{page}.html", "label": t(f"report.nav.{page}"), "current": page == current}
        for page in PAGES
    ]


def _charts_in(value: Any) -> list[Chart]:
    """The charts of a page context (in it or in its dicts; see ``Chart``)."""
    if isinstance(value, Chart):
        return [value]
    if isinstance(value, dict):
        return [c for v in value.values() for c in _charts_in(v)]
    return []


def _page_renderer(register_root: Path | None, t: Translator) -> Callable[..., str]:
    """How the pages are rendered. A register's own ``templates/report/`` is untrusted: its
    templates run in the capped sandbox of ``templating``. aip's built-in templates are
    aip's code: they render in an environment of their own (``builtin``: same autoescaping
    and undefined checks, the messages without parameters translated when compiled),
    which makes a report of a thousand cards several times as fast."""
    from aiportfolio.report.kit.templating import renderer, template_translator

    if register_root is not None and own_templates(register_root):
        return renderer(register_root, t.lang)
    from aiportfolio.report.site.builtin import environment

    # As in the sandbox: a plural message reads its number from its parameters, or tn().
    env = environment({"t": template_translator(t), "tn": t.n, "lang": t.lang}, t.lang)

    def render(template: str, **context: Any) -> str:
        return env.get_template(template).render(**context)

    return render


def _draw(
    pending: list[Chart],
    lang: str,
    drawer: charts.SerialDrawer | charts.WorkerDrawer,
    cache: SiteCache | None,
) -> Callable[[], None]:
    """Hand the charts whose drawing is not in ``cache`` to ``drawer``; returns how to wait
    until each chart has its SVG. A chart is kept by its specification, and Vega's drawing
    by what is drawn (``charts.prepare``): a chart whose hover texts alone changed is not
    drawn again, only its texts written into the drawing kept."""
    svgs: dict[int, str] = {}
    keys: dict[int, bytes] = {}
    for i, chart in enumerate(pending):
        if cache is None:
            break
        keys[i] = _digest(b"chart", lang.encode(), json.dumps(chart.spec, sort_keys=True).encode())
        svg = cache.get(keys[i])
        if svg is not None:
            svgs[i] = svg
            drawing = cache.get(_digest(b"drawn as", keys[i]))
            if drawing is not None:
                cache.get(bytes.fromhex(drawing))  # kept for the next run
    prepared = {i: charts.prepare(c.spec, lang) for i, c in enumerate(pending) if i not in svgs}
    drawing_keys = {
        i: _digest(b"drawing", lang.encode(), json.dumps(shape, sort_keys=True).encode())
        for i, (shape, _) in (prepared.items() if cache is not None else ())
    }
    known = {i: cache.get(k) for i, k in drawing_keys.items()} if cache is not None else {}
    missing = [i for i in prepared if known.get(i) is None]
    wait = drawer.draw([prepared[i][0] for i in missing], lang)

    def finish() -> None:
        drawn = dict(zip(missing, wait(), strict=True))
        for i, chart in enumerate(pending):
            svg = svgs.get(i)
            if svg is None:
                drawing = known.get(i) or drawn[i]
                svg = charts.reveal(drawing, prepared[i][1])
                if cache is not None:
                    cache.put(drawing_keys[i], drawing)
                    cache.put(keys[i], svg)
                    cache.put(_digest(b"drawn as", keys[i]), drawing_keys[i].hex())
            chart.svg = svg

    return finish


def render_site(
    data: ReportData,
    t: Translator,
    register_root: Path | None,
    drawer: charts.SerialDrawer | charts.WorkerDrawer | None = None,
    cache: SiteCache | None = None,
    register_files: str | None = None,
    cards_done: Callable[[dict[str, str]], None] | None = None,
) -> dict[str, str]:
    """Every file of the report: relative path (``/`` separated) -> HTML text, but the
    cards of ``cache.kept`` whose content is unchanged (see ``SiteCache``).

    ``register_files`` is how the pages reach the register's files, for the evidence links of the
    cards: the relative path from the site's folder to the register (``common.files_base``)
    or the URL of the register's files; ``None``: evidence paths are shown as text.

    The charts of every page are handed to ``drawer`` at once (default: drawn in this
    process) and the use-case cards are rendered while they are drawn; ``cards_done``,
    if given, receives the cards then, while the charts may still be drawn (the CLI
    writes them meanwhile), and they are not returned. ``cache`` spares
    drawing the charts and rendering the pages and cards an earlier run made from the
    same data; the files are the same with or without it."""
    t = MemoTranslator(t)
    render = _page_renderer(register_root, t)
    if own_templates(register_root):
        cache = None  # the register's own templates are not part of the cache's key
    title = data.organisation or t("report.default_title")
    common: dict[str, Any] = {
        "site_title": title,
        "date": data.today.isoformat(),
        "footer": t("report.footer", date=data.today.isoformat(), version=__version__),
    }
    builders: dict[str, Callable[[ReportData, Translator], dict[str, Any]]] = {
        "index": overview_context,
        "matrix": matrix_context,
        "waves": waves_context,
        "kpis": kpis_context,
        "tco": tco_context,
        "usecases": usecases_context,
    }
    contexts = {page: build(data, t) for page, build in builders.items()}
    pending = _charts_in(contexts)
    finish = _draw(pending, t.lang, drawer or charts.SerialDrawer(), cache)
    common["failing"] = {v.usecase_id: ", ".join(v.rules) for v in data.gate.failing}
    # The stylesheet (a template too, so a register may override it) is read once and
    # inlined in every page.
    common["css"] = Markup(render("report/report.css"))
    files: dict[str, str] = {}
    card_nav = _nav(t, "")
    site_key = pickle.dumps((t.lang, common, card_nav), protocol=pickle.HIGHEST_PROTOCOL)
    lookups = Lookups(data, register_files)
    for uc in data.usecases:
        path = card_path(uc.id)
        context = {
            "nav": card_nav,
            "prefix": "../",
            "page_title": f"{uc.id} {uc.title}",
            **card_context(uc, data, t, lookups),
        }
        if cache is not None:
            shown = pickle.dumps(context, protocol=pickle.HIGHEST_PROTOCOL)
            key = cache.placed[path] = _digest(b"card", site_key, shown)
            if cache.kept.get(path) == key:
                # Already written from the same context (and an earlier entry of the same
                # id, a duplicate, does not replace it: the last one's card is the page).
                files.pop(path, None)
                continue
        files[path] = render("report/card.html.j2", **common, **context)
    if cards_done is not None:
        cards_done(files)
        files = {}
    page_keys = {}
    if cache is not None:
        for page, context in contexts.items():
            # Before drawing: a chart enters the key by its specification.
            shown = pickle.dumps(context, protocol=pickle.HIGHEST_PROTOCOL)
            page_keys[page] = _digest(b"page", page.encode(), site_key, shown)
            cache.placed[f"{page}.html"] = page_keys[page]
    finish()
    pages = {}
    for page, context in contexts.items():
        html = cache.get(page_keys[page]) if cache is not None else None
        if html is None:
            html = render(
                f"report/{page}.html.j2",
                **common,
                nav=_nav(t, page),
                prefix="",
                page_title=t(f"report.title.{page}"),
                **context,
            )
            if cache is not None:
                cache.put(page_keys[page], html)
        pages[f"{page}.html"] = html
    return {**pages, **files}
