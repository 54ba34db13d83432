"""``aip check`` with a cache of what each use-case file yields on its own (as ruff and
mypy do): re-checking a 10,000-entry register after editing one file parses, validates
and runs the per-file rules on that one only.

What a file yields on its own is a *record*: its reading and schema problems, and for a
valid entry its id, status and dependencies plus the findings of the rules that look at
that entry alone (``LOCAL_RULES``), already located in the file. A record depends on the
file's bytes and on a *context*: aip's code, the check date (date rules),
``config/portfolio.yaml`` and ``config/weights.yaml`` (grid criteria, waves, severities and
statuses of the rules). The cache keeps records by file path with the file's content
digest and, once the file is old enough, its stat signature (``register/disk_cache.py``):
an unchanged file is then not even read. Any change of context starts a fresh cache.

The rules that look across files (``CROSS_RULES``: unique ids, file names, dependencies and
their cycles) read only the id, status and dependencies of each entry and the file names:
their findings are kept under the digest of those, and run again (on light stand-ins of
the entries) only when one of them changed; a kept finding is located again when its file
changed. A rule in neither list (a new one) switches the cache off: the check then loads
the whole register as before.

The cache is one file, ``.aip-cache/check.marshal`` at the register root, of plain values
(``marshal``), signed and written like aip's other caches (``register/disk_cache.py``: the
folder ignores itself in git, a file not signed with the user's key is never read). It is
safe to delete and never required: an unreadable or unwritable cache is no cache.

Why one module of ~700 lines: the records, their context, the cross-file rules' store and
the reuse decision form one invariant (a cached verdict equals an uncached one); keeping it
in one file keeps that invariant reviewable in one place.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import hashlib
import marshal
import os
import stat
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from aiportfolio import resources
from aiportfolio.analysis.check import CheckResult
from aiportfolio.domain.evidence import evidence_path_problem
from aiportfolio.message import Localized, Message
from aiportfolio.model.text import UNSAFE_OR_BREAK, escaped
from aiportfolio.problem import Problem, Severity
from aiportfolio.register.disk_cache import (
    CACHE_DIR,
    Signature,
    code_fingerprint,
    digest,
    now_ns,
    paused_gc,
    settled_signature,
    signature,
)
from aiportfolio.register.disk_cache import load as load_cached
from aiportfolio.register.disk_cache import save as save_cached
from aiportfolio.register.paths import (
    MAX_FILE_BYTES,
    PORTFOLIO_FILE,
    USECASES_DIR,
    WEIGHTS_FILE,
    reader_language_for,
)
from aiportfolio.rules.suppress import apply_suppressions

if TYPE_CHECKING:
    from aiportfolio.model.usecase import UseCase
    from aiportfolio.register.loader import Register
    from aiportfolio.register.yamlio import YamlIssue

# A re-check where no file changed reads the store and the file times, nothing more: the
# models, the loader, YAML and the rules are imported only when a record or the rules
# across files must be computed again (they take longer to import than such a check runs).

__all__ = ["CACHE_DIR", "CACHE_FILE", "CacheStats", "check_known", "check_with_cache"]

CACHE_FILE = "check.marshal"
FORMER_FILES = ("check.pickle",)
"""Stores of earlier layouts, removed when the current one is written."""
FORMAT = 5
"""Bumped when the layout of the store changes."""

LOCAL_RULES = frozenset(
    {
        "owner-required",
        "kpi-required",
        "kpi-baseline-required",
        "kpi-north-star",
        "score-criterion-unknown",
        "wave-unknown",
        "risk-review-required",
        "ai-act-prohibited",
        "risk-unassessed",
        "decision-date-past",
        "decision-date-missing",
        "stop-decision-required",
        "category-slow-quick-win",
        "category-risky-quick-win",
        "category-compliance-kpi",
        "category-low-value-differentiator",
        "ai-act-obligation-overdue",
        "ai-act-obligation-unknown",
        "ai-act-evidence-required",
        "ai-act-obligation-extra",
        # Also reads whether the cited evidence files exist: a record is reused only while
        # each cited path gives the same answer (the record's evidence).
        "ai-act-evidence-missing",
    }
)
"""Per-entry rules that read only the entry, the grid, the configuration and the date."""
CROSS_RULES = frozenset({"id-unique", "id-filename", "depends-on-exists", "depends-on-cycle"})
"""Rules across files; they read only ``id``, ``status`` and ``plan.depends_on`` of each
entry, and the file names."""

# The store holds plain values only (marshal):
#   problem  (path, line, column, rule, severity, message, hint, loc)
#   entry    (id, status, depends_on) of a valid use case
#   record   (digest, problems, entry | None, findings, evidence, has directive)
#            findings: ((problem, named its own file), ...) of LOCAL_RULES
#            evidence: ((cited path, why it is wrong | None), ...)
#   store    {"files": {display path: (signature | None, record)},
#             "cross": (key, ((problem, line, column, digest of its file), ...))}
#   message  (key, ((name, value), ...), count) with each value ("v", plain value),
#            ("m", message) or ("l", en, fr, de): problems keep their message keys and
#            parameters, so one cache serves every reader's language
MessageT = tuple[str, tuple[tuple[str, Any], ...], float | None]
ProblemT = tuple[str, int, int, str, str, MessageT, MessageT | None, tuple[str | int, ...]]
EntryT = tuple[str, str, tuple[str, ...]]
RecordT = tuple[
    bytes,
    tuple[ProblemT, ...],
    EntryT | None,
    tuple[tuple[ProblemT, bool], ...],
    tuple[tuple[str, str | None], ...],
    bool,
]


@dataclass
class CacheStats:
    """How the last check used the cache (for tests and benchmarks)."""

    reused: int = 0
    """Records reused (file unchanged)."""
    computed: int = 0
    """Records computed (file new or changed, or no cache)."""
    read: int = 0
    """Files read to compare their content (not known unchanged by their signature)."""
    cross_reused: bool = False
    """The cross-file rules' findings were reused."""
    foreign: int = 0
    """Files computed whose text was not among the known ones (``check_known``)."""
    enabled: bool = True


