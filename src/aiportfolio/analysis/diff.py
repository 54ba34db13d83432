"""``aip diff``: what a change does to the portfolio, not only to one file.

Both sides are loaded from file contents (a git revision, or the working tree), checked
with the same rules as ``aip check``, scored, balanced and costed; the result lists use
cases added, removed, renamed and changed, the portfolio effects, and the problems that
are new in HEAD or fixed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from aiportfolio.analysis.balance import BalanceResult, compute_balance
from aiportfolio.analysis.check import CheckResult, check_register
from aiportfolio.analysis.tco import tco
from aiportfolio.domain.ai_act import ObligationCatalog, catalog_for, obligations_of, role_of
from aiportfolio.domain.scoring import ScoreResult, rank, score_use_case
from aiportfolio.errors import ConfigError
from aiportfolio.i18n import Translator
from aiportfolio.message import Message
from aiportfolio.model.portfolio import Policy
from aiportfolio.model.usecase import Decision, UseCase
from aiportfolio.problem import Problem, Severity
from aiportfolio.register.git import (
    RegisterFiles,
    Revision,
    default_base,
    open_repository,
    read_register_files,
    read_worktree_files,
    resolve_revision,
)
from aiportfolio.register.loader import (
    PORTFOLIO_FILE,
    WEIGHTS_FILE,
    Register,
    load_register_from_texts,
    peek_language_text,
)

TOP = 3
"""How many leading entries "top N before -> after" shows."""

_ORDERS: dict[str, tuple[str, ...]] = {
    "risk.level": ("low", "medium", "high"),
    "data.classification": ("green", "orange", "red"),
    "risk.ai_act_tier": ("unassessed", "minimal", "limited", "high", "prohibited"),
    "risk.personal_data": ("False", "True"),
    "risk.critical_decision": ("False", "True"),
}
"""Risk facts from least to most demanding; a move to the right is an escalation."""

Cache = dict[tuple[str, str], tuple[UseCase | None, list[Problem]]]


# --- result values -------------------------------------------------------------------------


Note = Message
"""Something the reader should know about how the comparison was made (``diff.note.*``)."""


@dataclass(frozen=True)
class Entry:
    """A use case as the report names it."""

    id: str
    title: str
    owner: str | None
    path: str
    category: str
    status: str
    wave: int | None
    total: float | None
    rank: int | None
    risk_level: str | None


@dataclass(frozen=True)
class Removal:
    entry: Entry
    file_still_there: bool
    """The file is still in HEAD but no longer valid (see the new problems)."""


@dataclass(frozen=True)
class Rename:
    id: str
    title: str
    old_path: str
    new_path: str
    edited: bool


@dataclass(frozen=True)
class FieldChange:
    field: str
    """Dotted path of the field (``kpis[0].baseline``)."""
    old: Any
    """``None`` when the field was absent (or at its default)."""
    new: Any
    context: tuple[tuple[str, str], ...] = ()
    """What a reviewer needs to read the path: (kind, name) for each list item on it —
    ``(("kpi", "Délai de tri"), ("measurement", "2026-11-01"))`` for
    ``kpis[0].measurements[3].value``."""
    leaf: str = ""
    """The field's own name inside the last item (``value``), or its whole path."""


@dataclass(frozen=True)
class KpiDrift:
    """A KPI whose latest measurement moved away from its target."""

    name: str
    before: float
    after: float
    target: float


@dataclass(frozen=True)
class Move:
    what: str
    """``category``, ``status`` or ``wave``."""
    old: Any
    new: Any


@dataclass(frozen=True)
class ObligationChange:
    """An AI Act obligation that a change makes apply, or stop applying, to a use case."""

    id: str
    articles: tuple[str, ...]


@dataclass(frozen=True)
class Change:
    """A use case present on both sides whose content or score changed."""

    before: Entry
    after: Entry
    fields: tuple[FieldChange, ...]
    value: tuple[float | None, float | None]
    feasibility: tuple[float | None, float | None]
    moves: tuple[Move, ...]
    escalations: tuple[FieldChange, ...]
    owner_removed: bool
    kpis_removed: tuple[str, ...]
    decisions_added: tuple[Decision, ...]
    kpis_away: tuple[KpiDrift, ...] = ()
    """KPIs whose latest measurement is now farther from the target than before."""
    obligations_added: tuple[ObligationChange, ...] = ()
    obligations_removed: tuple[ObligationChange, ...] = ()
    ai_act: tuple[tuple[str, str], tuple[str, str]] = (("", ""), ("", ""))
    """(role, tier) before and after: what the obligation changes follow from."""

    @property
    def id(self) -> str:
        return self.after.id

    @property
    def total_delta(self) -> float | None:
        if self.before.total is None or self.after.total is None:
            return None
        return self.after.total - self.before.total


