"""The caches' code fingerprint (register/disk_cache.py): it changes with any file of the
code it covers, and is worked out once per process however many caches ask."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from aiportfolio.register import disk_cache


def _tree(base: Path) -> bytes:
    digest = hashlib.blake2b(digest_size=16)
    disk_cache.tree_fingerprint(base, digest)
    return digest.digest()


def test_the_fingerprint_follows_every_file_but_compiled_ones(tmp_path: Path) -> None:
    code = tmp_path / "pkg"
    (code / "sub").mkdir(parents=True)
    module = code / "sub" / "module.py"
    module.write_text("x = 1\n", encoding="utf-8")
    first = _tree(code)
    assert _tree(code) == first
    (code / "__pycache__").mkdir()
    (code / "__pycache__" / "module.cpython-311.pyc").write_bytes(b"compiled")
    assert _tree(code) == first
    module.write_text("x = 22\n", encoding="utf-8")
    edited = _tree(code)
    assert edited != first
    info = module.stat()
    os.utime(module, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000))
    touched = _tree(code)
    assert touched != edited
    (code / "sub" / "data.yaml").write_text("a: 1\n", encoding="utf-8")
    assert _tree(code) != touched


def test_the_code_fingerprint_is_worked_out_once_per_process(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    disk_cache._fingerprint.cache_clear()
    walks: list[str] = []
    real_walk = os.walk

    def counted(top: str | os.PathLike[str], *args: object, **kwargs: object) -> object:
        walks.append(str(top))
        return real_walk(top, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(disk_cache.os, "walk", counted)
    plain = disk_cache.code_fingerprint()
    assert disk_cache.code_fingerprint() == plain
    assert len(walks) == 1
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "page.html.j2").write_text("{{ x }}\n", encoding="utf-8")
    with_templates = disk_cache.code_fingerprint(tmp_path / "templates")
    assert with_templates != plain
    assert disk_cache.code_fingerprint(tmp_path / "templates") == with_templates
    assert len(walks) == 3
