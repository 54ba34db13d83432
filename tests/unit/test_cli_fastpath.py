"""The fast path of ``aip check`` (cli/fastpath.py) reads a command line as typer does, or
leaves it to typer: its options are the click command's, what it parses is what typer
passes the command (for many generated command lines), the same output bytes and exit
code come out of both, and it imports neither typer, click nor rich."""

from __future__ import annotations

import inspect
import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
import typer
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from aiportfolio.cli import check as check_command
from aiportfolio.cli.app import _resolve_annotations, app
from aiportfolio.cli.check_run import run_check
from aiportfolio.cli.fastpath import (
    CHECK_OPTIONS,
    COMMAND,
    FLAGS,
    GLOBAL_OPTIONS,
    REGISTER_ENVVAR,
    Parsed,
    parse,
)
from aiptest import REPO_ROOT, modules_loaded, usecase, write_register

sys.path.insert(0, str(REPO_ROOT / "benchmarks"))

from generate import generate_register

LEFT_TO_TYPER = {"-h", "--help", "--version", "-V", "--install-completion", "--show-completion"}
"""Options of the root and of ``check`` that the fast path never takes."""


def _click_commands() -> tuple[Any, Any]:
    _resolve_annotations(app)
    root = typer.main.get_command(app)
    return root, root.commands[COMMAND]


def _table(command: Any) -> dict[str, tuple[str, str | None]]:
    """option name -> (parameter, the flag's value or None for an option with a value)."""
    table: dict[str, tuple[str, str | None]] = {}
    for param in command.params:
        if param.param_type_name != "option":
            continue
        for name in param.opts:
            table[name] = (param.name, "on" if param.is_flag else None)
        for name in param.secondary_opts:
            table[name] = (param.name, "off")
    return table


def _ours(options: dict[str, tuple[str, str]]) -> dict[str, tuple[str, str | None]]:
    return {n: (p, kind if kind in FLAGS else None) for n, (p, kind) in options.items()}


def test_the_options_are_the_click_commands() -> None:
    root, check = _click_commands()
    root_table = {n: v for n, v in _table(root).items() if n not in LEFT_TO_TYPER}
    assert _ours(GLOBAL_OPTIONS) == root_table
    assert _ours(CHECK_OPTIONS) == _table(check)
    # Global options may follow the command (cli/argv.py) because check has none of
    # their names; the fast path reads them anywhere for the same reason.
    assert not set(GLOBAL_OPTIONS) & set(CHECK_OPTIONS)
    (register,) = [p for p in root.params if p.name == "register"]
    assert register.envvar == REGISTER_ENVVAR
    (paths,) = [p for p in check.params if p.param_type_name == "argument"]
    assert (paths.name, paths.nargs) == ("paths", -1)
    # run_check takes every parameter of the command, with the same defaults.
    signature = inspect.signature(run_check)
    assert list(signature.parameters)[1:] == [p.name for p in check.params]
    for param in check.params:
        assert signature.parameters[param.name].default == param.default, param.name


def _typer_reading(args: list[str], env: Mapping[str, str | None]) -> tuple[int, Any]:
    """typer's exit code for ``aip ARGS``, and what its ``check`` command was called with
    (the global settings, and run_check's arguments), the command itself replaced."""
    calls: list[tuple[Any, dict[str, Any]]] = []

    def record(ctx: Any, **kwargs: Any) -> None:
        calls.append((ctx.find_root().obj, kwargs))
        raise SystemExit(0)

    from typer.testing import CliRunner

    with mock.patch.object(check_command, "run_check", record):
        result = CliRunner().invoke(app, args, env=dict(env), catch_exceptions=False)
    return result.exit_code, (calls[0] if calls else None)


def _environ(env: Mapping[str, str | None]) -> dict[str, str]:
    merged: dict[str, str | None] = {**os.environ, **env}
    return {k: v for k, v in merged.items() if v is not None}


def _same_as_typer(args: list[str], env: Mapping[str, str | None]) -> Parsed | None:
    """What the fast path parsed, checked against typer when it took the command line."""
    parsed = parse(args, _environ(env))
    if parsed is None:
        return None
    code, call = _typer_reading(args, env)
    assert code == 0 and call is not None, (args, env, code)
    settings_, kwargs = call
    assert parsed.settings() == settings_, args
    defaults = {name: p.default for name, p in inspect.signature(run_check).parameters.items()}
    del defaults["ctx"]
    assert {**defaults, **parsed.options} == kwargs, args
    return parsed


