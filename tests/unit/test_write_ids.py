"""Ids, slugs and paths: the next free id, filesystem-safe names, nothing outside usecases/,
and no id allocated twice even by concurrent `aip new`."""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

import pytest

from aiportfolio.domain.ids import format_id, next_numbers, slugify, usecase_path, used_numbers
from aiptest import run, write_register


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Tri des réclamations clients", "tri-des-reclamations-clients"),
        ("Œuvre & Ça — l'été", "uvre-ca-l-ete"),
        ("../../etc/passwd", "etc-passwd"),
        ('a\\b/c:d*e?f"g<h>i|j', "a-b-c-d-e-f-g-h-i-j"),
        ("CON", "use-case-con"),
        ("nul", "use-case-nul"),
        ("", "use-case"),
        ("日本語のタイトル", "use-case"),
        ("x" * 10_000, "x" * 48),
        ("word " * 40, "-".join(["word"] * 9)),
        ("Contrôle\x00export\x1b[31m", "controle-export-31m"),
    ],
)
def test_slug_is_safe_and_readable(title: str, slug: str) -> None:
    assert slugify(title) == slug


@pytest.mark.parametrize(
    ("numbers", "expected"),
    [((), "UC-001"), ((1, 2, 7), "UC-008"), ((999,), "UC-1000"), ((41,), "UC-042")],
)
def test_next_id_follows_the_highest(numbers: tuple[int, ...], expected: str) -> None:
    assert format_id(next_numbers(numbers)[0]) == expected


def test_used_numbers_reads_names_and_id_lines(tmp_path: Path) -> None:
    (tmp_path / "UC-003-a.yaml").write_text("id: UC-003\n", "utf-8")
    (tmp_path / "renamed.yaml").write_text("# c\nid: 'UC-017'\n", "utf-8")
    (tmp_path / "notes.txt").write_text("id: UC-900\n", "utf-8")
    assert used_numbers(tmp_path) == {3, 17}


@pytest.mark.parametrize("bad_id", ["../UC-001", "UC-001/../../x", "UC-1", "uc-001", ""])
def test_usecase_path_refuses_hostile_ids(tmp_path: Path, bad_id: str) -> None:
    with pytest.raises(ValueError):
        usecase_path(tmp_path, bad_id, "title")


@pytest.mark.parametrize(
    "title", ["../../../../tmp/evil", "..", "/etc/passwd", "a/../../b", "C:\\Windows\\x"]
)
def test_new_with_hostile_title_writes_inside_usecases(tmp_path: Path, title: str) -> None:
    root = write_register(tmp_path / "reg")
    result = run(root, "new", title)
    assert result.exit_code == 0, result.stderr
    files = [p for p in tmp_path.rglob("*") if p.is_file() and p.suffix == ".yaml"]
    created = [p for p in files if p.parent.name == "usecases"]
    assert len(created) == 1
    assert created[0].parent == root / "usecases"
    assert set(files) - set(created) == {root / "config" / "weights.yaml"}


@pytest.mark.parametrize(
    ("title", "message"),
    [
        ("x" * 10_000, "10000 characters"),
        ("Tri\x00 des réclamations", "control character"),
        ("a\tb", "control character ('\\t')"),
        ("Tri des\nréclamations", "control character ('\\n')"),
        ("Tri\r", "control character ('\\r')"),
        ("Tri \u202edes réclamations", "control character ('\\u202e')"),
        ("   ", "empty"),
    ],
)
def test_new_refuses_unusable_titles(tmp_path: Path, title: str, message: str) -> None:
    root = write_register(tmp_path)
    result = run(root, "new", title)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert list((root / "usecases").iterdir()) == []


@pytest.mark.parametrize("owner", ["Ana\tMartin", "Ana\x1b[31m", "   "])
def test_new_refuses_unusable_owners(tmp_path: Path, owner: str) -> None:
    root = write_register(tmp_path)
    result = run(root, "new", "Tri des réclamations", "--owner", owner)
    assert result.exit_code == 2
    assert "owner (--owner)" in result.stderr
    assert list((root / "usecases").iterdir()) == []


def _allocate(args: tuple[str, int]) -> list[str]:
    root, count = args
    from aiportfolio.actions.new import Card, create_usecase

    folder = Path(root) / "usecases"
    return [
        create_usecase(folder, Card(title=f"Cas {os.getpid()} {i}"), "en").usecase_id
        for i in range(count)
    ]


def test_concurrent_new_never_allocates_an_id_twice(tmp_path: Path) -> None:
    root = write_register(tmp_path)
    context = multiprocessing.get_context("spawn" if os.name == "nt" else "fork")
    with context.Pool(8) as pool:
        batches = pool.map(_allocate, [(str(root), 5)] * 8)
    ids = [i for batch in batches for i in batch]
    assert len(ids) == 40
    assert sorted(ids) == [format_id(n) for n in range(1, 41)]
    files = sorted(p.name[:6] for p in (root / "usecases").glob("*.yaml"))
    assert files == sorted(ids)
    assert not (root / "usecases" / ".aip.lock").exists()
