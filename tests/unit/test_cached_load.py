"""The loader's cache (register/cached_load.py, used by every command) never changes a
register: after random edits a cached load equals a load from scratch (entries, problems
with their messages and positions, files, sources, texts)."""

from __future__ import annotations

import os
import pickle
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, PrivateAttr

from aiportfolio.register import disk_cache, loader
from aiportfolio.register.cached_load import PART_FILE, PARTS, load_register_cached, part_of
from aiportfolio.register.loader import Register, load_register
from aiptest import REPO_ROOT
from registeredits import ACTIONS, edit, edit_settings

sys.path.insert(0, str(REPO_ROOT / "benchmarks"))

from generate import generate_register


def _state(value: object) -> object:
    """A model as its type, fields, set fields, extra and private attributes, all the
    way down: what tells a model read from the cache from a validated one."""
    if isinstance(value, BaseModel):
        return (
            type(value),
            {name: _state(field) for name, field in value.__dict__.items()},
            value.__pydantic_fields_set__,
            value.__pydantic_extra__,
            value.__pydantic_private__,
        )
    if isinstance(value, (list, tuple)):
        return [type(value), *(_state(item) for item in value)]
    if isinstance(value, dict):
        return {key: _state(item) for key, item in value.items()}
    return (type(value), value)


def same(a: Register, b: Register) -> None:
    assert a.usecases == b.usecases
    assert [u.model_dump() for u in a.usecases] == [u.model_dump() for u in b.usecases]
    assert [_state(u) for u in a.usecases] == [_state(u) for u in b.usecases]
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


# --- the store: one signed part per slice of the register -----------------------------


class _Boom:
    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, ("touch pwned",))


@pytest.fixture
def private_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A signing key of the test's own (the user's cache folder is a temporary one)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    disk_cache._key.cache_clear()
    yield
    disk_cache._key.cache_clear()


def _parts(root: Path) -> dict[str, tuple[int, int]]:
    """Each part file of the store: its inode and modification time."""
    return {
        path.name: (path.stat().st_ino, path.stat().st_mtime_ns)
        for path in sorted((root / disk_cache.CACHE_DIR).glob("parsed-*.pickle"))
    }


def _parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The display paths of the files the loader parses from here on."""
    parsed: list[str] = []
    real = loader.load_usecase_text

    def counted(text: str | None, issue: object, rel: str) -> object:
        parsed.append(rel)
        return real(text, issue, rel)

    monkeypatch.setattr(loader, "load_usecase_text", counted)
    return parsed


def _retitle(path: Path, prefix: str) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\ntitle: ", f"\ntitle: {prefix} ", 1), encoding="utf-8")


@pytest.mark.usefixtures("private_key")
def test_one_edited_file_rewrites_one_part_and_parses_one_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = generate_register(tmp_path / "reg", 60, seed=3)
    (root / disk_cache.CACHE_DIR).mkdir()
    old = root / disk_cache.CACHE_DIR / "parsed.pickle"
    old.write_bytes(b"the single store of aip 0.x")
    load_register_cached(root)
    assert not old.exists()  # the earlier store is removed, not left behind
    before = _parts(root)
    assert 20 < len(before) <= PARTS  # 60 files spread over the parts
    parsed = _parses(monkeypatch)
    warm = load_register_cached(root)
    assert parsed == []
    same(warm, load_register(root))
    assert _parts(root) == before  # nothing written when nothing changed
    files = sorted((root / "usecases").glob("*.yaml"))
    _retitle(files[7], "Edited")
    parsed.clear()
    edited = load_register_cached(root)
    rel = f"usecases/{files[7].name}"
    assert parsed == [rel]
    assert edited.get(files[7].name[:6]).title.startswith("Edited")
    after = _parts(root)
    changed = {name for name in before if after[name] != before[name]}
    assert changed == {PART_FILE.format(part_of(rel))}
    same(load_register_cached(root), load_register(root))
    # A deleted file leaves its part, and only its part.
    files[11].unlink()
    gone = PART_FILE.format(part_of(f"usecases/{files[11].name}"))
    before = _parts(root)
    same(load_register_cached(root), load_register(root))
    after = _parts(root)
    assert {name for name in before if after[name] != before[name]} == {gone}


@pytest.mark.usefixtures("private_key")
def test_a_bad_part_is_an_empty_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Unsigned (committed by someone), signed by another user, cut short, copied from
    another part, or written by another aip: never unpickled or never used, its files
    parsed again and the part written anew; the other parts still serve."""
    monkeypatch.chdir(tmp_path)
    root = generate_register(tmp_path / "reg", 40, seed=5)
    expected = load_register(root)
    load_register_cached(root)
    folder = root / disk_cache.CACHE_DIR
    names = sorted(_parts(root))
    victim, other = folder / names[0], folder / names[1]
    in_victim = sorted(rel for rel in expected.texts if PART_FILE.format(part_of(rel)) == names[0])
    good = other.read_bytes()
    payload = pickle.dumps((b"any context", _Boom()))
    bad_parts = [
        payload,  # unsigned
        b"\0" * 32 + payload,  # a forged signature
        good[: len(good) // 2],  # cut short
        good,  # another part's file: signed, but not this part's
    ]
    for bad in bad_parts:
        victim.write_bytes(bad)
        parsed = _parses(monkeypatch)
        same(load_register_cached(root), expected)
        assert sorted(parsed) == in_victim
        assert victim.read_bytes() != bad  # written anew
    assert not (tmp_path / "pwned").exists()
    # Signed with another user's key: refused too (every part).
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "someone-else"))
    disk_cache._key.cache_clear()
    parsed = _parses(monkeypatch)
    same(load_register_cached(root), expected)
    assert sorted(parsed) == sorted(expected.texts)
    # Another version of aip: every part is stale.
    monkeypatch.setattr(disk_cache, "code_fingerprint", lambda *extra: b"another aip")
    parsed.clear()
    same(load_register_cached(root), expected)
    assert sorted(parsed) == sorted(expected.texts)
    # And the folder is safe to delete.
    shutil.rmtree(folder)
    same(load_register_cached(root), expected)


