"""The JSON Schemas shipped for editors (the message catalog: test_i18n_catalog.py)."""

from __future__ import annotations

import json
import re

import pytest

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
