"""Reporters of ``aip score``: the ranking, ``--explain`` and ``--matrix``.

Pure functions returning a string. Terminal tables are drawn with rich into a string
(``Terminal`` says how wide and whether colour is allowed); machine formats (json, csv)
carry raw ids and numbers, no markup; Markdown escapes every user text.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from aiportfolio.analysis.explain import Explanation, WhatIf
from aiportfolio.analysis.matrix import QUADRANTS, Matrix, MatrixPoint
from aiportfolio.domain.scoring import (
    CriterionScore,
    RankedEntry,
    ScoreReport,
    ScoreResult,
    why,
)
from aiportfolio.i18n import Translator
from aiportfolio.model.grid import Grid
from aiportfolio.report.kit import formats, numbers
from aiportfolio.report.kit.escape import md, md_cell, mermaid
from aiportfolio.report.kit.lists import id_list
from aiportfolio.report.kit.terminal import plain_table
from aiportfolio.tabular.csvsafe import safe_row

# --- shared helpers (also used by report/balance.py and report/table.py) -------------------


@dataclass(frozen=True)
class Terminal:
    """How a terminal reporter may draw: its width and whether colour is allowed."""

    width: int = 100
    color: bool = False


def render_rich(renderables: Iterable[Any], terminal: Terminal) -> str:
    """Draw rich renderables into a string (never to the real stdout)."""
    from rich.console import Console

    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=max(40, terminal.width),
        force_terminal=terminal.color,
        no_color=not terminal.color,
        color_system="standard" if terminal.color else None,
        highlight=False,
        emoji=False,
        markup=False,
    )
    for item in renderables:
        console.print(item)
    return buffer.getvalue()


def _weight(weight: float, lang: str) -> str:
    """A criterion weight in percent, decimals kept (12.5 %), spaced like ``numbers.pct``."""
    return numbers.value(weight, lang) + (f"{numbers.NBSP}%" if lang == "fr" else "%")


def rounded(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(value, digits)


def csv_text(header: list[str], rows: Iterable[list[Any]]) -> str:
    """CSV with a header; text cells a spreadsheet would run as formulas get a leading '."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(safe_row("" if v is None else v for v in row))
    return buffer.getvalue()


def dumps(payload: Any) -> str:
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def criterion_label(grid: Grid, criterion_id: str, t: Translator) -> str:
    criterion = grid.criterion(criterion_id)
    return criterion.label.get(t.lang) if criterion else criterion_id


def category(value: str, t: Translator) -> str:
    return t(f"label.category.{value}")


def status(value: str, t: Translator) -> str:
    return t(f"label.status.{value}")


# --- ranking ---------------------------------------------------------------------------------


def _wave(result: ScoreResult, t: Translator) -> str:
    wave = result.usecase.plan.wave
    return t("label.none") if wave is None else str(wave)


def _owner(result: ScoreResult, t: Translator) -> str:
    owner = result.usecase.owner
    return owner.name if owner else t("label.none")


def _rank(entry: RankedEntry, t: Translator) -> str:
    return t("label.none") if entry.rank is None else str(entry.rank)


def entry_notes(
    result: ScoreResult,
    report: ScoreReport,
    t: Translator,
    missing: bool = True,
    gate_rules: tuple[str, ...] = (),
) -> list[str]:
    """Why an entry sits where it does, one short phrase per reason (``missing=False``:
    not the missing criteria, which the footer gives with how to fill them); first, that
    it fails the gate."""
    notes: list[str] = []
    if gate_rules:
        notes.append("⛔ " + t("gate.mark.rules", rules=", ".join(gate_rules)))
    grid = report.grid
    if result.usecase.status == "operated":
        notes.append(t("score.note.operated"))
    if result.below_floor:
        notes.append(
            t(
                "score.note.below_floor",
                feasibility=numbers.score(result.feasibility, t.lang),
                floor=numbers.score(report.scoring.feasibility_floor, t.lang),
            )
        )
    if result.missing and missing:
        names = ", ".join(criterion_label(grid, c, t) for c in result.missing)
        notes.append(t("score.note.missing", criteria=names))
    for c in result.criteria:
        if c.criterion in result.disagreements:
            notes.append(
                t(
                    "score.note.disagreement",
                    criterion=criterion_label(grid, c.criterion, t),
                    raters=_raters(c),
                )
            )
    return notes


