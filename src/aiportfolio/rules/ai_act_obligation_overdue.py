"""ai-act-obligation-overdue (error; statuses ``pilot`` to ``operated``): an EU AI Act
obligation that applies to the use case (by role, tier and classification) and whose
application date, or its own ``due`` date, has passed is ``done`` or ``not_applicable``;
the message names the articles (docs/compliance.md).

PASS::

    status: pilot
    risk: {level: medium, ai_act_tier: minimal}
    ai_act:
      obligations:
        - {id: ai-literacy, status: done, evidence: [{ref: "https://intranet.example/ai"}]}

FAIL::

    status: pilot
    risk: {level: medium, ai_act_tier: minimal}
    ai_act:
      obligations: [{id: ai-literacy, status: in_progress}]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from aiportfolio.domain.ai_act import catalog_for, obligations_of
from aiportfolio.message import Localized, Message
from aiportfolio.model.lifecycle import MEASURED
from aiportfolio.model.usecase import UseCase
from aiportfolio.problem import Severity
from aiportfolio.rules.base import Finding, Rule, RuleContext


def _index(uc: UseCase, obligation_id: str) -> int:
    return next(i for i, o in enumerate(uc.ai_act.obligations) if o.id == obligation_id)


def check(uc: UseCase, ctx: RuleContext) -> Iterator[Finding]:
    catalog = catalog_for(ctx.register.config, ctx.register.root)
    for a in obligations_of(uc, catalog):
        if a.closed or a.deadline > ctx.today:
            continue
        loc: tuple[str | int, ...] = (
            ("ai_act", "obligations", _index(uc, a.obligation.id)) if a.entry else ("risk",)
        )
        key = "ai_act.rule.overdue.due" if a.deadline != a.applies_on else "ai_act.rule.overdue"
        title = a.obligation.title
        yield Finding(
            uc,
            loc,
            Message(
                key,
                {
                    "articles": a.articles,
                    "id": a.obligation.id,
                    "title": Localized(title.en, title.fr, getattr(title, "de", "")),
                    "date": a.deadline.isoformat(),
                    "state": Message(f"ai_act.state.{a.status}"),
                    "status": Message(f"label.status.{uc.status}"),
                },
            ),
            Message("ai_act.rule.overdue.hint", {"id": a.obligation.id}),
        )


def until(uc: UseCase, ctx: RuleContext) -> dt.date | None:
    """An open obligation becomes overdue on its deadline; the finding of one already
    overdue names its date, never the number of days, so stays the same."""
    catalog = catalog_for(ctx.register.config, ctx.register.root)
    upcoming = [
        a.deadline for a in obligations_of(uc, catalog) if not a.closed and a.deadline > ctx.today
    ]
    return min(upcoming, default=None)


RULE = Rule(
    "ai-act-obligation-overdue",
    Severity.ERROR,
    "ai_act.rule.overdue.summary",
    per_usecase=check,
    until=until,
    statuses=MEASURED,
)
