"""The Jinja2 environment for Markdown and HTML reports.

Templates are looked up first in the register's own ``templates/`` folder, then in the
built-in ones, so a register can override any template by giving a file of the same name.
User text must go through the ``md``/``md_cell``/``mermaid`` filters in Markdown templates;
``.html`` templates are autoescaped.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from aiportfolio import resources
from aiportfolio.i18n import Translator
from aiportfolio.report import escape


def environment(register_root: Path | None, lang: str) -> Any:
    import jinja2

    search = []
    if register_root is not None and (register_root / "templates").is_dir():
        search.append(str(register_root / "templates"))
    search.append(str(resources.builtin_templates()))
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(search),
        autoescape=jinja2.select_autoescape(["html"]),
        undefined=jinja2.StrictUndefined,
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


def render(template: str, register_root: Path | None, lang: str, **context: Any) -> str:
    """Render ``template`` (e.g. ``roadmap.md.j2``) with ``context``."""
    return str(environment(register_root, lang).get_template(template).render(**context))
