"""``aip renumber OLD NEW``: give a use case a new id, references included."""

from __future__ import annotations

from typing import Annotated

import typer

from aiportfolio.cli.common import handle_errors, open_with_translator


@handle_errors
def renumber(
    ctx: typer.Context,
    old: Annotated[str, typer.Argument(metavar="OLD", help="The use case's current id.")],
    new: Annotated[str, typer.Argument(metavar="NEW", help="Its new id, free everywhere.")],
) -> None:
    """Give a use case a new id: rename its file, rewrite its `id:` and every `depends_on`
    that names it. Comments and layout are kept; only those lines change. Use it when
    `aip check --base` reports an id-base-collision (another branch took the same id).

    NEW must be free in this register and on the upstream and default branches that git
    knows (exit 2 otherwise).

    Examples:

    \b
      aip renumber UC-014 UC-017
      aip check --base origin/main || aip renumber UC-014 UC-017
    """
    from aiportfolio.actions.renumber import renumber as renumber_engine
    from aiportfolio.actions.writing import apply_edits, locked
    from aiportfolio.analysis.idclash import remote_numbers
    from aiportfolio.cli.common import register_root, say
    from aiportfolio.errors import UsageError
    from aiportfolio.register.source import read_source
    from aiportfolio.report.written import renumber_notes

    root = register_root(ctx)
    with locked(root):
        register, t = open_with_translator(ctx)
        remote = remote_numbers(root)
        result = renumber_engine(register, old, new, remote.numbers)
        before = read_source(result.old_path).raw
        apply_edits(list(result.edits), root=register.root)
        if result.old_path.read_bytes() != before:  # pragma: no cover - we hold the lock
            raise UsageError(t("write.changed_meanwhile", path=register.relpath(result.old_path)))
        result.old_path.unlink()
    say(renumber_notes(result, register, t))


def register(app: typer.Typer) -> None:
    """Add ``aip renumber`` to ``app``."""
    app.command("renumber")(renumber)
