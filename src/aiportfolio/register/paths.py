"""Where a register keeps its files, relative to its root."""

from __future__ import annotations

from pathlib import Path

USECASES_DIR = "usecases"
WEIGHTS_FILE = Path("config") / "weights.yaml"
PORTFOLIO_FILE = Path("config") / "portfolio.yaml"
