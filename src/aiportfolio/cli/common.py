"""What every command shares: settings from global options, loading, error mapping, output.

Heavy modules (pydantic, ruamel, rich, jinja2) are imported inside functions so that
``aip --help`` stays as light as typer itself. typer itself is not imported here: the fast
path of ``aip check`` (cli/fastpath.py) runs the command's body without it.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, ParamSpec, Protocol, TypeVar

from aiportfolio import exitcodes

if TYPE_CHECKING:
    from aiportfolio.analysis.check_worker import Worker
    from aiportfolio.errors import AipError
    from aiportfolio.i18n import Translator
    from aiportfolio.register.loader import Register
    from aiportfolio.report.kit.terminal import Terminal
    from aiportfolio.report.written import Note

P = ParamSpec("P")
R = TypeVar("R")


class Context(Protocol):
    """What the commands read of the context they run in: click's (``typer.Context``)
    under typer, ``PlainContext`` on the fast path."""

    def find_root(self) -> Any: ...


@dataclass
class Settings:
    """Global options, set by the app callback and read by every command."""

    register: Path | None = None
    lang: str | None = None
    quiet: bool = False


_QUIET = [False]
"""``--quiet`` of the running command: ``err`` then only shows errors."""


def set_quiet(quiet: bool) -> None:
    _QUIET[0] = quiet


class PlainContext:
    """The context of a command run without typer (cli/fastpath.py): the global options
    alone, where ``settings`` finds them in click's, and for ``aip check`` the worker the
    fast path started (``analysis/check_worker.py``), if any."""

    def __init__(self, settings: Settings, worker: Worker | None = None) -> None:
        self.obj = settings
        self.worker = worker

    def find_root(self) -> PlainContext:
        return self


def settings(ctx: Context) -> Settings:
    obj = ctx.find_root().obj
    return obj if isinstance(obj, Settings) else Settings()


def translator(ctx: Context, register: Register | None = None) -> Translator:
    from aiportfolio.i18n import Translator
    from aiportfolio.register.paths import peek_language
    from aiportfolio.register.root import find_register_root

    chosen = settings(ctx).lang
    if chosen is None and register is not None:
        chosen = register.lang
    if chosen is None:
        root = find_register_root(settings(ctx).register)
        chosen = peek_language(root) if root else None
    return Translator(chosen or "en")


def open_with_translator(ctx: Context) -> tuple[Register, Translator]:
    """The register and a translator in its language (``--lang`` first)."""
    register = open_register(ctx)
    return register, translator(ctx, register)


def choice_value(chosen: object) -> str:
    """The text of a choice (an Enum member, or its default string)."""
    return str(getattr(chosen, "value", chosen))


def register_root(ctx: Context) -> Path:
    from aiportfolio.errors import UsageError
    from aiportfolio.register.root import find_register_root

    given = settings(ctx).register
    root = find_register_root(given)
    if root is None:
        t = translator(ctx)
        if given is not None:
            raise UsageError(t("error.bad_register_path", path=given))
        raise UsageError(
            t("error.no_register", path=Path.cwd()) + "\n  " + t("error.no_register.hint")
        )
    return root


def open_register(
    ctx: Context, paths: list[Path] | None = None, *, cached: bool = True
) -> Register:
    """Load the register (configuration errors raise ``ConfigError``: exit 2). ``cached``
    (every command): reuse the models of unchanged files parsed by an earlier run
    (``register/cached_load``)."""
    from aiportfolio.register.loader import load_register

    root = register_root(ctx)
    recover_writes(ctx, root)
    if cached and not paths:
        from aiportfolio.register.cached_load import load_register_cached

        return load_register_cached(root, settings(ctx).lang)
    return load_register(root, settings(ctx).lang, paths or ())


def recover_writes(ctx: Context, root: Path) -> None:
    """Finish (or roll back) a multi-file write that a killed aip left half done, and
    remove stale temporary files (``register/journal.py``). Cheap when there is nothing
    to do; skipped when the register cannot be locked (read-only checkout, busy)."""
    from aiportfolio.register.journal import pending, recover
    from aiportfolio.register.lock import LockTimeout, register_lock

    if not pending(root):
        return
    try:
        with register_lock(root / "usecases", timeout=5):
            outcome = recover(root)
    except (OSError, LockTimeout):
        return
    if outcome is not None:
        err(translator(ctx)(f"write.recovered.{outcome}"), style="yellow")


def require_valid(register: Register, t: Translator) -> None:
    """Commands that compute on the register warn (stderr) when some files were left out."""
    files = {p.path for p in register.problems}
    if files:
        err(t.n("error.invalid_register", len(files)), style="yellow")


def parse_date(value: str | None, t: Translator) -> dt.date:
    """``--date`` values; defaults to ``$AIP_TODAY`` then today (reproducible runs)."""
    from aiportfolio.errors import UsageError

    raw = value or os.environ.get("AIP_TODAY")
    if not raw:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise UsageError(t("error.bad_date", value=raw)) from None


TERMINAL_FORMATS = ("table", "text")
"""The ``--format`` values read by a person in a terminal (wrapped to its width)."""


def terminal_width() -> int:
    """Columns of the terminal ($COLUMNS first; 100 when the output is not a terminal)."""
    import shutil

    return shutil.get_terminal_size((100, 24)).columns


def view_width(output_format: str) -> int | None:
    """The width a view in ``output_format`` is wrapped to: the terminal's for the
    terminal formats when a person reads them (stdout is a terminal, or ``$COLUMNS`` says
    how wide); None (lines as they are, for pipes, files and CI logs) otherwise, and for
    the machine and Markdown formats."""
    if output_format not in TERMINAL_FORMATS:
        return None
    if "COLUMNS" not in os.environ and not sys.stdout.isatty():
        return None
    return terminal_width()


def view_terminal(output_format: str) -> Terminal | None:
    """The terminal a view in ``output_format`` is fitted to (``view_width``), or None."""
    width = view_width(output_format)
    if width is None:
        return None
    from aiportfolio.report.kit.terminal import Terminal

    return Terminal(width=width)


def out(text: str, *, workflow_commands: bool = False, width: int | None = None) -> None:
    """Data on stdout, as given (no markup interpretation) but never a CI workflow command:
    every line that could reach a CI log is neutralised (``report.escape.ci_safe``). Only
    a reporter that writes workflow commands itself, with its data escaped, passes
    ``workflow_commands=True``. With ``width`` (a terminal view), lines wider than that
    are wrapped at spaces (``kit.terminal.fit``)."""
    from aiportfolio.report.kit.escape import ci_safe

    if width is not None:
        from aiportfolio.report.kit.terminal import fit

        text = fit(text, width)
    sys.stdout.write(text if workflow_commands else ci_safe(text))
    sys.stdout.flush()


def err(text: str, style: str | None = None, *, always: bool = False) -> None:
    """Diagnostics on stderr; colour only on a terminal and without NO_COLOR; never a CI
    workflow command. On a terminal, long lines are wrapped at spaces to its width
    (``kit.terminal.fit``); to a pipe, a file or a CI log, one message stays one line.
    Under ``--quiet`` only errors (a red style) and what is written ``always`` are shown."""
    if _QUIET[0] and not always and "red" not in (style or ""):
        return
    from aiportfolio.report.kit.escape import ci_safe

    safe = ci_safe(text)
    if _plain_stderr() and not _RICH_ONLY.intersection(safe):
        # What rich would print here, without importing it (a fifth of a short command's
        # start-up): no terminal, so no style, and nothing rich rewrites (tabs, and the
        # control codes it strips).
        sys.stderr.write(safe + "\n")
        sys.stderr.flush()
        return
    from rich.console import Console
    from rich.text import Text

    if _stderr_is_terminal():
        from aiportfolio.report.kit.terminal import fit

        safe = fit(safe, terminal_width())
    Console(stderr=True, highlight=False, soft_wrap=True).print(Text(safe, style=style or ""))


_RICH_ONLY = frozenset("\t\x07\x08\x0b\x0c\r")
"""Characters rich rewrites (tabs expanded, control codes stripped)."""
_RICH_ENV = ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE")
"""Environment variables that make rich style output that is not a terminal."""


def _plain_stderr() -> bool:
    """Whether rich would write stderr as plain text: not a terminal, and not forced."""
    if any(name in os.environ for name in _RICH_ENV):
        return False
    try:
        return not sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def _stderr_is_terminal() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def say(notes: Iterable[Note]) -> None:
    """Print a reporter's notes in order: diagnostics on stderr, data lines on stdout."""
    for note in notes:
        if note.stdout:
            out(note.text + "\n")
        else:
            err(note.text, style=note.style)


