"""Reporters of ``aip table``: the portfolio line of METHOD.md §1 (terminal, md, csv)."""

from __future__ import annotations

from collections.abc import Sequence

from aiportfolio.analysis.table import PortfolioLine
from aiportfolio.i18n import Translator
from aiportfolio.report.kit import numbers
from aiportfolio.report.kit.escape import md, md_cell
from aiportfolio.report.kit.machine import csv_text
from aiportfolio.report.kit.reporter import PLAIN, Options, Reporter
from aiportfolio.report.kit.terminal import Terminal, longest_word, render_rich, word_wrap


def _headers(t: Translator) -> list[str]:
    return [
        t("score.table.col.usecase"),
        t("score.table.col.owner"),
        t("score.table.col.kpi"),
        t("score.table.col.baseline"),
        t("score.table.col.gain"),
        t("score.table.col.data"),
        t("score.table.col.risk"),
        t("score.table.col.next_step"),
        t("score.table.col.decision_date"),
    ]


def risk_letter(level: str | None, t: Translator) -> str:
    return t(f"score.table.risk.{level or 'unknown'}")


def cells(line: PortfolioLine, t: Translator) -> list[str]:
    """The nine columns for people (dashes for what is not filled in)."""
    none = t("label.none")
    gain = line.gain or none
    if line.annual_gain_eur is not None:
        per_year = t("score.table.per_year", amount=numbers.eur(line.annual_gain_eur, t.lang))
        gain = f"{gain} ({per_year})"
    return [
        f"{line.id} {line.title}",
        line.owner or none,
        line.kpi or none,
        line.baseline or none,
        gain,
        ", ".join(line.data) or none,
        risk_letter(line.risk, t),
        line.next_step or none,
        line.decision_date.isoformat() if line.decision_date else none,
    ]


WIDE = 160
"""Below this width the nine columns cannot be read side by side: one block per use case."""


def format_table(lines: Sequence[PortfolioLine], t: Translator, options: Options = PLAIN) -> str:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    terminal = options.terminal or Terminal()
    title = t("score.table.title")
    if not lines:
        return f"{title}\n{t('score.table.empty')}\n"
    headers = _headers(t)
    rows = [cells(line, t) for line in lines]
    if terminal.width < WIDE:
        return _blocks(headers, rows, title, t, terminal.width)
    # Share of the text width per column (risk and date are fixed).
    shares = [16, 9, 13, 7, 17, 14, 0, 14, 0]
    fixed = {6: max(len(headers[6]), 3), 8: max(len(headers[8]), 10)}
    room = terminal.width - sum(fixed.values()) - (3 * len(headers) - 1)
    widths = [fixed.get(i) or max(8, room * shares[i] // sum(shares)) for i in range(len(headers))]
    # No column narrower than its longest word (header included, cells up to 16 cells):
    # the cells it needs come from the columns with the most room to spare.
    least = [
        fixed.get(i) or max(longest_word([h], 40), longest_word([r[i] for r in rows], 16))
        for i, h in enumerate(headers)
    ]
    widths = [max(w, n) for w, n in zip(widths, least, strict=True)]
    flexible = [i for i in range(len(headers)) if i not in fixed]
    while sum(widths[i] for i in flexible) > room:
        spare = max(flexible, key=lambda i: widths[i] - least[i])
        if widths[spare] <= least[spare]:
            return _blocks(headers, rows, title, t, terminal.width)
        widths[spare] -= 1
    table = Table(box=box.HORIZONTALS, title=title, title_justify="left", pad_edge=False)
    for i, header in enumerate(headers):
        width = widths[i]
        table.add_column(
            header,
            width=width,
            overflow="fold",
            justify="center" if i == 6 else "left",
            no_wrap=i in fixed,
        )
    for row in rows:
        table.add_row(*(Text(c) for c in row))
    return render_rich([table, Text(t("score.table.legend"), style="dim")], terminal)


def _blocks(
    headers: list[str], rows: list[list[str]], title: str, t: Translator, width: int
) -> str:
    """One block per use case: the title line, then one labelled line per column."""
    out = [title, ""]
    label_width = max(len(h) for h in headers[1:]) + 2
    body = max(20, width - label_width - 4)
    for row in rows:
        out.append(f"{row[0]}  [{headers[6]} {row[6]}]")
        for i in (1, 2, 3, 4, 5, 7, 8):
            wrapped = word_wrap(row[i], body)
            label = f"{headers[i]}:"
            out.append(f"    {label:<{label_width}}{wrapped[0]}")
            out.extend(f"    {'':<{label_width}}{more}" for more in wrapped[1:])
        out.append("")
    out.append(t("score.table.legend"))
    return "\n".join(out) + "\n"


def format_md(lines: Sequence[PortfolioLine], t: Translator, options: Options = PLAIN) -> str:
    out = [f"## {md(t('score.table.title'))}", ""]
    if not lines:
        return "\n".join([*out, md(t("score.table.empty"))]) + "\n"
    out.append("| " + " | ".join(md_cell(h) for h in _headers(t)) + " |")
    out.append("|" + "|".join(["---"] * 6 + [":---:", "---", "---"]) + "|")
    for line in lines:
        out.append("| " + " | ".join(md_cell(c) for c in cells(line, t)) + " |")
    out += ["", md(t("score.table.legend"))]
    return "\n".join(out) + "\n"


def format_csv(lines: Sequence[PortfolioLine], t: Translator, options: Options = PLAIN) -> str:
    """Raw values under stable English headers (spreadsheets and scripts read it)."""
    header = [
        "id",
        "title",
        "status",
        "category",
        "owner",
        "kpi_north_star",
        "baseline",
        "target",
        "gain_hypothesis",
        "annual_gain_eur",
        "data_integrations",
        "risk",
        "next_step",
        "decision_date",
    ]
    rows = [
        [
            line.id,
            line.title,
            line.status,
            line.category,
            line.owner,
            line.kpi,
            line.baseline,
            line.target,
            line.gain,
            line.annual_gain_eur,
            "; ".join(line.data),
            line.risk,
            line.next_step,
            line.decision_date.isoformat() if line.decision_date else None,
        ]
        for line in lines
    ]
    return csv_text(header, rows)


REPORTERS: dict[str, Reporter[Sequence[PortfolioLine]]] = {
    "table": format_table,
    "md": format_md,
    "csv": format_csv,
}