@dataclass(frozen=True)
class WaveLoad:
    """What one wave holds on one side: active entries planned in it."""

    count: int
    budget: float
    """One-off costs of its entries (the wave's budget is a one-off budget)."""
    effort: float
    """Person-weeks of its entries."""


@dataclass(frozen=True)
class WaveDelta:
    wave: int
    name: str | None
    before: WaveLoad
    after: WaveLoad
    budget_capacity: float | None
    effort_capacity: float | None

    @property
    def changed(self) -> bool:
        return self.before != self.after

    @property
    def over_before(self) -> bool:
        return _over(self.before, self)

    @property
    def over_after(self) -> bool:
        return _over(self.after, self)


def _over(load: WaveLoad, wave: WaveDelta) -> bool:
    return (wave.budget_capacity is not None and load.budget > wave.budget_capacity + 1e-6) or (
        wave.effort_capacity is not None and load.effort > wave.effort_capacity + 1e-6
    )


@dataclass(frozen=True)
class DiffResult:
    base_label: str
    head_label: str
    base_existed: bool
    notes: tuple[Note, ...]
    added: tuple[Entry, ...]
    removed: tuple[Removal, ...]
    renamed: tuple[Rename, ...]
    changed: tuple[Change, ...]
    balance_before: BalanceResult
    balance_after: BalanceResult
    tco_before: float
    tco_after: float
    waves: tuple[WaveDelta, ...]
    top_before: tuple[Entry, ...]
    top_after: tuple[Entry, ...]
    new_problems: tuple[Problem, ...]
    fixed_problems: tuple[Problem, ...]
    usecases_before: int
    usecases_after: int
    lang: str
    """The language the problems were written in (HEAD's, or ``--lang``)."""

    @property
    def new_errors(self) -> int:
        return sum(1 for p in self.new_problems if p.severity is Severity.ERROR)

    @property
    def new_warnings(self) -> int:
        return sum(1 for p in self.new_problems if p.severity is Severity.WARNING)

    @property
    def failed(self) -> bool:
        """The change introduces error-level problems: ``aip diff`` exits 1."""
        return self.new_errors > 0

    @property
    def register_changed(self) -> bool:
        return bool(self.added or self.removed or self.renamed or self.changed)

    @property
    def portfolio_changed(self) -> bool:
        return (
            self.balance_before != self.balance_after
            or self.tco_before != self.tco_after
            or any(w.changed for w in self.waves)
            or [e.id for e in self.top_before] != [e.id for e in self.top_after]
        )


# --- one side ------------------------------------------------------------------------------


@dataclass
class Side:
    """One side of the comparison, loaded and checked."""

    label: str
    files: RegisterFiles
    register: Register
    check: CheckResult
    worktree: bool
    config_problems: list[Problem] = field(default_factory=list)
    """Configuration problems; the side then uses the defaults so the diff still runs."""

    def text(self, rel: str) -> str:
        raw = self.files.files.get(rel)
        return raw.decode("utf-8-sig", "replace") if raw is not None else ""

    @property
    def problems(self) -> list[Problem]:
        return [*self.config_problems, *self.check.problems]


