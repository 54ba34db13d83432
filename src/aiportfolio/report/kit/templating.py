"""The Jinja2 environment for Markdown reports.

Templates are looked up first in the register's own ``templates/`` folder, then in the
built-in ones, so a register can override any template by giving a file of the same name.
User text must go through the ``md``/``md_cell``/``mermaid`` filters in Markdown templates;
``.html`` templates are autoescaped.

A register's templates arrive by pull request like the rest of the register, so they are
not trusted code: they run in Jinja's immutable sandbox (no attribute tricks to reach
Python); they are read only from the register's real ``templates/`` folder (a symbolic
link in its place is refused, a template file may not lead outside it, a hidden path such
as ``.git/config`` is never a template); their work is capped (``MAX_SECONDS`` of
rendering, ``MAX_OUTPUT`` characters, no giant string or number built with ``*`` or
``**``); and any template error becomes a configuration error naming the file and line
(exit 2).
"""

from __future__ import annotations

import contextlib
import time
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from aiportfolio import resources
from aiportfolio.errors import ConfigError
from aiportfolio.i18n import Translator
from aiportfolio.message import Message
from aiportfolio.problem import Problem, Severity
from aiportfolio.report.kit import escape

MAX_SECONDS = 20.0
"""Longest a template may render (the built-in ones take milliseconds)."""
MAX_OUTPUT = 10_000_000
"""Most characters a template may write."""
MAX_VALUE = 1_000_000
"""Largest string or sequence a template may build with ``*``, largest exponent of ``**``."""


