"""Option values converted without pydantic (cli/coercion.py) are what typer's own
conversion gives, on every parameter of every command, for values it takes and values it
refuses (same value, or same error and message); and ``aip check`` served from its cache
imports no pydantic at all."""

from __future__ import annotations

import datetime as dt
import sys
from enum import Enum
from pathlib import Path
from typing import Any

import pytest
import typer
from typer._click import Context
from typer._coercion import build_runtime_param

from aiportfolio.cli.app import _resolve_annotations, app, load_module
from aiportfolio.cli.coercion import light
from aiportfolio.cli.commands import COMMANDS
from aiptest import REPO_ROOT, modules_loaded

sys.path.insert(0, str(REPO_ROOT / "benchmarks"))

from generate import generate_register

SAMPLES: dict[str, list[Any]] = {
    "str": ["x", "", "é è", " a ", "--", "UC-001", "2026-11-26", "a\nb"],
    "int": ["12", "0012", "0", "+3", " 4", "4 ", "1_0", "abc", "", "-1", "9" * 20, "١٢", 7],
    "bool": [True, False, "yes", "", "0"],
    "path": ["usecases", "usecases/uc-001.yaml", "missing/x.yaml", "", ".", "a\x00b", "~"],
}


def _commands() -> list[tuple[str, Any]]:
    """(name, click command) of the root and of every command and subcommand."""
    _resolve_annotations(app)
    found: list[tuple[str, Any]] = [("aip", typer.main.get_group(app))]
    todo = [
        (name, command)
        for m in sorted({e.module for e in COMMANDS})
        for name, command in load_module(m).items()
    ]
    while todo:
        name, command = todo.pop()
        found.append((name, command))
        sub = getattr(command, "commands", None)
        if isinstance(sub, dict):
            todo.extend((f"{name} {n}", c) for n, c in sub.items())
    return found


def _samples(param: Any) -> list[Any]:
    descriptor = param.type_descriptor
    annotation = descriptor.annotation
    listed = getattr(annotation, "__origin__", None) is list
    if listed:
        (annotation,) = annotation.__args__
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        names = [str(getattr(c, "value", c)) for c in annotation]
        values: list[Any] = [*names, *(n.upper() for n in names), "nope", ""]
    elif annotation is int:
        values = SAMPLES["int"]
    elif annotation is bool:
        values = SAMPLES["bool"]
    elif annotation is Path:
        values = SAMPLES["path"]
    else:
        values = SAMPLES["str"]
    if listed:
        return [[v] for v in values] + [values[:2], tuple(values[:2]), values[0]]
    return values


def _outcome(runtime: Any, value: Any, param: Any, ctx: Any) -> tuple[str, Any]:
    try:
        return ("value", runtime._coerce_value(value, param=param, ctx=ctx))
    except Exception as error:  # the error typer reports, compared by type and text
        return ("error", (type(error).__name__, str(error)))


def test_every_parameter_converts_as_typer_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "usecases").mkdir()
    (tmp_path / "usecases" / "uc-001.yaml").write_text("id: UC-001\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    checked = 0
    for name, command in _commands():
        ctx = Context(command, info_name=name)
        params = command.get_params(ctx)
        for param in params:
            param._runtime_param = None
        light(params)
        for param in params:
            ours = param._runtime_param
            if ours is None:
                continue  # typer's own conversion (a float, a file...)
            theirs = build_runtime_param(param.type_descriptor)
            for value in _samples(param):
                expected = _outcome(theirs, value, param, ctx)
                assert _outcome(ours, value, param, ctx) == expected, (name, param.name, value)
                checked += 1
    assert checked > 500


def test_a_refused_value_is_reported_as_typer_reports_it(tmp_path: Path) -> None:
    from aiptest import run

    root = generate_register(tmp_path / "reg", 3, seed=1)
    result = run(root, "check", "--limit", "1_x")
    assert result.exit_code == 2
    assert "--limit" in result.output
    assert "valid integer" in result.output


def test_a_re_check_with_nothing_changed_imports_no_pydantic(tmp_path: Path) -> None:
    """Neither typer's option parsing nor the caches' code fingerprint imports pydantic:
    a check served from the cache validates nothing (typer reads the command line here,
    not the fast path of cli/fastpath.py)."""
    root = generate_register(tmp_path / "reg", 6, seed=2)
    args = ("check", "--limit", "5", "-f", "text", "--date", "2026-11-26")
    env = {"AIP_TODAY": dt.date(2026, 11, 26).isoformat()}

    def modules() -> set[str]:
        return modules_loaded(root, *args, env=env, entry="aiportfolio.cli.app")

    assert "pydantic" in modules()  # the first check validates every file
    assert not {m for m in modules() if m.split(".")[0] in ("pydantic", "pydantic_core")}


@pytest.mark.parametrize(
    "missing",
    [
        ("typer._param_types", "coerce_cli_path"),
        ("typer._param_types", "coerce_cli_choice"),
        ("typer._coercion", "RuntimeParam"),
        ("typer._coercion", "build_runtime_param"),
    ],
)
def test_without_typers_private_names_typer_converts_as_it_does_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, missing: tuple[str, str]
) -> None:
    """A typer whose private names moved: no light conversion, same commands, same
    output and errors."""
    import importlib

    from aiportfolio.cli import coercion
    from aiptest import run

    root = generate_register(tmp_path / "reg", 4, seed=3)
    args = [("check", "--limit", "3", "-f", "text"), ("check", "--limit", "x")]
    before = [run(root, *a) for a in args]
    module, name = missing
    monkeypatch.delattr(importlib.import_module(module), name)
    coercion._runtime.cache_clear()
    try:
        assert coercion._runtime() is None
        _, command = _commands()[0]
        params = command.get_params(Context(command, info_name="aip"))
        for param in params:
            param._runtime_param = None
        light(params)
        assert all(param._runtime_param is None for param in params)
        after = [run(root, *a) for a in args]
    finally:
        coercion._runtime.cache_clear()
    assert [(r.exit_code, r.output) for r in after] == [(r.exit_code, r.output) for r in before]