def load_side(
    label: str,
    files: RegisterFiles,
    root: Path,
    lang: str | None,
    today: dt.date,
    *,
    worktree: bool,
    cache: Cache,
) -> Side:
    """Load and check one side. Configuration errors do not stop the comparison: they
    become problems of that side and the defaults apply."""
    config_problems: list[Problem] = []
    try:
        register = load_register_from_texts(
            root, files.files, lang, oversized=files.oversized, cache=cache
        )
    except ConfigError as exc:
        config_problems.extend(exc.problems)
        bad = {p.path for p in exc.problems} or set(_config_paths())
        # Same language as the first attempt (the config's own `language:` when it can be
        # read), so the two sides' problems compare equal when they are the same.
        peeked = peek_language_text(files.files.get(PORTFOLIO_FILE.as_posix()))
        register = load_register_from_texts(
            root,
            {k: v for k, v in files.files.items() if k not in bad},
            lang or peeked or "en",
            oversized={k: v for k, v in files.oversized.items() if k not in bad},
            cache=cache,
        )
    try:
        check = check_register(register, today)
    except ConfigError as exc:  # unknown rule ids in policy.rules
        config_problems.extend(exc.problems)
        register.config = register.config.model_copy(update={"policy": Policy()})
        check = check_register(register, today)
    return Side(label, files, register, check, worktree, config_problems)


def _config_paths() -> tuple[str, str]:
    return WEIGHTS_FILE.as_posix(), PORTFOLIO_FILE.as_posix()


def compare_revisions(
    root: Path,
    base: str | None,
    head: str | None,
    lang: str | None,
    today: dt.date,
    t: Translator,
) -> DiffResult:
    """Compare the register at ``base`` (default: the merge base with the default branch)
    with ``head`` (default: the working tree)."""
    repo = open_repository(root, t)
    base_rev = resolve_revision(repo, base, t) if base is not None else default_base(repo, t)
    head_rev: Revision | None = resolve_revision(repo, head, t) if head is not None else None
    cache: Cache = {}
    if head_rev is None:
        head_files = read_worktree_files(root)
        head_side = load_side(
            t("diff.label.worktree"), head_files, root, lang, today, worktree=True, cache=cache
        )
    else:
        head_files = read_register_files(repo, head_rev)
        head_side = load_side(
            _label(head_rev),
            head_files,
            _virtual_root(root, head_rev),
            lang,
            today,
            worktree=False,
            cache=cache,
        )
    base_files = read_register_files(repo, base_rev)
    base_side = load_side(
        _label(base_rev),
        base_files,
        _virtual_root(root, base_rev),
        head_side.register.lang,
        today,
        worktree=False,
        cache=cache,
    )
    return diff_sides(base_side, head_side)


def _label(rev: Revision) -> str:
    return rev.name if rev.name.startswith(rev.short) else f"{rev.name} ({rev.short})"


def _virtual_root(root: Path, rev: Revision) -> Path:
    """A path that does not exist: the register at a revision is never read from disk, and
    its paths still display relative to the register root."""
    return root / f".aip-{rev.commit}"


# --- comparison ----------------------------------------------------------------------------


def diff_sides(base: Side, head: Side) -> DiffResult:
    b_reg, h_reg = base.register, head.register
    b_scores = _scores(b_reg)
    h_scores = _scores(h_reg)
    b_ranks = _ranks(b_reg, b_scores)
    h_ranks = _ranks(h_reg, h_scores)
    b_by_id = _first_by_id(b_reg)
    h_by_id = _first_by_id(h_reg)
    b_entries = {i: _entry(b_reg, uc, b_scores, b_ranks) for i, uc in b_by_id.items()}
    h_entries = {i: _entry(h_reg, uc, h_scores, h_ranks) for i, uc in h_by_id.items()}
    h_files = {_rel(h_reg, p) for p in h_reg.files}
    catalogs = (catalog_for(b_reg.config), catalog_for(h_reg.config))

    added = tuple(h_entries[i] for i in h_by_id if i not in b_by_id)
    removed = tuple(
        Removal(b_entries[i], b_entries[i].path in h_files) for i in b_by_id if i not in h_by_id
    )
    renamed: list[Rename] = []
    changed: list[Change] = []
    for uid, new in h_by_id.items():
        old = b_by_id.get(uid)
        if old is None:
            continue
        before, after = b_entries[uid], h_entries[uid]
        edited = old is not new and old != new
        if before.path != after.path:
            renamed.append(Rename(uid, new.title, before.path, after.path, edited))
        if edited or before.total != after.total:
            change = _change(old, new, before, after, b_scores[uid], h_scores[uid])
            changed.append(_with_obligations(change, old, new, catalogs))

    new_problems, fixed_problems = _problem_delta(base, head)
    return DiffResult(
        base_label=base.label,
        head_label=head.label,
        base_existed=base.files.exists,
        notes=tuple(_notes(base, head)),
        added=added,
        removed=removed,
        renamed=tuple(renamed),
        changed=tuple(changed),
        balance_before=compute_balance(b_reg.usecases, b_reg.config.balance),
        balance_after=compute_balance(h_reg.usecases, h_reg.config.balance),
        tco_before=_tco(b_reg),
        tco_after=_tco(h_reg),
        waves=tuple(_waves(b_reg, h_reg)),
        top_before=tuple(_top(b_entries, b_ranks)),
        top_after=tuple(_top(h_entries, h_ranks)),
        new_problems=tuple(new_problems),
        fixed_problems=tuple(fixed_problems),
        usecases_before=len(b_reg.active),
        usecases_after=len(h_reg.active),
        lang=h_reg.lang,
    )


