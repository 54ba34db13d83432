"""Reporters of ``aip diff``: ``md`` (a pull-request comment), ``text`` (terminal), ``json``.

The Markdown is posted where anyone can read it, from files anyone can edit in a pull
request: every user value goes through ``escape.md``/``md_cell`` (Markdown and HTML
inert, ``@mentions`` and ``#refs`` neutralised, one line), long values are shortened, and
the whole comment is kept under GitHub's 65,536-character limit by cutting at a row or
section boundary (never inside a table or a ``<details>`` block) with a pointer to the
full report.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from aiportfolio.analysis.balance import BalanceResult
from aiportfolio.analysis.diff import Change, DiffResult, Entry, FieldChange, WaveDelta
from aiportfolio.i18n import Translator
from aiportfolio.problem import Problem
from aiportfolio.report.kit import formats, numbers
from aiportfolio.report.kit.escape import md, md_cell, terminal, truncate
from aiportfolio.report.kit.labels import group_label
from aiportfolio.report.kit.problems import problem_json

MARKER = "<!-- aip:portfolio -->"
"""First line of the comment: a workflow finds and updates the same comment with it."""

COMMENT_LIMIT = 65_536
"""GitHub's limit for a comment body, in characters."""
COMMENT_BUDGET = 60_000
"""What the comment is built to fit in: a margin under the limit for multi-unit characters."""
STEP_SUMMARY_BUDGET = 300_000
"""``$GITHUB_STEP_SUMMARY`` accepts 1 MiB per step: characters of up to 3 UTF-8 bytes
(arrows, zero-width spaces) keep 300,000 characters under it."""
FOLD_AFTER = 8
"""Sections with more rows than this are folded in ``<details>``."""
CELL = 100
"""Characters of a user value shown in a table cell (the JSON report has everything)."""
VALUE = 60
"""Characters of a field value shown in "old -> new"."""


# --- shared helpers ------------------------------------------------------------------------


def _signed(value: float | None, t: Translator) -> str:
    if value is None or abs(value) < 0.005:
        return ""
    sign = "+" if value > 0 else "−"
    return sign + numbers.score(abs(value), t.lang)


def _eur_delta(before: float, after: float, t: Translator) -> str:
    delta = after - before
    if abs(delta) < 0.5:
        return numbers.eur(after, t.lang)
    sign = "+" if delta > 0 else "−"
    lang = t.lang
    change = f"{numbers.eur(before, lang)} → {numbers.eur(after, lang)}"
    return f"{change} ({sign}{numbers.eur(abs(delta), lang)})"


def _before_after(before: str, after: str) -> str:
    return after if before == after else f"{before} → {after}"


def _score_cell(before: float | None, after: float | None, t: Translator) -> str:
    text = _before_after(numbers.score(before, t.lang), numbers.score(after, t.lang))
    delta = _signed(after - before, t) if before is not None and after is not None else ""
    return f"{text} ({delta})" if delta else text


def _rank(value: int | None, t: Translator) -> str:
    # A bare number: "#2" in a comment would link to issue 2.
    return t("label.none") if value is None else str(value)


def _label(kind: str, value: Any, t: Translator) -> str:
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


def _value(value: Any, t: Translator) -> str:
    """A field value as one short line of plain text."""
    if value is None:
        return t("label.none")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return numbers.value(value, t.lang)
    if isinstance(value, list):
        return "[" + ", ".join(_value(v, t) for v in value) + "]"
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
            parts.append(t(key, count=count))
    return ", ".join(parts) if parts else t("diff.count.none")


