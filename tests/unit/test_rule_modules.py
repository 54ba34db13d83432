"""One module per rule id, named after it, documented by its docstring: every registered
rule has ``rules/<id with _>.py`` whose docstring gives a PASS and a FAIL example, and the
examples do what they say when run through the rule. The reference table of
docs/register-format.md names every rule with its default severity."""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
import re
import textwrap
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

import aiportfolio.rules
from aiportfolio.i18n import Translator
from aiportfolio.register.loader import load_register
from aiportfolio.rules.base import RuleContext
from aiportfolio.rules.registry import RULES
from aiptest import REPO_ROOT, dump_yaml, usecase

NOT_RULES = {"base", "registry", "ids", "suppress", "category_helpers"}
"""Modules of ``aiportfolio/rules/`` that are no rule: what a rule is, the registry, the
rule ids known without it, the inline suppressions, helpers shared by the category
rules."""


def _module(rule_id: str) -> Any:
    return importlib.import_module(f"aiportfolio.rules.{rule_id.replace('-', '_')}")


def _example(doc: str, label: str) -> str:
    """The indented block that follows ``label::`` in a docstring."""
    match = re.search(rf"^{label}::\n\n((?:    .*\n|\n)+)", doc, re.MULTILINE)
    assert match, f"no {label}:: example"
    return textwrap.dedent(match.group(1)).strip() + "\n"


def _write_example(root: Path, example: str) -> None:
    """Write the register an example describes: the first document, and any later one
    without a ``# path`` line, are use cases (its keys on top of a valid use case, an empty
    key left out); a document under another path is written as it is."""
    yaml = YAML(typ="safe")
    (root / "usecases").mkdir(parents=True)
    (root / "config").mkdir()
    (root / "config" / "weights.yaml").write_text(
        (REPO_ROOT / "config" / "weights.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    for document in re.split(r"^---\n", example, flags=re.MULTILINE):
        first, _, rest = document.partition("\n")
        path = first[2:].strip() if first.startswith("# ") and "/" in first else None
        if path is not None and not path.startswith("usecases/"):
            target = root / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(rest, encoding="utf-8")
            continue
        keys: dict[str, Any] = yaml.load(document) or {}
        data = usecase(**{k: v for k, v in keys.items() if v is not None})
        for key in [k for k, v in keys.items() if v is None]:
            data.pop(key)
        name = path or f"usecases/{data['id']}-case.yaml"
        (root / name).write_text(dump_yaml(data), encoding="utf-8")


def _found(rule_id: str, example: str, root: Path) -> list[str]:
    _write_example(root, example)
    register = load_register(root, "en")
    assert register.problems == [], [p.text(Translator("en")) for p in register.problems]
    rule = RULES[rule_id]
    ctx = RuleContext(register=register, today=dt.date.today())
    return [p.text(Translator("en")) for p in rule.run(ctx, rule.severity)]


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_each_rule_lives_in_the_module_named_after_its_id(rule_id: str) -> None:
    module = _module(rule_id)
    assert module.RULE is RULES[rule_id]
    assert (module.__doc__ or "").startswith(f"{rule_id} ("), "the docstring names the rule"


def test_every_module_of_the_rules_package_is_a_registered_rule() -> None:
    names = {m.name for m in pkgutil.iter_modules(aiportfolio.rules.__path__)}
    assert names - NOT_RULES == {rule_id.replace("-", "_") for rule_id in RULES}


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_the_passing_example_passes(rule_id: str, tmp_path: Path) -> None:
    example = _example(_module(rule_id).__doc__, "PASS")
    assert _found(rule_id, example, tmp_path) == []


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_the_failing_example_fails(rule_id: str, tmp_path: Path) -> None:
    example = _example(_module(rule_id).__doc__, "FAIL")
    assert _found(rule_id, example, tmp_path) != []


def test_the_reference_lists_every_rule_with_its_default_severity() -> None:
    text = (REPO_ROOT / "docs" / "register-format.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| `([a-z-]+)` \| (error|warning|info) \|", text, re.MULTILINE))
    for rule_id, rule in RULES.items():
        assert rows.get(rule_id) == rule.severity.value, rule_id
