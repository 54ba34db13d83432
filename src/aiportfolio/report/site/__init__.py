"""``aip report``: the static HTML site (pages) and its charts (Vega-Lite, vl-convert)."""