def cacheable(enabled: dict[str, Severity | None]) -> bool:
    """Whether every enabled rule is classified (else the cache is not used)."""
    return all(
        rule_id in LOCAL_RULES or rule_id in CROSS_RULES
        for rule_id, severity in enabled.items()
        if severity is not None
    )


def context_digest(root: Path, today: dt.date) -> bytes:
    """The digest of what every record depends on besides its file: aip's code, the date,
    the configuration files and what they are (the store is kept under it)."""
    return _context(root, today)[0]


def _context(root: Path, today: dt.date) -> tuple[bytes, bool]:
    """``context_digest``, and whether the configuration's settings may be kept with the
    records: only when its files are regular files of a ``config/`` folder that is no link
    (or absent), as they were when the settings were worked out. Everything
    ``load_config`` accepts or refuses then follows from the digest."""
    hasher = hashlib.blake2b(code_fingerprint(), digest_size=16)
    hasher.update(f"\0{FORMAT}\0{today.isoformat()}".encode())
    folder = root / PORTFOLIO_FILE.parent
    plain = not folder.is_symlink()
    hasher.update(b"\0d" if folder.is_dir() else b"\0-")
    for rel in (PORTFOLIO_FILE, WEIGHTS_FILE):
        path = root / rel
        try:
            mode = path.lstat().st_mode
        except OSError:
            hasher.update(b"\0-")
            continue
        if not stat.S_ISREG(mode):
            plain = False
        try:
            hasher.update(b"\0f" + path.read_bytes() if path.is_file() else b"\0o")
        except OSError:
            hasher.update(b"\0?")
    if not (root / WEIGHTS_FILE).is_file():  # the shipped grid (outside the package when
        try:  # aip runs from a checkout)
            hasher.update(b"\0w" + resources.default_weights().read_bytes())
        except OSError:
            hasher.update(b"\0?")
    return hasher.digest(), plain


def _message_tuple(m: Message) -> MessageT:
    return (m.key, tuple((name, _value_tuple(v)) for name, v in m.params.items()), m.count)


def _value_tuple(value: object) -> tuple[Any, ...]:
    if isinstance(value, Message):
        return ("m", _message_tuple(value))
    if isinstance(value, Localized):
        return ("l", value.en, value.fr, value.de)
    if value is None or isinstance(value, str | int | float):
        return ("v", value)
    return ("v", str(value))  # formatted into the message as its text either way


