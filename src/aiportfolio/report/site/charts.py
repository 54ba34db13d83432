"""The report's charts: Vega-Lite specifications rendered to SVG by vl-convert (see
docs/decisions/0005-report-charts.md).

Each ``*_spec`` function is pure: it turns rows the HTML reporter prepared (labels already
translated, numbers as numbers) into a Vega-Lite specification. ``to_svg`` renders one
offline (no data URL is allowed) and gives each mark that carries a description a
``<title>``, so a browser shows it on hover while screen readers read the same text from
its ``aria-label``. User text only ever travels as data values, which Vega writes escaped
into the SVG; it never enters a Vega expression.

Why one module of ~580 lines: the six specifications share one base, palette and
accessibility treatment, and the drawers are the only code that renders them; splitting
would scatter one chart vocabulary across files.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

Spec = dict[str, Any]
Row = Mapping[str, Any]

SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"
"""Names the specification's version; nothing is fetched from it."""

CATEGORY_COLORS = {
    "quick_win": "#1b7837",
    "foundation": "#2166ac",
    "differentiator": "#b2182b",
    "compliance": "#762a83",
}
"""Dark enough on white for text contrast, and told apart in the legend by name."""

INK = "#222222"
MUTED = "#6b6b6b"
ACCENT = "#2166ac"
GOOD = "#1b7837"
ALERT = "#b2182b"

# Screen readers read each described mark (``description``: text of the catalog); Vega's
# own descriptions of axes, legends and undescribed marks are English whatever the
# report's language, so they are left out (``aria: False``).
_CONFIG: Spec = {
    "font": "Helvetica, Arial, sans-serif",
    "view": {"stroke": None},
    "axis": {
        "labelColor": INK,
        "titleColor": INK,
        "labelFontSize": 11,
        "titleFontSize": 12,
        "aria": False,
    },
    "legend": {
        "labelColor": INK,
        "titleColor": INK,
        "labelFontSize": 11,
        "orient": "bottom",
        "aria": False,
    },
    "header": {"labelColor": INK, "labelFontSize": 12, "labelLimit": 260},
    "title": {"color": INK},
}

_LOCALES = {"fr": "fr-FR", "en": "en-US", "de": "de-DE"}


def _base(description: str, rows: Sequence[Row], width: int, height: int | str) -> Spec:
    return {
        "$schema": SCHEMA,
        "description": description,
        "width": width,
        "height": height,
        "data": {"values": [dict(r) for r in rows]},
        "config": _CONFIG,
    }


def balance_spec(rows: Sequence[Row], description: str) -> Spec:
    """Share of each balance group against its target band, one panel per measure.

    rows: ``measure`` (panel label), ``group`` (label), ``share``, ``target``, ``low``,
    ``high`` (percent), ``desc`` (hover text)."""
    spec = _base(description, rows, 300, {"step": 26})  # type: ignore[arg-type]
    del spec["width"], spec["height"]
    x_scale = {"domain": [0, 100]}
    spec["facet"] = {"column": {"field": "measure", "type": "nominal", "title": None, "sort": None}}
    spec["spec"] = {
        "width": 300,
        "height": {"step": 26},
        "layer": [
            {
                "mark": {"aria": False, "type": "bar", "color": "#d9d9d9", "height": 18},
                "encoding": {
                    "y": {"field": "group", "type": "nominal", "title": None, "sort": None},
                    "x": {"field": "low", "type": "quantitative", "scale": x_scale},
                    "x2": {"field": "high"},
                },
            },
            {
                "mark": {"type": "bar", "height": 10},
                "encoding": {
                    "y": {"field": "group", "type": "nominal", "title": None, "sort": None},
                    "x": {
                        "field": "share",
                        "type": "quantitative",
                        "scale": x_scale,
                        "title": "%",
                    },
                    "color": {
                        "field": "ok",
                        "type": "nominal",
                        "scale": {"domain": [True, False], "range": [GOOD, ALERT]},
                        "legend": None,
                    },
                    "description": {"field": "desc"},
                },
            },
            {
                "mark": {"aria": False, "type": "tick", "color": INK, "thickness": 2, "size": 22},
                "encoding": {
                    "y": {"field": "group", "type": "nominal", "title": None, "sort": None},
                    "x": {"field": "target", "type": "quantitative", "scale": x_scale},
                },
            },
        ],
    }
    return spec


