"""``aip diff`` engine: what a change does to the portfolio, in real ``git init`` repositories.

Each test commits a BASE on ``main``, changes the working tree (or commits a HEAD), and
reads the comparison the engine returns.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from aiportfolio.analysis.diff import DiffResult, compare_revisions, field_changes, flatten
from aiportfolio.i18n import Translator
from aiportfolio.model.usecase import UseCase
from aiptest import REPO_ROOT, dump_yaml, usecase, write_register
from gitrepo import git

TODAY = dt.date(2026, 11, 26)


class Repo:
    """A register in a fresh git repository."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str) -> str:
        return git(self.root, *args)

    def write(self, *usecases: dict[str, Any], **kwargs: Any) -> Repo:
        write_register(self.root, list(usecases), **kwargs)
        return self

    def remove(self, rel: str) -> Repo:
        (self.root / rel).unlink()
        return self

    def rename(self, old: str, new: str) -> Repo:
        (self.root / old).rename(self.root / new)
        return self

    def commit(self, message: str = "change") -> str:
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message)
        return self.git("rev-parse", "HEAD")

    def diff(
        self, base: str | None = "main", head: str | None = None, lang: str = "en"
    ) -> DiffResult:
        return compare_revisions(self.root, base, head, lang, TODAY)


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    return Repo(tmp_path)


def scores(value: int, feasibility: int = 4) -> dict[str, int]:
    return {
        "business_value": value,
        "time_to_impact": feasibility,
        "data_integration": feasibility,
        "risk_compliance": 3,
        "adoption_ownership": 4,
    }


def test_nothing_changed(repo: Repo) -> None:
    repo.write(usecase()).commit()
    result = repo.diff()
    assert not result.register_changed
    assert not result.portfolio_changed
    assert result.new_problems == result.fixed_problems == ()
    assert not result.failed


def test_additions_are_listed_with_title_owner_score_and_rank(repo: Repo) -> None:
    repo.write(usecase()).commit()
    repo.write(usecase(id="UC-002", title="Extraction des factures", scores=scores(5)))
    result = repo.diff()
    [added] = result.added
    assert (added.id, added.title, added.owner) == (
        "UC-002",
        "Extraction des factures",
        "Claire Martin",
    )
    assert added.path == "usecases/UC-002-case.yaml"
    assert added.rank == 1
    assert [e.id for e in result.top_before] == ["UC-001"]
    assert [e.id for e in result.top_after] == ["UC-002", "UC-001"]
    assert (result.usecases_before, result.usecases_after) == (1, 2)


def test_removals(repo: Repo) -> None:
    repo.write(usecase(), usecase(id="UC-002", title="Deux")).commit()
    repo.remove("usecases/UC-002-case.yaml")
    result = repo.diff()
    [removed] = result.removed
    assert (removed.entry.id, removed.entry.title, removed.file_still_there) == (
        "UC-002",
        "Deux",
        False,
    )
    assert result.added == result.changed == ()


def test_a_file_made_invalid_is_a_removal_flagged_as_still_there_and_a_new_error(
    repo: Repo,
) -> None:
    repo.write(usecase(), usecase(id="UC-002")).commit()
    repo.write(files={"usecases/UC-002-case.yaml": "id: UC-002\ntitle: [broken\n"})
    result = repo.diff()
    [removed] = result.removed
    assert removed.file_still_there
    assert [p.rule for p in result.new_problems] == ["yaml-syntax"]
    assert result.failed


def test_renames_keep_the_id_and_are_not_new_problems(repo: Repo) -> None:
    repo.write(usecase(owner=None)).commit()  # owner-required fires on both sides
    repo.rename("usecases/UC-001-case.yaml", "usecases/UC-001-tri-des-reclamations.yaml")
    result = repo.diff()
    [renamed] = result.renamed
    assert (renamed.old_path, renamed.new_path, renamed.edited) == (
        "usecases/UC-001-case.yaml",
        "usecases/UC-001-tri-des-reclamations.yaml",
        False,
    )
    assert result.added == result.removed == result.changed == ()
    assert result.new_problems == result.fixed_problems == ()


