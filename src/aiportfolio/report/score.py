"""Reporters of ``aip score``: the ranking (``--explain`` is in ``report/explain.py``,
``--matrix`` in ``report/matrix.py``).

Pure functions returning a string. The terminal table is drawn by ``kit.terminal``
(``Terminal`` says how wide and whether colour is allowed); machine formats (json, csv)
carry raw ids and numbers, no markup; Markdown escapes every user text.
"""

from __future__ import annotations

from typing import Any

from aiportfolio.analysis.score import ScoreReport
from aiportfolio.domain.scoring import RankedEntry, ScoreResult, why
from aiportfolio.i18n import Translator
from aiportfolio.report.kit import numbers
from aiportfolio.report.kit.criteria import criterion_label, raters, why_item
from aiportfolio.report.kit.escape import md, md_cell
from aiportfolio.report.kit.labels import category_label, status_label
from aiportfolio.report.kit.lists import id_list
from aiportfolio.report.kit.machine import csv_text, dumps, rounded
from aiportfolio.report.kit.reporter import PLAIN, Options, Reporter
from aiportfolio.report.kit.terminal import Terminal, plain_table


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
                    raters=raters(c),
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
        lines.append(t.n("gate.failing.count", len(report.left_out), ids=failing))
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
            items = ", ".join(why_item(c, report.grid, t) for c in reasons.strengths)
            parts.append(t("score.why.strong", items=items))
        if reasons.held_back:
            items = ", ".join(why_item(c, report.grid, t) for c in reasons.held_back)
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


def _fit(lengths: list[int], header: str, cap: int | None = None) -> int:
    width = max([len(header), *lengths])
    return min(width, cap) if cap else width


TABLE_LIMIT = 50
"""Entries ``aip score`` lists in its table and md formats unless --top/--limit or --all."""


def limit_note(report: ScoreReport, t: Translator) -> list[str]:
    """A line saying how many entries the listing left out, when it was cut."""
    if report.matching is None or report.matching <= len(report.entries):
        return []
    return [t.n("score.more", report.matching - len(report.entries), shown=len(report.entries))]


def ranking_title(report: ScoreReport, t: Translator) -> str:
    """ "Ranking: 3 shown of 12 active use cases (9 fully scored)", each count in its form."""
    return t(
        "score.title",
        shown=t.n("score.title.shown", len(report.entries)),
        active=t.n("score.title.active", report.active),
        ranked=t.n("score.title.ranked", report.ranked),
    )


def format_table(report: ScoreReport, t: Translator, options: Options = PLAIN) -> str:
    """The ranking for a terminal. Column widths are computed here, not left to rich: short
    columns never wrap, the title and notes share what is left, and on a narrow terminal
    the notes move under the table (keyed by id) so the ranking stays one block."""
    terminal = options.terminal or Terminal()
    title = ranking_title(report, t)
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
            category_label(e.result.usecase.category, t),
            status_label(e.result.usecase.status, t),
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
            wave = t("diff.wave", id=row[8])  # "wave 2", "Welle 2": German keeps its capital
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


def format_md(report: ScoreReport, t: Translator, options: Options = PLAIN) -> str:
    lines = [
        f"## {md(t('score.md.title'))}",
        "",
        md(ranking_title(report, t)),
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
                category_label(r.usecase.category, t),
                status_label(r.usecase.status, t),
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


def format_json(report: ScoreReport, t: Translator, options: Options = PLAIN) -> str:
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


def format_csv(report: ScoreReport, t: Translator, options: Options = PLAIN) -> str:
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


REPORTERS: dict[str, Reporter[ScoreReport]] = {
    "table": format_table,
    "json": format_json,
    "csv": format_csv,
    "md": format_md,
}
