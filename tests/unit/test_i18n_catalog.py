"""The gettext message catalogs: complete in every language, consistent placeholders and
plural forms, compiled .mo files up to date with their .po sources, and the runtime."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from aiportfolio.i18n import (
    LANGUAGES,
    Translator,
    has,
    keys,
    messages,
    mo_path,
    ntr,
    read_mo,
    tr,
)
from aiptest import REPO_ROOT

LOCALE_DIR = REPO_ROOT / "src" / "aiportfolio" / "i18n" / "locale"

PLURAL_FORMS = {
    "en": "nplurals=2; plural=(n != 1);",
    "fr": "nplurals=2; plural=(n > 1);",
    "de": "nplurals=2; plural=(n != 1);",
}
COMPILE = "pybabel compile -d src/aiportfolio/i18n/locale -D aip"


def _po(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / "aip.po"


def _entries(lang: str) -> dict[str, str | tuple[str, ...]]:
    """The .po source of ``lang``: key -> text, or key -> plural forms."""
    with _po(lang).open("rb") as f:
        catalog = read_po(f, locale=lang)
    entries: dict[str, str | tuple[str, ...]] = {}
    for message in catalog:
        if not message.id:
            continue
        key = message.id[0] if isinstance(message.id, (tuple, list)) else message.id
        assert key not in entries, f"{lang}: {key} twice"
        assert not message.fuzzy, f"{lang}: {key} is marked fuzzy (fuzzy entries are not compiled)"
        if isinstance(message.id, (tuple, list)):
            entries[key] = tuple(message.string)
        else:
            assert isinstance(message.string, str)
            entries[key] = message.string
    return entries


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_the_languages_are_english_french_and_german() -> None:
    assert LANGUAGES == ("en", "fr", "de")
    found = sorted(p.name for p in LOCALE_DIR.iterdir() if p.is_dir())
    assert found == sorted(LANGUAGES)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_exists_and_is_not_empty_in_every_language(lang: str) -> None:
    english = _entries("en")
    entries = _entries(lang)
    assert sorted(set(english) - set(entries)) == [], f"missing in {lang}.po"
    assert sorted(set(entries) - set(english)) == [], f"in {lang}.po but not in en.po"
    for key, text in entries.items():
        assert isinstance(text, tuple) == isinstance(english[key], tuple), (
            f"{lang}: {key} must be plural in every language or in none"
        )
        forms = text if isinstance(text, tuple) else (text,)
        assert all(form.strip() for form in forms), f"{lang}: {key} has an empty text"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_placeholders_are_the_same_in_every_language(lang: str) -> None:
    english = _entries("en")
    for key, text in _entries(lang).items():
        reference = english[key]
        expected = (
            set().union(*(_fields(f) for f in reference))
            if isinstance(reference, tuple)
            else _fields(reference)
        )
        forms = text if isinstance(text, tuple) else (text,)
        for form in forms:
            try:
                fields = _fields(form)
            except ValueError as error:  # an unbalanced brace
                pytest.fail(f"{lang}: {key}: {error}: {form!r}")
            # a plural form may leave out the count ("one file"), never add a placeholder
            assert fields <= expected | {"count"}, f"{lang}: {key}: {fields - expected}"
        if not isinstance(text, tuple):
            assert _fields(text) == expected, f"{lang}: {key}"
        else:
            assert set().union(*(_fields(f) for f in text)) - {"count"} == expected - {"count"}, (
                f"{lang}: {key}"
            )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_plural_entries_have_every_form_of_their_language(lang: str) -> None:
    text = _po(lang).read_text(encoding="utf-8")
    assert f'"Plural-Forms: {PLURAL_FORMS[lang]}\\n"' in text
    assert '"Content-Type: text/plain; charset=utf-8\\n"' in text
    assert messages(lang).plural_forms == PLURAL_FORMS[lang]
    plurals = {k: v for k, v in _entries(lang).items() if isinstance(v, tuple)}
    assert plurals, "the catalog has plural entries"
    for key, forms in plurals.items():
        assert len(forms) == 2, f"{lang}: {key} has {len(forms)} forms"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_compiled_catalog_matches_its_source(lang: str) -> None:
    compiled = read_mo(Path(mo_path(lang)).read_bytes(), lang)
    source = _entries(lang)
    assert compiled.texts == {k: v for k, v in source.items() if isinstance(v, str)}, (
        f"{mo_path(lang)} is stale: run {COMPILE}"
    )
    assert compiled.plurals == {k: v for k, v in source.items() if isinstance(v, tuple)}, (
        f"{mo_path(lang)} is stale: run {COMPILE}"
    )
    assert compiled.plural_forms == PLURAL_FORMS[lang], f"run {COMPILE}"


def test_a_stale_compiled_catalog_is_detected(tmp_path: Path) -> None:
    """The check above can fail: a .mo compiled before an edit differs from its .po."""
    from babel.messages.mofile import write_mo

    with _po("fr").open("rb") as f:
        catalog = read_po(f, locale="fr")
    catalog.get("plan.title").string = "Plan modifié"  # type: ignore[union-attr]
    with (tmp_path / "aip.mo").open("wb") as f:
        write_mo(f, catalog)
    compiled = read_mo((tmp_path / "aip.mo").read_bytes(), "fr")
    assert compiled.texts["plan.title"] == "Plan modifié"
    assert compiled.texts != {k: v for k, v in _entries("fr").items() if isinstance(v, str)}


def test_the_old_python_dict_catalog_is_gone() -> None:
    assert not (REPO_ROOT / "src" / "aiportfolio" / "i18n" / "messages").exists()


# --- keys used in the code -------------------------------------------------------------------

_CALL = re.compile(
    r"""\b(?:t|tr|ctx\.t|self\.t)(\.n)?\(\s*f?["']([a-z_]+\.[a-z0-9_.\-]+)["']""", re.M
)


def _used() -> tuple[set[str], set[str]]:
    singular: set[str] = set()
    plural: set[str] = set()
    for path in (REPO_ROOT / "src" / "aiportfolio").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        for n, key in _CALL.findall(source):
            if "{" not in key and not key.endswith("."):
                (plural if n else singular).add(key)
        for is_plural, key in _message_keys(source):
            (plural if is_plural else singular).add(key)
    return singular, plural


def _message_keys(source: str) -> list[tuple[bool, str]]:
    """``Message("key", params, count)`` calls with a literal key: (plural?, key). A message
    with a count (third argument or ``count=``) is read with the plural forms."""
    import ast

    found = []
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("Message", "Note")
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
            and "." in node.args[0].value
        ):
            counted = len(node.args) > 2 or any(k.arg == "count" for k in node.keywords)
            found.append((counted, node.args[0].value))
    return found


