"""The fast path of ``aip check``: the command lines it plainly understands run the
command's body (cli/check_run.py) without importing typer, click or rich.

A re-check served from the cache spends a third of its time in typer alone: importing it,
building the click command, parsing and converting the options. This module reads the
common ``aip check`` command lines itself, with the values typer would give, and anything
else goes to typer (``parse`` returns ``None``): help, completion, an unknown or
abbreviated option, a value typer would refuse or convert differently, ``--``, option
bundles (``-qf json``), a value that starts with ``-``, ``AIP_DEBUG`` (typer's
traceback), Windows (click expands wildcards there). What such a command line does, and
every error message, stay typer's.

Understood (any order after ``check``, global options before it too, as
``cli/argv.py`` allows): ``--register``/``-r`` PATH (else ``$AIP_REGISTER``), ``--lang``
en|fr|de, ``--quiet``/``-q``, ``--format``/``-f`` NAME, ``--strict``/``--no-strict``,
``--limit`` N, ``--all``, ``--cache``/``--no-cache``, ``--date`` TEXT, ``--base`` REV,
and paths; ``--name=value`` as well as ``--name value``; the last of a repeated option
wins, as in click.

``tests/unit/test_cli_fastpath.py`` keeps both in step: the options below against the
click command's (names, flags, defaults), and, for many generated command lines, what
this module parsed against what typer passes the command.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from aiportfolio.cli.common import Settings

COMMAND = "check"

GLOBAL_OPTIONS: dict[str, tuple[str, str]] = {
    "--register": ("register", "path"),
    "-r": ("register", "path"),
    "--lang": ("lang", "lang"),
    "--quiet": ("quiet", "on"),
    "-q": ("quiet", "on"),
}
"""The global options (cli/app.py's callback): option name -> (parameter, kind)."""
REGISTER_ENVVAR = "AIP_REGISTER"
"""Where ``--register`` is read from when it is not given."""

CHECK_OPTIONS: dict[str, tuple[str, str]] = {
    "--format": ("output_format", "format"),
    "-f": ("output_format", "format"),
    "--strict": ("strict", "on"),
    "--no-strict": ("strict", "off"),
    "--limit": ("limit", "count"),
    "--all": ("show_all", "on"),
    "--cache": ("cache", "on"),
    "--no-cache": ("cache", "off"),
    "--date": ("date", "text"),
    "--base": ("base", "text"),
}
"""The options of ``aip check`` (cli/check.py): option name -> (parameter, kind). The
parameters not given take ``run_check``'s defaults, the command's."""

FLAGS = {"on": True, "off": False}
"""The kinds of options that take no value, and the value each gives."""

_REFUSED = object()
"""What a conversion returns for a value it leaves to typer."""


@dataclass(frozen=True)
class Parsed:
    """An ``aip check`` command line as typer would read it."""

    register: Path | None
    lang: str | None
    quiet: bool
    options: dict[str, Any]
    """The options given, by parameter name of ``run_check`` (paths as ``paths``)."""

    def settings(self) -> Settings:
        from aiportfolio.cli.common import Settings

        return Settings(register=self.register, lang=self.lang, quiet=self.quiet)


def parse(args: Sequence[str], environ: Mapping[str, str]) -> Parsed | None:
    """``args`` (the command line after ``aip``) read as typer would, or ``None`` when
    typer should read it."""
    if os.name == "nt" or environ.get("AIP_DEBUG"):
        return None
    if any(name.endswith("_COMPLETE") for name in environ):  # shell completion
        return None
    given: dict[str, Any] = {}
    options: dict[str, Any] = {}
    paths: list[Path] = []
    in_command = False
    index = 0
    while index < len(args):
        token = args[index]
        index += 1
        if not token.startswith("-"):
            if in_command:
                path = _path(token)
                if path is _REFUSED:
                    return None
                paths.append(path)
            elif token == COMMAND:
                in_command = True
            else:
                return None
            continue
        name, equals, inline = token.partition("=") if token.startswith("--") else (token, "", "")
        known = GLOBAL_OPTIONS.get(name) or (CHECK_OPTIONS.get(name) if in_command else None)
        if known is None:
            return None
        parameter, kind = known
        if kind in FLAGS:
            if equals:
                return None
            value: Any = FLAGS[kind]
        else:
            if equals:
                text = inline
            elif index < len(args):
                text = args[index]
                index += 1
            else:
                return None
            value = _convert(kind, text)
            if value is _REFUSED:
                return None
        (given if name in GLOBAL_OPTIONS else options)[parameter] = value
    if not in_command:
        return None
    if "register" not in given and environ.get(REGISTER_ENVVAR):
        given["register"] = _path(environ[REGISTER_ENVVAR])
        if given["register"] is _REFUSED:
            return None
    if paths:
        options["paths"] = paths
    return Parsed(
        register=given.get("register"),
        lang=given.get("lang"),
        quiet=given.get("quiet", False),
        options=options,
    )


def _convert(kind: str, text: str) -> Any:
    if text.startswith("-"):
        return _REFUSED
    if kind == "path":
        return _path(text)
    if kind == "lang":
        from aiportfolio.model.vocabulary import LANGS

        return text if text in LANGS else _REFUSED
    if kind == "format":
        return text if text in _formats() else _REFUSED
    if kind == "count":
        if 0 < len(text) <= 18 and text.isascii() and text.isdigit():
            return int(text)
        return _REFUSED
    return text  # "text"


def _formats() -> tuple[str, ...]:
    """The ``--format`` values of ``aip check``, as typer lists them."""
    from aiportfolio.cli.check_run import FORMATS_FIRST, FORMATS_MODULE
    from aiportfolio.report.kit.formats import registry_names

    return (*FORMATS_FIRST, *registry_names(FORMATS_MODULE))


def _path(text: str) -> Any:
    """The path typer makes of ``text`` (``Path(text)``), or ``_REFUSED`` when typer
    could refuse it: empty, not valid UTF-8, or an existing path that cannot be read
    (typer's options and arguments of type ``Path`` require ``readable``)."""
    if not text or text.startswith("-") or "\x00" in text:
        return _REFUSED
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _REFUSED
    path = Path(text)
    try:
        os.stat(path)
    except OSError:
        return path  # missing: typer lets it through (the command says what is wrong)
    except ValueError:
        return _REFUSED
    return path if os.access(path, os.R_OK) else _REFUSED


def run(args: Sequence[str], environ: Mapping[str, str]) -> None:
    """Run ``aip check`` for ``args`` without typer, and exit with its code; return
    (nothing done) when typer should read ``args``."""
    parsed = parse(args, environ)
    if parsed is None:
        return
    worker = None
    if parsed.options.get("cache", True):
        # Imports what validating a changed file takes while the check reads its store.
        from aiportfolio.analysis.check_worker import start

        worker = start(parsed.register)
    from aiportfolio.cli.check_run import run_check
    from aiportfolio.cli.common import PlainContext, internal_error, is_command_exit, set_quiet

    try:
        set_quiet(parsed.quiet)
        try:
            run_check(PlainContext(parsed.settings(), worker), **parsed.options)
            raise SystemExit(0)  # run_check ends with its exit code; never typer's turn
        except KeyboardInterrupt:
            raise SystemExit(130) from None  # as typer ends on Ctrl-C
        except Exception as exc:
            if not is_command_exit(exc):
                # What escapes the body's own error mapping: exit 3, as cli/app.py's main.
                internal_error(exc)
            raise
    except Exception as exc:  # typer's Exit, had something loaded typer meanwhile
        if is_command_exit(exc):
            raise SystemExit(getattr(exc, "exit_code", 1)) from None
        raise
    finally:
        if worker is not None:
            worker.close()
