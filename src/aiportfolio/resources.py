"""Files aip ships: the default grid and the built-in templates.

They live once in the repository (``config/weights.yaml``, ``templates/``); the wheel carries
them as ``aiportfolio/_builtin/`` (see ``pyproject.toml``). From a source checkout or an
editable install they are read from the repository itself.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_BUILTIN = _PACKAGE / "_builtin"
_CHECKOUT = _PACKAGE.parent.parent


def default_weights() -> Path:
    shipped = _BUILTIN / "weights.yaml"
    return shipped if shipped.is_file() else _CHECKOUT / "config" / "weights.yaml"


def builtin_templates() -> Path:
    shipped = _BUILTIN / "templates"
    return shipped if shipped.is_dir() else _CHECKOUT / "templates"
