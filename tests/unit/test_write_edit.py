"""Round-trip edit helpers: appending, setting and reordering keep every other line."""

from __future__ import annotations

import datetime as dt

import pytest

from aiportfolio.model.usecase import UseCase
from aiportfolio.register.edit import append_item, emit_block, reorder, set_value, to_roundtrip
from aiportfolio.register.roundtrip import dump_roundtrip, load_roundtrip
from aiportfolio.register.yamlio import parse_text

ITEM = {"date": dt.date(2027, 1, 4), "value": 3}


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (
            "a:\n  - x: 1\n\nb: 2\n",
            "a:\n  - x: 1\n  - date: 2027-01-04\n    value: 3\n\nb: 2\n",
        ),
        (
            "a:\n  - x: 1  # eol\n\n# about b\nb: 2\n",
            "a:\n  - x: 1  # eol\n  - date: 2027-01-04\n    value: 3\n\n# about b\nb: 2\n",
        ),
        (
            "a:\n  - x: |\n      text\n\nb: 2\n",
            "a:\n  - x: |\n      text\n  - date: 2027-01-04\n    value: 3\n\nb: 2\n",
        ),
        (
            "a:\n  - {x: 1}\n\nb: 2\n",
            "a:\n  - {x: 1}\n  - date: 2027-01-04\n    value: 3\n\nb: 2\n",
        ),
        (
            "a: []  # none yet\nb: 2\n",
            "a:     # none yet\n  - date: 2027-01-04\n    value: 3\nb: 2\n",
        ),
        (
            "a:\n  - x: 1\n\n# the end\n",
            "a:\n  - x: 1\n  - date: 2027-01-04\n    value: 3\n\n# the end\n",
        ),
    ],
    ids=["blank-line", "comment-block", "block-scalar", "flow-item", "empty-flow", "doc-end"],
)
def test_append_keeps_trailing_lines_after_the_list(before: str, after: str) -> None:
    doc = load_roundtrip(before)
    append_item(doc["a"], to_roundtrip(ITEM))
    assert dump_roundtrip(doc) == after


@pytest.mark.parametrize(
    ("before", "path", "value", "after"),
    [
        (
            "id: UC-001\nstatus: idea  # s\n",
            ("status",),
            "scoping",
            "id: UC-001\nstatus: scoping  # s\n",
        ),
        (
            "id: UC-001\ndecisions: []\n",
            ("decision_date",),
            dt.date(2027, 1, 1),
            "id: UC-001\ndecision_date: 2027-01-01\ndecisions: []\n",
        ),
        (
            "id: UC-001\nproblem: x\n",
            ("owner", "name"),
            "Ana",
            "id: UC-001\nowner:\n  name: Ana\nproblem: x\n",
        ),
        (
            "id: UC-001\nnext_step: 'quoted'\n",
            ("next_step",),
            "quoted",
            "id: UC-001\nnext_step: 'quoted'\n",
        ),
    ],
    ids=["replace", "insert-in-order", "create-parent", "same-value-untouched"],
)
def test_set_value(before: str, path: tuple[str, ...], value: object, after: str) -> None:
    doc = load_roundtrip(before)
    set_value(doc, path, value, UseCase)
    assert dump_roundtrip(doc) == after


def test_reorder_moves_comments_with_their_keys() -> None:
    before = (
        "# header\nstatus: pilot  # s\ntitle: x\n\n# the id\nid: UC-001\n"
        "kpis:\n  - level: impact\n    name: k\n\n# category\ncategory: foundation\n"
    )
    doc = load_roundtrip(before)
    assert reorder(doc, UseCase)
    assert dump_roundtrip(doc) == (
        "# header\n\n# the id\nid: UC-001\ntitle: x\nstatus: pilot  # s\n\n# category\n"
        "category: foundation\nkpis:\n  - name: k\n    level: impact\n"
    )


TEXTS = [
    "plain",
    "a: b",
    "a #b",
    "- x",
    "'q",
    '"q',
    " lead",
    "trail ",
    "12",
    "1e3",
    "true",
    "no",
    "~",
    "null",
    "2027-01-01",
    "é à ç",
    "a\nb",
    "tab\tx",
    "ctl\x01",
    "%x",
    "@x",
    "`x",
    "[x]",
    "{x}",
    "x: ",
    "x:",
    "?x",
    "!x",
    "&x",
    "*x",
    "|x",
    ">x",
    "#x",
    "",
    "\u00a0x",
]


@pytest.mark.parametrize("text", TEXTS)
def test_emitter_matches_a_round_trip_and_loads_back(text: str) -> None:
    data = {
        "id": "UC-001",
        "title": text,
        "list": [text, 1.5, True],
        "nested": {"k": [{"a": text}]},
    }
    emitted = "\n".join(emit_block(data)) + "\n"
    assert parse_text(emitted)[0] == data
    assert dump_roundtrip(load_roundtrip(emitted)) == emitted
