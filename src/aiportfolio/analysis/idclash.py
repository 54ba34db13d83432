"""Ids across branches: two branches that each ran ``aip new`` get the same id, their merge
is clean for git, and main then fails ``id-unique``. Three defences:

- ``remote_numbers``: ``aip new`` also skips the ids on the upstream branch and the default
  branch, as far as git knows them (no fetch);
- ``base_collisions``: ``aip check --base REV`` reports each id this branch added that the
  base added too, in another file (rule ``id-base-collision``), before the merge;
- ``aip renumber OLD NEW`` (``actions/renumber.py``) gives a use case a new id.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from aiportfolio.domain.ids import format_id
from aiportfolio.errors import UsageError
from aiportfolio.message import Message
from aiportfolio.problem import Problem, Severity
from aiportfolio.register import git

RULE_ID = "id-base-collision"

_FILE_ID = re.compile(r"^UC-([0-9]{1,6})(?:-|\.ya?ml$)")
_ID_LINE = re.compile(r"^id:\s*['\"]?UC-([0-9]{1,6})['\"]?\s*(?:#.*)?$", re.MULTILINE)


def file_ids(files: dict[str, bytes]) -> dict[str, tuple[int, int]]:
    """Use-case file (register-relative) -> (id number, line of its ``id:``, 0 if none),
    from the ``id:`` line, else from the file name."""
    found: dict[str, tuple[int, int]] = {}
    for rel, content in files.items():
        if not rel.startswith("usecases/"):
            continue
        head = content[:4096].decode("utf-8-sig", "replace")
        match = _ID_LINE.search(head)
        if match:
            found[rel] = (int(match.group(1)), head.count("\n", 0, match.start()) + 1)
            continue
        by_name = _FILE_ID.match(rel.rsplit("/", 1)[-1])
        if by_name:
            found[rel] = (int(by_name.group(1)), 0)
    return found


def _numbers(files: dict[str, bytes]) -> set[int]:
    return {number for number, _ in file_ids(files).values()}


# --- aip new: the ids other branches already took ---------------------------------------------


@dataclass(frozen=True)
class RemoteIds:
    numbers: frozenset[int]
    refs: tuple[str, ...]
    """The branches read (upstream first), as git names them."""


def remote_numbers(register_root: Path) -> RemoteIds:
    """Id numbers used on the upstream branch of HEAD and on the default branch, as this
    clone last fetched them. Outside git, without git or on any git failure: none."""
    try:
        repo = git.open_repository(register_root)
        names: list[str] = []
        upstream = git.git_text(
            repo, ["rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{upstream}"]
        )
        if upstream:
            names.append(upstream)
        for branch in git.DEFAULT_BRANCHES:
            if git.git_text(repo, ["rev-parse", "--verify", "--quiet", branch + "^{commit}"]):
                names.append(branch)
                break
        numbers: set[int] = set()
        read: list[str] = []
        for name in dict.fromkeys(names):
            commit = git.git_text(repo, ["rev-parse", "--verify", "--quiet", name + "^{commit}"])
            if commit is None:
                continue
            files = git.read_register_files(repo, git.Revision(name, commit))
            numbers |= _numbers(files.files)
            read.append(name)
        return RemoteIds(frozenset(numbers), tuple(read))
    except (UsageError, OSError, subprocess.TimeoutExpired):
        return RemoteIds(frozenset(), ())


# --- aip check --base: ids both sides added -----------------------------------------------------


@dataclass(frozen=True)
class Collision:
    usecase_id: str
    path: str
    """This branch's file (register-relative)."""
    line: int
    base_path: str
    """The base's file with the same id."""


@dataclass(frozen=True)
class BaseCheck:
    base: str
    collisions: tuple[Collision, ...]
    free_number: int
    """The first id number free on both sides (for the renumber hint)."""


def find_collisions(
    local: dict[str, bytes], base: dict[str, bytes], fork: dict[str, bytes] | None
) -> tuple[list[Collision], int]:
    """Ids of ``local`` files that ``base`` uses in another file which this branch does not
    have, and that the common ancestor ``fork`` did not use (so both sides added them; a
    file renamed on this branch is not a collision). Without a common ancestor, any such
    id collides."""
    mine = file_ids(local)
    theirs = file_ids(base)
    before = _numbers(fork) if fork is not None else set()
    by_number: dict[int, list[str]] = {}
    for rel, (number, _) in theirs.items():
        by_number.setdefault(number, []).append(rel)
    collisions = []
    for rel, (number, line) in sorted(mine.items()):
        others = [q for q in by_number.get(number, []) if q != rel and q not in local]
        if others and number not in before:
            collisions.append(Collision(format_id(number), rel, line, sorted(others)[0]))
    taken = {n for n, _ in mine.values()} | {n for n, _ in theirs.values()}
    return collisions, max(taken, default=0) + 1


def base_collisions(register_root: Path, base_name: str) -> BaseCheck:
    """``find_collisions`` between the register on disk and the revision ``base_name``
    (usage error outside git or for an unknown revision)."""
    repo = git.open_repository(register_root)
    base = git.resolve_revision(repo, base_name)
    fork_commit = git.git_text(repo, ["merge-base", "HEAD", base.commit])
    fork = (
        git.read_register_files(repo, git.Revision("merge-base", fork_commit)).files
        if fork_commit
        else None
    )
    base_files = git.read_register_files(repo, base).files
    local = git.read_worktree_files(register_root).files
    collisions, free = find_collisions(local, base_files, fork)
    return BaseCheck(base_name, tuple(collisions), free)


def collision_problems(result: BaseCheck) -> list[Problem]:
    problems = []
    free = result.free_number
    for number, c in enumerate(result.collisions):
        new_id = format_id(free + number)
        problems.append(
            Problem(
                c.path,
                c.line,
                1 if c.line else 0,
                RULE_ID,
                Severity.ERROR,
                Message(
                    "team.collision",
                    {"id": c.usecase_id, "base": result.base, "other": c.base_path},
                ),
                Message("team.collision.hint", {"id": c.usecase_id, "new": new_id}),
            )
        )
    return problems
