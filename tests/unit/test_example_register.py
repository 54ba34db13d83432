"""The bundled example register (Forgeval Industries, ``usecases/``) is a specification too:
it passes ``aip check --strict``, every file is in canonical round-trip style, and together
the entries cover every value a reader of the format needs to see."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from pathlib import Path
from typing import Any, get_args

import pytest
from pydantic import BaseModel

from aiportfolio.analysis.balance import compute_balance
from aiportfolio.analysis.tco import tco
from aiportfolio.domain.scoring import score_use_case
from aiportfolio.model.common import (
    CATEGORIES,
    COST_FAMILIES,
    STATUSES,
    AiActTier,
    DataClass,
    DecisionKind,
    KpiLevel,
    RiskLevel,
)
from aiportfolio.model.grid import Grid
from aiportfolio.model.portfolio import PortfolioConfig
from aiportfolio.model.usecase import UseCase
from aiportfolio.register.loader import Register, load_register
from aiportfolio.register.roundtrip import dump_roundtrip, load_roundtrip
from aiportfolio.rules.registry import LOADER_RULES, RULES
from aiptest import REPO_ROOT, run, usecase, write_register

FILES = sorted((REPO_ROOT / "usecases").glob("*.yaml"))
MODELINE = "# yaml-language-server: $schema=../schema/usecase.schema.json\n"
TODAY = dt.date(2026, 11, 26)
"""The date the register was written for (history before, next decisions after)."""
NEXT_DECISIONS = (dt.date(2026, 12, 1), dt.date(2027, 6, 30))


@pytest.fixture(scope="module")
def register() -> Register:
    return load_register(REPO_ROOT)


def _id(path: Path) -> str:
    return path.name


def _entry(register: Register, path: Path) -> UseCase:
    by_path = dict(zip(register.usecase_paths, register.usecases, strict=True))
    return by_path[path]


# --- the CI gate ---------------------------------------------------------------------------


@pytest.mark.parametrize("date", ["2026-11-26", "2026-12-01", "2026-12-09"])
def test_check_strict_passes(date: str) -> None:
    result = run(REPO_ROOT, "check", "--strict", "--date", date)
    assert result.exit_code == 0, result.stdout + result.stderr


def test_check_reports_the_first_overdue_decision_once_its_date_passes() -> None:
    """Guards the test above: the gate does look at the example's decision dates."""
    result = run(REPO_ROOT, "check", "--strict", "--date", "2026-12-11", "--format", "text")
    assert result.exit_code == 1
    assert "decision-date-past" in result.stdout


def test_loads_without_problems(register: Register) -> None:
    assert register.problems == []
    assert len(register.usecases) == len(FILES) == 16


# --- file format ---------------------------------------------------------------------------


@pytest.mark.parametrize("path", FILES, ids=_id)
def test_file_round_trips_byte_for_byte(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert dump_roundtrip(load_roundtrip(text)) == text


def test_fmt_would_change_nothing() -> None:
    result = run(REPO_ROOT, "fmt", "--check")
    assert result.exit_code == 0, result.stdout + result.stderr


@pytest.mark.parametrize("path", FILES, ids=_id)
def test_file_starts_with_the_schema_modeline(path: Path) -> None:
    assert path.read_text(encoding="utf-8").startswith(MODELINE)


@pytest.mark.parametrize("path", FILES, ids=_id)
def test_file_uses_no_anchor_or_alias(path: Path) -> None:
    for line in path.read_text(encoding="utf-8").splitlines():
        value = line.split(":", 1)[-1].strip()
        assert not value.startswith(("&", "*")), line


def _key_order_problems(data: Any, model: type[BaseModel], where: str) -> list[str]:
    """Keys of ``data`` not in the order of ``model``'s fields, recursively."""
    if not isinstance(data, dict):
        return []
    fields = list(model.model_fields)
    keys = [k for k in data if k in fields]
    problems = []
    if keys != sorted(keys, key=fields.index):
        problems.append(f"{where}: {keys}")
    for key in keys:
        annotation = model.model_fields[key].annotation
        sub = _model_of(annotation)
        if sub is None:
            continue
        values = data[key] if isinstance(data[key], list) else [data[key]]
        for i, item in enumerate(values):
            problems += _key_order_problems(item, sub, f"{where}.{key}[{i}]")
    return problems


def _model_of(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _model_of(arg)
        if found is not None:
            return found
    return None


@pytest.mark.parametrize("path", FILES, ids=_id)
def test_keys_follow_the_model_field_order(path: Path) -> None:
    data = load_roundtrip(path.read_text(encoding="utf-8"))
    assert _key_order_problems(data, UseCase, data["id"]) == []


# --- coverage of the format ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("category", set(CATEGORIES)),
        ("status", set(STATUSES)),
        ("risk level", set(get_args(RiskLevel))),
        ("data classification", set(get_args(DataClass))),
        ("AI Act tier", set(get_args(AiActTier))),
    ],
)
def test_every_value_is_used(register: Register, field: str, expected: set[str]) -> None:
    getters = {
        "category": lambda uc: uc.category,
        "status": lambda uc: uc.status,
        "risk level": lambda uc: uc.risk.level,
        "data classification": lambda uc: uc.data.classification,
        "AI Act tier": lambda uc: uc.risk.ai_act_tier,
    }
    assert {getters[field](uc) for uc in register.usecases} >= expected