TAKEN: list[list[str]] = [
    ["check"],
    ["check", "usecases/", "usecases/UC-001-case.yaml"],
    ["check", "--format", "json"],
    ["check", "-f", "github", "--strict"],
    ["check", "--format=gitlab", "--no-cache"],
    ["check", "--limit", "5", "--all", "--date", "2026-01-31", "--base", "origin/main"],
    ["--register", "reg", "--lang", "fr", "-q", "check"],
    ["check", "-r", "reg", "--lang=de", "--quiet"],
    ["-r", "a", "check", "--register=b", "x.yaml", "--lang", "en"],
    ["check", "--cache", "--no-cache", "--cache", "--no-strict", "check"],
    ["check", "--date="],
    ["--lang", "fr", "check", "--lang", "en"],
]


@pytest.mark.parametrize("args", TAKEN, ids=[" ".join(a) for a in TAKEN])
def test_common_command_lines_take_the_fast_path(args: list[str]) -> None:
    assert _same_as_typer(args, {}) is not None


LEFT: list[tuple[list[str], dict[str, str | None]]] = [
    ([], {}),
    (["--help"], {}),
    (["check", "--help"], {}),
    (["check", "-h"], {}),
    (["-V", "check"], {}),
    (["--version"], {}),
    (["chek"], {}),
    (["score"], {}),
    (["check", "--format", "bogus"], {}),
    (["check", "--format", "JSON"], {}),
    (["check", "--limit", "-1"], {}),
    (["check", "--limit", "+3"], {}),
    (["check", "--limit", "1_000"], {}),
    (["check", "--limit"], {}),
    (["check", "--lang", "xx"], {}),
    (["check", "--strict=yes"], {}),
    (["check", "-qf", "json"], {}),
    (["check", "-fjson"], {}),
    (["check", "--", "x.yaml"], {}),
    (["check", "-"], {}),
    (["check", "--date", "-1"], {}),
    (["check", "--register="], {}),
    (["check", "--form", "json"], {}),
    (["--strict", "check"], {}),
    (["check", "--install-completion"], {}),
    (["check"], {"_AIP_COMPLETE": "bash_complete"}),
    (["check"], {"AIP_DEBUG": "1"}),
    (["check"], {REGISTER_ENVVAR: "-x"}),
]


@pytest.mark.parametrize("args, env", LEFT, ids=[" ".join(a) or "(none)" for a, _ in LEFT])
def test_other_command_lines_are_left_to_typer(args: list[str], env: dict[str, str | None]) -> None:
    assert parse(args, _environ(env)) is None


def test_the_register_comes_from_the_environment_unless_given() -> None:
    from_env = _same_as_typer(["check"], {REGISTER_ENVVAR: "envreg"})
    assert from_env is not None and from_env.register == Path("envreg")
    given = _same_as_typer(["check", "-r", "mine"], {REGISTER_ENVVAR: "envreg"})
    assert given is not None and given.register == Path("mine")
    empty = _same_as_typer(["check"], {REGISTER_ENVVAR: ""})
    assert empty is not None and empty.register is None


WORDS = [
    *GLOBAL_OPTIONS,
    *CHECK_OPTIONS,
    *LEFT_TO_TYPER,
    COMMAND,
    "score",
    "--",
    "-",
    "-qf",
    "--format=json",
    "--format=",
    "--lang=fr",
    "--lang=",
    "--strict=1",
    "--limit=7",
    "--date=",
    "--register=r",
    "--no-all",
    "--nocache",
    "--c",
]
VALUES = [
    "json",
    "text",
    "github",
    "gitlab",
    "auto",
    "JSON",
    "en",
    "fr",
    "de",
    "FR",
    "12",
    "007",
    "0",
    "-1",
    "+3",
    "1_000",
    "9" * 20,
    "١٢",
    "",
    "2026-01-31",
    "usecases",
    "usecases/",
    "./a//b/",
    "a b",
    "~",
    ".",
    "é",
]
TOKENS = st.sampled_from(WORDS) | st.sampled_from(VALUES) | st.text(max_size=6)
GOOD = {
    "path": ["reg", "a/", "usecases/x.yaml", "é b", "."],
    "lang": ["en", "fr", "de"],
    "format": ["json", "text", "github", "gitlab", "auto"],
    "count": ["1", "12", "007"],
    "text": ["2026-01-31", "origin/main", "", "x y"],
}
"""Values each kind of option takes (typer too)."""


