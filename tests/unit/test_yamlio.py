"""The fast loader agrees with ruamel's safe loader on what registers contain, and refuses
what they must not contain."""

from __future__ import annotations

import datetime as dt
import errno
import math
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from aiportfolio.register.yamlio import (
    YamlIssue,
    compose,
    locate,
    parse_text,
    read_text,
    resolve_plain,
)
from aiptest import chmod_unreadable, deny_reading

SCALARS = [
    ("42", 42),
    ("-7", -7),
    ("007", 7),
    ("3.5", 3.5),
    ("1e3", 1000.0),
    ("0x1f", 31),
    ("0o17", 15),
    ("true", True),
    ("False", False),
    ("null", None),
    ("~", None),
    ("", None),
    ("no", "no"),
    ("yes", "yes"),
    ("on", "on"),
    ("2026-03-31", dt.date(2026, 3, 31)),
    ("2026-02-30", "2026-02-30"),
    ("2026-03-31T10:00:00", dt.datetime(2026, 3, 31, 10, 0)),
    ("12 weeks", "12 weeks"),
    ("-", "-"),
    ("UC-007", "UC-007"),
]


@pytest.mark.parametrize(("text", "expected"), SCALARS)
def test_plain_scalars(text: str, expected: object) -> None:
    assert resolve_plain(text) == expected


def test_special_floats() -> None:
    assert resolve_plain(".inf") == math.inf
    assert math.isnan(resolve_plain(".nan"))


DOC = """# comment
id: UC-001
title: 'quoted: text'
n: "3"
d: 2026-01-02
items:
  - a
  - {k: 1, j: [x, y]}
points:
  1: un
  5: cinq
"""


def test_same_data_as_ruamel_safe_loader() -> None:
    ours, issue = parse_text(DOC)
    assert issue is None
    assert ours == YAML(typ="safe", pure=False).load(DOC)


@pytest.mark.parametrize(
    ("text", "kind", "line"),
    [
        ("a: 1\na: 2\n", "duplicate-key", 2),
        ("a: &x [1]\nb: *x\n", "anchor", 1),
        ("a: !!python/name:os.system ''\n", "tag", 1),
        ("name: &unused Claire\n", "anchor", 1),
        ("a: !custom 1\n", "tag", 1),
        ("? [a, b]\n: 1\n", "syntax", 1),
        ("a: [1\n", "unclosed", 1),  # shown where it opens, not where the file ends
        ("a: 1\n---\nb: 2\n", "syntax", 2),
        ("plain text\n", "not-a-mapping", 1),
        ("# nothing\n", "empty", 0),
    ],
)
def test_refused_documents(text: str, kind: str, line: int) -> None:
    data, issue = parse_text(text)
    assert data is None
    assert issue is not None
    assert (issue.kind, issue.line) == (kind, line)


def test_locate_walks_keys_and_list_items() -> None:
    root = compose(DOC)
    assert locate(root, ("title",)) == (3, 8)
    assert locate(root, ("items", 1, "j", 1)) == (8, 19)
    assert locate(root, ("items", 1, "missing")) == (8, 5)
    assert locate(root, ()) == (2, 1)


def test_ampersands_in_text_are_not_anchors() -> None:
    assert parse_text('name: "R&D &co"\nteam: R&D\n') == ({"name": "R&D &co", "team": "R&D"}, None)


# --- files that cannot be opened: a problem on the file, never an exception ---------------


def test_a_link_whose_target_is_missing_is_a_broken_link(tmp_path: Path) -> None:
    link = tmp_path / "usecases" / "UC-999.yaml"
    link.parent.mkdir()
    link.symlink_to("nowhere.yaml")
    expected = (None, YamlIssue("dangling-link", 0, 0, "nowhere.yaml"))
    assert read_text(link) == expected
    assert read_text(link, root=tmp_path) == expected
    through = tmp_path / "usecases" / "UC-998.yaml"
    through.symlink_to("UC-001.yaml/x.yaml")  # a file taken for a folder: ENOTDIR
    (tmp_path / "usecases" / "UC-001.yaml").write_text("id: UC-001\n", encoding="utf-8")
    assert read_text(through, root=tmp_path)[1] == YamlIssue(
        "dangling-link", 0, 0, "UC-001.yaml/x.yaml"
    )


def test_a_loop_of_links_is_a_broken_link(tmp_path: Path) -> None:
    first, second = tmp_path / "UC-998.yaml", tmp_path / "UC-999.yaml"
    first.symlink_to(second.name)
    second.symlink_to(first.name)
    assert read_text(first, root=tmp_path) == (None, YamlIssue("link-loop", 0, 0, "UC-999.yaml"))
    assert read_text(second)[1] == YamlIssue("link-loop", 0, 0, "UC-998.yaml")


def test_a_link_out_of_the_register_is_refused_before_its_target_is_looked_for(
    tmp_path: Path,
) -> None:
    link = tmp_path / "reg" / "UC-999.yaml"
    link.parent.mkdir()
    link.symlink_to(tmp_path / "gone" / "secret.yaml")
    assert read_text(link, root=tmp_path / "reg")[1] == YamlIssue("outside-register", 0, 0)


def test_a_file_that_may_not_be_read_is_reported_not_raised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "UC-001.yaml"
    path.write_text("id: UC-001\n", encoding="utf-8")
    deny_reading(monkeypatch, path)
    assert read_text(path, root=tmp_path) == (None, YamlIssue("permission", 0, 0))


def test_a_file_chmod_000_is_reported_not_raised(tmp_path: Path) -> None:
    path = tmp_path / "UC-001.yaml"
    path.write_text("id: UC-001\n", encoding="utf-8")
    chmod_unreadable(path)
    assert read_text(path, root=tmp_path) == (None, YamlIssue("permission", 0, 0))


def test_another_system_error_is_reported_with_the_systems_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "UC-001.yaml"
    path.write_text("id: UC-001\n", encoding="utf-8")

    def failing(self: Path) -> bytes:
        raise OSError(errno.EIO, "Input/output error", str(self))

    monkeypatch.setattr(Path, "read_bytes", failing)
    assert read_text(path) == (None, YamlIssue("unreadable", 0, 0, "Input/output error"))
    path.unlink()  # gone between the listing and the reading: not a link
    assert read_text(path)[1] == YamlIssue("unreadable", 0, 0, "No such file or directory")


def test_parsing_leaves_no_garbage_for_the_cyclic_collector() -> None:
    # A check reads thousands of files with the collector paused: whatever a parse leaves
    # in reference cycles (the composer, the text it holds) would pile up until it resumes.
    import gc

    text = "id: UC-001\ntitle: Tri\ntags: [a, b]\nowner:\n  name: A\n  role: B\n"
    gc.collect()
    gc.disable()
    try:
        for _ in range(5):
            data, issue = parse_text(text)
            assert issue is None and data["tags"] == ["a", "b"]
        found = gc.collect()
    finally:
        gc.enable()
    assert found == 0
