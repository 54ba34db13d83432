"""Problems carry a message key and its parameters; only reporters translate them. So the
check cache serves every language, and ``aip diff`` compares problems by rule, key and
parameters, whatever the language each side is read in."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

from aiportfolio.analysis.check_cache import CacheStats, check_with_cache
from aiportfolio.analysis.diff import compare_revisions
from aiportfolio.i18n import Translator
from aiportfolio.message import Localized, Message
from aiportfolio.register.loader import load_register
from aiportfolio.rules.registry import run_rules
from aiptest import REPO_ROOT, dump_yaml, usecase, write_register
from gitrepo import git

sys.path.insert(0, str(REPO_ROOT / "benchmarks"))

from generate import generate_register

TODAY = dt.date(2026, 11, 26)


def test_a_rule_problem_is_a_key_with_parameters_translated_by_the_reader(
    tmp_path: Path,
) -> None:
    root = write_register(tmp_path, [usecase(owner=None)])
    [problem] = [p for p in run_rules(load_register(root), TODAY) if p.rule == "owner-required"]
    assert problem.message == Message("rule.owner.missing", {"id": "UC-001"})
    assert problem.hint == Message("rule.owner.hint")
    english, french = problem.text(Translator("en")), problem.text(Translator("fr"))
    assert "UC-001" in english and "UC-001" in french and english != french


def test_a_validation_problem_keeps_pydantic_text_as_a_parameter(tmp_path: Path) -> None:
    root = write_register(tmp_path, [usecase(plan={"wave": 1, "effort_weeks": 6, "pinned": 3})])
    [problem] = load_register(root).problems
    assert problem.message.key.startswith("schema.")
    assert all(isinstance(v, str | int) for v in problem.message.params.values())


def test_nested_messages_and_localized_texts_follow_the_reader() -> None:
    message = Message(
        "ai_act.rule.extra",
        {"id": "x", "role": Message("ai_act.role.provider"), "tier": Message("diff.tier.high")},
    )
    assert message.text(Translator("en")) != message.text(Translator("fr"))
    assert Localized("Training", "Formation").text("fr") == "Formation"
    assert Localized("Training", "Formation").text("de") == "Training"


def test_the_check_cache_serves_every_language(tmp_path: Path) -> None:
    root = generate_register(tmp_path / "reg", 30, seed=3)
    broken = usecase(id="UC-999", owner=None, decision_date="2020-01-15")
    (root / "usecases" / "UC-999-case.yaml").write_text(dump_yaml(broken), encoding="utf-8")
    first, again = CacheStats(), CacheStats()
    french, _, lang_fr = check_with_cache(root, "fr", TODAY, stats=first)
    english, _, lang_en = check_with_cache(root, "en", TODAY, stats=again)
    assert (lang_fr, lang_en) == ("fr", "en")
    assert first.computed > 0 and again.computed == 0 and again.reused == first.computed
    assert french.problems and french.problems == english.problems
    fr, en = Translator("fr"), Translator("en")
    assert [p.text(fr) for p in french.problems] != [p.text(en) for p in english.problems]
    uncached = check_with_cache(root, "en", TODAY, use_cache=False)[0]
    assert [p.text(en) for p in english.problems] == [p.text(en) for p in uncached.problems]


def test_diff_compares_problems_by_key_and_parameters_not_by_text(tmp_path: Path) -> None:
    root = tmp_path
    git(root, "init", "-q", "-b", "main")
    write_register(root, [usecase(owner=None)], portfolio="language: fr\n")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "fr")
    base = git(root, "rev-parse", "HEAD")
    write_register(root, [usecase(owner=None)], portfolio="language: en\n")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "en")
    result = compare_revisions(root, base, "HEAD", None, TODAY)
    assert not result.new_problems and not result.fixed_problems


# --- errors carry messages too (#12.4) --------------------------------------------------------


def test_a_message_and_its_hint_join_into_one_text_in_each_language() -> None:
    from aiportfolio.message import Concat

    joined = (
        Message("error.unknown_usecase", {"id": "UC-9"})
        + "\n  "
        + Message("error.unknown_usecase.hint", {"suggestion": "UC-8"})
    )
    assert isinstance(joined, Concat)
    en, fr = Translator("en"), Translator("fr")
    assert joined.text(en) == en("error.unknown_usecase", id="UC-9") + "\n  " + en(
        "error.unknown_usecase.hint", suggestion="UC-8"
    )
    assert joined.text(fr).startswith(fr("error.unknown_usecase", id="UC-9"))
    assert ("x: " + Message("error.prefix")).text(en) == "x: " + en("error.prefix")
    # A Concat inside a message is translated as a parameter.
    nested = Message("import.mapping_invalid", {"path": "m.yaml", "detail": joined})
    assert joined.text(fr) in nested.text(fr)


def test_an_error_is_translated_by_its_reader_and_english_in_a_traceback() -> None:
    from aiportfolio.errors import UsageError

    error = UsageError(Message("diff.git.missing"))
    assert error.text(Translator("fr")) == Translator("fr")("diff.git.missing")
    assert str(error) == Translator("en")("diff.git.missing")
    assert UsageError("fatal: bad object").text(Translator("de")) == "fatal: bad object"


def test_an_error_raised_below_the_cli_reads_in_the_registers_language(tmp_path: Path) -> None:
    from aiptest import run

    root = write_register(tmp_path / "reg", [usecase()], portfolio="language: fr\n")
    done = run(root, "decide", "UC-404", "go")
    assert done.exit_code == 2
    assert Translator("fr")("error.unknown_usecase", id="UC-404") in done.stderr
    mapping = tmp_path / "missing.yaml"
    sheet = tmp_path / "rows.csv"
    sheet.write_text("title\nCas\n", encoding="utf-8")
    done = run(root, "import", str(sheet), "--mapping", str(mapping), "--dry-run")
    assert done.exit_code == 2
    assert Translator("fr")("error.path_not_found", path=mapping) in done.stderr


def _refusal(call: Any) -> Any:
    from aiportfolio.errors import UsageError

    try:
        call()
    except UsageError as exc:
        return exc
    raise AssertionError("no UsageError")


def test_details_once_written_in_english_are_catalog_messages(tmp_path: Path) -> None:
    """English reads as before; French and German get their own words."""
    from openpyxl import Workbook

    from aiportfolio.tabular.mapping import Mapping, load_mapping
    from aiportfolio.tabular.read import read_table

    en, fr = Translator("en"), Translator("fr")
    book = tmp_path / "book.xlsx"
    workbook = Workbook()
    workbook.active.title = "Cases"
    workbook.save(book)
    no_sheet = _refusal(lambda: read_table(book, Mapping(fields={}, sheet="Nope")))
    assert no_sheet.text(en) == f"cannot read {book}: no sheet 'Nope' (Cases)"
    assert "pas de feuille 'Nope' (Cases)" in no_sheet.text(fr)

    mapping = tmp_path / "map.yaml"
    mapping.write_text("fields: [unclosed\n", encoding="utf-8")
    bad_yaml = _refusal(lambda: load_mapping(mapping))
    assert "(line " in bad_yaml.text(en) and "(ligne " in bad_yaml.text(fr)
