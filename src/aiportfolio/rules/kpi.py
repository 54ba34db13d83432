"""kpi-required: at least one KPI on an active use case. kpi-baseline-required: from
``scoping`` to ``operated``, every KPI has a baseline (METHOD.md §7: "every KPI has a
baseline"). kpi-north-star: at most one KPI is flagged ``north_star``."""

from __future__ import annotations

from collections.abc import Iterator

from aiportfolio.model.lifecycle import ACTIVE, FROM_SCOPING
from aiportfolio.model.usecase import UseCase
from aiportfolio.problem import Severity
from aiportfolio.rules.base import Finding, Rule, RuleContext


def check_kpi(uc: UseCase, ctx: RuleContext) -> Iterator[Finding]:
    if not uc.kpis:
        yield Finding(uc, ("kpis",), ctx.t("rule.kpi.missing", id=uc.id), ctx.t("rule.kpi.hint"))


def check_baseline(uc: UseCase, ctx: RuleContext) -> Iterator[Finding]:
    for i, kpi in enumerate(uc.kpis):
        if kpi.baseline is None:
            yield Finding(
                uc,
                ("kpis", i, "name"),
                ctx.t("rule.baseline.missing", kpi=kpi.name, status=uc.status),
                ctx.t("rule.baseline.hint"),
            )


def check_north_star(uc: UseCase, ctx: RuleContext) -> Iterator[Finding]:
    flagged = [i for i, k in enumerate(uc.kpis) if k.north_star]
    for i in flagged[1:]:
        yield Finding(
            uc,
            ("kpis", i, "north_star"),
            ctx.t("rule.north_star.many"),
            ctx.t("rule.north_star.hint"),
        )


RULES = (
    Rule(
        "kpi-required", Severity.ERROR, "rule.kpi.summary", per_usecase=check_kpi, statuses=ACTIVE
    ),
    Rule(
        "kpi-baseline-required",
        Severity.ERROR,
        "rule.baseline.summary",
        per_usecase=check_baseline,
        statuses=FROM_SCOPING,
    ),
    Rule(
        "kpi-north-star", Severity.WARNING, "rule.north_star.summary", per_usecase=check_north_star
    ),
)