def test_rename_and_edit_is_a_rename_and_a_change(repo: Repo) -> None:
    repo.write(usecase()).commit()
    repo.remove("usecases/UC-001-case.yaml")
    repo.write(
        files={
            "usecases/UC-001-tri.yaml": dump_yaml(
                usecase(title="Tri automatique", scores=scores(5))
            )
        }
    )
    result = repo.diff()
    [renamed] = result.renamed
    assert renamed.edited
    [change] = result.changed
    assert change.before.path == "usecases/UC-001-case.yaml"
    assert change.after.path == "usecases/UC-001-tri.yaml"
    assert {f.field for f in change.fields} == {"title", "scores.business_value"}


def test_score_changes_give_total_value_feasibility_and_rank_deltas(repo: Repo) -> None:
    repo.write(usecase(scores=scores(3)), usecase(id="UC-002", scores=scores(4))).commit()
    repo.write(usecase(scores=scores(5, feasibility=5)))
    [change] = repo.diff().changed
    assert change.id == "UC-001"
    assert change.total_delta == pytest.approx(2 * 0.30 + 0.20 + 0.20)
    assert change.value[1] is not None and change.value[0] is not None
    assert change.value[1] > change.value[0]
    assert change.feasibility[1] is not None and change.feasibility[0] is not None
    assert change.feasibility[1] > change.feasibility[0]
    assert (change.before.rank, change.after.rank) == (2, 1)


def test_moves_escalations_owner_kpi_and_decisions(repo: Repo) -> None:
    base = usecase(
        kpis=[
            {"name": "Délai", "level": "impact", "baseline": 48, "target": 8, "north_star": True},
            {"name": "Adoption", "level": "adoption", "baseline": 0, "target": 80},
        ]
    )
    repo.write(base).commit()
    head = usecase(
        category="foundation",
        status="pilot",
        plan={"wave": 2, "effort_weeks": 6},
        risk={"level": "high", "ai_act_tier": "high", "personal_data": True},
        data={"sources": ["CRM"], "classification": "red"},
        owner=None,
        kpis=[base["kpis"][0]],
        decisions=[{"date": "2026-11-20", "decision": "go", "by": "Comité IA"}],
    )
    repo.write(head)
    [change] = repo.diff().changed
    assert [(m.what, m.old, m.new) for m in change.moves] == [
        ("category", "quick_win", "foundation"),
        ("status", "scoping", "pilot"),
        ("wave", 1, 2),
    ]
    assert [(e.field, e.old, e.new) for e in change.escalations] == [
        ("risk.level", "medium", "high"),
        ("data.classification", "orange", "red"),
        ("risk.ai_act_tier", "minimal", "high"),
        ("risk.personal_data", False, True),
    ]
    assert change.owner_removed
    assert change.kpis_removed == ("Adoption",)
    assert [(d.decision, d.by) for d in change.decisions_added] == [("go", "Comité IA")]


@pytest.mark.parametrize(
    ("old", "new", "escalated"),
    [
        ("unassessed", "minimal", False),
        ("unassessed", "limited", True),
        ("limited", "minimal", False),
        ("high", "prohibited", True),
        ("high", "limited", False),
    ],
)
def test_ai_act_tier_escalation(repo: Repo, old: str, new: str, escalated: bool) -> None:
    repo.write(usecase(risk={"level": "medium", "ai_act_tier": old})).commit()
    repo.write(usecase(risk={"level": "medium", "ai_act_tier": new}))
    [change] = repo.diff().changed
    assert bool(change.escalations) is escalated


def test_balance_shift_by_count_and_budget(repo: Repo) -> None:
    quick = [usecase(id=f"UC-00{i}") for i in range(1, 4)]
    repo.write(*quick, usecase(id="UC-004", category="foundation")).commit()
    repo.write(
        usecase(id="UC-005", category="differentiator"), usecase(id="UC-006", category="compliance")
    )
    result = repo.diff()
    before = {g.group: g for g in result.balance_before.groups}
    after = {g.group: g for g in result.balance_after.groups}
    assert before["differentiation_compliance"].count == 0
    assert after["differentiation_compliance"].count == 2
    assert after["quick_wins"].count_share == pytest.approx(50)
    assert after["differentiation_compliance"].budget_share == pytest.approx(100 * 2 / 6)
    assert result.tco_after == pytest.approx(result.tco_before * 6 / 4)