@pytest.mark.parametrize(
    ("tier", "allowed_statuses"),
    [("prohibited", {"stopped"}), ("unassessed", {"idea"})],
)
def test_tier_only_where_it_makes_sense(
    register: Register, tier: str, allowed_statuses: set[str]
) -> None:
    statuses = {uc.status for uc in register.usecases if uc.risk.ai_act_tier == tier}
    assert statuses and statuses <= allowed_statuses


def test_active_portfolio_is_balanced_by_count(register: Register) -> None:
    balance = compute_balance(register.usecases, register.config.balance)
    for group in balance.groups:
        assert abs(group.count_share - group.target) <= balance.tolerance, group


def test_ratings_are_used_and_one_entry_shows_a_disagreement(register: Register) -> None:
    rated = [uc for uc in register.usecases if len(uc.ratings) >= 2]
    assert len(rated) >= 2
    scoring = register.config.scoring
    disagreements = [score_use_case(uc, register.grid, scoring).disagreements for uc in rated]
    assert any(disagreements) and not all(disagreements)


def test_estimates_replace_a_hand_picked_time_to_impact(register: Register) -> None:
    measured = [
        score_use_case(uc, register.grid, register.config.scoring).criteria
        for uc in register.usecases
        if uc.estimates
    ]
    sources = [{c.criterion: c.source for c in criteria}["time_to_impact"] for criteria in measured]
    assert len(sources) >= 2 and set(sources) == {"measure"}


def test_a_sexy_but_impossible_entry_ranks_below_the_floor(register: Register) -> None:
    results = [score_use_case(uc, register.grid, register.config.scoring) for uc in register.active]
    sexy = [
        r
        for r in results
        if r.below_floor
        and {c.criterion: c.score for c in r.criteria}["business_value"] == 5
        and (r.value or 0) > (r.feasibility or 0) + 1
    ]
    assert sexy, "expected an active entry with high value and feasibility under the floor"
    assert all(r.complete for r in results)


def test_a_compliance_entry_measures_a_risk_reduced(register: Register) -> None:
    assert any(
        kpi.risk_reduction
        for uc in register.usecases
        if uc.category == "compliance"
        for kpi in uc.kpis
    )


@pytest.mark.parametrize("path", FILES, ids=_id)
def test_entry_is_a_complete_card(path: Path, register: Register) -> None:
    uc = _entry(register, path)
    assert uc.owner is not None and uc.owner.email and uc.owner.email.endswith("@forgeval.fr")
    assert uc.process is not None and uc.process.volume
    assert uc.value is not None and uc.value.unit and uc.value.annual_gain_eur
    assert {k.level for k in uc.kpis} == set(get_args(KpiLevel))
    assert sum(k.north_star for k in uc.kpis) == 1
    assert uc.costs.horizon_months in (6, 12)
    assert uc.costs.one_off and uc.costs.monthly
    assert set(tco(uc).by_family) == set(COST_FAMILIES)
    assert uc.next_step


@pytest.mark.parametrize("path", FILES, ids=_id)
def test_history_is_past_and_next_decision_is_ahead(path: Path, register: Register) -> None:
    uc = _entry(register, path)
    history = [d.date for d in uc.decisions]
    history += [m.date for k in uc.kpis for m in k.measurements]
    history += [d for d in (uc.risk.security_review, uc.risk.legal_review) if d]
    assert all(d <= TODAY for d in history)
    if uc.active:
        assert uc.decision_date is not None
        assert NEXT_DECISIONS[0] <= uc.decision_date <= NEXT_DECISIONS[1]


def test_entries_in_pilot_or_later_are_measured_and_decided(register: Register) -> None:
    for uc in register.usecases:
        if uc.status in ("pilot", "industrialising", "operated"):
            assert all(len(k.measurements) >= 2 for k in uc.kpis), uc.id
            assert uc.decisions, uc.id


def test_measurements_show_both_directions(register: Register) -> None:
    measured = [k for uc in register.usecases for k in uc.kpis if k.measurements]
    assert {k.lower_is_better for k in measured} == {True, False}


# --- plan ----------------------------------------------------------------------------------


