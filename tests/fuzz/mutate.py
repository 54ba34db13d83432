"""A mutation fuzzer for registers (issue 11): hostile variations of use cases,
``config/weights.yaml`` and ``config/portfolio.yaml``, run through aip's commands in-process.

A *mutant* is the seed register with one to three mutations applied to one to three of its
files. Every mutant runs ``check``, ``score``, ``plan``, ``roadmap``, ``dashboard``,
``doctor`` and ``tco``; an outcome is bad when a command:

- raises (a traceback), or exits 3 (aip's own "internal error");
- exits with a code other than 0, 1 or 2;
- runs longer than ``COMMAND_SECONDS`` (a hang);
- prints a line a CI runner would take as a workflow command (``::`` at a line start,
  ``##[``): an injection.

Deterministic: mutant ``n`` of seed ``s`` is always the same register, so a finding is
reproduced with ``python benchmarks/fuzz_register.py --seed s --start n --mutants 1``.
Used by ``tests/fuzz/test_fuzz_register.py`` (bounded, in CI) and
``benchmarks/fuzz_register.py`` (10,000 mutants and more).
"""

from __future__ import annotations

import contextlib
import random
import re
import shutil
import signal
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[2]
SEED_USECASES = ("UC-001", "UC-004", "UC-007", "UC-012")
COMMANDS: tuple[tuple[str, ...], ...] = (
    ("check",),
    ("score",),
    ("plan",),
    ("roadmap",),
    ("dashboard",),
    ("doctor",),
    ("tco",),
)
COMMAND_SECONDS = 20.0

HOSTILE_VALUES = (
    "9" * 4400,
    "0x" + "f" * 60,
    "-1",
    "-0.0",
    "1e308",
    "1e-320",
    ".nan",
    "-.inf",
    "0",
    "99999999999999999999",
    "''",
    "null",
    "~",
    "[]",
    "{}",
    "[" * 400 + "]" * 400,
    "{a: " * 100 + "1" + "}" * 100,
    "&a x",
    "*a",
    "!!python/object:os.system x",
    "!!binary aGVsbG8=",
    "9999-12-31",
    "0001-01-01",
    "2026-02-30",
    "2026-13-01",
    "UC-999999",
    "UC-1000000",
    "UC-00",
    '"::error file=x::pwned"',
    '"a\\n::error::pwned"',
    '"##[error]pwned"',
    "\"=cmd|' /C calc'!A0\"",
    '"Tri\\r=HYPERLINK(1)"',
    '"\\e[31mred\\e[0m"',
    '"\\u202eevil"',
    '"<img src=x onerror=alert(1)> @team #12 [x](https://e.x)"',
    '"topAxis"',
    '"%% x"',
    '"{{ 7*7 }}"',
    '"' + "x" * 5000 + '"',
    "yes",
    "on",
    "true",
    "- a\n- b",
    "|\n  line one\n  =cmd",
    "\t",
    "'unterminated",
    '"\\x00"',
    "héllo wörld ✓ 😀",
)
HOSTILE_KEYS = (
    "unknown",
    '"k\\e[31m"',
    '"::error::k"',
    '"##[warning]k"',
    '"a\\nb"',
    "? complex",
    "<<",
    "id",
    "title",
    "status",
    "1",
    "null",
    "[a]",
)
HOSTILE_CHARS = "[]{}:,-?&*!|>'\"%@`#\t\r\n\x1b\u202e\u00a0\ufeff\\ 0123456789."

_SCALAR_LINE = re.compile(r"^(\s*(?:- )?)([^\s#:][^:#\n]*?):([ \t]+)(\S.*)$", re.MULTILINE)
_KEY_LINE = re.compile(r"^(\s*(?:- )?)([^\s#:][^:#\n]*?):", re.MULTILINE)


@dataclass
class Outcome:
    """What one command did on one mutant."""

    command: str
    exit_code: int | None
    seconds: float
    kind: str
    """ok, traceback, internal, bad-exit, hang or injection."""
    detail: str = ""


@dataclass
class Report:
    mutants: int = 0
    runs: int = 0
    exits: Counter[str] = field(default_factory=Counter)
    bad: list[tuple[int, Outcome]] = field(default_factory=list)
    seconds: float = 0.0
    slowest: float = 0.0

    def count(self, kind: str) -> int:
        return sum(1 for _, o in self.bad if o.kind == kind)


# --- mutations ------------------------------------------------------------------------------


def _replace_value(text: str, rng: random.Random) -> str:
    lines = list(_SCALAR_LINE.finditer(text))
    if not lines:
        return text
    m = rng.choice(lines)
    value = rng.choice(HOSTILE_VALUES)
    if "\n" in value:
        indent = " " * (len(m.group(1)) + 2)
        value = value.replace("\n", "\n" + indent)
    return text[: m.start(4)] + value + text[m.end(4) :]


def _rename_key(text: str, rng: random.Random) -> str:
    keys = list(_KEY_LINE.finditer(text))
    if not keys:
        return text
    m = rng.choice(keys)
    return text[: m.start(2)] + rng.choice(HOSTILE_KEYS) + text[m.end(2) :]


