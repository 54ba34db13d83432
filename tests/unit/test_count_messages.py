"""Messages that count things agree with their number, in English, French and German:
each is a plural entry read with ``Translator.n`` (or, for engine messages and templates,
with the number its parameters give)."""

from __future__ import annotations

from pathlib import Path

import pytest

from aiportfolio.i18n import Translator, is_plural
from aiportfolio.report.kit.steering import message
from aiportfolio.report.kit.templating import template_translator
from aiptest import run, usecase, write_register

# key, parameters (the number each form agrees with is the one named), and per language the
# text for 1 and for several.
CASES: list[tuple[str, str, dict[str, object], dict[str, tuple[str, str]]]] = [
    (
        "doctor.figure.top",
        "total",
        {"count": 1, "n": 3},
        {
            "en": ("1 of 1 active entry not yet delivered", "1 of 4 active entries not yet"),
            "fr": ("1 sur 1 entrée active pas encore livrée", "1 sur 4 entrées actives"),
            "de": ("1 von 1 aktiven Eintrag noch", "1 von 4 aktiven Einträgen noch"),
        },
    ),
    (
        "report.balance.coverage",
        "active",
        {"covered": 1, "total": "10 €"},
        {
            "en": ("covers 1 of 1 active use case (if", "covers 1 of 4 active use cases (those"),
            "fr": ("couvre 1 sur 1 cas d'usage actif (s'il", "couvre 1 des 4 cas d'usage actifs"),
            "de": ("1 von 1 aktiven Anwendungsfall (sofern", "1 von 4 aktiven Anwendungsfällen"),
        },
    ),
    (
        "report.kpis.caption",
        "measured",
        {"charted": 1},
        {
            "en": ("1 of 1 measured KPI:", "1 of the 4 measured KPIs"),
            "fr": ("1 sur 1 KPI mesuré :", "1 des 4 KPI mesurés"),
            "de": ("1 von 1 gemessenen KPI:", "1 der 4 gemessenen KPIs"),
        },
    ),
    (
        "report.tco.top",
        "count",
        {},
        {
            "en": ("The largest TCO", "The 4 largest TCOs"),
            "fr": ("Le TCO le plus élevé", "Les 4 TCO les plus élevés"),
            "de": ("Der höchste TCO", "Die 4 höchsten TCOs"),
        },
    ),
    (
        "report.ai_act.card",
        "total",
        {"tier": "t", "role": "r", "closed": 1, "coverage": "x", "overdue": 0},
        {
            "en": ("1/1 obligation done", "1/4 obligations done"),
            "fr": ("1/1 obligation faite", "1/4 obligations faites"),
            "de": ("1/1 Pflicht erledigt", "1/4 Pflichten erledigt"),
        },
    ),
    (
        "ai_act.report.coverage",
        "total",
        {"closed": 1, "coverage": "x", "overdue": 0},
        {
            "en": ("1/1 obligation done", "1/4 obligations done"),
            "fr": ("1/1 obligation faite", "1/4 obligations faites"),
            "de": ("1/1 Pflicht erledigt", "1/4 Pflichten erledigt"),
        },
    ),
    (
        "ai_act.report.summary",
        "total",
        {"closed": 1, "overdue": 0},
        {
            "en": ("1/1 obligation closed", "1/4 obligations closed"),
            "fr": ("1/1 obligation close", "1/4 obligations closes"),
            "de": ("1/1 Pflicht abgeschlossen", "1/4 Pflichten abgeschlossen"),
        },
    ),
    (
        "ai_act.report.deadlines",
        "days",
        {},
        {
            "en": ("within 1 day (", "within 4 days ("),
            "fr": ("sous 1 jour (", "sous 4 jours ("),
            "de": ("innerhalb von 1 Tag (", "innerhalb von 4 Tagen ("),
        },
    ),
    (
        "score.source.ratings",
        "count",
        {"raters": "a"},
        {
            "en": ("median of 1 rater (", "median of 4 raters ("),
            "fr": ("médiane de 1 évaluateur (", "médiane de 4 évaluateurs ("),
            "de": ("Median von 1 Bewertenden (", "Median von 4 Bewertenden ("),
        },
    ),
    (
        "tco.payback.never",
        "n",
        {},
        {
            "en": ("not within 1 month", "not within 4 months"),
            "fr": ("pas en 1 mois", "pas en 4 mois"),
            "de": ("nicht innerhalb von 1 Monat", "nicht innerhalb von 4 Monaten"),
        },
    ),
    (
        "dashboard.asof",
        "days",
        {"date": "2026-11-26"},
        {
            "en": ("stale after 1 day without", "stale after 4 days without"),
            "fr": ("après 1 jour sans mesure", "après 4 jours sans mesure"),
            "de": ("nach 1 Tag ohne Messung", "nach 4 Tagen ohne Messung"),
        },
    ),
    (
        "agenda.committee.window",
        "days",
        {"last": "a", "next": "b"},
        {
            "en": ("(every 1 day)", "(every 4 days)"),
            "fr": ("(tous les 1 jour)", "(tous les 4 jours)"),
            "de": ("(alle 1 Tag)", "(alle 4 Tage)"),
        },
    ),
    (
        "agenda.why.stale",
        "days",
        {"kpi": "K"},
        {
            "en": ("not measured for 1 day:", "not measured for 4 days:"),
            "fr": ("non mesuré depuis 1 jour :", "non mesuré depuis 4 jours :"),
            "de": ("seit 1 Tag nicht gemessen", "seit 4 Tagen nicht gemessen"),
        },
    ),
    (
        "agenda.why.no_gain",
        "n",
        {"kpi": "K", "progress": "0 %"},
        {
            "en": ("after 1 measurement:", "after 4 measurements:"),
            "fr": ("après 1 mesure :", "après 4 mesures :"),
            "de": ("nach 1 Messung:", "nach 4 Messungen:"),
        },
    ),
    (
        "plan.conflict.pilots",
        "amount",
        {"wave": 1, "limit": 0, "ids": "UC-001"},
        {
            "en": ("1 pinned pilot, at most", "4 pinned pilots, at most"),
            "fr": ("1 pilote épinglé, au plus", "4 pilotes épinglés, au plus"),
            "de": ("1 fixierter Pilot, höchstens", "4 fixierte Piloten, höchstens"),
        },
    ),
    (
        "plan.violation.pilots",
        "amount",
        {"wave": 1, "limit": 0},
        {
            "en": ("1 pilot planned", "4 pilots planned"),
            "fr": ("1 pilote prévu", "4 pilotes prévus"),
            "de": ("1 Pilot geplant", "4 Piloten geplant"),
        },
    ),
    (
        "plan.conflict.balance_unscored",
        "count",
        {"detail": "d", "ids": "UC-001"},
        {
            "en": ("its 1 entry is left out", "its 4 entries are left out"),
            "fr": ("sa 1 entrée est écartée", "ses 4 entrées sont écartées"),
            "de": ("der 1 zugehörige Eintrag ist", "die 4 zugehörigen Einträge sind"),
        },
    ),
]


