"""stop-decision-required: a ``stopped`` use case records the ``stop`` decision that ended
it, with its date (``decisions:``). An archived entry needs no owner or KPI any more (those
rules apply to active entries); what it needs is the trace of why and when it was stopped.

FAIL: ``status: stopped`` with no ``decision: stop`` in ``decisions``.
PASS: ``decisions: [{date: 2026-09-10, decision: stop, by: Comité portefeuille IA}]``.
"""

from __future__ import annotations

from collections.abc import Iterator

from aiportfolio.model.usecase import UseCase
from aiportfolio.problem import Severity
from aiportfolio.rules.base import Finding, Rule, RuleContext


def check_stop_decision(uc: UseCase, ctx: RuleContext) -> Iterator[Finding]:
    if not any(d.decision == "stop" for d in uc.decisions):
        yield Finding(
            uc,
            ("decisions",),
            ctx.t("rule.stop_decision.missing", id=uc.id),
            ctx.t("rule.stop_decision.hint", id=uc.id),
        )


RULES = (
    Rule(
        "stop-decision-required",
        Severity.ERROR,
        "rule.stop_decision.summary",
        per_usecase=check_stop_decision,
        statuses=("stopped",),
    ),
)