def _add_key(text: str, rng: random.Random) -> str:
    return text + f"{rng.choice(HOSTILE_KEYS)}: {rng.choice(HOSTILE_VALUES)}\n"


def _insert_chars(text: str, rng: random.Random) -> str:
    at = rng.randrange(len(text) + 1)
    junk = "".join(rng.choice(HOSTILE_CHARS) for _ in range(rng.randint(1, 8)))
    return text[:at] + junk + text[at:]


def _delete_span(text: str, rng: random.Random) -> str:
    if not text:
        return text
    at = rng.randrange(len(text))
    return text[:at] + text[at + rng.randint(1, 60) :]


def _flip_char(text: str, rng: random.Random) -> str:
    if not text:
        return text
    at = rng.randrange(len(text))
    return (
        text[:at]
        + chr(rng.choice([0, 9, 10, 13, 27, 32, 35, 38, 42, 58, 91, 123, 0x85]))
        + text[at + 1 :]
    )


def _line_shuffle(text: str, rng: random.Random) -> str:
    lines = text.splitlines(keepends=True)
    if len(lines) < 2:
        return text
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    choice = rng.randrange(4)
    if choice == 0:
        lines[i], lines[j] = lines[j], lines[i]
    elif choice == 1:
        lines.insert(i, lines[j])
    elif choice == 2:
        del lines[i]
    else:
        lines[i] = " " * rng.choice([1, 2, 3, 4, 8]) + lines[i]
    return "".join(lines)


def _duplicate_block(text: str, rng: random.Random) -> str:
    lines = text.splitlines(keepends=True)
    if not lines:
        return text
    i = rng.randrange(len(lines))
    block = lines[i : i + rng.randint(1, 12)]
    return "".join(lines[:i] + block * rng.randint(2, 40) + lines[i:])


def _deep_nesting(text: str, rng: random.Random) -> str:
    depth = rng.choice([30, 63, 65, 200, 5000, 60000])
    shape = rng.randrange(3)
    if shape == 0:
        body = "[" * depth + "]" * depth
    elif shape == 1:
        body = (
            "\n" + "".join("  " * i + f"k{i}:\n" for i in range(min(depth, 400))) + "  " * 400 + "x"
        )
    else:
        body = "\n" + "- " * depth + "x"
    return text + f"deep: {body}\n"


def _encoding(text: str, rng: random.Random) -> str:
    choice = rng.randrange(3)
    if choice == 0:
        return "\ufeff" + text
    if choice == 1:
        return text.replace("\n", "\r\n")
    return text.replace("\n", "\r")


MUTATIONS: tuple[Callable[[str, random.Random], str], ...] = (
    _replace_value,
    _replace_value,
    _replace_value,
    _rename_key,
    _add_key,
    _insert_chars,
    _delete_span,
    _flip_char,
    _line_shuffle,
    _duplicate_block,
    _deep_nesting,
    _encoding,
)


def seed_files() -> dict[str, str]:
    """The seed register: four use cases of the bundled register and its configuration."""
    files = {
        "config/weights.yaml": (REPO_ROOT / "config" / "weights.yaml").read_text("utf-8"),
        "config/portfolio.yaml": (REPO_ROOT / "config" / "portfolio.yaml").read_text("utf-8"),
    }
    for uc in SEED_USECASES:
        path = next((REPO_ROOT / "usecases").glob(f"{uc}-*.yaml"))
        files[f"usecases/{path.name}"] = path.read_text("utf-8")
    return files


def mutant(seed: int, number: int, base: dict[str, str]) -> dict[str, str]:
    """Mutant ``number`` of ``seed``: the same every time."""
    rng = random.Random(seed * 1_000_003 + number)
    files = dict(base)
    names = sorted(files)
    for _ in range(rng.choice([1, 1, 1, 2, 3])):
        name = rng.choice(names)
        text = files[name]
        for _ in range(rng.choice([1, 1, 2, 3])):
            text = rng.choice(MUTATIONS)(text, rng)
        files[name] = text
    return files


# --- running --------------------------------------------------------------------------------

_COMMAND_LINE = re.compile(r"^[ \t]*::")


def injected(text: str) -> bool:
    """A line a CI runner would take as a workflow command."""
    if "##[" in text:
        return True
    return any(_COMMAND_LINE.match(line) for line in re.split(r"\r\n|\r|\n", text))


class _Hang(Exception):
    pass


def _timed(seconds: float) -> Any:
    import contextlib

    @contextlib.contextmanager
    def limit() -> Iterator[None]:
        if threading.current_thread() is not threading.main_thread():
            yield
            return

        def expired(signum: int, frame: Any) -> None:
            raise _Hang()

        previous = signal.signal(signal.SIGALRM, expired)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)

    return limit()


def write_files(root: Path, files: dict[str, str]) -> None:
    if root.exists():
        shutil.rmtree(root)
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8", "surrogatepass"))


_CLI: list[Any] = []