def fail(error: AipError, t: Translator | None = None) -> NoReturn:
    """Report an ``AipError`` (message, then each problem with its place and fix)."""
    from aiportfolio.i18n import Translator

    t = t or Translator("en")
    err(f"{t('error.prefix')}: {error.text(t)}", style="bold red")
    for p in error.problems:
        where = f"{p.path}:{p.line}:{p.column}" if p.line else p.path
        err(f"  {where}: [{p.rule}] {p.text(t)}", always=True)
        if p.hint:
            err(f"      {t('check.fix')}: {p.hint_text(t)}", always=True)
    raise ending(error.exit_code)


def handle_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Map ``AipError`` (configuration, usage) to its exit code with a clear message,
    never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        from aiportfolio.errors import AipError

        try:
            return func(*args, **kwargs)
        except AipError as exc:
            fail(exc, _translator_of(args, kwargs))
        except OSError as exc:
            # Disk full, permission denied, a folder where a file was expected...: the
            # writes are atomic, so the old files are intact; say what failed, exit 2.
            t = _translator_of(args, kwargs)
            where = exc.filename or ""
            fail(AipError((t or _english())("error.os", path=where, detail=exc.strerror or exc)), t)
        except Exception as exc:
            if is_command_exit(exc) or os.environ.get("AIP_DEBUG"):
                raise
            internal_error(exc, _safe_translator(args, kwargs))

    return wrapper


