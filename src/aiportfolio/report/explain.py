"""Reporters of ``aip score --explain``: one entry's criteria, what each contributes, and
what would change its rank (table, json, md)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aiportfolio.analysis.explain import CriterionDetail, Explanation, WhatIf
from aiportfolio.domain.scoring import CriterionScore
from aiportfolio.i18n import Translator
from aiportfolio.model.grid import Grid
from aiportfolio.report.kit import numbers
from aiportfolio.report.kit.criteria import criterion_label, raters
from aiportfolio.report.kit.escape import md, md_cell
from aiportfolio.report.kit.labels import category_label, status_label
from aiportfolio.report.kit.machine import dumps, rounded
from aiportfolio.report.kit.reporter import PLAIN, Options, Reporter
from aiportfolio.report.kit.terminal import Terminal, longest_word, render_rich


def _weight(weight: float, lang: str) -> str:
    """A criterion weight in percent, decimals kept (12.5 %), spaced like ``numbers.pct``."""
    spaced = lang in numbers.SPACED_SIGNS
    return numbers.value(weight, lang) + (f"{numbers.NBSP}%" if spaced else "%")


@dataclass(frozen=True)
class ExplainReport:
    """What ``aip score --explain`` reports: one entry's explanation, read with its grid
    (criterion labels, questions, measures)."""

    explanation: Explanation
    grid: Grid


def _contribution(d: CriterionDetail, t: Translator) -> str:
    """What a criterion adds to the total, out of the most it could add (or "none")."""
    if d.score.contribution is None:
        return t("label.none")
    return (
        numbers.score(d.score.contribution, t.lang)
        + " / "
        + numbers.score(d.max_contribution, t.lang)
    )


def _source(c: CriterionScore, grid: Grid, t: Translator) -> str:
    if c.source == "ratings":
        return t.n("score.source.ratings", len(c.rater_scores), raters=raters(c))
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
        category=category_label(uc.category, t),
        status=status_label(uc.status, t),
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
            t.n(
                "score.explain.completion",
                len(c.missing),
                criteria=names,
                best=c.best_rank,
                worst=c.worst_rank,
            )
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
            t.n(
                "score.explain.lead",
                lead,
                id=x.behind.id,
                rank=(x.rank or 0) + 1,
                lead=numbers.score(lead, t.lang),
            )
        )
    return lines


def format_explain_table(report: ExplainReport, t: Translator, options: Options = PLAIN) -> str:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    x, grid = report.explanation, report.grid
    terminal = options.terminal or Terminal()
    lang = t.lang
    r = x.result
    head = Text(f"{r.id} · {r.usecase.title}", style="bold")
    summary = Text(explain_summary(x, t))
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_footer=True)
    # The text columns fold on words; none is narrower than its longest word (up to 20
    # cells), so that a long word ("Standardkonnektor") is never cut in two.
    criterion_text = [
        d.criterion.label.get(lang)
        + " "
        + " ".join(d.criterion.points[p].get(lang) for p in d.points)
        for d in x.details
    ]
    source_text = [_source(d.score, grid, t) for d in x.details]
    table.add_column(
        t("score.col.criterion"),
        footer=t("score.col.total"),
        overflow="fold",
        min_width=longest_word(criterion_text, 20),
    )
    table.add_column(t("score.col.axis"))
    table.add_column(t("score.col.weight"), justify="right")
    table.add_column(t("score.col.score"), justify="right", footer=numbers.score(r.total, t.lang))
    table.add_column(
        t("score.col.contribution"),
        justify="right",
        footer=f"{numbers.score(r.total, t.lang)} / 5",
        no_wrap=True,
    )
    table.add_column(
        t("score.col.source"), overflow="fold", min_width=longest_word(source_text, 20)
    )
    for d in x.details:
        c = d.score
        cell = Text(d.criterion.label.get(t.lang), style="bold")
        for p in d.points:
            cell.append(f"\n{p} — {d.criterion.points[p].get(t.lang)}", style="dim")
        contribution = _contribution(d, t)
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


def format_explain_md(report: ExplainReport, t: Translator, options: Options = PLAIN) -> str:
    x, grid = report.explanation, report.grid
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
        contribution = _contribution(d, t)
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


def format_explain_json(report: ExplainReport, t: Translator, options: Options = PLAIN) -> str:
    x = report.explanation
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


REPORTERS: dict[str, Reporter[ExplainReport]] = {
    "table": format_explain_table,
    "json": format_explain_json,
    "md": format_explain_md,
}
