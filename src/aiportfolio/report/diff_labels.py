"""The wording of ``aip diff`` shared by its reports (the pull-request comment, the
terminal text, the JSON verdict): the verdict line, labels of changed values, before →
after cells, risk alerts, field names as a reviewer reads them. User text is shortened
and made inert by ``plain`` (terminal) or ``cell`` (Markdown)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from aiportfolio.analysis.balance import BalanceResult
from aiportfolio.analysis.diff import Change, DiffResult, FieldChange, WaveDelta
from aiportfolio.i18n import Translator
from aiportfolio.message import Message
from aiportfolio.problem import Problem
from aiportfolio.report.kit import numbers
from aiportfolio.report.kit.escape import md, md_cell, terminal, truncate
from aiportfolio.report.kit.labels import group_label


def side_label(label: str | Message, t: Translator) -> str:
    """A side of the comparison as the reader knows it: the revision, or "working tree"."""
    return label if isinstance(label, str) else label.text(t)


def note_params(note: Message, t: Translator) -> dict[str, object]:
    """A note's parameters with each message in them translated (the JSON report)."""
    return {k: v.text(t) if isinstance(v, Message) else v for k, v in note.params.items()}


CELL = 100
"""Characters of a user value shown in a table cell (the JSON report has everything)."""
VALUE = 60
"""Characters of a field value shown in "old -> new"."""


def signed_delta(value: float | None, t: Translator) -> str:
    if value is None or abs(value) < 0.005:
        return ""
    sign = "+" if value > 0 else "−"
    return sign + numbers.score(abs(value), t.lang)


def eur_delta(before: float, after: float, t: Translator) -> str:
    delta = after - before
    if abs(delta) < 0.5:
        return numbers.eur(after, t.lang)
    sign = "+" if delta > 0 else "−"
    lang = t.lang
    change = f"{numbers.eur(before, lang)} → {numbers.eur(after, lang)}"
    return f"{change} ({sign}{numbers.eur(abs(delta), lang)})"


def before_after(before: str, after: str) -> str:
    return after if before == after else f"{before} → {after}"


def score_cell(before: float | None, after: float | None, t: Translator) -> str:
    text = before_after(numbers.score(before, t.lang), numbers.score(after, t.lang))
    delta = signed_delta(after - before, t) if before is not None and after is not None else ""
    return f"{text} ({delta})" if delta else text


def rank_text(value: int | None, t: Translator) -> str:
    # A bare number: "#2" in a comment would link to issue 2.
    return t("label.none") if value is None else str(value)


def enum_label(kind: str, value: Any, t: Translator) -> str:
    """A translated label for enum-like values (category, status, risk...)."""
    if value is None:
        return t("label.none")
    key = {
        "category": "label.category.",
        "status": "label.status.",
        "risk.level": "label.risk.",
        "data.classification": "label.data.",
        "decision": "label.decision.",
        "risk.ai_act_tier": "diff.tier.",
    }.get(kind)
    if key is not None:
        return t(key + str(value))
    if kind == "wave":
        return t("diff.wave", id=value)
    if isinstance(value, bool):
        return t("diff.yes") if value else t("diff.no")
    return str(value)


def value_text(value: Any, t: Translator) -> str:
    """A field value as one short line of plain text."""
    if value is None:
        return t("label.none")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return numbers.value(value, t.lang)
    if isinstance(value, list):
        return "[" + ", ".join(value_text(v, t) for v in value) + "]"
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def plain(text: object, limit: int = CELL) -> str:
    """User text for a terminal: one line, no control characters, shortened."""
    s = str(text).replace("\r\n", " ").replace("\n", " ").replace("\r", " ")
    return truncate(terminal(s), limit)


def cell(text: object, limit: int = CELL) -> str:
    """User text for a Markdown table cell: shortened, then escaped."""
    return md_cell(truncate(str(text), limit))


def _verdict_counts(result: DiffResult, t: Translator) -> str:
    parts = []
    for key, count in (
        ("diff.count.added", len(result.added)),
        ("diff.count.removed", len(result.removed)),
        ("diff.count.renamed", len(result.renamed)),
        ("diff.count.changed", len(result.changed)),
    ):
        if count:
            parts.append(t.n(key, count))
    return ", ".join(parts) if parts else t("diff.count.none")


def verdict(result: DiffResult, t: Translator) -> str:
    """The one-line summary (also the text report's first line and stderr summary)."""
    counts = _verdict_counts(result, t)
    errors = t.n("diff.count.new_errors", result.new_errors)
    warnings = t.n("diff.count.new_warnings", result.new_warnings)
    if result.failed and not result.new_warnings:
        return t("diff.verdict.fail_errors", errors=errors, counts=counts)
    if result.failed:
        return t("diff.verdict.fail", errors=errors, warnings=warnings, counts=counts)
    if result.new_warnings:
        return t("diff.verdict.warn", warnings=warnings, counts=counts)
    text = t("diff.verdict.ok", counts=counts)
    if result.fixed_problems:
        text += t.n("diff.verdict.fixed", len(result.fixed_problems))
    return text