def is_command_exit(exc: BaseException) -> bool:
    """``typer.Exit``, ``Abort`` and usage errors are typer's way to end a command
    (``SystemExit``, the fast path's, is no ``Exception``: it passes every handler)."""
    # By name: typer vendors click in recent versions and re-exports click's in older ones.
    return any(c.__name__ in ("Exit", "Abort", "ClickException") for c in type(exc).__mro__)


def internal_error(exc: BaseException, t: Translator | None = None) -> NoReturn:
    """An unexpected exception is a bug in aip: one line on stderr, exit 3 (never 1, which
    means findings). ``AIP_DEBUG=1`` lets the traceback through instead."""
    detail = f"{type(exc).__name__}: {exc}"
    detail = " ".join(detail.split())  # one line, whatever the exception says
    if len(detail) > 300:
        detail = detail[:297] + "..."
    try:
        message = (t or _english())("error.internal", detail=detail)
    except Exception:  # the catalog itself may be what broke
        message = f"internal error, please report it with the command you ran (exit 3): {detail}"
    sys.stderr.write(f"aip: {neutralise_line(message)}\n")
    sys.stderr.flush()
    raise ending(exitcodes.INTERNAL)


def neutralise_line(text: str) -> str:
    from aiportfolio.report.kit.escape import ci_safe

    return ci_safe(text)


def _safe_translator(args: tuple[object, ...], kwargs: dict[str, object]) -> Translator | None:
    try:
        return _translator_of(args, kwargs)
    except Exception:
        return None


def _translator_of(args: tuple[object, ...], kwargs: dict[str, object]) -> Translator | None:
    # typer hands over its click Context (a base class of typer.Context).
    contexts = [a for a in (*args, *kwargs.values()) if hasattr(a, "find_root")]
    return translator(contexts[0]) if contexts else None


def _english() -> Translator:
    from aiportfolio.i18n import Translator

    return Translator("en")


def ending(code: int) -> BaseException:
    """The exception that ends a command with exit ``code``: typer's ``Exit`` when typer
    is loaded (it runs the command, and its runner and the tests expect its exception),
    else ``SystemExit`` (the fast path of cli/fastpath.py, which never imports typer)."""
    typer = sys.modules.get("typer")
    if typer is not None:
        exit_type: type[BaseException] = typer.Exit
        return exit_type(code)
    return SystemExit(code)


def exit_with(code: int) -> NoReturn:
    raise ending(code)


def usage_error(message: str) -> NoReturn:
    err(message, style="bold red")
    raise ending(exitcodes.USAGE)


def lazy(module: str, name: str) -> Any:
    import importlib

    return getattr(importlib.import_module(module), name)


def list_limit(limit: int | None, show_all: bool, default: int, t: Translator) -> int | None:
    """How many items a long list shows: ``--limit N``, ``--all`` (None: every one) or the
    command's default. A limit below 1 is a usage error."""
    from aiportfolio.errors import UsageError

    if limit is not None and limit < 1:
        raise UsageError(t("option.limit.bad", value=limit))
    if show_all:
        return None
    return default if limit is None else limit
