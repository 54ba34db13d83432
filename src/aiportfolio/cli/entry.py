"""The ``aip`` entry point: answers ``aip --version`` before importing typer, then hands
over to the application."""

from __future__ import annotations

import sys

AS_COMMAND = False
"""True when this process is the ``aip`` command (not a test runner or a host calling the
application): ``aip plan --time-limit`` then counts from the start of the process."""


def main() -> None:
    global AS_COMMAND
    AS_COMMAND = True
    if sys.argv[1:] in (["--version"], ["-V"]):
        from aiportfolio import __version__

        sys.stdout.write(f"aip {__version__}\n")
        return
    from aiportfolio.cli.app import main as run_app

    run_app()