def pieces(options: dict[str, tuple[str, str]]) -> st.SearchStrategy[tuple[str, ...]]:
    """An option with a value (most often one it takes), a flag, a path, or any token."""
    valued = [(n, kind) for n, (_, kind) in options.items() if kind not in FLAGS]
    return st.one_of(
        st.sampled_from(valued).flatmap(
            lambda nk: st.tuples(
                st.just(nk[0]), st.sampled_from(GOOD[nk[1]]) | st.sampled_from(VALUES)
            )
        ),
        st.tuples(st.sampled_from([n for n, (_, kind) in options.items() if kind in FLAGS])),
        st.tuples(st.sampled_from(["usecases", "a/", "x.yaml", "check", "é b"])),
        st.tuples(TOKENS),
    )


@st.composite
def command_lines(draw: st.DrawFn) -> list[str]:
    before = draw(st.lists(pieces(GLOBAL_OPTIONS), max_size=3))
    after = draw(st.lists(pieces({**GLOBAL_OPTIONS, **CHECK_OPTIONS}), max_size=6))
    line = [*(t for piece in before for t in piece), COMMAND, *(t for p in after for t in p)]
    if draw(st.integers(0, 4)) == 0:
        return draw(st.permutations(line))
    return line


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(
    command_lines(),
    st.sampled_from([None, "", "envreg", "a/", "-x", "--lang"]),
)
def test_what_the_fast_path_reads_is_what_typer_passes(
    args: list[str], register_env: str | None
) -> None:
    parsed = _same_as_typer(args, {REGISTER_ENVVAR: register_env})
    event("fast path" if parsed is not None else "typer")


def _run(entry: str, root: Path, args: list[str], env: dict[str, str]) -> tuple[int, bytes, bytes]:
    code = f"import sys; sys.argv[0] = 'aip'; from {entry} import main; main()"
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        env={**os.environ, **env},
        cwd=root,
        check=False,
    )
    return done.returncode, done.stdout, done.stderr


END_TO_END: list[tuple[list[str], dict[str, str]]] = [
    (["check"], {}),
    (["check", "--format", "json", "--no-cache"], {}),
    (["check", "-f", "github", "--limit", "2"], {}),
    (["check", "--format", "gitlab", "--strict"], {}),
    (["check", "--lang", "fr", "-q", "usecases/UC-002-case.yaml"], {}),
    (["check", "--all", "--date", "2027-06-01"], {"GITHUB_ACTIONS": "true"}),
    (["check", "--limit", "0"], {}),
    (["check", "--date", "31/01/2026"], {}),
    (["check", "missing.yaml", "--lang", "de"], {}),
    (["--register", "nowhere", "check"], {}),
]


def test_the_fast_path_prints_what_typer_prints(tmp_path: Path) -> None:
    """Same exit code, stdout and stderr bytes, for findings, each format, usage errors
    from the command's body, and a wrong register."""
    root = write_register(
        tmp_path / "reg",
        [usecase(), usecase(id="UC-002", owner=None), usecase(id="UC-003", kpis=[])],
    )
    codes = set()
    for args, env in END_TO_END:
        assert parse(args, _environ(env)) is not None, args
        typer_run = _run("aiportfolio.cli.app", root, args, env)
        fast_run = _run("aiportfolio.cli.entry", root, args, env)
        assert fast_run == typer_run, args
        codes.add(fast_run[0])
    assert codes == {1, 2}  # findings, and usage errors


def test_a_re_check_on_the_fast_path_imports_neither_typer_click_nor_rich(
    tmp_path: Path,
) -> None:
    root = generate_register(tmp_path / "reg", 6, seed=5)
    args = ("check", "--format", "json", "--lang", "fr")
    modules_loaded(root, *args)  # fills the cache
    loaded = {m.split(".")[0] for m in modules_loaded(root, *args)}
    assert "aiportfolio" in loaded
    assert not {"typer", "click", "rich", "pydantic", "ruamel"} & loaded
