"""Real ``git init`` repositories for tests: one fixed identity and date, no user or system
git configuration, so commits are the same on every machine."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

DEFAULT_DATE = "2026-01-05"
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.org",
    "GIT_AUTHOR_DATE": f"{DEFAULT_DATE}T10:00:00+00:00",
    "GIT_COMMITTER_DATE": f"{DEFAULT_DATE}T10:00:00+00:00",
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
}


def git(root: Path, *args: str, date: str | None = None) -> str:
    """Run ``git -C root args`` (raising on failure) and return its trimmed stdout;
    ``date`` (YYYY-MM-DD) dates the commits it makes."""
    env = {**os.environ, **GIT_ENV}
    if date is not None:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{date}T10:00:00+00:00"
    done = subprocess.run(
        ["git", "-C", str(root), *args], capture_output=True, text=True, check=True, env=env
    )
    return done.stdout.strip()


def init(root: Path) -> Path:
    """A new repository at ``root`` whose first branch is ``main``."""
    git(root, "init", "-q", "-b", "main")
    return root


def commit_all(root: Path, message: str = "change", date: str | None = None) -> str:
    """Stage everything, commit (even when nothing changed) and return the commit id."""
    git(root, "add", "-A")
    git(root, "commit", "-q", "--allow-empty", "-m", message, date=date)
    return git(root, "rev-parse", "HEAD")
