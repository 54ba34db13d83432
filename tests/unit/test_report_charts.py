"""aip report's charts: hover texts kept out of the drawing and written back as Vega would,
drawings reused when only those texts changed, no chart worker when nothing is drawn."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from aiportfolio.analysis.report import build_report
from aiportfolio.i18n import Translator
from aiportfolio.register.loader import load_register
from aiportfolio.report.site import charts
from aiportfolio.report.site.pages import SiteCache, render_site
from aiptest import usecase, write_register

TODAY = dt.date(2026, 11, 26)

HOSTILE = [
    '<script>alert("t")</script>',
    '"><img src=x onerror=alert(1)>',
    "]]> & &amp; &#x41; &lt; 'single' \"double\" <![CDATA[x]]>",
    "</title></path><svg onload=alert(1)>",
    "Title text 'x'",
    "Ünïcödé — 日本語 😀 « guillemets » : ; ! ? 𝔘 \u200d\u00a0",
    "$& $1 \\1 \\n {0} %s",
    "tab\tline\nreturn\r end",
    'aria-label="x" <title>y</title>',
    "\ue0000\ue001",  # what a hidden text looks like in a drawing
    "\ue000 private \ue001",
    "",
]


def _legacy_svg(spec: charts.Spec, lang: str) -> str:
    """The chart as drawn before hover texts were hidden: Vega draws the texts itself."""
    return charts.with_hover_titles(
        charts.without_english_aria(charts.draw(charts.typeset(spec, lang), lang))
    )


def _every_chart(texts: Sequence[str]) -> list[charts.Spec]:
    """One specification of each kind, the hover texts taken from ``texts``."""

    def desc(i: int) -> str:
        return texts[i % len(texts)]

    points = [
        {
            "id": f"UC-{i:03}",
            "value": 1 + i % 5,
            "feasibility": 1 + (i * 3) % 5,
            "budget": 1000 * i,
            "category": "Gain rapide",
            "desc": desc(i),
        }
        for i in range(14)
    ]
    quadrants = [{"name": "Q", "x": 2, "y": 2, "x1": 1, "x2": 3, "y1": 1, "y2": 3}]
    return [
        charts.matrix_spec(
            points,
            quadrants,
            split=3,
            floor=2.5,
            floor_label="floor",
            x_title="value",
            y_title="feasibility",
            size_title="budget",
            color_title="category",
            categories=[("quick_win", "Gain rapide")],
            label_points=True,
            description="matrix",
        ),
        charts.balance_spec(
            [
                {
                    "measure": m,
                    "group": g,
                    "share": 40,
                    "target": 50,
                    "low": 30,
                    "high": 60,
                    "ok": True,
                    "desc": desc(i),
                }
                for i, (m, g) in enumerate([("n", "a"), ("n", "b"), ("€", "a"), ("€", "b")])
            ],
            "balance",
        ),
        charts.gantt_spec(
            [
                {
                    "wave": f"W{i}",
                    "start": "2026-01-01",
                    "end": "2026-03-01",
                    "label": "x",
                    "desc": desc(i),
                }
                for i in range(3)
            ],
            "2026-02-01",
            "today",
            "gantt",
        ),
        charts.capacity_spec(
            [{"wave": "W1", "measure": m, "used": 50, "desc": desc(i)} for i, m in enumerate("ab")],
            "%",
            "capacity",
        ),
        charts.kpi_spec(
            [
                {"kpi": "K", "series": "m", "date": "2026-01-01", "value": 3, "desc": desc(0)},
                {"kpi": "K", "series": "m", "date": "2026-02-01", "value": 4, "desc": desc(1)},
                {"kpi": "K", "series": "b", "date": None, "value": 1, "desc": desc(2)},
                {"kpi": "K", "series": "t", "date": None, "value": 6, "desc": desc(3)},
            ],
            ["m", "b", "t"],
            "kpis",
        ),
        charts.money_bars_spec(
            [
                {"item": "i", "measure": m, "amount": 10, "desc": desc(i)}
                for i, m in enumerate("ab")
            ],
            "€",
            "tco",
        ),
    ]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_hidden_texts_give_the_same_svg_as_drawing_them(lang: str) -> None:
    for spec in _every_chart(HOSTILE):
        shape, texts = charts.prepare(spec, lang)
        assert not any(text in str(shape) for text in texts if len(text) > 3)
        svg = charts.to_svg(spec, lang)
        assert svg == _legacy_svg(spec, lang), spec["description"]


def test_hostile_hover_texts_are_escaped_in_label_and_title() -> None:
    svg = charts.to_svg(_every_chart(HOSTILE)[0], "en")
    assert "<script>" not in svg and "<img" not in svg and "<svg onload" not in svg
    assert 'aria-label="&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt;"' in svg
    assert "<title>]]&gt; &amp; &amp;amp; &amp;#x41; &amp;lt; 'single' &quot;double&quot;" in svg


def test_escaping_is_vegas_for_every_character() -> None:
    # Each code point once, in descriptions of 256 characters (the escaping of a text is the
    # escaping of each of its characters).
    points = [c for c in range(1, 0x10000) if not 0xD800 <= c < 0xE000]
    points += [0x1F600, 0x1D518, 0x10FFFF]
    texts = ["".join(chr(c) for c in points[i : i + 256]) for i in range(0, len(points), 256)]
    spec: charts.Spec = {
        "$schema": charts.SCHEMA,
        "data": {"values": [{"x": i, "desc": text} for i, text in enumerate(texts)]},
        "mark": "point",
        "encoding": {
            "x": {"field": "x", "type": "quantitative"},
            "description": {"field": "desc"},
        },
    }
    drawn = charts.draw(spec, "en")
    labels = re.findall(r'aria-label="([^"]*)"', drawn)[-len(texts) :]
    assert labels == [charts.escape_attribute(text) for text in texts]


def test_editing_a_hover_text_leaves_the_drawing_unchanged() -> None:
    plain = [f"UC-{i:03} {i}" for i in range(len(HOSTILE))]
    before = [charts.prepare(spec, "fr") for spec in _every_chart(plain)]
    after = [charts.prepare(spec, "fr") for spec in _every_chart(HOSTILE)]
    for (shape, texts), (shape2, texts2) in zip(before, after, strict=True):
        assert texts != texts2
        assert shape == shape2
    # Equal texts share one token, so rows that were equal stay equal.
    shape, texts = charts.hide_texts(
        {"data": {"values": [{"d": "x"}, {"d": "y"}, {"d": "x"}]}, "description": {"field": "d"}}
    )
    assert texts == ("x", "y")
    rows = shape["data"]["values"]
    assert rows[0] == rows[2] != rows[1]


class CountingDrawer(charts.SerialDrawer):
    def __init__(self) -> None:
        self.drawn: list[charts.Spec] = []

    def draw(self, shapes: Sequence[charts.Spec], lang: str) -> charts.Waiter:
        self.drawn += shapes
        return super().draw(shapes, lang)


def _report(root: Path, drawer: Any, cache: SiteCache | None) -> dict[str, str]:
    register = load_register(root, "en", ())
    return render_site(build_report(register, TODAY), Translator("en"), root, drawer, cache)


def test_a_new_title_redraws_no_chart_but_where_it_is_written(tmp_path: Path) -> None:
    entries = [usecase(id=f"UC-00{i}", title=f"Entry {i}") for i in range(1, 4)]
    root = write_register(tmp_path / "reg", entries)
    first = CountingDrawer()
    cache = SiteCache()
    _report(root, first, cache)
    assert first.drawn  # nothing known yet
    same = CountingDrawer()
    cache2 = SiteCache(known=cache.used)
    _report(root, same, cache2)
    assert same.drawn == []
    entries[1]["title"] = 'New <title> & "quotes"'
    root = write_register(tmp_path / "reg2", entries)
    again = CountingDrawer()
    cached = _report(root, again, SiteCache(known=cache2.used))
    # Only the TCO chart, which writes the largest entries' titles on its axis, is drawn.
    assert [shape["description"] for shape in again.drawn] == [
        "TCO and expected gain of the largest budgets"
    ]
    assert cached == _report(root, CountingDrawer(), None)  # as if drawn afresh
    assert "UC-002 New &lt;title&gt; &amp; &quot;quotes&quot;: value" in cached["matrix.html"]


def test_no_worker_starts_when_every_chart_is_known() -> None:
    drawer = charts.WorkerDrawer()
    assert drawer.draw([], "en")() == []
    assert drawer._proc is None  # never started
    drawer.close()


def test_a_long_label_with_an_emoji_is_drawn() -> None:
    # Vega cuts a long axis label to its limit, which may fall inside an emoji; vl-convert
    # 1.9 then fails. The chart is drawn with such characters replaced.
    rows = [
        {"item": "Cas " + "\U0001f600" * 60, "measure": m, "amount": 10, "desc": "d"}
        for m in ("TCO", "gain")
    ]
    svg = charts.to_svg(charts.money_bars_spec(rows, "€", "tco"), "fr")
    assert "Cas \ufffd" in svg and "\U0001f600" not in svg
    # Anywhere else the character is kept (a hover text is never cut).
    rows = [{"item": "i", "measure": "m", "amount": 10, "desc": "\U0001f600 x"}]
    assert '"\U0001f600 x"' in charts.to_svg(charts.money_bars_spec(rows, "€", "tco"), "fr")
