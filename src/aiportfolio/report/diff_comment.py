"""The ``md`` report of ``aip diff``: a pull-request comment.

It is posted where anyone can read it, from files anyone can edit in a pull request:
every user value goes through ``escape.md``/``md_cell`` (Markdown and HTML inert,
``@mentions`` and ``#refs`` neutralised, one line), long values are shortened, and the
whole comment is kept under GitHub's 65,536-character limit by cutting at a row or
section boundary (never inside a table or a ``<details>`` block) with a pointer to the
full report.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from aiportfolio.analysis.diff import Change, DiffResult, Entry
from aiportfolio.i18n import Translator
from aiportfolio.problem import Problem
from aiportfolio.report.diff_labels import (
    CELL,
    VALUE,
    balance_rows,
    before_after,
    cell,
    enum_label,
    eur_delta,
    field_label,
    listed_fields,
    moves_text,
    problem_where,
    rank_text,
    risk_alerts,
    score_cell,
    side_label,
    value_text,
    verdict,
    wave_row,
)
from aiportfolio.report.kit import numbers
from aiportfolio.report.kit.escape import md, truncate
from aiportfolio.report.kit.reporter import PLAIN, Options

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
            enum_label("category", e.category, t),
            enum_label("status", e.status, t),
            numbers.score(e.total, t.lang),
            rank_text(e.rank, t),
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
        for _, text in risk_alerts(c, t)
    ]
    if alerts:
        blocks.append(Block(f"**{t('diff.alerts', count=len(alerts))}**\n\n", alerts, "\n"))
    rows = [
        (
            cell(c.id),
            cell(c.after.title),
            score_cell(c.before.total, c.after.total, t),
            score_cell(*c.value, t),
            score_cell(*c.feasibility, t),
            before_after(rank_text(c.before.rank, t), rank_text(c.after.rank, t)),
            md(moves_text(c, t)) or " ",
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
        f"{cell(value_text(f.old, t), VALUE)} → {cell(value_text(f.new, t), VALUE)}\n"
        for c in changes
        for f in listed_fields(c)
    ]
    if details:
        title = t("diff.fields", count=len(details))
        blocks.append(
            Block(f"<details><summary>{title}</summary>\n\n", details, "\n</details>\n\n", 4)
        )
    return blocks


def _md_portfolio(result: DiffResult, t: Translator) -> list[Block]:
    blocks = [Block(f"#### {t('diff.section.portfolio')}\n\n")]
    lines = [
        f"- {t('diff.active')}: "
        f"{before_after(str(result.usecases_before), str(result.usecases_after))}\n",
        f"- {t('diff.tco')}: {eur_delta(result.tco_before, result.tco_after, t)}\n",
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
    rows = balance_rows(result.balance_before, result.balance_after, t)
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
        rows = [wave_row(w, t, markdown=True) for w in waves]
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


def _problem_rows(problems: Sequence[Problem], t: Translator) -> list[Sequence[str]]:
    return [
        (
            t("severity." + p.severity.value),
            cell(problem_where(p)),
            cell(p.rule),
            cell(p.text(t), 2 * CELL),
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
    options: Options = PLAIN,
    *,
    budget: int | None = COMMENT_BUDGET,
    pointer: str = "",
) -> str:
    """The pull-request comment: marker, one-line verdict, short sections, long ones
    folded. With ``budget``, cut to fit and end with ``pointer`` (where the full report is)."""
    icon = "❌" if result.failed else ("⚠️" if result.new_warnings else "✅")
    base, head_side = side_label(result.base_label, t), side_label(result.head_label, t)
    head = (
        f"{MARKER}\n### {icon} {md(verdict(result, t))}\n\n"
        f"<sub>{md(t('diff.compared', base=base, head=head_side))}</sub>\n\n"
    )
    if result.notes:
        head += "".join(f"> {md(n.text(t))}\n" for n in result.notes) + "\n"
    blocks = _md_blocks(result, t)
    if budget is None:
        return head + "".join(b.head + "".join(b.rows) + b.tail for b in blocks)
    return _assemble(head, blocks, budget, t, pointer or t("diff.truncated"))