def matrix_spec(
    points: Sequence[Row],
    quadrants: Sequence[Row],
    *,
    split: float,
    floor: float,
    floor_label: str,
    x_title: str,
    y_title: str,
    size_title: str,
    color_title: str,
    categories: Sequence[tuple[str, str]],
    label_points: bool,
    description: str,
) -> Spec:
    """Value (x) against feasibility (y) on the 1-5 scale; bubble area = budget; the four
    quadrants named; the feasibility floor as a dashed line.

    points: ``id``, ``value``, ``feasibility``, ``budget``, ``category`` (label), ``desc``.
    quadrants: ``name``, ``x``, ``y`` (where the name is written), ``x1``, ``x2``, ``y1``,
    ``y2`` (its area). ``categories``: (id, label) pairs, for a fixed colour per category."""
    scale = {"domain": [1, 5], "nice": False, "zero": False}
    spec = _base(description, points, 560, 460)
    spec["layer"] = [
        {
            "data": {"values": [dict(q) for q in quadrants]},
            "layer": [
                {
                    "mark": {"aria": False, "type": "rect", "opacity": 0.35},
                    "encoding": {
                        "x": {"field": "x1", "type": "quantitative", "scale": scale},
                        "x2": {"field": "x2"},
                        "y": {"field": "y1", "type": "quantitative", "scale": scale},
                        "y2": {"field": "y2"},
                        "color": {
                            "field": "name",
                            "type": "nominal",
                            "scale": {"range": ["#e5f5e0", "#fee8c8", "#deebf7", "#f0f0f0"]},
                            "legend": None,
                        },
                    },
                },
                {
                    "mark": {
                        "type": "text",
                        "aria": False,
                        "fontWeight": "bold",
                        "fontSize": 13,
                        "color": INK,
                        "align": "center",
                    },
                    "encoding": {
                        "x": {"field": "x", "type": "quantitative", "scale": scale},
                        "y": {"field": "y", "type": "quantitative", "scale": scale},
                        "text": {"field": "name"},
                    },
                },
            ],
        },
        {
            "data": {"values": [{"floor": floor, "label": floor_label}]},
            "layer": [
                {
                    "mark": {
                        "aria": False,
                        "type": "rule",
                        "color": ALERT,
                        "strokeDash": [6, 4],
                        "size": 2,
                    },
                    "encoding": {"y": {"field": "floor", "type": "quantitative", "scale": scale}},
                },
                {
                    "mark": {
                        "type": "text",
                        "aria": False,
                        "color": ALERT,
                        "align": "right",
                        "dy": -7,
                        "x": "width",
                        "dx": -4,
                    },
                    "encoding": {
                        "y": {"field": "floor", "type": "quantitative", "scale": scale},
                        "text": {"field": "label"},
                    },
                },
            ],
        },
        {
            "mark": {"type": "circle", "opacity": 0.75, "stroke": "white", "strokeWidth": 1},
            "encoding": {
                "x": {
                    "field": "value",
                    "type": "quantitative",
                    "scale": scale,
                    "title": x_title,
                    "axis": {"values": [1, 2, split, 4, 5]},
                },
                "y": {
                    "field": "feasibility",
                    "type": "quantitative",
                    "scale": scale,
                    "title": y_title,
                    "axis": {"values": [1, 2, split, 4, 5]},
                },
                "size": {
                    "field": "budget",
                    "type": "quantitative",
                    "title": size_title,
                    "scale": {"range": [40, 1600], "zero": True},
                    "legend": {"format": ",.0f"},
                },
                "color": {
                    "field": "category",
                    "type": "nominal",
                    "title": color_title,
                    "scale": {
                        "domain": [label for _, label in categories],
                        "range": [CATEGORY_COLORS[c] for c, _ in categories],
                    },
                },
                "description": {"field": "desc"},
            },
        },
    ]
    # The quadrant areas and the bubbles each keep their own colours.
    spec["resolve"] = {"scale": {"color": "independent"}}
    if label_points:
        spec["layer"].append(
            {
                "mark": {"aria": False, "type": "text", "dy": -12, "fontSize": 10, "color": INK},
                "encoding": {
                    "x": {"field": "value", "type": "quantitative", "scale": scale},
                    "y": {"field": "feasibility", "type": "quantitative", "scale": scale},
                    "text": {"field": "id"},
                },
            }
        )
    return spec


