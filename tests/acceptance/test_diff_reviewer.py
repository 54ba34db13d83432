"""aip diff as a reviewer reads it: field names a person knows, one line per added
decision, a KPI moving away from its target flagged (real git repository)."""

from __future__ import annotations

from pathlib import Path

import pytest

from aiptest import VALID_USECASE, run, usecase, write_register
from gitrepo import commit_all, init


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    kpi = {**VALID_USECASE["kpis"][0], "measurements": [{"date": "2026-10-01", "value": 30}]}
    (tmp_path / "repo").mkdir()
    root = write_register(init(tmp_path / "repo"), [usecase(kpis=[kpi])])
    commit_all(root, "register")
    kpi["measurements"].append({"date": "2026-11-01", "value": 40})
    changed = usecase(
        kpis=[kpi],
        decisions=[{"date": "2026-11-20", "decision": "go", "by": "Comité", "note": "ok"}],
        costs={
            **VALID_USECASE["costs"],
            "one_off": [{"family": "integration", "amount_eur": 25000}],
        },
    )
    write_register(root, [changed])
    return root


def test_fields_are_named_as_a_reviewer_knows_them(repo: Path) -> None:
    result = run(repo, "--lang", "en", "diff", "main")
    text = result.stdout
    assert 'KPI "Délai de tri" › measurement of 2026-11-01 › value: — → 40' in text
    assert "one-off cost integration › amount (€): 20,000 → 25,000" in text
    assert "kpis[" not in text and "measurements[" not in text and "one_off[" not in text
    french = run(repo, "--lang", "fr", "diff", "main").stdout
    assert "KPI « Délai de tri » › mesure du 2026-11-01 › valeur" in french


def test_one_line_per_added_decision(repo: Path) -> None:
    text = run(repo, "--lang", "en", "diff", "main").stdout
    assert text.count("decision added: go on 2026-11-20 by Comité") == 1
    assert "decisions[" not in text and "decision 2026-11-20 go ›" not in text


def test_a_kpi_moving_away_from_its_target_is_flagged(repo: Path) -> None:
    text = run(repo, "--lang", "en", "diff", "main").stdout
    assert "KPI 'Délai de tri' moves away from its target: 30 → 40 (target 8)" in text
    md = run(repo, "--lang", "fr", "diff", "main", "--format", "md").stdout
    assert "s'éloigne de sa cible : 30 → 40 (cible 8)" in md


def test_a_kpi_getting_closer_is_not_flagged(tmp_path: Path) -> None:
    from aiportfolio.analysis.diff import kpis_moving_away
    from aiportfolio.model.usecase import UseCase

    def case(*values: float) -> UseCase:
        kpi = {
            **VALID_USECASE["kpis"][0],
            "measurements": [
                {"date": f"2026-0{i + 1}-01", "value": v} for i, v in enumerate(values)
            ],
        }
        return UseCase.model_validate(usecase(kpis=[kpi]))

    assert list(kpis_moving_away(case(30), case(30, 20))) == []
    assert [d.after for d in kpis_moving_away(case(30), case(30, 35))] == [35]
    assert list(kpis_moving_away(case(30), case(30))) == []
