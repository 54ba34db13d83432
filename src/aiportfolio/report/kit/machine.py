"""The machine formats shared by every reporter: JSON text, rounded numbers, CSV text."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from aiportfolio.tabular.csvsafe import safe_row


def rounded(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(value, digits)


def csv_text(header: list[str], rows: Iterable[list[Any]]) -> str:
    """CSV with a header; text cells a spreadsheet would run as formulas get a leading '."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(safe_row("" if v is None else v for v in row))
    return buffer.getvalue()


def dumps(payload: Any) -> str:
    """Indented JSON, non-ASCII kept as written, ending with a newline."""
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
