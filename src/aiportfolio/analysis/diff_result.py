"""What ``aip diff`` reports: the values of its result (entries as the report names them,
removals, renames, one use case's changes, wave loads) and ``DiffResult`` itself.

Pure data with a few derived properties; ``analysis/diff.py`` builds them and the
reporters in ``report/diff.py`` read them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aiportfolio.analysis.balance import BalanceResult
from aiportfolio.analysis.wave_demand import exceeds
from aiportfolio.message import Message
from aiportfolio.model.usecase import Decision
from aiportfolio.problem import Problem, Severity

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
    return exceeds(load.budget, wave.budget_capacity) or exceeds(load.effort, wave.effort_capacity)


@dataclass(frozen=True)
class DiffResult:
    base_label: str | Message
    """The revision as git names it, or ``diff.label.worktree`` (reporters translate)."""
    head_label: str | Message
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
