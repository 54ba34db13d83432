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
