"""German is a language like English and French: `language: de`, `--lang de` (before or
after the command), `aip init --lang de`, click's own errors, numbers and plural forms."""

from __future__ import annotations

from pathlib import Path

from aiptest import run, usecase, write_register


def test_a_german_register_speaks_german(tmp_path: Path) -> None:
    root = write_register(tmp_path / "r", [usecase()], portfolio="language: de\n")
    result = run(root, "check")
    assert result.exit_code == 0, result.stderr
    assert "1 Anwendungsfall-Datei geprüft: kein Problem" in result.stderr
    english = run(root, "check", "--lang", "en")
    assert "1 use-case file checked: no problem" in english.stderr


def test_lang_de_overrides_the_register_language(tmp_path: Path) -> None:
    root = write_register(tmp_path / "r", [usecase(owner=None)], portfolio="language: fr\n")
    result = run(root, "--lang", "de", "check")
    assert result.exit_code == 1
    assert "1 Fehler, 0 Warnungen in 1 Anwendungsfall-Datei" in result.stderr
    assert "Fehler [owner-required]" in result.stdout
    french = run(root, "check")
    assert "1 erreur, 0 avertissement dans 1 fichier de cas d'usage" in french.stderr


def test_an_unknown_language_is_refused_in_every_language_we_know(tmp_path: Path) -> None:
    english = write_register(tmp_path / "en", [usecase()], portfolio="language: en\n")
    result = run(english, "--lang", "xx", "check")
    assert result.exit_code == 2
    assert "use en, fr or de" in result.stderr
    root = write_register(tmp_path / "r", [usecase()], portfolio="language: de\n")
    german = run(root, "--lang", "xx", "check")
    assert german.exit_code == 2
    assert "verwenden Sie en, fr oder de" in german.stderr


def test_clicks_own_errors_in_german(tmp_path: Path) -> None:
    root = write_register(tmp_path / "r", [usecase()], portfolio="language: de\n")
    result = run(root, "check", "--nope")
    assert result.exit_code == 2
    for text in ("Aufruf: ", "Fehler: unbekannte Option: --nope", "Hilfe mit „"):
        assert text in result.stderr, result.stderr
    missing = run(root, "nosuch")
    assert "Fehler: unbekannter Befehl: „nosuch“." in missing.stderr


def test_init_lang_de_writes_a_german_register_that_passes(tmp_path: Path) -> None:
    root = tmp_path / "neu"
    made = run(None, "--lang", "de", "init", str(root))
    assert made.exit_code == 0, made.stderr
    assert "Register in" in made.stderr
    config = (root / "config" / "portfolio.yaml").read_text("utf-8")
    assert "\nlanguage: de\n" in config
    for command in (("check", "--strict"), ("plan",), ("balance",)):
        result = run(root, *command)
        assert result.exit_code == 0, (command, result.stdout, result.stderr)
    assert "Wellenplan" in run(root, "plan").stdout