@pytest.mark.usefixtures("private_key")
def test_a_register_where_the_cache_cannot_be_written_keeps_nothing(tmp_path: Path) -> None:
    root = generate_register(tmp_path / "reg", 5, seed=2)
    (root / disk_cache.CACHE_DIR).write_text("a file, not a folder", encoding="utf-8")
    same(load_register_cached(root), load_register(root))
    same(load_register_cached(root), load_register(root))
    assert (root / disk_cache.CACHE_DIR).read_text(encoding="utf-8") == "a file, not a folder"
    assert not list(tmp_path.rglob("*.tmp"))


class _Private(BaseModel):
    name: str
    _seen: int = PrivateAttr(default=0)


class _Open(BaseModel, extra="allow"):
    name: str


def test_models_come_back_from_the_store_as_they_went_in(tmp_path: Path) -> None:
    """The compact form of models (``disk_cache._model``) and the models it does not
    cover (private attributes, extra fields) that are pickled as pydantic does."""
    uc = load_register(REPO_ROOT).usecases[0]
    private = _Private(name="p")
    private._seen = 3
    values = [uc, private, _Open(name="o", more=1), {"nested": [uc.owner, uc.kpis]}]
    disk_cache.save(tmp_path, "models.pickle", b"ctx", values)
    back = disk_cache.load(tmp_path, "models.pickle", b"ctx")
    assert back == values
    assert _state(back) == _state(values)
    assert back[1]._seen == 3
    assert back[2].__pydantic_extra__ == {"more": 1}


