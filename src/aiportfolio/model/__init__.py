"""Pydantic models of the register. This package imports nothing else of aip. Its models
load on first use (``from aiportfolio.model import UseCase`` works as usual), so that the
CLI reads ``model.vocabulary`` and ``model.lifecycle`` at start-up without pydantic."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from aiportfolio.model.grid import Criterion, Grid
    from aiportfolio.model.portfolio import PortfolioConfig
    from aiportfolio.model.usecase import UseCase

__all__ = ["Criterion", "Grid", "PortfolioConfig", "UseCase"]

_HOMES = {"Criterion": "grid", "Grid": "grid", "PortfolioConfig": "portfolio", "UseCase": "usecase"}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(importlib.import_module(f"aiportfolio.model.{_HOMES[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
