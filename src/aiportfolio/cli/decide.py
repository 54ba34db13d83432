"""``aip decide UC-ID DECISION``: record a decision and move the status."""

from __future__ import annotations

from typing import Annotated

import typer

from aiportfolio.cli.common import choice_value, handle_errors, open_with_translator
from aiportfolio.cli.options import DecisionChoice, UseCaseIdArgument


@handle_errors
def decide(
    ctx: typer.Context,
    usecase_id: UseCaseIdArgument,
    decision: Annotated[DecisionChoice, typer.Argument(help="go, iterate, scale or stop.")],
    note: Annotated[str | None, typer.Option(help="Why: the facts behind the decision.")] = None,
    by: Annotated[
        str | None, typer.Option(help="Who decided (default: the portfolio committee).")
    ] = None,
    date: Annotated[
        str | None, typer.Option(help="Date of the decision, YYYY-MM-DD (default: today).")
    ] = None,
    next_decision: Annotated[
        str | None, typer.Option(help="Date of the next decision (sets decision_date).")
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="Write even if the entry would then fail the gate (aip check)."
        ),
    ] = False,
) -> None:
    """Record a decision and move the status: go (idea -> scoping -> pilot ->
    industrialising), iterate (same status), scale (pilot -> industrialising -> operated),
    stop (any active -> stopped). An impossible decision is refused (exit 2) with the
    possible ones listed. A decision after which the entry would fail aip check (a pilot
    with no KPI baseline, a high-risk pilot without its reviews...) is refused (exit 1,
    nothing written, the problems listed) unless --force, which writes and says so.

    Examples:

    \b
      aip decide UC-007 go --note "Baseline: 48 h" --next-decision 2027-01-15
      aip decide UC-012 stop --by "Comité portefeuille" --note "No owner"
    """
    from aiportfolio.actions.new import clean_text
    from aiportfolio.actions.writing import apply_edits, locked
    from aiportfolio.actions.writing import decide as decide_engine
    from aiportfolio.cli.common import parse_date, register_root, say
    from aiportfolio.report.written import decide_notes

    root = register_root(ctx)
    with locked(root):
        register, t = open_with_translator(ctx)
        on = parse_date(date, t)
        nxt = parse_date(next_decision, t) if next_decision else None
        who = clean_text(by, t("write.what.by")) if by else t("write.decide.default_by")
        result = decide_engine(
            register,
            usecase_id,
            choice_value(decision),
            note=note.strip() if note and note.strip() else None,
            by=who,
            on=on,
            next_decision=nxt,
            today=parse_date(None, t),
            force=force,
        )
        apply_edits([result.edit], root=register.root)
    say(decide_notes(result, choice_value(decision), register, t))


def register(app: typer.Typer) -> None:
    """Add ``aip decide`` to ``app``."""
    app.command("decide")(decide)
