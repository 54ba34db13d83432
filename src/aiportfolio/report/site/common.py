"""What every page builder of ``aip report`` shares: the page list and list limits, the
chart placeholder, number formatting in the report's language and links to the cards."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aiportfolio.i18n import Translator
from aiportfolio.report.kit import numbers

if TYPE_CHECKING:  # imported by aip report on an unchanged register (files_base): no model
    from aiportfolio.model.usecase import UseCase
    from aiportfolio.report.site import charts

PAGES = ("index", "matrix", "waves", "kpis", "tco", "usecases")
"""The portfolio pages, in navigation order; each use case also gets ``usecases/<id>.html``."""

LIST_LIMIT = 25
"""Longest list of entries on the overview (decisions, evidence of a signal); the rest is
counted, so the overview stays light on a register of thousands."""

KPI_CHARTS = 12
"""Most KPI trend charts drawn on the KPI page (North Stars first, best ranked first); every
KPI stays in the table below them."""

LABELLED_POINTS = 40
"""Up to this many bubbles, the matrix writes each entry's id next to it."""

TOP_TCO = 15
"""Entries shown in the TCO chart (largest TCO first); every entry is in the table."""


@dataclass(eq=False)
class Chart:
    """A chart of a page, drawn later (all charts at once, see ``render_site``), then shown
    as its SVG. Charts sit in a page's context or in a dict of it, never in a list (the
    rows of a table), so finding them does not walk a thousand rows."""

    spec: charts.Spec
    svg: str = ""

    def __html__(self) -> str:
        return self.svg  # SVG from Vega: user text inside it is escaped


class MemoTranslator(Translator):
    """``t`` remembering its messages without parameters: a card asks for ninety, the
    same for each of a thousand cards."""

    def __init__(self, t: Translator) -> None:
        super().__init__(t.lang)
        self._plain: dict[str, str] = {}

    def __call__(self, key: str, /, **params: object) -> str:
        if params:
            return super().__call__(key, **params)
        text = self._plain.get(key)
        if text is None:
            text = self._plain[key] = super().__call__(key)
        return text


def own_templates(register_root: Path | None) -> bool:
    """Whether the register has its own ``templates/report/``: its pages then render in
    the sandbox, and are never cached (its templates are not part of any cache key)."""
    return register_root is not None and os.path.lexists(register_root / "templates" / "report")


@dataclass(frozen=True)
class Link:
    """A text from the register shown as a link when it has an address: ``{{ link }}`` in a
    template writes ``<a href="…">text</a>`` then ``note``, each escaped (so a template
    that joins a list of them, ``|join("; ")``, keeps working); ``str()`` is the plain
    text. An address outside the site (``http``/``https``) gets ``rel="noreferrer"``: the
    page's own address is not sent along."""

    text: str
    href: str | None = None
    note: str = ""

    def __str__(self) -> str:
        return self.text + self.note

    def __html__(self) -> str:
        from markupsafe import escape

        text, note = escape(self.text), escape(self.note)
        if self.href is None:
            return f"{text}{note}"
        rel = ' rel="noreferrer"' if self.href.startswith(("http://", "https://")) else ""
        return f'<a href="{escape(self.href)}"{rel}>{text}</a>{note}'


def files_base(site: Path, register_root: Path) -> str | None:
    """How the pages of a site written in ``site`` reach the register's files: the
    relative path from the site's folder to the register's root, ``/`` separated and
    ending with ``/`` (``"../"`` for the default ``site/``), ``""`` when they are one
    folder; ``None`` when there is no relative path (another drive)."""
    import os
    from urllib.parse import quote

    try:
        rel = os.path.relpath(register_root.resolve(), site.resolve())
    except ValueError:
        return None
    rel = Path(rel).as_posix()
    return "" if rel == "." else quote(rel, safe="/") + "/"


def evidence_href(ref: str, files: str | None, prefix: str) -> str | None:
    """Where an evidence link of a page leads, or ``None`` when it stays text: an
    ``http``/``https`` URL as written; a path inside the register (see
    ``evidence_path_parts``) under ``files`` (``files_base``, or the URL of the register's
    files, then ``prefix`` is not added), ``prefix`` leading from the page to the site's
    root. Anything else (``javascript:``, ``data:``, ``..``, an absolute path) stays text."""
    from urllib.parse import quote, urlsplit

    from aiportfolio.domain.evidence import evidence_path_parts

    if ref.startswith(("https://", "http://")):
        try:
            return ref if urlsplit(ref).netloc else None
        except ValueError:  # "http://[" and the like
            return None
    parts = evidence_path_parts(ref)
    if files is None or not parts:
        return None
    path = quote("/".join(parts), safe="/")
    if files.startswith(("https://", "http://")):
        return files + path
    return prefix + files + path


def card_path(usecase_id: str) -> str:
    return f"usecases/{usecase_id}.html"


class Formats:
    """Number formatting in the report's language."""

    def __init__(self, t: Translator) -> None:
        self.t = t
        self.lang = t.lang

    def eur(self, v: float | None) -> str:
        return numbers.eur(v, self.lang)

    def pct(self, ratio: float | None) -> str:
        return numbers.pct(ratio, self.lang)

    def points(self, share: float) -> str:
        return numbers.points(share, self.lang)

    def score(self, v: float | None) -> str:
        return numbers.score(v, self.lang)

    def value(self, v: float | None) -> str:
        return numbers.value(v, self.lang)

    def status(self, s: str) -> str:
        return self.t(f"label.status.{s}")

    def category(self, c: str) -> str:
        return self.t(f"label.category.{c}")

    def date(self, d: Any) -> str:
        return "—" if d is None else str(d.isoformat())


def entry_link(uc: UseCase, prefix: str = "") -> dict[str, str]:
    return {"id": uc.id, "title": uc.title, "href": prefix + card_path(uc.id)}


def more(total: int, shown: int, t: Translator) -> str | None:
    return t("report.more", count=total - shown) if total > shown else None
