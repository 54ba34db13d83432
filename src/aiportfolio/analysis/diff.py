"""``aip diff``: what a change does to the portfolio, not only to one file.

Both sides are loaded from file contents (a git revision, or the working tree), checked
with the same rules as ``aip check``, scored, balanced and costed; the result lists use
cases added, removed, renamed and changed, the portfolio effects, and the problems that
are new in HEAD or fixed.

The result values live in ``diff_result.py`` and one use case's changes (fields, moves,
escalations, KPI drift, obligations) in ``diff_changes.py``; this module loads and checks
both sides and compares the portfolios. It re-exports the names its callers use.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from aiportfolio.analysis.balance import compute_balance
from aiportfolio.analysis.check import CheckResult, check_register
from aiportfolio.analysis.diff_changes import (
    field_changes,
    flatten,
    kpis_moving_away,
    use_case_change,
    with_obligations,
)
from aiportfolio.analysis.diff_result import (
    Change,
    DiffResult,
    Entry,
    FieldChange,
    Note,
    Removal,
    Rename,
    WaveDelta,
    WaveLoad,
)
from aiportfolio.analysis.tco import tco
from aiportfolio.analysis.wave_demand import wave_demand
from aiportfolio.domain.ai_act import catalog_for
from aiportfolio.domain.scoring import ScoreResult, rank, score_use_case
from aiportfolio.errors import ConfigError
from aiportfolio.message import Message
from aiportfolio.model.portfolio import Policy
from aiportfolio.model.usecase import UseCase
from aiportfolio.problem import Problem
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

__all__ = [
    "TOP",
    "Change",
    "DiffResult",
    "Entry",
    "FieldChange",
    "Side",
    "WaveDelta",
    "compare_revisions",
    "diff_sides",
    "field_changes",
    "flatten",
    "kpis_moving_away",
    "load_side",
]

TOP = 3
"""How many leading entries "top N before -> after" shows."""

Cache = dict[tuple[str, str], tuple[UseCase | None, list[Problem]]]


# --- one side ------------------------------------------------------------------------------


@dataclass
class Side:
    """One side of the comparison, loaded and checked."""

    label: str | Message
    """The revision as git names it, or ``diff.label.worktree``."""
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
    label: str | Message,
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
            root,
            files.files,
            lang,
            oversized=files.oversized,
            unreadable=files.unreadable,
            cache=cache,
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
            unreadable={k: v for k, v in files.unreadable.items() if k not in bad},
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
) -> DiffResult:
    """Compare the register at ``base`` (default: the merge base with the default branch)
    with ``head`` (default: the working tree)."""
    repo = open_repository(root)
    base_rev = resolve_revision(repo, base) if base is not None else default_base(repo)
    head_rev: Revision | None = resolve_revision(repo, head) if head is not None else None
    cache: Cache = {}
    if head_rev is None:
        head_files = read_worktree_files(root)
        head_side = load_side(
            Message("diff.label.worktree"),
            head_files,
            root,
            lang,
            today,
            worktree=True,
            cache=cache,
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
            change = use_case_change(old, new, before, after, b_scores[uid], h_scores[uid])
            changed.append(with_obligations(change, old, new, catalogs))

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


def _tco(register: Register) -> float:
    return sum(tco(uc).total for uc in _first_by_id(register).values() if uc.active)


def _wave_loads(register: Register) -> dict[int, WaveLoad]:
    members: dict[int, list[UseCase]] = {}
    for uc in _first_by_id(register).values():
        if uc.active and uc.plan.wave is not None:
            members.setdefault(uc.plan.wave, []).append(uc)
    demands = {w: wave_demand(ucs) for w, ucs in members.items()}
    return {w: WaveLoad(d.count, d.budget, d.effort) for w, d in demands.items()}


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


def _problem_key(path_ids: dict[str, str], p: Problem) -> tuple[object, ...]:
    """Problems are compared without their line: moving text is not fixing it. A problem
    about a use case is keyed by its id, so a rename is not "new + fixed". What it says is
    compared by its message key and parameters, whatever the language of either side."""
    return (path_ids.get(p.path, p.path), p.rule, p.message.identity)


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