def gantt_spec(rows: Sequence[Row], today: str, today_label: str, description: str) -> Spec:
    """One bar per wave from its start to its end, today as a vertical rule.

    rows: ``wave`` (label), ``start``, ``end`` (ISO dates), ``label`` (text in the bar),
    ``desc``."""
    spec = _base(description, rows, 640, {"step": 34})  # type: ignore[arg-type]
    y = {"field": "wave", "type": "nominal", "title": None, "sort": None}
    spec["layer"] = [
        {
            "mark": {"type": "bar", "color": ACCENT, "cornerRadius": 3, "height": 24},
            "encoding": {
                "y": y,
                "x": {"field": "start", "type": "temporal", "title": None},
                "x2": {"field": "end"},
                "description": {"field": "desc"},
            },
        },
        {
            "mark": {
                "aria": False,
                "type": "text",
                "align": "left",
                "dx": 4,
                "color": "white",
                "fontSize": 11,
            },
            "encoding": {
                "y": y,
                "x": {"field": "start", "type": "temporal"},
                "text": {"field": "label"},
            },
        },
        {
            "data": {"values": [{"today": today, "label": today_label}]},
            "layer": [
                {
                    "mark": {"aria": False, "type": "rule", "color": ALERT, "size": 2},
                    "encoding": {"x": {"field": "today", "type": "temporal"}},
                },
                {
                    "mark": {
                        "aria": False,
                        "type": "text",
                        "color": ALERT,
                        "y": -6,
                        "align": "center",
                    },
                    "encoding": {
                        "x": {"field": "today", "type": "temporal"},
                        "text": {"field": "label"},
                    },
                },
            ],
        },
    ]
    return spec


def capacity_spec(rows: Sequence[Row], x_title: str, description: str) -> Spec:
    """Per wave, the share of each capacity used (person-weeks, budget, pilots), with the
    100 % line.

    rows: ``wave``, ``measure`` (labels), ``used`` (percent), ``desc``."""
    spec = _base(description, rows, 520, {"step": 14})  # type: ignore[arg-type]
    y = {"field": "wave", "type": "nominal", "title": None, "sort": None}
    spec["layer"] = [
        {
            "mark": {"type": "bar"},
            "encoding": {
                "y": y,
                "yOffset": {"field": "measure", "sort": None},
                "x": {"field": "used", "type": "quantitative", "title": x_title},
                "color": {
                    "field": "measure",
                    "type": "nominal",
                    "title": None,
                    "sort": None,
                    "scale": {"range": [ACCENT, "#e08214", "#542788"]},
                },
                "description": {"field": "desc"},
            },
        },
        {
            "data": {"values": [{"full": 100}]},
            "mark": {
                "aria": False,
                "type": "rule",
                "color": ALERT,
                "strokeDash": [4, 3],
                "size": 2,
            },
            "encoding": {"x": {"field": "full", "type": "quantitative"}},
        },
    ]
    return spec


