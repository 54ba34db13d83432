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

from collections.abc import Callable
from pathlib import Path
from typing import Any

from markupsafe import Markup

from aiportfolio import __version__
from aiportfolio.analysis.report import ReportData
from aiportfolio.i18n import Translator
from aiportfolio.report.site import charts
from aiportfolio.report.site.cards import Lookups, card_context, usecases_context
from aiportfolio.report.site.common import PAGES, Chart, card_path
from aiportfolio.report.site.kpis import kpis_context
from aiportfolio.report.site.matrix import matrix_context
from aiportfolio.report.site.overview import overview_context
from aiportfolio.report.site.tco import tco_context
from aiportfolio.report.site.waves import waves_context

__all__ = ["PAGES", "charts", "render_site"]


Renderer = Callable[..., str]


def _nav(t: Translator, current: str) -> list[dict[str, Any]]:
    return [
        {"href": f"{page}.html", "label": t(f"report.nav.{page}"), "current": page == current}
        for page in PAGES
    ]


def _charts_in(value: Any) -> list[Chart]:
    if isinstance(value, Chart):
        return [value]
    if isinstance(value, dict):
        return [c for v in value.values() for c in _charts_in(v)]
    if isinstance(value, list | tuple):
        return [c for v in value for c in _charts_in(v)]
    return []


def _drawn(value: Any, svgs: dict[int, str]) -> Any:
    """``value`` with each ``Chart`` replaced by its SVG markup."""
    if isinstance(value, Chart):
        return Markup(svgs[id(value)])  # SVG from Vega: user text inside it is escaped
    if isinstance(value, dict):
        return {k: _drawn(v, svgs) for k, v in value.items()}
    if isinstance(value, list):
        return [_drawn(v, svgs) for v in value]
    return value


def _page_renderer(register_root: Path | None, t: Translator) -> Callable[..., str]:
    """How the pages are rendered. A register's own ``templates/report/`` is untrusted: its
    templates run in the capped sandbox of ``templating``. aip's built-in templates are
    aip's code: they render in a plain environment (same autoescaping and undefined
    checks), which makes a report of a thousand cards twice as fast."""
    import os

    from aiportfolio.report.kit.templating import renderer

    if register_root is not None and os.path.lexists(register_root / "templates" / "report"):
        return renderer(register_root, t.lang)
    import jinja2

    from aiportfolio import resources

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(resources.builtin_templates())),
        autoescape=jinja2.select_autoescape(["html.j2"]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals.update(t=t, lang=t.lang)

    def render(template: str, **context: Any) -> str:
        return env.get_template(template).render(**context)

    return render


def render_site(
    data: ReportData,
    t: Translator,
    register_root: Path | None,
    drawer: charts.SerialDrawer | charts.WorkerDrawer | None = None,
) -> dict[str, str]:
    """Every file of the report: relative path (``/`` separated) -> HTML text.

    The charts of every page are handed to ``drawer`` at once (default: drawn in this
    process) and the use-case cards are rendered while they are drawn."""
    render = _page_renderer(register_root, t)
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
    pending = _charts_in(list(contexts.values()))
    wait = (drawer or charts.SerialDrawer()).draw([c.spec for c in pending], t.lang)
    common["failing"] = {v.usecase_id: ", ".join(v.rules) for v in data.gate.failing}
    # The stylesheet (a template too, so a register may override it) is read once and
    # inlined in every page.
    common["css"] = Markup(render("report/report.css"))
    files = {}
    card_nav = _nav(t, "")
    lookups = Lookups(data)
    for uc in data.usecases:
        files[card_path(uc.id)] = render(
            "report/card.html.j2",
            **common,
            nav=card_nav,
            prefix="../",
            page_title=f"{uc.id} {uc.title}",
            **card_context(uc, data, t, lookups),
        )
    svgs = {id(chart): svg for chart, svg in zip(pending, wait(), strict=True)}
    pages = {}
    for page, context in contexts.items():
        pages[f"{page}.html"] = render(
            f"report/{page}.html.j2",
            **common,
            nav=_nav(t, page),
            prefix="",
            page_title=t(f"report.title.{page}"),
            **_drawn(context, svgs),
        )
    return {**pages, **files}
