"""Benchmark the message catalog (issue 14): what the first message of a command costs.

Usage:  python benchmarks/bench_i18n.py [--repeat 20] [--against PATH/TO/OTHER/src]

Each run is a fresh interpreter that imports ``aiportfolio.i18n`` and formats one message
(the start-up cost every command pays once), measured in CPU time (user + system: steadier
than wall time on a shared machine). ``--against`` runs the same code from another source
tree (for example a checkout of an older revision) interleaved with this one.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"
CODE = (
    "import time\n"
    "t = time.process_time()\n"
    "from aiportfolio.i18n import tr\n"
    "tr('plan.title', {lang!r})\n"
    "first = time.process_time() - t\n"
    "print(first)\n"
)


def first_message(src: Path, lang: str) -> float:
    """CPU seconds of importing the catalog and formatting one message in ``lang``."""
    out = subprocess.run(
        [sys.executable, "-c", CODE.format(lang=lang)],
        env={**os.environ, "PYTHONPATH": str(src)},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return float(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--against", type=Path, default=None)
    args = parser.parse_args()
    trees = {"this tree": SRC}
    if args.against is not None:
        trees["--against"] = args.against.resolve()
    for lang in ("en", "fr", "de"):
        times: dict[str, list[float]] = {name: [] for name in trees}
        for _ in range(args.repeat):
            for name, src in trees.items():
                with contextlib.suppress(subprocess.CalledProcessError):  # no such language
                    times[name].append(first_message(src, lang))
        for name, values in times.items():
            if values:
                print(
                    f"{lang} {name:10s} import + first message: CPU median "
                    f"{statistics.median(values) * 1000:5.1f} ms, min {min(values) * 1000:5.1f} ms"
                )


if __name__ == "__main__":
    main()
