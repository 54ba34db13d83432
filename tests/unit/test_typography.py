"""French typographic spacing of the report's charts (report/kit/typography.py)."""

from __future__ import annotations

import pytest

from aiportfolio.report.kit.typography import french, typeset

N = "\u202f"  # narrow no-break space


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Budget : 3 ; reste", f"Budget{N}: 3{N}; reste"),
        ("Vraiment ? Oui !", f"Vraiment{N}? Oui{N}!"),
        ("« titre »", f"«{N}titre{N}»"),
        ("«titre»", f"«{N}titre{N}»"),
        ("valeur\u00a0: 3", f"valeur{N}: 3"),
        ("a   : b", f"a{N}: b"),
        # No space before the sign: a URL, a time, a title's own spelling stay as written.
        ("https://exemple.fr/a?b=1", "https://exemple.fr/a?b=1"),
        ("à 12:30", "à 12:30"),
        ("Pourquoi?", "Pourquoi?"),
        ("R&amp;D", "R&amp;D"),
        ("sans signe", "sans signe"),
    ],
)
def test_french_spacing(text: str, expected: str) -> None:
    assert french(text) == expected
    assert french(expected) == expected  # once is enough: setting twice changes nothing


def test_other_languages_are_left_as_written() -> None:
    for lang in ("en", "de"):
        assert typeset("Budget : 3 ; « x »", lang) == "Budget : 3 ; « x »"
    assert typeset("Budget : 3", "fr") == f"Budget{N}: 3"