def test_message_calls_are_read_for_their_keys() -> None:
    source = 'Message("plan.title")\nMessage("check.summary.clean", {}, 3)\nMessage(key)\n'
    assert _message_keys(source) == [(False, "plan.title"), (True, "check.summary.clean")]


def test_every_message_key_used_in_the_code_exists_with_the_right_kind() -> None:
    singular, plural = _used()
    assert singular and plural
    english = messages("en")
    assert sorted(k for k in singular if k not in english.texts) == []
    assert sorted(k for k in plural if k not in english.plurals) == []


# --- runtime ---------------------------------------------------------------------------------


def test_tr_translates_and_falls_back_to_english_for_an_unknown_language() -> None:
    assert tr("plan.title", "en") == "Wave plan"
    assert tr("plan.title", "fr") == "Plan de vagues"
    assert tr("plan.title", "de") == "Wellenplan"
    assert tr("plan.title", "xx") == "Wave plan"
    assert Translator("xx").lang == "en"
    assert Translator("de").lang == "de"


def test_unknown_keys_and_misused_plurals_are_errors() -> None:
    with pytest.raises(KeyError):
        tr("no.such.key", "fr")
    with pytest.raises(KeyError):
        ntr("no.such.key", 2, "fr")
    with pytest.raises(TypeError, match="plural"):
        tr("check.by_rule.errors", "en", count=2)
    with pytest.raises(TypeError, match="no plural"):
        ntr("plan.title", 2, "en")
    assert has("plan.title") and has("check.by_rule.errors") and not has("no.such.key")
    assert {"plan.title", "check.by_rule.errors"} <= keys()


