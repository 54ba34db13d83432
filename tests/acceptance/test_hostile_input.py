"""Issue 11: hostile input never crashes aip, never injects into a CI log, a terminal,
a spreadsheet or a PR comment. One section per point of the issue."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from aiptest import REPO_ROOT, run, usecase, write_register


@pytest.fixture
def register(tmp_path: Path) -> Path:
    root = tmp_path / "reg"
    shutil.copytree(REPO_ROOT / "config", root / "config")
    shutil.copytree(REPO_ROOT / "usecases", root / "usecases")
    shutil.copytree(REPO_ROOT / "conformite", root / "conformite")  # AI Act evidence
    return root


def _case(root: Path, name: str, text: str) -> Path:
    path = root / "usecases" / name
    path.write_text(text, encoding="utf-8")
    return path


# --- 1. crashes: nesting, huge integers, internal errors --------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "x: " + "[" * 500 + "]" * 500,  # RecursionError before
        "x: " + "[" * 50_000 + "]" * 50_000,  # SIGSEGV in the C composer before
        "x: " + "{a: " * 2_000 + "1" + "}" * 2_000,
        "x:\n" + "- " * 5_000 + "y",  # compact block sequences
        "x: " + "[" * 50_000,  # unterminated
        "x:\r" + "- " * 5_000 + "y",  # CR line ends (found by the fuzzer)
        "x:\u2028" + "- " * 5_000 + "y",
    ],
)
def test_deep_nesting_is_a_located_problem(tmp_path: Path, body: str) -> None:
    root = write_register(tmp_path, [usecase()])
    _case(root, "UC-002-deep.yaml", "id: UC-002\n" + body + "\n")
    result = run(root, "--lang", "en", "check")
    assert result.exit_code == 1
    assert re.search(r"UC-002-deep\.yaml:[23]:\d+: error \[yaml-too-deep\]", result.stdout)
    assert "Traceback" not in result.stderr


def test_deep_nesting_in_a_config_file_is_a_config_error(tmp_path: Path) -> None:
    root = write_register(tmp_path, [usecase()], portfolio="waves: " + "[" * 3000 + "\n")
    result = run(root, "--lang", "en", "score")
    assert result.exit_code == 2
    assert "config/portfolio.yaml:1:" in result.stderr
    assert "yaml-too-deep" in result.stderr


@pytest.mark.parametrize("number", ["9" * 4301, "-" + "1" * 31, "0x" + "f" * 40])
def test_an_oversized_integer_is_a_located_problem(tmp_path: Path, number: str) -> None:
    root = write_register(tmp_path, [usecase()])
    text = (root / "usecases" / "UC-001-case.yaml").read_text()
    text = text.replace("annual_gain_eur: 60000", f"annual_gain_eur: {number}")
    _case(root, "UC-001-case.yaml", text)
    result = run(root, "--lang", "en", "check")
    assert result.exit_code == 1
    assert "[number-too-large]" in result.stdout
    assert "Traceback" not in result.stderr


def test_a_normal_register_is_never_too_deep(register: Path) -> None:
    assert run(register, "check").exit_code == 0


@pytest.mark.parametrize(
    ("lang", "words"), [("en", "internal error, please report"), ("fr", "erreur interne")]
)
def test_an_unexpected_exception_exits_3_with_one_line(
    register: Path, monkeypatch: pytest.MonkeyPatch, lang: str, words: str
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise KeyError("boom\n::error::injected")

    monkeypatch.setattr("aiportfolio.analysis.check_cache.check_with_cache", broken)
    result = run(register, "--lang", lang, "check")
    assert result.exit_code == 3
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert words in lines[0]
    assert "KeyError" in lines[0]
    assert "Traceback" not in result.stderr


def test_the_entry_point_maps_an_escaped_exception_to_exit_3(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from aiportfolio.cli import app as app_module

    def broken() -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(app_module, "app", broken)
    monkeypatch.setattr(app_module, "_resolve_annotations", lambda _app: None)
    with pytest.raises(SystemExit) as done:
        app_module.main()
    assert done.value.code == 3
    assert "internal error" in capsys.readouterr().err


# --- 3. CI log injection ---------------------------------------------------------------

_COMMAND_LINE = re.compile(r"^[ \t]*::")


def _log_lines(text: str) -> list[str]:
    # The runner ends lines on LF, CR and CR LF.
    return re.split(r"\r\n|\r|\n", text)


def _assert_no_injected_command(text: str) -> None:
    assert "##[" not in text
    for line in _log_lines(text):
        if _COMMAND_LINE.match(line):
            # Only aip's own annotations, for real files of the register.
            assert re.match(r"::(error|warning|notice) file=usecases/UC-\d+-[^,]*,", line) or (
                line.startswith("::notice::")
            ), line
            assert not re.match(r"::\w+ file=x\b", line)


def test_file_names_and_keys_cannot_inject_workflow_commands(register: Path) -> None:
    source = next((register / "usecases").glob("UC-001-*.yaml")).read_text(encoding="utf-8")
    _case(register, "UC-090-a\n::error file=x::boom.yaml", source.replace("UC-001", "UC-090"))
    _case(register, "UC-091-a\r::error file=x::boom.yaml", source.replace("UC-001", "UC-091"))
    _case(
        register,
        "UC-092-b.yaml",
        source.replace("UC-001", "UC-092") + '"k\\e[31m\\n::error file=x::key": 1\n',
    )
    _case(
        register,
        "UC-093-c.yaml",
        source.replace("UC-001", "UC-093") + '"##[error]k": 1\n',
    )
    for fmt in ("auto", "text", "json", "github", "gitlab"):
        result = run(register, "check", "--format", fmt, env={"GITHUB_ACTIONS": "true"})
        assert result.exit_code == 1
        _assert_no_injected_command(result.stdout)
        _assert_no_injected_command(result.stderr)
    text = run(register, "--lang", "en", "check", "--format", "text").stdout
    assert "\x1b" not in text
    assert "k\\x1b[31m\\n::error file=x::key: unknown key" in text
    assert "UC-090-a\\n::error file=x::boom.yaml" in text


HOSTILE_TEXT = "Tri " + "x" * 61 + " ::error::wrapped ##[error]legacy ::warning::x"

COMMANDS = [
    ("check", "--format", "text"),
    ("score",),
    ("score", "--format", "md"),
    ("score", "--format", "csv"),
    ("score", "--format", "json"),
    ("score", "--matrix"),
    ("score", "--explain", "UC-001"),
    ("balance",),
    ("balance", "--format", "md"),
    ("table",),
    ("table", "--format", "md"),
    ("table", "--format", "csv"),
    ("plan",),
    ("plan", "--format", "md"),
    ("roadmap",),
    ("tco",),
    ("tco", "--format", "md"),
    ("dashboard",),
    ("dashboard", "--format", "md"),
    ("doctor",),
    ("doctor", "--format", "md"),
    ("agenda", "--ritual", "committee"),
    ("agenda", "--ritual", "quarterly"),
    ("export", "--format", "csv"),
]


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: "-".join(a))
def test_no_command_echoes_a_workflow_command_from_user_text(
    register: Path, args: tuple[str, ...]
) -> None:
    path = next((register / "usecases").glob("UC-001-*.yaml"))
    text = path.read_text(encoding="utf-8")
    title = re.search(r"^title: (.*)$", text, re.MULTILINE)
    assert title is not None
    text = text.replace(title.group(0), f'title: "{HOSTILE_TEXT}"', 1)
    text = text.replace("next_step:", 'next_step: "::error::step ##[warning]x"\nxnext_step:', 1)
    text = text.replace("xnext_step:", "# was:", 1)
    path.write_text(text, encoding="utf-8")
    result = run(register, *args, env={"GITHUB_ACTIONS": "true", "COLUMNS": "80"})
    assert result.exit_code in (0, 1), result.stderr
    _assert_no_injected_command(result.stdout)
    _assert_no_injected_command(result.stderr)


# --- 2. CSV formula injection through line breaks -------------------------------------

_ROW_START_FORMULA = re.compile(r"(?:^|[\r\n])\"?[=+@]")


def test_a_line_break_in_a_title_is_refused_at_the_model(tmp_path: Path) -> None:
    root = write_register(tmp_path, [usecase(title="Tri\r=cmd|' /C calc'!A0")])
    result = run(root, "--lang", "en", "check")
    assert result.exit_code == 1
    assert "control character U+000D" in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ("export", "--format", "csv"),
        ("table", "--format", "csv"),
        ("score", "--format", "csv"),
        ("balance", "--format", "csv"),
    ],
)
def test_no_csv_line_starts_a_formula(tmp_path: Path, args: tuple[str, ...]) -> None:
    hostile = "Tri\r=cmd|' /C calc'!A0\n+SUM(A1)\r\n@x\n-1+1"
    root = write_register(
        tmp_path,
        [
            usecase(
                problem=hostile,
                next_step=hostile,
                owner={"name": "=HYPERLINK(1)", "role": "@role"},
            )
        ],
    )
    result = run(root, *args)
    assert result.exit_code in (0, 1), result.stderr
    assert not _ROW_START_FORMULA.search(result.stdout), result.stdout


def test_csv_neutralising_is_undone_line_by_line_on_import() -> None:
    from aiportfolio.tabular.csvsafe import safe_cell, unsafe_cell

    for text in ["a\r=b", "=a\n'=b\r\n-c", "-5", "'-5", "x\n", "\n=", "ok\rok"]:
        safe = safe_cell(text)
        for line in re.split(r"\r\n|\r|\n", safe):
            assert not line.startswith(("=", "+", "@", "-")) or line == "-5"
        assert unsafe_cell(safe) == text


# --- 9. Mermaid, PR-comment Markdown, id allocation -----------------------------------

_WAVES = """language: en
waves:
  - id: 1
    name: "{name}"
    start: 2027-01-04
    end: 2027-03-26
  - id: 2
    name: "{name}"
    start: 2027-04-05
    end: 2027-06-25
