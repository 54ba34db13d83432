"""The chart worker of ``aip report`` (see ``charts.WorkerDrawer``): starts Vega at once,
then reads ``{"lang": ..., "specs": [...]}`` as JSON on standard input and writes the list
of SVG strings as JSON on standard output."""

from __future__ import annotations

import json
import sys

from aiportfolio.report.site.charts import to_svg, warm_up


def main() -> None:
    warm_up()
    job = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    svgs = [to_svg(spec, job["lang"]) for spec in job["specs"]]
    sys.stdout.buffer.write(json.dumps(svgs).encode("utf-8"))


if __name__ == "__main__":
    main()
