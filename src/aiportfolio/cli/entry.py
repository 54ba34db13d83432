"""The ``aip`` entry point: answers ``aip --version`` before importing typer, then hands
over to the application."""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] in (["--version"], ["-V"]):
        from aiportfolio import __version__

        sys.stdout.write(f"aip {__version__}\n")
        return
    from aiportfolio.cli.app import main as run_app

    run_app()