def test_waves_hold_their_capacity(register: Register) -> None:
    used: dict[int, list[UseCase]] = defaultdict(list)
    for uc in register.active:
        if uc.plan.wave is not None:
            used[uc.plan.wave].append(uc)
    assert set(used) == {w.id for w in register.config.waves}
    for wave_id, entries in used.items():
        wave = register.config.wave(wave_id)
        assert wave is not None
        capacity = wave.capacity
        assert sum(uc.plan.effort_weeks or 0 for uc in entries) <= (capacity.person_weeks or 0)
        assert sum(tco(uc).one_off for uc in entries) <= (capacity.budget_eur or 0)
        pilots = [uc for uc in entries if uc.status == "pilot"]
        assert len(pilots) <= capacity.max_parallel_pilots


def test_dependencies_point_to_earlier_waves_or_run(register: Register) -> None:
    by_id = {uc.id: uc for uc in register.usecases}
    edges = [(uc, by_id[d]) for uc in register.usecases for d in uc.plan.depends_on]
    assert len(edges) >= 5
    for uc, target in edges:
        if target.status == "operated" or uc.plan.wave is None:
            continue
        assert target.plan.wave is not None and target.plan.wave < uc.plan.wave, (uc.id, target.id)


def test_reviews_done_before_pilot_where_risk_requires(register: Register) -> None:
    reviewed = [uc for uc in register.usecases if uc.needs_risk_review]
    assert reviewed
    for uc in reviewed:
        if uc.status in ("pilot", "industrialising", "operated"):
            assert uc.risk.security_review and uc.risk.legal_review, uc.id
    assert any(
        uc.risk.ai_act_tier == "high" and uc.risk.security_review and uc.risk.legal_review
        for uc in reviewed
    )


# --- docs/register-format.md documents the format ------------------------------------------

DOC = REPO_ROOT / "docs" / "register-format.md"


def _field_names(model: type[BaseModel], seen: set[type[BaseModel]] | None = None) -> set[str]:
    seen = seen if seen is not None else set()
    if model in seen:
        return set()
    seen.add(model)
    names = set(model.model_fields)
    for field in model.model_fields.values():
        sub = _model_of(field.annotation)
        if sub is not None:
            names |= _field_names(sub, seen)
    return names


@pytest.mark.parametrize("model", [UseCase, Grid, PortfolioConfig], ids=lambda m: m.__name__)
def test_doc_names_every_field(model: type[BaseModel]) -> None:
    text = DOC.read_text(encoding="utf-8")
    quoted = re.findall(r"`([^`\n]+)`", text)
    missing = [
        name
        for name in sorted(_field_names(model))
        if not any(re.search(rf"(^|[^a-z_]){name}($|[^a-z_])", q) for q in quoted)
    ]
    assert missing == []


@pytest.mark.parametrize(
    ("rule_id", "severity"),
    [(rid, rule.severity.value) for rid, rule in RULES.items()]
    + [(rid, None) for rid in (*LOADER_RULES, "policy")],
)
def test_doc_lists_every_problem_id_with_its_default_severity(
    rule_id: str, severity: str | None
) -> None:
    text = DOC.read_text(encoding="utf-8")
    row = f"| `{rule_id}` | {severity} |" if severity else f"| `{rule_id}` |"
    assert row in text


@pytest.mark.parametrize(
    "value",
    [
        *STATUSES,
        *CATEGORIES,
        *COST_FAMILIES,
        *get_args(RiskLevel),
        *get_args(DataClass),
        *get_args(AiActTier),
        *get_args(KpiLevel),
        *get_args(DecisionKind),
    ],
)
def test_doc_names_every_allowed_value(value: str) -> None:
    assert f"`{value}`" in DOC.read_text(encoding="utf-8")


def _annotated_example() -> str:
    section = DOC.read_text(encoding="utf-8").split("## 7.", 1)[1]
    return section.split("```yaml\n", 1)[1].split("```", 1)[0]


def test_doc_example_uses_every_use_case_key_and_passes_check(tmp_path: Path) -> None:
    text = _annotated_example()
    data = load_roundtrip(text)
    assert _field_names(UseCase) <= _all_keys(data)
    assert dump_roundtrip(data) == text
    gateway = usecase(id="UC-001", title="Passerelle IA", decision_date="2027-01-07")
    root = write_register(
        tmp_path,
        [gateway],
        files={
            "usecases/UC-007-tri-des-reclamations.yaml": text,
            "config/portfolio.yaml": (REPO_ROOT / "config" / "portfolio.yaml").read_text("utf-8"),
        },
    )
    result = run(root, "check", "--strict")
    assert result.exit_code == 0, result.stdout + result.stderr


def _all_keys(data: Any) -> set[str]:
    if isinstance(data, dict):
        keys = {str(k) for k in data}
        for value in data.values():
            keys |= _all_keys(value)
        return keys
    if isinstance(data, list):
        return {k for item in data for k in _all_keys(item)}
    return set()