def _rel(register: Register, path: Path) -> str:
    """The path as problems show it. Paths built under the root need no ``resolve()``
    (thousands of system calls on a large register)."""
    try:
        return path.relative_to(register.root).as_posix()
    except ValueError:
        return register.relpath(path)


def _first_by_id(register: Register) -> dict[str, UseCase]:
    found: dict[str, UseCase] = {}
    for uc in register.usecases:
        found.setdefault(uc.id, uc)
    return found


def _scores(register: Register) -> dict[str, ScoreResult]:
    scoring = register.config.scoring
    return {
        uc.id: score_use_case(uc, register.grid, scoring)
        for uc in reversed(register.usecases)  # the first file wins for duplicated ids
    }


def _ranks(register: Register, scores: dict[str, ScoreResult]) -> dict[str, int]:
    """Places of the active entries, from the scores already computed (no rescoring)."""
    active = [scores[uid] for uid, uc in _first_by_id(register).items() if uc.active]
    return {r.id: i for i, r in enumerate(rank(active), start=1)}


def _entry(
    register: Register, uc: UseCase, scores: dict[str, ScoreResult], ranks: dict[str, int]
) -> Entry:
    return Entry(
        id=uc.id,
        title=uc.title,
        owner=uc.owner.name if uc.owner else None,
        path=_rel(register, register.sources[uc.id]),
        category=uc.category,
        status=uc.status,
        wave=uc.plan.wave,
        total=scores[uc.id].total,
        rank=ranks.get(uc.id),
        risk_level=uc.risk.level,
    )


def _change(
    old: UseCase,
    new: UseCase,
    before: Entry,
    after: Entry,
    old_score: ScoreResult,
    new_score: ScoreResult,
) -> Change:
    fields = tuple(field_changes(old, new)) if old != new else ()
    moves = tuple(
        Move(what, a, b)
        for what, a, b in (
            ("category", old.category, new.category),
            ("status", old.status, new.status),
            ("wave", old.plan.wave, new.plan.wave),
        )
        if a != b
    )
    old_kpis = [k.name for k in old.kpis]
    new_kpis = {k.name for k in new.kpis}
    old_decisions = set(old.decisions)
    return Change(
        before=before,
        after=after,
        fields=fields,
        value=(old_score.value, new_score.value),
        feasibility=(old_score.feasibility, new_score.feasibility),
        moves=moves,
        escalations=tuple(escalations(old, new)),
        owner_removed=old.owner is not None and new.owner is None,
        kpis_removed=tuple(name for name in old_kpis if name not in new_kpis),
        decisions_added=tuple(d for d in new.decisions if d not in old_decisions),
        kpis_away=tuple(kpis_moving_away(old, new)),
    )


def kpis_moving_away(old: UseCase, new: UseCase) -> Iterator[KpiDrift]:
    """KPIs (matched by name) with a target whose latest measurement changed and is now
    farther from the target than the previous latest one."""
    before = {k.name: k for k in old.kpis}
    for kpi in new.kpis:
        previous = before.get(kpi.name)
        if kpi.target is None or previous is None:
            continue
        if not kpi.measurements or not previous.measurements:
            continue
        was, now = previous.measurements[-1], kpi.measurements[-1]
        if now == was:
            continue
        if abs(now.value - kpi.target) > abs(was.value - kpi.target):
            yield KpiDrift(kpi.name, was.value, now.value, kpi.target)


