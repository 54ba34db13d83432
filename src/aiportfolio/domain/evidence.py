"""Whether an evidence file a use case cites is acceptable: inside the register, and there.
Standard library only: ``aip check`` asks it of cached entries without loading the models."""

from __future__ import annotations

from pathlib import Path, PurePosixPath


def evidence_path_parts(ref: str) -> tuple[str, ...] | None:
    """The parts of an evidence path inside the register (``\\`` read as ``/``), or
    ``None`` when its shape alone leads outside it: absolute, ``..``, a drive or a scheme
    (``C:``, ``javascript:``). Reads no file."""
    posix = PurePosixPath(ref.replace("\\", "/"))
    if posix.is_absolute() or ".." in posix.parts or ":" in ref.split("/", 1)[0]:
        return None
    return posix.parts


def evidence_path_problem(ref: str, root: Path) -> str | None:
    """Why an evidence path is not acceptable ("outside", "missing"), ``None`` when fine."""
    parts = evidence_path_parts(ref)
    if parts is None:
        return "outside"
    target = root / Path(*parts)
    try:
        if not target.exists():
            return "missing"
        target.resolve().relative_to(root.resolve())
    except ValueError:
        return "outside"
    except OSError:
        return "missing"
    return None
