"""Command-line arguments and options that several commands declare alike, and the choices
the command line derives from the model's closed vocabularies (never a second list to keep
in step with the model).

Imported by command modules only (never by ``aip --help``): typer, the standard-library
vocabularies and ``report.kit.formats``, nothing heavy.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated, Any

import typer

from aiportfolio.model.lifecycle import ACTIVE, STATUSES
from aiportfolio.model.vocabulary import CATEGORIES, DECISION_KINDS, LANGS
from aiportfolio.report.kit import formats

if TYPE_CHECKING:
    CategoryChoice = str
    DecisionChoice = str
    LangChoice = str
    ActiveStatus = str
    AnyStatus = str
else:
    CategoryChoice = formats.choices("CategoryChoice", CATEGORIES)
    DecisionChoice = formats.choices("DecisionChoice", DECISION_KINDS)
    LangChoice = formats.choices("Lang", LANGS)
    ActiveStatus = formats.choices("ActiveStatus", ACTIVE)
    AnyStatus = formats.choices("AnyStatus", STATUSES)


def format_option(name: str, module: str, help: str, *, first: Sequence[str] = ()) -> Any:
    """A command's ``--format``/``-f`` option, as the ``Annotated`` type of its parameter:
    the choices are the names in ``first`` then the keys of ``module``'s ``REPORTERS``
    registry (``formats.registry_choices``: read only when typer lists them), the value is
    the chosen name. The command module declares it ``str`` under ``TYPE_CHECKING``, like
    the vocabulary choices above."""
    choices = formats.registry_choices(name, module, first=first)
    return Annotated[choices, typer.Option("--format", "-f", help=help)]


UseCaseIdArgument = Annotated[str, typer.Argument(metavar="UC-ID", help="Use case id.")]
"""The use case a command works on (``classify``, ``decide``, ``kpi record``)."""

ReportDateOption = Annotated[
    str | None,
    typer.Option(help="Date of the report, YYYY-MM-DD (default: $AIP_TODAY, else today)."),
]
"""``--date`` of a report (``compliance``, ``report``), read with ``common.parse_date``."""

RulesDateOption = Annotated[
    str | None, typer.Option(help="Today's date for date rules (YYYY-MM-DD).")
]
"""``--date`` that the date rules of ``aip check`` take as today (``check``, ``diff``)."""
