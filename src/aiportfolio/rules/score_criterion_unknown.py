"""score-criterion-unknown (error; every status): every key of ``scores``,
``ratings[].scores`` and ``estimates`` is a criterion (or a measured input) of the grid
(``config/weights.yaml``); the hint suggests the closest one.

PASS::

    scores:
      business_value: 3
      time_to_impact: 4

FAIL::

    scores:
      business_value: 3
      time_to_value: 4
"""

from __future__ import annotations

from collections.abc import Iterator

from aiportfolio.message import Message
from aiportfolio.model.usecase import UseCase
from aiportfolio.problem import Severity
from aiportfolio.register.loader import suggest
from aiportfolio.rules.base import Finding, Rule, RuleContext


def check(uc: UseCase, ctx: RuleContext) -> Iterator[Finding]:
    grid = ctx.register.grid
    ids = grid.ids
    inputs = [c.measure.input for c in grid.criteria if c.measure is not None]
    keyed: list[tuple[tuple[str | int, ...], str, list[str]]] = [
        (("scores", k), k, ids) for k in uc.scores
    ]
    keyed += [(("estimates", k), k, inputs) for k in uc.estimates]
    for i, rating in enumerate(uc.ratings):
        keyed += [(("ratings", i, "scores", k), k, ids) for k in rating.scores]
    for loc, key, allowed in keyed:
        if key not in allowed:
            close = suggest(key, allowed)
            hint = (
                Message("schema.hint.did_you_mean", {"key": close})
                if close
                else Message("schema.hint.allowed", {"keys": ", ".join(allowed) or "-"})
            )
            yield Finding(uc, loc, Message("rule.criterion.unknown", {"key": key}), hint)


RULE = Rule("score-criterion-unknown", Severity.ERROR, "rule.criterion.summary", per_usecase=check)
