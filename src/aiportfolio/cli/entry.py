"""The ``aip`` entry point: answers ``aip --version``, and runs the common ``aip check``
command lines (cli/fastpath.py), before importing typer; hands anything else over to the
application."""

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
    if "check" in sys.argv[1:]:
        import os

        from aiportfolio.cli.fastpath import run

        run(sys.argv[1:], os.environ)  # exits when it ran the command
    from aiportfolio.cli.app import main as run_app

    run_app()
