"""aip's own report templates render in ``report/site/builtin.py``'s environment: the
messages without parameters translated when a template is compiled, dict keys read at
once. The pages are the ones a plain Jinja environment makes, byte for byte, in every
language, with hostile texts, from a fresh compile and from the compiled cache."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path
from typing import Any

import jinja2
import pytest

from aiportfolio.analysis.report import ReportData, build_report
from aiportfolio.i18n import Translator
from aiportfolio.register.loader import load_register
from aiportfolio.report.site import builtin
from aiportfolio.report.site.pages import render_site
from aiptest import usecase, write_register

TODAY = dt.date(2026, 11, 26)
HOSTILE = [
    '<script>alert("t")</script>',
    '"><img src=x onerror=alert(1)>',
    "{{ t('report.none') }} & {% raw %}",
    "a'b\"c<d>e&f",
]


class _Drawer:
    """Charts as a placeholder: the drawing is not what is compared here."""

    def draw(self, specs: list[Any], lang: str) -> Any:
        return lambda: ["<svg></svg>"] * len(specs)

    def close(self) -> None:
        pass


def _register(root: Path) -> Path:
    entries = [
        usecase(
            id=f"UC-00{i}",
            title=f"Cas {text}",
            owner={"name": text, "role": text},
            next_step=text,
            problem=text,
            decisions=[{"date": "2026-10-01", "decision": "go", "by": text, "note": text}],
        )
        for i, text in enumerate(HOSTILE, start=1)
    ]
    return write_register(root, entries)


def _site(root: Path, lang: str, data: ReportData | None = None) -> dict[str, str]:
    """The site of ``root`` in ``lang``, from ``data`` when given (the environments are
    compared on one report, so that nothing but the rendering can differ)."""
    if data is None:
        data = build_report(load_register(root, lang, ()), TODAY)
    return render_site(data, Translator(lang), root, _Drawer(), register_files="../")


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_pages_are_those_of_a_plain_jinja_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    root = _register(tmp_path / "reg")
    data = build_report(load_register(root, lang, ()), TODAY)
    compiled = _site(root, lang, data)  # compiled now, kept in the user's cache folder
    assert list((tmp_path / "user-cache" / "aip" / "jinja").glob("__aip_report_*"))
    assert _site(root, lang, data) == compiled  # from the compiled cache
    with monkeypatch.context() as plain:
        plain.setattr(builtin, "BuiltinEnvironment", jinja2.Environment)
        plain.setattr(builtin, "_compiled_cache", lambda lang: None)
        assert _site(root, lang, data) == compiled
    assert "&lt;script&gt;alert(&#34;t&#34;)&lt;/script&gt;" in compiled["usecases/UC-001.html"]
    assert "{{ t(&#39;report.none&#39;) }} &amp; {% raw %}" in compiled["usecases/UC-003.html"]


def _plain_site(root: Path, lang: str, data: ReportData, monkeypatch: pytest.MonkeyPatch) -> Any:
    """The site as a plain Jinja environment renders it (no folding, no compiled cache)."""
    with monkeypatch.context() as plain:
        plain.setattr(builtin, "BuiltinEnvironment", jinja2.Environment)
        plain.setattr(builtin, "_compiled_cache", lambda lang: None)
        return _site(root, lang, data)


LANGS = ("en", "fr", "de")


def test_every_order_of_languages_in_one_process_gives_each_its_own_labels(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same cards in English, French and German, one after the other in every order
    and alternating, compiled afresh or read from the compiled cache: each is the page
    plain Jinja renders in its language (a compiled template never serves another
    language)."""
    root = _register(tmp_path / "reg")
    data = {lang: build_report(load_register(root, lang, ()), TODAY) for lang in LANGS}
    expected = {lang: _plain_site(root, lang, data[lang], monkeypatch) for lang in LANGS}
    assert len({site["usecases/UC-002.html"] for site in expected.values()}) == 3
    for number, order in enumerate(itertools.permutations(LANGS)):
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / f"cache-{number}"))
        for lang in order * 2:  # compiled, then from the compiled cache
            assert _site(root, lang, data[lang]) == expected[lang], (order, lang)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "alternating"))
    for lang in ("en", "fr", "en", "de", "fr", "de", "en", "de", "fr"):
        assert _site(root, lang, data[lang]) == expected[lang], lang


def test_the_fuzzers_compile_memo_lasts_its_run_and_leaves_the_builtin_environment_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cause of French and German cards once showing English labels in whole-suite
    runs: the fuzz test memoised ``jinja2.Environment.compile`` for the rest of the
    process, by template text alone, so the first language compiled served the others."""
    from fuzz.mutate import _memoised_template_compilation, fuzz

    compile_before = jinja2.Environment.compile
    fuzz(tmp_path / "fuzzed", seed=11, mutants=1)
    assert jinja2.Environment.compile is compile_before
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    root = _register(tmp_path / "reg")
    data = {lang: build_report(load_register(root, lang, ()), TODAY) for lang in LANGS}
    expected = {lang: _plain_site(root, lang, data[lang], monkeypatch) for lang in LANGS}
    with _memoised_template_compilation():
        assert jinja2.Environment.compile is not compile_before
        for lang in ("en", "fr", "de", "en"):
            assert _site(root, lang, data[lang]) == expected[lang], lang
    assert jinja2.Environment.compile is compile_before


def test_compiled_templates_are_kept_per_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    root = _register(tmp_path / "reg")
    french = _site(root, "fr")
    english = _site(root, "en")
    assert french["index.html"] != english["index.html"]
    assert _site(root, "fr") == french
    assert _site(root, "en") == english


def _env(**globals_: Any) -> jinja2.Environment:
    return builtin.environment(
        {"t": lambda key, **params: f"T:{key}", **globals_}, "en", cached=False
    )


def test_a_message_without_parameters_is_text_of_the_compiled_template() -> None:
    env = _env()
    code = env.compile('{{ t("a<b") }} {{ t("c", n=1) }}', raw=True)
    assert "yield 'T:a&lt;b '" in code  # translated and escaped once, when compiled
    assert "'c'" in code  # a message with parameters is translated when rendered
    assert env.from_string('{{ t("a<b") }} {{ t("c", n=1) }}').render() == "T:a&lt;b T:c"


@pytest.mark.parametrize(
    "source",
    [
        '{{ t("a") }}{% set t = other %}{{ t("b") }}',
        '{% macro m(t) %}{{ t("b") }}{% endmacro %}{{ t("a") }}{{ m(other) }}',
        '{% for t in [other] %}{{ t("b") }}{% endfor %}',
        '{% with t = other %}{{ t("b") }}{% endwith %}',
    ],
)
def test_a_template_that_names_something_else_t_is_not_folded(source: str) -> None:
    def other(key: str) -> str:
        return f"O:{key}"

    assert "O:b" in _env(other=other).from_string(source).render(other=other)


def test_dict_keys_and_methods_read_as_plain_jinja_reads_them() -> None:
    source = (
        "{{ d.name }}|{{ d.items is callable }}|{{ d.missing is defined }}|"
        "{{ d.get('name') }}|{{ o.real }}|{{ l.append is callable }}"
    )
    values = {"d": {"name": "<x>", "items": 1}, "o": 3, "l": []}
    env = _env()
    plain = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    assert env.from_string(source).render(**values) == plain.from_string(source).render(**values)
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ d.missing }}").render(d={})