def test_per_wave_budget_and_capacity(repo: Repo) -> None:
    portfolio = (
        "waves:\n"
        "  - id: 1\n    name: Pilotes\n"
        "    capacity: {max_parallel_pilots: 2, person_weeks: 10, budget_eur: 30000}\n"
    )
    repo.write(usecase(), portfolio=portfolio).commit()
    repo.write(usecase(id="UC-002"))
    [wave] = repo.diff().waves
    assert (wave.wave, wave.name) == (1, "Pilotes")
    assert (wave.before.count, wave.after.count) == (1, 2)
    assert (wave.before.budget, wave.after.budget) == (20000, 40000)
    assert (wave.before.effort, wave.after.effort) == (6, 12)
    assert (wave.budget_capacity, wave.effort_capacity) == (30000, 10)
    assert not wave.over_before and wave.over_after


def test_diff_roadmap_and_quarterly_agenda_weigh_a_wave_alike(repo: Repo) -> None:
    """One computation (``analysis/wave_demand.py``) gives a wave's count, effort, one-off
    budget and pilots to ``aip diff``, ``aip roadmap`` and the quarterly agenda: a stopped
    entry weighs nothing, an entry without an estimate adds no effort, an industrialising
    one takes no pilot slot."""
    from aiportfolio.analysis.agenda import quarterly_agenda
    from aiportfolio.analysis.roadmap import build_roadmap
    from aiportfolio.register.loader import load_register

    portfolio = "waves:\n  - {id: 1, name: Pilotes, weeks: 12}\n"
    repo.write(
        usecase(status="pilot", decisions=[{"date": "2026-09-01", "decision": "go", "by": "C"}]),
        usecase(id="UC-002", plan={"wave": 1}),
        usecase(id="UC-003", status="industrialising", plan={"wave": 1, "effort_weeks": 2.5}),
        usecase(id="UC-004", status="stopped"),
        portfolio=portfolio,
    ).commit()
    [delta] = repo.diff().waves
    register = load_register(repo.root)
    [road] = build_roadmap(register.usecases, register.config, TODAY).waves
    [agenda] = [
        w
        for w in quarterly_agenda(register.usecases, register.grid, register.config, TODAY).waves
        if w.wave == 1
    ]
    load = delta.after
    assert (load.count, load.budget, load.effort) == (3, 60000, 8.5)
    assert (len(road.usecases), road.budget, road.effort, road.pilots) == (3, 60000, 8.5, 2)
    assert (agenda.count, agenda.one_off, agenda.effort_weeks, agenda.pilots) == (3, 60000, 8.5, 2)


def test_a_new_violation_fails_and_a_fixed_one_is_reported(repo: Repo) -> None:
    repo.write(usecase(), usecase(id="UC-002", owner=None)).commit()
    repo.write(usecase(owner=None), usecase(id="UC-002"))
    result = repo.diff()
    assert [(p.path, p.rule) for p in result.new_problems] == [
        ("usecases/UC-001-case.yaml", "owner-required")
    ]
    assert [(p.path, p.rule) for p in result.fixed_problems] == [
        ("usecases/UC-002-case.yaml", "owner-required")
    ]
    assert result.new_problems[0].line > 0
    assert result.failed


def test_only_fixing_problems_passes(repo: Repo) -> None:
    repo.write(usecase(owner=None)).commit()
    repo.write(usecase())
    result = repo.diff()
    assert len(result.fixed_problems) == 1
    assert not result.failed


def test_moving_lines_does_not_make_problems_new(repo: Repo) -> None:
    repo.write(usecase(owner=None)).commit()
    path = repo.root / "usecases" / "UC-001-case.yaml"
    path.write_text("# a comment\n# and another\n" + path.read_text())
    result = repo.diff()
    assert result.new_problems == result.fixed_problems == ()


def test_a_deleted_config_file_means_the_defaults_and_a_note(repo: Repo) -> None:
    portfolio = (
        "balance:\n  tolerance: 5\n  groups:\n"
        "    - {id: all_quick, categories: [quick_win], target: 50}\n"
        "    - {id: rest, categories: [foundation, differentiator, compliance], target: 50}\n"
    )
    repo.write(usecase(), portfolio=portfolio).commit()
    repo.remove("config/portfolio.yaml")
    result = repo.diff()
    assert [(n.key, dict(n.params)) for n in result.notes] == [
        ("diff.note.config_deleted", {"path": "config/portfolio.yaml"})
    ]
    assert [g.group for g in result.balance_before.groups] == ["all_quick", "rest"]
    assert [g.group for g in result.balance_after.groups] == [
        "quick_wins",
        "foundations",
        "differentiation_compliance",
    ]


