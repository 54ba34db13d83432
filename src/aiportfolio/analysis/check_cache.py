"""``aip check`` with a cache of what each use-case file yields on its own (as ruff and
mypy do): re-checking a 10,000-entry register after editing one file reads every file but
parses, validates and runs the per-file rules on that one only.

What a file yields on its own is a *record*: its reading and schema problems, and for a
valid entry its id, status and dependencies plus the findings of the rules that look at
that entry alone (``LOCAL_RULES``), already located in the file. A record depends on the
file's bytes and on a *context*: aip's code, the language, the check date (date rules),
``config/portfolio.yaml`` and ``config/weights.yaml`` (grid criteria, waves, severities and
statuses of the rules). The cache keeps records by file path and content digest under the
context's digest; any change of context starts a fresh cache.

The rules that look across files (``CROSS_RULES``: unique ids, file names, dependencies and
their cycles) run on every check, on light stand-ins of the entries carrying the id,
status and dependencies they read. A rule in neither list (a new one) switches the cache
off: the check then loads the whole register as before. The cache lives in
``.aip-cache/`` at the register root (it ignores itself in git), is safe to delete and is
never required: an unreadable or unwritable cache is the same as no cache.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
import pickle
import stat
import sys
import tempfile
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple, cast

from aiportfolio.analysis.check import CheckResult, check_register
from aiportfolio.i18n import Translator
from aiportfolio.model.common import escaped
from aiportfolio.model.usecase import UseCase
from aiportfolio.problem import Problem, Severity
from aiportfolio.register.loader import (
    PORTFOLIO_FILE,
    USECASES_DIR,
    WEIGHTS_FILE,
    Register,
    display_path,
    load_config,
    load_register,
    load_usecase_text,
    locate_problems,
    peek_language,
    usecase_files,
)
from aiportfolio.register.yamlio import MAX_FILE_BYTES, YamlIssue, decode, read_text
from aiportfolio.rules.ai_act import evidence_path_problem
from aiportfolio.rules.base import RuleContext
from aiportfolio.rules.registry import LOADER_RULES, RULES, severities, statuses
from aiportfolio.rules.suppress import apply_suppressions

CACHE_DIR = ".aip-cache"
CACHE_FILE = "check.pickle"
FORMAT = 2
"""Bumped when the record layout changes."""

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
        # each cited path gives the same answer (Record.evidence).
        "ai-act-evidence-missing",
    }
)
"""Per-entry rules that read only the entry, the grid, the configuration and the date."""
CROSS_RULES = frozenset({"id-unique", "id-filename", "depends-on-exists", "depends-on-cycle"})
"""Rules across files; they read only ``id``, ``status`` and ``plan.depends_on``."""


@dataclass(frozen=True)
class Entry:
    """What the cross-file rules need of a valid entry."""

    id: str
    status: str
    depends_on: tuple[str, ...]


@dataclass(frozen=True)
class Record:
    """What one use-case file yields on its own."""

    digest: bytes
    problems: tuple[Problem, ...]
    """Reading and schema problems, located."""
    entry: Entry | None
    """None when the file is not a valid use case."""
    findings: tuple[tuple[Problem, bool], ...] = ()
    """Problems of ``LOCAL_RULES`` and whether the rule named their file itself; the others
    carry the file's own path and are located in it."""
    evidence: tuple[tuple[str, str | None], ...] = ()
    """Each evidence path the entry cites and what was wrong with it (None: it exists);
    the record is stale once one of them answers differently."""


@dataclass
class CacheStats:
    """How the last check used the cache (for tests and benchmarks)."""

    reused: int = 0
    computed: int = 0
    enabled: bool = True


@dataclass
class _Store:
    context: bytes
    records: dict[str, Record] = field(default_factory=dict)


def cacheable(enabled: dict[str, Severity | None]) -> bool:
    """Whether every enabled rule is classified (else the cache is not used)."""
    return all(
        rule_id in LOCAL_RULES or rule_id in CROSS_RULES
        for rule_id, severity in enabled.items()
        if severity is not None
    )


def code_fingerprint() -> bytes:
    """aip's own code as it is installed: path, size and modification time of every module
    (an edited or upgraded aip starts a fresh cache), plus Python's and pydantic's versions."""
    import pydantic

    package = Path(__file__).resolve().parent.parent
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{FORMAT}\0{sys.version}\0{pydantic.VERSION}".encode())
    for folder, _, names in sorted(os.walk(package)):
        for name in sorted(names):
            if name.endswith(".py"):
                info = os.stat(os.path.join(folder, name))
                digest.update(f"{folder}/{name}\0{info.st_size}\0{info.st_mtime_ns}".encode())
    return digest.digest()