def _message(t: MessageT) -> Message:
    return Message(t[0], {name: _value(v) for name, v in t[1]}, t[2])


def _value(t: tuple[Any, ...]) -> object:
    if t[0] == "m":
        return _message(t[1])
    if t[0] == "l":
        return Localized(t[1], t[2], t[3])
    return t[1]


def _to_tuple(p: Problem) -> ProblemT:
    hint = _message_tuple(p.hint) if p.hint is not None else None
    message = _message_tuple(p.message)
    return (p.path, p.line, p.column, p.rule, p.severity.value, message, hint, p.loc)


def _problem(t: ProblemT) -> Problem:
    hint = _message(t[6]) if t[6] is not None else None
    return Problem(t[0], t[1], t[2], t[3], Severity(t[4]), _message(t[5]), hint, tuple(t[7]))


class _StandInPlan(NamedTuple):
    depends_on: list[str]


class _StandIn(NamedTuple):
    """What the cross-file rules read of a use case (never shown, lives for one check;
    building 10,000 real models, even unvalidated, takes seconds)."""

    id: str
    status: str
    plan: _StandInPlan


def _stand_in(entry: EntryT) -> UseCase:
    return cast("UseCase", _StandIn(entry[0], entry[1], _StandInPlan(list(entry[2]))))


class _File(NamedTuple):
    path: str
    """The path as ``load_register`` would open it."""
    rel: str
    """Display path."""
    name: str
    """The file's own name."""
    plain: bool
    """An entry of the real ``usecases/`` folder (not given outside; a link among them is
    found by its ``lstat``)."""


def _listing(root: Path, only: Sequence[Path]) -> list[_File]:
    """The files ``load_register`` reads, in its order. One directory listing instead of a
    glob and a stat per file, and no ``Path`` per file: for 10,000 files both take long.
    In the register's own ``usecases/`` folder every entry is listed as plain: the check
    finds a link (or a folder, a pipe) by the ``lstat`` it makes anyway, and reads it as the
    loader does, uncached; its display path is the same, a link showing its own name."""
    folder = root / USECASES_DIR
    plain_folder = (
        os.name == "posix"
        and folder.is_dir()
        and folder.resolve() == (root.resolve() / USECASES_DIR)
    )
    if only or not plain_folder:
        from aiportfolio.register.loader import display_path, usecase_files

        files = usecase_files(root)
        selected = usecase_files(root, only) if only else []
        known = {f.resolve() for f in files}
        files += [f for f in selected if f.resolve() not in known]
        listed = []
        for f in files:
            plain = plain_folder and f.parent == folder and not f.is_symlink()
            rel = escaped(f"{USECASES_DIR}/{f.name}") if plain else display_path(f, root)
            listed.append(_File(str(f), rel, f.name, plain))
        return listed
    found = [n for n in os.listdir(folder) if n[0] != "."]
    names = sorted(n for n in found if n.endswith(".yaml"))
    names += sorted(n for n in found if n.endswith(".yml"))
    base = f"{folder}/"
    prefix = f"{USECASES_DIR}/"
    # Names rarely need escaping: one search over them all instead of one per name.
    if UNSAFE_OR_BREAK.search("".join(names)):
        return [_File(base + n, escaped(prefix + n), n, True) for n in names]
    new = tuple.__new__  # what _File(...) calls, without its Python-level wrapper
    return [new(_File, (base + n, prefix + n, n, True)) for n in names]


LocalRule = tuple[str, Severity, Any, frozenset[str]]
"""An enabled rule of ``LOCAL_RULES``: id, severity, its check of one entry, the statuses it
applies to (worked out once per check, not per file)."""


def _local_rules(base: Register, enabled: dict[str, Severity | None]) -> tuple[LocalRule, ...]:
    from aiportfolio.rules.registry import RULES, statuses

    found = []
    for rule_id, severity in enabled.items():
        if severity is None or rule_id not in LOCAL_RULES:
            continue
        per_usecase = RULES[rule_id].per_usecase
        assert per_usecase is not None
        found.append((rule_id, severity, per_usecase, frozenset(statuses(base, rule_id))))
    return tuple(found)


