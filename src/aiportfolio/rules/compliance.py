"""risk-review-required: a use case with high risk, red data or AI Act ``high`` tier has its
security and legal review dates before it reaches ``pilot`` (METHOD.md §5: reviews triggered
by the risk level). ai-act-prohibited: an AI Act ``prohibited`` practice is always an error.
risk-unassessed: from ``scoping`` on, risk level and data classification are set."""

from __future__ import annotations

from collections.abc import Iterator

from aiportfolio.model.lifecycle import ACTIVE, FROM_SCOPING, MEASURED
from aiportfolio.model.usecase import UseCase
from aiportfolio.problem import Severity
from aiportfolio.rules.base import Finding, Rule, RuleContext


def check_reviews(uc: UseCase, ctx: RuleContext) -> Iterator[Finding]:
    if not uc.needs_risk_review:
        return
    for review in ("security_review", "legal_review"):
        if getattr(uc.risk, review) is None:
            yield Finding(
                uc,
                ("risk",),
                ctx.t(f"rule.review.{review}", status=uc.status),
                ctx.t("rule.review.hint"),
            )


def check_prohibited(uc: UseCase, ctx: RuleContext) -> Iterator[Finding]:
    if uc.risk.ai_act_tier == "prohibited":
        yield Finding(
            uc,
            ("risk", "ai_act_tier"),
            ctx.t("rule.prohibited.found"),
            ctx.t("rule.prohibited.hint"),
        )


def check_assessed(uc: UseCase, ctx: RuleContext) -> Iterator[Finding]:
    if uc.risk.level is None:
        yield Finding(uc, ("risk",), ctx.t("rule.unassessed.level"), ctx.t("rule.unassessed.hint"))
    if uc.data.classification is None:
        yield Finding(uc, ("data",), ctx.t("rule.unassessed.data"), ctx.t("rule.unassessed.hint"))


RULES = (
    Rule(
        "risk-review-required",
        Severity.ERROR,
        "rule.review.summary",
        per_usecase=check_reviews,
        statuses=MEASURED,
    ),
    Rule(
        "ai-act-prohibited",
        Severity.ERROR,
        "rule.prohibited.summary",
        per_usecase=check_prohibited,
        statuses=ACTIVE,
    ),
    Rule(
        "risk-unassessed",
        Severity.WARNING,
        "rule.unassessed.summary",
        per_usecase=check_assessed,
        statuses=FROM_SCOPING,
    ),
)