@pytest.mark.parametrize(("key", "number", "params", "expected"), CASES, ids=[c[0] for c in CASES])
@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_count_messages_agree_with_one_and_several(
    key: str,
    number: str,
    params: dict[str, object],
    expected: dict[str, tuple[str, str]],
    lang: str,
) -> None:
    assert is_plural(key)
    t = Translator(lang)
    one, several = expected[lang]
    assert one in t.n(key, 1, **params, **{number: 1})
    assert several in t.n(key, 4, **params, **{number: 4})


def test_french_says_zero_in_the_singular() -> None:
    t = Translator("fr")
    assert "sous 0 jour (" in t.n("ai_act.report.deadlines", 0, days=0)


def test_engine_messages_and_templates_find_the_number_in_their_parameters() -> None:
    # aip doctor's figure agrees with the active entries ("1 of 1 active entry").
    for lang, one in (("en", "0 of 1 active entry"), ("fr", "0 sur 1 entrée active")):
        text = message(Translator(lang), "doctor.figure.top", {"count": 0, "total": 1, "n": 3})
        assert text.startswith(one)
    assert "not measured for 1 day:" in message(
        Translator("en"), "agenda.why.stale", {"kpi": "K", "days": 1}
    )
    # Templates call t(): its number comes from days, count, total or n.
    t = template_translator(Translator("de"))
    assert "(alle 1 Tag)" in t("agenda.committee.window", last="a", next="b", days=1)
    assert t("report.tco.top", count=1) == "Der höchste TCO"


def test_the_report_counts_one_use_case_and_one_kpi_in_the_singular(tmp_path: Path) -> None:
    kpi = {
        "name": "Handling time",
        "level": "impact",
        "unit": "h",
        "baseline": 10,
        "target": 5,
        "measurements": [{"date": "2026-10-15", "value": 8}],
    }
    root = write_register(tmp_path / "reg", [usecase(kpis=[kpi])])
    out = tmp_path / "site"
    result = run(root, "--lang", "en", "report", "--out", str(out), "--date", "2026-11-26")
    assert result.exit_code == 0, result.stderr
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "covers 1 of 1 active use case (if it has a cost)" in index
    kpis = (out / "kpis.html").read_text(encoding="utf-8")
    assert "1 of 1 measured KPI:" in kpis
    tco = (out / "tco.html").read_text(encoding="utf-8")
    assert "<h2>The largest TCO</h2>" in tco