def _record(
    rel: str,
    text: str | None,
    issue: YamlIssue | None,
    file_digest: bytes,
    base: Register,
    today: dt.date,
    local: Sequence[LocalRule],
    known: UseCase | None = None,
    parsed: dict[str, tuple[str, UseCase]] | None = None,
) -> RecordT:
    """The record of a file. ``known``: the use case its ``text`` already validated into
    (a register loaded by a command), not parsed again; else a use case validated here is
    added to ``parsed`` with its text."""
    from aiportfolio.register.loader import load_usecase_text, locate_problems
    from aiportfolio.rules.base import RuleContext

    problems: list[Problem] = []
    usecase: UseCase | None = known
    if usecase is None:
        usecase, problems = load_usecase_text(text, issue, rel)
        if usecase is not None and text is not None and parsed is not None:
            parsed[rel] = (text, usecase)
    texts = {rel: text} if text is not None else {}
    located = tuple(_to_tuple(p) for p in locate_problems(problems, texts))
    directive = text is not None and "aip:" in text
    if usecase is None:
        return (file_digest, located, None, (), (), directive)
    ctx = RuleContext(register=base, today=today)
    found: list[tuple[Problem, bool]] = []
    for rule_id, severity, per_usecase, applies in local:
        if usecase.status not in applies:
            continue
        for f in per_usecase(usecase, ctx):
            found.append((f.problem(rule_id, severity, f.path or rel), f.path is not None))
    # Those in the entry's own file are located in its text, composed once.
    located_own = iter(locate_problems([p for p, named in found if not named], texts))
    findings = [(_to_tuple(p if named else next(located_own)), named) for p, named in found]
    entry = (usecase.id, usecase.status, tuple(usecase.plan.depends_on))
    evidence = tuple(
        (item.ref, evidence_path_problem(item.ref, base.root))
        for obligation in usecase.ai_act.obligations
        for item in obligation.evidence
        if not item.is_url
    )
    return (file_digest, located, entry, tuple(findings), evidence, directive)


def _evidence_unchanged(record: RecordT, root: Path) -> bool:
    return all(evidence_path_problem(ref, root) == why for ref, why in record[4])


def _known_paths_register(known: dict[Path, str], base: Register) -> Register:
    """``base`` (an empty register: root, grid, configuration) whose ``relpath`` answers
    from the paths already worked out (the cross-file rules ask it for every entry;
    resolving 10,000 paths takes seconds)."""
    from aiportfolio.register.loader import Register, display_path

    class _Register(Register):
        def relpath(self, path: Path) -> str:
            rel = known.get(path)
            return rel if rel is not None else display_path(path, self.root)

    return _Register(root=base.root, grid=base.grid, config=base.config, lang=base.lang)


SettingsT = tuple[str, tuple[tuple[str, str | None], ...]]
"""What the configuration says that a cached check needs: its language (``language:``,
whatever ``--lang`` says) and the rules of ``aip check`` with their severities (``None``:
switched off)."""


class _Configuration:
    """The register's grid and configuration, validated only when a record or the rules
    across files must be computed (a check served from the cache reads neither)."""

    def __init__(self, root: Path, lang: str | None) -> None:
        self.root = root
        self.lang = lang

    @functools.cached_property
    def register(self) -> Register:
        """An empty register with the grid and configuration (``ConfigError`` if they are
        wrong: exit 2, as without the cache)."""
        from aiportfolio.register.loader import Register, load_config

        grid, config = load_config(self.root)
        lang = reader_language_for(self.lang, config.language)
        return Register(root=self.root, grid=grid, config=config, lang=lang)

    def settings(self) -> SettingsT:
        from aiportfolio.rules.registry import RULES, severities

        base = self.register
        # The rules of aip check (advisory rules belong to aip balance).
        enabled = tuple(
            (rid, None if severity is None else severity.value)
            for rid, severity in severities(base).items()
            if not RULES[rid].advisory
        )
        return (base.config.language, enabled)


def _load(
    root: Path, context: bytes
) -> tuple[dict[str, tuple[Signature | None, RecordT]], Any, SettingsT | None]:
    stored = load_cached(root, CACHE_FILE, context, codec="marshal")
    if not isinstance(stored, dict):
        return {}, None, None
    files, cross, settings = stored.get("files"), stored.get("cross"), stored.get("settings")
    valid = isinstance(settings, tuple) and len(settings) == 2
    return (files if isinstance(files, dict) else {}), cross, settings if valid else None