def risk_alerts(change: Change, t: Translator) -> list[tuple[str, str]]:
    """(kind key, plain description) for what a reviewer must not miss."""
    alerts: list[tuple[str, str]] = []
    for e in change.escalations:
        what = t("diff.field." + e.field)
        old, new = enum_label(e.field, e.old, t), enum_label(e.field, e.new, t)
        alerts.append(("diff.alert.escalation", f"{what}: {old} → {new}"))
    alerts += _obligation_alerts(change, t)
    if change.owner_removed:
        alerts.append(("diff.alert.owner_removed", t("diff.alert.owner_removed")))
    for name in change.kpis_removed:
        alerts.append(("diff.alert.kpi_removed", t("diff.alert.kpi_removed", name=name)))
    for drift in change.kpis_away:
        alerts.append(
            (
                "team.diff.kpi_away",
                t(
                    "team.diff.kpi_away",
                    name=drift.name,
                    before=numbers.value(drift.before, t.lang),
                    after=numbers.value(drift.after, t.lang),
                    target=numbers.value(drift.target, t.lang),
                ),
            )
        )
    for d in change.decisions_added:
        alerts.append(
            (
                "diff.alert.decision",
                t(
                    "diff.alert.decision",
                    decision=enum_label("decision", d.decision, t),
                    date=d.date.isoformat(),
                    by=d.by,
                ),
            )
        )
    return alerts


def _obligation_alerts(change: Change, t: Translator) -> list[tuple[str, str]]:
    """ "role deployer → provider: Art. 16, Art. 9 ... now apply" (and what no longer does)."""
    (old_role, old_tier), (new_role, new_tier) = change.ai_act
    causes = []
    if old_role != new_role:
        causes.append(
            t(
                "ai_act.diff.role",
                old=t(f"ai_act.role.{old_role}"),
                new=t(f"ai_act.role.{new_role}"),
            )
        )
    if old_tier != new_tier:
        causes.append(
            t("ai_act.diff.tier", old=t(f"diff.tier.{old_tier}"), new=t(f"diff.tier.{new_tier}"))
        )
    cause = ", ".join(causes) or t("ai_act.diff.classification")
    alerts = []
    for key, items in (
        ("ai_act.diff.added", change.obligations_added),
        ("ai_act.diff.removed", change.obligations_removed),
    ):
        if items:
            articles = list(dict.fromkeys(a for item in items for a in item.articles))
            alerts.append((key, t(key, cause=cause, articles=", ".join(articles))))
    return alerts


def moves_text(change: Change, t: Translator) -> str:
    return "; ".join(
        f"{t('diff.move.' + m.what)}: "
        f"{enum_label(m.what, m.old, t)} → {enum_label(m.what, m.new, t)}"
        for m in change.moves
    )


_MOVE_FIELDS = {"category": "category", "status": "status", "wave": "plan.wave"}
"""The field of each move: already shown on the move line, not repeated in the field list."""


def listed_fields(change: Change) -> list[FieldChange]:
    """The field changes to list, without those already said by a move, or by the one
    alert line of an added decision or a removed KPI."""
    said = {_MOVE_FIELDS[m.what] for m in change.moves if m.what in _MOVE_FIELDS}
    added = {("decision", f"{d.date.isoformat()} {d.decision}") for d in change.decisions_added}
    removed = {("kpi", name) for name in change.kpis_removed}
    return [
        f
        for f in change.fields
        if f.field not in said
        and not (f.context and f.old is None and f.context[0] in added)
        and not (f.context and f.new is None and f.context[0] in removed)
    ]


def field_label(change: FieldChange, t: Translator) -> str:
    """A field as a reviewer reads it: ``KPI "Délai de tri" › measurement of 2026-11-01 ›
    value`` rather than ``kpis[0].measurements[3].value``."""
    from aiportfolio.i18n import has

    parts = [t(f"team.diff.ctx.{kind}", name=name) for kind, name in change.context]
    leaf = change.leaf or change.field
    known = [k for k in (f"team.diff.field.{leaf}", f"diff.field.{leaf}") if has(k)]
    parts.append(t(known[0]) if known else leaf)
    return " › ".join(parts)


def problem_where(p: Problem) -> str:
    return f"{p.path}:{p.line}" if p.line else p.path


def balance_rows(
    before: BalanceResult,
    after: BalanceResult,
    t: Translator,
    escape: Callable[[object], str] = md,
) -> list[list[str]]:
    rows = []
    old = {g.group: g for g in before.groups}
    for g in after.groups:
        b = old.get(g.group)
        count_before = numbers.points(b.count_share, t.lang) if b else t("label.none")
        budget_before = numbers.points(b.budget_share, t.lang) if b else t("label.none")
        count = before_after(count_before, numbers.points(g.count_share, t.lang))
        budget = before_after(budget_before, numbers.points(g.budget_share, t.lang))
        rows.append(
            [
                escape(group_label(g.group, t)),
                numbers.points(g.target, t.lang),
                count + ("" if g.count_ok else " ⚠"),
                budget + ("" if g.budget_ok or after.total_budget == 0 else " ⚠"),
            ]
        )
    return rows


def wave_row(w: WaveDelta, t: Translator, markdown: bool) -> list[str]:
    name = f"{w.wave}" + (f" · {w.name}" if w.name else "")
    lang = t.lang
    budget = before_after(numbers.eur(w.before.budget, lang), numbers.eur(w.after.budget, lang))
    if w.budget_capacity is not None:
        budget += " / " + numbers.eur(w.budget_capacity, lang)
    effort = before_after(
        numbers.num(w.before.effort, lang, 1), numbers.num(w.after.effort, lang, 1)
    )
    if w.effort_capacity is not None:
        effort += " / " + numbers.num(w.effort_capacity, lang, 1)
    if w.over_after:
        effort += " ⚠ " + t("diff.over_capacity") if markdown else " ! " + t("diff.over_capacity")
    return [
        cell(name, 60) if markdown else plain(name, 60),
        before_after(str(w.before.count), str(w.after.count)),
        budget,
        effort,
    ]
