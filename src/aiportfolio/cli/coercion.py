"""Option values converted without pydantic when typer would give the same value.

typer (0.2x) converts every parameter's value with a pydantic ``TypeAdapter`` built for it
when the command runs, even a value left at its default: the first one imports pydantic,
and each costs its schema. For ``aip check`` that is most of a re-check served from the
cache (which needs no model at all). The parameters of aip's commands are plain: text,
whole numbers, paths, flags, lists of paths, a choice among names. For those, and for the
values a person types (``12``, ``usecases/uc-001.yaml``, ``json``), ``light`` converts as
typer's adapter does; any other value (``+3``, ``1_000``, a name in another case...) goes
to typer's own conversion, built then, so what is accepted, what it becomes and every
error message stay typer's. ``tests/unit/test_cli_coercion.py`` compares both on every
parameter of every command.

Only for the typer versions whose parameters convert this way (``_runtime_param``); with
any other, parameters are left as typer made them.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any, get_args, get_origin

_UNKNOWN = object()
"""What a fast conversion returns for a value it leaves to typer."""


def _text(value: Any) -> Any:
    return value if type(value) is str else _UNKNOWN


def _number(value: Any) -> Any:
    if type(value) is int:
        return value
    if type(value) is str and 0 < len(value) <= 18 and value.isascii() and value.isdigit():
        return int(value)
    return _UNKNOWN


def _flag(value: Any) -> Any:
    return value if type(value) is bool else _UNKNOWN


def _leaf(annotation: Any, info: Any, typing_args: Any) -> Callable[..., Any] | None:
    """A fast conversion for one value of ``annotation``, or ``None`` (typer's own)."""
    routes_to_path = typing_args.routes_to_path
    if info.parser is not None:
        return None
    if annotation is str:
        return lambda value, param, ctx: _text(value)
    if annotation is int:
        return lambda value, param, ctx: _number(value)
    if annotation is bool:
        return lambda value, param, ctx: _flag(value)
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return _choice(lambda: list(annotation), info, typing_args)
    if annotation is Path and routes_to_path(annotation, info) and info.path_type is None:
        coerce_cli_path = typing_args.coerce_cli_path

        def path(value: Any, param: Any, ctx: Any) -> Any:
            if type(value) is str:
                # What pydantic makes of it (TypeAdapter(Path)); typer's messages quote
                # the value as given: only when both read the same.
                as_path = Path(value)
                if str(as_path) != value:
                    return _UNKNOWN
                value = as_path
            elif not isinstance(value, Path):
                return _UNKNOWN
            try:
                return coerce_cli_path(value, info, path_type=Path, param=param, ctx=ctx)
            except (ValueError, AssertionError):
                return _UNKNOWN  # typer reports it through pydantic: its own message

        return path
    return None


def _choice(listed: Callable[[], list[Any]], info: Any, typing_args: Any) -> Callable[..., Any]:
    coerce_cli_choice = typing_args.coerce_cli_choice
    choices: list[list[Any]] = []

    def choice(value: Any, param: Any, ctx: Any) -> Any:
        if not choices:
            choices.append(listed())  # as typer lists them when it builds its adapter
        try:
            return coerce_cli_choice(
                value, choices=choices[0], case_sensitive=info.case_sensitive, ctx=ctx
            )
        except ValueError:
            return _UNKNOWN

    return choice


def _fast(annotation: Any, info: Any, typing_args: Any) -> Callable[..., Any] | None:
    if get_origin(annotation) is list:
        (item_type,) = get_args(annotation)
        item = _leaf(item_type, info, typing_args)
        if item is None:
            return None

        def many(value: Any, param: Any, ctx: Any) -> Any:
            items = value if isinstance(value, list | tuple) else [value]
            done = [item(v, param, ctx) for v in items]
            return _UNKNOWN if any(v is _UNKNOWN for v in done) else done

        return many
    return _leaf(annotation, info, typing_args)


@functools.cache
def _runtime() -> Any:
    """typer's pieces, and the light parameter class built on them (``None`` when this
    typer converts otherwise)."""
    try:
        from typer import _param_types
        from typer._coercion import RuntimeParam, build_runtime_param
    except ImportError:
        return None
    if not all(
        hasattr(_param_types, name)
        for name in ("coerce_cli_path", "coerce_cli_choice", "routes_to_path")
    ):
        return None

    @dataclass(frozen=True)
    class LightParam(RuntimeParam):
        """typer's conversion of one parameter, fast for the values ``convert`` knows."""

        convert: Callable[..., Any]
        descriptor: Any
        typer_own: list[Any]

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            converted = self.convert(value, param, ctx)
            if converted is not _UNKNOWN:
                return converted
            if not self.typer_own:
                self.typer_own.append(build_runtime_param(self.descriptor))
            return self.typer_own[0]._coerce_value(value, param=param, ctx=ctx)

    return LightParam, _param_types


def light(params: Iterable[Any]) -> None:
    """Give each of ``params`` (typer's parameters of one command) the fast conversion
    when it has one."""
    runtime = _runtime()
    if runtime is None:
        return
    light_param, typing_args = runtime
    for param in params:
        descriptor = getattr(param, "type_descriptor", None)
        if descriptor is None or getattr(param, "_runtime_param", _UNKNOWN) is not None:
            continue
        if descriptor.file_annotation is not None:
            continue
        convert = _fast(descriptor.annotation, descriptor.parameter_info, typing_args)
        if convert is not None:
            param._runtime_param = light_param(
                parameter_info=descriptor.parameter_info,
                annotation=descriptor.annotation,
                convert=convert,
                descriptor=descriptor,
                typer_own=[],
            )


def light_commands(commands: Iterable[Any]) -> None:
    """``light`` on each command's parameters, and on those of the commands of a group."""
    for command in commands:
        light(getattr(command, "params", ()))
        sub = getattr(command, "commands", None)
        if isinstance(sub, dict):
            light_commands(sub.values())