def verdict(result: DiffResult, t: Translator) -> str:
    """The one-line summary (also the text report's first line and stderr summary)."""
    counts = _verdict_counts(result, t)
    if result.failed and not result.new_warnings:
        return t("diff.verdict.fail_errors", errors=result.new_errors, counts=counts)
    if result.failed:
        return t(
            "diff.verdict.fail",
            errors=result.new_errors,
            warnings=result.new_warnings,
            counts=counts,
        )
    if result.new_warnings:
        return t("diff.verdict.warn", warnings=result.new_warnings, counts=counts)
    text = t("diff.verdict.ok", counts=counts)
    if result.fixed_problems:
        text += t("diff.verdict.fixed", count=len(result.fixed_problems))
    return text


def _risk_alerts(change: Change, t: Translator) -> list[tuple[str, str]]:
    """(kind key, plain description) for what a reviewer must not miss."""
    alerts: list[tuple[str, str]] = []
    for e in change.escalations:
        what = t("diff.field." + e.field)
        old, new = _label(e.field, e.old, t), _label(e.field, e.new, t)
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
                    decision=_label("decision", d.decision, t),
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


def _moves(change: Change, t: Translator) -> str:
    return "; ".join(
        f"{t('diff.move.' + m.what)}: {_label(m.what, m.old, t)} → {_label(m.what, m.new, t)}"
        for m in change.moves
    )


_MOVE_FIELDS = {"category": "category", "status": "status", "wave": "plan.wave"}
"""The field of each move: already shown on the move line, not repeated in the field list."""


def _fields(change: Change) -> list[FieldChange]:
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
    from aiportfolio.i18n import catalog

    parts = [t(f"team.diff.ctx.{kind}", name=name) for kind, name in change.context]
    leaf = change.leaf or change.field
    known = [k for k in (f"team.diff.field.{leaf}", f"diff.field.{leaf}") if k in catalog()]
    parts.append(t(known[0]) if known else leaf)
    return " › ".join(parts)


def _problem_where(p: Problem) -> str:
    return f"{p.path}:{p.line}" if p.line else p.path


# --- Markdown ------------------------------------------------------------------------------


@dataclass
class Block:
    """A piece of the comment that can be cut between its rows, never inside them."""

    head: str
    rows: list[str] = field(default_factory=list)
    tail: str = ""
    priority: int = 0
    """When the comment must be cut, rows of lower numbers are kept first."""


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> tuple[str, list[str]]:
    head = "| " + " | ".join(header) + " |\n|" + "|".join("---" for _ in header) + "|\n"
    return head, ["| " + " | ".join(r) + " |\n" for r in rows]


def _section(
    title: str, header: Sequence[str], rows: Sequence[Sequence[str]], priority: int
) -> Block:
    """A titled table, folded in ``<details>`` when it is long."""
    head, lines = _table(header, rows)
    if len(rows) > FOLD_AFTER:
        return Block(
            f"<details><summary><b>{title}</b></summary>\n\n{head}",
            lines,
            "\n</details>\n\n",
            priority,
        )
    return Block(f"**{title}**\n\n{head}", lines, "\n", priority)


def _md_entries(entries: Sequence[Entry], t: Translator) -> list[Sequence[str]]:
    return [
        (
            cell(e.id),
            cell(e.title),
            cell(e.owner or t("label.none")),
            _label("category", e.category, t),
            _label("status", e.status, t),
            numbers.score(e.total, t.lang),
            _rank(e.rank, t),
        )
        for e in entries
    ]


