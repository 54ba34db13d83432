"""The ``aip`` entry point: answers ``aip --version``, and runs the common ``aip check``
command lines (cli/fastpath.py), before importing typer; hands anything else over to the
application."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from collections.abc import Sequence
    from importlib.abc import Loader
    from importlib.machinery import ModuleSpec
    from types import ModuleType

AS_COMMAND = False
"""True when this process is the ``aip`` command (not a test runner or a host calling the
application): ``aip plan --time-limit`` then counts from the start of the process."""


PLUGIN_LOADER = "pydantic.plugin._loader"
"""The pydantic module that looks up installed pydantic plugins (``get_plugins``)."""


class _NoPlugins:
    """Imports a stand-in for ``PLUGIN_LOADER`` (an import hook: nothing is imported
    before pydantic asks for it). The stand-in answers ``get_plugins`` (none); asked for
    any other name (a later pydantic), it steps aside for the real module."""

    def find_spec(
        self, name: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if name != PLUGIN_LOADER:
            return None
        from importlib.machinery import ModuleSpec

        return ModuleSpec(name, cast("Loader", self))

    def create_module(self, spec: ModuleSpec) -> None:
        return None  # the default module

    def exec_module(self, module: ModuleType) -> None:
        def get_plugins() -> tuple[()]:
            return ()

        def real(name: str) -> object:
            if name.startswith("__"):  # what the import system asks of any module
                raise AttributeError(name)
            import importlib

            self.remove()
            if sys.modules.get(PLUGIN_LOADER) is module:
                del sys.modules[PLUGIN_LOADER]
            return getattr(importlib.import_module(PLUGIN_LOADER), name)

        module.get_plugins = get_plugins  # type: ignore[attr-defined]
        module.__getattr__ = real  # type: ignore[method-assign]

    def remove(self) -> None:
        if self in sys.meta_path:
            sys.meta_path.remove(self)


def without_pydantic_plugins() -> None:
    """Load no pydantic plugin in this process, as ``PYDANTIC_DISABLE_PLUGINS=__all__``
    would, and without importing the module that looks them up: it imports
    ``importlib.metadata`` (about 0.035 s of every command that validates a file) only to
    find that no plugin is installed. A plugin found in the environment (an observability
    tool, say) would otherwise watch every validation of the register, which aip does not
    want (docs/decisions/0011-check-worker.md)."""
    if PLUGIN_LOADER not in sys.modules and not any(
        isinstance(finder, _NoPlugins) for finder in sys.meta_path
    ):
        sys.meta_path.insert(0, _NoPlugins())


def main() -> None:
    global AS_COMMAND
    AS_COMMAND = True
    if sys.argv[1:] in (["--version"], ["-V"]):
        from aiportfolio import __version__

        sys.stdout.write(f"aip {__version__}\n")
        return
    without_pydantic_plugins()
    if "check" in sys.argv[1:]:
        import os

        from aiportfolio.cli.fastpath import run

        run(sys.argv[1:], os.environ)  # exits when it ran the command
    from aiportfolio.cli.app import main as run_app

    run_app()