def check_with_cache(
    root: Path,
    lang: str | None,
    today: dt.date,
    only: Sequence[Path] = (),
    *,
    use_cache: bool = True,
    stats: CacheStats | None = None,
) -> tuple[CheckResult, int, str]:
    """``check_register`` on the register at ``root``, reusing the records of unchanged
    files; returns the result, the number of use-case files read and the language of the
    messages. Same verdict, problem for problem, as ``check_register(load_register(root,
    lang, only), today, only)``; configuration errors raise ``ConfigError`` the same way."""
    counts = stats if stats is not None else CacheStats()
    if use_cache:
        with paused_gc():
            checked = _check(root, lang, today, only, counts, None, require_store=False)
        if checked is not None:
            return checked
    counts.enabled = False
    from aiportfolio.analysis.check import check_register
    from aiportfolio.register.loader import load_register

    register = load_register(root, lang, only)
    return check_register(register, today, only), len(register.files), register.lang


def _known(
    known: Callable[[], Mapping[tuple[str, str], UseCase | None]] | None,
    rel: str,
    text: str | None,
    counts: CacheStats,
) -> UseCase | None:
    """The use case ``text`` validated into when the caller loaded it, else ``None`` (and
    a text the caller did not read so is counted)."""
    if known is None or text is None:
        return None
    texts = known()
    key = (rel, text)
    if key not in texts:
        counts.foreign += 1
        return None
    return texts[key]


def check_known(
    root: Path,
    lang: str | None,
    today: dt.date,
    known: Callable[[], Mapping[tuple[str, str], UseCase | None]],
    *,
    require_store: bool,
    stats: CacheStats | None = None,
) -> tuple[CheckResult, int, str, bool] | None:
    """The cached check of the whole register (``check_with_cache``), for a command that
    has loaded it: ``known()`` maps (display path, text) to the use case that text
    validated into (``None``: it did not), so a changed or new file with that text is not
    validated again (asked only when a file must be checked). With
    ``require_store``, ``None`` unless the cache holds a check of that date (under the
    same configuration and code). The last value says whether every valid entry came from
    ``known`` or from an unchanged file's record (no file the command read differently)."""
    counts = stats if stats is not None else CacheStats()
    with paused_gc():
        once = functools.cache(known)  # worked out for the first file checked, if any
        checked = _check(root, lang, today, (), counts, once, require_store=require_store)
    if checked is None:
        return None
    return (*checked, counts.foreign == 0)