def test_the_loaders_path_resolver_agrees_with_the_one_file_functions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``loader._Resolver`` (each folder resolved once, paths as strings) shows and places
    every kind of file as ``display_path`` and ``leaves_register`` do, one file at a time."""
    from aiportfolio.register.root import leaves_register

    real = tmp_path / "real"
    root = real / "reg"
    (root / "usecases" / "sub").mkdir(parents=True)
    outside = tmp_path / "outside"
    (outside / "folder").mkdir(parents=True)
    for folder in (root, root / "usecases", root / "usecases" / "sub", outside, outside / "folder"):
        (folder / "UC-001-a.yaml").write_text("id: UC-001\n", encoding="utf-8")
    usecases = root / "usecases"
    (usecases / "UC-002-link-in.yaml").symlink_to(usecases / "sub" / "UC-001-a.yaml")
    (usecases / "UC-003-link-out.yaml").symlink_to(outside / "UC-001-a.yaml")
    (usecases / "linked-in").symlink_to(usecases / "sub")
    (usecases / "linked-out").symlink_to(outside / "folder")
    (tmp_path / "alias").symlink_to(real)  # the register reached through a linked folder
    monkeypatch.chdir(tmp_path)
    files = [
        usecases / "UC-001-a.yaml",
        usecases / "UC-002-link-in.yaml",
        usecases / "UC-003-link-out.yaml",
        usecases / "sub" / "UC-001-a.yaml",
        usecases / "linked-in" / "UC-001-a.yaml",
        usecases / "linked-out" / "UC-001-a.yaml",
        outside / "UC-001-a.yaml",  # given on the command line
        root / "UC-001-a.yaml",
        usecases / "sub" / ".." / "UC-001-a.yaml",
        usecases / "new\nline.yaml",
    ]
    for base in (root, Path("real/reg"), tmp_path / "alias" / "reg", Path("alias/reg")):
        resolver = loader._Resolver(base)
        for path in [*files, *(Path(os.path.relpath(f)) for f in files)]:
            moved = base / path.relative_to(root) if path.is_relative_to(root) else path
            assert resolver.display(moved) == loader.display_path(moved, base), (base, moved)
            assert resolver.leaves(moved) == leaves_register(moved, base), (base, moved)


# --- filled by aip check --------------------------------------------------------------


@pytest.mark.usefixtures("private_key")
def test_a_check_from_scratch_leaves_its_models_for_the_next_load(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``aip check`` that validated every entry keeps their models in the loader's store:
    the command after it parses nothing (but the invalid file), writes no part, and loads
    the same register as from scratch, model for model."""
    import datetime as dt

    from aiportfolio.analysis.check_cache import CacheStats, check_with_cache

    today = dt.date(2026, 11, 26)
    root = generate_register(tmp_path / "reg", 50, seed=8)
    files = sorted((root / "usecases").glob("*.yaml"))
    files[3].write_bytes(b"\xef\xbb\xbf" + files[3].read_bytes())  # a BOM: text != bytes
    (root / "usecases" / "UC-999-broken.yaml").write_text("id: [\n", encoding="utf-8")
    stats = CacheStats()
    check_with_cache(root, None, today, stats=stats)
    assert stats.computed == 51
    stored = _parts(root)
    assert 20 < len(stored) <= PARTS
    parsed = _parses(monkeypatch)
    warm = load_register_cached(root)
    assert parsed == ["usecases/UC-999-broken.yaml"]
    assert _parts(root) == stored
    same(warm, load_register(root))
    # A re-check of one edited file writes no part: the next load parses that file.
    _retitle(files[9], "Edited")
    check_with_cache(root, None, today)
    assert _parts(root) == stored
    parsed.clear()
    warm = load_register_cached(root)
    assert sorted(parsed) == sorted(["usecases/UC-999-broken.yaml", f"usecases/{files[9].name}"])
    same(warm, load_register(root))


@pytest.mark.usefixtures("private_key")
def test_a_check_with_models_already_loaded_or_on_a_subset_keeps_what_it_must(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A check that did not validate every entry itself (the gate of a command that loaded
    the register, files given outside ``usecases/``) leaves the store as the loads left
    it; a check of some files of ``usecases/`` still reads them all, and fills it."""
    import datetime as dt
    import shutil

    from aiportfolio.analysis.check_cache import check_known, check_with_cache

    today = dt.date(2026, 11, 26)
    root = generate_register(tmp_path / "reg", 12, seed=9)
    loaded = load_register_cached(root)
    stored = _parts(root)
    texts = {
        (loaded.relpath(path), loaded.texts[loaded.relpath(path)]): uc
        for path, uc in zip(loaded.usecase_paths, loaded.usecases, strict=True)
    }
    assert check_known(root, None, today, lambda: texts, require_store=False) is not None
    assert _parts(root) == stored
    shutil.rmtree(root / disk_cache.CACHE_DIR)
    outside = tmp_path / "UC-777-dehors.yaml"
    shutil.copy(sorted((root / "usecases").glob("*.yaml"))[0], outside)
    check_with_cache(root, None, today, [outside])
    assert _parts(root) == {}
    shutil.rmtree(root / disk_cache.CACHE_DIR)
    check_with_cache(root, None, today, [sorted((root / "usecases").glob("*.yaml"))[2]])
    parsed = _parses(monkeypatch)
    warm = load_register_cached(root)
    assert parsed == []
    same(warm, load_register(root))
