"""Every command of ``aip``, in the order ``aip --help`` lists them: its name, the module of
``cli/`` that defines it, and its one-line summary.

This table is all that ``aip --help`` reads: a command's module (and what it imports) is
loaded only when that command runs, is completed, or shows its own help
(``cli/app.py``'s ``AipGroup``). A test checks that the table names every command each
module registers, and that each summary fits the 80-column listing.
"""

from __future__ import annotations

from typing import NamedTuple


class Entry(NamedTuple):
    name: str
    module: str
    summary: str


COMMANDS: tuple[Entry, ...] = (
    Entry("check", "check", "Validate the register: schema, owners, KPIs, ids, rules."),
    Entry("score", "scoring", "Rank the active use cases on the value/feasibility grid."),
    Entry("balance", "scoring", "Category mix (count and budget) against the target."),
    Entry("table", "scoring", "The portfolio line: one row per use case."),
    Entry("plan", "plan", "Propose a wave for every active use case, within capacity."),
    Entry("roadmap", "plan", "Write a Markdown roadmap by wave."),
    Entry("diff", "diff", "Compare the register at two git revisions (pull requests)."),
    Entry("init", "init", "Create a register: configuration, examples, CI files."),
    Entry("new", "new", "Create a use case under the next free id."),
    Entry("renumber", "renumber", "Give a use case a new id, references included."),
    Entry("decide", "decide", "Record a go/iterate/scale/stop decision; move the status."),
    Entry("kpi", "kpi", "Record KPI measurements."),
    Entry("fmt", "fmt", "Normalise use-case files (key order, indentation)."),
    Entry("import", "importing", "Create or update use cases from a CSV or XLSX file."),
    Entry("export", "export", "Export the portfolio as XLSX (sponsors) or CSV."),
    Entry("tco", "steer", "Total cost of ownership, gain, ROI and payback."),
    Entry("dashboard", "steer", "KPIs by level per use case and 12 portfolio indicators."),
    Entry("agenda", "steer", "The Markdown pack a governance meeting reads."),
    Entry("doctor", "steer", "Diagnose the portfolio: six warning signals, and triage."),
    Entry("classify", "compliance", "Classify a use case under the EU AI Act."),
    Entry("compliance", "compliance", "EU AI Act coverage, deadlines and gaps."),
    Entry("report", "report", "Write the portfolio report: a static HTML site."),
    Entry("schema", "schema", "Print a JSON Schema for editor completion and validation."),
)
"""Summaries stay under 60 characters: ``aip --help`` lists them beside the names at 80
columns without cutting them."""
