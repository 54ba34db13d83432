"""``aip report``: the portfolio as a static HTML site a sponsor opens in a browser."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from aiportfolio import exitcodes
from aiportfolio.cli.common import err, exit_with, handle_errors, open_register, parse_date
from aiportfolio.cli.options import ReportDateOption

if TYPE_CHECKING:
    from aiportfolio.register.loader import Register

Written = dict[str, tuple[bytes, int, int]]
"""What ``write_site`` wrote: relative path -> (digest of the text, size, mtime in ns)."""


def write_site(files: dict[str, str], out: Path, written: Written | None = None) -> Written:
    """Write the report's files under ``out`` (created if needed). Cards of entries that
    are no longer in the register are removed, so no page outlives its use case; any
    other file in ``out`` (a CNAME, a README) is left alone. A file that ``written`` (the
    record of an earlier run) shows unchanged since, with the same text, is not written
    again. Returns the record of this run."""
    import hashlib
    import os

    out.mkdir(parents=True, exist_ok=True)
    (out / "usecases").mkdir(exist_ok=True)
    for stale in (out / "usecases").glob("UC-*.html"):
        if f"usecases/{stale.name}" not in files:
            stale.unlink()
    before = written or {}
    record: Written = {}
    for rel, text in files.items():
        path = out / rel
        data = text.encode("utf-8")
        digest = hashlib.blake2b(data, digest_size=16).digest()
        previous = before.get(rel)
        if previous is not None and previous[0] == digest:
            try:
                info = os.stat(path)
            except OSError:
                info = None
            if info is not None and (info.st_size, info.st_mtime_ns) == previous[1:]:
                record[rel] = previous
                continue
        # A derived file, written in one go: a broken run is fixed by running it again.
        path.write_bytes(data)
        info = os.stat(path)
        record[rel] = (digest, info.st_size, info.st_mtime_ns)
    return record


CACHE_FILE = "report.pickle"
"""The charts and pages of the last run, and the files it wrote (``.aip-cache/``)."""


def _fingerprint() -> bytes:
    """What the cached charts and pages depend on besides their data: aip's code, message
    catalogs and templates, Jinja and vl-convert."""
    from importlib.metadata import version

    import jinja2

    from aiportfolio import resources
    from aiportfolio.register import disk_cache

    code = disk_cache.code_fingerprint(resources.builtin_templates())
    return code + f"\0{jinja2.__version__}\0{version('vl-convert-python')}".encode()


def _inputs(register: Register, lang: str, today: dt.date) -> bytes:
    """A digest of what the report is computed from: the use-case files, the configuration,
    the language and the date."""
    import hashlib

    digest = hashlib.blake2b(f"{lang}\0{today.isoformat()}".encode(), digest_size=20)
    digest.update(register.config.model_dump_json().encode())
    digest.update(register.grid.model_dump_json().encode())
    for rel, text in sorted(register.texts.items()):
        digest.update(f"\0{rel}\0{len(text)}\0".encode() + text.encode())
    return digest.digest()


@handle_errors
def report(
    ctx: typer.Context,
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Folder to write the site into (created).")
    ] = Path("site"),
    date: ReportDateOption = None,
) -> None:
    """Write the portfolio report: a static HTML site for sponsors and the committee.

    Pages: overview (the three priorities and why, counts by status and category, balance
    against target by count and by budget, upcoming decisions, doctor's alerts), the value
    x feasibility matrix, the waves as a Gantt chart with capacity used, KPIs against
    baseline and target, TCO and payback, every use case and one card per use case. The
    pages need no script and make no network request: open index.html from the folder, or
    publish it (GitHub/GitLab Pages). In the register's language, or --lang.

    Exit 0, or 2 on a usage or configuration error.

    Examples:

    \b
      aip report
      aip report --out public --date 2026-12-01
      aip report -o /tmp/site && xdg-open /tmp/site/index.html
    """
    from aiportfolio.analysis.report import build_report
    from aiportfolio.cli.common import require_valid, translator
    from aiportfolio.errors import UsageError
    from aiportfolio.register import disk_cache
    from aiportfolio.report.site.charts import SerialDrawer, WorkerDrawer
    from aiportfolio.report.site.pages import SiteCache, render_site

    register = open_register(ctx, cached=True)
    t = translator(ctx, register)
    require_valid(register, t)
    today = parse_date(date, t)
    if out.exists() and not out.is_dir():
        raise UsageError(t("report.out_is_file", path=out))
    context = _fingerprint()
    kept = disk_cache.load(register.root, CACHE_FILE, context)
    kept = kept if isinstance(kept, dict) else {}
    inputs = _inputs(register, t.lang, today)
    # Unchanged inputs: the charts are in the cache (any missing one is drawn here). Else
    # the drawing tools start now, in a worker, while the pages are computed.
    drawer = SerialDrawer() if kept.get("inputs") == inputs else WorkerDrawer()
    try:
        cache = SiteCache(known=kept.get("rendered", {}))
        data = build_report(register, today)
        files = render_site(data, t, register.root, drawer, cache)
    finally:
        drawer.close()
    target = str(out.resolve())
    written = write_site(files, out, kept.get("written", {}).get(target))
    if cache.used != cache.known or written != kept.get("written", {}).get(target):
        keep = {"inputs": inputs, "rendered": cache.used, "written": {target: written}}
        disk_cache.save(register.root, CACHE_FILE, context, keep)
    err(t("report.written", count=len(files), path=out, index=out / "index.html"))
    exit_with(exitcodes.OK)


def register(app: typer.Typer) -> None:
    """Add this group's commands to ``app``."""
    app.command("report")(report)