def _headers(t: Translator) -> list[str]:
    return [
        t("score.col.rank"),
        t("score.col.id"),
        t("score.col.usecase"),
        t("score.col.total"),
        t("label.axis.value"),
        t("label.axis.feasibility"),
        t("score.col.category"),
        t("score.col.status"),
        t("score.col.wave"),
        t("score.col.owner"),
        t("score.col.notes"),
    ]


def _footer_lines(report: ScoreReport, t: Translator) -> list[str]:
    """Short lines under the table: how to read it, then what needs a human. (Rater
    disagreements are in the entry's notes, not repeated here.)"""
    lines = [
        t("score.legend.total"),
        t("score.legend.floor", floor=numbers.score(report.scoring.feasibility_floor, t.lang)),
    ]
    shown = [e.result.usecase for e in report.entries]
    if any(uc.plan.wave is None for uc in shown):
        lines.append(t("score.legend.wave"))
    if any(uc.status == "operated" for uc in shown):
        lines.append(t("score.legend.operated"))
    if any(e.gate_rules for e in report.entries):
        lines.append(t("gate.legend"))
    if report.left_out:
        failing = id_list([e.result.id for e in report.left_out], t)
        lines.append(t("gate.failing.count", count=len(report.left_out), ids=failing))
    # Entries missing the same criteria share one line: 450 unscored entries of an imported
    # inventory make one line naming five of them, not 450 identical ones.
    groups: dict[tuple[str, ...], list[str]] = {}
    for entry in report.incomplete:
        groups.setdefault(tuple(entry.result.missing), []).append(entry.result.id)
    for missing, ids in groups.items():
        hints = []
        for name in missing:
            criterion = report.grid.criterion(name)
            if criterion and criterion.measure:
                hints.append(
                    t("score.missing.measured", criterion=name, input=criterion.measure.input)
                )
            else:
                hints.append(t("score.missing.plain", criterion=name))
        joined = t("score.why.sep").join(hints)
        if len(ids) == 1:
            lines.append(t("score.missing.line", id=ids[0], hints=joined))
        else:
            lines.append(
                t("score.missing.lines", count=len(ids), ids=id_list(ids, t), hints=joined)
            )
    for unknown in report.unknown_keys:
        hint = t("score.unknown_key.hint", key=unknown.suggestion) if unknown.suggestion else ""
        lines.append(t("score.unknown_key", id=unknown.usecase, key=unknown.key) + hint)
    return lines


def _why_item(c: CriterionScore, grid: Grid, t: Translator) -> str:
    criterion = grid.criterion(c.criterion)
    score = c.score or 0.0
    levels = sorted({int(score), min(5, int(score) + (0 if score.is_integer() else 1))})
    meaning = (
        " / ".join(criterion.points[p].get(t.lang) for p in levels if p in criterion.points)
        if criterion
        else ""
    )
    return t(
        "score.why.item",
        criterion=criterion_label(grid, c.criterion, t),
        score=numbers.value(c.score, t.lang),
        meaning=meaning,
    )


def why_lines(report: ScoreReport, t: Translator) -> list[str]:
    """For a priority list (``--top N``): one line per entry, its strongest criteria with
    what their points mean, and what holds it back."""
    if report.top is None:
        return []
    lines = []
    for entry in report.entries:
        if entry.rank is None:
            continue
        reasons = why(entry.result)
        parts = []
        if reasons.strengths:
            items = ", ".join(_why_item(c, report.grid, t) for c in reasons.strengths)
            parts.append(t("score.why.strong", items=items))
        if reasons.held_back:
            items = ", ".join(_why_item(c, report.grid, t) for c in reasons.held_back)
            parts.append(t("score.why.held_back", items=items))
        else:
            parts.append(t("score.why.nothing_weak"))
        lines.append(
            t(
                "score.why.line",
                id=entry.result.id,
                rank=entry.rank,
                reasons=t("score.why.sep").join(parts),
            )
        )
    return lines


def _raters(c: CriterionScore) -> str:
    return ", ".join(f"{who} {score}" for who, score in c.rater_scores)


