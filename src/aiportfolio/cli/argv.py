"""Conventions of the command line that click does not give by itself: the global options
``--lang``, ``--register``/``-r`` and ``--quiet``/``-q`` accepted after the subcommand too
(``aip check --lang fr`` is ``aip --lang fr check``), and click's own usage errors in the
reader's language (French, German: the text is only built when an error is shown)."""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from typing import Any

from aiportfolio.model.vocabulary import LANGS

GLOBAL_WITH_VALUE = ("--lang", "--register", "-r")
GLOBAL_FLAGS = ("--quiet", "-q")


def _options(command: Any) -> tuple[set[str], set[str]]:
    """(every option name of ``command``, those that take a value)."""
    names = {"-h", "--help"}
    valued: set[str] = set()
    for param in getattr(command, "params", ()):
        if getattr(param, "param_type_name", "") != "option":
            continue
        names.update(param.opts)
        names.update(param.secondary_opts)
        if not param.is_flag and not param.count:
            valued.update(param.opts)
    return names, valued


def hoist_global_options(root: Any, args: Sequence[str]) -> list[str]:
    """``args`` with the global options written after the subcommand moved just before it,
    unless the subcommand has an option of that name itself (``init --lang``). Nothing
    after ``--`` and no value of another option is ever moved."""
    args = list(args)
    end = args.index("--") if "--" in args else len(args)
    _, valued = _options(root)
    index, command, path_start = 0, root, -1
    while index < end:
        token = args[index]
        if token.startswith("-"):
            index += 1
            if token in valued and index < end:
                index += 1
            continue
        sub = getattr(command, "commands", {}).get(token)
        if sub is None:
            break
        path_start = index if path_start < 0 else path_start
        index += 1
        command = sub
        if not hasattr(sub, "commands"):
            break
    if path_start < 0:
        return args
    path_end = index
    names, valued = _options(command)
    hoisted: list[str] = []
    rest: list[str] = []
    while index < end:
        token = args[index]
        name = token.split("=", 1)[0] if token.startswith("--") else token
        index += 1
        if name in names:
            rest.append(token)
            if token in valued and index < end:
                rest.append(args[index])
                index += 1
        elif name in GLOBAL_WITH_VALUE:
            hoisted.append(token)
            if "=" not in token and index < end:
                hoisted.append(args[index])
                index += 1
        elif token in GLOBAL_FLAGS:
            hoisted.append(token)
        else:
            rest.append(token)
    if not hoisted:
        return args
    return [*args[:path_start], *hoisted, *args[path_start:path_end], *rest, *args[end:]]


# --- click's usage errors in the reader's language -----------------------------------------

_CLICK: tuple[tuple[str, str], ...] = (
    (
        r"^No such option: (?P<name>.+?) \(Possible options: (?P<options>.+)\)$",
        "click.no_such_option.possible",
    ),
    (r"^No such option: (?P<name>.+)$", "click.no_such_option"),
    (r"^No such command '(?P<name>.+)'\.$", "click.no_such_command"),
    (r"^Missing command\.$", "click.missing_command"),
    (r"^Missing argument (?P<name>.+?)\.(?P<rest>.*)$", "click.missing_argument"),
    (r"^Missing option (?P<name>.+?)\.(?P<rest>.*)$", "click.missing_option"),
    (r"^Missing parameter:? (?P<name>.+?)\.?$", "click.missing_parameter"),
    (r"^Option '(?P<name>.+)' requires an argument\.$", "click.requires_argument"),
    (r"^Option '(?P<name>.+)' requires (?P<what>.+)$", "click.requires"),
    (r"^Option '(?P<name>.+)' does not take a value\.$", "click.no_value"),
    (r"^Got unexpected extra argument \((?P<args>.+)\)$", "click.extra_argument"),
    (r"^Got unexpected extra arguments \((?P<args>.+)\)$", "click.extra_arguments"),
    (r"^Invalid value for (?P<name>.+?): (?P<detail>.+)$", "click.invalid_value_for"),
    (r"^Invalid value: (?P<detail>.+)$", "click.invalid_value"),
)
"""click's usage errors (pattern of its English text -> message key, the pattern's named
groups are the message's placeholders). The first pattern that matches wins."""
_CLICK_DETAIL: tuple[tuple[str, str], ...] = (
    (r"(?P<value>.+) is not one of (?P<choices>.+)\.$", "click.not_one_of"),
    (r"Value (?P<value>.+) is not a valid (?P<kind>.+)\.$", "click.not_valid"),
    (r"(?P<value>.+) is not a valid (?P<kind>.+)\.$", "click.not_valid"),
    (r"\buse (?P<choices>[a-z]{2}(?:, [a-z]{2})*) or (?P<last>[a-z]{2})$", "click.use_languages"),
)
"""Details inside those errors (each pattern replaced wherever it matches)."""


def translated_message(message: str, lang: str) -> str:
    """A usage error of click in ``lang`` (unknown messages are kept as they are)."""
    from aiportfolio.i18n import Translator

    t = Translator(lang)
    for pattern, key in _CLICK:
        match = re.match(pattern, message, flags=re.S)
        if match:
            message = t(key, **match.groupdict())
            break
    for pattern, key in _CLICK_DETAIL:

        def detail(match: re.Match[str], key: str = key) -> str:
            return t(key, **match.groupdict())

        message = re.sub(pattern, detail, message, flags=re.S)
    return message


def error_language(args: Sequence[str]) -> str:
    """The reader's language when the command line itself is wrong: ``--lang`` if given,
    else the register's (``--register``, ``AIP_REGISTER``, the current folder upward)."""
    from pathlib import Path

    register: Path | None = None
    for index, token in enumerate(args):
        name, _, value = token.partition("=")
        if not value and name in ("--lang", "--register", "-r") and index + 1 < len(args):
            value = args[index + 1]
        if name == "--lang" and value in LANGS:
            return value
        if name in ("--register", "-r") and value:
            register = Path(value)
    try:
        import os

        from aiportfolio.register.paths import peek_language
        from aiportfolio.register.root import find_register_root

        if register is None and os.environ.get("AIP_REGISTER"):
            register = Path(os.environ["AIP_REGISTER"])
        root = find_register_root(register)
        return (peek_language(root) if root else None) or "en"
    except Exception:  # the error being reported matters more than its language
        return "en"


def localized(error: Any, args: Sequence[str]) -> Any:
    """``error`` (a click ``UsageError``) as the reader should see it: unchanged in
    English, in the reader's language otherwise."""
    lang = error_language(args)
    if lang == "en":
        return error
    from typer import _click

    from aiportfolio.i18n import Translator

    t = Translator(lang)

    class LocalizedUsageError(_click.exceptions.UsageError):
        def show(self, file: Any = None) -> None:
            stream = file or sys.stderr
            if self.ctx is not None:
                usage = self.ctx.get_usage().replace("Usage:", t("click.usage"), 1)
                hint = ""
                if self.ctx.command.get_help_option(self.ctx) is not None:
                    command = f"{self.ctx.command_path} {self.ctx.help_option_names[0]}"
                    hint = t("click.try_help", command=command) + "\n"
                _click.echo(f"{usage}\n{hint}", file=stream)
            _click.echo(t("click.error", message=self.message), file=stream)

    translated = LocalizedUsageError(translated_message(error.format_message(), lang), error.ctx)
    translated.exit_code = error.exit_code
    return translated
