"""The Jinja2 environment for Markdown reports.

Templates are looked up first in the register's own ``templates/`` folder, then in the
built-in ones, so a register can override any template by giving a file of the same name.
User text must go through the ``md``/``md_cell``/``mermaid`` filters in Markdown templates;
``.html`` templates are autoescaped.

A register's templates arrive by pull request like the rest of the register, so they are
not trusted code: they run in Jinja's immutable sandbox (no attribute tricks to reach
Python), a template file must lie inside its templates folder (no symbolic link out of it),
and any template error becomes a configuration error naming the file and line (exit 2).
"""

from __future__ import annotations

import contextlib
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from aiportfolio import resources
from aiportfolio.errors import ConfigError
from aiportfolio.i18n import Translator
from aiportfolio.problem import Problem, Severity
from aiportfolio.report import escape


def _confined_loader(search: list[Path]) -> Any:
    import jinja2

    roots = [p.resolve() for p in search]

    class ConfinedLoader(jinja2.FileSystemLoader):
        """A file loader that refuses files resolving outside the search folders."""

        def get_source(
            self, environment: jinja2.Environment, template: str
        ) -> tuple[str, str, Callable[[], bool]]:
            source, filename, uptodate = super().get_source(environment, template)
            real = Path(filename).resolve()
            if not any(real.is_relative_to(root) for root in roots):
                raise jinja2.TemplateNotFound(
                    template, message=f"{template} leads outside its templates folder ({real})"
                )
            return source, filename, uptodate

    return ConfinedLoader([str(p) for p in search])


def environment(register_root: Path | None, lang: str) -> Any:
    from jinja2 import StrictUndefined, select_autoescape
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    search = []
    if register_root is not None and (register_root / "templates").is_dir():
        search.append(register_root / "templates")
    search.append(resources.builtin_templates())
    env = ImmutableSandboxedEnvironment(
        loader=_confined_loader(search),
        autoescape=select_autoescape(["html", "html.j2", "svg.j2", "xml.j2"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    t = Translator(lang)
    env.filters.update(
        md=escape.md,
        md_cell=escape.md_cell,
        mermaid=escape.mermaid,
        html=escape.html_text,
    )
    env.globals.update(t=t, lang=t.lang)
    return env


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
    """Render ``template`` (e.g. ``roadmap.md.j2``) with ``context``. A broken or unsafe
    template raises ``ConfigError`` with its file and line."""
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
    import jinja2

    t = Translator(lang)
    try:
        return str(env.get_template(template).render(**context))
    except (jinja2.TemplateError, UnicodeDecodeError, KeyError, RecursionError) as exc:
        filename, line = _where(exc, template)
        if register_root is not None:
            with contextlib.suppress(ValueError):
                filename = Path(filename).resolve().relative_to(register_root.resolve()).as_posix()
        detail = str(exc) or type(exc).__name__
        if isinstance(exc, KeyError):
            detail = t("template.unknown_message", key=str(exc))
        problem = Problem(
            filename,
            line,
            0 if not line else 1,
            "template",
            Severity.ERROR,
            t("template.error", detail=detail[:300]),
            t("template.error.hint", name=template),
        )
        raise ConfigError(t("template.invalid", name=template), [problem]) from None
