"""Find the register like git finds its repository."""

from __future__ import annotations

import os
from pathlib import Path

MARKERS = (Path("config") / "weights.yaml", Path("usecases"))


def is_register(path: Path) -> bool:
    return any((path / marker).exists() for marker in MARKERS)


def find_register_root(explicit: Path | None = None, start: Path | None = None) -> Path | None:
    """The register root: ``explicit`` (``--register``), else ``$AIP_REGISTER``, else the
    first folder from ``start`` (default: the current directory) upward holding
    ``config/weights.yaml`` or ``usecases/``. ``None`` when nothing is found."""
    if explicit is None and os.environ.get("AIP_REGISTER"):
        explicit = Path(os.environ["AIP_REGISTER"])
    if explicit is not None:
        return explicit.resolve() if explicit.is_dir() else None
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if is_register(folder):
            return folder
    return None
