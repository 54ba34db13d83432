"""The AI Act catalog in German: every shipped entry has English, French and German text, a
register's own entry may leave German out (English is shown), and the compliance reporters
show the reader's language."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import get_args

import pytest

from aiportfolio.domain.ai_act import catalog_for, shipped_catalog
from aiportfolio.i18n import Translator
from aiportfolio.model.ai_act import AnnexIIIPoint, ExceptionKind, Labelled, TransparencyCase
from aiportfolio.model.common import Bilingual
from aiportfolio.model.portfolio import PortfolioConfig
from aiportfolio.report.compliance_catalog import REPORTERS as CATALOG_REPORTERS
from aiportfolio.report.kit.reporter import PLAIN

CATALOG = shipped_catalog()


def _entries() -> Iterator[tuple[str, Bilingual | Labelled]]:
    for o in CATALOG.obligations:
        yield f"{o.id} title", o.title
        yield f"{o.id} description", o.description
    tables: dict[str, Mapping[str, Labelled]] = {
        "annex_iii": {str(k): v for k, v in CATALOG.annex_iii.items()},
        "prohibited": CATALOG.prohibited,
        "exceptions": CATALOG.exceptions,
        "transparency": CATALOG.transparency,
        **{f"frameworks.{name}": labels for name, labels in CATALOG.frameworks.items()},
    }
    for table, labels in tables.items():
        for key, label in labels.items():
            yield f"{table} {key}", label


def test_every_entry_has_english_french_and_german() -> None:
    entries = list(_entries())
    assert len(entries) == 2 * 30 + 18 + 8 + 4 + 6 + 21 + 17
    for where, text in entries:
        assert text.en and text.fr and text.de, where
        assert len({text.en, text.fr, text.de}) == 3, where
        assert text.get("de") == text.de and text.get("fr") == text.fr, where


def test_every_annex_iii_point_exception_and_art_50_case_is_labelled() -> None:
    assert set(CATALOG.annex_iii) == set(get_args(AnnexIIIPoint))
    assert set(CATALOG.exceptions) == set(get_args(ExceptionKind))
    assert set(CATALOG.transparency) == set(get_args(TransparencyCase))


def test_german_uses_the_regulations_own_terms() -> None:
    german = " ".join(text.de or "" for _, text in _entries())
    for term in ("Anbieter", "Betreiber", "Einführer", "Händler", "Anhang III", "KI"):
        assert term in german, term
    for english in ("Annex", "provider", "deployer", "importer", "distributor", "AI "):
        assert english not in german, english


def test_german_is_optional_and_falls_back_to_english() -> None:
    label = Bilingual.model_validate({"en": "Board sign-off", "fr": "Validation du comité"})
    assert (label.get("de"), label.get("fr"), label.get("en")) == (
        "Board sign-off",
        "Validation du comité",
        "Board sign-off",
    )
    german = Bilingual.model_validate({"en": "Board", "fr": "Comité", "de": "Vorstand"})
    assert german.get("de") == "Vorstand" and german.get("en") == "Board"
    with pytest.raises(ValueError):
        Bilingual.model_validate({"en": "Board", "fr": "Comité", "de": ""})


def _reader(lang: str) -> Translator:
    t = Translator(lang)
    assert t.lang == lang
    return t


@pytest.mark.parametrize("fmt", ["table", "md"])
def test_catalog_reporters_show_the_readers_language(fmt: str) -> None:
    own = {
        "id": "board-review",
        "articles": ["Policy 4"],
        "roles": ["deployer"],
        "when": {"tiers": ["high"]},
        "applies_from": "annex_iii",
        "title": {"en": "Board review", "fr": "Revue du comité"},
        "description": {"en": "The board reviews it.", "fr": "Le comité la revoit."},
        "source": "Internal policy",
    }
    catalog = catalog_for(PortfolioConfig.model_validate({"ai_act": {"obligations": [own]}}))
    german = CATALOG_REPORTERS[fmt](catalog, _reader("de"), PLAIN)
    assert "KI-Kompetenz des Personals" in german
    assert "Staff AI literacy" not in german
    assert "Board review" in german  # no German given: English
    french = CATALOG_REPORTERS[fmt](catalog, _reader("fr"), PLAIN)
    assert "Maîtrise de l'IA par le personnel" in french and "KI-Kompetenz" not in french
    english = CATALOG_REPORTERS[fmt](catalog, _reader("en"), PLAIN)
    assert "Staff AI literacy" in english and "KI-Kompetenz" not in english


def test_compliance_speaks_german_with_lang_de() -> None:
    from aiptest import REPO_ROOT, run

    result = run(REPO_ROOT, "--lang", "de", "compliance", "--catalog")
    assert result.exit_code == 0
    assert "KI-Kompetenz des Personals" in result.stdout
    assert "Staff AI literacy" not in result.stdout
