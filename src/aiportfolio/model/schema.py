"""JSON Schemas for editors: draft-07, as yaml-language-server supports it best."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from aiportfolio.model.grid import Grid
from aiportfolio.model.portfolio import PortfolioConfig
from aiportfolio.model.usecase import UseCase

SCHEMAS: dict[str, type[BaseModel]] = {
    "usecase": UseCase,
    "weights": Grid,
    "portfolio": PortfolioConfig,
}


def _downgrade(node: Any) -> Any:
    """Draft 2020-12 -> draft-07: ``$defs`` -> ``definitions`` and their references."""
    if isinstance(node, dict):
        out: dict[str, Any] = {}
        for key, value in node.items():
            if key == "$defs":
                out["definitions"] = _downgrade(value)
            elif key == "$ref" and isinstance(value, str):
                out[key] = value.replace("#/$defs/", "#/definitions/")
            else:
                out[key] = _downgrade(value)
        return out
    if isinstance(node, list):
        return [_downgrade(v) for v in node]
    return node


def json_schema(kind: str) -> dict[str, Any]:
    schema = _downgrade(SCHEMAS[kind].model_json_schema(mode="validation"))
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        **schema,
    }


def json_schema_text(kind: str) -> str:
    return json.dumps(json_schema(kind), ensure_ascii=False, indent=2) + "\n"
