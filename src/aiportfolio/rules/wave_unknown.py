"""wave-unknown (warning; every status): ``plan.wave`` is one of the waves of
``config/portfolio.yaml`` (checked only when waves are configured).

PASS::

    plan: {wave: 1}
    ---
    # config/portfolio.yaml
    waves:
      - {id: 0, name: Foundations, weeks: 4}
      - {id: 1, name: First pilots, weeks: 12}

FAIL::

    plan: {wave: 3}
    ---
    # config/portfolio.yaml
    waves: [{id: 0, name: Foundations, weeks: 4}]
"""

from __future__ import annotations

from collections.abc import Iterator

from aiportfolio.message import Message
from aiportfolio.model.usecase import UseCase
from aiportfolio.problem import Severity
from aiportfolio.rules.base import Finding, Rule, RuleContext


def check(uc: UseCase, ctx: RuleContext) -> Iterator[Finding]:
    waves = ctx.register.config.waves
    if uc.plan.wave is None or not waves:
        return
    if ctx.register.config.wave(uc.plan.wave) is None:
        yield Finding(
            uc,
            ("plan", "wave"),
            Message("rule.wave.unknown", {"wave": uc.plan.wave}),
            Message("rule.wave.hint", {"waves": ", ".join(str(w.id) for w in waves)}),
        )


RULE = Rule("wave-unknown", Severity.WARNING, "rule.wave.summary", per_usecase=check)
