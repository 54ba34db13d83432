"""The writing commands through the CLI: exit codes, messages, files (golden cards)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from aiptest import REPO_ROOT, run, usecase, write_register

GOLDEN = REPO_ROOT / "tests" / "golden" / "write"


def golden(name: str, actual: str) -> None:
    """Compare with tests/golden/write/<name>; AIP_UPDATE_GOLDEN=1 rewrites it."""
    path = GOLDEN / name
    if os.environ.get("AIP_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8")


# --- init --------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_init_creates_a_register_that_passes_check(tmp_path: Path, lang: str) -> None:
    root = tmp_path / "register"
    result = run(None, "--lang", lang, "init", str(root))
    assert result.exit_code == 0, result.stderr
    for rel in (
        "config/portfolio.yaml",
        "config/weights.yaml",
        "schema/usecase.schema.json",
        ".vscode/settings.json",
        ".pre-commit-config.yaml",
        "README.md",
    ):
        assert (root / rel).is_file(), rel
    assert len(list((root / "usecases").glob("UC-001-*.yaml"))) == 1
    assert f"language: {lang}" in (root / "config" / "portfolio.yaml").read_text("utf-8")
    check = run(root, "check", "--strict")
    assert check.exit_code == 0, check.stdout + check.stderr
    assert run(root, "fmt", "--check").exit_code == 0


def test_init_copies_the_ci_files_and_templates_when_asked(tmp_path: Path) -> None:
    from aiportfolio.actions.init import ci_files

    root = tmp_path / "r"
    assert run(None, "init", str(root), "--templates").exit_code == 0
    for rel in ci_files():
        assert (root / rel).is_file(), rel
    builtin = REPO_ROOT / "templates"
    if any(builtin.iterdir()):
        assert (root / "templates").is_dir()


def test_init_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    root = tmp_path / "r"
    assert run(None, "init", str(root)).exit_code == 0
    readme = root / "README.md"
    readme.write_text("mine", "utf-8")
    refused = run(None, "init", str(root))
    assert refused.exit_code == 2
    assert "--force" in refused.stderr
    assert readme.read_text("utf-8") == "mine"
    assert run(None, "init", str(root), "--force").exit_code == 0
    assert readme.read_text("utf-8") != "mine"


# --- new -------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_new_writes_a_complete_commented_card(tmp_path: Path, lang: str) -> None:
    root = write_register(tmp_path, [usecase(id="UC-009")])
    result = run(
        root, "--lang", lang, "new", "Tri des réclamations / SAV", "--owner", "Claire Martin"
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "UC-010\n"
    path = root / "usecases" / "UC-010-tri-des-reclamations-sav.yaml"
    text = path.read_text("utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/usecase.schema.json\n")
    golden(f"new-card.{lang}.yaml", text)
    check = run(root, "check", str(path))
    assert "[schema]" not in check.stdout
    assert run(root, "fmt", "--check").exit_code == 0


def test_new_without_usecases_folder_says_init(tmp_path: Path) -> None:
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "weights.yaml").write_text(
        (REPO_ROOT / "config" / "weights.yaml").read_text("utf-8"), "utf-8"
    )
    result = run(tmp_path, "new", "x")
    assert result.exit_code == 2
    assert "aip init" in result.stderr


# --- decide ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "decision", "after"),
    [
        ("idea", "go", "scoping"),
        ("scoping", "go", "pilot"),
        ("pilot", "go", "industrialising"),
        ("scoping", "iterate", "scoping"),
        ("pilot", "iterate", "pilot"),
        ("pilot", "scale", "industrialising"),
        ("industrialising", "scale", "operated"),
        ("operated", "stop", "stopped"),
        ("idea", "stop", "stopped"),
    ],
)
def test_decide_moves_the_status(tmp_path: Path, status: str, decision: str, after: str) -> None:
    from aiportfolio.register.loader import load_register

    root = write_register(tmp_path, [usecase(status=status, risk={"level": "low"})])
    result = run(
        root,
        "decide",
        "UC-001",
        decision,
        "--note",
        "Baseline mesurée",
        "--by",
        "Comité",
        "--date",
        "2026-11-20",
        "--next-decision",
        "2027-01-15",
    )
    assert result.exit_code == 0, result.stderr
    uc = load_register(root).usecases[0]
    assert uc.status == after
    assert uc.decision_date is not None and uc.decision_date.isoformat() == "2027-01-15"
    last = uc.decisions[-1]
    assert (last.decision, last.by, last.note, last.date.isoformat()) == (
        decision,
        "Comité",
        "Baseline mesurée",
        "2026-11-20",
    )


@pytest.mark.parametrize(
    ("status", "decision", "allowed"),
    [
        ("idea", "scale", "go, iterate, stop"),
        ("scoping", "scale", "go, iterate, stop"),
        ("industrialising", "go", "iterate, scale, stop"),
        ("operated", "scale", "iterate, stop"),
    ],
)
def test_impossible_decision_lists_the_allowed_ones(
    tmp_path: Path, status: str, decision: str, allowed: str
) -> None:
    root = write_register(tmp_path, [usecase(status=status)])
    before = (root / "usecases" / "UC-001-case.yaml").read_bytes()
    result = run(root, "decide", "UC-001", decision)
    assert result.exit_code == 2
    assert f"possible decisions: {allowed}" in result.stderr
    assert (root / "usecases" / "UC-001-case.yaml").read_bytes() == before


def test_stopped_is_final(tmp_path: Path) -> None:
    root = write_register(tmp_path, [usecase(status="stopped")])
    result = run(root, "--lang", "fr", "decide", "UC-001", "go")
    assert result.exit_code == 2
    assert "définitif" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("decide", "UC-002", "go"), "did you mean UC-001?"),
        (("decide", "../../etc/passwd", "go"), "no use case ../../etc/passwd"),
        (("decide", "UC-001", "go", "--date", "2026-13-01"), "is not a date"),
        (("decide", "UC-001", "go", "--next-decision", "2020-01-01"), "is before"),
        (("decide", "UC-001", "go", "--by", "x" * 300), "300 characters"),
        (("decide", "UC-001", "go", "--note", "n" * 5000), "note"),
    ],
)
def test_decide_refuses_bad_input(tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    root = write_register(tmp_path, [usecase()])
    before = (root / "usecases" / "UC-001-case.yaml").read_bytes()
    result = run(root, *args)
    assert result.exit_code == 2, result.stderr
    assert message in result.stderr
    assert (root / "usecases" / "UC-001-case.yaml").read_bytes() == before


def test_decide_before_the_last_decision_is_refused(tmp_path: Path) -> None:
    decisions = [{"date": "2026-11-01", "decision": "go", "by": "Comité"}]
    root = write_register(tmp_path, [usecase(decisions=decisions)])
    result = run(root, "decide", "UC-001", "iterate", "--date", "2026-10-01")
    assert result.exit_code == 2
    assert "oldest first" in result.stderr


# --- kpi record ------------------------------------------------------------------------------


def test_kpi_record_keeps_date_order(tmp_path: Path) -> None:
    from aiportfolio.register.loader import load_register

    root = write_register(tmp_path, [usecase()])
    for value, date in (("40", "2026-11-20"), ("44,5", "2026-10-20"), ("38", "2026-12-20")):
        result = run(root, "kpi", "record", "UC-001", "délai de tri", value, "--date", date)
        assert result.exit_code == 0, result.stderr
    measurements = load_register(root).usecases[0].kpis[0].measurements
    assert [(m.date.isoformat(), m.value) for m in measurements] == [
        ("2026-10-20", 44.5),
        ("2026-11-20", 40),
        ("2026-12-20", 38),
    ]
    assert "value: 40\n" in (root / "usecases" / "UC-001-case.yaml").read_text("utf-8")


@pytest.mark.parametrize(
    ("kpi", "value", "message"),
    [
        ("Délai de trie", "3", "did you mean 'Délai de tri'?"),
        ("Satisfaction", "3", "its KPIs: Délai de tri"),
        ("Délai de tri", "beaucoup", "is not a number"),
        ("Délai de tri", "nan", "is not a number"),
    ],
)
def test_kpi_record_refuses_unknown_kpis_and_bad_values(
    tmp_path: Path, kpi: str, value: str, message: str
) -> None:
    root = write_register(tmp_path, [usecase()])
    result = run(root, "kpi", "record", "UC-001", kpi, value)
    assert result.exit_code == 2
    assert message in result.stderr


# --- fmt -------------------------------------------------------------------------------------


def test_fmt_check_lists_files_then_fmt_fixes_them(tmp_path: Path) -> None:
    messy = (
        "# keep me\ntitle: Tri   # t\nid: UC-001\nstatus: idea\ncategory: quick_win\n"
        "owner:\n    name: Ana\n"
    )
    root = write_register(tmp_path, files={"usecases/UC-001-tri.yaml": messy})
    check = run(root, "fmt", "--check")
    assert check.exit_code == 1
    assert check.stdout == "would reformat usecases/UC-001-tri.yaml\n"
    assert (root / "usecases" / "UC-001-tri.yaml").read_text("utf-8") == messy
    assert run(root, "fmt").exit_code == 0
    assert (root / "usecases" / "UC-001-tri.yaml").read_text("utf-8") == (
        "# keep me\nid: UC-001\ntitle: Tri   # t\nstatus: idea\ncategory: quick_win\nowner:\n"
        "  name: Ana\n"
    )
    assert run(root, "fmt", "--check").exit_code == 0


@pytest.mark.parametrize("check", [True, False])
@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"id: [unclosed\n", "ParserError"),
        ("id: UC-001\ntitle: Réclamations\n".encode("latin-1"), "not UTF-8"),
    ],
)
def test_fmt_reports_unreadable_files_and_exits_1(
    tmp_path: Path, content: bytes, reason: str, check: bool
) -> None:
    root = write_register(tmp_path, [usecase(id="UC-002")])
    (root / "usecases" / "UC-001-x.yaml").write_bytes(content)
    result = run(root, "fmt", *(["--check"] if check else []))
    assert result.exit_code == 1, result.stderr
    assert "usecases/UC-001-x.yaml: skipped" in result.stderr
    assert reason in result.stderr
    assert (root / "usecases" / "UC-001-x.yaml").read_bytes() == content


# --- export ----------------------------------------------------------------------------------


def test_export_xlsx_reads_back_identically(tmp_path: Path) -> None:
    from aiportfolio.register.loader import load_register

    hostile = usecase(title='=HYPERLINK("http://x")', problem="a | b ; c")
    source = write_register(tmp_path / "a", [hostile, usecase(id="UC-002")])
    out = tmp_path / "all.xlsx"
    assert run(source, "export", "--format", "xlsx", "--out", str(out)).exit_code == 0
    target = write_register(tmp_path / "b")
    result = run(target, "import", str(out))
    assert result.exit_code == 0, result.stderr
    before = load_register(source).usecases
    after = load_register(target).usecases
    assert [u.model_dump() for u in after] == [u.model_dump() for u in before]


def test_export_mapping_is_printed_and_valid() -> None:
    from aiportfolio.tabular.mapping import default_mapping

    result = run(None, "export", "--mapping")
    assert result.exit_code == 0
    assert "  owner.name: owner.name\n" in result.stdout
    assert len(default_mapping().fields) > 40


def test_export_csv_on_stdout(tmp_path: Path) -> None:
    root = write_register(tmp_path, [usecase()])
    result = run(root, "export")
    assert result.exit_code == 0
    header, row, end = result.stdout.split("\n")
    assert header.startswith("id,title,status,category,owner.name")
    assert row.startswith("UC-001,Tri des réclamations clients,scoping,quick_win,Claire Martin")
    assert end == ""


def test_export_xlsx_needs_an_output_file(tmp_path: Path) -> None:
    root = write_register(tmp_path, [usecase()])
    result = run(root, "export", "--format", "xlsx")
    assert result.exit_code == 2


# --- messages of decide and kpi record -------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "UC-001: scale (pilot -> industrialising), recorded in usecases/UC-001-case.yaml"),
        (
            "fr",
            "UC-001 : passer à l'échelle (pilote -> industrialisation), "
            "enregistré dans usecases/UC-001-case.yaml",
        ),
    ],
)
def test_decide_says_the_statuses_in_the_reader_language(
    tmp_path: Path, lang: str, expected: str
) -> None:
    root = write_register(tmp_path, [usecase(status="pilot", risk={"level": "low"})])
    result = run(root, "--lang", lang, "decide", "UC-001", "scale", "--date", "2026-11-20")
    assert result.exit_code == 0, result.stderr
    assert expected in result.stderr


@pytest.mark.parametrize(
    ("lang", "value", "date", "echo", "warned"),
    [
        ("fr", "12,5", "2026-11-20", "Délai de tri = 12,5 le 2026-11-20", False),
        ("en", "12,5", "2026-11-20", "Délai de tri = 12.5 on 2026-11-20", False),
        ("en", "1 250", "2026-11-26", "Délai de tri = 1,250 on 2026-11-26", False),
        ("en", "12", "2026-11-27", "Délai de tri = 12 on 2026-11-27", True),
    ],
)
def test_kpi_record_echoes_the_parsed_value_and_warns_on_future_dates(
    tmp_path: Path, lang: str, value: str, date: str, echo: str, warned: bool
) -> None:
    root = write_register(tmp_path, [usecase()])
    result = run(
        root, "--lang", lang, "kpi", "record", "UC-001", "Délai de tri", value, "--date", date
    )
    assert result.exit_code == 0, result.stderr
    assert echo in result.stderr
    assert ("after today (2026-11-26)" in result.stderr) is warned


# --- init: where and in which language --------------------------------------------------------


@pytest.mark.parametrize("target", ["somefile.yaml", "somefile.yaml/sub"])
def test_init_on_a_file_says_not_a_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, target: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "somefile.yaml").write_text("x: 1\n", "utf-8")
    result = run(None, "init", str(tmp_path / target))
    assert result.exit_code == 2
    assert "is a file, not a folder" in result.stderr
    assert "Traceback" not in result.stderr
    assert (tmp_path / "somefile.yaml").read_text("utf-8") == "x: 1\n"


@pytest.mark.parametrize(
    ("args", "messages", "files"),
    [
        ((), "fr", "fr"),
        (("--lang", "en"), "fr", "en"),
        (("--global-en",), "en", "en"),
        (("--global-en", "--lang", "fr"), "en", "fr"),
    ],
)
def test_init_messages_are_in_one_language(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: tuple[str, ...],
    messages: str,
    files: str,
) -> None:
    french = write_register(tmp_path / "fr", portfolio="language: fr\n")
    monkeypatch.chdir(french)
    target = tmp_path / "x"
    before = ("--lang", "en") if "--global-en" in args else ()
    after = tuple(a for a in args if a != "--global-en")
    result = run(None, *before, "init", str(target), *after)
    assert result.exit_code == 0, result.stderr
    # "attention"/"warning": this aip is an editable install, not from a package index.
    french_words = ("écrit", "registre créé", "ensuite", "attention", "réglez")
    english_words = ("wrote", "created a register", "next:", "warning", "set AIP_PACKAGE")
    lines = result.stderr.splitlines()
    expected, other = (
        (french_words, english_words) if messages == "fr" else (english_words, french_words)
    )
    assert all(any(w in line for w in expected) for line in lines), result.stderr
    assert not any(w in result.stderr for w in other)
    config = (target / "config" / "portfolio.yaml").read_text("utf-8")
    assert f"language: {files}" in config


# --- what the generated files point to --------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_generated_files_refer_to_docs_method_md(tmp_path: Path, lang: str) -> None:
    root = tmp_path / "r"
    assert run(None, "--lang", lang, "init", str(root)).exit_code == 0
    assert run(root, "new", "Autre cas").exit_code == 0
    texts = {
        p.relative_to(root).as_posix(): p.read_text("utf-8")
        for p in root.rglob("*")
        if p.is_file() and p.suffix in (".yaml", ".yml", ".md")
    }
    for rel, text in texts.items():
        assert "METHOD.md" not in text, rel
        assert "docs/rules.md" not in text, rel
    phrase = (
        "the aip method, docs/method.md §" if lang == "en" else "la méthode aip, docs/method.md §"
    )
    for rel in ("config/portfolio.yaml", "README.md"):
        assert phrase in texts[rel], rel
    new_card = next(text for rel, text in texts.items() if rel.startswith("usecases/UC-006"))
    assert phrase + "1" in new_card
    assert "docs/register-format.md §6" in texts["config/portfolio.yaml"]


@pytest.mark.parametrize(
    ("args", "package"),
    [
        ((), None),
        (("--package", "git+https://example.org/aip.git@v0.1.0#egg=aiportfolio"), None),
        (("--package", 'aiportfolio[xlsx] @ file:///opt/a "b"'), None),
    ],
)
def test_ci_files_install_the_package_named_by_one_variable(
    tmp_path: Path, args: tuple[str, ...], package: str | None
) -> None:
    from ruamel.yaml import YAML

    from aiportfolio import __version__

    expected = args[1] if args else f"aiportfolio=={__version__}"
    root = tmp_path / "r"
    assert run(None, "--lang", "en", "init", str(root), *args).exit_code == 0
    assert run(None, "init", str(root), *args, "--ci", "gitlab", "--force").exit_code == 0
    github = YAML(typ="safe").load((root / ".github" / "workflows" / "aip.yml").read_text())
    gitlab = YAML(typ="safe").load((root / ".gitlab-ci.yml").read_text())
    assert github["env"]["AIP_PACKAGE"] == expected
    assert gitlab["variables"]["AIP_PACKAGE"] == expected
    for path in (root / ".github" / "workflows" / "aip.yml", root / ".gitlab-ci.yml"):
        text = path.read_text("utf-8")
        assert text.count("AIP_PACKAGE:") == 1
        assert "pip install" in text and '"$AIP_PACKAGE"' in text
        assert "__AIP_PACKAGE__" not in text


@pytest.mark.parametrize("spec", ["", "  ", "a\nb", "x\x1b[31m"])
def test_init_refuses_a_package_spec_that_is_not_one_line(tmp_path: Path, spec: str) -> None:
    result = run(None, "--lang", "en", "init", str(tmp_path / "r"), "--package", spec)
    assert result.exit_code == 2
    assert "--package" in result.stderr
    assert not (tmp_path / "r" / "config").exists()
