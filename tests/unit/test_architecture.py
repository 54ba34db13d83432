"""The layering contract of ``pyproject.toml`` (``[tool.importlinter]``): it holds, it
covers every package of aiportfolio, and it would catch an import against the layers or a
cycle (``lint-imports`` runs it in .ci/run; this test runs it at every test run too)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import grimp
import pytest

import aiportfolio

ROOT = Path(__file__).resolve().parents[2]

UNLAYERED = {"__main__", "scaffold"}
"""``__main__`` only calls the CLI; ``scaffold`` holds the files ``aip init`` copies (no
imports)."""


def _contracts() -> list[dict[str, Any]]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts: list[dict[str, Any]] = config["tool"]["importlinter"]["contracts"]
    return contracts


def _layers() -> list[grimp.Layer]:
    (contract,) = [c for c in _contracts() if c["type"] == "layers"]
    return [grimp.Layer(*(n.strip() for n in layer.split("|"))) for layer in contract["layers"]]


def _graph() -> grimp.ImportGraph:
    return grimp.build_graph("aiportfolio", cache_dir=None)


def test_lint_imports_keeps_every_contract() -> None:
    script = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run(
        [str(script), "--no-cache", "--config", str(ROOT / "pyproject.toml")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_every_package_of_aiportfolio_is_in_a_layer() -> None:
    named = {tail for layer in _layers() for tail in layer.module_tails}
    children = {m.name for m in pkgutil.iter_modules(aiportfolio.__path__)}
    assert children - UNLAYERED - named == set()
    assert named <= children


@pytest.mark.parametrize(
    ("importer", "imported"),
    [
        ("aiportfolio.model.usecase", "aiportfolio.cli.app"),  # upwards
        ("aiportfolio.rules.registry", "aiportfolio.analysis.gate"),  # upwards, one layer
        ("aiportfolio.register.loader", "aiportfolio.tabular.read"),  # upwards
        ("aiportfolio.problem", "aiportfolio.i18n"),  # independent siblings at the bottom
    ],
)
def test_the_layers_contract_catches_an_import_against_the_layers(
    importer: str, imported: str
) -> None:
    graph = _graph()
    assert graph.find_illegal_dependencies_for_layers(_layers(), {"aiportfolio"}) == set()
    graph.add_import(importer=importer, imported=imported)
    assert graph.find_illegal_dependencies_for_layers(_layers(), {"aiportfolio"})


def test_the_cycle_contract_catches_a_cycle_inside_a_layer() -> None:
    graph = _graph()
    assert graph.direct_import_exists(
        importer="aiportfolio.rules.registry", imported="aiportfolio.rules.base"
    )
    assert not graph.nominate_cycle_breakers("aiportfolio.rules")
    graph.add_import(importer="aiportfolio.rules.base", imported="aiportfolio.rules.registry")
    assert graph.nominate_cycle_breakers("aiportfolio.rules")


# --- messages: translated only by reporters and the CLI (#12.4) ------------------------------

PACKAGE = ROOT / "src" / "aiportfolio"

TRANSLATING = ("report", "cli", "i18n")
"""The packages that translate: reporters, the CLI, and the catalog itself."""

MAY_TRANSLATE = {
    "message.py": "defines Message.text(t), what reporters and the CLI call",
    "problem.py": "Problem.text(t)/hint_text(t) hand the reporter's translator to the Message",
    "errors.py": "AipError.text(t) for the CLI; str(error) in English for tracebacks and logs",
    "actions/new.py": "the card's comments are file content in the register's language",
    "actions/export.py": "the XLSX sponsor sheets are file content in the register's language",
}
"""Modules below the reporters that may read the catalog, and why."""

_TRANSLATOR_NAMES = {"Translator", "Translate", "tr", "ntr"}


def translations(source: str) -> list[str]:
    """What in ``source`` translates a message: an import of the translator, a parameter
    typed as one, a call of ``t(...)``/``t.n(...)``/``tr(...)``, or ``x.text(t)``."""
    import ast

    found: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and (node.module or "").endswith("i18n"):
            names = {a.name for a in node.names} & _TRANSLATOR_NAMES
            found += [f"line {node.lineno}: imports {n}" for n in sorted(names)]
        elif isinstance(node, ast.Import):
            found += [
                f"line {node.lineno}: imports {a.name}"
                for a in node.names
                if a.name.endswith(".i18n")
            ]
        elif isinstance(node, ast.arg) and node.annotation is not None:
            annotation = ast.unparse(node.annotation)
            if any(name in annotation for name in ("Translator", "Translate")):
                found.append(f"line {node.lineno}: parameter {node.arg}: {annotation}")
        elif isinstance(node, ast.Call):
            func = node.func
            called = ast.unparse(func)
            if called in ("t", "tr", "ntr", "t.n", "self.t", "self.t.n"):
                found.append(f"line {node.lineno}: calls {called}(...)")
            elif (
                isinstance(func, ast.Attribute)
                and func.attr in ("text", "hint_text")
                and len(node.args) == 1
                and not node.keywords
            ):
                found.append(f"line {node.lineno}: translates with {called}(...)")
    return found


def test_no_module_below_the_reporters_translates() -> None:
    offenders = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel.split("/")[0] in TRANSLATING or rel in MAY_TRANSLATE:
            continue
        found = translations(path.read_text(encoding="utf-8"))
        if found:
            offenders[rel] = found
    assert offenders == {}, "build a Message (key + parameters); reporters translate it"


def test_every_module_allowed_to_translate_exists_and_does() -> None:
    for rel in MAY_TRANSLATE:
        path = PACKAGE / rel
        assert path.is_file(), rel
        assert translations(path.read_text(encoding="utf-8")), f"{rel} no longer translates"


@pytest.mark.parametrize(
    "source",
    [
        "from aiportfolio.i18n import Translator\n",
        "from aiportfolio.i18n import tr\n",
        "import aiportfolio.i18n\n",
        "def f(x: int, t: 'Translator') -> None: ...\n",
        "def f(x: int, t: Translate | None) -> None: ...\n",
        "def f(x, t):\n    raise ValueError(t('error.path_not_found', path=x))\n",
        "def f(x, t):\n    return t.n('error.ids_exhausted', x)\n",
        "def f(problem, t):\n    return problem.text(t)\n",
        "class B:\n    def f(self):\n        return self.t('import.row', row=1)\n",
    ],
)
def test_the_translation_check_catches(source: str) -> None:
    assert translations(source)


def test_the_translation_check_lets_messages_through() -> None:
    source = (
        "from aiportfolio.message import Message\n"
        "def f(path, source):\n"
        "    text = source.text\n"
        "    return Message('error.path_not_found', {'path': path}), text\n"
    )
    assert translations(source) == []
