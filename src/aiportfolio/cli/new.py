"""``aip new``: create a use case under the next free id (``-i`` asks for the card)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from aiportfolio.cli.common import choice_value, err, handle_errors, out
from aiportfolio.cli.options import CategoryChoice
from aiportfolio.model.vocabulary import CATEGORIES

if TYPE_CHECKING:
    from aiportfolio.actions.new import Card
    from aiportfolio.i18n import Translator


@handle_errors
def new(
    ctx: typer.Context,
    title: Annotated[str, typer.Argument(help="Title of the use case (at most 200 characters).")],
    owner: Annotated[str | None, typer.Option(help="Business owner's name.")] = None,
    category: Annotated[
        CategoryChoice, typer.Option(help="quick_win, foundation, differentiator or compliance.")
    ] = "quick_win",
    interactive: Annotated[
        bool,
        typer.Option("--interactive", "-i", help="Ask for the essentials of the one-page card."),
    ] = False,
) -> None:
    """Create usecases/UC-NNN-<slug>.yaml under the next free id, with every field and a
    guiding comment. Prints the new id on stdout.

    Examples:

    \b
      aip new "Tri des réclamations clients" --owner "Claire Martin"
      aip new "Invoice extraction" --category quick_win --interactive
    """
    from aiportfolio.actions.new import Card, create_usecase
    from aiportfolio.cli.common import register_root, translator
    from aiportfolio.errors import UsageError
    from aiportfolio.register.lock import LockTimeout

    root = register_root(ctx)
    t = translator(ctx)
    folder = root / "usecases"
    if not folder.is_dir():
        raise UsageError(t("write.new.no_usecases_dir", root=root))
    card = Card(title=title, category=choice_value(category), owner=owner)
    if interactive:
        card = _ask_card(card, t)
    from aiportfolio.analysis.idclash import remote_numbers
    from aiportfolio.cli.common import say
    from aiportfolio.domain.ids import used_numbers
    from aiportfolio.report.written import new_notes

    remote = remote_numbers(root)
    try:
        result = create_usecase(folder, card, t.lang, remote.numbers)
    except LockTimeout as exc:
        raise UsageError(t("write.lock_timeout", path=exc)) from None
    local = used_numbers(folder) - {int(result.usecase_id[3:])}
    say(new_notes(result, root, remote, local, t))
    out(result.usecase_id + "\n")


def _ask_card(card: Card, t: Translator) -> Card:
    """Ask for the essentials of the one-page card, owner first, on stdin (a terminal or a
    pipe): each question says its allowed values; Enter keeps the value in brackets or
    leaves the field empty."""
    from aiportfolio.actions.new import Card
    from aiportfolio.model.common import parse_number

    def ask(key: str, default: str | None = None, choices: list[str] | None = None) -> str | None:
        label = t(key)
        if choices:
            label += " (" + ", ".join(choices) + ")"
        if default:
            label += f" [{default}]"
        while True:
            answer = str(typer.prompt(label, default="", show_default=False)).strip()
            if not answer:
                return default
            if not choices or answer.lower() in choices:
                return answer.lower() if choices else answer
            err(t("team.prompt.choose", value=answer, choices=", ".join(choices)), style="red")

    def number(key: str) -> float | None:
        while True:
            raw = ask(key)
            if raw is None:
                return None
            try:
                return parse_number(raw)
            except ValueError:
                err(t("write.bad_number", value=raw), style="red")

    owner = ask("write.prompt.owner", card.owner)
    owner_role = ask("write.prompt.owner_role")
    category = ask("write.prompt.category", card.category, list(CATEGORIES))
    process = ask("write.prompt.process")
    problem = ask("write.prompt.problem")
    value = ask("write.prompt.value")
    sources = ask("write.prompt.sources")
    data_class = ask("write.prompt.data_class", None, ["green", "orange", "red"])
    risk_level = ask("write.prompt.risk", None, ["low", "medium", "high"])
    tool = ask("write.prompt.tool")
    users = ask("write.prompt.users")
    kpi_name = ask("write.prompt.kpi")
    kpi_level: str | None = "impact"
    kpi_unit = direction = None
    baseline = target = None
    if kpi_name:
        kpi_level = ask("team.prompt.kpi_level", "impact", ["impact", "adoption", "quality"])
        kpi_unit = ask("write.prompt.kpi_unit")
        baseline = number("write.prompt.baseline")
        target = number("write.prompt.target")
        guess = None
        if baseline is not None and target is not None and baseline != target:
            guess = "lower_is_better" if target < baseline else "higher_is_better"
        direction = ask("team.prompt.kpi_direction", guess, ["higher_is_better", "lower_is_better"])
    return Card(
        title=card.title,
        owner=owner,
        owner_role=owner_role,
        category=category or card.category,
        process=process,
        problem=problem,
        value=value,
        sources=[s.strip() for s in (sources or "").split(",") if s.strip()],
        data_class=data_class,
        risk_level=risk_level,
        tool=tool,
        users=users,
        kpi_name=kpi_name,
        kpi_level=kpi_level or "impact",
        kpi_direction=direction,
        kpi_unit=kpi_unit,
        kpi_baseline=baseline,
        kpi_target=target,
        next_step=ask("write.prompt.next_step"),
    )


def register(app: typer.Typer) -> None:
    """Add ``aip new`` to ``app``."""
    app.command("new")(new)
