"""The JSON Schemas shipped for editors, and the message catalog."""

from __future__ import annotations

import json
import re
import string

import pytest

from aiportfolio.i18n import LANGUAGES, catalog
from aiportfolio.model.schema import SCHEMAS, json_schema_text
from aiptest import REPO_ROOT, run


@pytest.mark.parametrize("kind", sorted(SCHEMAS))
def test_committed_schema_is_up_to_date(kind: str) -> None:
    committed = (REPO_ROOT / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8")
    assert committed == json_schema_text(kind), (
        "regenerate with: aip schema KIND > schema/KIND.schema.json"
    )


@pytest.mark.parametrize("kind", sorted(SCHEMAS))
def test_schema_is_draft_07_for_editors(kind: str) -> None:
    text = json_schema_text(kind)
    schema = json.loads(text)
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    for keyword in ("$defs", "prefixItems", "unevaluatedProperties"):
        assert keyword not in text
    for ref in re.findall(r'"\$ref": "([^"]+)"', text):
        name = ref.removeprefix("#/definitions/")
        assert name in schema["definitions"], ref


def test_usecase_schema_forbids_unknown_keys_and_requires_the_essentials() -> None:
    schema = json.loads(json_schema_text("usecase"))
    assert schema["additionalProperties"] is False
    assert {"id", "title", "status", "category"} <= set(schema["required"])


def test_schema_command(tmp_path) -> None:
    result = run(tmp_path, "schema")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["title"] == "UseCase"
    assert run(tmp_path, "schema", "nope").exit_code == 2


def test_vscode_maps_the_schema() -> None:
    settings = json.loads((REPO_ROOT / ".vscode" / "settings.json").read_text())
    assert settings["yaml.schemas"]["./schema/usecase.schema.json"] == ["usecases/*.yaml"]


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_message_exists_in_english_and_french_with_the_same_placeholders() -> None:
    for key, texts in catalog().items():
        assert set(texts) == set(LANGUAGES), key
        assert all(texts[lang].strip() for lang in LANGUAGES), key
        assert _fields(texts["en"]) == _fields(texts["fr"]), key


def test_every_message_key_used_in_the_code_exists() -> None:
    used: set[str] = set()
    pattern = re.compile(r"""\b(?:t|tr|ctx\.t|self\.t)\(\s*f?["']([a-z_]+\.[a-z0-9_.\-]+)["']""")
    for path in (REPO_ROOT / "src" / "aiportfolio").rglob("*.py"):
        for key in pattern.findall(path.read_text(encoding="utf-8")):
            if "{" not in key:
                used.add(key)
    missing = sorted(k for k in used if k not in catalog() and not k.endswith("."))
    assert not missing, missing
