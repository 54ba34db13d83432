"""``aip report``: the portfolio as a static HTML site a sponsor opens in a browser."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, cast

import typer

from aiportfolio import exitcodes
from aiportfolio.cli.common import err, exit_with, handle_errors, open_register, parse_date
from aiportfolio.cli.options import ReportDateOption

if TYPE_CHECKING:
    from collections.abc import Callable, Collection

    from aiportfolio.i18n import Translator
    from aiportfolio.register.loader import Register

Written = dict[str, tuple[bytes, int, int]]
"""What ``write_site`` wrote: relative path -> (digest of the text, size, mtime in ns)."""


def write_site(
    files: dict[str, str],
    out: Path,
    written: Written | None = None,
    kept: Collection[str] = (),
    *,
    prune: bool = True,
) -> Written:
    """Write the report's files under ``out`` (created if needed). Cards of entries that
    are no longer in the register are removed, so no page outlives its use case; any
    other file in ``out`` (a CNAME, a README) is left alone. A file that ``written`` (the
    record of an earlier run) shows unchanged since, with the same text, is not written
    again; the cards of ``kept`` (relative paths) are not in ``files``: ``written`` shows
    them as they should be, and they stay. ``prune=False``: ``files`` is a part of the
    site (the cards, written while the charts are drawn), no card is removed. Returns the
    record of the files written or left as they are."""
    import hashlib
    import os

    out.mkdir(parents=True, exist_ok=True)
    (out / "usecases").mkdir(exist_ok=True)
    before = written or {}
    record: Written = {rel: before[rel] for rel in kept}
    for stale in (out / "usecases").glob("UC-*.html") if prune else ():
        if f"usecases/{stale.name}" not in files and f"usecases/{stale.name}" not in record:
            stale.unlink()
    base = os.fspath(out)
    # A derived file, written in one go (no temporary file: a broken run is fixed by
    # running it again), through the os module: a thousand cards, each opened, written
    # and closed by the fewest calls.
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
    for rel, text in files.items():
        path = os.path.join(base, rel)
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
        handle = os.open(path, flags, 0o666)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(handle, view) :]
        finally:
            os.close(handle)
        info = os.stat(path)
        record[rel] = (digest, info.st_size, info.st_mtime_ns)
    return record


def intact_cards(out: Path, state: dict[str, Any]) -> dict[str, bytes]:
    """The cards the last run (``state``) wrote in ``out`` that are still as it left them
    (same size and time), by the digest of what they show (see ``pages.SiteCache``)."""
    import os

    written: Written = state.get("written", {})
    found = {}
    for rel, key in state.get("placed", {}).items():
        record = written.get(rel)
        if record is None or not rel.startswith("usecases/"):
            continue
        try:
            info = os.stat(out / rel)
        except OSError:
            continue
        if (info.st_size, info.st_mtime_ns) == record[1:]:
            found[rel] = key
    return found


def unchanged(out: Path, written: Written) -> bool:
    """Whether every file ``written`` records is still in ``out`` as it was written (same
    size and time), and no other card is there: writing the same files again would change
    nothing."""
    import os

    try:
        with os.scandir(out / "usecases") as entries:
            cards = {f"usecases/{e.name}" for e in entries}
        for rel, (_, size, mtime) in written.items():
            info = os.stat(out / rel)
            if (info.st_size, info.st_mtime_ns) != (size, mtime):
                return False
    except OSError:
        return False
    return all(rel in written for rel in cards if rel.startswith("usecases/UC-"))


CACHE_FILE = "report.pickle"
"""The charts and pages of the last run (``.aip-cache/``), by content digest (not the
cards: each is written from its context when that changes, see ``pages.SiteCache``)."""
STATE_FILE = "report-state.pickle"
"""What the last run was made from and which files it wrote (``.aip-cache/``): small, so
that a run on an unchanged register reads only this."""


def _fingerprint() -> bytes:
    """What the cached charts and pages depend on besides their data: aip's code, message
    catalogs and templates, Jinja and vl-convert."""
    from importlib.metadata import version

    from aiportfolio import resources
    from aiportfolio.register import disk_cache

    code = disk_cache.code_fingerprint(resources.builtin_templates())
    return code + f"\0{version('jinja2')}\0{version('vl-convert-python')}".encode()


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


Read = list[tuple[Path, str | None]]
"""Each use-case file of the register, in the loader's order, with its text (``None``: not
readable as text)."""


class Sources:
    """What a report is made from, read without parsing a single use case: the
    configuration, the language, the date and the text of every use-case file. Its
    ``key`` names the site they make (under the same aip, see ``_fingerprint``), or is
    ``None`` when it cannot be told cheaply (a linked file, the register's own
    templates)."""

    def __init__(self, root: Path, lang: str | None) -> None:
        from aiportfolio.register.loader import load_config, reader_language

        self.root = root
        # Configuration errors raise ConfigError (exit 2) as when loading the register.
        self.grid, self.config = load_config(root)
        self.lang = reader_language(lang, self.config)
        self.files = self._read()

    def _read(self) -> Read | None:
        from aiportfolio.register.loader import USECASES_DIR, usecase_files
        from aiportfolio.register.yamlio import read_text
        from aiportfolio.report.site.common import own_templates

        if own_templates(self.root):
            return None
        found: Read = []
        try:
            if not (self.root / USECASES_DIR).resolve().is_relative_to(self.root.resolve()):
                return None
            for path in usecase_files(self.root):
                if path.is_symlink():
                    return None  # read (or refused) by the loader: no shortcut
                found.append((path, read_text(path)[0]))
        except OSError:
            return None
        return found

    def key(self, today: dt.date) -> bytes | None:
        import hashlib

        if self.files is None:
            return None
        digest = hashlib.blake2b(f"{self.lang}\0{today.isoformat()}".encode(), digest_size=20)
        digest.update(self.config.model_dump_json().encode())
        digest.update(self.grid.model_dump_json().encode())
        for path, text in self.files:
            body = b"-" if text is None else f"+{len(text)}\0{text}".encode()
            digest.update(f"\0{path}\0".encode() + body)
        return digest.digest()

    def loaded(self, register: Register) -> bool:
        """Whether ``register`` was loaded from these very texts (no file changed since
        they were read)."""
        if self.files is None or register.files != [path for path, _ in self.files]:
            return False
        return list(register.texts.values()) == [t for _, t in self.files if t is not None]


Evidence = tuple[tuple[str, str | None], ...]
"""Each evidence path the entries cite, with why it is not acceptable (``None``: fine)."""


def _evidence(register: Register) -> Evidence:
    from aiportfolio.domain.ai_act import evidence_path_problem

    return tuple(
        (item.ref, evidence_path_problem(item.ref, register.root))
        for uc in register.usecases
        for obligation in uc.ai_act.obligations
        for item in obligation.evidence
        if not item.is_url
    )


def _evidence_unchanged(evidence: Evidence, root: Path) -> bool:
    from aiportfolio.domain.ai_act import evidence_path_problem

    return all(evidence_path_problem(ref, root) == why for ref, why in evidence)


def _files_url(url: str, t: Translator) -> str:
    """``--files-url``: an http(s) URL with a host and no space, quote or angle bracket,
    ending with ``/``."""
    from urllib.parse import urlsplit

    from aiportfolio.errors import UsageError

    try:
        host = urlsplit(url).netloc
    except ValueError:
        host = ""
    plain = not any(c.isspace() or c in '"<>' for c in url)
    if not (url.startswith(("https://", "http://")) and host and plain):
        raise UsageError(t("report.files_url_invalid", url=url))
    return url if url.endswith("/") else url + "/"


@handle_errors
def report(
    ctx: typer.Context,
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Folder to write the site into (created).")
    ] = Path("site"),
    date: ReportDateOption = None,
    files_url: Annotated[
        str | None,
        typer.Option(
            "--files-url",
            help="URL of the register's files for the evidence links of the cards, e.g. "
            "https://github.com/ORG/REPO/blob/main/ (default: links relative to --out).",
        ),
    ] = None,
) -> None:
    """Write the portfolio report: a static HTML site for sponsors and the committee.

    Pages: overview (the three priorities and why, counts by status and category, balance
    against target by count and by budget, upcoming decisions, doctor's alerts), the value
    x feasibility matrix, the waves as a Gantt chart with capacity used, KPIs against
    baseline and target, TCO and payback, every use case and one card per use case. The
    pages need no script and make no network request: open index.html from the folder, or
    publish it (GitHub/GitLab Pages). In the register's language, or --lang.

    Evidence of the AI Act obligations links to its URL, or to the register's file: by a
    path relative to the site (to open it from the folder), or under --files-url (when the
    site is published without the register's files).

    Exit 0, or 2 on a usage or configuration error.

    Examples:

    \b
      aip report
      aip report --out public --date 2026-12-01
      aip report --out public --files-url https://github.com/ORG/REPO/blob/main/
    """
    from aiportfolio.cli.common import recover_writes, register_root, require_valid, settings
    from aiportfolio.errors import UsageError
    from aiportfolio.i18n import Translator
    from aiportfolio.register import disk_cache
    from aiportfolio.report.site.common import files_base

    root = register_root(ctx)
    recover_writes(ctx, root)
    sources = Sources(root, settings(ctx).lang)
    t = Translator(sources.lang)
    today = parse_date(date, t)
    if out.exists() and not out.is_dir():
        raise UsageError(t("report.out_is_file", path=out))
    # How the cards reach the register's files (evidence links): part of what the site is.
    links = _files_url(files_url, t) if files_url is not None else files_base(out, root)
    context = _fingerprint()
    target = str(out.resolve())
    key = sources.key(today)
    state = disk_cache.load(root, STATE_FILE, context)
    state = state if isinstance(state, dict) else {}
    if (
        key is not None
        and state.get("key") == key
        and state.get("links") == links
        and _evidence_unchanged(state["evidence"], root)
        and _rewrite(out, target, state, root, context)
    ):
        # The same register, configuration, language, date and evidence files as the last
        # run: the same site. Nothing was computed; only the output files that are not
        # as the last run wrote them were written again.
        if state["invalid"]:
            err(t.n("error.invalid_register", state["invalid"]), style="yellow")
        count = len(state["placed"])
        err(t("report.written", count=count, path=out, index=out / "index.html"))
        exit_with(exitcodes.OK)

    register = open_register(ctx, cached=True)
    require_valid(register, t)  # before the cache
    kept = disk_cache.load(root, CACHE_FILE, context)
    known: dict[bytes, str] = kept if isinstance(kept, dict) else {}
    inputs = _inputs(register, t.lang, today)
    same = state.get("inputs") == inputs
    previous = state if state.get("target") == target else {}
    before: Written = previous.get("written", {})
    kept = intact_cards(out, previous)
    early: Written = {}

    def write_cards(cards: dict[str, str]) -> None:
        early.update(write_site(cards, out, before, prune=False))

    files, rendered, placed = _make_site(register, t, today, known, same, links, kept, write_cards)
    # The cards written while the charts were drawn, and those of ``kept`` as they are.
    unrendered = [rel for rel in placed if rel not in files and rel not in early]
    written = write_site(files, out, {**before, **early}, [*early, *unrendered])
    if rendered != known:
        disk_cache.save(root, CACHE_FILE, context, rendered)
    fresh = {
        "inputs": inputs,
        "key": key if key is not None and sources.loaded(register) else None,
        "links": links,
        "target": target,
        "written": written,
        "placed": placed,
        "evidence": _evidence(register),
        "invalid": len({p.path for p in register.problems}),
    }
    if fresh != state:
        disk_cache.save(root, STATE_FILE, context, fresh)
    err(t("report.written", count=len(written), path=out, index=out / "index.html"))
    exit_with(exitcodes.OK)


def _rewrite(out: Path, target: str, state: dict[str, Any], root: Path, context: bytes) -> bool:
    """Write the pages of the last run (``state``) in ``out`` where they are not as it left
    them; ``False`` when that cannot be done without computing: a card to write again (the
    cache keeps no card), a page no longer in the cache."""
    import os

    from aiportfolio.register import disk_cache

    same_target = state.get("target") == target
    if same_target and unchanged(out, state["written"]):
        return True
    if not same_target:
        return False
    altered = []
    for rel, (_, size, mtime) in state["written"].items():
        try:
            info = os.stat(out / rel)
        except OSError:
            info = None
        if info is None or (info.st_size, info.st_mtime_ns) != (size, mtime):
            altered.append(rel)
    if any(rel.startswith("usecases/") for rel in altered):
        return False
    kept = disk_cache.load(root, CACHE_FILE, context)
    rendered = kept if isinstance(kept, dict) else {}
    files = {rel: rendered.get(state["placed"][rel]) for rel in altered}
    if any(text is None for text in files.values()):
        return False
    others = [rel for rel in state["written"] if rel not in files]
    written = write_site(cast(dict[str, str], files), out, state["written"], others)
    disk_cache.save(root, STATE_FILE, context, {**state, "written": written})
    return True


def _make_site(
    register: Register,
    t: Translator,
    today: dt.date,
    known: dict[bytes, str],
    same: bool,
    links: str | None,
    kept: dict[str, bytes],
    cards_done: Callable[[dict[str, str]], None] | None = None,
) -> tuple[dict[str, str], dict[bytes, str], dict[str, bytes]]:
    """Compute and render the site, reusing the charts, pages and cards in ``known`` that
    are unchanged (``same``: made from the same inputs) and the cards of ``kept`` (see
    ``pages.SiteCache``): its files but those cards, the texts to keep for the next run,
    and the digest of what each file shows. ``links``: how the cards reach the
    register's files (``render_site``'s ``register_files``); ``cards_done``: see
    ``render_site``."""
    from aiportfolio.analysis.gate import gate_for
    from aiportfolio.analysis.report import build_report
    from aiportfolio.register.disk_cache import paused_gc
    from aiportfolio.report.site.charts import SerialDrawer, WorkerDrawer
    from aiportfolio.report.site.pages import SiteCache, render_site

    # Unchanged inputs: the charts are in the cache (any missing one is drawn here). Else
    # the charts not in the cache are drawn in a worker while the pages are written; with
    # no cache at all every chart is drawn, so the worker starts now, while the report is
    # computed.
    drawer = SerialDrawer() if same else WorkerDrawer(start=not known)
    # The engines and the pages build many small objects and hardly any cycle (a few
    # hundred on 1,000 entries): the cyclic collector, which would walk the register's
    # objects again and again, waits until the site is made.
    try:
        with paused_gc():
            cache = SiteCache(known=known, kept=kept)
            data = build_report(register, today, gate_for(register, today))
            files = render_site(data, t, register.root, drawer, cache, links, cards_done)
    finally:
        drawer.close()
    return files, cache.used, cache.placed


def register(app: typer.Typer) -> None:
    """Add this group's commands to ``app``."""
    app.command("report")(report)
