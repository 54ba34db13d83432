"""The chart worker of ``aip report`` (see ``charts.WorkerDrawer``): starts Vega at once,
then reads ``{"lang": ..., "shapes": [...]}`` as JSON on standard input (specifications
ready to draw, see ``charts.prepare``) and writes the list of Vega's SVG strings as JSON
on standard output."""

from __future__ import annotations

import json
import sys

from aiportfolio.report.site.charts import draw, warm_up


def main() -> None:
    warm_up()
    job = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    svgs = [draw(shape, job["lang"]) for shape in job["shapes"]]
    sys.stdout.buffer.write(json.dumps(svgs).encode("utf-8"))


if __name__ == "__main__":
    main()
