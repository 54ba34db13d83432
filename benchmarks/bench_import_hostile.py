"""Peak memory and time of ``aip import --dry-run`` on hostile and oversized files
(issue 11, point 6: any import stays under 300 MB whatever the file).

Usage:  python benchmarks/bench_import_hostile.py

Each file is generated in a temporary folder, then imported in a fresh process; the
script prints its size, the exit code (2: refused with a message), the wall time and the
peak resident size:

- an XLSX zip bomb: a 1-2 MB file whose worksheet expands to 750 MB of XML;
- an XLSX whose shared-strings part expands to 100 MB;
- an XLSX with 1,000,000 real rows (streamed, refused at the row limit);
- a CSV with 1,000,000 rows;
- a CSV whose second line is 50 million characters long (no line break);
- two of the largest CSV files accepted (imported in full, dry run): 7,000 rows of
  3,100 plain characters, and 3,500 rows of 3,100 characters with a typographic
  apostrophe (twice the memory a character).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import aip_command, run_timed

REPO = Path(__file__).resolve().parent.parent
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
TYPES = "application/vnd.openxmlformats-officedocument.spreadsheetml"


def _package(archive: zipfile.ZipFile, shared: bool) -> None:
    overrides = (
        f'<Override PartName="/xl/workbook.xml" ContentType="{TYPES}.sheet.main+xml"/>'
        f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{TYPES}.worksheet+xml"/>'
    )
    if shared:
        overrides += (
            f'<Override PartName="/xl/sharedStrings.xml" ContentType="{TYPES}.sharedStrings+xml"/>'
        )
    archive.writestr(
        "[Content_Types].xml",
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>' + overrides + "</Types>",
    )
    archive.writestr(
        "_rels/.rels",
        f'<Relationships xmlns="{RELS}"><Relationship Id="rId1" '
        f'Type="{DOC}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    )
    archive.writestr(
        "xl/workbook.xml",
        f'<workbook xmlns="{MAIN}" xmlns:r="{DOC}"><sheets>'
        '<sheet name="POCs" sheetId="1" r:id="rId1"/></sheets></workbook>',
    )
    shared_rel = (
        f'<Relationship Id="rId2" Type="{DOC}/sharedStrings" Target="sharedStrings.xml"/>'
        if shared
        else ""
    )
    archive.writestr(
        "xl/_rels/workbook.xml.rels",
        f'<Relationships xmlns="{RELS}"><Relationship Id="rId1" Type="{DOC}/worksheet" '
        f'Target="worksheets/sheet1.xml"/>{shared_rel}</Relationships>',
    )


def _row(number: int, texts: list[str]) -> str:
    cells = "".join(
        f'<c r="{col}{number}" t="inlineStr"><is><t>{text}</t></is></c>'
        for col, text in zip("ABC", texts, strict=False)
    )
    return f'<row r="{number}">{cells}</row>'


def xlsx(path: Path, rows: int, sheet_padding: int = 0, shared_padding: int = 0) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        _package(archive, shared_padding > 0)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(f'<worksheet xmlns="{MAIN}"><sheetData>'.encode())
            sheet.write(_row(1, ["title", "status", "category"]).encode())
            for start in range(2, rows + 2, 10_000):
                batch = range(start, min(start + 10_000, rows + 2))
                sheet.write(
                    "".join(_row(n, [f"Cas {n}", "idea", "quick_win"]) for n in batch).encode()
                )
            _pad(sheet, sheet_padding)
            sheet.write(b"</sheetData></worksheet>")
        if shared_padding:
            with archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as strings:
                strings.write(f'<sst xmlns="{MAIN}"><si><t>'.encode())
                _pad(strings, shared_padding)
                strings.write(b"</t></si></sst>")


def _pad(handle: object, size: int) -> None:
    chunk = b" " * 1_000_000
    for _ in range(size // len(chunk)):
        handle.write(chunk)  # type: ignore[attr-defined]


def csv_rows(path: Path, rows: int, cell: str = "") -> None:
    with path.open("w", encoding="utf-8") as handle:
        handle.write("title,category,problem\n")
        for start in range(0, rows, 100_000):
            count = min(100_000, rows - start)
            handle.write(
                "".join(f"Cas {i},quick_win,{cell}\n" for i in range(start, start + count))
            )


def csv_long_line(path: Path) -> None:
    with path.open("w", encoding="utf-8") as handle:
        handle.write("title,category\n")
        for _ in range(50):
            handle.write("x" * 1_000_000)
        handle.write(",quick_win\n")


def empty_register(root: Path) -> Path:
    (root / "usecases").mkdir(parents=True)
    (root / "config").mkdir()
    shutil.copy(REPO / "config" / "weights.yaml", root / "config" / "weights.yaml")
    return root


CASES: list[tuple[str, str, Callable[[Path], None]]] = [
    ("XLSX zip bomb (750 MB sheet)", "xlsx", lambda p: xlsx(p, 2, sheet_padding=750_000_000)),
    ("XLSX shared strings 100 MB", "xlsx", lambda p: xlsx(p, 2, shared_padding=100_000_000)),
    ("XLSX 1,000,000 rows", "xlsx", lambda p: xlsx(p, 1_000_000)),
    ("CSV 1,000,000 rows", "csv", lambda p: csv_rows(p, 1_000_000)),
    ("CSV one 50 MB line", "csv", csv_long_line),
    ("CSV 7,000 rows x 3,100 chars", "csv", lambda p: csv_rows(p, 7_000, "texte " * 516)),
    ("CSV 3,500 rows x 3,100 chars ’", "csv", lambda p: csv_rows(p, 3_500, "l’été " * 516)),
]


def main() -> None:
    print(f"{'file':32} {'size MB':>8} {'exit':>5} {'wall s':>7} {'peak MB':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        root = empty_register(base / "register")
        for label, suffix, make in CASES:
            path = base / f"input.{suffix}"
            make(path)
            size = path.stat().st_size / 1e6
            seconds, code, peak = run_timed(
                aip_command("-r", str(root), "import", str(path), "--dry-run"),
                {"NO_COLOR": "1"},
            )
            print(f"{label:32} {size:8.1f} {code:5d} {seconds:7.2f} {peak:8d}")
            path.unlink()


if __name__ == "__main__":
    main()