def test_a_deleted_weights_file_uses_the_built_in_grid(repo: Repo) -> None:
    weights = (REPO_ROOT / "config" / "weights.yaml").read_text()
    repo.write(usecase(), weights=weights.replace("weight: 30", "weight: 31", 1)).commit()
    repo.remove("config/weights.yaml")
    result = repo.diff()
    assert ("diff.note.config_deleted", {"path": "config/weights.yaml"}) in [
        (n.key, dict(n.params)) for n in result.notes
    ]


def test_first_pull_request_where_the_base_had_no_register(repo: Repo) -> None:
    (repo.root / "README.md").write_text("empty repository\n")
    repo.commit("initial")
    repo.write(usecase(), usecase(id="UC-002", owner=None))
    result = repo.diff()
    assert not result.base_existed
    assert [n.key for n in result.notes] == ["diff.note.first"]
    assert [e.id for e in result.added] == ["UC-001", "UC-002"]
    assert result.balance_before.total_count == 0
    assert [p.rule for p in result.new_problems] == ["owner-required"]
    assert result.failed


def test_invalid_head_configuration_is_a_new_error_not_a_crash(repo: Repo) -> None:
    repo.write(usecase()).commit()
    repo.write(portfolio="balanse: {}\n")
    result = repo.diff()
    assert [(p.path, p.rule) for p in result.new_problems] == [
        ("config/portfolio.yaml", "unknown-key")
    ]
    assert "diff.note.config_invalid_head" in [n.key for n in result.notes]
    assert result.failed


def test_head_can_be_a_revision_and_its_problems_are_located_in_that_revision(
    repo: Repo,
) -> None:
    base = repo.write(usecase()).commit()
    repo.write(usecase(owner=None))
    head = repo.commit()
    path = repo.root / "usecases" / "UC-001-case.yaml"
    path.write_text("\n" * 30 + path.read_text())  # the working tree differs: not read
    result = repo.diff(base, head)
    assert result.head_label.startswith(head[:10])
    [problem] = result.new_problems
    assert problem.rule == "owner-required"
    assert problem.line == 5  # where `owner:` would go, before `process:`


def test_problems_are_in_the_requested_language(repo: Repo) -> None:
    repo.write(usecase()).commit()
    repo.write(usecase(owner=None))
    result = repo.diff(lang="fr")
    assert result.lang == "fr"

    assert "owner" in result.new_problems[0].text(Translator(result.lang)).lower()


# --- pure helpers ------------------------------------------------------------------------


def test_flatten_keeps_lists_of_plain_values_whole() -> None:
    data = {"a": {"b": 1}, "tags": ["x", "y"], "kpis": [{"name": "k", "target": 2}]}
    assert dict(flatten(data)) == {
        "a.b": 1,
        "tags": ["x", "y"],
        "kpis[0].name": "k",
        "kpis[0].target": 2,
    }


def test_field_changes_list_added_changed_and_removed_fields() -> None:
    old = UseCase.model_validate(usecase(next_step="Mesurer"))
    new = UseCase.model_validate(usecase(next_step=None, title="Autre", problem="Nouveau"))
    changes = {(c.field, c.old, c.new) for c in field_changes(old, new)}
    assert changes == {
        ("title", "Tri des réclamations clients", "Autre"),
        ("problem", "Tri manuel lent", "Nouveau"),
        ("next_step", "Mesurer", None),
    }


def test_duplicated_ids_compare_the_first_file_and_a_new_duplicate_is_new(repo: Repo) -> None:
    copy = {"usecases/UC-001-copie.yaml": dump_yaml(usecase(title="Copie"))}
    repo.write(usecase(), files=copy).commit()
    assert repo.diff().new_problems == ()
    repo.write(files={"usecases/UC-001-encore.yaml": dump_yaml(usecase(title="Encore"))})
    result = repo.diff()
    assert result.changed == result.added == ()
    assert [p.rule for p in result.new_problems] == ["id-unique"]
    assert result.new_problems[0].path == "usecases/UC-001-encore.yaml"


def test_an_invalid_base_configuration_is_noted_and_fixing_it_passes(repo: Repo) -> None:
    repo.write(usecase(), portfolio="balanse: {}\n").commit()
    repo.write(portfolio="language: en\n")
    result = repo.diff()
    assert "diff.note.config_invalid_base" in [n.key for n in result.notes]
    assert [p.rule for p in result.fixed_problems] == ["unknown-key"]
    assert not result.failed
