"""The ``aip`` application: global options and command registration only."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from aiportfolio import __version__
from aiportfolio.cli import check, diff, plan, report, schema, scoring, steer, write
from aiportfolio.cli.common import Settings

app = typer.Typer(
    name="aip",
    help=(
        "aip: your AI use-case portfolio as code. Validate the register, score and balance "
        "use cases, plan waves, review pull requests, steer with TCO and KPIs."
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"aip {__version__}")
        raise typer.Exit(0)


def _lang(value: str | None) -> str | None:
    if value is not None and value not in ("en", "fr"):
        raise typer.BadParameter("use en or fr")
    return value


@app.callback()
def main_callback(
    ctx: typer.Context,
    register: Annotated[
        Path | None,
        typer.Option(
            "--register",
            "-r",
            envvar="AIP_REGISTER",
            help="Register folder (default: found from the current folder upward).",
        ),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang", callback=_lang, help="Output language, en or fr (default: the register's)."
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    ctx.obj = Settings(register=register, lang=lang)


# Each command group registers its commands; modules stay light (heavy imports are lazy).
for _group in (check, scoring, plan, diff, write, steer, report, schema):
    _group.register(app)


def _resolve_annotations(typer_app: typer.Typer) -> None:
    """Evaluate each command's string annotations once: typer inspects every command twice
    while building the CLI, and evaluating the strings each time dominates ``aip --help``."""
    import typing

    groups = [typer_app]
    while groups:
        group = groups.pop()
        for info in group.registered_commands:
            if info.callback is not None:
                target = getattr(info.callback, "__wrapped__", info.callback)
                hints = typing.get_type_hints(target, include_extras=True)
                info.callback.__annotations__ = hints
                target.__annotations__ = hints
        groups.extend(g.typer_instance for g in group.registered_groups if g.typer_instance)


def main() -> None:
    import os

    _resolve_annotations(app)
    try:
        app()
    except Exception as exc:
        # Commands map their own errors (cli.common.handle_errors); this catches what
        # escapes them (option callbacks, typer itself): exit 3, never a traceback.
        if os.environ.get("AIP_DEBUG"):
            raise
        from aiportfolio.cli.common import internal_error

        try:
            internal_error(exc)
        except typer.Exit as done:
            raise SystemExit(done.exit_code) from None
