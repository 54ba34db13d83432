"""``aip classify``: the questionnaire's logic on realistic cases, the bundled register's
classifications, answer files, and the byte-for-byte write."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from aiportfolio.actions.classify import classify, next_question, normalise
from aiportfolio.domain.ai_act import shipped_catalog
from aiportfolio.errors import UsageError
from aiportfolio.i18n import Translator
from aiportfolio.model.usecase import UseCase
from aiportfolio.register.yamlio import parse_text
from aiptest import REPO_ROOT, run, usecase, write_register

CATALOG = shipped_catalog()
EN = Translator("en")
NOTHING = {
    "own_name": False,
    "prohibited": [],
    "annex_i": False,
    "annex_iii": "none",
    "transparency": [],
    "gpai": "none",
}


def _answers(**given: Any) -> dict[str, Any]:
    return {"role": "deployer", **NOTHING, **given}


def _classify(**given: Any) -> Any:
    return classify(normalise(_answers(**given), CATALOG, "test"), CATALOG)


# (case, answers, tier, role, annex III point, legal basis)
CASES = [
    (
        "CV screening bought from an HR software vendor",
        {"annex_iii": "4(a)", "profiling": True},
        "high",
        "deployer",
        "4(a)",
        ("Art. 6(2)", "Annex III 4(a)"),
    ),
    (
        "customer chatbot built in-house on a model API",
        {"own_name": True, "transparency": ["chatbot"]},
        "limited",
        "provider",
        None,
        ("Art. 3(3)", "Art. 50(1)"),
    ),
    (
        "emotion recognition of workers by camera",
        {"prohibited": ["emotion_work_education"]},
        "prohibited",
        "deployer",
        None,
        ("Art. 5(1)(f)",),
    ),
    (
        "credit scoring of customers",
        {"annex_iii": "5(b)", "profiling": True},
        "high",
        "deployer",
        "5(b)",
        ("Art. 6(2)", "Annex III 5(b)"),
    ),
    (
        "duplicate detection in applications (Art. 6(3)(a))",
        {"annex_iii": "4(a)", "profiling": False, "exception": "narrow_task"},
        "minimal",
        "deployer",
        "4(a)",
        ("Art. 6(3)(a)", "Annex III 4(a)"),
    ),
    (
        "a vendor's HR model rebranded as ours",
        {"own_name": True, "annex_iii": "4(a)", "profiling": True},
        "high",
        "provider",
        "4(a)",
        ("Art. 25(1)", "Art. 6(2)", "Annex III 4(a)"),
    ),
    (
        "safety function of a machine tool",
        {"role": "provider", "annex_i": True},
        "high",
        "provider",
        None,
        ("Art. 6(1)", "Annex I"),
    ),
    (
        "invoice extraction",
        {},
        "minimal",
        "deployer",
        None,
        (),
    ),
    (
        "marketing images generated and published",
        {"transparency": ["deepfake"]},
        "limited",
        "deployer",
        None,
        ("Art. 50(4)",),
    ),
    (
        "our own fine-tuned model released to partners",
        {"role": "provider", "gpai": "general"},
        "minimal",
        "provider",
        None,
        ("Art. 53",),
    ),
]


@pytest.mark.parametrize(
    ("answers", "tier", "role", "point", "basis"),
    [c[1:] for c in CASES],
    ids=[c[0] for c in CASES],
)
def test_classifier_on_realistic_cases(
    answers: dict[str, Any], tier: str, role: str, point: str | None, basis: tuple[str, ...]
) -> None:
    if answers.get("role") == "provider":
        answers = {**answers}
        given = {k: v for k, v in answers.items() if k != "role"}
        raw = {"role": "provider", **{k: v for k, v in NOTHING.items() if k != "own_name"}, **given}
        result = classify(normalise(raw, CATALOG, "test"), CATALOG)
    else:
        result = _classify(**answers)
    assert (result.tier, result.role, result.annex_iii, result.legal_basis) == (
        tier,
        role,
        point,
        basis,
    )


BUNDLED = sorted((REPO_ROOT / "usecases").glob("*.yaml"))


@pytest.mark.parametrize("path", BUNDLED, ids=[p.name[:6] for p in BUNDLED])
def test_bundled_register_classifications_follow_from_their_answers(path: Path) -> None:
    uc = UseCase.model_validate(parse_text(path.read_text(encoding="utf-8"))[0])
    if not uc.ai_act.answers:
        pytest.skip("not classified with the questionnaire")
    result = classify(normalise(uc.ai_act.answers, CATALOG, path.name), CATALOG)
    assert result.answers == uc.ai_act.answers
    assert result.tier == uc.risk.ai_act_tier
    assert result.role == uc.ai_act.role
    assert result.annex_iii == uc.ai_act.annex_iii
    assert result.annex_i == uc.ai_act.annex_i
    assert list(result.legal_basis) == uc.ai_act.legal_basis
    assert list(result.transparency) == uc.ai_act.transparency


def test_the_bundled_register_has_each_kind_of_case() -> None:
    tiers = {}
    for path in BUNDLED:
        uc = UseCase.model_validate(parse_text(path.read_text(encoding="utf-8"))[0])
        if uc.ai_act.answers:
            tiers[uc.id] = (uc.risk.ai_act_tier, uc.ai_act.role, uc.ai_act.annex_iii)
    assert tiers["UC-010"] == ("high", "deployer", "4(a)")
    assert tiers["UC-015"][0] == "prohibited"
    assert tiers["UC-016"][:2] == ("limited", "provider")


def test_questions_skip_what_does_not_apply() -> None:
    asked = []
    answers: dict[str, Any] = {}
    script = {"role": "provider", "prohibited": ["social_scoring"]}
    while (q := next_question(answers, CATALOG)) is not None:
        asked.append(q.id)
        answers[q.id] = script[q.id]
    assert asked == ["role", "prohibited"]
    answers = {"role": "deployer", "own_name": False, "prohibited": [], "annex_i": False}
    answers["annex_iii"] = "4(a)"
    assert next_question(answers, CATALOG).id == "profiling"  # type: ignore[union-attr]
    answers["profiling"] = True
    assert next_question(answers, CATALOG).id == "transparency"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({**_answers(), "rôle": "x"}, "unknown question rôle"),
        ({k: v for k, v in _answers().items() if k != "gpai"}, "question gpai is not answered"),
        (_answers(annex_iii="4(z)"), "'4(z)' is not an answer to annex_iii"),
        (_answers(annex_i="yes"), "'yes' is not an answer to annex_i"),
        (_answers(transparency=["chatbot", "hologram"]), "is not an answer to transparency"),
    ],
)
def test_bad_answers_are_usage_errors(raw: dict[str, Any], message: str) -> None:
    with pytest.raises(UsageError) as caught:
        normalise(raw, CATALOG, "answers.yaml")
    assert message in caught.value.text(EN)


def test_the_expected_answers_of_a_list_question_read_in_each_language() -> None:
    with pytest.raises(UsageError) as caught:
        normalise(_answers(transparency=["hologram"]), CATALOG, "answers.yaml")
    assert "chatbot" in caught.value.text(EN) and "(a list)" in caught.value.text(EN)
    assert "(une liste)" in caught.value.text(Translator("fr"))
    assert "(eine Liste)" in caught.value.text(Translator("de"))


def test_bad_answers_in_french() -> None:
    with pytest.raises(UsageError) as caught:
        normalise({"role": "deployer"}, CATALOG, "r.yaml")
    assert "la question own_name n'a pas de réponse" in caught.value.text(Translator("fr"))


# --- the command --------------------------------------------------------------------------

CV_ANSWERS = """\
role: deployer
own_name: false
prohibited: []
annex_i: false
annex_iii: 4(a)
profiling: true
transparency: []
gpai: none
"""


def _register(tmp_path: Path) -> Path:
    data = usecase(id="UC-002", status="scoping", title="Présélection des CV", ai_act=None)
    root = write_register(tmp_path, [data], files={"answers.yaml": CV_ANSWERS})
    # A comment and an odd spacing that the write must keep.
    path = root / "usecases" / "UC-002-case.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "risk:\n", "# Revue juridique en cours\nrisk:   # à confirmer\n"
    )
    path.write_text(text, encoding="utf-8")
    return root


def test_classify_writes_tier_role_basis_and_answers_byte_for_byte(tmp_path: Path) -> None:
    root = _register(tmp_path)
    path = root / "usecases" / "UC-002-case.yaml"
    before = path.read_text(encoding="utf-8").splitlines(keepends=True)
    result = run(
        root,
        "--lang",
        "en",
        "classify",
        "UC-002",
        "--answers",
        str(root / "answers.yaml"),
        "--by",
        "Legal",
        "--date",
        "2026-12-01",
    )
    assert result.exit_code == 0, result.stderr
    assert "UC-002: tier high, role deployer" in result.stdout
    assert "(was: tier minimal, role deployer)" in result.stdout
    assert "legal basis: Art. 6(2), Annex III 4(a)" in result.stdout
    assert "Art. 26(7)  Inform workers and their representatives [hr-deployer-workers]" in (
        result.stdout
    )
    assert "not legal advice" in result.stderr
    after = path.read_text(encoding="utf-8").splitlines(keepends=True)
    uc = UseCase.model_validate(parse_text("".join(after))[0])
    assert uc.risk.ai_act_tier == "high"
    assert (uc.ai_act.role, uc.ai_act.annex_iii) == ("deployer", "4(a)")
    assert uc.ai_act.legal_basis == ["Art. 6(2)", "Annex III 4(a)"]
    assert uc.ai_act.answers["profiling"] is True
    assert str(uc.ai_act.classified_on) == "2026-12-01" and uc.ai_act.classified_by == "Legal"
    # Only the tier line changed, and the ai_act block was inserted after risk.
    changed = [line for line in before if line not in after]
    assert changed == ["  ai_act_tier: minimal\n"]
    start = after.index("ai_act:\n")
    assert after[:start] == [
        line.replace("ai_act_tier: minimal", "ai_act_tier: high") for line in before[:start]
    ]
    assert after[start + 1 :][-len(before[start:]) :] == before[start:]
    # Classifying again with the same answers and date changes nothing.
    again = run(
        root,
        "classify",
        "UC-002",
        "--answers",
        str(root / "answers.yaml"),
        "--by",
        "Legal",
        "--date",
        "2026-12-01",
    )
    assert again.exit_code == 0
    assert path.read_text(encoding="utf-8").splitlines(keepends=True) == after


def test_reclassify_removes_what_no_longer_holds_and_keeps_obligations(tmp_path: Path) -> None:
    root = _register(tmp_path)
    answers = str(root / "answers.yaml")
    assert run(root, "classify", "UC-002", "--answers", answers).exit_code == 0
    path = root / "usecases" / "UC-002-case.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "ai_act:\n",
        "ai_act:\n  obligations:\n    - id: hr-deployer-logs\n      status: in_progress\n",
    )
    path.write_text(text, encoding="utf-8")
    (root / "minimal.yaml").write_text(CV_ANSWERS.replace("4(a)", "none"), encoding="utf-8")
    result = run(
        root, "--lang", "fr", "classify", "UC-002", "--answers", str(root / "minimal.yaml")
    )
    assert result.exit_code == 0, result.stderr
    assert "UC-002 : niveau minimal, rôle déployeur" in result.stdout
    uc = UseCase.model_validate(parse_text(path.read_text(encoding="utf-8"))[0])
    assert uc.ai_act.annex_iii is None and uc.ai_act.legal_basis == []
    assert [o.id for o in uc.ai_act.obligations] == ["hr-deployer-logs"]
    assert "profiling" not in uc.ai_act.answers


def test_dry_run_writes_nothing(tmp_path: Path) -> None:
    root = _register(tmp_path)
    path = root / "usecases" / "UC-002-case.yaml"
    before = path.read_bytes()
    result = run(root, "classify", "UC-002", "--answers", str(root / "answers.yaml"), "--dry-run")
    assert result.exit_code == 0
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("- a\n- b\n", "holds one mapping"),
        ("role: [\n", "cannot read the answers"),
        ("role: boss\n", "'boss' is not an answer to role"),
    ],
)
def test_bad_answers_file_exits_2(tmp_path: Path, content: str, message: str) -> None:
    root = _register(tmp_path)
    (root / "bad.yaml").write_text(content, encoding="utf-8")
    result = run(root, "--lang", "en", "classify", "UC-002", "--answers", str(root / "bad.yaml"))
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_usecase_and_missing_file_exit_2(tmp_path: Path) -> None:
    root = _register(tmp_path)
    result = run(
        root, "--lang", "en", "classify", "UC-009", "--answers", str(root / "answers.yaml")
    )
    assert result.exit_code == 2
    result = run(root, "--lang", "en", "classify", "UC-002", "--answers", str(root / "nope.yaml"))
    assert result.exit_code == 2


def test_without_a_terminal_it_asks_for_answers(tmp_path: Path) -> None:
    root = _register(tmp_path)
    result = run(root, "--lang", "en", "classify", "UC-002")
    assert result.exit_code == 2
    assert "--answers FILE" in result.stderr


@pytest.mark.parametrize(
    ("question", "typed", "expected"),
    [
        ("role", "2", "deployer"),
        ("role", "provider", "provider"),
        ("role", "boss", None),
        ("own_name", "oui", True),
        ("own_name", "no", False),
        ("own_name", "peut-être", None),
        ("own_name", "ja", True),
        ("own_name", "J", True),
        ("own_name", "nein", False),
        ("own_name", "N", False),
        ("own_name", "vielleicht", None),
        ("annex_iii", "4a", "4(a)"),
        ("annex_iii", "", "none"),
        ("transparency", "1, deepfake", ["chatbot", "deepfake"]),
        ("transparency", "", []),
        ("transparency", "hologram", None),
        ("gpai", "", "none"),
    ],
)
def test_typed_answers(question: str, typed: str, expected: Any) -> None:
    from aiportfolio.actions.classify import questions
    from aiportfolio.cli.compliance import parse_answer

    assert parse_answer(questions(CATALOG)[question], typed) == expected


def test_the_prompts_take_german_answers(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``aip --lang de classify``: the questions in German, answered ja/j/nein; a word
    that is neither is asked again with the expected "ja/nein"."""
    from rich.console import Console

    from aiportfolio.cli.compliance import _ask

    typed = iter(["2", "ja", "", "vielleicht", "Nein", "4a", "J", "", ""])
    monkeypatch.setattr(Console, "input", lambda self, prompt="": next(typed))
    answers = _ask(CATALOG, Translator("de"))
    assert answers == {
        "role": "deployer",
        "own_name": True,
        "prohibited": [],
        "annex_i": False,
        "annex_iii": "4(a)",
        "profiling": True,
        "transparency": [],
        "gpai": "none",
    }
    assert "ja/nein" in capsys.readouterr().err


def test_annex_iii_and_annex_i_take_the_earliest_date() -> None:
    from aiportfolio.domain.ai_act import catalog_for, obligations_of
    from aiportfolio.model.portfolio import PortfolioConfig

    data = usecase(
        risk={"level": "high", "ai_act_tier": "high"},
        ai_act={"role": "deployer", "annex_i": True, "annex_iii": "4(a)"},
    )
    found = obligations_of(UseCase.model_validate(data), catalog_for(PortfolioConfig()))
    dates = {a.applies_on.isoformat() for a in found if a.obligation.id.startswith("hr-")}
    assert dates == {"2027-12-02"}
