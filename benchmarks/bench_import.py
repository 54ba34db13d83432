"""Benchmark ``aip import`` / ``aip export`` (issue 5): rows per second.

Usage:  python benchmarks/bench_import.py [--rows 3000] [--repeat 1]

A register of N generated use cases (benchmarks/generate.py) is exported to CSV and XLSX
(every field, JSON cells for KPIs, costs, decisions), then imported into an empty register:
``--dry-run`` (read, convert, validate every row, look for duplicates) and a real import
(plus writing N files, one fsync each). Each figure is a fresh ``aip`` process, start-up
included.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import aip_command, run_timed
from generate import generate_register

REPO = Path(__file__).resolve().parent.parent


def empty_register(root: Path) -> Path:
    (root / "usecases").mkdir(parents=True)
    (root / "config").mkdir()
    shutil.copy(REPO / "config" / "weights.yaml", root / "config" / "weights.yaml")
    return root


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=3000)
    args = parser.parse_args()
    n = args.rows
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        source = generate_register(base / "source", n, seed=5)
        print(f"{n} use cases")
        for fmt in ("csv", "xlsx"):
            table = base / f"all.{fmt}"
            seconds, code, _ = run_timed(
                aip_command("-r", str(source), "export", "-f", fmt, "--out", str(table))
            )
            assert code == 0, f"export {fmt} failed"
            print(f"export {fmt:4}: {seconds:6.2f} s  {n / seconds:8.0f} rows/s")
            for label, extra in (("import --dry-run", ["--dry-run"]), ("import", [])):
                target = empty_register(base / f"target-{fmt}-{len(extra)}")
                seconds, code, peak = run_timed(
                    aip_command("-r", str(target), "import", str(table), *extra)
                )
                assert code == 0, f"{label} {fmt} failed ({code})"
                print(
                    f"{label:16} {fmt:4}: {seconds:6.2f} s  {n / seconds:8.0f} rows/s"
                    f"  peak {peak} MB"
                )


if __name__ == "__main__":
    main()
