"""Every command names its output formats the same way, from one list per command."""

from __future__ import annotations

import pytest

from aiportfolio.cli.diff import DiffFormat
from aiportfolio.cli.scoring import ScoreFormat, TableFormat
from aiportfolio.cli.steer import SteerFormat
from aiportfolio.report import balance, diff, matrix, score, table
from aiportfolio.report import dashboard as steer_dashboard
from aiportfolio.report import doctor as steer_doctor
from aiportfolio.report import tco as steer_tco


@pytest.mark.parametrize(
    ("choices", "reporters"),
    [
        (ScoreFormat, score.REPORTERS),
        (ScoreFormat, matrix.MATRIX_REPORTERS),
        (ScoreFormat, balance.REPORTERS),
        (TableFormat, table.REPORTERS),
        (SteerFormat, steer_tco.REPORTERS),
        (SteerFormat, steer_dashboard.REPORTERS),
        (SteerFormat, steer_doctor.REPORTERS),
        (DiffFormat, diff.REPORTERS),
    ],
)
def test_format_option_offers_exactly_the_reporters(choices: object, reporters: dict) -> None:
    assert [c.value for c in choices] == list(reporters)  # type: ignore[attr-defined]


def test_names_are_table_md_json_csv_only() -> None:
    names = {c.value for e in (ScoreFormat, TableFormat, SteerFormat, DiffFormat) for c in e}  # type: ignore[attr-defined]
    assert names == {"table", "md", "json", "csv"}