"""


@pytest.mark.parametrize(
    "name", ["topAxis", "weekday monday", "title X", "%% x", "dateFormat YYYY", "section z"]
)
def test_mermaid_statements_cannot_come_from_names(tmp_path: Path, name: str) -> None:
    root = write_register(
        tmp_path,
        [usecase(title=name, plan={"wave": 1, "effort_weeks": 4})],
        portfolio=_WAVES.format(name=name),
    )
    result = run(root, "roadmap")
    assert result.exit_code == 0, result.stderr
    chart = result.stdout.split("```mermaid", 1)[1].split("```", 1)[0]
    statements = [line.strip() for line in chart.splitlines() if line.strip()]
    keywords = re.compile(
        r"(?i)^(topaxis|weekday|weekend|title|dateformat|axisformat|section|%%|excludes|"
        r"includes|todaymarker|tickinterval)\b"
    )
    found = [s for s in statements if keywords.match(s)]
    # aip's own statements only: one title, one dateFormat, one axisFormat, a section a wave.
    assert [s.split()[0] for s in found] == ["title", "dateFormat", "axisFormat", *["section"] * 2]
    assert "%%" not in chart
    matrix = run(root, "score", "--matrix", "--format", "md").stdout
    assert "%%" not in matrix.split("```mermaid", 1)[1].split("```", 1)[0]


def test_markdown_user_text_makes_no_link_image_or_reference() -> None:
    from aiportfolio.report.kit.escape import md

    text = md("see #123 GH-45 https://evil.example/x www.evil.example ![i](http://x/y.png) [a](b)")
    assert "#123" not in text and "GH-45" not in text
    assert "https://" not in text and "www.evil" not in text
    # Brackets and ! come out escaped: no link or image syntax is left.
    assert not re.search(r"(?<!\\)[\[\]!]", text)


def _comment_sanitiser() -> str:
    path = REPO_ROOT / "src" / "aiportfolio" / "scaffold" / "ci" / "github" / "aip-comment.yml"
    script = path.read_text(encoding="utf-8").split("<<'PY'\n", 1)[1].split("\n          PY", 1)[0]
    return "\n".join(line.removeprefix("          ") for line in script.splitlines())


def test_the_comment_workflow_neutralises_a_hostile_artifact(tmp_path: Path) -> None:
    import subprocess
    import sys

    source = tmp_path / "comment.md"
    target = tmp_path / "body.md"
    source.write_text(
        "<!-- aip:portfolio -->\n## Review\n| a | b |\n|---|---|\n"
        "fixes #12, GH-3 @org/team ![x](https://evil.example/p.png) [click](https://e.x)\n"
        "[ref]: https://evil.example\n<img src=x> <details>ok</details> www.evil.example\n",
        encoding="utf-8",
    )
    subprocess.run(
        [sys.executable, "-c", _comment_sanitiser(), str(source), str(target)], check=True
    )
    body = target.read_text(encoding="utf-8")
    assert body.startswith("<!-- aip:portfolio -->\n## Review\n| a | b |")
    for live in ["#12", "GH-3", "@org", "](", "<img", "https://", "www.evil", "\n[ref]:"]:
        assert live not in body, live
    assert "<details>ok</details>" in body


def test_ids_never_go_past_what_the_id_rule_accepts(tmp_path: Path) -> None:
    from aiportfolio.domain.ids import IdsExhausted, next_numbers

    assert next_numbers({999_998}) == [999_999]
    with pytest.raises(IdsExhausted):
        next_numbers({999_999})
    with pytest.raises(IdsExhausted):
        next_numbers({999_990}, 10)
    root = write_register(tmp_path, [usecase(id="UC-999999")])
    result = run(root, "--lang", "en", "new", "Encore un cas", "--owner", "Claire Martin")
    assert result.exit_code == 2
    assert "ids stop at UC-999999" in result.stderr
    csv_file = tmp_path / "rows.csv"
    csv_file.write_text("title,owner\nUn cas,Claire Martin\n", encoding="utf-8")
    result = run(root, "--lang", "en", "import", str(csv_file))
    assert result.exit_code == 2, result.stdout + result.stderr
    assert "ids stop at UC-999999" in result.stderr
    assert sorted(p.name for p in (root / "usecases").iterdir()) == ["UC-999999-case.yaml"]


# --- 4. template confinement and work limits ------------------------------------------


def test_a_symlinked_templates_folder_is_not_followed(register: Path) -> None:
    (register / ".git").mkdir()
    (register / ".git" / "config").write_text("[http]\n  extraheader = AUTH SECRET-TOKEN\n")
    (register / "roadmap.md.j2").write_text('{% include ".git/config" %}\n')
    (register / "templates").symlink_to(".")
    result = run(register, "--lang", "en", "roadmap")
    assert result.exit_code == 2
    assert "SECRET-TOKEN" not in result.stdout + result.stderr
    assert "templates/ is a symbolic link" in result.stderr


def test_a_hidden_path_is_never_a_template(register: Path) -> None:
    (register / "templates" / ".git").mkdir(parents=True)
    (register / "templates" / ".git" / "config").write_text("SECRET-TOKEN\n")
    (register / "templates" / "roadmap.md.j2").write_text('{% include ".git/config" %}\n')
    result = run(register, "--lang", "en", "roadmap")
    assert result.exit_code == 2
    assert "SECRET-TOKEN" not in result.stdout + result.stderr
    assert "templates/roadmap.md.j2:1:1: [template]" in result.stderr


@pytest.mark.parametrize(
    ("template", "words"),
    [
        ("ok\n{{ 1/0 }}", "ZeroDivisionError"),
        ("{{ [1][5] }}", "no element 5"),
        ("{{ 'x' * 10**9 }}", "too large"),
        ("{{ 2**100000 }}", "too large"),
        ("{{ range(10)|list * 1000000 }}", "too large"),
        ("{{ '%d' % 'x' }}", "TypeError"),
    ],
)
def test_template_runtime_errors_are_config_errors_with_a_line(
    register: Path, template: str, words: str
) -> None:
    (register / "templates").mkdir(exist_ok=True)
    (register / "templates" / "roadmap.md.j2").write_text(template + "\n")
    result = run(register, "--lang", "en", "roadmap")
    assert result.exit_code == 2, result.stderr
    assert re.search(r"templates/roadmap\.md\.j2:\d+:1: \[template\]", result.stderr)
    assert words in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "template",
    [
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
        "{% set r = range(100000)|list %}{% for i in r %}{% for j in r %}{% endfor %}{% endfor %}",
    ],
)
def test_a_runaway_template_is_stopped(
    register: Path, monkeypatch: pytest.MonkeyPatch, template: str
) -> None:
    import time

    monkeypatch.setattr("aiportfolio.report.kit.templating.MAX_SECONDS", 1.0)
    (register / "templates").mkdir(exist_ok=True)
    (register / "templates" / "roadmap.md.j2").write_text(template + "\n")
    began = time.monotonic()
    result = run(register, "--lang", "en", "roadmap")
    assert time.monotonic() - began < 15
    assert result.exit_code == 2
    assert "the template ran longer than 1 s" in result.stderr


def test_template_output_is_capped(register: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("aiportfolio.report.kit.templating.MAX_OUTPUT", 10_000)
    (register / "templates").mkdir(exist_ok=True)
    (register / "templates" / "roadmap.md.j2").write_text(
        "{% for i in range(100000) %}{{ 'x' * 100 }}{% endfor %}\n"
    )
    result = run(register, "--lang", "en", "roadmap")
    assert result.exit_code == 2
    assert "the template wrote more than 10000 characters" in result.stderr


# --- 5. symbolic links out of the register ----------------------------------------------


def _secret_case(tmp_path: Path) -> Path:
    secret = tmp_path / "outside" / "secret.yaml"
    secret.parent.mkdir()
    text = next((REPO_ROOT / "usecases").glob("UC-001-*.yaml")).read_text(encoding="utf-8")
    secret.write_text(
        re.sub(r"(?m)^title: .*$", "title: TOP-SECRET-VALUE", text.replace("UC-001", "UC-077")),
        encoding="utf-8",
    )
    return secret


def test_a_link_out_of_usecases_is_reported_never_read(register: Path, tmp_path: Path) -> None:
    secret = _secret_case(tmp_path)
    (register / "usecases" / "UC-077-secret.yaml").symlink_to(secret)
    for args in [
        ("check",),
        ("check", "--format", "json"),
        ("score",),
        ("table", "--format", "md"),
        ("export", "--format", "csv"),
        ("roadmap",),
    ]:
        result = run(register, "--lang", "en", *args)
        assert "TOP-SECRET-VALUE" not in result.stdout + result.stderr, args
        assert "outside/secret.yaml" not in result.stdout + result.stderr, args
    result = run(register, "--lang", "en", "check")
    assert result.exit_code == 1
    assert "usecases/UC-077-secret.yaml: error [link-outside-register]" in result.stdout


def test_a_link_inside_the_register_is_read(register: Path) -> None:
    archive = register / "archive"
    archive.mkdir()
    source = next((register / "usecases").glob("UC-001-*.yaml"))
    target = archive / source.name
    source.rename(target)
    source.symlink_to(Path("..") / "archive" / source.name)
    result = run(register, "check")
    assert result.exit_code == 0, result.stdout


def test_a_linked_config_file_out_of_the_register_is_a_config_error(
    register: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "weights.yaml"
    outside.write_text((register / "config" / "weights.yaml").read_text(encoding="utf-8"))
    (register / "config" / "weights.yaml").unlink()
    (register / "config" / "weights.yaml").symlink_to(outside)
    result = run(register, "--lang", "en", "score")
    assert result.exit_code == 2
    assert "config/weights.yaml: [link-outside-register]" in result.stderr


def test_a_worktree_read_for_diff_skips_links_out(register: Path, tmp_path: Path) -> None:
    from aiportfolio.register.git import read_worktree_files

    (register / "usecases" / "UC-077-secret.yaml").symlink_to(_secret_case(tmp_path))
    files = read_worktree_files(register)
    assert "usecases/UC-077-secret.yaml" in files.skipped
    assert all(b"TOP-SECRET" not in data for data in files.files.values())


def test_no_writer_writes_through_a_linked_usecases_folder(tmp_path: Path) -> None:
    root = write_register(tmp_path / "reg", [usecase()])
    outside = tmp_path / "elsewhere"
    (root / "usecases").rename(outside)
    (root / "usecases").symlink_to(outside)
    before = sorted(p.name for p in outside.iterdir())
    result = run(root, "--lang", "en", "new", "Un nouveau cas", "--owner", "Claire Martin")
    assert result.exit_code == 2
    assert "symbolic link that leads outside the register" in result.stderr
    assert sorted(p.name for p in outside.iterdir()) == before
    result = run(root, "--lang", "en", "check")
    assert "[link-outside-register]" in result.stdout


def test_apply_edits_refuses_a_path_through_a_link(tmp_path: Path) -> None:
    from aiportfolio.actions.writing import apply_edits
    from aiportfolio.errors import UsageError
    from aiportfolio.register.source import FileEdit

    root = write_register(tmp_path / "reg", [usecase()])
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text("a: 1\n")
    link = root / "usecases" / "UC-002-link.yaml"
    link.symlink_to(outside)
    with pytest.raises(UsageError, match="leads outside the register"):
        apply_edits([FileEdit(link, "a: 1\n", "b: 2\n")], root=root)
    assert outside.read_text() == "a: 1\n"
