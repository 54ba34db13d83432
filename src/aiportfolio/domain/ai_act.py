"""EU AI Act obligations of each use case: the catalog in force (shipped data, re-dated and
extended by the register), which obligations apply to a use case, their status, coverage
and deadlines. Pure computations: nothing here prints or writes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiportfolio.domain.evidence import evidence_path_problem as evidence_path_problem
from aiportfolio.domain.memo import per_run
from aiportfolio.errors import ConfigError
from aiportfolio.message import Message
from aiportfolio.model.ai_act import (
    AiAct,
    ApplicationDate,
    Catalog,
    Obligation,
    ObligationStatus,
)
from aiportfolio.model.common import Bilingual
from aiportfolio.model.lifecycle import MEASURED
from aiportfolio.model.portfolio import PortfolioConfig
from aiportfolio.model.usecase import UseCase
from aiportfolio.problem import Problem, Severity

CATALOG_FILE = Path(__file__).resolve().parent.parent / "data" / "ai_act.yaml"
DEFAULT_ROLE = "deployer"
"""A use case without a role: the organisation uses a system someone else provides."""
CLOSED = ("done", "not_applicable")
ENFORCED_FROM = MEASURED
"""Statuses from which an obligation past its application date must be closed (the default
statuses of the ``ai-act-obligation-overdue`` rule)."""


CATALOG_STORE = "catalog.pickle"
_SHIPPED: list[Catalog] = []


def shipped_catalog(root: Path | None = None) -> Catalog:
    """The catalog shipped with aip (package data), read once per process. Given a register
    ``root``, its parsed YAML is kept in the register's ``.aip-cache/`` (reading the 30 kB
    file takes longer than re-checking one use case; the store is keyed by aip's own files,
    the catalog among them, and signed: ``register/disk_cache.py``)."""
    if not _SHIPPED:
        _SHIPPED.append(Catalog.model_validate(_catalog_data(root)))
    return _SHIPPED[0]


def _catalog_data(root: Path | None) -> Any:
    from aiportfolio.register import disk_cache
    from aiportfolio.register.yamlio import parse_text

    context = disk_cache.code_fingerprint()
    if root is not None:
        kept = disk_cache.load(root, CATALOG_STORE, context)
        if isinstance(kept, dict):
            return kept
    data, issue = parse_text(CATALOG_FILE.read_text(encoding="utf-8"))
    if issue is not None:  # pragma: no cover - the shipped file is tested
        raise RuntimeError(f"{CATALOG_FILE}: {issue}")
    if root is not None:
        disk_cache.save(root, CATALOG_STORE, context, data)
    return data


@dataclass(frozen=True)
class ObligationCatalog:
    """The catalog in force for a register: shipped obligations plus the register's own, with
    the register's application dates where it gives some."""

    obligations: tuple[Obligation, ...]
    dates: dict[str, ApplicationDate]
    effort_weeks: float
    reference: Catalog
    own: frozenset[str] = frozenset()
    """Ids of the obligations the register added."""

    def get(self, obligation_id: str) -> Obligation | None:
        for obligation in self.obligations:
            if obligation.id == obligation_id:
                return obligation
        return None


_BY_CONFIG: dict[int, tuple[PortfolioConfig, ObligationCatalog]] = {}


def catalog_for(config: PortfolioConfig, root: Path | None = None) -> ObligationCatalog:
    """The catalog in force under ``config``. An added obligation reusing a shipped id is a
    ``ConfigError`` (exit 2), located in ``root``'s portfolio file when ``root`` is given."""
    cached = _BY_CONFIG.get(id(config))
    if cached is not None and cached[0] is config:
        return cached[1]
    shipped = shipped_catalog(root)
    own = config.ai_act
    known = {o.id for o in shipped.obligations}
    clashes = [(i, o.id) for i, o in enumerate(own.obligations) if o.id in known]
    if clashes:
        problems = [
            Problem(
                "config/portfolio.yaml",
                0,
                0,
                "schema",
                Severity.ERROR,
                Message("ai_act.config.clash", {"id": oid}),
                Message("ai_act.config.clash.hint"),
                ("ai_act", "obligations", index, "id"),
            )
            for index, oid in clashes
        ]
        if root is not None:
            from aiportfolio.register.loader import PORTFOLIO_FILE, locate_problems
            from aiportfolio.register.yamlio import read_text

            text = read_text(root / PORTFOLIO_FILE)[0] or ""
            problems = locate_problems(problems, {"config/portfolio.yaml": text})
        raise ConfigError(Message("config.invalid", {"path": "config/portfolio.yaml"}), problems)
    dates: dict[str, ApplicationDate] = {k: v for k, v in shipped.dates.items()}
    dates.update({k: v for k, v in own.dates.items()})
    result = ObligationCatalog(
        obligations=(*shipped.obligations, *own.obligations),
        dates=dates,
        effort_weeks=own.effort_weeks if own.effort_weeks is not None else shipped.effort_weeks,
        reference=shipped,
        own=frozenset(o.id for o in own.obligations),
    )
    if len(_BY_CONFIG) > 8:
        _BY_CONFIG.clear()
    _BY_CONFIG[id(config)] = (config, result)
    return result


