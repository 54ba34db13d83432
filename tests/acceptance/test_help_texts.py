"""Every ``--help`` of aip, walked from the click command tree (issue 14, point 8): it exits 0,
ends with an "Examples:" section of one to three invocations that aip parses, and reads
cleanly at 80 columns (no word cut at a hyphen by reflowing, no markup left unrendered, no
example wrapped onto a second line)."""

from __future__ import annotations

import re
import shlex
from typing import Any

import pytest

from aiptest import run


def _command_paths() -> list[tuple[str, ...]]:
    """The path of every command and group, the root included: ``()``, ``("kpi",)``,
    ``("kpi", "record")``..."""
    from typer import _click
    from typer.main import get_command

    from aiportfolio.cli.app import app

    paths: list[tuple[str, ...]] = []

    def walk(command: Any, path: tuple[str, ...]) -> None:
        paths.append(path)
        if hasattr(command, "list_commands"):
            ctx = _click.Context(command, info_name=path[-1] if path else "aip")
            for name in command.list_commands(ctx):
                walk(command.get_command(ctx, name), (*path, name))

    walk(get_command(app), ())
    return paths


PATHS = _command_paths()
HYPHEN_BREAK = re.compile(r"\w- \w")
MARKUP = re.compile(
    r"\[/?(bold|dim|italic|underline|red|green|yellow|blue|cyan|magenta|white|link)\b|\*\*|\x08"
)


def _help(path: tuple[str, ...]) -> str:
    result = run(None, *path, "--help", env={"COLUMNS": "80", "TERM": "dumb"})
    assert result.exit_code == 0, (path, result.stderr)
    return str(result.stdout)


def _examples(text: str) -> list[str]:
    """The invocations under "Examples:" (indented lines up to the next heading)."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == "Examples:")
    examples = []
    for line in lines[start + 1 :]:
        if line and not line.startswith(" "):
            break
        if line.strip():
            examples.append(line)
    return examples


def test_the_walk_reaches_every_command_and_the_kpi_subcommands() -> None:
    from aiportfolio.cli.commands import COMMANDS

    assert {p[0] for p in PATHS if p} == {e.name for e in COMMANDS}
    assert ("kpi", "record") in PATHS and () in PATHS


@pytest.mark.parametrize("path", PATHS, ids=[" ".join(p) or "aip" for p in PATHS])
def test_every_help_has_examples_and_no_glitch(path: tuple[str, ...]) -> None:
    text = _help(path)
    assert "Examples:" in text, path
    examples = _examples(text)
    assert 1 <= len(examples) <= 3, (path, examples)
    for example in examples:
        # One invocation per line, never reflowed onto a second line.
        assert example.startswith("    aip "), (path, example)
        assert len(example) <= 80, (path, example)
    for line in text.splitlines():
        assert not HYPHEN_BREAK.search(line), (path, line)
        assert not MARKUP.search(line), (path, line)


@pytest.mark.parametrize("path", PATHS, ids=[" ".join(p) or "aip" for p in PATHS])
def test_every_example_is_a_command_line_aip_accepts(path: tuple[str, ...]) -> None:
    """Each ``aip ...`` of an example (also after ``&&``, ``||`` or before ``>``) names
    existing commands and options, with the arguments they take."""
    from typer import _click
    from typer.main import get_command

    from aiportfolio.cli.app import app
    from aiportfolio.cli.argv import hoist_global_options

    root = get_command(app)
    for example in _examples(_help(path)):
        for segment in re.split(r"&&|\|\||\|", example):
            words = shlex.split(segment.split(">")[0], posix=True)
            if not words or words[0] != "aip":
                continue
            args = hoist_global_options(root, words[1:])
            command, ctx = root, root.make_context("aip", args)
            rest = [*ctx._protected_args, *ctx.args]
            while rest and hasattr(command, "resolve_command"):
                name, command, rest = command.resolve_command(ctx, rest)
                ctx = command.make_context(name, rest, parent=ctx)
                rest = [*getattr(ctx, "_protected_args", []), *ctx.args]
            assert not hasattr(command, "resolve_command"), (example, "a group, no command")
            assert not rest, (example, rest)
            assert isinstance(ctx, _click.Context)
