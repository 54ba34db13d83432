"""Conventions a new user expects: -V, completion, -q, global options after the command,
click's messages in French, and inline suppression of a rule in one file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from aiptest import run, usecase, write_register

AIP = Path(sys.executable).parent / "aip"


@pytest.mark.parametrize("flag", ["-V", "--version"])
def test_version_short_and_long(flag: str) -> None:
    from aiportfolio import __version__

    assert run(None, flag).stdout == f"aip {__version__}\n"
    done = subprocess.run([str(AIP), flag], capture_output=True, text=True, check=True)
    assert done.stdout == f"aip {__version__}\n"


def test_shell_completion_is_offered_and_completes_commands(tmp_path: Path) -> None:
    help_text = run(None, "--help").stdout
    assert "--install-completion" in help_text and "--show-completion" in help_text
    env = {
        **os.environ,
        "_AIP_COMPLETE": "complete_bash",
        "COMP_WORDS": "aip ch",
        "COMP_CWORD": "1",
    }
    done = subprocess.run([str(AIP)], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert done.returncode == 0
    assert "check" in done.stdout.split()
    script = subprocess.run(
        [str(AIP), "--show-completion", "bash"], capture_output=True, text=True, cwd=tmp_path
    )
    assert script.returncode == 0 and "_AIP_COMPLETE" in script.stdout


@pytest.mark.parametrize(
    ("words", "expected"),
    [("aip kpi re", "record"), ("aip check --no-c", "--no-cache"), ("aip im", "import")],
)
def test_completion_reaches_commands_loaded_on_demand(
    tmp_path: Path, words: str, expected: str
) -> None:
    env = {
        **os.environ,
        "_AIP_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - 1),
    }
    done = subprocess.run([str(AIP)], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert expected in done.stdout.split()


def test_global_options_after_the_command(tmp_path: Path) -> None:
    root = write_register(tmp_path / "r", [usecase()])
    before = run(None, "--lang", "fr", "--register", str(root), "check")
    after = run(None, "check", "--lang", "fr", "--register", str(root))
    assert after.exit_code == before.exit_code == 0
    assert after.stderr == before.stderr
    assert "aucun problème" in after.stderr
    assert "aucun problème" in run(None, "check", "--lang=fr", "-r", str(root)).stderr
    # kpi record: the nested command takes them too.
    nested = run(
        None, "kpi", "record", "UC-001", "Délai de tri", "12", "--lang", "fr", "-r", str(root)
    )
    assert nested.exit_code == 0, nested.stderr
    assert "mesure" in nested.stderr.lower() or "enregistr" in nested.stderr.lower()


def test_a_value_or_a_command_option_is_never_moved() -> None:
    from typer.main import get_command

    from aiportfolio.cli.app import app
    from aiportfolio.cli.argv import hoist_global_options

    root = get_command(app)
    cases = {
        ("check", "--lang", "fr", "-q"): ["--lang", "fr", "-q", "check"],
        ("init", "d", "--lang", "fr"): ["init", "d", "--lang", "fr"],  # init's own --lang
        ("decide", "UC-1", "go", "--note", "--lang"): ["decide", "UC-1", "go", "--note", "--lang"],
        ("diff", "--", "--lang"): ["diff", "--", "--lang"],
        ("--lang", "en", "check", "--lang", "fr"): ["--lang", "en", "--lang", "fr", "check"],
        ("kpi", "record", "a", "b", "1", "-r", "x"): ["-r", "x", "kpi", "record", "a", "b", "1"],
    }
    for given, expected in cases.items():
        assert hoist_global_options(root, list(given)) == expected, given


def test_quiet_keeps_only_errors(tmp_path: Path) -> None:
    clean = write_register(tmp_path / "clean", [usecase()])
    loud = run(clean, "check")
    assert loud.stderr
    quiet = run(clean, "check", "-q")
    assert quiet.exit_code == 0 and quiet.stderr == ""
    broken = write_register(tmp_path / "broken", [usecase(owner=None)])
    failed = run(broken, "--quiet", "check")
    assert failed.exit_code == 1
    assert "error" in failed.stderr  # the red summary stays
    assert "owner-required" in failed.stdout  # data on stdout is unchanged
    made = run(None, "-q", "init", str(tmp_path / "new"))
    assert made.exit_code == 0 and made.stderr == ""
    refused = run(None, "-q", "init", str(tmp_path / "new"))
    assert refused.exit_code == 2 and "--force" in refused.stderr


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ("check", "--nope"),
            ["Utilisation : ", "Erreur : option inconnue : --nope", "Essayez « "],
        ),
        (("export", "-f", "pdf"), ["Erreur : valeur invalide pour", "n'est pas l'une des valeurs"]),
        (("kpi", "record"), ["Erreur : argument manquant : 'UC-ID'."]),
        (("nosuch",), ["Erreur : commande inconnue : « nosuch »."]),
    ],
)
def test_click_messages_in_french_for_a_french_register(
    tmp_path: Path, args: tuple[str, ...], expected: list[str]
) -> None:
    root = write_register(tmp_path / "r", [usecase()], portfolio="language: fr\n")
    result = run(root, *args)
    assert result.exit_code == 2
    for text in expected:
        assert text in result.stderr, result.stderr
    english = run(root, "--lang", "en", *args)
    assert english.exit_code == 2
    assert "Error: " in english.stderr and "Erreur" not in english.stderr


def test_a_file_can_disable_a_rule_for_itself(tmp_path: Path) -> None:
    from aiptest import _with_dates

    root = write_register(tmp_path / "r", [usecase(id="UC-002", owner=None)])
    path = root / "usecases" / "UC-001-case.yaml"
    path.write_text(
        "# aip: disable=owner-required  (owned by the shared-services board)\n"
        + _with_dates(usecase(owner=None)),
        encoding="utf-8",
    )
    result = run(root, "check")
    assert "UC-001-case.yaml" not in result.stdout  # switched off in this file only
    assert "UC-002-case.yaml:5:1: error [owner-required]" in result.stdout
    assert result.exit_code == 1


def test_unknown_or_locked_rule_ids_in_a_directive_are_reported(tmp_path: Path) -> None:
    from aiptest import _with_dates

    root = write_register(tmp_path / "r")
    path = root / "usecases" / "UC-001-case.yaml"
    path.write_text(
        _with_dates(usecase()) + "# aip: disable=owner-requird, schema\n", encoding="utf-8"
    )
    result = run(root, "--lang", "en", "check", "--strict")
    assert result.exit_code == 1
    lines = [line for line in result.stdout.splitlines() if "suppression-unknown" in line]
    assert len(lines) == 2, result.stdout
    assert "warning [suppression-unknown] `# aip: disable=owner-requird`" in lines[0]
    assert "cannot be disabled" in result.stdout
    assert "owner-required" in result.stdout  # the did-you-mean
    assert run(root, "check").exit_code == 0  # a warning: fails only with --strict