def _md_blocks(result: DiffResult, t: Translator) -> list[Block]:
    blocks: list[Block] = []
    entry_header = [
        t("diff.col.id"),
        t("diff.col.title"),
        t("diff.col.owner"),
        t("diff.col.category"),
        t("diff.col.status"),
        t("diff.col.score"),
        t("diff.col.rank"),
    ]
    if result.register_changed:
        blocks.append(Block(f"#### {t('diff.section.usecases')}\n\n"))
    if result.added:
        rows = _md_entries(result.added, t)
        blocks.append(_section(t("diff.added", count=len(rows)), entry_header, rows, 2))
    if result.removed:
        rows = []
        for r in result.removed:
            row = list(_md_entries([r.entry], t)[0])
            if r.file_still_there:
                row[1] += " " + md(t("diff.removed.invalid"))
            rows.append(row)
        blocks.append(_section(t("diff.removed", count=len(rows)), entry_header, rows, 2))
    if result.renamed:
        rows = [
            (
                cell(r.id),
                cell(r.title),
                cell(r.old_path),
                cell(r.new_path),
                t("diff.yes") if r.edited else t("diff.no"),
            )
            for r in result.renamed
        ]
        header = [
            t("diff.col.id"),
            t("diff.col.title"),
            t("diff.col.old_path"),
            t("diff.col.new_path"),
            t("diff.col.edited"),
        ]
        blocks.append(_section(t("diff.renamed", count=len(rows)), header, rows, 3))
    if result.changed:
        blocks.extend(_md_changed(result.changed, t))
    blocks.extend(_md_portfolio(result, t))
    blocks.extend(_md_problems(result, t))
    return blocks


def _md_changed(changes: Sequence[Change], t: Translator) -> list[Block]:
    blocks: list[Block] = []
    alerts = [
        f"- **{cell(c.id)}** {cell(c.after.title, 60)}: {md(truncate(text, 2 * CELL))}\n"
        for c in changes
        for _, text in _risk_alerts(c, t)
    ]
    if alerts:
        blocks.append(Block(f"**{t('diff.alerts', count=len(alerts))}**\n\n", alerts, "\n"))
    rows = [
        (
            cell(c.id),
            cell(c.after.title),
            _score_cell(c.before.total, c.after.total, t),
            _score_cell(*c.value, t),
            _score_cell(*c.feasibility, t),
            _before_after(_rank(c.before.rank, t), _rank(c.after.rank, t)),
            md(_moves(c, t)) or " ",
        )
        for c in changes
    ]
    header = [
        t("diff.col.id"),
        t("diff.col.title"),
        t("diff.col.score"),
        t("label.axis.value"),
        t("label.axis.feasibility"),
        t("diff.col.rank"),
        t("diff.col.moves"),
    ]
    blocks.append(_section(t("diff.changed", count=len(rows)), header, rows, 2))
    details = [
        f"- {cell(c.id)} · {cell(field_label(f, t), 80)}: "
        f"{cell(_value(f.old, t), VALUE)} → {cell(_value(f.new, t), VALUE)}\n"
        for c in changes
        for f in _fields(c)
    ]
    if details:
        title = t("diff.fields", count=len(details))
        blocks.append(
            Block(f"<details><summary>{title}</summary>\n\n", details, "\n</details>\n\n", 4)
        )
    return blocks


