"""``aip schema``: the use-case JSON Schema for editors."""

from __future__ import annotations

from typing import Annotated

import typer

from aiportfolio.cli.common import handle_errors, out


@handle_errors
def schema(
    ctx: typer.Context,
    kind: Annotated[
        str, typer.Argument(help="usecase (default), weights or portfolio.")
    ] = "usecase",
) -> None:
    """Print a JSON Schema (draft-07) for editor completion and validation.

    Examples:

    \b
      aip schema > schema/usecase.schema.json
      aip schema portfolio
    """
    from aiportfolio.errors import UsageError
    from aiportfolio.model.schema import SCHEMAS, json_schema_text

    if kind not in SCHEMAS:
        raise UsageError(f"unknown schema {kind!r}: choose one of {', '.join(SCHEMAS)}")
    out(json_schema_text(kind))


def register(app: typer.Typer) -> None:
    app.command("schema")(schema)