class TemplateLimit(Exception):
    """A template went past one of the work limits."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


def _confined_loader(search: list[Path]) -> Any:
    import jinja2

    roots = [p.resolve() for p in search]

    class ConfinedLoader(jinja2.FileSystemLoader):
        """A file loader that refuses hidden paths and files resolving outside the search
        folders."""

        def get_source(
            self, environment: jinja2.Environment, template: str
        ) -> tuple[str, str, Callable[[], bool]]:
            if any(part.startswith(".") for part in template.replace("\\", "/").split("/")):
                raise jinja2.TemplateNotFound(template, message=f"{template} is a hidden path")
            source, filename, uptodate = super().get_source(environment, template)
            real = Path(filename).resolve()
            if not any(real.is_relative_to(root) for root in roots):
                raise jinja2.TemplateNotFound(
                    template, message=f"{template} leads outside its templates folder"
                )
            return source, filename, uptodate

    return ConfinedLoader([str(p) for p in search])


def register_templates(register_root: Path | None, t: Translator) -> Path | None:
    """The register's own templates folder, if it has one. A symbolic link in its place
    is refused (``templates -> .`` would open the whole repository, ``.git`` included)."""
    if register_root is None:
        return None
    folder = register_root / "templates"
    if folder.is_symlink():
        problem = Problem(
            "templates",
            0,
            0,
            "template",
            Severity.ERROR,
            Message("template.linked_folder"),
            Message("template.linked_folder.hint"),
        )
        raise ConfigError(t("template.linked_folder"), [problem])
    return folder if folder.is_dir() else None


def environment(register_root: Path | None, lang: str) -> Any:
    from jinja2 import StrictUndefined, select_autoescape
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    t = Translator(lang)
    search = []
    own = register_templates(register_root, t)
    if own is not None:
        search.append(own)
    search.append(resources.builtin_templates())

    class CappedSandbox(ImmutableSandboxedEnvironment):
        """The immutable sandbox, with the clock checked on every call, attribute and item
        access, and ``*`` / ``**`` refused when they would build a giant value."""

        intercepted_binops = frozenset(["*", "**"])
        deadline: float | None = None
        """Set by ``_render`` for each template it renders."""

        def check_time(self) -> None:
            if self.deadline is not None and time.monotonic() > self.deadline:
                raise TemplateLimit("template.too_long", seconds=int(MAX_SECONDS))

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            self.check_time()
            if operator == "**":
                if isinstance(right, int | float) and abs(right) > 1000:
                    raise TemplateLimit("template.too_big_value", detail=f"** {right}")
                if isinstance(left, int) and abs(left) > MAX_VALUE and right > 10:
                    raise TemplateLimit("template.too_big_value", detail="**")
            if operator == "*":
                size = _product_size(left, right)
                if size > MAX_VALUE:
                    raise TemplateLimit("template.too_big_value", detail=f"* {size}")
            return super().call_binop(context, operator, left, right)

        def call(self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
            self.check_time()
            return super().call(__context, __obj, *args, **kwargs)

        def getattr(self, obj: Any, attribute: str) -> Any:
            self.check_time()
            return super().getattr(obj, attribute)

        def getitem(self, obj: Any, argument: Any) -> Any:
            self.check_time()
            return super().getitem(obj, argument)

    env = CappedSandbox(
        loader=_confined_loader(search),
        autoescape=select_autoescape(["html", "html.j2", "svg.j2", "xml.j2"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        md=escape.md,
        md_cell=escape.md_cell,
        mermaid=escape.mermaid,
        html=escape.html_text,
    )
    env.globals.update(t=template_translator(t), tn=t.n, lang=t.lang)
    return env


def template_translator(t: Translator) -> Any:
    """``t`` as templates call it: ``t(key, **params)`` for every message, a plural one
    included (its form follows ``total``, ``count``, ``n``, ``days`` or a list's length;
    ``tn(key, number, **params)`` names the number), so that a register's own templates
    keep working when a message gains plural forms."""
    from aiportfolio.i18n import is_plural
    from aiportfolio.report.kit.steering import plural_count

    def translate(key: str, /, **params: object) -> str:
        if is_plural(key):
            count = plural_count(params)
            return t.n(key, 2 if count is None else count, **params)
        return t(key, **params)

    return translate


def _product_size(left: Any, right: Any) -> int:
    """How many items ``left * right`` builds when one side is a string or a sequence."""
    for seq, times in ((left, right), (right, left)):
        if isinstance(seq, str | list | tuple) and isinstance(times, int):
            return len(seq) * max(times, 0)
    return 0


@contextlib.contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    """Interrupt a template after ``seconds`` even in a loop that calls nothing (POSIX,
    main thread; elsewhere the checks on calls and output are the limit)."""
    import signal
    import threading

    if (
        not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        yield
        return

    def expired(signum: int, frame: Any) -> None:
        raise TemplateLimit("template.too_long", seconds=int(MAX_SECONDS))

    previous = signal.signal(signal.SIGALRM, expired)
    outer, _ = signal.setitimer(signal.ITIMER_REAL, seconds)
    began = time.monotonic()
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer:  # a timer of the caller's was running: give it back what is left
            signal.setitimer(signal.ITIMER_REAL, max(outer - (time.monotonic() - began), 0.001))


def _where(exc: BaseException, template: str) -> tuple[str, int]:
    """The template file and line an error comes from (Jinja keeps them in the traceback)."""
    lineno = getattr(exc, "lineno", None)
    filename = getattr(exc, "filename", None)
    if filename and lineno:
        return str(filename), int(lineno)
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.endswith(".j2"):
            return frame.filename, frame.lineno or 0
    return template, 0


def render(template: str, register_root: Path | None, lang: str, **context: Any) -> str:
    """Render ``template`` (e.g. ``roadmap.md.j2``) with ``context``. A broken, unsafe or
    runaway template raises ``ConfigError`` with its file and line."""
    return renderer(register_root, lang)(template, **context)


def renderer(register_root: Path | None, lang: str) -> Callable[..., str]:
    """``render`` bound to one environment, for a reporter that renders many pages."""
    env = environment(register_root, lang)

    def render_one(template: str, **context: Any) -> str:
        return _render(env, template, register_root, lang, context)

    return render_one


def _render(
    env: Any, template: str, register_root: Path | None, lang: str, context: dict[str, Any]
) -> str:
    env.deadline = deadline = time.monotonic() + MAX_SECONDS
    try:
        with _alarm(MAX_SECONDS + 1):
            chunks: list[str] = []
            size = 0
            for chunk in env.get_template(template).generate(**context):
                size += len(chunk)
                if size > MAX_OUTPUT:
                    raise TemplateLimit("template.too_large", limit=MAX_OUTPUT)
                if time.monotonic() > deadline:
                    raise TemplateLimit("template.too_long", seconds=int(MAX_SECONDS))
                chunks.append(chunk)
            return "".join(chunks)
    except Exception as exc:
        # Whatever a template does wrong (a syntax error, 1/0, a missing key, a runaway
        # loop) is the template's fault: a configuration error at its file and line.
        raise _template_error(exc, template, register_root, Translator(lang)) from None
    finally:
        env.deadline = None


def _template_error(
    exc: Exception, template: str, register_root: Path | None, t: Translator
) -> ConfigError:
    filename, line = _where(exc, template)
    if register_root is not None:
        with contextlib.suppress(ValueError):
            filename = Path(filename).resolve().relative_to(register_root.resolve()).as_posix()
    if isinstance(exc, TemplateLimit):
        detail = t(exc.key, **exc.params)
    elif isinstance(exc, KeyError):
        detail = t("template.unknown_message", key=str(exc))
    else:
        detail = str(exc) or type(exc).__name__
        if not str(exc).strip() or isinstance(exc, ArithmeticError | TypeError | ValueError):
            detail = f"{type(exc).__name__}: {exc}"
    problem = Problem(
        escape.escaped(filename),
        line,
        0 if not line else 1,
        "template",
        Severity.ERROR,
        Message("template.error", {"detail": " ".join(detail.split())[:300]}),
        Message("template.error.hint", {"name": template}),
    )
    return ConfigError(t("template.invalid", name=template), [problem])