def kpi_spec(rows: Sequence[Row], series: Sequence[str], description: str) -> Spec:
    """Small multiples, one per KPI: its measurements as a line, its baseline and target as
    horizontal rules.

    rows: ``kpi`` (panel label), ``series`` (one of ``series``: measurements, baseline,
    target), ``date`` (ISO, measurements only), ``value``, ``desc``."""
    measured, baseline, target = series
    color = {
        "field": "series",
        "type": "nominal",
        "title": None,
        "scale": {"domain": list(series), "range": [ACCENT, MUTED, GOOD]},
    }
    spec = _base(description, rows, 220, 110)
    del spec["width"], spec["height"]
    spec["facet"] = {
        "field": "kpi",
        "type": "nominal",
        "title": None,
        "sort": None,
        "header": {"labelLimit": 230},
    }
    spec["columns"] = 3
    # One time axis for every panel (comparable, and far cheaper to draw); each KPI keeps
    # its own value axis (units differ).
    spec["resolve"] = {"scale": {"y": "independent"}}
    spec["spec"] = {
        "width": 220,
        "height": 110,
        "layer": [
            {
                "transform": [{"filter": {"field": "series", "oneOf": [baseline, target]}}],
                "mark": {"type": "rule", "strokeDash": [5, 3], "size": 2},
                "encoding": {
                    "y": {"field": "value", "type": "quantitative", "title": None},
                    "color": color,
                    "description": {"field": "desc"},
                },
            },
            {
                "transform": [{"filter": {"field": "series", "equal": measured}}],
                "mark": {"type": "line", "point": {"filled": True, "size": 40}},
                "encoding": {
                    "x": {
                        "field": "date",
                        "type": "temporal",
                        "title": None,
                        "axis": {"format": "%m/%y", "tickCount": 4},
                    },
                    "y": {"field": "value", "type": "quantitative", "title": None},
                    "color": color,
                    "description": {"field": "desc"},
                },
            },
        ],
    }
    return spec


def money_bars_spec(rows: Sequence[Row], x_title: str, description: str) -> Spec:
    """Grouped horizontal bars of amounts in euros: per item (``item``), one bar per
    ``measure`` (e.g. TCO and expected gain over the horizon).

    rows: ``item``, ``measure`` (labels), ``amount``, ``desc``."""
    spec = _base(description, rows, 520, {"step": 13})  # type: ignore[arg-type]
    spec["mark"] = {"type": "bar"}
    spec["encoding"] = {
        "y": {
            "field": "item",
            "type": "nominal",
            "title": None,
            "sort": None,
            "axis": {"labelLimit": 240},
        },
        "yOffset": {"field": "measure", "sort": None},
        "x": {
            "field": "amount",
            "type": "quantitative",
            "title": x_title,
            "axis": {"format": "~s"},
        },
        "color": {
            "field": "measure",
            "type": "nominal",
            "title": None,
            "sort": None,
            "scale": {"range": [ALERT, GOOD]},
        },
        "description": {"field": "desc"},
    }
    return spec


_SELF_CLOSED_MARK = re.compile(
    r'<(path|rect|circle|line)(\s[^>]*?)aria-label="([^"]*)"([^>]*?)/>', re.DOTALL
)


_HEADER_TITLE = re.compile(r'aria-label="Title text \'(.*?)\'"')
_ROLE_DESCRIPTION = re.compile(r' aria-roledescription="[^"]*"')


def without_english_aria(svg: str) -> str:
    """Vega names the kind of each mark for screen readers ("bar", "group mark container")
    and labels each panel header "Title text '<label>'", in English whatever the
    language: the kinds are dropped (the role stays) and only the label is kept."""
    return _ROLE_DESCRIPTION.sub("", _HEADER_TITLE.sub(lambda m: f'aria-label="{m[1]}"', svg))


def with_hover_titles(svg: str) -> str:
    """Give every mark that has an ``aria-label`` a ``<title>`` child with the same
    (already escaped) text: the hover text of a static SVG."""
    return _SELF_CLOSED_MARK.sub(
        lambda m: f'<{m[1]}{m[2]}aria-label="{m[3]}"{m[4]}><title>{m[3]}</title></{m[1]}>', svg
    )


