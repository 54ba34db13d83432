"""aip import on hostile files: limits on rows, columns, characters, line length and
unzipped size, applied while the file is streamed; peak memory measured on real files."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import aiportfolio.tabular.read as reader
from aiptest import REPO_ROOT, run, usecase, write_register

sys.path.insert(0, str(REPO_ROOT / "benchmarks"))

from common import PEAK_FILE_ENV, aip_command

HEADER = "title,status,category\n"


def _peak_mb(root: Path, *args: str) -> tuple[int, int, str]:
    """Run ``aip -r ROOT import ARGS`` in a fresh process: (exit code, peak MB, stderr).
    The peak is the child's own (``benchmarks/common.py``: ``ru_maxrss`` of a child would
    carry pytest's resident size over exec)."""
    peak_file = root.parent / "peak-kb.txt"
    proc = subprocess.run(
        aip_command("-r", str(root), "import", *args),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "NO_COLOR": "1", PEAK_FILE_ENV: str(peak_file)},
        check=False,
    )
    return proc.returncode, int(peak_file.read_text()) // 1024, proc.stderr.decode("utf-8")


SHEET_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)
SHEET_TAIL = "</sheetData></worksheet>"
SHEET = "xl/worksheets/sheet1.xml"


def _package(path: Path) -> dict[str, bytes]:
    """The parts of an empty workbook saved by openpyxl, but its worksheet."""
    from openpyxl import Workbook

    Workbook().save(path)
    with zipfile.ZipFile(path) as archive:
        return {n: archive.read(n) for n in archive.namelist() if n != SHEET}


def _cell(column: str, row: int, text: str) -> str:
    return f'<c r="{column}{row}" t="inlineStr"><is><t>{text}</t></is></c>'


def _row(number: int, texts: list[str]) -> str:
    cells = "".join(_cell("ABC"[i], number, text) for i, text in enumerate(texts))
    return f'<row r="{number}">{cells}</row>'


def _xlsx(path: Path, rows: int, padding: int = 0) -> Path:
    """A minimal XLSX written by hand, streamed into the zip: ``rows`` data rows, then
    ``padding`` bytes of blank (compressible) space before the end of the sheet."""
    parts = _package(path)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
        with archive.open(SHEET, "w", force_zip64=True) as sheet:
            sheet.write(SHEET_HEAD.encode())
            sheet.write(_row(1, ["title", "status", "category"]).encode())
            batch: list[str] = []
            for number in range(2, rows + 2):
                batch.append(_row(number, [f"Cas {number}", "idea", "quick_win"]))
                if len(batch) == 10_000:
                    sheet.write("".join(batch).encode())
                    batch = []
            sheet.write("".join(batch).encode())
            chunk = b" " * 1_000_000
            for _ in range(padding // len(chunk)):
                sheet.write(chunk)
            sheet.write(SHEET_TAIL.encode())
    return path


def test_streamed_xlsx_is_read(tmp_path: Path) -> None:
    root = write_register(tmp_path / "reg")
    result = run(root, "import", str(_xlsx(tmp_path / "ok.xlsx", 3)), "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert "3 rows read: 3 to create" in result.stderr


def test_xlsx_zip_bomb_is_refused_before_parsing_with_little_memory(tmp_path: Path) -> None:
    """300 MB of XML in a file of a few hundred kilobytes."""
    root = write_register(tmp_path / "reg", [usecase()])
    bomb = _xlsx(tmp_path / "bomb.xlsx", 2, padding=300_000_000)
    assert bomb.stat().st_size < 2_000_000
    code, peak, stderr = _peak_mb(root, str(bomb), "--dry-run")
    assert code == 2, stderr
    assert "xl/worksheets/sheet1.xml expands to 300 MB" in stderr
    assert "Traceback" not in stderr
    assert peak < 300


def test_million_row_csv_stops_at_the_row_limit_with_little_memory(tmp_path: Path) -> None:
    root = write_register(tmp_path / "reg", [usecase()])
    path = tmp_path / "million.csv"
    with path.open("w", encoding="utf-8") as handle:
        handle.write(HEADER)
        for start in range(0, 1_000_000, 100_000):
            handle.write(
                "".join(f"Cas {i},idea,quick_win\n" for i in range(start, start + 100_000))
            )
    code, peak, stderr = _peak_mb(root, str(path), "--dry-run")
    assert code == 2, stderr
    assert "more than 100000 rows" in stderr
    assert peak < 300


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_row_limit_applies_while_reading(
    tmp_path: Path, suffix: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reader, "MAX_SHEET_ROWS", 50)
    root = write_register(tmp_path / "reg")
    path = tmp_path / f"rows.{suffix}"
    if suffix == "csv":
        path.write_text(HEADER + "".join(f"Cas {i},idea,quick_win\n" for i in range(60)), "utf-8")
    else:
        _xlsx(path, 60)
    result = run(root, "import", str(path), "--dry-run")
    assert result.exit_code == 2
    assert "more than 50 rows" in result.stderr
    path49 = tmp_path / f"ok.{suffix}"
    if suffix == "csv":
        path49.write_text(HEADER + "".join(f"Cas {i},idea,quick_win\n" for i in range(49)), "utf-8")
    else:
        _xlsx(path49, 49)
    assert run(root, "import", str(path49), "--dry-run").exit_code == 0


def test_character_and_line_limits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = write_register(tmp_path / "reg")
    path = tmp_path / "text.csv"
    path.write_text(HEADER + "".join(f"{'x' * 90},idea,quick_win\n" for _ in range(20)), "utf-8")
    monkeypatch.setattr(reader, "MAX_TEXT", 2_000_000)
    notes = "title,status,category,remarques\n"
    path.write_text(notes + "".join(f"Cas {i},idea,quick_win,{'é' * 50_000}\n" for i in range(30)))
    assert run(root, "import", str(path), "--dry-run").exit_code == 0
    # One character beyond Latin-1 doubles the memory of a text: the limit says so.
    path.write_text(notes + "".join(f"Cas {i},idea,quick_win,{'’' * 50_000}\n" for i in range(30)))
    result = run(root, "import", str(path), "--dry-run")
    assert result.exit_code == 2
    assert "more than 2 MB of cell text by row 21" in result.stderr
    monkeypatch.setattr(reader, "MAX_TEXT", 10**9)
    monkeypatch.setattr(reader, "MAX_LINE", 50)
    path.write_text(HEADER + "".join(f"{'x' * 90},idea,quick_win\n" for _ in range(20)))
    result = run(root, "import", str(path), "--dry-run")
    assert result.exit_code == 2
    assert "line 2 is longer than 50 characters" in result.stderr


def test_too_many_columns_in_a_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader, "MAX_SHEET_COLUMNS", 5)
    root = write_register(tmp_path / "reg")
    path = tmp_path / "wide.csv"
    path.write_text(HEADER + "Cas,idea,quick_win,,,,,,,,,\nCas 2,idea,quick_win,a,b,c,d\n", "utf-8")
    result = run(root, "import", str(path), "--dry-run")
    assert result.exit_code == 2  # blank trailing cells do not count; row 3 has 7 columns
    assert "row 3 has 7 columns" in result.stderr


def test_an_xlsx_that_is_not_a_zip_is_unreadable(tmp_path: Path) -> None:
    root = write_register(tmp_path / "reg")
    path = tmp_path / "fake.xlsx"
    path.write_text("title\nTri\n", "utf-8")
    result = run(root, "import", str(path), "--dry-run")
    assert result.exit_code == 2
    assert "cannot read" in result.stderr
