"""Pydantic models of the register. This package imports nothing else of aip."""

from aiportfolio.model.grid import Criterion, Grid
from aiportfolio.model.portfolio import PortfolioConfig
from aiportfolio.model.usecase import UseCase

__all__ = ["Criterion", "Grid", "PortfolioConfig", "UseCase"]