def typeset(spec: Any, lang: str) -> Any:
    """``spec`` with every text in the typography of ``lang`` (French: a narrow no-break
    space before ``: ; ! ?`` and inside ``« »``, see ``kit.typography``): hover texts,
    descriptions, titles, labels. Every string changes alike, so a label keeps matching
    its scale's domain and its filters; the specs hold no Vega expression, and their
    formats and field names have no space before a sign."""
    from aiportfolio.report.kit import typography

    def walk(value: Any) -> Any:
        if isinstance(value, str):
            return typography.typeset(value, lang)
        if isinstance(value, dict):
            return {k: walk(v) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v) for v in value]
        return value

    return walk(spec) if lang in typography.SPACED else spec


_HIDDEN = re.compile('aria-label="\ue000([0-9]+)\ue001"')
"""A hover text left out of a drawing (see ``hide_texts``), where Vega wrote it."""


def hide_texts(spec: Spec) -> tuple[Spec, tuple[str, ...]]:
    """``spec`` with each hover text (a data value read by a ``description`` encoding) put
    aside, and those texts. Vega writes a description in one place only, its mark's
    ``aria-label``; it never measures or places it. So a title edited in the register does
    not change the drawing (``draw``), which is kept by its specification: ``reveal`` puts
    the texts back in the SVG. Each distinct text becomes a token, private-use characters
    around its number (equal texts share one), which Vega writes as it is; ``reveal``
    replaces a token only as a whole ``aria-label``, which no user text can be once every
    description is a token."""
    fields: set[str] = set()

    def described(value: Any) -> None:
        if isinstance(value, dict):
            channel = value.get("description")
            if isinstance(channel, dict) and isinstance(channel.get("field"), str):
                fields.add(channel["field"])
            for v in value.values():
                described(v)
        elif isinstance(value, list):
            for v in value:
                described(v)

    described(spec)
    texts: dict[str, int] = {}

    def token(text: str) -> str:
        number = texts.setdefault(text, len(texts))
        return f"\ue000{number}\ue001"

    def hide(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: hide_data(v) if k == "data" else hide(v) for k, v in value.items()}
        if isinstance(value, list):
            return [hide(v) for v in value]
        return value

    def hide_data(data: Any) -> Any:
        if not isinstance(data, dict) or not isinstance(data.get("values"), list):
            return hide(data)
        rows = [
            {k: token(v) if k in fields and isinstance(v, str) else v for k, v in row.items()}
            if isinstance(row, dict)
            else row
            for row in data["values"]
        ]
        return {**data, "values": rows}

    shape = hide(spec) if fields else spec
    return shape, tuple(texts)


