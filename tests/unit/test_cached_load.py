"""The loader's cache (register/cached_load.py, used by every command) never changes a
register: after random edits a cached load equals a load from scratch (entries, problems
with their messages and positions, files, sources, texts)."""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aiportfolio.register.cached_load import load_register_cached
from aiportfolio.register.loader import Register, load_register
from aiptest import REPO_ROOT
from registeredits import ACTIONS, edit, edit_settings

sys.path.insert(0, str(REPO_ROOT / "benchmarks"))

from generate import generate_register


def same(a: Register, b: Register) -> None:
    assert a.usecases == b.usecases
    assert [u.model_dump() for u in a.usecases] == [u.model_dump() for u in b.usecases]
    assert [(p, p.severity, p.message, p.hint, p.loc) for p in a.problems] == [
        (p, p.severity, p.message, p.hint, p.loc) for p in b.problems
    ]
    assert (a.files, a.usecase_paths, a.sources, a.texts, a.lang) == (
        b.files,
        b.usecase_paths,
        b.sources,
        b.texts,
        b.lang,
    )
    assert a == b


@edit_settings(20)
@given(
    st.lists(st.tuples(ACTIONS, st.integers(0, 50), st.integers(0, 1000)), min_size=1, max_size=6)
)
def test_cached_and_uncached_loads_agree_after_random_edits(steps: list) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = generate_register(Path(tmp) / "reg", 10, seed=len(steps))
        same(load_register_cached(root), load_register(root))
        for action, index, value in steps:
            edit(root, action, index, value)
            same(load_register_cached(root), load_register(root))
            same(load_register_cached(root, "en"), load_register(root, "en"))


def test_the_example_register_loads_the_same_from_the_cache(tmp_path: Path) -> None:
    """Links, AI Act evidence and every feature of the example, twice from the cache."""
    root = tmp_path / "reg"
    for folder in ("usecases", "config", "conformite"):
        shutil.copytree(REPO_ROOT / folder, root / folder)
    files = sorted((root / "usecases").glob("*.yaml"))
    (root / "usecases" / "UC-901-lien.yaml").symlink_to(files[0])
    (root / "usecases" / "UC-902-casse.yaml").write_text("id: [\n", encoding="utf-8")
    outside = tmp_path / "dehors.yaml"
    shutil.copy(files[1], outside)
    (root / "usecases" / "UC-903-dehors.yaml").symlink_to(outside)
    expected = load_register(root)
    assert expected.problems
    same(load_register_cached(root), expected)
    same(load_register_cached(root), expected)


def test_the_shipped_ai_act_catalog_is_the_same_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from aiportfolio.domain import ai_act

    expected = ai_act.shipped_catalog()
    monkeypatch.setattr(ai_act, "_SHIPPED", [])
    assert ai_act.shipped_catalog(tmp_path) == expected
    assert (tmp_path / ".aip-cache" / ai_act.CATALOG_STORE).is_file()
    monkeypatch.setattr(ai_act, "_SHIPPED", [])
    monkeypatch.setattr(ai_act, "CATALOG_FILE", tmp_path / "not-read.yaml")
    assert ai_act.shipped_catalog(tmp_path) == expected
