"""What ``aip report`` shows: the results of the existing engines (score, matrix, balance,
roadmap, TCO, dashboard, doctor, committee agenda, AI Act compliance) gathered once for one date.

Nothing is computed here that another command does not already compute; this module only
calls the engines with the register's configuration and keeps their results together, so
the HTML reporter stays a pure function of one value.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from aiportfolio.analysis.agenda import CommitteeAgenda, committee_agenda
from aiportfolio.analysis.balance import BalanceReport, assess_balance
from aiportfolio.analysis.dashboard import DashboardResult, build_dashboard
from aiportfolio.analysis.doctor import DoctorResult, diagnose
from aiportfolio.analysis.gate import Gate, gate_of
from aiportfolio.analysis.matrix import Matrix, build_matrix
from aiportfolio.analysis.roadmap import Roadmap, build_roadmap
from aiportfolio.analysis.score import ScoreReport, build_score_report
from aiportfolio.analysis.tco import PortfolioTco, Tco, portfolio_tco
from aiportfolio.domain.ai_act import ComplianceReport, catalog_for, compliance_report
from aiportfolio.domain.scoring import RankedEntry, Why, why
from aiportfolio.model.common import CATEGORIES, STATUSES, id_sort_key
from aiportfolio.model.usecase import UseCase
from aiportfolio.register.git import GitAdded
from aiportfolio.register.loader import Register

PRIORITIES = 3
"""The method asks for three priorities that can be stated (docs/method.md §2)."""


@dataclass(frozen=True)
class Priority:
    """One of the first ranked entries, with why it ranks there."""

    entry: RankedEntry
    why: Why


@dataclass(frozen=True)
class ReportData:
    """Everything the report pages show, as of ``today``."""

    today: dt.date
    organisation: str | None
    usecases: tuple[UseCase, ...]
    """Every entry of the register (stopped ones too: their card keeps the history)."""
    score: ScoreReport
    priorities: tuple[Priority, ...]
    matrix: Matrix
    status_counts: tuple[tuple[str, int], ...]
    """Every status with its number of entries, in lifecycle order."""
    category_counts: tuple[tuple[str, int], ...]
    """Every category with its number of active entries."""
    balance: BalanceReport
    budget_covered: int
    """Active entries with a cost (the budget mix covers these only)."""
    roadmap: Roadmap | None
    """``None`` when ``config/portfolio.yaml`` declares no waves."""
    tco: PortfolioTco
    dashboard: DashboardResult
    doctor: DoctorResult
    committee: CommitteeAgenda
    gate: Gate
    """Each entry's gate verdict: failing entries are marked and are never priorities."""
    compliance: ComplianceReport
    """The AI Act obligations of the active entries, as ``aip compliance`` shows them."""

    @property
    def active(self) -> tuple[UseCase, ...]:
        return tuple(uc for uc in self.usecases if uc.active)

    def tco_of(self, usecase_id: str) -> Tco | None:
        return next((i for i in self.tco.items if i.usecase.id == usecase_id), None)


def build_report(register: Register, today: dt.date, gate: Gate | None = None) -> ReportData:
    """Run every engine the report shows on ``register`` as of ``today``.

    The three priorities are the best ranked entries above the feasibility floor that pass
    the gate. The committee part uses no git history (a report is a picture of the register, not of
    its changes): decisions due before the next committee, blocked entries, reviews due.

    The engines share each entry's score, TCO and AI Act obligations (``domain.memo``):
    computed once for the whole report instead of once per engine. ``gate``: the entries'
    gate verdicts as of ``today`` when already known (from ``aip check``'s cache), else
    they are computed here."""
    from aiportfolio.domain.memo import one_run

    with one_run():
        return _build_report(
            register, today, gate if gate is not None else gate_of(register, today)
        )


def _build_report(register: Register, today: dt.date, gate: Gate) -> ReportData:
    from aiportfolio.model.lifecycle import active, is_open

    config = register.config
    usecases = register.usecases
    score = build_score_report(usecases, register.grid, config.scoring, gate=gate)
    # Priorities: ranked, above the floor, still to deliver and passing the gate (as
    # `aip score --top`).
    ranked = [
        e
        for e in score.entries
        if e.rank is not None
        and not e.result.below_floor
        and is_open(e.result.usecase.status)
        and not e.gate_rules
    ]
    statuses: Counter[str] = Counter(uc.status for uc in usecases)
    categories: Counter[str] = Counter(uc.category for uc in active(usecases))
    tco = portfolio_tco(usecases, config.budget.min_cost_coverage)
    return ReportData(
        today=today,
        organisation=config.organisation,
        usecases=tuple(sorted(usecases, key=lambda uc: id_sort_key(uc.id))),
        score=score,
        priorities=tuple(Priority(e, why(e.result)) for e in ranked[:PRIORITIES]),
        matrix=build_matrix(score.entries, score.scoring.feasibility_floor),
        status_counts=tuple((s, statuses.get(s, 0)) for s in STATUSES),
        category_counts=tuple((c, categories.get(c, 0)) for c in CATEGORIES),
        balance=assess_balance(register, warnings=False),
        budget_covered=tco.overall.coverage.costed,
        roadmap=build_roadmap(usecases, config, today, gate=gate) if config.waves else None,
        tco=tco,
        dashboard=build_dashboard(usecases, today, config.rituals.monthly_days, gate),
        doctor=diagnose(usecases, register.grid, config, today, gate),
        committee=committee_agenda(usecases, config, today, GitAdded(), {}, gate),
        gate=gate,
        compliance=compliance_report(usecases, catalog_for(config, register.root), today),
    )
