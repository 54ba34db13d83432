"""Reporters of ``aip balance``: terminal bar chart, Markdown, JSON, CSV."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from aiportfolio.analysis.balance import BalanceReport, BalanceResult, GroupShare
from aiportfolio.i18n import Translator
from aiportfolio.report.kit import numbers
from aiportfolio.report.kit.escape import md, md_cell
from aiportfolio.report.kit.labels import group_label
from aiportfolio.report.kit.machine import csv_text, dumps, rounded
from aiportfolio.report.kit.problems import problem_json
from aiportfolio.report.kit.reporter import PLAIN, Options, Reporter
from aiportfolio.report.kit.terminal import cell_len

BAR_WIDTH = 30
"""Cells for 0-100 %."""


def bar(share: float, target: float, width: int = BAR_WIDTH) -> str:
    """``█`` up to the share, ``·`` beyond, ``│`` at the target."""
    filled = round(share / 100 * width)
    cells = ["█" if i < filled else "·" for i in range(width)]
    mark = min(width - 1, round(target / 100 * width))
    cells[mark] = "│"
    return "".join(cells)


def state(gap: float, ok: bool, t: Translator) -> str:
    if ok:
        return t("score.balance.ok")
    key = "score.balance.over" if gap > 0 else "score.balance.under"
    return t(key, gap=numbers.num(abs(gap), t.lang))


def move_lines(report: BalanceReport, t: Translator) -> list[str]:
    lines: list[str] = []
    result = report.result
    if result.total_count == 0:
        return lines
    if report.count_unreachable:
        lines.append(t("score.balance.move.unreachable"))
    for move in report.count_moves:
        key = "score.balance.move.add" if move.change > 0 else "score.balance.move.withdraw"
        line = t.n(key, abs(move.change), group=group_label(move.group, t))
        if move.candidates:
            line += t("score.balance.move.candidates", ids=", ".join(move.candidates))
        lines.append(line)
    for budget_move in report.budget_moves:
        lines.append(
            t(
                "score.balance.move.budget",
                amount=numbers.eur(budget_move.amount, t.lang),
                source=group_label(budget_move.source, t),
                target=group_label(budget_move.target, t),
            )
        )
    return lines


def summary(report: BalanceReport, t: Translator) -> str:
    if report.ok:
        return t("score.balance.summary.ok")
    result = report.result
    which = []
    if report.by in ("count", "both") and not result.count_ok:
        which.append(t("score.balance.which.count"))
    if report.by in ("budget", "both") and not result.budget_ok:
        which.append(t("score.balance.which.budget"))
    return t("score.balance.summary.off", which=", ".join(which))


def rests_on(result: BalanceResult, t: Translator) -> str:
    """How many entries the budget mix rests on; below the coverage, that there is no
    verdict ("not enough cost data")."""
    cover = result.coverage
    share = "-" if cover.ratio is None else numbers.pct(cover.ratio, t.lang)
    line = t.n("budget.rests_on", cover.total, costed=cover.costed, total=cover.total, share=share)
    if not cover.enough:
        line += " " + t(
            "budget.not_enough.why", threshold=numbers.points(cover.min_coverage, t.lang)
        )
    return line


def _title(report: BalanceReport, t: Translator) -> str:
    r = report.result
    return t.n(
        "score.balance.title",
        r.total_count,
        budget=numbers.eur(r.total_budget, t.lang),
        tolerance=numbers.num(r.tolerance, t.lang),
    )


def _warning_line(p: Any, t: Translator) -> str:
    where = f"{p.path}:{p.line}:{p.column}" if p.line else p.path
    return f"{where}: {t('severity.warning')} [{p.rule}] {p.text(t)}"


def format_table(report: BalanceReport, t: Translator, options: Options = PLAIN) -> str:
    """The mix for a terminal: a bar per group; on a terminal too narrow for a group's
    row, its name goes on a line of its own above a shorter bar."""
    r = report.result
    lines = [_title(report, t), ""]
    if r.total_count == 0:
        lines.append(t("score.balance.empty"))
        return "\n".join(lines) + "\n"
    width = max(len(group_label(g.group, t)) for g in r.groups)
    room = options.width(100)

    def section(
        title: str, share_of: Callable[[GroupShare], tuple[float, str, bool, float]]
    ) -> None:
        lines.append(title)
        rows = []
        for g in r.groups:
            share, amount, ok, gap = share_of(g)
            figures = (
                f"{numbers.points(share, t.lang):>5} {amount:>12}   "
                f"{t('score.balance.col.target').lower()} {numbers.points(g.target, t.lang):>5}  "
                f"{state(gap, ok, t)}"
            )
            rows.append((group_label(g.group, t), share, g.target, figures))
        wide = [
            f"  {label:<{width}}  {bar(share, target)}  {f}" for label, share, target, f in rows
        ]
        if all(cell_len(line) <= room for line in wide):
            lines.extend(wide)
        else:
            # Narrow terminal: each group's name on its own line, a shorter bar under it.
            cells = max(10, min(BAR_WIDTH, room - 6 - max(cell_len(f) for *_, f in rows)))
            for label, share, target, figures in rows:
                lines.extend([f"  {label}", f"    {bar(share, target, cells)}  {figures}"])
        lines.append("")

    section(
        t("score.balance.by_count"),
        lambda g: (g.count_share, f"({g.count})", g.count_ok, g.count_gap),
    )
    if r.budget_judged:
        section(
            t("score.balance.by_budget"),
            lambda g: (g.budget_share, numbers.eur(g.budget, t.lang), g.budget_ok, g.budget_gap),
        )
        lines[-1:-1] = ["  " + rests_on(r, t)]
    elif r.total_budget > 0:
        lines += [t("score.balance.by_budget"), "  " + rests_on(r, t), ""]
    else:
        lines += [t("score.balance.no_budget"), ""]
    lines.append(t("score.balance.legend", tolerance=numbers.num(r.tolerance, t.lang)))
    moves = move_lines(report, t)
    if moves:
        lines += ["", t("score.balance.restore")]
        lines += [f"  - {m}" for m in moves]
    if report.warnings:
        lines += ["", t("score.balance.consistency")]
        for p in report.warnings:
            lines.append("  " + _warning_line(p, t))
            if p.hint:
                lines.append(f"      {t('check.fix')}: {p.hint_text(t)}")
    return "\n".join(lines) + "\n"


def format_md(report: BalanceReport, t: Translator, options: Options = PLAIN) -> str:
    r = report.result
    lines = [f"## {md(t('score.balance.md.title'))}", "", md(_title(report, t)), ""]
    if r.total_count == 0:
        lines.append(md(t("score.balance.empty")))
        return "\n".join(lines) + "\n"
    headers = [
        t("score.balance.col.group"),
        t("score.balance.col.target"),
        t("score.balance.col.count"),
        t("score.balance.col.count_share"),
        t("score.balance.col.state"),
        t("score.balance.col.budget"),
        t("score.balance.col.budget_share"),
        t("score.balance.col.state"),
    ]
    lines.append("| " + " | ".join(md_cell(h) for h in headers) + " |")
    lines.append("|---|---:|---:|---:|---|---:|---:|---|")
    for g in r.groups:
        budget_state = state(g.budget_gap, g.budget_ok, t) if r.budget_judged else t("label.none")
        cells = [
            group_label(g.group, t),
            numbers.points(g.target, t.lang),
            str(g.count),
            numbers.points(g.count_share, t.lang),
            state(g.count_gap, g.count_ok, t),
            numbers.eur(g.budget, t.lang),
            numbers.points(g.budget_share, t.lang),
            budget_state,
        ]
        lines.append("| " + " | ".join(md_cell(c) for c in cells) + " |")
    lines += ["", md(t("score.balance.md.legend", tolerance=numbers.num(r.tolerance, t.lang)))]
    if r.total_budget == 0:
        lines += ["", md(t("score.balance.no_budget"))]
    else:
        lines += ["", md(rests_on(r, t))]
    moves = move_lines(report, t)
    if moves:
        lines += ["", f"### {md(t('score.balance.restore'))}", ""]
        lines += [f"- {md(m)}" for m in moves]
    if report.warnings:
        lines += ["", f"### {md(t('score.balance.consistency'))}", ""]
        for p in report.warnings:
            lines.append(f"- {md(_warning_line(p, t))}")
            if p.hint:
                lines.append(f"  {md(t('check.fix'))}: {md(p.hint_text(t))}")
    lines += ["", f"**{md(summary(report, t))}**"]
    return "\n".join(lines) + "\n"


def format_json(report: BalanceReport, t: Translator, options: Options = PLAIN) -> str:
    r = report.result
    return dumps(
        {
            "ok": report.ok,
            "gate": report.by,
            "count_ok": r.count_ok,
            "budget_ok": r.budget_ok,
            "budget_judged": r.budget_judged,
            "cost_coverage": {
                "costed": r.coverage.costed,
                "total": r.coverage.total,
                "ratio": r.coverage.ratio,
                "enough": r.coverage.enough,
                "min_coverage": r.coverage.min_coverage,
                "missing": list(r.coverage.missing),
            },
            "tolerance": r.tolerance,
            "total_count": r.total_count,
            "total_budget": rounded(r.total_budget, 2),
            "groups": [
                {
                    "group": g.group,
                    "categories": list(g.categories),
                    "target": g.target,
                    "count": g.count,
                    "count_share": rounded(g.count_share, 2),
                    "count_ok": g.count_ok,
                    "budget": rounded(g.budget, 2),
                    "budget_share": rounded(g.budget_share, 2),
                    "budget_ok": g.budget_ok,
                }
                for g in r.groups
            ],
            "count_moves": [
                {"group": m.group, "change": m.change, "candidates": list(m.candidates)}
                for m in report.count_moves
            ],
            "count_unreachable": report.count_unreachable,
            "budget_moves": [
                {"from": m.source, "to": m.target, "amount": rounded(m.amount, 2)}
                for m in report.budget_moves
            ],
            "warnings": [problem_json(p, t) for p in report.warnings],
        }
    )


def format_csv(report: BalanceReport, t: Translator, options: Options = PLAIN) -> str:
    header = [
        "group",
        "categories",
        "target",
        "count",
        "count_share",
        "count_ok",
        "budget",
        "budget_share",
        "budget_ok",
    ]
    rows = [
        [
            g.group,
            " ".join(g.categories),
            g.target,
            g.count,
            rounded(g.count_share, 2),
            "yes" if g.count_ok else "no",
            rounded(g.budget, 2),
            rounded(g.budget_share, 2),
            "yes" if g.budget_ok else "no",
        ]
        for g in report.result.groups
    ]
    return csv_text(header, rows)


REPORTERS: dict[str, Reporter[BalanceReport]] = {
    "table": format_table,
    "json": format_json,
    "csv": format_csv,
    "md": format_md,
}
