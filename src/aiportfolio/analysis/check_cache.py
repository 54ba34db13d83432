"""``aip check`` with a cache of what each use-case file yields on its own (as ruff and
mypy do): re-checking a 10,000-entry register after editing one file parses, validates
and runs the per-file rules on that one only.

What a file yields on its own is a *record*: its reading and schema problems, and for a
valid entry its id, status and dependencies plus the findings of the rules that look at
that entry alone (``LOCAL_RULES``), already located in the file. A record depends on the
file's bytes, on a *context*: aip's code, ``config/portfolio.yaml`` and
``config/weights.yaml`` (grid criteria, waves, severities and statuses of the rules), and
on the check date for the rules that read it, which say until when their findings for an
entry stay the same (``Rule.until``). A record holds for the days of its *window*: from
the day it was computed (``since``) to the first day one of its rules may say otherwise
(``until``); a rule that reads the date without declaring ``until`` is noticed
(``_Watched``) and holds for its day only. The store keeps every record's window (two
arrays) and their intersection: a check on a day inside it looks at no window; on another
day the records whose window does not hold it are examined as changed files (read and
computed again). The cache keeps records by file path with the file's content digest and,
once the file is old enough, its stat signature (``register/disk_cache.py``): an unchanged
file is then not even read. Any change of context starts a fresh cache.

The rules that look across files (``CROSS_RULES``: unique ids, file names, dependencies and
their cycles) never read the date; they read only the id, status and dependencies of
each entry and the file names: their findings are kept under the digest of those, and run
again (on light stand-ins of the entries) only when one of them changed; a kept finding is
located again when its file changed. A rule in neither list (a new one) switches the
cache off: the check then loads the whole register as before.

The cache is two files of plain values (``marshal``), signed and written like aip's other
caches (``register/disk_cache.py``: the folder ignores itself in git, a file not signed
with the user's key is never read). ``.aip-cache/check.marshal`` holds what every re-check
reads: the entries of ``usecases/`` as the system lists them and their signatures, each
kept as one value compared whole with the current one (no Python loop over 10,000 files
when nothing changed), the records that have something to report, the findings of the
cross-file rules and the records changed since ``check-records.marshal`` was written.
That second file holds every other record and is read only when one of them is needed (a
file changed, files added or removed): editing a few files rewrites the first file only.
A re-check where nothing changed writes nothing. Both are safe to delete and never
required: an unreadable or unwritable cache is no cache.

Why one module of ~1,100 lines: the records, their context, the cross-file rules' store and
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
import operator
import os
import stat
from array import array
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from itertools import compress, count
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
    spare_from_gc,
)
from aiportfolio.register.disk_cache import load as load_cached
from aiportfolio.register.disk_cache import save as save_cached
from aiportfolio.register.paths import (
    MAX_FILE_BYTES,
    PORTFOLIO_FILE,
    USECASES_DIR,
    WEIGHTS_FILE,
    given_files,
    reader_language_for,
)
from aiportfolio.rules.suppress import apply_suppressions

if TYPE_CHECKING:
    from aiportfolio.analysis.check_worker import Worker
    from aiportfolio.model.usecase import UseCase
    from aiportfolio.register.loader import Register
    from aiportfolio.register.yamlio import YamlIssue

# A re-check where no file changed reads the store and the file times, nothing more: the
# models, the loader, YAML and the rules are imported only when a record or the rules
# across files must be computed again (they take longer to import than such a check runs).

__all__ = [
    "CACHE_DIR",
    "CACHE_FILE",
    "CacheStats",
    "check_known",
    "check_with_cache",
    "given_files",
]

CACHE_FILE = "check.marshal"
BODY_FILE = "check-records.marshal"
"""The records, by file, of the store ``CACHE_FILE`` (read only when one is needed)."""
MAX_OVERRIDES = 256
"""Records changed since the records file was written kept in the store itself, at most:
a re-check after a few edits does not rewrite the records of 10,000 files."""
FORMER_FILES = ("check.pickle",)
"""Stores of earlier layouts, removed when the current one is written."""
FORMAT = 7
"""Bumped when the layout of the store changes."""
WORKER_BATCH = 64
"""Records computed by the worker at most: more (a check nearly from scratch) are computed
here, where the validated models are kept for the loader (``keep_parsed``)."""

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
#   record   (digest, problems, entry | None, findings, evidence, has directive, since,
#             until)
#            findings: ((problem, named its own file), ...) of LOCAL_RULES
#            evidence: ((cited path, why it is wrong | None), ...)
#            since, until: the check dates (ordinals) it holds for: since <= day < until
#            (NO_START, NO_END when no rule applying to it reads the date)
#   store    check.marshal:
#            {"listed": the keys joined by NUL: the entries of usecases/ as listed (every
#                       one, unsorted), or the display paths of the files given,
#             "sigs": marshal, version 2 (no back-references: equal values give equal
#                     bytes), of [signature | None | False, ...] by key: each compared
#                     whole with the current one,
#             "order": array("i") bytes: each key's index in the check's order (-1: no
#                      use-case file),
#             "count": the number of files checked,
#             "special": {index: record} of the records with problems, findings, cited
#                        evidence files or a directive (decoded at every check),
#             "overrides": {index: marshal of the record} changed since the records
#                          file was written (at most MAX_OVERRIDES),
#             "body": the token the records file is kept under (with the context),
#             "valid": the number of valid entries,
#             "homes": {display path: first file of the same id} for duplicated ids,
#             "cross": (key, ((problem, line, column, digest of its file), ...)),
#             "since", "until": array("i") bytes: each record's window, in the check's order,
#             "window": (max of since, min of until): a check of a day inside it has no
#                       record to examine again for its date,
#             "settings": the configuration's settings (SettingsT), when they may be kept}
#            check-records.marshal: (display paths in the check's order joined by NUL,
#            (marshal of each record, b"" for a special one, ...))
#            A signature is None when the file is not known unchanged by it (too fresh,
#            not a regular file): the file is examined at every check.
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
    int,
    int,
]
NO_START = -1
"""A record's ``since`` when it holds whatever the date (no rule applying reads it)."""
NO_END = 2**31 - 1
"""A record's ``until`` when no day ends it (the largest value of an ``array("i")``)."""


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
    by_worker: int = 0
    """Records computed by the worker (``Worker``), not in this process."""
    expired: int = 0
    """Records computed again because the check date lies outside their window."""
    enabled: bool = True