def _balance_rows(
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
        count = _before_after(count_before, numbers.points(g.count_share, t.lang))
        budget = _before_after(budget_before, numbers.points(g.budget_share, t.lang))
        rows.append(
            [
                escape(group_label(g.group, t)),
                numbers.points(g.target, t.lang),
                count + ("" if g.count_ok else " ⚠"),
                budget + ("" if g.budget_ok or after.total_budget == 0 else " ⚠"),
            ]
        )
    return rows


def _md_portfolio(result: DiffResult, t: Translator) -> list[Block]:
    blocks = [Block(f"#### {t('diff.section.portfolio')}\n\n")]
    lines = [
        f"- {t('diff.active')}: "
        f"{_before_after(str(result.usecases_before), str(result.usecases_after))}\n",
        f"- {t('diff.tco')}: {_eur_delta(result.tco_before, result.tco_after, t)}\n",
    ]
    balance_ok = result.balance_after.ok
    key = "diff.balance.ok" if balance_ok else "diff.balance.off"
    lines.append(f"- {t(key, tolerance=numbers.num(result.balance_after.tolerance, t.lang))}\n")
    blocks.append(Block("", lines, "\n"))
    header = [
        t("diff.col.group"),
        t("diff.col.target"),
        t("diff.col.by_count"),
        t("diff.col.by_budget"),
    ]
    rows = _balance_rows(result.balance_before, result.balance_after, t)
    blocks.append(_section(t("diff.balance"), header, rows, 1))
    top_rows = []
    for i in range(max(len(result.top_before), len(result.top_after))):
        b = result.top_before[i] if i < len(result.top_before) else None
        a = result.top_after[i] if i < len(result.top_after) else None
        top_rows.append(
            (
                str(i + 1),
                _top_cell(b, t),
                _top_cell(a, t),
            )
        )
    if top_rows:
        header = [t("diff.col.rank"), t("diff.col.before"), t("diff.col.after")]
        blocks.append(_section(t("diff.top", count=len(top_rows)), header, top_rows, 1))
    waves = [w for w in result.waves if w.changed]
    if waves:
        header = [
            t("diff.col.wave"),
            t("diff.col.entries"),
            t("diff.col.budget"),
            t("diff.col.effort"),
        ]
        rows = [_wave_row(w, t, markdown=True) for w in waves]
        title = t("diff.waves", count=len(rows))
        head, lines = _table(header, rows)
        blocks.append(
            Block(f"<details><summary>{title}</summary>\n\n{head}", lines, "\n</details>\n\n", 3)
        )
    return blocks


def _top_cell(entry: Entry | None, t: Translator) -> str:
    if entry is None:
        return t("label.none")
    return f"{cell(entry.id)} {cell(entry.title, 60)} ({numbers.score(entry.total, t.lang)})"


def _wave_row(w: WaveDelta, t: Translator, markdown: bool) -> list[str]:
    name = f"{w.wave}" + (f" · {w.name}" if w.name else "")
    lang = t.lang
    budget = _before_after(numbers.eur(w.before.budget, lang), numbers.eur(w.after.budget, lang))
    if w.budget_capacity is not None:
        budget += " / " + numbers.eur(w.budget_capacity, lang)
    effort = _before_after(
        numbers.num(w.before.effort, lang, 1), numbers.num(w.after.effort, lang, 1)
    )
    if w.effort_capacity is not None:
        effort += " / " + numbers.num(w.effort_capacity, lang, 1)
    if w.over_after:
        effort += " ⚠ " + t("diff.over_capacity") if markdown else " ! " + t("diff.over_capacity")
    return [
        cell(name, 60) if markdown else plain(name, 60),
        _before_after(str(w.before.count), str(w.after.count)),
        budget,
        effort,
    ]


def _problem_rows(problems: Sequence[Problem], t: Translator) -> list[Sequence[str]]:
    return [
        (
            t("severity." + p.severity.value),
            cell(_problem_where(p)),
            cell(p.rule),
            cell(p.message, 2 * CELL),
        )
        for p in problems
    ]


def _md_problems(result: DiffResult, t: Translator) -> list[Block]:
    if not result.new_problems and not result.fixed_problems:
        return []
    blocks = [Block(f"#### {t('diff.section.problems')}\n\n")]
    header = [
        t("diff.col.severity"),
        t("diff.col.where"),
        t("diff.col.rule"),
        t("diff.col.message"),
    ]
    if result.new_problems:
        rows = _problem_rows(result.new_problems, t)
        blocks.append(_section(t("diff.problems.new", count=len(rows)), header, rows, 0))
    if result.fixed_problems:
        rows = _problem_rows(result.fixed_problems, t)
        head, lines = _table(header, rows)
        title = t("diff.problems.fixed", count=len(rows))
        blocks.append(
            Block(f"<details><summary>{title}</summary>\n\n{head}", lines, "\n</details>\n\n", 3)
        )
    return blocks


def _assemble(head: str, blocks: Sequence[Block], budget: int, t: Translator, pointer: str) -> str:
    """Join blocks within ``budget`` characters. Rows are granted by priority (new
    problems and risk alerts first, field details last), then written in reading order;
    cuts fall between rows or blocks, never inside a table or a ``<details>``."""
    note = "\n---\n" + md(pointer) + "\n"
    more_line = len(md(t("diff.more_rows", count=10**6))) + 8
    room = budget - len(head) - len(note)
    taken = [0] * len(blocks)
    shown = [False] * len(blocks)
    used = 0
    for level in sorted({b.priority for b in blocks}):
        members = [i for i, b in enumerate(blocks) if b.priority == level]
        for i in members:  # each block of this level: its frame and first row, or nothing
            block = blocks[i]
            first = len(block.rows[0]) + more_line if block.rows else 0
            cost = len(block.head) + len(block.tail) + first
            if used + cost <= room:
                used += cost
                shown[i] = True
                taken[i] = 1 if block.rows else 0
        growing = [i for i in members if shown[i]]
        while growing:  # then one row each in turn, so no table starves the others
            still = []
            for i in growing:
                rows = blocks[i].rows
                if taken[i] < len(rows) and used + len(rows[taken[i]]) <= room:
                    used += len(rows[taken[i]])
                    taken[i] += 1
                    still.append(i)
            growing = still
    parts = [head]
    left_out = 0
    for block, count, visible in zip(blocks, taken, shown, strict=True):
        skipped = len(block.rows) - count
        left_out += skipped if visible else max(1, len(block.rows))
        if not visible:
            continue
        more = "\n_" + md(t("diff.more_rows", count=skipped)) + "_\n" if skipped else ""
        parts.append(block.head + "".join(block.rows[:count]) + more + block.tail)
    if left_out:
        parts.append(note)
    return "".join(parts)


def format_markdown(
    result: DiffResult,
    t: Translator,
    budget: int | None = COMMENT_BUDGET,
    pointer: str = "",
) -> str:
    """The pull-request comment: marker, one-line verdict, short sections, long ones
    folded. With ``budget``, cut to fit and end with ``pointer`` (where the full report is)."""
    icon = "❌" if result.failed else ("⚠️" if result.new_warnings else "✅")
    head = (
        f"{MARKER}\n### {icon} {md(verdict(result, t))}\n\n"
        f"<sub>{md(t('diff.compared', base=result.base_label, head=result.head_label))}</sub>\n\n"
    )
    if result.notes:
        head += "".join(f"> {md(t(n.key, **n.params))}\n" for n in result.notes) + "\n"
    blocks = _md_blocks(result, t)
    if budget is None:
        return head + "".join(b.head + "".join(b.rows) + b.tail for b in blocks)
    return _assemble(head, blocks, budget, t, pointer or t("diff.truncated"))


# --- text ----------------------------------------------------------------------------------


def format_text(result: DiffResult, t: Translator) -> str:
    lines = [verdict(result, t), t("diff.compared", base=result.base_label, head=result.head_label)]
    lines += [f"  * {plain(t(n.key, **n.params), 300)}" for n in result.notes]

    def heading(title: str) -> None:
        lines.extend(["", title])

    def entry_line(e: Entry) -> str:
        owner = plain(e.owner or t("label.none"), 60)
        return (
            f"  {plain(e.id, 20)}  {plain(e.title, 70)}  ({owner}; "
            f"{_label('category', e.category, t)}, {_label('status', e.status, t)}, "
            f"{t('diff.col.score').lower()} {numbers.score(e.total, t.lang)}, "
            f"{t('diff.col.rank').lower()} {_rank(e.rank, t)})"
        )

    if result.added:
        heading(t("diff.added", count=len(result.added)))
        lines += [entry_line(e) for e in result.added]
    if result.removed:
        heading(t("diff.removed", count=len(result.removed)))
        for r in result.removed:
            extra = " " + t("diff.removed.invalid") if r.file_still_there else ""
            lines.append(entry_line(r.entry) + extra)
    if result.renamed:
        heading(t("diff.renamed", count=len(result.renamed)))
        for rn in result.renamed:
            edited = f" ({t('diff.col.edited').lower()})" if rn.edited else ""
            lines.append(
                f"  {plain(rn.id, 20)}  {plain(rn.old_path)} → {plain(rn.new_path)}{edited}"
            )
    if result.changed:
        heading(t("diff.changed", count=len(result.changed)))
        for c in result.changed:
            lines.append(f"  {plain(c.id, 20)}  {plain(c.after.title, 70)}")
            lines.append(
                f"      {t('diff.col.score')}: {_score_cell(c.before.total, c.after.total, t)}; "
                f"{t('label.axis.value')}: {_score_cell(*c.value, t)}; "
                f"{t('label.axis.feasibility')}: {_score_cell(*c.feasibility, t)}; "
                f"{t('diff.col.rank')}: "
                f"{_before_after(_rank(c.before.rank, t), _rank(c.after.rank, t))}"
            )
            if c.moves:
                lines.append(f"      {plain(_moves(c, t), 300)}")
            lines += [f"      ! {plain(text, 200)}" for _, text in _risk_alerts(c, t)]
            lines += [
                f"      {plain(field_label(f, t), 80)}: {plain(_value(f.old, t), VALUE)} → "
                f"{plain(_value(f.new, t), VALUE)}"
                for f in _fields(c)
            ]
    heading(t("diff.section.portfolio"))
    lines.append(
        f"  {t('diff.active')}: "
        f"{_before_after(str(result.usecases_before), str(result.usecases_after))}"
    )
    lines.append(f"  {t('diff.tco')}: {_eur_delta(result.tco_before, result.tco_after, t)}")
    key = "diff.balance.ok" if result.balance_after.ok else "diff.balance.off"
    lines.append(f"  {t(key, tolerance=numbers.num(result.balance_after.tolerance, t.lang))}")
    for row in _balance_rows(result.balance_before, result.balance_after, t, plain):
        group, target, count, budget = row
        lines.append(
            f"    {group}: {t('diff.col.target').lower()} {target}; "
            f"{t('diff.col.by_count').lower()} {count}; {t('diff.col.by_budget').lower()} {budget}"
        )
    lines.append(f"  {t('diff.top', count=_top_count(result))}:")
    lines.append(f"    {t('diff.col.before')}: {_top_text(result.top_before, t)}")
    lines.append(f"    {t('diff.col.after')}: {_top_text(result.top_after, t)}")
    waves = [w for w in result.waves if w.changed]
    if waves:
        lines.append(f"  {t('diff.waves', count=len(waves))}:")
        for w in waves:
            name, count, budget, effort = _wave_row(w, t, markdown=False)
            lines.append(
                f"    {t('diff.col.wave')} {name}: {t('diff.col.entries').lower()} {count}; "
                f"{t('diff.col.budget').lower()} {budget}; {t('diff.col.effort').lower()} {effort}"
            )
    for key, problems in (
        ("diff.problems.new", result.new_problems),
        ("diff.problems.fixed", result.fixed_problems),
    ):
        if problems:
            heading(t(key, count=len(problems)))
            lines += [
                f"  {plain(_problem_where(p), 80)}: {t('severity.' + p.severity.value)} "
                f"[{p.rule}] {plain(p.message, 300)}"
                for p in problems
            ]
    return "\n".join(lines) + "\n"


def _top_count(result: DiffResult) -> int:
    return max(len(result.top_before), len(result.top_after))


def _top_text(entries: Sequence[Entry], t: Translator) -> str:
    if not entries:
        return t("label.none")
    return ", ".join(f"{plain(e.id, 20)} ({numbers.score(e.total, t.lang)})" for e in entries)


# --- JSON ----------------------------------------------------------------------------------


def _entry_json(e: Entry) -> dict[str, Any]:
    return {
        "id": e.id,
        "title": e.title,
        "owner": e.owner,
        "path": e.path,
        "category": e.category,
        "status": e.status,
        "wave": e.wave,
        "score": e.total,
        "rank": e.rank,
        "risk_level": e.risk_level,
    }


def _change_json(f: FieldChange) -> dict[str, Any]:
    return {
        "field": f.field,
        "context": [list(part) for part in f.context],
        "old": f.old,
        "new": f.new,
    }


def _balance_json(b: BalanceResult) -> dict[str, Any]:
    return {
        "ok": b.ok,
        "tolerance": b.tolerance,
        "active": b.total_count,
        "budget": b.total_budget,
        "groups": [
            {
                "group": g.group,
                "target": g.target,
                "count": g.count,
                "count_share": round(g.count_share, 2),
                "budget": g.budget,
                "budget_share": round(g.budget_share, 2),
                "count_ok": g.count_ok,
                "budget_ok": g.budget_ok,
            }
            for g in b.groups
        ],
    }


def format_json(result: DiffResult, t: Translator) -> str:
    payload = {
        "base": result.base_label,
        "head": result.head_label,
        "verdict": verdict(result, t),
        "failed": result.failed,
        "notes": [{"key": n.key, **n.params, "text": t(n.key, **n.params)} for n in result.notes],
        "added": [_entry_json(e) for e in result.added],
        "removed": [
            {**_entry_json(r.entry), "file_still_there": r.file_still_there} for r in result.removed
        ],
        "renamed": [
            {"id": r.id, "old_path": r.old_path, "new_path": r.new_path, "edited": r.edited}
            for r in result.renamed
        ],
        "changed": [
            {
                "id": c.id,
                "title": c.after.title,
                "path": c.after.path,
                "score": {"before": c.before.total, "after": c.after.total},
                "value": {"before": c.value[0], "after": c.value[1]},
                "feasibility": {"before": c.feasibility[0], "after": c.feasibility[1]},
                "rank": {"before": c.before.rank, "after": c.after.rank},
                "moves": [{"what": m.what, "old": m.old, "new": m.new} for m in c.moves],
                "escalations": [_change_json(e) for e in c.escalations],
                "owner_removed": c.owner_removed,
                "kpis_removed": list(c.kpis_removed),
                "decisions_added": [d.model_dump(mode="json") for d in c.decisions_added],
                "kpis_away": [asdict(k) for k in c.kpis_away],
                "obligations_added": [
                    {"id": o.id, "articles": list(o.articles)} for o in c.obligations_added
                ],
                "obligations_removed": [
                    {"id": o.id, "articles": list(o.articles)} for o in c.obligations_removed
                ],
                "fields": [_change_json(f) for f in c.fields],
            }
            for c in result.changed
        ],
        "portfolio": {
            "active": {"before": result.usecases_before, "after": result.usecases_after},
            "tco": {"before": result.tco_before, "after": result.tco_after},
            "balance": {
                "before": _balance_json(result.balance_before),
                "after": _balance_json(result.balance_after),
            },
            "top": {
                "before": [_entry_json(e) for e in result.top_before],
                "after": [_entry_json(e) for e in result.top_after],
            },
            "waves": [
                {
                    "wave": w.wave,
                    "name": w.name,
                    "budget_capacity": w.budget_capacity,
                    "effort_capacity": w.effort_capacity,
                    "before": asdict(w.before),
                    "after": asdict(w.after),
                    "over_capacity": w.over_after,
                }
                for w in result.waves
            ],
        },
        "problems": {
            "new": [problem_json(p) for p in result.new_problems],
            "fixed": [problem_json(p) for p in result.fixed_problems],
        },
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


REPORTERS: dict[str, Callable[[DiffResult, Translator], str]] = {
    "table": format_text,
    "md": format_markdown,
    "json": format_json,
}
formats.checked(formats.DIFF, REPORTERS)
