"""``aip --help`` reads the command table alone; a command's module is loaded only when that
command is used (cli/commands.py, cli/app.py)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from aiportfolio.cli.commands import COMMANDS, Entry
from aiptest import run

COMMAND_MODULES = sorted({e.module for e in COMMANDS})


def _modules_after(*args: str) -> set[str]:
    """The aiportfolio and third-party modules a fresh ``aip ARGS`` has imported."""
    code = (
        "import json, sys\n"
        f"sys.argv = ['aip', *{list(args)!r}]\n"
        "from aiportfolio.cli.entry import main\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "sys.stderr.write(json.dumps(sorted(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(json.loads(done.stderr.splitlines()[-1]))


def test_help_imports_no_command_module_and_no_heavy_library() -> None:
    loaded = _modules_after("--help")
    assert not {f"aiportfolio.cli.{m}" for m in COMMAND_MODULES} & loaded
    for heavy in ("pydantic", "ruamel", "rich", "jinja2", "openpyxl", "highspy"):
        assert heavy not in loaded, heavy


def test_a_command_loads_its_own_module_only() -> None:
    loaded = _modules_after("kpi", "--help")
    assert "aiportfolio.cli.kpi" in loaded
    others = {f"aiportfolio.cli.{m}" for m in COMMAND_MODULES if m != "kpi"}
    assert not others & loaded


def test_help_lists_every_command_with_its_summary() -> None:
    text = run(None, "--help").stdout
    listing = text[text.index("Commands:") :].splitlines()[1:]
    assert [line.split()[0] for line in listing] == [e.name for e in COMMANDS]
    for entry, line in zip(COMMANDS, listing, strict=True):
        assert line.split(None, 1)[1] == entry.summary


def test_the_table_names_what_each_module_registers() -> None:
    from aiportfolio.cli.app import load_module

    for module in COMMAND_MODULES:
        expected = {e.name for e in COMMANDS if e.module == module}
        assert set(load_module(module)) == expected, module


@pytest.mark.parametrize("entry", COMMANDS, ids=[e.name for e in COMMANDS])
def test_summaries_fit_the_listing(entry: Entry) -> None:
    assert len(entry.summary) <= 60 and entry.summary.endswith(".")
    assert "..." not in entry.summary
    # The command's own short help (completion, a nested listing) is the same text.
    from aiportfolio.cli.app import load_module

    assert load_module(entry.module)[entry.name].get_short_help_str(80) == entry.summary


def test_unknown_command_is_still_suggested() -> None:
    result = run(None, "chek")
    assert result.exit_code == 2
    assert "check" in result.stderr
