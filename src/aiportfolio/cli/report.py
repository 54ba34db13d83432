"""``aip report``: the portfolio as a static HTML site a sponsor opens in a browser."""

from __future__ import annotations

import datetime as dt
import os
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
    base = os.path.join(out, "")  # paths as strings: a thousand ``Path`` cost more than the stats
    stat = os.stat
    try:
        with os.scandir(base + "usecases") as entries:
            cards = {f"usecases/{e.name}" for e in entries}
        for rel, (_, size, mtime) in written.items():
            info = stat(base + rel)
            if info.st_size != size or info.st_mtime_ns != mtime:
                return False
    except OSError:
        return False
    return all(rel in written for rel in cards if rel.startswith("usecases/UC-"))


CACHE_FILE = "report.pickle"
"""The charts and pages of the last run (``.aip-cache/``), by content digest (not the
cards: each is written from its context when that changes, see ``pages.SiteCache``)."""
STATE_FILE = "report-state.marshal"
"""What the last run was made from and which files it wrote (``.aip-cache/``, plain values):
small, so that a run on an unchanged register reads only this and the files' times."""
FORMER_STATE_FILES = ("report-state.pickle",)
"""States of earlier layouts, removed when the current one is written."""


def _installed(package: str) -> bytes:
    """Where ``package`` is installed, with its ``__init__``'s size and time (changed by any
    upgrade or reinstall): found without importing it, nor ``importlib.metadata``."""
    import importlib.util

    try:
        spec = importlib.util.find_spec(package)
        origin = spec.origin if spec is not None else None
        info = os.stat(origin) if origin else None
    except (ImportError, ValueError, OSError):
        return b"?"
    return f"{origin}\0{info.st_size}\0{info.st_mtime_ns}".encode() if info else b"-"


def _fingerprint() -> bytes:
    """What the cached charts and pages depend on besides their data: aip's code, message
    catalogs and templates, Jinja and vl-convert."""
    from aiportfolio import resources
    from aiportfolio.register import disk_cache

    code = disk_cache.code_fingerprint(resources.builtin_templates())
    return b"\0".join((code, _installed("jinja2"), _installed("vl_convert")))


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


def _config_digest(root: Path) -> bytes | None:
    """A digest of the configuration files' bytes (and of which of them are there), or
    ``None`` when they are not regular files of a ``config/`` folder that is no link: such
    a configuration is only known by validating it."""
    import hashlib
    import stat

    from aiportfolio import resources
    from aiportfolio.register.paths import MAX_FILE_BYTES, PORTFOLIO_FILE, WEIGHTS_FILE

    hasher = hashlib.blake2b(digest_size=16)
    try:
        mode = os.lstat(root / PORTFOLIO_FILE.parent).st_mode
    except FileNotFoundError:
        mode = 0
    except OSError:
        return None
    if stat.S_ISLNK(mode):
        return None
    hasher.update(b"d" if stat.S_ISDIR(mode) else b"-")
    weights = False
    for rel in (PORTFOLIO_FILE, WEIGHTS_FILE):
        path = root / rel
        try:
            info = os.lstat(path)
        except (FileNotFoundError, NotADirectoryError):
            hasher.update(b"\0-")
            continue
        except OSError:
            return None
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FILE_BYTES:
            return None
        try:
            hasher.update(b"\0f" + path.read_bytes())
        except OSError:
            return None
        weights = rel == WEIGHTS_FILE
    if not weights:  # the shipped grid (outside the package when aip runs from a checkout)
        try:
            hasher.update(b"\0w" + resources.default_weights().read_bytes())
        except OSError:
            return None
    return hasher.digest()


def _text_digest(raw: bytes) -> bytes:
    """The digest of the text a use-case file's bytes decode to (``_loaded_digest``), without
    decoding them: a digest of bytes that are not UTF-8 matches no text's."""
    from aiportfolio.register import disk_cache

    return disk_cache.digest(raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw)


def _loaded_digest(text: str) -> bytes:
    """The digest of a use-case file's text as the loader read it."""
    from aiportfolio.register import disk_cache

    return disk_cache.digest(text.encode("utf-8", "surrogatepass"))


Recorded = tuple[tuple[str, tuple[int, int, int, int] | None, bytes | None], ...]
"""Each use-case file a run read, in the loader's order: its name, its signature when it
was settled (``disk_cache.settled_signature``), the digest of the text read (``None``: not
readable as text)."""


