"""``aip report``: the portfolio as a static HTML site a sponsor opens in a browser."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from aiportfolio import exitcodes
from aiportfolio.cli.common import err, exit_with, handle_errors, open_register, parse_date


def write_site(files: dict[str, str], out: Path) -> None:
    """Write the report's files under ``out`` (created if needed). Cards of entries that
    are no longer in the register are removed, so no page outlives its use case; any
    other file in ``out`` (a CNAME, a README) is left alone."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "usecases").mkdir(exist_ok=True)
    for stale in (out / "usecases").glob("UC-*.html"):
        if f"usecases/{stale.name}" not in files:
            stale.unlink()
    for rel, text in files.items():
        # A derived file, written in one go: a broken run is fixed by running it again.
        (out / rel).write_text(text, encoding="utf-8")


@handle_errors
def report(
    ctx: typer.Context,
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Folder to write the site into (created).")
    ] = Path("site"),
    date: Annotated[
        str | None,
        typer.Option(help="Date of the report, YYYY-MM-DD (default: $AIP_TODAY, else today)."),
    ] = None,
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

      aip report

      aip report --out public --date 2026-12-01

      aip --lang en report -o /tmp/portfolio && xdg-open /tmp/portfolio/index.html
    """
    from aiportfolio.analysis.report import build_report
    from aiportfolio.cli.common import require_valid, translator
    from aiportfolio.errors import UsageError
    from aiportfolio.report.site.charts import WorkerDrawer
    from aiportfolio.report.site.pages import render_site

    drawer = WorkerDrawer()  # starts drawing tools now, while the register loads
    try:
        register = open_register(ctx)
        t = translator(ctx, register)
        require_valid(register, t)
        today = parse_date(date, t)
        if out.exists() and not out.is_dir():
            raise UsageError(t("report.out_is_file", path=out))
        files = render_site(build_report(register, t, today), t, register.root, drawer)
    finally:
        drawer.close()
    write_site(files, out)
    err(t("report.written", count=len(files), path=out, index=out / "index.html"))
    exit_with(exitcodes.OK)


def register(app: typer.Typer) -> None:
    """Add this group's commands to ``app``."""
    app.command("report")(report)
