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


def leaves_register(path: Path, root: Path) -> bool:
    """True when ``path``, presented as part of the register (its name lies under
    ``root``), really is elsewhere: a symbolic link, or a file under a linked folder, that
    resolves outside the register. Such a file is never read or written: a pull request
    could otherwise bring a link to a secret file of the CI machine."""
    real_root = root.resolve()
    lexical = Path(os.path.abspath(path))
    if not lexical.is_relative_to(Path(os.path.abspath(root))):
        return False  # a file given on the command line, outside the register
    # realpath, not Path.resolve: on Python < 3.13 a loop of links raises in resolve; the
    # loop is reported when the file is opened.
    return not Path(os.path.realpath(path)).is_relative_to(real_root)