def cacheable(enabled: dict[str, Severity | None]) -> bool:
    """Whether every enabled rule is classified (else the cache is not used)."""
    return all(
        rule_id in LOCAL_RULES or rule_id in CROSS_RULES
        for rule_id, severity in enabled.items()
        if severity is not None
    )


def context_digest(root: Path) -> bytes:
    """The digest of what every record depends on besides its file and the date: aip's
    code, the configuration files and what they are (the store is kept under it)."""
    return _context(root)[0]


def _context(root: Path) -> tuple[bytes, bool]:
    """``context_digest``, and whether the configuration's settings may be kept with the
    records: only when its files are regular files of a ``config/`` folder that is no link
    (or absent), as they were when the settings were worked out. Everything
    ``load_config`` accepts or refuses then follows from the digest."""
    hasher = hashlib.blake2b(code_fingerprint(), digest_size=16)
    hasher.update(f"\0{FORMAT}".encode())
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


class _Listing:
    """The files ``load_register`` reads, in its order (``names``, ``rels``: display paths,
    ``file``), and what their signatures are taken over (``keys``, ``signatures``).

    In the register's own ``usecases/`` folder the keys are its entries as the system lists
    them, unsorted and unfiltered, then the files given outside it (``extra``): a re-check
    where that listing is the one of the last check compares it and the signatures whole,
    and neither sorts nor escapes the names."""

    def __init__(
        self,
        folder: str | None,
        raw: list[str] | None,
        files: list[_File] | None,
        extra: Sequence[_File] = (),
    ) -> None:
        self.folder = folder
        """Set when the register's own files are the entries of the real ``usecases/``
        folder (``raw``: its entries as listed; ``files`` is ``None``)."""
        self.raw = raw
        self.files = files
        self.extra = list(extra)
        """Files given outside the register's own (read as the loader reads them)."""
        self.keys: list[str] = (
            raw + ["\x01" + f.path for f in self.extra]
            if raw is not None
            else [f.rel for f in files or ()]
        )
        self.order: array[int] | None = None
        """The index in the check's order of each key (-1: no use-case file), when given
        by the store (``use_order``): the names are then not sorted."""

    def use_order(self, order: bytes) -> None:
        """Take the check's order from the last check (its listing was this one)."""
        found = array("i")
        found.frombytes(order)
        if self.raw is not None and len(found) == len(self.keys):
            self.order = found

    def order_bytes(self) -> bytes:
        """The index in the check's order of each key, as ``use_order`` reads it."""
        if self.order is not None:
            return self.order.tobytes()
        if self.raw is None:
            return array("i", range(len(self.keys))).tobytes()
        own = [self._index.get(key, -1) for key in self.raw]
        return array("i", own + list(range(len(self._own), len(self.names)))).tobytes()

    @functools.cached_property
    def _own(self) -> list[str]:
        """The names of the use-case files of ``usecases/``, in the check's order: what
        ``usecases/*.yaml`` then ``*.yml`` match (a name starting with a dot too)."""
        found = self.raw or []
        # Usually every name ends in .yaml: told by searching all names at once, then one
        # sort, no Python loop over the names.
        if ("\0".join(found) + "\0").count(".yaml\0") == len(found):
            return sorted(found)
        names = sorted(n for n in found if n.endswith(".yaml"))
        return names + sorted(n for n in found if n.endswith(".yml"))

    @functools.cached_property
    def names(self) -> list[str]:
        """The files' own names, in the check's order."""
        if self.raw is None:
            return [f.name for f in self.files or ()]
        return self._own + [f.name for f in self.extra]

    @functools.cached_property
    def rels(self) -> list[str]:
        """The files' display paths, in the check's order."""
        if self.raw is None:
            return self.keys
        prefix = f"{USECASES_DIR}/"
        names = self._own
        extra = [f.rel for f in self.extra]
        # Names rarely need escaping: one search over them all instead of one per name
        # (in ASCII, the characters escaped are exactly those that are not printable).
        together = "".join(names)
        if (together.isascii() and together.isprintable()) or not UNSAFE_OR_BREAK.search(together):
            return list(map(prefix.__add__, names)) + extra
        return [escaped(prefix + n) for n in names] + extra

    def file(self, index: int) -> _File:
        if self.files is not None:
            return self.files[index]
        assert self.raw is not None
        key = self.key_of_index(index)
        if key >= len(self.raw):
            return self.extra[key - len(self.raw)]
        name = self.raw[key]
        rel = escaped(f"{USECASES_DIR}/{name}") if self.order is not None else self.rels[index]
        return _File(f"{self.folder}/{name}", rel, name, True)

    def rel(self, index: int) -> str:
        return self.file(index).rel if self.order is not None else self.rels[index]

    @functools.cached_property
    def _index(self) -> dict[str, int]:
        return dict(zip(self._own, count()))

    @functools.cached_property
    def _key(self) -> dict[str, int]:
        return dict(zip(self.keys, count()))

    @functools.cached_property
    def _inverse(self) -> list[int]:
        assert self.order is not None
        inverse = [0] * len(self.order)
        for key, index in enumerate(self.order):
            if index >= 0:
                inverse[index] = key
        return inverse

    def index_of_key(self, key: int) -> int | None:
        """The file (its index in the check's order) of a key, ``None`` for an entry of
        ``usecases/`` that is no use-case file."""
        if self.order is not None:
            index = self.order[key]
            return index if index >= 0 else None
        if self.raw is None:
            return key
        if key >= len(self.raw):
            return len(self._own) + key - len(self.raw)
        return self._index.get(self.raw[key])

    def key_of_index(self, index: int) -> int:
        if self.order is not None:
            return self._inverse[index]
        if self.raw is None:
            return index
        if index >= len(self._own):
            return len(self.raw) + index - len(self._own)
        return self._key[self._own[index]]

    @functools.cached_property
    def _folder_path(self) -> Path:
        return Path(cast("str", self.folder))

    def index_of_path(self, path: Path) -> int | None:
        """The file listed as ``path`` exactly (as ``load_register`` lists it), if any."""
        if self.raw is not None and path.parent == self._folder_path:
            key = self._key.get(path.name)
            if key is not None:
                return self.index_of_key(key)
        found = self.files if self.raw is None else self.extra
        for f in found or ():
            if Path(f.path) == path:
                return self.index_of_key(self._key[f.rel if self.raw is None else "\x01" + f.path])
        return None

    def signatures(self) -> tuple[list[os.stat_result | None], list[Signature | bool]]:
        """Each key's ``lstat`` (``None``: a file given outside ``usecases/``, not looked
        at) and its signature (``False`` then: never equal to a recorded one). For the
        real folder, one call per entry by name in the opened folder, no Python loop."""
        if self.raw is not None:
            handle = os.open(cast("str", self.folder), os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
            try:
                lstat = functools.partial(os.stat, dir_fd=handle, follow_symlinks=False)
                try:
                    infos: list[os.stat_result | None] = list(map(lstat, self.raw))
                    sigs: list[Signature | bool] = list(
                        map(signature, cast("list[os.stat_result]", infos))
                    )
                except OSError:  # an entry went away since the listing (an editor's
                    infos = [_lstat_or_none(lstat, key) for key in self.raw]  # own file)
                    sigs = [False if i is None else signature(i) for i in infos]
            finally:
                os.close(handle)
            return infos + [None] * len(self.extra), sigs + [False] * len(self.extra)
        assert self.files is not None
        infos = [os.lstat(f.path) if f.plain else None for f in self.files]
        return infos, [False if info is None else signature(info) for info in infos]


def _lstat_or_none(lstat: Callable[[str], os.stat_result], name: str) -> os.stat_result | None:
    """``lstat(name)``, ``None`` for an entry gone (a use-case file then is read as the
    loader reads it, and found missing as the loader finds it)."""
    try:
        return lstat(name)
    except OSError:
        return None


def _is_usecase_name(name: str) -> bool:
    return name.endswith((".yaml", ".yml"))


def _listing(root: Path, only: Sequence[Path]) -> _Listing:
    """The files ``load_register`` reads, in its order. One directory listing instead of a
    glob and a stat per file, and no ``Path`` per file: for 10,000 files both take long.
    In the register's own ``usecases/`` folder every entry is listed as plain: the check
    finds a link (or a folder, a pipe) by the ``lstat`` it makes anyway, and reads it as the
    loader does, uncached; its display path is the same, a link showing its own name. The
    files given (``only``) are added after them when they are not among them, as the loader
    adds them."""
    folder = root / USECASES_DIR
    plain_folder = (
        os.name == "posix"
        and folder.is_dir()
        and folder.resolve() == (root.resolve() / USECASES_DIR)
    )
    if not plain_folder:
        from aiportfolio.register.loader import display_path, usecase_files

        files = usecase_files(root)
        selected = usecase_files(root, only) if only else []
        known = set(map(os.path.realpath, files))  # as the loader: no Path.resolve, which
        files += [f for f in selected if os.path.realpath(f) not in known]  # raises on loops
        return _Listing(
            None, None, [_File(str(f), display_path(f, root), f.name, False) for f in files]
        )
    raw = os.listdir(folder)
    extra: list[_File] = []
    if only:
        real_folder = folder.resolve()
        present = set(raw)
        targets: set[Path] | None = None
        """Where the links among the register's own files lead (looked up when needed)."""
        parents: dict[Path, Path] = {}
        for f in given_files(only):
            parent = parents.get(f.parent)
            if parent is None:
                parent = parents[f.parent] = f.parent.resolve()
            if parent == real_folder and f.name in present and _is_usecase_name(f.name):
                continue  # one of the register's own files (or a link among them)
            real = Path(os.path.realpath(f))
            if real.parent == real_folder and real.name in present and _is_usecase_name(real.name):
                continue
            if targets is None:
                with os.scandir(folder) as entries:
                    targets = {
                        Path(os.path.realpath(e.path))
                        for e in entries
                        if e.is_symlink() and _is_usecase_name(e.name)
                    }
            if real not in targets:
                from aiportfolio.register.loader import display_path

                extra.append(_File(str(f), display_path(f, root), f.name, False))
    return _Listing(str(folder), raw, None, extra)


LocalRule = tuple[str, Severity, Any, frozenset[str], Any]
"""An enabled rule of ``LOCAL_RULES``: id, severity, its check of one entry, the statuses it
applies to (worked out once per check, not per file) and its ``until`` (``None`` for a rule
that declares none)."""


def _local_rules(base: Register, enabled: dict[str, Severity | None]) -> tuple[LocalRule, ...]:
    from aiportfolio.rules.registry import RULES, statuses

    found = []
    for rule_id, severity in enabled.items():
        if severity is None or rule_id not in LOCAL_RULES:
            continue
        per_usecase = RULES[rule_id].per_usecase
        assert per_usecase is not None
        applies = frozenset(statuses(base, rule_id))
        found.append((rule_id, severity, per_usecase, applies, RULES[rule_id].until))
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
        return (file_digest, located, None, (), (), directive, NO_START, NO_END)
    ctx = RuleContext(register=base, today=today)
    watched = _Watched(base, today)
    day = today.toordinal()
    since, until = NO_START, NO_END
    found: list[tuple[Problem, bool]] = []
    for rule_id, severity, per_usecase, applies, rule_until in local:
        if usecase.status not in applies:
            continue
        if rule_until is not None:
            results = list(per_usecase(usecase, ctx))
            ends = rule_until(usecase, ctx)
            since = day
            if ends is not None:  # never before tomorrow, whatever the rule says
                until = min(until, max(ends.toordinal(), day + 1))
        else:
            watched.read = False
            results = list(per_usecase(usecase, cast("RuleContext", watched)))
            if watched.read:  # reads the date without saying until when: today only
                since, until = day, min(until, day + 1)
        for f in results:
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
    return (file_digest, located, entry, tuple(findings), evidence, directive, since, until)


class _Watched:
    """A rule's context (``RuleContext``) that notes whether the rule read the date: the
    findings of a rule that declares no ``until`` are then kept for that day only."""

    __slots__ = ("_today", "read", "register")

    def __init__(self, register: Register, today: dt.date) -> None:
        self.register = register
        self._today = today
        self.read = False

    @property
    def today(self) -> dt.date:
        self.read = True
        return self._today

    def path_of(self, usecase: UseCase) -> str:
        from aiportfolio.rules.base import RuleContext

        return RuleContext.path_of(cast("RuleContext", self), usecase)


def prepare_records() -> None:
    """Import what computing a record takes (the worker does so while the check that
    started it reads its store)."""
    import aiportfolio.register.loader
    import aiportfolio.register.yamlio
    import aiportfolio.rules.base
    import aiportfolio.rules.registry  # noqa: F401


def compute_records(
    root: str,
    lang: str | None,
    day: int,
    rules: tuple[tuple[str, str | None], ...],
    files: Sequence[tuple[str, bytes, bytes]],
) -> list[RecordT]:
    """The records of ``files`` (display path, bytes, digest) on day ``day`` (ordinal)
    under the configuration at ``root`` and the rules ``rules`` (``SettingsT``'s): what
    ``_check_once`` computes for them itself (``ConfigError`` likewise). Plain values in
    and out: the worker (``analysis/check_worker.py``) runs it for a check."""
    from aiportfolio.register.yamlio import decode

    configuration = _Configuration(Path(root), lang)
    today = dt.date.fromordinal(day)
    enabled = {rid: None if sev is None else Severity(sev) for rid, sev in rules}
    local = _local_rules(configuration.register, enabled)
    found = []
    for rel, raw, file_digest in files:
        text, issue = decode(raw)
        found.append(_record(rel, text, issue, file_digest, configuration.register, today, local))
    return found


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


class _Stored(NamedTuple):
    """The store as read (``_load``), checked for shape; the records file is read only
    when a record not in it is needed (``body``)."""

    listed: str
    sigs: bytes
    order: bytes
    files: int
    special: dict[int, RecordT]
    overrides: dict[int, bytes]
    body: bytes
    valid: int
    homes: dict[str, str]
    cross: Any
    settings: SettingsT | None
    since: array[int]
    until: array[int]
    window: tuple[int, int]


def _load(root: Path, context: bytes) -> _Stored | None:
    stored = load_cached(root, CACHE_FILE, context, codec="marshal")
    if not isinstance(stored, dict):
        return None
    listed, sigs, order = stored.get("listed"), stored.get("sigs"), stored.get("order")
    files, body = stored.get("count"), stored.get("body")
    special, overrides = stored.get("special"), stored.get("overrides")
    valid, homes = stored.get("valid"), stored.get("homes")
    window = stored.get("window")
    since, until = array("i"), array("i")
    try:
        since.frombytes(stored.get("since"))  # type: ignore[arg-type]
        until.frombytes(stored.get("until"))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    if not (
        isinstance(listed, str)
        and isinstance(sigs, bytes)
        and isinstance(order, bytes)
        and isinstance(files, int)
        and isinstance(special, dict)
        and isinstance(overrides, dict)
        and isinstance(body, bytes)
        and isinstance(valid, int)
        and isinstance(homes, dict)
        and len(since) == len(until) == files
        and isinstance(window, tuple)
        and len(window) == 2
        and all(isinstance(end, int) for end in window)
    ):
        return None
    settings = stored.get("settings")
    valid_settings = isinstance(settings, tuple) and len(settings) == 2
    return _Stored(
        listed,
        sigs,
        order,
        files,
        special,
        overrides,
        body,
        valid,
        homes,
        stored.get("cross"),
        settings if valid_settings else None,
        since,
        until,
        window,
    )


def _body_context(context: bytes, body: bytes) -> bytes:
    """What the records file is kept under: the store's context and the token the store
    names it by (a records file of another store is never mixed in)."""
    return digest(context + b"\0" + body)


def _load_body(root: Path, context: bytes, stored: _Stored) -> tuple[str, tuple[bytes, ...]]:
    """The records file of ``stored``: the display paths of the files in the check's
    order, joined by NUL, and the record of each (``b""`` for a special one)."""
    body = load_cached(root, BODY_FILE, _body_context(context, stored.body), codec="marshal")
    if not (
        isinstance(body, tuple)
        and len(body) == 2
        and isinstance(body[0], str)
        and isinstance(body[1], tuple)
        and len(body[1]) == stored.files
        and stored.files == (body[0].count("\0") + 1 if body[0] else 0)
    ):
        raise _StoreIncomplete
    return body


class _StoreIncomplete(Exception):
    """The store names a records file that is not there (or not its own)."""


def _is_special(record: RecordT) -> bool:
    """Whether the check needs more of the record than its digest and entry."""
    return bool(record[1] or record[3] or record[4] or record[5])


def check_with_cache(
    root: Path,
    lang: str | None,
    today: dt.date,
    only: Sequence[Path] = (),
    *,
    use_cache: bool = True,
    stats: CacheStats | None = None,
    worker: Worker | None = None,
) -> tuple[CheckResult, int, str]:
    """``check_register`` on the register at ``root``, reusing the records of unchanged
    files; returns the result, the number of use-case files read and the language of the
    messages. Same verdict, problem for problem, as ``check_register(load_register(root,
    lang, only), today, only)``; configuration errors raise ``ConfigError`` the same way.
    ``worker``: a process started for this check that computes the records of a few changed
    files (``analysis/check_worker.py``); closed when no longer needed."""
    counts = stats if stats is not None else CacheStats()
    if use_cache:
        with paused_gc():
            checked = _check(
                root, lang, today, only, counts, None, require_store=False, worker=worker
            )
        if checked is not None:
            return checked
    if worker is not None:
        worker.close()
    counts.enabled = False
    from aiportfolio.analysis.check import check_register
    from aiportfolio.register.loader import load_register

    # As the cached loader does: the register's objects are built with the cyclic collector
    # paused, then kept out of its reach (it would walk them again and again: a sixth of
    # the check's time at 3,000 entries).
    with paused_gc():
        register = load_register(root, lang, only)
        spare_from_gc()
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
    ``require_store``, ``None`` unless the cache holds a check (under the same
    configuration and code) whose records all hold on that date. The last value says
    whether every valid entry came from ``known`` or from an unchanged file's record (no
    file the command read differently)."""
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
    worker: Worker | None = None,
) -> tuple[CheckResult, int, str] | None:
    """The cached check, or ``None`` when a rule is not classified (no cache then), or
    with ``require_store`` when the cache holds no check under this context."""
    try:
        return _check_once(root, lang, today, only, counts, loaded, require_store, True, worker)
    except _StoreIncomplete:  # its records file went away: as if there were no store
        for field in dataclasses.fields(counts):
            setattr(counts, field.name, field.default)
        return _check_once(root, lang, today, only, counts, loaded, require_store, False)


def _check_once(
    root: Path,
    lang: str | None,
    today: dt.date,
    only: Sequence[Path],
    counts: CacheStats,
    loaded: Callable[[], Mapping[tuple[str, str], UseCase | None]] | None,
    require_store: bool,
    use_store: bool,
    worker: Worker | None = None,
) -> tuple[CheckResult, int, str] | None:
    started = now_ns()
    folder = root / CACHE_DIR
    context, settings_kept = _context(root)
    stored = _load(root, context) if use_store else None
    if require_store and (stored is None or not stored.files):
        return None
    kept_settings = stored.settings if stored is not None else None
    configuration = _Configuration(root, lang)
    settings = kept_settings if settings_kept else None
    if settings is None:
        settings = configuration.settings()  # ConfigError: exit 2, as without the cache
    language, rules = settings
    enabled = {rid: None if sev is None else Severity(sev) for rid, sev in rules}
    if not cacheable(enabled):
        return None
    reader = reader_language_for(lang, language)
    listing = _listing(root, only)
    keys = listing.keys
    infos, sigs = listing.signatures()
    loads = marshal.loads
    listed = "\0".join(keys)

    # The store, aligned with the files listed now: when they are the same files (the
    # common case), their listing and signatures are each compared in one operation.
    at: Sequence[int | None]
    """The index in the store of each file listed now (``None``: a new file)."""
    old_sigs: Sequence[Signature | bool | None] = [None] * len(keys)
    """The signature recorded for each key."""
    gone: list[int] = []
    """Indices in the store of the files no longer listed."""
    same_names = stored is not None and stored.listed == listed
    if stored is not None and same_names:
        n = stored.files
        at = range(n)
        listing.use_order(stored.order)
        if stored.sigs == marshal.dumps(sigs, 2):
            old_sigs = sigs
        else:
            old_sigs = loads(stored.sigs)
            if len(old_sigs) != len(keys):  # not written by this code: start afresh
                stored, same_names, old_sigs = None, False, [None] * len(keys)

    @functools.cache
    def body() -> tuple[str, tuple[bytes, ...]]:
        assert stored is not None
        return _load_body(root, context, stored)

    if not same_names:
        n = len(listing.rels)
        at = [None] * n
        if stored is not None:  # files added, removed or renamed
            old_keys = stored.listed.split("\0") if stored.listed else []
            recorded = loads(stored.sigs)
            same_length = len(recorded) == len(old_keys)
            by_key = dict(zip(old_keys, recorded, strict=True)) if same_length else {}
            old_sigs = list(map(by_key.get, keys))
            names = body()[0]
            position = dict(zip(names.split("\0") if names else [], count()))
            at = [position.pop(rel, None) for rel in listing.rels]
            gone = list(position.values())

    def kept_bytes(j: int) -> bytes:
        """The record, as stored, of the store's file ``j`` (``b""`` for one of its
        special records)."""
        assert stored is not None
        found = stored.overrides.get(j)
        if found is not None:
            return found
        return body()[1][j]

    def kept_record(j: int | None) -> RecordT | None:
        """The record of the store's file ``j``."""
        if j is None or stored is None:
            return None
        found = stored.special.get(j)
        if found is not None:
            return found
        return cast("RecordT", loads(kept_bytes(j)))

    @functools.cache
    def local() -> tuple[LocalRule, ...]:
        return _local_rules(configuration.register, enabled)

    texts: dict[str, str] = {}
    """Texts at hand (files read whole); others are read when a problem must be located."""
    raws: dict[str, bytes] = {}
    parsed: dict[str, tuple[str, UseCase]] = {}
    """The use cases validated here, by display path with their text (for the loader)."""

    def _compute(file: _File, raw: bytes, file_digest: bytes) -> RecordT:
        from aiportfolio.register.yamlio import decode

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

    def _read(file: _File) -> bytes:
        with open(file.path, "rb") as handle:
            raw = handle.read()
        raws[file.rel] = raw
        return raw

    uncached = False
    """Whether a file is read as the loader reads it, not cached (a link, a folder...)."""

    pending: list[tuple[int, _File, bytes, bytes]] = []
    """The files whose record must be computed from their bytes (new, changed, citing
    evidence files that changed), with those bytes and their digest: computed together
    (``_compute_pending``), by the worker when there is one."""

    def _examine(
        i: int,
        file: _File,
        info: os.stat_result | None,
        kept: RecordT | None,
        kept_sig: Signature | bool | None,
    ) -> tuple[RecordT | None, Signature | None]:
        """The record and signature of a file not known unchanged by its signature alone
        (or citing evidence files); ``None`` for a record left to compute (``pending``)."""
        nonlocal uncached
        if info is None or not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FILE_BYTES:
            # Links, files given outside usecases/, folders, pipes, oversized files: read
            # (or refused) exactly as the loader does, and not cached.
            from aiportfolio.register.yamlio import read_text

            uncached = True
            text, issue = read_text(Path(file.path), root=root)
            if text is not None:
                texts[file.rel] = text
            usecase = _known(loaded, file.rel, text, counts)
            local_rules = local()
            return _record(
                file.rel, text, issue, b"", configuration.register, today, local_rules, usecase
            ), None
        sig: Signature | None = signature(info)
        record = kept
        reuse = kept is not None and kept_sig is not None and kept_sig == sig
        if not reuse:  # compare its content
            try:
                raw = _read(file)
            except OSError:  # not readable (permissions): reported as the loader reports it
                return _examine(i, file, None, kept, kept_sig)
            counts.read += 1
            file_digest = digest(raw)
            reuse = kept is not None and kept[0] == file_digest
            sig = settled_signature(info, started)
            if not reuse:
                pending.append((i, file, raw, file_digest))
                return None, sig
        assert record is not None
        if record[4] and not _evidence_unchanged(record, root):
            if file.rel not in raws:
                _read(file)
                sig = settled_signature(info, started)
            raw = raws[file.rel]
            pending.append((i, file, raw, digest(raw)))
            return None, sig
        counts.reused += 1
        return record, sig

    def _compute_pending() -> list[RecordT]:
        """The records of ``pending``, in its order: by the worker (``Worker``) when
        there is one and few are needed, else here. Both run ``_record`` on the same
        values, so they give the same records."""
        counts.computed += len(pending)
        if (
            worker is not None
            and loaded is None
            and stored is not None
            and len(pending) <= WORKER_BATCH
        ):
            found = worker.records(
                str(root),
                lang,
                today.toordinal(),
                rules,
                [(file.rel, raw, file_digest) for _, file, raw, file_digest in pending],
            )
            if found is not None and len(found) == len(pending):
                counts.by_worker = len(found)
                return cast("list[RecordT]", found)
        if worker is not None:
            worker.close()
        return [_compute(file, raw, file_digest) for _, file, raw, file_digest in pending]

    # The records needed: those of the files to examine (changed, new, citing evidence
    # files) and those with something to report; the others are not even decoded.
    special: dict[int, RecordT] = {}
    if stored is not None:
        if same_names:
            special = dict(stored.special)
        else:
            now_at = {j: i for i, j in enumerate(at) if j is not None}
            special = {now_at[j]: r for j, r in stored.special.items() if j in now_at}
    examine: dict[int, int] = {}
    """The files to examine (their index in the check's order) with their key's index."""
    for k in compress(count(), map(operator.ne, sigs, old_sigs)):
        i = listing.index_of_key(k)
        if i is not None:
            examine[i] = k
    for i, record in special.items():
        if record[4] and i not in examine:
            examine[i] = listing.key_of_index(i)
    # The records whose window does not hold the check date: examined as changed files
    # (read and computed again). One comparison when the date lies inside every window.
    day = today.toordinal()
    expired: set[int] = set()
    if stored is not None and not stored.window[0] <= day < stored.window[1]:
        since, until = stored.since, stored.until
        for i, j in enumerate(at):
            if j is not None and not since[j] <= day < until[j]:
                expired.add(i)
                if i not in examine:
                    examine[i] = listing.key_of_index(i)
        if expired and require_store:
            return None  # the cache holds no check of that date for these
    counts.expired = len(expired)
    examined: dict[int, tuple[RecordT | None, Signature | None, RecordT | None]] = {}
    for i in sorted(examine):
        k = examine[i]
        kept = kept_record(at[i])
        kept_sig = old_sigs[k] if kept is not None else None
        reusable = None if i in expired else kept  # an expired record is computed again
        examined[i] = (*_examine(i, listing.file(i), infos[k], reusable, kept_sig), kept)
    if pending:
        for (i, _, _, _), computed in zip(pending, _compute_pending(), strict=True):
            examined[i] = (computed, examined[i][1], examined[i][2])
    if worker is not None:
        worker.close()  # not needed (any more): no longer takes a core
    changed: dict[int, tuple[RecordT, Signature | None, RecordT | None]] = {}
    for i, (maybe, sig, kept) in examined.items():
        assert maybe is not None
        changed[i] = (maybe, sig, kept)
        if _is_special(maybe):
            special[i] = maybe
        else:
            special.pop(i, None)
    counts.reused += n - len(changed)
    entries_same = same_names and not uncached
    """Whether every file gives the entry it gave last time, in the same order: what the
    cross-file rules read is then unchanged."""
    valid = stored.valid if stored is not None else 0
    for record, _, kept in changed.values():
        was_valid = kept is not None and kept[2] is not None
        valid += (record[2] is not None) - was_valid
        if entries_same and (kept is None or kept[2] != record[2]):
            entries_same = False
    for j in gone:
        gone_record = kept_record(j)
        valid -= gone_record is not None and gone_record[2] is not None

    def record_now(i: int) -> RecordT:
        if i in changed:
            return changed[i][0]
        found = special.get(i) or kept_record(at[i])
        assert found is not None  # unchanged files are recorded
        return found

    def record_bytes(i: int) -> bytes:
        """The record of file ``i`` as the records file keeps it."""
        j = at[i]
        if i in changed:
            record, _, kept = changed[i]
            if record is not kept or j is None:
                return marshal.dumps(record)
        raw = kept_bytes(j) if j is not None else b""
        return raw or marshal.dumps(record_now(i))

    @functools.cache
    def every_record() -> list[RecordT]:
        """Every file's record (when what the cross-file rules read changed)."""
        return [record_now(i) for i in range(n)]

    if entries_same and stored is not None:
        homes = stored.homes
    else:
        first: dict[str, str] = {}
        homes = {}
        for rel, record in zip(listing.rels, every_record(), strict=True):
            if record[2] is not None:
                home = first.setdefault(record[2][0], rel)
                if home != rel:
                    homes[rel] = home

    def text_of(rel: str, path: str) -> str | None:
        if rel not in texts:
            raw = raws.get(rel)
            if raw is None:
                try:
                    with open(path, "rb") as handle:
                        raw = handle.read()
                except OSError:
                    return None
            try:  # as yamlio.decode reads it, without importing the YAML parser
                texts[rel] = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                return None
        return texts[rel]

    path_of: dict[str, str] = {}

    def locate(found: list[Problem]) -> list[Problem]:
        if not found:
            return []
        from aiportfolio.register.loader import locate_problems

        if not path_of:
            path_of.update((rel, listing.file(i).path) for i, rel in enumerate(listing.rels))
        for p in found:
            if not p.line and p.path in path_of:
                text_of(p.path, path_of[p.path])
        return locate_problems(found, texts)

    loader_problems: list[Problem] = []
    problems: list[Problem] = []
    moved: list[Problem] = []
    with_directive: list[int] = []
    for i in sorted(special):
        record = special[i]
        if record[1]:
            loader_problems.extend(_problem(p) for p in record[1])
        if record[5]:
            with_directive.append(i)
        if record[2] is None or not record[3]:
            continue
        # The per-entry findings (all of enabled rules: the context covers the
        # configuration).
        rel = listing.rel(i)
        home = homes.get(rel, rel)
        for p, named in record[3]:
            if named:
                moved.append(_problem(p))
            elif home != rel:  # a duplicated id: reported on its first file
                moved.append(dataclasses.replace(_problem(p), path=home, line=0, column=0))
            else:
                problems.append(_problem(p))
    problems += locate(moved)

    # The rules across files, again only when what they read changed.
    old_cross: Any = stored.cross if stored is not None else None
    known_cross = isinstance(old_cross, tuple) and len(old_cross) == 2
    if known_cross and entries_same:
        cross_key = old_cross[0]
    else:
        cross_key = digest(
            marshal.dumps(
                tuple(
                    (rel, name, record[2])
                    for rel, name, record in zip(
                        listing.rels, listing.names, every_record(), strict=True
                    )
                    if record[2] is not None
                ),
                2,
            )
        )
    digest_now = {listing.rel(i): record[0] for i, (record, _, _) in changed.items()}
    """The content digest of each file examined (the others are as when last stored)."""
    relocated = False
    if known_cross and old_cross[0] == cross_key:
        counts.cross_reused = True
        cross_found = []
        again: list[tuple[Problem, bytes]] = []
        for p, line, column, file_digest in old_cross[1]:
            problem = _problem(p)
            if file_digest and digest_now.get(problem.path, file_digest) == file_digest:
                problems.append(problem.with_position(line, column))
                cross_found.append((p, line, column, file_digest))
            else:
                again.append((problem, digest_now.get(problem.path, b"")))
        if again:
            relocated = True
            found = locate([problem for problem, _ in again])
            problems += found
            cross_found += [
                (_to_tuple(before), after.line, after.column, file_digest)
                for (before, file_digest), after in zip(again, found, strict=True)
            ]
    else:
        from aiportfolio.rules.base import RuleContext
        from aiportfolio.rules.registry import RULES, statuses

        base = configuration.register
        known: dict[Path, str] = {}
        register = _known_paths_register(known, base)
        for i, record in enumerate(every_record()):
            path = Path(listing.file(i).path)
            register.files.append(path)
            known[path] = listing.rels[i]
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
        digest_of = dict(zip(listing.rels, (record[0] for record in every_record()), strict=True))
        cross_found = [
            (_to_tuple(before), after.line, after.column, digest_of.get(before.path, b""))
            for before, after in zip(unlocated, found, strict=True)
        ]

    # A file may switch a rule off for itself (rules/suppress.py), as in find_rule_problems.
    directive_texts = dict(texts)
    for i in with_directive:
        rel = listing.rel(i)
        if rel not in directive_texts:
            text = text_of(rel, listing.file(i).path)
            if text is not None:
                directive_texts[rel] = text
    if any("aip:" in text for text in directive_texts.values()):
        from aiportfolio.rules.ids import LOADER_RULES, RULE_IDS

        problems = apply_suppressions(
            problems, directive_texts, RULE_IDS, LOADER_RULES, report_unknown=True
        )
    problems = loader_problems + problems

    keep_settings = settings if settings_kept else None
    if (
        not same_names
        or any(rec is not kept or sig != old_sigs[i] for i, (rec, sig, kept) in changed.items())
        or not counts.cross_reused
        or relocated
        or keep_settings != kept_settings
    ):
        new_sigs: list[Signature | bool | None] = list(sigs)
        for i, (_, sig, _) in changed.items():
            new_sigs[examine[i]] = sig
        overrides: dict[int, bytes] = {}
        token = stored.body if stored is not None else b""
        if same_names and stored is not None:
            overrides = dict(stored.overrides)
            for i, (record, _, kept) in changed.items():
                if record is kept:
                    continue
                if i in special:
                    overrides.pop(i, None)
                else:
                    overrides[i] = marshal.dumps(record)
        if not same_names or stored is None or len(overrides) > MAX_OVERRIDES:
            # The records file written again, every record in it but the special ones.
            token = os.urandom(16)
            overrides = {}
            records = tuple(b"" if i in special else record_bytes(i) for i in range(n))
            save_cached(
                root,
                BODY_FILE,
                _body_context(context, token),
                ("\0".join(listing.rels), records),
                codec="marshal",
            )
        since = array("i", [NO_START]) * n
        until = array("i", [NO_END]) * n
        if stored is not None:
            if same_names:
                since, until = array("i", stored.since), array("i", stored.until)
            else:
                for i, j in enumerate(at):
                    if j is not None:
                        since[i], until[i] = stored.since[j], stored.until[j]
        for i, (record, _, _) in changed.items():
            since[i], until[i] = record[6], record[7]
        store: dict[str, Any] = {
            "listed": listed,
            "sigs": marshal.dumps(new_sigs, 2),
            "order": stored.order if same_names and stored is not None else listing.order_bytes(),
            "count": n,
            "special": special,
            "overrides": overrides,
            "body": token,
            "valid": valid,
            "homes": homes,
            "cross": (cross_key, tuple(cross_found)),
            "since": since.tobytes(),
            "until": until.tobytes(),
            "window": (max(since, default=NO_START), min(until, default=NO_END)),
        }
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

    def entry_of(i: int) -> EntryT | None:
        return record_now(i)[2]

    result = _result(sorted(problems), listing, n, valid, root, only, entry_of)
    return result, n, reader


def _display_path(path: Path, root: Path) -> str:
    """``loader.display_path`` without importing the loader (a test keeps both the same):
    the folder resolved, not the file (a link shows its own name)."""
    try:
        real = path.parent.resolve() / path.name
        return escaped(Path(os.path.relpath(real, root.resolve())).as_posix())
    except ValueError:  # pragma: no cover - other drive on Windows
        return path.as_posix()


def _result(
    problems: list[Problem],
    listing: _Listing,
    count: int,
    valid: int,
    root: Path,
    only: Collection[Path],
    entry_of: Callable[[int], EntryT | None],
) -> CheckResult:
    """The same filtering as ``check_register``."""
    if not only:
        return CheckResult(tuple(problems), count, valid)
    wanted = set()
    for path in only:
        index = listing.index_of_path(path)
        if index is None:
            wanted.add(_display_path(path, root))
        else:
            wanted.add(listing.rel(index))
    kept = tuple(p for p in problems if p.path in wanted)
    found = sum(
        1 for i, rel in enumerate(listing.rels) if rel in wanted and entry_of(i) is not None
    )
    return CheckResult(kept, len(wanted), found)
