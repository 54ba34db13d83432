"""Reading the register at a git revision: no checkout, no temporary clone.

One ``git ls-tree`` lists the register's files at the revision and one ``git cat-file
--batch`` streams every blob, whatever the number of files. Revisions typed by a user are
validated before git sees them as anything but a revision (no option injection such as
``--output=``), and a revision that does not exist is a usage error (exit 2).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from aiportfolio.errors import UsageError
from aiportfolio.i18n import Translator
from aiportfolio.register.loader import PORTFOLIO_FILE, USECASES_DIR, WEIGHTS_FILE
from aiportfolio.register.yamlio import MAX_FILE_BYTES

DEFAULT_BRANCHES = ("origin/HEAD", "main", "origin/main", "master", "origin/master")
"""Where ``aip diff`` looks for the default branch, in order, to find its merge base."""

_REGISTER_DIRS = (USECASES_DIR, "config")
_CONFIG_FILES = (WEIGHTS_FILE.as_posix(), PORTFOLIO_FILE.as_posix())


@dataclass(frozen=True)
class Repository:
    """The git repository holding a register, and where the register sits inside it."""

    toplevel: Path
    prefix: str
    """The register root relative to the repository top level (POSIX, '' or ending in /)."""


@dataclass(frozen=True)
class Revision:
    """A validated revision: what the user typed and the commit it names."""

    name: str
    commit: str

    @property
    def short(self) -> str:
        return self.commit[:10]


@dataclass
class RegisterFiles:
    """The register's files at one revision, relative to the register root."""

    files: dict[str, bytes] = field(default_factory=dict)
    oversized: dict[str, int] = field(default_factory=dict)
    """Files above the size cap: listed with their size, never read."""
    skipped: list[str] = field(default_factory=list)
    """Symbolic links and submodules, which a revision cannot resolve safely."""

    @property
    def exists(self) -> bool:
        """Whether the revision had a register at all (any use case or config file)."""
        return bool(self.files or self.oversized)


def _git(
    repo_dir: Path, args: Sequence[str], stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "GIT_OPTIONAL_LOCKS": "0"}
    env.pop("GIT_DIR", None)
    env.pop("GIT_WORK_TREE", None)
    return subprocess.run(
        ["git", "-C", str(repo_dir), "--literal-pathspecs", *args],
        input=stdin,
        capture_output=True,
        env=env,
        check=False,
    )


def open_repository(register_root: Path, t: Translator) -> Repository:
    """The repository that holds ``register_root``; a usage error outside git."""
    if shutil.which("git") is None:
        raise UsageError(t("diff.git.missing"))
    done = _git(register_root, ["rev-parse", "--show-toplevel", "--show-prefix"])
    if done.returncode != 0:
        raise UsageError(t("diff.git.not_a_repo", path=register_root))
    lines = done.stdout.decode("utf-8", "replace").splitlines()
    toplevel = Path(lines[0])
    prefix = lines[1] if len(lines) > 1 else ""
    return Repository(toplevel, prefix)


def resolve_revision(repo: Repository, name: str, t: Translator) -> Revision:
    """Validate a user-given revision and return the commit it names."""
    if not name or name.startswith("-") or any(ord(c) < 32 for c in name):
        raise UsageError(t("diff.git.bad_revision", rev=name) + "\n  " + t("diff.git.rev_hint"))
    done = _git(
        repo.toplevel, ["rev-parse", "--verify", "--quiet", "--end-of-options", name + "^{commit}"]
    )
    if done.returncode != 0:
        raise UsageError(t("diff.git.unknown_revision", rev=name) + "\n  " + t("diff.git.rev_hint"))
    return Revision(name, done.stdout.decode().strip())


def default_base(repo: Repository, t: Translator) -> Revision:
    """The merge base of ``HEAD`` with the default branch (origin/HEAD, main, master)."""
    head = _git(repo.toplevel, ["rev-parse", "--verify", "--quiet", "HEAD^{commit}"])
    if head.returncode != 0:
        raise UsageError(t("diff.git.no_commit") + "\n  " + t("diff.git.base_hint"))
    for branch in DEFAULT_BRANCHES:
        found = _git(
            repo.toplevel,
            ["rev-parse", "--verify", "--quiet", "--end-of-options", branch + "^{commit}"],
        )
        if found.returncode != 0:
            continue
        base = _git(repo.toplevel, ["merge-base", "HEAD", found.stdout.decode().strip()])
        if base.returncode == 0:
            return Revision(f"merge-base(HEAD, {branch})", base.stdout.decode().strip())
    raise UsageError(t("diff.git.no_default_branch") + "\n  " + t("diff.git.base_hint"))


def read_register_files(repo: Repository, revision: Revision) -> RegisterFiles:
    """Every use-case and configuration file of the register at ``revision``: one
    ``ls-tree`` to list them, one ``cat-file --batch`` to read them all."""
    paths = [repo.prefix + d for d in _REGISTER_DIRS]
    listing = _git(
        repo.toplevel, ["ls-tree", "-r", "-z", "-l", "--full-tree", revision.commit, "--", *paths]
    )
    if listing.returncode != 0:  # pragma: no cover - the commit was verified just before
        raise UsageError(listing.stderr.decode("utf-8", "replace").strip())
    result = RegisterFiles()
    wanted: list[tuple[str, str, int]] = []
    for entry in listing.stdout.split(b"\0"):
        if not entry:
            continue
        meta, _, raw_path = entry.partition(b"\t")
        mode, kind, oid, size = meta.split()
        rel = raw_path.decode("utf-8", "surrogateescape")[len(repo.prefix) :]
        if not _is_register_file(rel):
            continue
        if kind != b"blob" or mode == b"120000":
            result.skipped.append(rel)
            continue
        length = int(size)
        if length > MAX_FILE_BYTES:
            result.oversized[rel] = length
            continue
        wanted.append((rel, oid.decode(), length))
    if wanted:
        result.files.update(_cat_blobs(repo, wanted))
    return result


def _is_register_file(rel: str) -> bool:
    if rel in _CONFIG_FILES:
        return True
    folder, _, name = rel.partition("/")
    return folder == USECASES_DIR and "/" not in name and name.endswith((".yaml", ".yml"))


def _cat_blobs(repo: Repository, wanted: list[tuple[str, str, int]]) -> dict[str, bytes]:
    request = "".join(f"{oid}\n" for _, oid, _ in wanted).encode()
    done = _git(repo.toplevel, ["cat-file", "--batch"], stdin=request)
    if done.returncode != 0:  # pragma: no cover - objects listed by ls-tree exist
        raise UsageError(done.stderr.decode("utf-8", "replace").strip())
    out = done.stdout
    files: dict[str, bytes] = {}
    pos = 0
    for rel, _, _ in wanted:
        header_end = out.index(b"\n", pos)
        header = out[pos:header_end].split()
        size = int(header[2])
        start = header_end + 1
        files[rel] = out[start : start + size]
        pos = start + size + 1  # the blob is followed by a newline
    return files


def read_worktree_files(register_root: Path) -> RegisterFiles:
    """The register's files as they are on disk (what ``aip check`` reads)."""
    result = RegisterFiles()
    candidates = [register_root / rel for rel in _CONFIG_FILES]
    folder = register_root / USECASES_DIR
    if folder.is_dir():
        candidates += sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml"))
    for path in candidates:
        if not path.is_file():
            continue
        rel = path.relative_to(register_root).as_posix()
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            result.oversized[rel] = size
        else:
            result.files[rel] = path.read_bytes()
    return result
