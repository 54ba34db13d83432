"""Reading the register at a git revision: no checkout, no temporary clone.

Also: the use-case files added to the register in a period (``files_added_since``), which the
committee agenda lists as new entries.

One ``git ls-tree`` lists the register's files at the revision and one ``git cat-file
--batch`` streams every blob, whatever the number of files. Revisions typed by a user are
validated before git sees them as anything but a revision (no option injection such as
``--output=``), and a revision that does not exist is a usage error (exit 2).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from aiportfolio.errors import UsageError
from aiportfolio.message import Message
from aiportfolio.register.loader import PORTFOLIO_FILE, USECASES_DIR, WEIGHTS_FILE
from aiportfolio.register.root import leaves_register
from aiportfolio.register.yamlio import MAX_FILE_BYTES, YamlIssue, unreadable_issue

DEFAULT_BRANCHES = ("origin/HEAD", "main", "origin/main", "master", "origin/master")
"""Where ``aip diff`` looks for the default branch, in order, to find its merge base."""

GIT_TIMEOUT_SECONDS = 10.0
"""How long a history query may take before the report goes on without it."""

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
    unreadable: dict[str, YamlIssue] = field(default_factory=dict)
    """Files of the working tree that could not be opened (a link to no file, permission
    denied), with why: reported as the loader reports them."""

    @property
    def exists(self) -> bool:
        """Whether the revision had a register at all (any use case or config file)."""
        return bool(self.files or self.oversized or self.unreadable)


def _git(
    repo_dir: Path, args: Sequence[str], stdin: bytes | None = None, timeout: float | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run git in ``repo_dir`` without prompts, optional locks or inherited GIT_DIR;
    ``subprocess.TimeoutExpired`` past ``timeout`` seconds, ``FileNotFoundError`` without git."""
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "GIT_OPTIONAL_LOCKS": "0"}
    env.pop("GIT_DIR", None)
    env.pop("GIT_WORK_TREE", None)
    return subprocess.run(
        ["git", "-C", str(repo_dir), "--literal-pathspecs", *args],
        input=stdin,
        capture_output=True,
        env=env,
        check=False,
        timeout=timeout,
    )


def git_text(repo: Repository, args: Sequence[str]) -> str | None:
    """The stripped output of a read-only git query, ``None`` if git fails (bounded by
    ``GIT_TIMEOUT_SECONDS``: ``subprocess.TimeoutExpired`` past it)."""
    done = _git(repo.toplevel, args, timeout=GIT_TIMEOUT_SECONDS)
    return done.stdout.decode("utf-8", "replace").strip() if done.returncode == 0 else None


_REV_HINT = "\n  " + Message("diff.git.rev_hint")
_BASE_HINT = "\n  " + Message("diff.git.base_hint")


def open_repository(register_root: Path) -> Repository:
    """The repository that holds ``register_root``; a usage error outside git."""
    if shutil.which("git") is None:
        raise UsageError(Message("diff.git.missing"))
    done = _git(register_root, ["rev-parse", "--show-toplevel", "--show-prefix"])
    if done.returncode != 0:
        raise UsageError(Message("diff.git.not_a_repo", {"path": register_root}))
    lines = done.stdout.decode("utf-8", "replace").splitlines()
    toplevel = Path(lines[0])
    prefix = lines[1] if len(lines) > 1 else ""
    return Repository(toplevel, prefix)


def resolve_revision(repo: Repository, name: str) -> Revision:
    """Validate a user-given revision and return the commit it names."""
    if not name or name.startswith("-") or any(ord(c) < 32 for c in name):
        raise UsageError(Message("diff.git.bad_revision", {"rev": name}) + _REV_HINT)
    done = _git(
        repo.toplevel, ["rev-parse", "--verify", "--quiet", "--end-of-options", name + "^{commit}"]
    )
    if done.returncode != 0:
        raise UsageError(Message("diff.git.unknown_revision", {"rev": name}) + _REV_HINT)
    return Revision(name, done.stdout.decode().strip())


def default_base(repo: Repository) -> Revision:
    """The merge base of ``HEAD`` with the default branch (origin/HEAD, main, master)."""
    head = _git(repo.toplevel, ["rev-parse", "--verify", "--quiet", "HEAD^{commit}"])
    if head.returncode != 0:
        raise UsageError(Message("diff.git.no_commit") + _BASE_HINT)
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
    raise UsageError(Message("diff.git.no_default_branch") + _BASE_HINT)


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
        rel = path.relative_to(register_root).as_posix()
        if leaves_register(path, register_root):
            result.skipped.append(rel)  # a link out of the register is never read
            continue
        if not path.is_file() and not path.is_symlink():
            continue  # a configuration file the register does not have
        try:
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                result.oversized[rel] = size
            else:
                result.files[rel] = path.read_bytes()
        except OSError as error:  # a link to no file, permission denied
            result.unreadable[rel] = unreadable_issue(path, error)
    return result


@dataclass(frozen=True)
class AddedFile:
    date: dt.date
    """Commit date of the commit that added the file."""
    path: str
    """Relative to the register root (POSIX)."""


@dataclass(frozen=True)
class GitAdded:
    """Use-case files added in a period, or why it could not be known."""

    files: tuple[AddedFile, ...] = ()
    unavailable: Literal["no_git", "not_a_repo", "timeout"] | None = None


def files_added_since(
    register_root: Path,
    since: dt.date,
    until: dt.date,
    timeout: float = GIT_TIMEOUT_SECONDS,
) -> GitAdded:
    """YAML files added under ``usecases/`` by commits dated after ``since`` and up to
    ``until``, whole days (git's ``--since`` with a bare date would use the current time of
    day), oldest first, each file once. Outside a
    repository, without git or past ``timeout`` seconds: no files and the reason."""
    args = [
        "-c",
        "core.quotePath=false",  # accented file names as they are, not octal-escaped
        "log",
        "--diff-filter=A",
        f"--since={since.isoformat()}T23:59:59",
        f"--until={until.isoformat()}T23:59:59",
        "--name-only",
        "--relative",
        "--format=%x1f%cs",
        "--",
        f"{USECASES_DIR}/",
    ]
    try:
        done = _git(register_root, args, timeout=timeout)
    except FileNotFoundError:
        return GitAdded(unavailable="no_git")
    except subprocess.TimeoutExpired:
        return GitAdded(unavailable="timeout")
    if done.returncode != 0:
        return GitAdded(unavailable="not_a_repo")
    files: dict[str, AddedFile] = {}
    date: dt.date | None = None
    for line in done.stdout.decode("utf-8", "replace").splitlines():
        if line.startswith("\x1f"):
            date = dt.date.fromisoformat(line[1:].strip())
        elif line.strip() and date is not None and line.endswith((".yaml", ".yml")):
            files.setdefault(line.strip(), AddedFile(date, line.strip()))
    return GitAdded(tuple(sorted(files.values(), key=lambda f: (f.date, f.path))))