def _check(
    root: Path,
    lang: str | None,
    today: dt.date,
    only: Sequence[Path],
    counts: CacheStats,
    loaded: Callable[[], Mapping[tuple[str, str], UseCase | None]] | None,
    *,
    require_store: bool,
) -> tuple[CheckResult, int, str] | None:
    """The cached check, or ``None`` when a rule is not classified (no cache then), or
    with ``require_store`` when the cache holds no check under this context."""
    started = now_ns()
    folder = root / CACHE_DIR
    context, settings_kept = _context(root, today)
    old, old_cross, kept_settings = _load(root, context)
    if require_store and not old:
        return None
    configuration = _Configuration(root, lang)
    settings = kept_settings if settings_kept else None
    if settings is None:
        settings = configuration.settings()  # ConfigError: exit 2, as without the cache
    language, rules = settings
    enabled = {rid: None if sev is None else Severity(sev) for rid, sev in rules}
    if not cacheable(enabled):
        return None
    reader = reader_language_for(lang, language)
    files = _listing(root, only)

    @functools.cache
    def local() -> tuple[LocalRule, ...]:
        return _local_rules(configuration.register, enabled)

    texts: dict[str, str] = {}
    """Texts at hand (files read whole); others are read when a problem must be located."""
    raws: dict[str, bytes] = {}
    parsed: dict[str, tuple[str, UseCase]] = {}
    """The use cases validated here, by display path with their text (for the loader)."""
    fresh: dict[str, tuple[Signature | None, RecordT]] = {}
    records: list[tuple[_File, RecordT]] = []

    def _compute(file: _File, raw: bytes, file_digest: bytes) -> RecordT:
        from aiportfolio.register.yamlio import decode

        counts.computed += 1
        text, issue = decode(raw)
        if text is not None:
            texts[file.rel] = text
        usecase = _known(loaded, file.rel, text, counts)
        return _record(
            file.rel,
            text,
            issue,
            file_digest,
            configuration.register,
            today,
            local(),
            usecase,
            parsed,
        )

    def _file_record(
        file: _File, info: os.stat_result, kept: tuple[Signature | None, RecordT] | None
    ) -> RecordT:
        """The record of a cacheable file not known unchanged by its signature alone."""
        sig, record = kept if kept is not None else (None, None)
        reuse = record is not None and sig is not None and sig == signature(info)
        if not reuse:  # compare its content
            with open(file.path, "rb") as handle:
                raw = handle.read()
            raws[file.rel] = raw
            counts.read += 1
            file_digest = digest(raw)
            reuse = record is not None and record[0] == file_digest
            sig = settled_signature(info, started)
            if not reuse:
                record = _compute(file, raw, file_digest)
        assert record is not None
        if reuse:
            if record[4] and not _evidence_unchanged(record, root):
                if file.rel not in raws:
                    with open(file.path, "rb") as handle:
                        raws[file.rel] = handle.read()
                    sig = settled_signature(info, started)
                raw = raws[file.rel]
                record = _compute(file, raw, digest(raw))
            else:
                counts.reused += 1
        fresh[file.rel] = (sig, record)
        return record

    same_entries = len(files) == len(old)
    """Whether every file is cached and gives the entry it gave last time, in the same
    order: what the cross-file rules read is then unchanged."""
    old_order = list(old) if same_entries else []
    loader_problems: list[Problem] = []
    home_of: dict[str, str] = {}
    with_findings: list[tuple[_File, RecordT]] = []
    with_directive: list[_File] = []
    reused = valid = 0
    lstat, is_regular, max_bytes = os.lstat, stat.S_ISREG, MAX_FILE_BYTES
    for index, file in enumerate(files):
        rel = file.rel
        info = lstat(file.path) if file.plain else None
        if info is None or not is_regular(info.st_mode) or info.st_size > max_bytes:
            # Links, files given outside usecases/, folders, pipes, oversized files: read
            # (or refused) exactly as the loader does, and not cached.
            from aiportfolio.register.yamlio import read_text

            text, issue = read_text(Path(file.path), root=root)
            if text is not None:
                texts[rel] = text
            usecase = _known(loaded, rel, text, counts)
            record = _record(rel, text, issue, b"", configuration.register, today, local(), usecase)
            same_entries = False
        else:
            kept = old.get(rel)
            if (
                kept is not None
                and kept[0] == (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)
                and not kept[1][4]
            ):
                # Known unchanged by its signature, and cites no evidence file: the
                # common case, kept as it is.
                record = kept[1]
                reused += 1
                fresh[rel] = kept
            else:
                record = _file_record(file, info, kept)
            if same_entries and (
                kept is None or record[2] != kept[1][2] or old_order[index] != rel
            ):
                same_entries = False
        records.append((file, record))
        if record[1]:
            loader_problems.extend(_problem(p) for p in record[1])
        if record[2] is not None:
            valid += 1
            home_of.setdefault(record[2][0], rel)
            if record[3]:
                with_findings.append((file, record))
        if record[5]:
            with_directive.append(file)
    counts.reused += reused

    def text_of(rel: str, path: str) -> str | None:
        from aiportfolio.register.yamlio import decode

        if rel not in texts:
            raw = raws.get(rel)
            if raw is None:
                try:
                    with open(path, "rb") as handle:
                        raw = handle.read()
                except OSError:
                    return None
            text, _ = decode(raw)
            if text is None:
                return None
            texts[rel] = text
        return texts[rel]

    path_of: dict[str, str] = {}

    def locate(found: list[Problem]) -> list[Problem]:
        if not found:
            return []
        from aiportfolio.register.loader import locate_problems

        if not path_of:
            path_of.update((file.rel, file.path) for file, _ in records)
        for p in found:
            if not p.line and p.path in path_of:
                text_of(p.path, path_of[p.path])
        return locate_problems(found, texts)

    problems: list[Problem] = []
    # The per-entry findings (all of enabled rules: the context covers the configuration).
    moved: list[Problem] = []
    for file, record in with_findings:
        assert record[2] is not None
        home = home_of[record[2][0]]
        for p, named in record[3]:
            if named:
                moved.append(_problem(p))
            elif home != file.rel:  # a duplicated id: reported on its first file
                moved.append(dataclasses.replace(_problem(p), path=home, line=0, column=0))
            else:
                problems.append(_problem(p))
    problems += locate(moved)

    # The rules across files, again only when what they read changed.
    known_cross = isinstance(old_cross, tuple) and len(old_cross) == 2
    if known_cross and same_entries:
        cross_key = old_cross[0]
    else:
        cross_key = digest(
            marshal.dumps(tuple((f.rel, f.name, r[2]) for f, r in records if r[2] is not None))
        )
    if known_cross and old_cross[0] == cross_key:
        counts.cross_reused = True
        cross_found = old_cross[1]
        digest_of = {file.rel: record[0] for file, record in records} if cross_found else {}
        again: list[Problem] = []
        for p, line, column, file_digest in cross_found:
            problem = _problem(p)
            if file_digest and digest_of.get(problem.path) == file_digest:
                problems.append(problem.with_position(line, column))
            else:
                again.append(problem)
        problems += locate(again)
    else:
        from aiportfolio.rules.base import RuleContext
        from aiportfolio.rules.registry import RULES, statuses

        base = configuration.register
        known: dict[Path, str] = {}
        register = _known_paths_register(known, base)
        for file, record in records:
            path = Path(file.path)
            register.files.append(path)
            known[path] = file.rel
            if record[2] is not None:
                register.usecases.append(_stand_in(record[2]))
                register.usecase_paths.append(path)
                register.sources.setdefault(record[2][0], path)
        ctx = RuleContext(register=register, today=today)
        unlocated: list[Problem] = []
        for rule_id, severity in enabled.items():
            if severity is not None and rule_id in CROSS_RULES:
                unlocated += RULES[rule_id].run(ctx, severity, statuses(base, rule_id))
        found = locate(unlocated)
        problems += found
        digest_of = {file.rel: record[0] for file, record in records}
        cross_found = tuple(
            (_to_tuple(before), after.line, after.column, digest_of.get(before.path, b""))
            for before, after in zip(unlocated, found, strict=True)
        )

    # A file may switch a rule off for itself (rules/suppress.py), as in find_rule_problems.
    directive_texts = dict(texts)
    for file in with_directive:
        if file.rel not in directive_texts:
            text = text_of(file.rel, file.path)
            if text is not None:
                directive_texts[file.rel] = text
    if any("aip:" in text for text in directive_texts.values()):
        from aiportfolio.rules.registry import LOADER_RULES, RULES

        problems = apply_suppressions(
            problems, directive_texts, RULES, LOADER_RULES, report_unknown=True
        )
    problems = loader_problems + problems

    keep_settings = settings if settings_kept else None
    if fresh != old or not counts.cross_reused or keep_settings != kept_settings:
        store: dict[str, Any] = {"files": fresh, "cross": (cross_key, cross_found)}
        if keep_settings is not None:
            store["settings"] = keep_settings
        save_cached(root, CACHE_FILE, context, store, codec="marshal")
        for name in FORMER_FILES:
            with contextlib.suppress(OSError):
                (folder / name).unlink(missing_ok=True)
    if parsed and len(parsed) == valid:
        # Every valid entry validated here (a check from scratch): the next command loads
        # them from the loader's store instead of parsing the register again.
        from aiportfolio.register.cached_load import keep_parsed

        keep_parsed(root, parsed)
    result = _result(sorted(problems), records, valid, root, only)
    return result, len(records), reader


def _result(
    problems: list[Problem],
    records: list[tuple[_File, RecordT]],
    valid: int,
    root: Path,
    only: Collection[Path],
) -> CheckResult:
    """The same filtering as ``check_register``."""
    if not only:
        return CheckResult(tuple(problems), len(records), valid)
    from aiportfolio.register.loader import display_path

    known = {Path(file.path): file.rel for file, _ in records}
    wanted = {known.get(path) or display_path(path, root) for path in only}
    kept = tuple(p for p in problems if p.path in wanted)
    count = sum(1 for file, record in records if record[2] is not None and file.rel in wanted)
    return CheckResult(kept, len(wanted), count)