@pytest.mark.parametrize(
    ("lang", "count", "expected"),
    [
        ("en", 0, "0 errors"),
        ("en", 1, "1 error"),
        ("en", 2, "2 errors"),
        ("fr", 0, "0 erreur"),
        ("fr", 1, "1 erreur"),
        ("fr", 2, "2 erreurs"),
        ("de", 1, "1 Warnung"),
        ("de", 0, "0 Warnungen"),
    ],
)
def test_plural_forms_follow_each_languages_rule(lang: str, count: int, expected: str) -> None:
    key = "check.by_rule.warnings" if lang == "de" else "check.by_rule.errors"
    assert Translator(lang).n(key, count) == expected


@pytest.mark.parametrize(
    ("lang", "value", "expected"),
    [
        ("en", 1, "1 person-week"),
        ("en", 1.5, "1.5 person-weeks"),
        ("fr", 1.5, "1,5 semaine-personne"),
        ("fr", 2, "2 semaines-personnes"),
        ("de", 1, "1 Personenwoche"),
        ("de", 1.5, "1,5 Personenwochen"),
    ],
)
def test_decimal_numbers_take_the_form_each_language_gives_them(
    lang: str, value: float, expected: str
) -> None:
    from aiportfolio.report.plan import person_weeks

    assert person_weeks(value, Translator(lang)) == expected


def test_the_issue_example_reads_right_in_french() -> None:
    t = Translator("fr")
    text = t(
        "score.title",
        shown=t.n("score.title.shown", 1),
        active=t.n("score.title.active", 1),
        ranked=t.n("score.title.ranked", 1),
    )
    assert text == "Classement : 1 affiché sur 1 cas d'usage actif (1 entièrement noté)"


def test_a_big_endian_mo_file_reads_the_same() -> None:
    data = Path(mo_path("fr")).read_bytes()
    count = int.from_bytes(data[8:12], "little")
    # rewrite every header and table word big-endian; strings stay as they are
    words = 7 + 4 * count
    head = b"".join(
        int.from_bytes(data[i : i + 4], "little").to_bytes(4, "big") for i in range(0, 4 * words, 4)
    )
    swapped = read_mo(head + data[4 * words :], "fr")
    assert swapped == read_mo(data, "fr")
    with pytest.raises(ValueError, match="not a gettext"):
        read_mo(b"nope" + data[4:], "fr")


def test_engine_messages_agree_with_their_total_count_days_or_list() -> None:
    from aiportfolio.report.kit.steering import message

    fr = Translator("fr")
    assert message(fr, "doctor.figure.share", {"count": 0, "total": 1}) == ("0 sur 1 entrée active")
    assert message(fr, "doctor.figure.share", {"count": 1, "total": 3}) == (
        "1 sur 3 entrées actives"
    )
    de = Translator("de")
    assert message(de, "agenda.blocked.decision_past", {"date": "2026-11-30", "days": 1}) == (
        "Entscheidungsdatum 2026-11-30 seit 1 Tag überschritten"
    )
    assert message(fr, "agenda.review.missing", {"reviews": ("security_review",)}).startswith(
        "manquante : "
    )
    both = ("security_review", "legal_review")
    assert message(fr, "agenda.review.missing", {"reviews": both}).startswith("manquantes : ")
    assert message(fr, "plan.title", {}) == "Plan de vagues"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_message_hedges_a_plural_with_parentheses(lang: str) -> None:
    """ "file(s)", "Datei(en)", "entrée(s)": a count gets a plural entry instead."""
    hedge = re.compile(r"\w\((?:s|es|x|e|en|ies)\)")  # not "(r)"/"(n)": German gender forms
    allowed = {("fr", "import.cell_type")}  # "un(e) {kind}": grammatical gender, no count
    for key, text in _entries(lang).items():
        forms = text if isinstance(text, tuple) else (text,)
        if (lang, key) not in allowed:
            assert not any(hedge.search(form) for form in forms), f"{lang}: {key}: {forms}"