class Sources:
    """What a report is made from, as found without reading a use case: a digest of the
    configuration files and the name and signature of each use-case file. ``files`` is
    ``None`` when the register cannot be told unchanged that way (linked files or folders,
    the register's own templates, a configuration that is no plain files)."""

    def __init__(self, root: Path) -> None:
        from aiportfolio.register import disk_cache

        self.root = root
        self.started = disk_cache.now_ns()
        self.config = _config_digest(root)
        self.files = self._listing() if self.config is not None else None

    def _listing(self) -> list[tuple[str, os.stat_result]] | None:
        """The files ``load_register`` reads (``*.yaml`` sorted, then ``*.yml``) with their
        ``lstat``; ``None`` if one is not a regular file, or the folder is a link."""
        import stat

        from aiportfolio.register.paths import USECASES_DIR
        from aiportfolio.report.site.common import own_templates

        if own_templates(self.root):
            return None
        folder = os.path.join(self.root, USECASES_DIR)
        try:
            if not stat.S_ISDIR(os.lstat(folder).st_mode):
                return None
            names = os.listdir(folder)
        except FileNotFoundError:
            return []
        except OSError:
            return None
        ordered = sorted(n for n in names if n.endswith(".yaml"))
        ordered += sorted(n for n in names if n.endswith(".yml"))
        found = []
        lstat, regular = os.lstat, stat.S_ISREG
        base = folder + os.sep
        try:
            for name in ordered:
                info = lstat(base + name)
                if not regular(info.st_mode):
                    return None  # read (or refused) by the loader: no shortcut
                found.append((name, info))
        except OSError:
            return None
        return found

    def unchanged(self, recorded: Recorded) -> Recorded | None:
        """Whether these are the files of ``recorded`` (same names in the same order, each
        with the same signature, or else the same text): their record then, with the
        signatures of files settled since; else ``None``."""
        from aiportfolio.register.disk_cache import settled_signature
        from aiportfolio.register.paths import USECASES_DIR

        files = self.files
        if files is None or len(files) != len(recorded):
            return None
        base = os.path.join(self.root, USECASES_DIR, "")
        current: list[tuple[str, tuple[int, int, int, int] | None, bytes | None]] = []
        for (name, info), entry in zip(files, recorded, strict=True):
            known, signature, digest = entry
            if name != known:
                return None
            if signature is not None and signature == (
                info.st_size,
                info.st_mtime_ns,
                info.st_ctime_ns,
                info.st_ino,
            ):
                current.append(entry)
                continue
            if digest is None:
                return None
            try:  # changed within the tick of the last run, or since: compare the text
                with open(base + name, "rb") as handle:
                    raw = handle.read()
            except OSError:
                return None
            if _text_digest(raw) != digest:
                return None
            current.append((name, settled_signature(info, self.started), digest))
        return tuple(current)

    def recorded(self, register: Register) -> Recorded | None:
        """The record of the files ``register`` was loaded from, when they are those
        listed here and the configuration is still the one read here (else ``None``: no
        shortcut next time). A file's signature is kept only when it was settled before
        it was read; its digest is that of the text the loader read."""
        from aiportfolio.model.text import escaped
        from aiportfolio.register.disk_cache import settled_signature
        from aiportfolio.register.paths import USECASES_DIR

        files = self.files
        if files is None or _config_digest(self.root) != self.config:
            return None
        folder = self.root / USECASES_DIR
        if register.files != [folder / name for name, _ in files]:
            return None
        rels = [escaped(f"{USECASES_DIR}/{name}") for name, _ in files]
        if len(set(rels)) != len(rels):
            return None
        found = []
        for (name, info), rel in zip(files, rels, strict=True):
            text = register.texts.get(rel)
            digest = None if text is None else _loaded_digest(text)
            found.append((name, settled_signature(info, self.started), digest))
        return tuple(found)


Evidence = tuple[tuple[str, str | None], ...]
"""Each evidence path the entries cite, with why it is not acceptable (``None``: fine)."""


def _evidence(register: Register) -> Evidence:
    from aiportfolio.domain.evidence import evidence_path_problem

    return tuple(
        (item.ref, evidence_path_problem(item.ref, register.root))
        for uc in register.usecases
        for obligation in uc.ai_act.obligations
        for item in obligation.evidence
        if not item.is_url
    )


