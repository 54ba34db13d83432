"""The ``aip`` application: global options, and the commands of ``cli/commands.py``, each
loaded from its module only when needed (``aip --help`` imports none of them)."""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from aiportfolio import __version__
from aiportfolio.cli.common import Settings


class LazyCommands(MutableMapping[str, Any]):
    """The root's subcommands by name: a command's module is imported, and its click
    command built, on first access. Listing the names loads nothing."""

    def __init__(self, loaded: MutableMapping[str, Any]) -> None:
        from aiportfolio.cli.commands import COMMANDS

        self.table = {entry.name: entry for entry in COMMANDS}
        self.loaded = dict(loaded)

    def __getitem__(self, name: str) -> Any:
        if name not in self.loaded:
            entry = self.table.get(name)
            if entry is None:
                raise KeyError(name)
            self.loaded.update(load_module(entry.module))
        return self.loaded[name]

    def __contains__(self, name: object) -> bool:
        return name in self.table or name in self.loaded

    def __iter__(self) -> Iterator[str]:
        yield from self.table
        yield from (name for name in self.loaded if name not in self.table)

    def __len__(self) -> int:
        return len(self.table) + sum(1 for name in self.loaded if name not in self.table)

    def __setitem__(self, name: str, command: Any) -> None:
        self.loaded[name] = command

    def __delitem__(self, name: str) -> None:
        self.table.pop(name, None)
        self.loaded.pop(name, None)


def load_module(module: str) -> dict[str, Any]:
    """The click commands that ``aiportfolio.cli.<module>`` registers, by name, each with
    its summary from ``cli/commands.py`` (the one ``aip --help`` shows)."""
    import importlib

    from aiportfolio.cli.coercion import light_commands
    from aiportfolio.cli.commands import COMMANDS

    imported = importlib.import_module(f"aiportfolio.cli.{module}")
    sub = typer.Typer(rich_markup_mode=None)
    imported.register(sub)
    _resolve_annotations(sub)
    commands = dict(typer.main.get_group(sub).commands)
    light_commands(commands.values())
    for entry in COMMANDS:
        if entry.name in commands:
            commands[entry.name].short_help = entry.summary
    return commands


class AipGroup(TyperGroup):
    """The root command: its subcommands loaded lazily (``LazyCommands``), global options
    also after the subcommand, click's usage errors in the reader's language
    (cli/argv.py)."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        self.commands = LazyCommands(self.commands)

    def get_params(self, ctx: Any) -> list[Any]:
        """The global options (with help and completion), converted without pydantic when
        typer would give the same value (cli/coercion.py)."""
        from aiportfolio.cli.coercion import light

        params: list[Any] = super().get_params(ctx)
        light(params)
        return params

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        name, command, rest = super().resolve_command(ctx, args)
        if command is not None:  # its options and its help option, as above
            from aiportfolio.cli.coercion import light

            light(command.get_params(ctx))
        return name, command, rest

    def list_commands(self, ctx: Any) -> list[str]:
        return list(self.commands)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """The command list of ``aip --help``, from the summaries alone."""
        commands = self.commands
        assert isinstance(commands, LazyCommands)
        rows = []
        for name in commands:
            entry = commands.table.get(name)
            if entry is not None:
                rows.append((name, entry.summary))
            elif not commands[name].hidden:
                rows.append((name, commands[name].get_short_help_str()))
        if rows:
            from gettext import gettext as _  # click's own heading, translated like click's

            with formatter.section(_("Commands")):
                formatter.write_dl(rows)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        from aiportfolio.cli.argv import hoist_global_options

        args = hoist_global_options(self, args)
        given = list(args)  # click's parser consumes ``args`` as it reads them
        ctx.meta["aip.args"] = given
        try:
            return super().parse_args(ctx, args)
        except typer._click.exceptions.UsageError as exc:
            raise self._localized(exc, given) from None

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except typer._click.exceptions.UsageError as exc:
            raise self._localized(exc, ctx.meta.get("aip.args", [])) from None

    @staticmethod
    def _localized(error: Any, args: list[str]) -> Any:
        from aiportfolio.cli.argv import localized

        return localized(error, args)


app = typer.Typer(
    name="aip",
    cls=AipGroup,
    help=(
        "aip: your AI use-case portfolio as code. Validate the register, score and balance "
        "use cases, plan waves, review pull requests, steer with TCO and KPIs.\n\n"
        "Examples:\n\n"
        "\b\n"
        "  aip init portefeuille-ia --lang fr && cd portefeuille-ia\n"
        '  aip new "Invoice extraction" --owner "Claire Martin"\n'
        "  aip check --lang en\n"
    ),
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"aip {__version__}")
        raise typer.Exit(0)


def _lang(value: str | None) -> str | None:
    from aiportfolio.model.vocabulary import LANGS

    if value is not None and value not in LANGS:
        raise typer.BadParameter(f"use {', '.join(LANGS[:-1])} or {LANGS[-1]}")
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
            "--lang",
            callback=_lang,
            help="Output language, en, fr or de (default: the register's).",
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", "-V", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet", "-q", help="Only errors on stderr (the data on stdout is unchanged)."
        ),
    ] = False,
) -> None:
    """Global options may also follow the command: `aip check --lang fr -q`."""
    from aiportfolio.cli.common import set_quiet

    set_quiet(quiet)
    ctx.obj = Settings(register=register, lang=lang, quiet=quiet)


def _resolve_annotations(typer_app: typer.Typer) -> None:
    """Evaluate the string annotations of each command and group callback once: typer
    inspects every callback twice while building the CLI, and evaluating the strings each
    time dominates ``aip --help``."""
    import typing

    groups = [typer_app]
    while groups:
        group = groups.pop()
        infos = [*group.registered_commands, group.registered_callback]
        for info in infos:
            if info is not None and info.callback is not None:
                target = getattr(info.callback, "__wrapped__", info.callback)
                if any(isinstance(a, str) for a in target.__annotations__.values()):
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