def role_of(usecase: UseCase) -> str:
    return usecase.ai_act.role or DEFAULT_ROLE


def applies(obligation: Obligation, tier: str, section: AiAct) -> bool:
    """Whether ``obligation`` applies to a use case of ``tier`` classified as ``section``."""
    if tier == "unassessed":
        return False
    if (section.role or DEFAULT_ROLE) not in obligation.roles:
        return False
    when = obligation.when
    if tier == "prohibited" and (when.tiers is None or "prohibited" not in when.tiers):
        return False  # a prohibited practice is stopped, not made compliant
    checks = (
        when.tiers is None or tier in when.tiers,
        when.transparency is None or bool(set(when.transparency) & set(section.transparency)),
        when.gpai is None or section.gpai in when.gpai,
        when.annex_iii is None or section.annex_iii in when.annex_iii,
        when.exception is None or when.exception == (section.exception is not None),
    )
    return all(checks)


@dataclass(frozen=True)
class Applicable:
    """One obligation that applies to one use case, with its status there."""

    obligation: Obligation
    applies_on: dt.date
    entry: ObligationStatus | None
    """What the use case records about it (``None``: nothing yet, i.e. to do)."""

    @property
    def status(self) -> str:
        return self.entry.status if self.entry else "todo"

    @property
    def closed(self) -> bool:
        return self.status in CLOSED

    @property
    def deadline(self) -> dt.date:
        """The use case's own due date when it set one, else the application date."""
        return self.entry.due if self.entry and self.entry.due else self.applies_on

    @property
    def articles(self) -> str:
        return ", ".join(self.obligation.articles)


def application_date(
    obligation: Obligation, usecase: UseCase, catalog: ObligationCatalog
) -> dt.date:
    key = obligation.applies_from
    if key != "high_risk":
        return catalog.dates[key].date
    # High-risk through Annex III, through Annex I, or both: the earliest date applies. A tier
    # set by hand without either is taken as Annex III (the usual case).
    section = usecase.ai_act
    keys = ["annex_i"] if section.annex_i else []
    if (section.annex_iii is not None and section.exception is None) or not keys:
        keys.append("annex_iii")
    return min(catalog.dates[k].date for k in keys)


def obligations_of(usecase: UseCase, catalog: ObligationCatalog) -> list[Applicable]:
    """The obligations that apply to ``usecase`` (by role, tier and classification)."""
    return list(_obligations_of(usecase, catalog))


@per_run
def _obligations_of(usecase: UseCase, catalog: ObligationCatalog) -> tuple[Applicable, ...]:
    tier = usecase.risk.ai_act_tier
    section = usecase.ai_act
    # What ``applies`` reads of the use case: entries classified alike share the list.
    key = (
        tier,
        section.role or DEFAULT_ROLE,
        frozenset(section.transparency),
        section.gpai,
        section.annex_iii,
        section.exception is not None,
    )
    table = _applying(catalog)
    found = table.get(key)
    if found is None:
        found = table[key] = tuple(o for o in catalog.obligations if applies(o, tier, section))
    return tuple(
        Applicable(o, application_date(o, usecase, catalog), section.status_of(o.id)) for o in found
    )


@per_run
def _applying(catalog: ObligationCatalog) -> dict[tuple[object, ...], tuple[Obligation, ...]]:
    """The obligations of ``catalog`` that apply to each classification (tier, role,
    transparency cases, GPAI kind, Annex III point, exception claimed), filled by
    ``_obligations_of`` as it meets them: one table for the run inside ``memo.one_run``
    (a thousand entries fall into a handful of classifications), a fresh one outside."""
    return {}