def _with_obligations(
    change: Change,
    old: UseCase,
    new: UseCase,
    catalogs: tuple[ObligationCatalog, ObligationCatalog],
) -> Change:
    """``change`` with the AI Act obligations that apply after and not before, and back."""
    if old.risk == new.risk and old.ai_act == new.ai_act and catalogs[0] is catalogs[1]:
        return change
    before = {a.obligation.id: a.obligation for a in obligations_of(old, catalogs[0])}
    after = {a.obligation.id: a.obligation for a in obligations_of(new, catalogs[1])}
    added = tuple(
        ObligationChange(i, tuple(o.articles)) for i, o in after.items() if i not in before
    )
    removed = tuple(
        ObligationChange(i, tuple(o.articles)) for i, o in before.items() if i not in after
    )
    if not added and not removed:
        return change
    return replace(
        change,
        obligations_added=added,
        obligations_removed=removed,
        ai_act=((role_of(old), old.risk.ai_act_tier), (role_of(new), new.risk.ai_act_tier)),
    )


def flatten(value: Any, prefix: str = "") -> Iterator[tuple[str, Any]]:
    """Leaves of a dumped model as (dotted path, value); lists of plain values are leaves."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from flatten(item, f"{prefix}.{key}" if prefix else str(key))
    elif isinstance(value, list) and any(isinstance(v, dict | list) for v in value):
        for index, item in enumerate(value):
            yield from flatten(item, f"{prefix}[{index}]")
    else:
        yield prefix, value


def field_changes(old: UseCase, new: UseCase) -> Iterator[FieldChange]:
    """Every leaf field whose value differs, in the order of the new file then the old."""
    before = dict(flatten(old.model_dump(mode="json", exclude_defaults=True)))
    after = dict(flatten(new.model_dump(mode="json", exclude_defaults=True)))
    for key in [*after, *(k for k in before if k not in after)]:
        if before.get(key) != after.get(key):
            context, leaf = field_context(key, old, new)
            yield FieldChange(key, before.get(key), after.get(key), context, leaf)


_ITEM = re.compile(r"^([a-z_]+(?:\.[a-z_]+)*)\[(\d+)\]\.?")
_NAMED_LISTS: dict[str, tuple[str, Callable[[Any], str]]] = {
    "kpis": ("kpi", lambda item: item.name),
    "measurements": ("measurement", lambda item: item.date.isoformat()),
    "decisions": ("decision", lambda item: f"{item.date.isoformat()} {item.decision}"),
    "ratings": ("rating", lambda item: item.by),
    "costs.one_off": ("one_off", lambda item: item.label or item.family),
    "costs.monthly": ("monthly", lambda item: item.label or item.family),
}


def _unnamed(item: Any) -> str:  # pragma: no cover - a marker, never called
    return str(item)


def field_context(path: str, old: UseCase, new: UseCase) -> tuple[tuple[tuple[str, str], ...], str]:
    """(context, leaf) of a flattened path: each list item on the path named by what a
    reader knows it by (a KPI's name, a measurement's date, a cost line's label)."""
    context: list[tuple[str, str]] = []
    items: list[Any] = [new, old]
    rest = path
    while True:
        match = _ITEM.match(rest)
        if match is None:
            break
        name, index = match.group(1), int(match.group(2))
        kind, namer = _NAMED_LISTS.get(name, (name, _unnamed))
        found = []
        for parent in items:
            value: Any = parent
            for part in name.split("."):
                value = getattr(value, part, None)
            if isinstance(value, list) and index < len(value):
                found.append(value[index])
        if namer is _unnamed or not found:
            return (), path
        context.append((kind, str(namer(found[0]))))
        items = found
        rest = rest[match.end() :]
    return tuple(context), rest or path


def escalations(old: UseCase, new: UseCase) -> Iterator[FieldChange]:
    """Risk facts that became more demanding (risk level, data class, AI Act tier,
    personal data, critical decision)."""
    pairs = {
        "risk.level": (old.risk.level, new.risk.level),
        "data.classification": (old.data.classification, new.data.classification),
        "risk.ai_act_tier": (old.risk.ai_act_tier, new.risk.ai_act_tier),
        "risk.personal_data": (old.risk.personal_data, new.risk.personal_data),
        "risk.critical_decision": (old.risk.critical_decision, new.risk.critical_decision),
    }
    for key, (a, b) in pairs.items():
        order = _ORDERS[key]
        rank_a = order.index(str(a)) if a is not None else -1
        rank_b = order.index(str(b)) if b is not None else -1
        if rank_b > rank_a and not (key == "risk.ai_act_tier" and b == "minimal"):
            yield FieldChange(key, a, b)


def _tco(register: Register) -> float:
    return sum(tco(uc).total for uc in _first_by_id(register).values() if uc.active)


def _wave_loads(register: Register) -> dict[int, WaveLoad]:
    sums: dict[int, list[float]] = {}
    for uc in _first_by_id(register).values():
        if not uc.active or uc.plan.wave is None:
            continue
        acc = sums.setdefault(uc.plan.wave, [0, 0.0, 0.0])
        acc[0] += 1
        acc[1] += sum(line.amount_eur for line in uc.costs.one_off)
        acc[2] += uc.plan.effort_weeks or 0.0
    return {w: WaveLoad(int(c), b, e) for w, (c, b, e) in sums.items()}


def _waves(base: Register, head: Register) -> Iterator[WaveDelta]:
    before, after = _wave_loads(base), _wave_loads(head)
    empty = WaveLoad(0, 0.0, 0.0)
    ids = sorted({*before, *after, *(w.id for w in head.config.waves)})
    for wave_id in ids:
        config = head.config.wave(wave_id) or base.config.wave(wave_id)
        yield WaveDelta(
            wave=wave_id,
            name=config.name if config else None,
            before=before.get(wave_id, empty),
            after=after.get(wave_id, empty),
            budget_capacity=config.capacity.budget_eur if config else None,
            effort_capacity=config.capacity.person_weeks if config else None,
        )


def _top(entries: dict[str, Entry], ranks: dict[str, int]) -> Iterator[Entry]:
    for uid, _ in sorted(ranks.items(), key=lambda item: item[1])[:TOP]:
        yield entries[uid]


# --- problems ------------------------------------------------------------------------------


def _problem_key(path_ids: dict[str, str], p: Problem) -> tuple[str, str, str]:
    """Problems are compared without their line: moving text is not fixing it. A problem
    about a use case is keyed by its id, so a rename is not "new + fixed"."""
    return (path_ids.get(p.path, p.path), p.rule, p.message)


def _path_ids(register: Register) -> dict[str, str]:
    return {
        _rel(register, path): uc.id
        for uc, path in zip(register.usecases, register.usecase_paths, strict=True)
    }


def _delta(
    mine: Side, theirs: Side, mine_ids: dict[str, str], their_ids: dict[str, str]
) -> list[Problem]:
    remaining = Counter(_problem_key(their_ids, p) for p in theirs.problems)
    found: list[Problem] = []
    for p in mine.problems:
        key = _problem_key(mine_ids, p)
        if remaining[key] > 0:
            remaining[key] -= 1
        else:
            found.append(p)
    return found


def _problem_delta(base: Side, head: Side) -> tuple[list[Problem], list[Problem]]:
    b_ids, h_ids = _path_ids(base.register), _path_ids(head.register)
    # Both registers keep the texts they were read from (disk or git revision), so rules
    # have already located their findings in the right version of each file.
    new = _delta(head, base, h_ids, b_ids)
    fixed = _delta(base, head, b_ids, h_ids)
    return sorted(new), sorted(fixed)


# --- notes ---------------------------------------------------------------------------------


def _notes(base: Side, head: Side) -> Iterator[Note]:
    if not base.files.exists:
        yield Note("diff.note.first", {"base": base.label})
        return
    for rel in _config_paths():
        in_base, in_head = rel in base.files.files, rel in head.files.files
        if in_base and not in_head:
            yield Note("diff.note.config_deleted", {"path": rel})
        elif in_head and not in_base:
            yield Note("diff.note.config_added", {"path": rel})
        elif in_base and base.files.files[rel] != head.files.files[rel]:
            yield Note("diff.note.config_changed", {"path": rel})
    for side, which in ((base, "base"), (head, "head")):
        if side.config_problems:
            paths = sorted({p.path for p in side.config_problems})
            yield Note(f"diff.note.config_invalid_{which}", {"path": ", ".join(paths)})
        for rel in side.files.skipped:
            yield Note("diff.note.skipped", {"path": rel, "side": side.label})
