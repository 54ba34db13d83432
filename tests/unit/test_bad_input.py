"""Bad input in use-case files: each gets a clear problem (file, line, rule, fix), never a
traceback, and ``aip check`` exits 1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from aiptest import dump_yaml, run, usecase, write_register

VALID = dump_yaml(usecase()).replace("'2099-01-15'", "2099-01-15")


def _with(old: str, new: str) -> str:
    assert old in VALID, old
    return VALID.replace(old, new, 1)


def _line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


CASES = [
    # (name, replace this, by this, rule, text on the reported line or None, words said)
    ("malformed yaml", "title: ", "title: [unclosed\n  x: ", "yaml-syntax", None, "YAML"),
    (
        "duplicate key",
        "status: scoping",
        "status: scoping\nstatus: pilot",
        "duplicate-key",
        "status: pilot",
        "status",
    ),
    (
        "anchor and alias",
        "problem: Tri manuel lent",
        "problem: &p Tri manuel lent\nnext_step: *p",
        "yaml-anchor",
        "&p",
        "anchor",
    ),
    (
        "python tag",
        "problem: Tri manuel lent",
        "problem: !!python/object/apply:os.system [ls]",
        "yaml-tag",
        "python",
        "python",
    ),
    (
        "wrong type",
        "title: Tri des réclamations clients",
        "title: [a, b]",
        "schema",
        "title:",
        "expected text",
    ),
    (
        "number where text",
        "title: Tri des réclamations clients",
        "title: 42",
        "schema",
        "title:",
        "expected text",
    ),
    (
        "score out of range",
        "business_value: 3",
        "business_value: 9",
        "schema",
        "business_value",
        "out of range",
    ),
    (
        "score not whole",
        "business_value: 3",
        "business_value: 3.5",
        "schema",
        "business_value",
        "whole number",
    ),
    (
        "date not a date",
        "decision_date: 2099-01-15",
        "decision_date: next week",
        "schema",
        "decision_date",
        "expected a date",
    ),
    (
        "impossible date",
        "decision_date: 2099-01-15",
        "decision_date: 2099-02-30",
        "schema",
        "decision_date",
        "expected a date",
    ),
    (
        "yes where boolean",
        "north_star: true",
        "north_star: yes",
        "schema",
        "north_star",
        "true or false",
    ),
    (
        "boolean where number",
        "baseline: 48",
        "baseline: true",
        "schema",
        "baseline",
        "expected a number",
    ),
    (
        "quoted number",
        "amount_eur: 20000",
        "amount_eur: '20000'",
        "schema",
        "amount_eur",
        "expected a number",
    ),
    (
        "terminal escape in a title",
        "title: Tri des réclamations clients",
        'title: "Tri \\e[31mrouge"',
        "schema",
        "title:",
        "control character U+001B",
    ),
    (
        "bidi override in a problem",
        "problem: Tri manuel lent",
        'problem: "Tri \\u202e lent"',
        "schema",
        "problem:",
        "U+202E",
    ),
    (
        "enum typo",
        "status: scoping",
        "status: scopign",
        "schema",
        "status",
        "did you mean `scoping`",
    ),
    ("unknown key", "next_step:", "nextstep:", "unknown-key", "nextstep", "unknown key"),
    ("bad enum", "category: quick_win", "category: quickwin", "schema", "category", "quick_win"),
    ("bad id", "id: UC-001", "id: 'UC-1'", "schema", "id:", "expected form"),
]


@pytest.mark.parametrize(
    ("name", "old", "new", "rule", "needle", "words"), CASES, ids=[c[0] for c in CASES]
)
def test_bad_usecase_file(
    tmp_path: Path, name: str, old: str, new: str, rule: str, needle: str | None, words: str
) -> None:
    text = _with(old, new)
    root = write_register(tmp_path, files={"usecases/UC-001-case.yaml": text})
    result = run(root, "check", "--format", "json")
    assert result.exit_code == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    problems = json.loads(result.stdout)["problems"]
    found = [p for p in problems if p["rule"] == rule]
    assert found, problems
    problem = found[0]
    assert problem["path"] == "usecases/UC-001-case.yaml"
    assert words.lower() in (problem["message"] + problem["hint"]).lower()
    assert problem["hint"], "every problem says how to fix it"
    if needle is not None:
        assert problem["line"] == _line_of(text, needle)
    assert problem["line"] >= 1


def test_not_a_mapping(tmp_path: Path) -> None:
    root = write_register(tmp_path, files={"usecases/UC-001-case.yaml": "- just\n- a list\n"})
    result = run(root, "check")
    assert result.exit_code == 1
    assert "UC-001-case.yaml:1:1: error [not-a-mapping]" in result.stdout


def test_unknown_key_suggests_the_right_one(tmp_path: Path) -> None:
    text = _with("next_step:", "nextstep:")
    root = write_register(tmp_path, files={"usecases/UC-001-case.yaml": text})
    result = run(root, "check")
    assert "did you mean `next_step`?" in result.stdout
    assert f"UC-001-case.yaml:{_line_of(text, 'nextstep')}:" in result.stdout


def test_no_is_text_in_yaml_1_2(tmp_path: Path) -> None:
    """YAML 1.2: `no` is the text "no", not false (no Norway problem)."""
    text = _with("problem: Tri manuel lent", "problem: no")
    root = write_register(tmp_path, files={"usecases/UC-001-case.yaml": text})
    assert run(root, "check").exit_code == 0


def test_non_utf8_bytes(tmp_path: Path) -> None:
    root = write_register(tmp_path)
    (root / "usecases" / "UC-001-case.yaml").write_bytes(
        VALID.encode("utf-8").replace("réclamations".encode(), "r\xe9clamations".encode("latin-1"))
    )
    result = run(root, "check")
    assert result.exit_code == 1
    assert "UC-001-case.yaml:2:17:" in result.stdout  # the é of "réclamations"
    assert "[encoding]" in result.stdout and "UTF-8" in result.stdout


def test_bom_is_accepted(tmp_path: Path) -> None:
    root = write_register(tmp_path)
    (root / "usecases" / "UC-001-case.yaml").write_bytes(b"\xef\xbb\xbf" + VALID.encode())
    assert run(root, "check").exit_code == 0


@pytest.mark.parametrize("text", ["", "\n\n", "# just a comment\n"])
def test_empty_file(tmp_path: Path, text: str) -> None:
    root = write_register(tmp_path, files={"usecases/UC-001-case.yaml": text})
    result = run(root, "check")
    assert result.exit_code == 1
    assert "[empty-file]" in result.stdout


def test_huge_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    big = VALID + "# " + "x" * (5 * 1024 * 1024) + "\n"
    root = write_register(tmp_path, files={"usecases/UC-001-case.yaml": big})
    result = run(root, "check")
    assert result.exit_code == 1
    assert "[file-too-large]" in result.stdout


def test_billion_laughs_is_refused(tmp_path: Path) -> None:
    lol = "id: UC-001\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a]\n"
    lol += "c: &c [*b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c]\n"
    root = write_register(tmp_path, files={"usecases/UC-001-case.yaml": lol})
    result = run(root, "check")
    assert result.exit_code == 1
    assert "[yaml-anchor]" in result.stdout


def test_one_bad_file_does_not_hide_the_others(tmp_path: Path) -> None:
    root = write_register(
        tmp_path,
        [usecase(id="UC-002", owner=None)],
        files={"usecases/UC-001-case.yaml": "id: [\n"},
    )
    result = run(root, "check")
    assert "[yaml-syntax]" in result.stdout
    assert "[owner-required]" in result.stdout