def _evidence_unchanged(evidence: Evidence, root: Path) -> bool:
    from aiportfolio.domain.evidence import evidence_path_problem

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
    from aiportfolio.i18n import Translator
    from aiportfolio.register import disk_cache
    from aiportfolio.register.paths import reader_language_for

    root = register_root(ctx)
    recover_writes(ctx, root)
    option = settings(ctx).lang
    sources = Sources(root)
    context = _fingerprint()
    target = str(out.resolve())
    state = disk_cache.load(root, STATE_FILE, context, codec="marshal")
    state = state if isinstance(state, dict) else {}
    if sources.files is not None and state.get("config") == sources.config:
        # The configuration files are those of a run that succeeded: valid, and in the
        # language that run kept. Nothing is imported to validate or compute unless what
        # the site is made from changed.
        t = Translator(reader_language_for(option, state["language"]))
        today, links = _options(t, date, out, root, files_url)
        if _served(sources, state, t, today, links, out, target, context):
            exit_with(exitcodes.OK)

    register = open_register(ctx, cached=True)
    t = Translator(register.lang)
    today, links = _options(t, date, out, root, files_url)
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
    recorded = sources.recorded(register)
    fresh = {
        # What the site is made from: the next run with the same makes nothing.
        "config": sources.config if recorded is not None else None,
        "sources": recorded,
        "language": register.config.language,
        "lang": t.lang,
        "today": today.isoformat(),
        "links": links,
        "evidence": _evidence(register),
        # What a run of the same shows and finds.
        "inputs": inputs,
        "invalid": len({p.path for p in register.problems}),
        "target": target,
        "written": written,
        "placed": placed,
    }
    if fresh != state:
        disk_cache.save(root, STATE_FILE, context, fresh, codec="marshal")
        for name in FORMER_STATE_FILES:
            disk_cache.remove(root, name)
    err(t("report.written", count=len(written), path=out, index=out / "index.html"))
    exit_with(exitcodes.OK)


def _options(
    t: Translator, date: str | None, out: Path, root: Path, files_url: str | None
) -> tuple[dt.date, str | None]:
    """The report's date and how its cards reach the register's files (evidence links:
    part of what the site is), or a ``UsageError``."""
    from aiportfolio.errors import UsageError
    from aiportfolio.report.site.common import files_base

    today = parse_date(date, t)
    if out.exists() and not out.is_dir():
        raise UsageError(t("report.out_is_file", path=out))
    links = _files_url(files_url, t) if files_url is not None else files_base(out, root)
    return today, links


def _served(
    sources: Sources,
    state: dict[str, Any],
    t: Translator,
    today: dt.date,
    links: str | None,
    out: Path,
    target: str,
    context: bytes,
) -> bool:
    """Whether the last run (``state``) was made from the same register, configuration,
    language, date, links and evidence files: its site is then the one to show, and the
    output files that are not as it wrote them are written again (``_rewrite``); ``False``
    when the site must be made."""
    from aiportfolio.register import disk_cache

    recorded = state.get("sources")
    if (
        recorded is None
        or state.get("lang") != t.lang
        or state.get("today") != today.isoformat()
        or state.get("links") != links
    ):
        return False
    current = sources.unchanged(recorded)
    if current is None or not _evidence_unchanged(state["evidence"], sources.root):
        return False
    written = _rewrite(out, target, state, sources.root, context)
    if written is None:
        return False
    fresh = {**state, "sources": current, "written": written}
    if fresh != state:
        disk_cache.save(sources.root, STATE_FILE, context, fresh, codec="marshal")
    if state["invalid"]:
        err(t.n("error.invalid_register", state["invalid"]), style="yellow")
    err(t("report.written", count=len(state["placed"]), path=out, index=out / "index.html"))
    return True


def _rewrite(
    out: Path, target: str, state: dict[str, Any], root: Path, context: bytes
) -> Written | None:
    """The files of the last run (``state``) in ``out``, those that are not as it left them
    written again: the record of what is there then; ``None`` when that cannot be done
    without computing (another folder, a card to write again: the cache keeps no card, a
    page no longer in the cache)."""
    from aiportfolio.register import disk_cache

    if state.get("target") != target:
        return None
    before: Written = state["written"]
    if unchanged(out, before):
        return before
    altered = []
    for rel, (_, size, mtime) in before.items():
        try:
            info = os.stat(out / rel)
        except OSError:
            info = None
        if info is None or (info.st_size, info.st_mtime_ns) != (size, mtime):
            altered.append(rel)
    if any(rel.startswith("usecases/") for rel in altered):
        return None
    kept = disk_cache.load(root, CACHE_FILE, context)
    rendered = kept if isinstance(kept, dict) else {}
    files = {rel: rendered.get(state["placed"][rel]) for rel in altered}
    if any(text is None for text in files.values()):
        return None
    others = [rel for rel in before if rel not in files]
    return write_site(cast(dict[str, str], files), out, before, others)


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
