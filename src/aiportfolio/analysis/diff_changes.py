"""How one use case changed between the two sides of ``aip diff``: the fields that differ
(named by what a reviewer knows them by), its moves, risk escalations, KPIs moving away
from their target, and the AI Act obligations it gains or loses.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

from aiportfolio.analysis.diff_result import (
    Change,
    Entry,
    FieldChange,
    KpiDrift,
    Move,
    ObligationChange,
)
from aiportfolio.domain.ai_act import ObligationCatalog, obligations_of, role_of
from aiportfolio.domain.scoring import ScoreResult
from aiportfolio.model.usecase import UseCase

_ORDERS: dict[str, tuple[str, ...]] = {
    "risk.level": ("low", "medium", "high"),
    "data.classification": ("green", "orange", "red"),
    "risk.ai_act_tier": ("unassessed", "minimal", "limited", "high", "prohibited"),
    "risk.personal_data": ("False", "True"),
    "risk.critical_decision": ("False", "True"),
}
"""Risk facts from least to most demanding; a move to the right is an escalation."""


def use_case_change(
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


def with_obligations(
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