def _fit(lengths: list[int], header: str, cap: int | None = None) -> int:
    width = max([len(header), *lengths])
    return min(width, cap) if cap else width


TABLE_LIMIT = 50
"""Entries ``aip score`` lists in its table and md formats unless --top/--limit or --all."""


def limit_note(report: ScoreReport, t: Translator) -> list[str]:
    """A line saying how many entries the listing left out, when it was cut."""
    if report.matching is None or report.matching <= len(report.entries):
        return []
    return [t("score.more", shown=len(report.entries), count=report.matching - len(report.entries))]


def format_table(report: ScoreReport, t: Translator, terminal: Terminal | None = None) -> str:
    """The ranking for a terminal. Column widths are computed here, not left to rich: short
    columns never wrap, the title and notes share what is left, and on a narrow terminal
    the notes move under the table (keyed by id) so the ranking stays one block."""
    terminal = terminal or Terminal()
    title = t("score.title", shown=len(report.entries), active=report.active, ranked=report.ranked)
    if not report.entries:
        return title + "\n" + t("score.empty") + "\n"
    entries = list(report.entries)
    headers = _headers(t)
    rows = [
        [
            _rank(e, t),
            e.result.id,
            e.result.usecase.title,
            numbers.score(e.result.total, t.lang),
            numbers.score(e.result.value, t.lang),
            numbers.score(e.result.feasibility, t.lang),
            category(e.result.usecase.category, t),
            status(e.result.usecase.status, t),
            _wave(e.result, t),
            _owner(e.result, t),
            "; ".join(entry_notes(e.result, report, t, gate_rules=e.gate_rules)),
        ]
        for e in entries
    ]
    widths = [_fit([len(r[i]) for r in rows], headers[i]) for i in range(len(headers))]
    widths[9] = min(widths[9], 20)
    has_notes = any(r[10] for r in rows)
    short = (0, 1, 3, 4, 5, 6, 7, 8, 9)

    def room_for_text(columns: int) -> int:
        return terminal.width - sum(widths[i] for i in short) - 2 * (columns - 1)

    if has_notes and room_for_text(11) >= 48:
        shown = list(range(11))
        room = room_for_text(11)
        widths[2] = min(widths[2], max(24, room * 11 // 20))
        widths[10] = room - widths[2]
    elif room_for_text(10) >= 20:
        shown = list(range(10))
        widths[2] = min(widths[2], room_for_text(10))
    else:
        # Narrow terminal: category, status, wave and owner go under the title.
        shown = [0, 1, 2, 3, 4, 5]
        room = terminal.width - sum(widths[i] for i in (0, 1, 3, 4, 5)) - 2 * 5
        widths[2] = max(16, room)
        for row in rows:
            wave = f"{headers[8].lower()} {row[8]}"
            row[2] = f"{row[2]} · {row[6]} · {row[7]} · {wave} · {row[9]}"
    notes_inline = 10 in shown
    rules = set()
    styles = {}
    for i, entry in enumerate(entries):
        result = entry.result
        following = entries[i + 1] if i + 1 < len(entries) else None
        # A rule where the feasibility floor cuts the ranking, and before unranked entries.
        if following is not None and (
            (not result.below_floor and following.result.below_floor)
            or (result.complete and not following.result.complete)
        ):
            rules.add(i)
        if result.below_floor:
            styles[i] = "yellow"
        elif not result.complete:
            styles[i] = "dim"
    position = {c: n for n, c in enumerate(shown)}
    body = plain_table(
        [headers[c] for c in shown],
        [[row[c] for c in shown] for row in rows],
        [widths[c] for c in shown],
        right=frozenset(position[c] for c in (0, 3, 4, 5, 8) if c in position),
        wrap=frozenset(position[c] for c in (2, 10) if c in position),
        rules_after=frozenset(rules),
        styles=styles,
        color=terminal.color,
    )
    lines = [title, "", *body, *limit_note(report, t), ""]
    if has_notes and not notes_inline:
        # Under the table, the missing criteria are left to the footer: said once.
        for e in entries:
            notes = "; ".join(
                entry_notes(e.result, report, t, missing=False, gate_rules=e.gate_rules)
            )
            if notes:
                lines.append(f"{e.result.id}: {notes}")
    why = why_lines(report, t)
    if why:
        lines += [t("score.why.title"), *why, ""]
    lines += _footer_lines(report, t)
    return "\n".join(lines) + "\n"


def format_md(report: ScoreReport, t: Translator, terminal: Terminal | None = None) -> str:
    lines = [
        f"## {md(t('score.md.title'))}",
        "",
        md(t("score.title", shown=len(report.entries), active=report.active, ranked=report.ranked)),
        "",
    ]
    if report.entries:
        headers = _headers(t)
        lines.append("| " + " | ".join(md_cell(h) for h in headers) + " |")
        align = ["---:", "---", "---", "---:", "---:", "---:", "---", "---", "---:", "---", "---"]
        lines.append("|" + "|".join(align) + "|")
        for entry in report.entries:
            r = entry.result
            cells = [
                _rank(entry, t),
                r.id,
                r.usecase.title,
                numbers.score(r.total, t.lang),
                numbers.score(r.value, t.lang),
                numbers.score(r.feasibility, t.lang),
                category(r.usecase.category, t),
                status(r.usecase.status, t),
                _wave(r, t),
                _owner(r, t),
                "; ".join(entry_notes(r, report, t, gate_rules=entry.gate_rules)),
            ]
            row = [md_cell(c) for c in cells]
            if r.below_floor:
                row[1] = f"*{row[1]}*"
            lines.append("| " + " | ".join(row) + " |")
    else:
        lines.append(md(t("score.empty")))
    lines.append("")
    lines += [md(line) + "\n" for line in limit_note(report, t)]
    why = why_lines(report, t)
    if why:
        lines += [f"### {md(t('score.why.title'))}", ""]
        lines += [f"- {md(line)}" for line in why]
        lines.append("")
    lines.extend(f"- {md(line)}" for line in _footer_lines(report, t))
    return "\n".join(lines) + "\n"


def _criteria_json(result: ScoreResult) -> dict[str, Any]:
    return {
        c.criterion: {
            "score": c.score,
            "source": c.source,
            "weight": c.weight,
            "axis": c.axis,
            "contribution": rounded(c.contribution),
            "measured": c.measured,
            "ratings": [{"by": who, "score": s} for who, s in c.rater_scores],
        }
        for c in result.criteria
    }


def entry_json(entry: RankedEntry) -> dict[str, Any]:
    r = entry.result
    uc = r.usecase
    return {
        "rank": entry.rank,
        "id": r.id,
        "title": uc.title,
        "total": rounded(r.total),
        "value": rounded(r.value),
        "feasibility": rounded(r.feasibility),
        "category": uc.category,
        "status": uc.status,
        "wave": uc.plan.wave,
        "owner": uc.owner.name if uc.owner else None,
        "below_floor": r.below_floor,
        "missing": list(r.missing),
        "disagreements": list(r.disagreements),
        "gate": list(entry.gate_rules),
        "criteria": _criteria_json(r),
    }


def format_json(report: ScoreReport, t: Translator, terminal: Terminal | None = None) -> str:
    return dumps(
        {
            "feasibility_floor": report.scoring.feasibility_floor,
            "disagreement": report.scoring.disagreement,
            "active": report.active,
            "ranked": report.ranked,
            "entries": [entry_json(e) for e in report.entries],
            "left_out_gate": [e.result.id for e in report.left_out],
            "unknown_score_keys": [
                {"id": u.usecase, "key": u.key, "suggestion": u.suggestion}
                for u in report.unknown_keys
            ],
        }
    )


def format_csv(report: ScoreReport, t: Translator, terminal: Terminal | None = None) -> str:
    criteria = report.grid.ids
    header = [
        "rank",
        "id",
        "title",
        "total",
        "value",
        "feasibility",
        "category",
        "status",
        "wave",
        "owner",
        "below_floor",
        "missing",
        "disagreements",
        "gate",
        *criteria,
    ]
    rows = []
    for entry in report.entries:
        r = entry.result
        uc = r.usecase
        rows.append(
            [
                entry.rank,
                r.id,
                uc.title,
                rounded(r.total),
                rounded(r.value),
                rounded(r.feasibility),
                uc.category,
                uc.status,
                uc.plan.wave,
                uc.owner.name if uc.owner else None,
                "yes" if r.below_floor else "no",
                " ".join(r.missing),
                " ".join(r.disagreements),
                " ".join(entry.gate_rules),
                *(c.score for c in r.criteria),
            ]
        )
    return csv_text(header, rows)


Reporter = Callable[[ScoreReport, Translator, "Terminal | None"], str]

REPORTERS: dict[str, Reporter] = {
    "table": format_table,
    "json": format_json,
    "csv": format_csv,
    "md": format_md,
}
formats.checked(formats.SCORE, REPORTERS)


# --- --explain ---------------------------------------------------------------------------


def _source(c: CriterionScore, grid: Grid, t: Translator) -> str:
    if c.source == "ratings":
        return t("score.source.ratings", count=len(c.rater_scores), raters=_raters(c))
    if c.source == "measure":
        criterion = grid.criterion(c.criterion)
        measure = criterion.measure if criterion else None
        unit = f" {measure.unit}" if measure and measure.unit else ""
        name = measure.input if measure else "?"
        return t("score.source.measure", input=name, value=numbers.value(c.measured, t.lang) + unit)
    if c.source == "score":
        return t("score.source.score")
    return t("score.source.missing")


def _what_if_line(w: WhatIf, grid: Grid, t: Translator) -> str:
    return t(
        "score.explain.what_if",
        criterion=criterion_label(grid, w.criterion, t),
        current=numbers.value(w.current, t.lang),
        new=w.new_score,
        delta=numbers.value(w.points_needed, t.lang),
        rank=w.new_rank,
        total=numbers.score(w.new_total, t.lang),
    )


def explain_summary(x: Explanation, t: Translator) -> str:
    r = x.result
    uc = r.usecase
    if x.status == "ranked":
        place = t("score.explain.rank", rank=x.rank, ranked=x.ranked)
    elif x.status == "stopped":
        place = t("score.explain.stopped")
    else:
        place = t("score.explain.unranked")
    return t(
        "score.explain.summary",
        place=place,
        total=numbers.score(r.total, t.lang),
        value=numbers.score(r.value, t.lang),
        feasibility=numbers.score(r.feasibility, t.lang),
        floor=numbers.score(x.floor, t.lang),
        category=category(uc.category, t),
        status=status(uc.status, t),
    )


def explain_changes(x: Explanation, grid: Grid, t: Translator) -> list[str]:
    """What would change the rank, as plain sentences (first line of each block unindented)."""
    lines: list[str] = []
    r = x.result
    if x.status == "stopped":
        return [t("score.explain.stopped_hint")]
    if x.completion is not None:
        c = x.completion
        names = ", ".join(criterion_label(grid, m, t) for m in c.missing)
        lines.append(
            t("score.explain.completion", criteria=names, best=c.best_rank, worst=c.worst_rank)
        )
        return lines
    if r.below_floor:
        lines.append(
            t(
                "score.explain.floor",
                feasibility=numbers.score(r.feasibility, t.lang),
                floor=numbers.score(x.floor, t.lang),
            )
        )
        lines.extend("  - " + _what_if_line(w, grid, t) for w in x.to_clear_floor)
        if x.floor_out_of_reach:
            lines.append("  - " + t("score.explain.floor_out_of_reach"))
    if x.ahead is not None:
        lines.append(
            t(
                "score.explain.to_pass",
                id=x.ahead.id,
                rank=(x.rank or 1) - 1,
                total=numbers.score(x.ahead.total, t.lang),
            )
        )
        listed = {(w.criterion, w.new_score) for w in x.to_clear_floor}
        others = [w for w in x.to_pass_ahead if (w.criterion, w.new_score) not in listed]
        if others:
            lines.extend("  - " + _what_if_line(w, grid, t) for w in others)
        elif x.to_pass_ahead:
            lines.append("  - " + t("score.explain.same_as_floor"))
        else:
            lines.append("  - " + t("score.explain.no_single_change"))
    else:
        lines.append(t("score.explain.first"))
    lead = x.lead_over_behind
    if x.behind is not None and lead is not None:
        lines.append(
            t(
                "score.explain.lead",
                id=x.behind.id,
                rank=(x.rank or 0) + 1,
                lead=numbers.score(lead, t.lang),
            )
        )
    return lines


def format_explain_table(
    x: Explanation, grid: Grid, t: Translator, terminal: Terminal | None = None
) -> str:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    terminal = terminal or Terminal()
    lang = t.lang
    r = x.result
    head = Text(f"{r.id} · {r.usecase.title}", style="bold")
    summary = Text(explain_summary(x, t))
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_footer=True)
    table.add_column(t("score.col.criterion"), footer=t("score.col.total"), overflow="fold")
    table.add_column(t("score.col.axis"))
    table.add_column(t("score.col.weight"), justify="right")
    table.add_column(t("score.col.score"), justify="right", footer=numbers.score(r.total, t.lang))
    table.add_column(
        t("score.col.contribution"),
        justify="right",
        footer=f"{numbers.score(r.total, t.lang)} / 5",
        no_wrap=True,
    )
    table.add_column(t("score.col.source"), overflow="fold")
    for d in x.details:
        c = d.score
        cell = Text(d.criterion.label.get(t.lang), style="bold")
        for p in d.points:
            cell.append(f"\n{p} — {d.criterion.points[p].get(t.lang)}", style="dim")
        contribution = (
            t("label.none")
            if c.contribution is None
            else numbers.score(c.contribution, lang)
            + " / "
            + numbers.score(d.max_contribution, lang)
        )
        table.add_row(
            cell,
            t(f"label.axis.{c.axis}"),
            _weight(c.weight, lang),
            numbers.value(c.score, t.lang),
            contribution,
            Text(_source(c, grid, t)),
            style="yellow" if c.score is None else None,
        )
    changes = [Text(t("score.explain.changes"), style="bold")]
    changes += [Text(line) for line in explain_changes(x, grid, t)]
    return render_rich([head, summary, table, *changes], terminal)


def format_explain_md(
    x: Explanation, grid: Grid, t: Translator, terminal: Terminal | None = None
) -> str:
    lang = t.lang
    r = x.result
    lines = [
        f"## {md(r.id)} · {md(r.usecase.title)}",
        "",
        md(explain_summary(x, t)),
        "",
        "| "
        + " | ".join(
            md_cell(h)
            for h in (
                t("score.col.criterion"),
                t("score.col.axis"),
                t("score.col.weight"),
                t("score.col.score"),
                t("score.col.contribution"),
                t("score.col.meaning"),
                t("score.col.source"),
            )
        )
        + " |",
        "|---|---|---:|---:|---:|---|---|",
    ]
    for d in x.details:
        c = d.score
        meaning = " / ".join(f"{p}: {d.criterion.points[p].get(t.lang)}" for p in d.points)
        contribution = (
            t("label.none")
            if c.contribution is None
            else numbers.score(c.contribution, lang)
            + " / "
            + numbers.score(d.max_contribution, lang)
        )
        cells = [
            d.criterion.label.get(t.lang),
            t(f"label.axis.{c.axis}"),
            _weight(c.weight, lang),
            numbers.value(c.score, t.lang),
            contribution,
            meaning,
            _source(c, grid, t),
        ]
        lines.append("| " + " | ".join(md_cell(v) for v in cells) + " |")
    lines += ["", f"### {md(t('score.explain.changes'))}", ""]
    for line in explain_changes(x, grid, t):
        if line.startswith("  - "):
            lines.append("  - " + md(line[4:]))
        else:
            lines.append("- " + md(line))
    return "\n".join(lines) + "\n"


def _what_if_json(w: WhatIf) -> dict[str, Any]:
    return {
        "criterion": w.criterion,
        "from": w.current,
        "to": w.new_score,
        "new_rank": w.new_rank,
        "new_total": rounded(w.new_total),
        "new_feasibility": rounded(w.new_feasibility),
    }


def format_explain_json(
    x: Explanation, grid: Grid, t: Translator, terminal: Terminal | None = None
) -> str:
    r = x.result
    return dumps(
        {
            "id": r.id,
            "title": r.usecase.title,
            "status": x.status,
            "rank": x.rank,
            "ranked": x.ranked,
            "total": rounded(r.total),
            "value": rounded(r.value),
            "feasibility": rounded(r.feasibility),
            "feasibility_floor": x.floor,
            "below_floor": r.below_floor,
            "criteria": [
                {
                    "id": d.criterion.id,
                    "axis": d.score.axis,
                    "weight": d.score.weight,
                    "score": d.score.score,
                    "source": d.score.source,
                    "measured": d.score.measured,
                    "ratings": [{"by": who, "score": s} for who, s in d.score.rater_scores],
                    "contribution": rounded(d.score.contribution),
                    "max_contribution": rounded(d.max_contribution),
                    "points": {str(p): d.criterion.points[p].get(t.lang) for p in d.points},
                }
                for d in x.details
            ],
            "ahead": x.ahead.id if x.ahead else None,
            "behind": x.behind.id if x.behind else None,
            "lead_over_behind": rounded(x.lead_over_behind),
            "to_pass_ahead": [_what_if_json(w) for w in x.to_pass_ahead],
            "to_clear_floor": [_what_if_json(w) for w in x.to_clear_floor],
            "floor_out_of_reach": x.floor_out_of_reach,
            "completion": (
                {
                    "missing": list(x.completion.missing),
                    "best_rank": x.completion.best_rank,
                    "worst_rank": x.completion.worst_rank,
                }
                if x.completion
                else None
            ),
        }
    )


ExplainReporter = Callable[[Explanation, Grid, Translator, "Terminal | None"], str]

EXPLAIN_REPORTERS: dict[str, ExplainReporter] = {
    "table": format_explain_table,
    "json": format_explain_json,
    "md": format_explain_md,
}
formats.checked(formats.EXPLAIN, EXPLAIN_REPORTERS)


# --- --matrix ----------------------------------------------------------------------------


def _point_label(p: MatrixPoint) -> str:
    return f"{p.id} {p.entry.result.usecase.title}"


def _axis_split(t: Translator, axis: str, high: bool, split: float) -> str:
    key = f"score.matrix.{'high' if high else 'low'}_{axis}"
    return t(key, split=numbers.num(split, t.lang, 1))


def format_matrix_table(matrix: Matrix, t: Translator, terminal: Terminal | None = None) -> str:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    lang = t.lang
    terminal = terminal or Terminal()

    def cell(quadrant: str) -> Text:
        text = Text(t(f"score.quadrant.{quadrant}"), style="bold")
        text.append("\n" + t(f"score.quadrant.{quadrant}.why"), style="dim")
        members = matrix.in_quadrant(quadrant)  # type: ignore[arg-type]
        if not members:
            text.append("\n" + t("label.none"))
        for p in members:
            mark = " ▼" if p.entry.result.below_floor else ""
            text.append(
                f"\n{p.id} {p.entry.result.usecase.title} "
                f"({t('score.matrix.short_value')} {numbers.num(p.value, lang, 1)} · "
                f"{t('score.matrix.short_feasibility')} "
                f"{numbers.num(p.feasibility, lang, 1)}){mark}"
            )
        return text

    table = Table(
        box=box.HEAVY_EDGE,
        show_lines=True,
        title=t("score.matrix.title"),
        title_justify="left",
        expand=True,
    )
    table.add_column("", no_wrap=True, style="bold")
    table.add_column(
        f"← {_axis_split(t, 'feasibility', False, matrix.split)}", ratio=1, overflow="fold"
    )
    table.add_column(
        f"{_axis_split(t, 'feasibility', True, matrix.split)} →", ratio=1, overflow="fold"
    )
    table.add_row(
        "↑ " + _axis_split(t, "value", True, matrix.split),
        cell("strategic_bets"),
        cell("priorities"),
    )
    table.add_row(
        "↓ " + _axis_split(t, "value", False, matrix.split),
        cell("park"),
        cell("easy_extras"),
    )
    notes = [Text(t("score.matrix.legend", floor=numbers.score(matrix.floor, t.lang)), style="dim")]
    if matrix.unplaced:
        ids = ", ".join(e.result.id for e in matrix.unplaced)
        notes.append(Text(t("score.matrix.unplaced", ids=ids), style="yellow"))
    return render_rich([table, *notes], terminal)


def _short_label(text: str, limit: int = 36) -> str:
    """Cut on a word boundary so that points stay readable on the chart."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut + "…"


def _coordinate(score: float) -> str:
    """Mermaid's quadrant grammar takes 1, 0 or 0.<digits> only (not 1.0)."""
    share = (score - 1) / 4
    if share >= 1:
        return "1"
    if share <= 0:
        return "0"
    return f"{share:.3f}"


def format_matrix_md(matrix: Matrix, t: Translator, terminal: Terminal | None = None) -> str:
    """A Mermaid ``quadrantChart`` (every label quoted and escaped), then the same content
    as a list for readers where Mermaid does not render."""
    lang = t.lang

    def quoted(text: str) -> str:
        return f'"{mermaid(text)}"'

    low_f = t("score.matrix.axis.low_feasibility")
    high_f = t("score.matrix.axis.high_feasibility")
    low_v = t("score.matrix.axis.low_value")
    high_v = t("score.matrix.axis.high_value")
    lines = [
        f"## {md(t('score.matrix.title'))}",
        "",
        "```mermaid",
        "quadrantChart",
        f"    title {mermaid(t('score.matrix.title'))}",
        f"    x-axis {quoted(low_f)} --> {quoted(high_f)}",
        f"    y-axis {quoted(low_v)} --> {quoted(high_v)}",
        f"    quadrant-1 {quoted(t('score.quadrant.priorities'))}",
        f"    quadrant-2 {quoted(t('score.quadrant.strategic_bets'))}",
        f"    quadrant-3 {quoted(t('score.quadrant.park'))}",
        f"    quadrant-4 {quoted(t('score.quadrant.easy_extras'))}",
    ]
    for p in matrix.points:
        label = _short_label(mermaid(_point_label(p)))
        lines.append(f'    "{label}": [{_coordinate(p.feasibility)}, {_coordinate(p.value)}]')
    lines += ["```", ""]
    for quadrant in QUADRANTS:
        lines.append(
            f"- **{md(t(f'score.quadrant.{quadrant}'))}**: "
            f"{md(t(f'score.quadrant.{quadrant}.why'))}"
        )
        for p in matrix.in_quadrant(quadrant):
            mark = " ▼" if p.entry.result.below_floor else ""
            lines.append(
                f"  - {md(p.id)} {md(p.entry.result.usecase.title)} "
                f"({md(t('score.matrix.short_value'))} {numbers.num(p.value, lang, 1)} · "
                f"{md(t('score.matrix.short_feasibility'))} "
                f"{numbers.num(p.feasibility, lang, 1)}){mark}"
            )
    lines += ["", md(t("score.matrix.legend", floor=numbers.score(matrix.floor, t.lang)))]
    if matrix.unplaced:
        ids = ", ".join(e.result.id for e in matrix.unplaced)
        lines += ["", md(t("score.matrix.unplaced", ids=ids))]
    return "\n".join(lines) + "\n"


def _matrix_rows(matrix: Matrix) -> list[dict[str, Any]]:
    return [
        {
            "rank": p.entry.rank,
            "id": p.id,
            "title": p.entry.result.usecase.title,
            "quadrant": p.quadrant,
            "value": rounded(p.value),
            "feasibility": rounded(p.feasibility),
            "below_floor": p.entry.result.below_floor,
        }
        for p in matrix.points
    ]


def format_matrix_json(matrix: Matrix, t: Translator, terminal: Terminal | None = None) -> str:
    return dumps(
        {
            "split": matrix.split,
            "feasibility_floor": matrix.floor,
            "points": _matrix_rows(matrix),
            "unplaced": [e.result.id for e in matrix.unplaced],
        }
    )


def format_matrix_csv(matrix: Matrix, t: Translator, terminal: Terminal | None = None) -> str:
    rows = _matrix_rows(matrix)
    header = ["rank", "id", "title", "quadrant", "value", "feasibility", "below_floor"]
    return csv_text(header, ([row[h] for h in header] for row in rows))


MatrixReporter = Callable[[Matrix, Translator, "Terminal | None"], str]

MATRIX_REPORTERS: dict[str, MatrixReporter] = {
    "table": format_matrix_table,
    "json": format_matrix_json,
    "csv": format_matrix_csv,
    "md": format_matrix_md,
}
formats.checked(formats.SCORE, MATRIX_REPORTERS)