def escape_attribute(text: str) -> str:
    """``text`` as Vega's SVG writer escapes an attribute value: ``& < > "`` as entities,
    tab and line breaks as character references, everything else as it is (a test holds
    this against Vega for every character of the Basic Multilingual Plane and beyond)."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("\t", "&#x9;")
        .replace("\n", "&#xA;")
        .replace("\r", "&#xD;")
    )


def reveal(drawn: str, texts: Sequence[str]) -> str:
    """The SVG Vega draws from the specification ``hide_texts`` took ``texts`` from: every
    hidden text written back, escaped as Vega escapes it, then aip's changes (``to_svg``).
    The same bytes as drawing the specification with its texts."""
    if texts:
        escaped = [escape_attribute(text) for text in texts]

        def text_of(match: re.Match[str]) -> str:
            number = int(match[1])
            if number >= len(escaped):
                return match[0]
            return f'aria-label="{escaped[number]}"'

        drawn = _HIDDEN.sub(text_of, drawn)
    return with_hover_titles(without_english_aria(drawn))


def draw(shape: Spec, lang: str) -> str:
    """Vega's SVG of ``shape`` (a specification already typeset, see ``prepare``): numbers
    and dates in ``lang``'s locale; no data is fetched from anywhere."""
    import vl_convert

    locale: Any = _LOCALES.get(lang, "en-US")
    try:
        svg: str = vl_convert.vegalite_to_svg(
            shape, format_locale=locale, time_format_locale=locale, allowed_base_urls=[]
        )
    except ValueError:
        # vl-convert 1.9 fails on a label cut (to its labelLimit) inside a character
        # outside the Basic Multilingual Plane (an emoji): half of it cannot be measured.
        # The chart is drawn with those characters as U+FFFD instead; the tables keep them.
        plain = _within_bmp(shape)
        if plain == shape:
            raise
        svg = vl_convert.vegalite_to_svg(
            plain, format_locale=locale, time_format_locale=locale, allowed_base_urls=[]
        )
    return svg


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _within_bmp(value: Any) -> Any:
    """``value`` with every character outside the Basic Multilingual Plane as U+FFFD."""
    if isinstance(value, str):
        return _ASTRAL.sub("\ufffd", value)
    if isinstance(value, dict):
        return {k: _within_bmp(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_within_bmp(v) for v in value]
    return value


def prepare(spec: Spec, lang: str) -> tuple[Spec, tuple[str, ...]]:
    """What is drawn of ``spec`` and what is not (``hide_texts``), its texts set in
    ``lang``'s typography."""
    return hide_texts(typeset(spec, lang))


def to_svg(spec: Spec, lang: str) -> str:
    """Render ``spec`` to an SVG string, its texts set in ``lang``'s typography, numbers
    and dates in its locale; no data is fetched from anywhere."""
    shape, texts = prepare(spec, lang)
    return reveal(draw(shape, lang), texts)


# --- drawing many charts ------------------------------------------------------------------

Waiter = Callable[[], list[str]]
"""Waits for the drawings handed to a drawer: Vega's SVG of each shape (see ``draw``)."""


class SerialDrawer:
    """Draws the charts in this process, when their SVG is asked for."""

    def draw(self, shapes: Sequence[Spec], lang: str) -> Waiter:
        return lambda: [draw(shape, lang) for shape in shapes]

    def close(self) -> None:
        """Nothing to release."""


class WorkerDrawer:
    """Draws the charts in a worker process (``python -m
    aiportfolio.report.site.chart_worker``), started when the first charts are handed to
    it (``start=True``: at once): Vega's start-up (about 0.5 to 1 s) and the drawing run
    while this process writes the other pages. When every chart is already known (see
    ``pages.SiteCache``) no worker starts. If the worker cannot start or fails, the
    charts are drawn here instead: same SVG, only slower."""

    def __init__(self, *, start: bool = False) -> None:
        import subprocess

        self._proc: subprocess.Popen[bytes] | None = None
        self._started = False
        if start:
            self._start()

    def _start(self) -> None:
        import subprocess
        import sys

        self._started = True
        try:
            self._proc = subprocess.Popen(
                [sys.executable, "-m", "aiportfolio.report.site.chart_worker"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
            )
        except OSError:
            self._proc = None

    def draw(self, shapes: Sequence[Spec], lang: str) -> Waiter:
        import json

        serial = SerialDrawer().draw(shapes, lang)
        if not shapes:  # every chart was known: the worker is not needed
            self.close(kill=True)
            return serial
        if not self._started:
            self._start()
        proc = self._proc
        if proc is None or proc.stdin is None or proc.stdout is None:
            return serial
        try:
            proc.stdin.write(json.dumps({"lang": lang, "shapes": list(shapes)}).encode("utf-8"))
            proc.stdin.close()
        except OSError:
            self.close()
            return serial
        stdout = proc.stdout

        def wait() -> list[str]:
            try:
                svgs = json.loads(stdout.read().decode("utf-8"))
            except (OSError, ValueError):
                svgs = None
            finally:
                self.close()
            if not isinstance(svgs, list) or len(svgs) != len(shapes):
                return serial()
            return [str(svg) for svg in svgs]

        return wait

    def close(self, *, kill: bool = False) -> None:
        proc, self._proc = self._proc, None
        self._started = True  # a closed drawer starts no worker
        if proc is None:
            return
        if kill:
            proc.kill()
        for stream in (proc.stdin, proc.stdout):
            if stream is not None and not stream.closed:
                stream.close()
        try:
            proc.wait(timeout=5)
        except Exception:
            proc.kill()
            proc.wait()


def warm_up() -> None:
    """Start Vega (the first chart of a process pays its start-up)."""
    draw({"$schema": SCHEMA, "data": {"values": []}, "mark": "point"}, "en")