def context_digest(root: Path, lang: str, today: dt.date) -> bytes:
    digest = hashlib.blake2b(code_fingerprint(), digest_size=16)
    digest.update(f"\0{lang}\0{today.isoformat()}".encode())
    for rel in (PORTFOLIO_FILE, WEIGHTS_FILE):
        path = root / rel
        try:
            digest.update(b"\0" + path.read_bytes() if path.is_file() else b"\0-")
        except OSError:
            digest.update(b"\0?")
    return digest.digest()


def _load_store(path: Path, context: bytes) -> _Store:
    try:
        with path.open("rb") as handle:
            store = pickle.load(handle)
    except Exception:  # a missing, truncated or foreign cache is no cache
        return _Store(context)
    if not isinstance(store, _Store) or store.context != context:
        return _Store(context)
    return store


def _save_store(folder: Path, store: _Store) -> None:
    """Write the cache atomically; a read-only register simply keeps no cache."""
    try:
        folder.mkdir(exist_ok=True)
        ignore = folder / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# written by aip check: safe to delete\n*\n", encoding="utf-8")
        handle, temp = tempfile.mkstemp(dir=folder, prefix=".check-", suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            pickle.dump(store, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, folder / CACHE_FILE)
    except OSError:
        return


class _StandInPlan(NamedTuple):
    depends_on: list[str]


class _StandIn(NamedTuple):
    """What the cross-file rules read of a use case (never shown, lives for one check;
    building 10,000 real models, even unvalidated, takes seconds)."""

    id: str
    status: str
    plan: _StandInPlan


def _stand_in(entry: Entry) -> UseCase:
    return cast(UseCase, _StandIn(entry.id, entry.status, _StandInPlan(list(entry.depends_on))))


def _listing(root: Path, only: Sequence[Path], t: Translator) -> list[tuple[Path, bool]]:
    """The files ``load_register`` reads, in its order, each with whether it is a symbolic
    link. One directory scan instead of a glob and a stat per file."""
    folder = root / USECASES_DIR
    if only or os.name != "posix" or not folder.is_dir():
        files = usecase_files(root)
        selected = usecase_files(root, only, t) if only else []
        known = {f.resolve() for f in files}
        files += [f for f in selected if f.resolve() not in known]
        return [(f, f.is_symlink()) for f in files]
    with os.scandir(folder) as entries:
        found = {e.name: e.is_symlink() for e in entries if not e.name.startswith(".")}
    names = sorted(n for n in found if n.endswith(".yaml"))
    names += sorted(n for n in found if n.endswith(".yml"))
    return [(folder / n, found[n]) for n in names]


def _record(
    rel: str,
    text: str | None,
    issue: YamlIssue | None,
    digest: bytes,
    base: Register,
    today: dt.date,
    t: Translator,
    enabled: dict[str, Severity | None],
) -> Record:
    usecase, problems = load_usecase_text(text, issue, rel, t)
    texts = {rel: text} if text is not None else {}
    located = tuple(locate_problems(problems, texts))
    if usecase is None:
        return Record(digest, located, None)
    ctx = RuleContext(register=base, today=today, t=t)
    findings: list[tuple[Problem, bool]] = []
    for rule_id, severity in enabled.items():
        if severity is None or rule_id not in LOCAL_RULES:
            continue
        rule = RULES[rule_id]
        if usecase.status not in statuses(base, rule_id):
            continue
        assert rule.per_usecase is not None
        for f in rule.per_usecase(usecase, ctx):
            problem = Problem(f.path or rel, 0, 0, rule_id, severity, f.message, f.hint, f.loc)
            if f.path is None:
                [problem] = locate_problems([problem], texts)
            findings.append((problem, f.path is not None))
    entry = Entry(usecase.id, usecase.status, tuple(usecase.plan.depends_on))
    evidence = tuple(
        (item.ref, evidence_path_problem(item.ref, base.root))
        for obligation in usecase.ai_act.obligations
        for item in obligation.evidence
        if not item.is_url
    )
    return Record(digest, located, entry, tuple(findings), evidence)


def _evidence_unchanged(record: Record, root: Path) -> bool:
    return all(evidence_path_problem(ref, root) == why for ref, why in record.evidence)


def _relative(path: Path, link: bool, root: Path, folder: Path | None) -> str:
    """``display_path`` without resolving every file: a plain file straight in the real
    ``usecases/`` folder is ``usecases/<name>``."""
    if folder is not None and not link and path.parent == folder:
        return escaped(f"{USECASES_DIR}/{path.name}")
    return display_path(path, root)


@dataclass
class _Register(Register):
    """A register whose ``relpath`` answers from the paths already worked out (the
    cross-file rules ask it for every entry; resolving 10,000 paths takes seconds)."""

    known: dict[Path, str] = field(default_factory=dict, repr=False)

    def relpath(self, path: Path) -> str:
        rel = self.known.get(path)
        return rel if rel is not None else display_path(path, self.root)


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
    stats = stats if stats is not None else CacheStats()
    t = Translator(lang or peek_language(root) or "en")
    grid, config = load_config(root, t)
    if lang is None:
        t = Translator(config.language)
    base = Register(root=root, grid=grid, config=config, lang=t.lang)
    # The rules of aip check (advisory rules belong to aip balance).
    enabled = {rid: sev for rid, sev in severities(base, t).items() if not RULES[rid].advisory}
    if not use_cache or not cacheable(enabled):
        stats.enabled = False
        register = load_register(root, lang, only)
        return check_register(register, today, only), len(register.files), register.lang

    folder = root / CACHE_DIR
    store = _load_store(folder / CACHE_FILE, context_digest(root, t.lang, today))
    files = _listing(root, only, t)
    usecases_real = (root / USECASES_DIR).resolve()
    plain = usecases_real == root.resolve() / USECASES_DIR
    folder_of_files = root / USECASES_DIR if plain else None

    register = _Register(root=root, grid=grid, config=config, lang=t.lang)
    raws: dict[str, bytes] = {}
    records: list[tuple[str, Path, Record]] = []
    fresh: dict[str, Record] = {}
    texts: dict[str, str] = {}
    for path, link in files:
        rel = _relative(path, link, root, folder_of_files)
        name = str(path)
        info = os.stat(name)
        plain_file = not link and folder_of_files is not None and path.parent == folder_of_files
        if not plain_file or not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FILE_BYTES:
            # Links, files given outside usecases/, pipes, oversized files: read (or
            # refused) exactly as the loader does, and not cached.
            text, issue = read_text(path, root=root)
            if text is not None:
                texts[rel] = text
            record = _record(rel, text, issue, b"", base, today, t, enabled)
        else:
            with open(name, "rb") as handle:
                raw = handle.read()
            raws[rel] = raw
            digest = hashlib.blake2b(raw, digest_size=16).digest()
            cached = store.records.get(rel)
            if (
                cached is not None
                and cached.digest == digest
                and _evidence_unchanged(cached, base.root)
            ):
                record = cached
                stats.reused += 1
            else:
                text, issue = decode(raw)
                record = _record(rel, text, issue, digest, base, today, t, enabled)
                stats.computed += 1
            fresh[rel] = record
        records.append((rel, path, record))
        register.known[path] = rel

    loader_problems: list[Problem] = []
    problems: list[Problem] = []
    for _, path, record in records:
        register.files.append(path)
        loader_problems.extend(record.problems)
        if record.entry is not None:
            register.usecases.append(_stand_in(record.entry))
            register.usecase_paths.append(path)
            register.sources.setdefault(record.entry.id, path)
    # The per-entry findings (all of enabled rules: the context covers the configuration).
    moved: list[Problem] = []
    for rel, _, record in records:
        if record.entry is None or not record.findings:
            continue
        home = register.relpath(register.sources[record.entry.id])
        for p, named in record.findings:
            if named:
                moved.append(p)
            elif home != rel:  # a duplicated id: reported on its first file
                moved.append(dataclasses.replace(p, path=home, line=0, column=0))
            else:
                problems.append(p)

    def locate(found: list[Problem]) -> list[Problem]:
        for p in found:
            if not p.line and p.path in raws and p.path not in texts:
                text, _ = decode(raws[p.path])
                if text is not None:
                    texts[p.path] = text
        return locate_problems(found, texts)

    problems += locate(moved)
    ctx = RuleContext(register=register, today=today, t=t)
    for rule_id, severity in enabled.items():
        if severity is not None and rule_id in CROSS_RULES:
            problems += locate(list(RULES[rule_id].run(ctx, severity, statuses(base, rule_id))))

    # A file may switch a rule off for itself (rules/suppress.py), as in find_rule_problems.
    directive_texts = dict(texts)
    for rel, raw in raws.items():
        if b"aip:" in raw:
            text, _ = decode(raw)
            if text is not None:
                directive_texts[rel] = text
    problems = loader_problems + apply_suppressions(
        problems, directive_texts, RULES, LOADER_RULES, t, report_unknown=True
    )

    if stats.computed or len(fresh) != len(store.records):
        store.records = fresh
        _save_store(folder, store)
    result = _result(sorted(problems), register, only)
    return result, len(register.files), t.lang


def _result(problems: list[Problem], register: Register, only: Collection[Path]) -> CheckResult:
    """The same filtering as ``check_register``."""
    if not only:
        return CheckResult(tuple(problems), len(register.files), len(register.usecases))
    wanted = {register.relpath(path) for path in only}
    kept = tuple(p for p in problems if p.path in wanted)
    valid = sum(1 for path in register.usecase_paths if register.relpath(path) in wanted)
    return CheckResult(kept, len(wanted), valid)