def obligation_ids(usecase: UseCase, catalog: ObligationCatalog) -> set[str]:
    return {a.obligation.id for a in obligations_of(usecase, catalog)}


# --- the compliance view --------------------------------------------------------------------


@dataclass(frozen=True)
class UseCaseCompliance:
    usecase_id: str
    title: str
    status: str
    tier: str
    role: str
    role_given: bool
    annex_iii: str | None
    obligations: list[Applicable]
    overdue: list[Applicable]
    """Past their application (or due) date and not closed."""

    @property
    def closed(self) -> int:
        return sum(1 for a in self.obligations if a.closed)

    @property
    def total(self) -> int:
        return len(self.obligations)

    @property
    def coverage(self) -> float | None:
        return self.closed / self.total if self.total else None


@dataclass(frozen=True)
class Deadline:
    usecase_id: str
    obligation_id: str
    articles: str
    title: Bilingual
    """The obligation's title in each language (reporters show the reader's)."""
    on: dt.date
    status: str
    owner: str | None


@dataclass(frozen=True)
class Gap:
    """Open obligations for one role × tier."""

    role: str
    tier: str
    usecases: int
    open: int
    total: int


@dataclass(frozen=True)
class ComplianceReport:
    today: dt.date
    horizon_days: int
    usecases: list[UseCaseCompliance]
    deadlines: list[Deadline]
    """Open obligations whose deadline falls within the horizon (or has passed), soonest first."""
    gaps: list[Gap]
    unassessed: list[str]
    """Active use cases whose tier is still ``unassessed``."""
    dates: dict[str, ApplicationDate] = field(default_factory=dict)

    @property
    def closed(self) -> int:
        return sum(u.closed for u in self.usecases)

    @property
    def total(self) -> int:
        return sum(u.total for u in self.usecases)

    @property
    def coverage(self) -> float | None:
        return self.closed / self.total if self.total else None

    @property
    def overdue(self) -> int:
        return sum(len(u.overdue) for u in self.usecases)


def compliance_report(
    usecases: Iterable[UseCase],
    catalog: ObligationCatalog,
    today: dt.date,
    horizon_days: int = 180,
) -> ComplianceReport:
    """Coverage per active use case and for the portfolio, deadlines within ``horizon_days``
    and open obligations by role × tier."""
    rows: list[UseCaseCompliance] = []
    deadlines: list[Deadline] = []
    unassessed: list[str] = []
    gaps: dict[tuple[str, str], list[int]] = {}
    limit = today + dt.timedelta(days=horizon_days)
    for uc in usecases:
        if not uc.active:
            continue
        tier = uc.risk.ai_act_tier
        if tier == "unassessed":
            unassessed.append(uc.id)
        found = obligations_of(uc, catalog)
        overdue = [
            a for a in found if not a.closed and a.deadline <= today and uc.status in ENFORCED_FROM
        ]
        rows.append(
            UseCaseCompliance(
                uc.id,
                uc.title,
                uc.status,
                tier,
                role_of(uc),
                uc.ai_act.role is not None,
                uc.ai_act.annex_iii,
                found,
                overdue,
            )
        )
        for a in found:
            if not a.closed and a.deadline <= limit:
                deadlines.append(
                    Deadline(
                        uc.id,
                        a.obligation.id,
                        a.articles,
                        a.obligation.title,
                        a.deadline,
                        a.status,
                        a.entry.owner if a.entry else None,
                    )
                )
        if found:
            counts = gaps.setdefault((role_of(uc), tier), [0, 0, 0])
            counts[0] += 1
            counts[1] += sum(1 for a in found if not a.closed)
            counts[2] += len(found)
    deadlines.sort(key=lambda d: (d.on, d.usecase_id, d.obligation_id))
    gap_rows = [
        Gap(role, tier, n, open_, total) for (role, tier), (n, open_, total) in sorted(gaps.items())
    ]
    return ComplianceReport(
        today, horizon_days, rows, deadlines, gap_rows, unassessed, catalog.dates
    )


def open_effort_weeks(
    usecase: UseCase, catalog: ObligationCatalog, applicable: Iterable[Applicable] | None = None
) -> float:
    """Person-weeks of compliance work still open on ``usecase`` (planner input);
    ``applicable``: its ``obligations_of``, when the caller has them already."""
    found = obligations_of(usecase, catalog) if applicable is None else applicable
    return sum(
        a.obligation.effort_weeks if a.obligation.effort_weeks is not None else catalog.effort_weeks
        for a in found
        if not a.closed
    )
