"""Conventions of the command line that click does not give by itself: the global options
``--lang``, ``--register``/``-r`` and ``--quiet``/``-q`` accepted after the subcommand too
(``aip check --lang fr`` is ``aip --lang fr check``), and click's own usage errors in French
for a French reader (the French text is only built when an error is shown)."""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from typing import Any

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


# --- click's usage errors in French ----------------------------------------------------------

_FRENCH: tuple[tuple[str, str], ...] = (
    (
        r"^No such option: (.+?) \(Possible options: (.+)\)$",
        r"option inconnue : \1 (options possibles : \2)",
    ),
    (r"^No such option: (.+)$", r"option inconnue : \1"),
    (r"^No such command '(.+)'\.$", r"commande inconnue : « \1 »."),
    (r"^Missing command\.$", r"commande manquante."),
    (r"^Missing argument (.+?)\.(.*)$", r"argument manquant : \1.\2"),
    (r"^Missing option (.+?)\.(.*)$", r"option manquante : \1.\2"),
    (r"^Missing parameter:? (.+?)\.?$", r"paramètre manquant : \1."),
    (r"^Option '(.+)' requires an argument\.$", r"l'option « \1 » attend une valeur."),
    (r"^Option '(.+)' requires (.+)$", r"l'option « \1 » attend \2"),
    (r"^Option '(.+)' does not take a value\.$", r"l'option « \1 » ne prend pas de valeur."),
    (r"^Got unexpected extra arguments? \((.+)\)$", r"argument(s) en trop : \1"),
    (r"^Invalid value for (.+?): (.+)$", r"valeur invalide pour \1 : \2"),
    (r"^Invalid value: (.+)$", r"valeur invalide : \1"),
)
_FRENCH_DETAIL: tuple[tuple[str, str], ...] = (
    (r"(.+) is not one of (.+)\.$", r"\1 n'est pas l'une des valeurs \2."),
    (r"Value (.+) is not a valid (.+)\.$", r"\1 n'est pas une valeur valide (\2)."),
    (r"(.+) is not a valid (.+)\.$", r"\1 n'est pas une valeur valide (\2)."),
    (r"^use en or fr$", r"utilisez en ou fr"),
)


def french_message(message: str) -> str:
    """A usage error of click, in French (unknown messages are kept as they are)."""
    for pattern, replacement in _FRENCH:
        translated, count = re.subn(pattern, replacement, message, flags=re.S)
        if count:
            message = translated
            break
    for pattern, replacement in _FRENCH_DETAIL:
        message = re.sub(pattern, replacement, message, flags=re.S)
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
        if name == "--lang" and value in ("en", "fr"):
            return value
        if name in ("--register", "-r") and value:
            register = Path(value)
    try:
        import os

        from aiportfolio.register.loader import peek_language
        from aiportfolio.register.root import find_register_root

        if register is None and os.environ.get("AIP_REGISTER"):
            register = Path(os.environ["AIP_REGISTER"])
        root = find_register_root(register)
        return (peek_language(root) if root else None) or "en"
    except Exception:  # the error being reported matters more than its language
        return "en"


def localized(error: Any, args: Sequence[str]) -> Any:
    """``error`` (a click ``UsageError``) as the reader should see it: unchanged in
    English, in French otherwise."""
    if error_language(args) != "fr":
        return error
    from typer import _click

    class FrenchUsageError(_click.exceptions.UsageError):
        def show(self, file: Any = None) -> None:
            stream = file or sys.stderr
            if self.ctx is not None:
                usage = self.ctx.get_usage().replace("Usage:", "Utilisation :", 1)
                hint = ""
                if self.ctx.command.get_help_option(self.ctx) is not None:
                    command = f"{self.ctx.command_path} {self.ctx.help_option_names[0]}"
                    hint = f"Essayez « {command} » pour l'aide.\n"
                _click.echo(f"{usage}\n{hint}", file=stream)
            _click.echo(f"Erreur : {self.message}", file=stream)

    french = FrenchUsageError(french_message(error.format_message()), error.ctx)
    french.exit_code = error.exit_code
    return french
