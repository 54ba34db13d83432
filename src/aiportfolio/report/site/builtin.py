"""How aip's own report templates are rendered: outside the sandbox (they are aip's code,
see ``pages._page_renderer``), in an environment made for a thousand cards. Same output as
a plain Jinja environment with the same settings, byte for byte (a test renders both):

- a message without parameters, ``t("report.card.summary")``, is a constant of the
  report's language: it is translated and escaped once, when the template is compiled,
  instead of on every page (a card shows forty of them);
- ``x.name`` on a plain ``dict`` reads ``x["name"]`` at once: Jinja tries the attribute
  first, which a dict never has unless it is one of its methods (those still win).

The compiled templates are kept in the user's private cache folder, by template and
language, and checked against the template's text, the language and aip's code and
catalogs (the translations are part of the compiled code).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.visitor import NodeTransformer

_DICT_NAMES = frozenset(dir(dict))
"""What ``getattr`` finds on a plain dict: its methods, which Jinja gives before its keys."""

TRANSLATE = "t"
"""The templates' name of the translator (``env.globals``)."""


def _rebinds(tree: nodes.Template, name: str) -> bool:
    """Whether a template gives ``name`` another value somewhere (a ``set``, a loop or
    macro variable, an import): then ``name(...)`` is not always the global."""
    for node in tree.find_all((nodes.Name, nodes.Import, nodes.FromImport)):
        if isinstance(node, nodes.Name):
            bound = [node.name] if node.ctx != "load" else []
        elif isinstance(node, nodes.Import):
            bound = [node.target]
        else:
            assert isinstance(node, nodes.FromImport)
            bound = [n if isinstance(n, str) else n[1] for n in node.names]
        if name in bound:
            return True
    return False


class _FoldMessages(NodeTransformer):
    """``t("key")``, a message without parameters, becomes its text."""

    def __init__(self, translate: Callable[[str], str]) -> None:
        self.translate = translate

    def visit_Call(self, call: nodes.Call) -> nodes.Node:
        node = self.generic_visit(call)
        if (
            isinstance(node, nodes.Call)
            and isinstance(node.node, nodes.Name)
            and node.node.name == TRANSLATE
            and len(node.args) == 1
            and isinstance(node.args[0], nodes.Const)
            and isinstance(node.args[0].value, str)
            and not node.kwargs
            and node.dyn_args is None
            and node.dyn_kwargs is None
        ):
            return nodes.Const(self.translate(node.args[0].value), lineno=node.lineno)
        return node


class BuiltinEnvironment(jinja2.Environment):
    """The environment of aip's own report templates (see the module's docstring)."""

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        if _rebinds(tree, TRANSLATE):
            return tree
        translate = self.globals[TRANSLATE]
        assert callable(translate)
        folded = _FoldMessages(translate).visit(tree)
        assert isinstance(folded, nodes.Template)
        return folded

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in _DICT_NAMES:
            try:
                return obj[attribute]
            except KeyError:
                return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)


class _CompiledCache(jinja2.FileSystemBytecodeCache):
    """Compiled templates by template and language, valid for one text of the template
    under one ``salt`` (the language and aip's code and catalogs)."""

    def __init__(self, folder: str, lang: str, salt: str) -> None:
        super().__init__(folder, pattern="__aip_report_%s.cache")
        self.lang = lang
        self.salt = salt

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        return super().get_cache_key(f"{self.lang}\0{name}", filename)

    def get_source_checksum(self, source: str) -> str:
        return hashlib.sha1(f"{self.salt}\0{source}".encode()).hexdigest()


def _compiled_cache(lang: str) -> _CompiledCache | None:
    from aiportfolio import resources
    from aiportfolio.register.disk_cache import code_fingerprint, private_dir

    folder = private_dir("jinja")
    if folder is None:
        return None
    code = code_fingerprint(resources.builtin_templates()).hex()
    return _CompiledCache(str(folder), lang, f"{lang}\0{code}")


def environment(globals_: dict[str, Any], lang: str, *, cached: bool = True) -> jinja2.Environment:
    """The environment of aip's own templates in ``lang``, with ``globals_`` (``t`` among
    them); ``cached``: compiled templates kept in the user's cache folder."""
    from aiportfolio import resources

    env = BuiltinEnvironment(
        loader=jinja2.FileSystemLoader(str(resources.builtin_templates())),
        autoescape=jinja2.select_autoescape(["html.j2"]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
        bytecode_cache=_compiled_cache(lang) if cached else None,
    )
    env.globals.update(globals_)
    return env