@contextlib.contextmanager
def _memoised_template_compilation() -> Iterator[None]:
    """Compile each built-in template once per fuzz run instead of once per command: the
    fuzzer mutates register files, never templates, and compiling is most of a small
    ``roadmap``. Rendering, where user data meets the template, still runs every time.

    Only for the run (the tests after it compile as aip does), and only for environments
    whose compiled code follows from the template's text alone: one that changes the parsed
    template (``report/site/builtin.py`` writes each fixed label of its language into it)
    compiles as usual, from its own compiled cache; a memo keyed by the text alone once
    gave the French and German cards of later tests the labels of the first language
    compiled."""
    import jinja2

    original = jinja2.Environment.compile
    plain_parse = jinja2.Environment._parse
    cache: dict[tuple[Any, ...], Any] = {}

    def compile(
        self: Any,
        source: Any,
        name: Any = None,
        filename: Any = None,
        raw: bool = False,
        defer_init: bool = False,
    ) -> Any:
        if raw or not isinstance(source, str) or type(self)._parse is not plain_parse:
            return original(self, source, name, filename, raw, defer_init)
        key = (type(self), source, name, filename, defer_init)
        if key not in cache:
            cache[key] = original(self, source, name, filename, raw, defer_init)
        return cache[key]

    jinja2.Environment.compile = compile  # type: ignore[method-assign]
    try:
        yield
    finally:
        jinja2.Environment.compile = original  # type: ignore[method-assign]


def _runner() -> Any:
    """typer's test runner, with the click command built once (building it is half the
    cost of a small command)."""
    import typer.main
    import typer.testing

    from aiportfolio.cli.app import _resolve_annotations, app

    if not _CLI:
        _resolve_annotations(app)
        _CLI.append(typer.main.get_command(app))
        if hasattr(typer.testing, "_get_command"):
            typer.testing._get_command = lambda _app: _CLI[0]
    return typer.testing.CliRunner()


def run_command(root: Path, args: tuple[str, ...]) -> Outcome:
    """One command in-process, classified."""
    from aiportfolio.cli.app import app

    runner = _runner()
    start = time.perf_counter()
    try:
        with _timed(COMMAND_SECONDS):
            result = runner.invoke(
                app,
                ["--register", str(root), *args],
                env={"GITHUB_ACTIONS": "true", "AIP_TODAY": "2026-11-26", "NO_COLOR": "1"},
                catch_exceptions=True,
            )
    except _Hang:
        return Outcome(" ".join(args), None, time.perf_counter() - start, "hang")
    seconds = time.perf_counter() - start
    name = " ".join(args)
    exc = result.exception
    if isinstance(exc, _Hang):
        return Outcome(name, None, seconds, "hang")
    if exc is not None and not isinstance(exc, SystemExit):
        return Outcome(
            name, result.exit_code, seconds, "traceback", f"{type(exc).__name__}: {exc}"[:300]
        )
    if result.exit_code == 3:
        return Outcome(name, 3, seconds, "internal", result.stderr.strip()[:300])
    if result.exit_code not in (0, 1, 2):
        return Outcome(name, result.exit_code, seconds, "bad-exit", result.stderr.strip()[:300])
    if "Traceback" in result.stdout or "Traceback" in result.stderr:
        return Outcome(name, result.exit_code, seconds, "traceback", result.stderr[-300:])
    stdout = result.stdout
    if name == "check":  # aip's own annotations (GITHUB_ACTIONS is set) are the exception
        stdout = "\n".join(line for line in stdout.splitlines() if not _OWN_ANNOTATION.match(line))
    if injected(stdout) or injected(result.stderr):
        return Outcome(name, result.exit_code, seconds, "injection", (stdout + result.stderr)[:300])
    return Outcome(name, result.exit_code, seconds, "ok")


_OWN_ANNOTATION = re.compile(r"::(error|warning|notice) file=[^\r\n]*::|::notice::")


def fuzz(
    root: Path,
    *,
    seed: int,
    start: int = 0,
    mutants: int,
    budget_seconds: float | None = None,
    progress: Callable[[Report], None] | None = None,
) -> Report:
    """Run ``mutants`` mutants (or until ``budget_seconds``) under ``root``."""
    with _memoised_template_compilation():
        return _fuzz(root, seed, start, mutants, budget_seconds, progress)


def _fuzz(
    root: Path,
    seed: int,
    start: int,
    mutants: int,
    budget_seconds: float | None,
    progress: Callable[[Report], None] | None,
) -> Report:
    base = seed_files()
    report = Report()
    began = time.perf_counter()
    for number in range(start, start + mutants):
        if budget_seconds is not None and time.perf_counter() - began > budget_seconds:
            break
        write_files(root, mutant(seed, number, base))
        for args in COMMANDS:
            outcome = run_command(root, args)
            report.runs += 1
            report.exits[str(outcome.exit_code)] += 1
            report.slowest = max(report.slowest, outcome.seconds)
            if outcome.kind != "ok":
                report.bad.append((number, outcome))
        report.mutants += 1
        if progress is not None and report.mutants % 100 == 0:
            report.seconds = time.perf_counter() - began
            progress(report)
    report.seconds = time.perf_counter() - began
    return report
