"""Reporters of ``aip score --matrix``: the value × feasibility quadrants (table, json,
csv, and md as a Mermaid ``quadrantChart``)."""

from __future__ import annotations

from typing import Any

from aiportfolio.analysis.matrix import QUADRANTS, Matrix, MatrixPoint
from aiportfolio.i18n import Translator
from aiportfolio.report.kit import numbers
from aiportfolio.report.kit.escape import md, mermaid
from aiportfolio.report.kit.machine import csv_text, dumps, rounded
from aiportfolio.report.kit.reporter import PLAIN, Options, Reporter
from aiportfolio.report.kit.terminal import Terminal, render_rich


def _point_label(p: MatrixPoint) -> str:
    return f"{p.id} {p.entry.result.usecase.title}"


def _axis_split(t: Translator, axis: str, high: bool, split: float) -> str:
    key = f"score.matrix.{'high' if high else 'low'}_{axis}"
    return t(key, split=numbers.num(split, t.lang, 1))


def format_matrix_table(matrix: Matrix, t: Translator, options: Options = PLAIN) -> str:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    lang = t.lang
    terminal = options.terminal or Terminal()

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


def format_matrix_md(matrix: Matrix, t: Translator, options: Options = PLAIN) -> str:
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


def format_matrix_json(matrix: Matrix, t: Translator, options: Options = PLAIN) -> str:
    return dumps(
        {
            "split": matrix.split,
            "feasibility_floor": matrix.floor,
            "points": _matrix_rows(matrix),
            "unplaced": [e.result.id for e in matrix.unplaced],
        }
    )


def format_matrix_csv(matrix: Matrix, t: Translator, options: Options = PLAIN) -> str:
    rows = _matrix_rows(matrix)
    header = ["rank", "id", "title", "quadrant", "value", "feasibility", "below_floor"]
    return csv_text(header, ([row[h] for h in header] for row in rows))


REPORTERS: dict[str, Reporter[Matrix]] = {
    "table": format_matrix_table,
    "json": format_matrix_json,
    "csv": format_matrix_csv,
    "md": format_matrix_md,
}
