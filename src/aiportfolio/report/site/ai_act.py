"""The EU AI Act in the report (the analysis of ``aip compliance``): the portfolio's
coverage, gaps and next deadlines on the overview, each use case's obligations with their
status, due date and evidence on its card."""

from __future__ import annotations

from typing import Any

from aiportfolio.analysis.report import ReportData
from aiportfolio.domain.ai_act import Applicable, UseCaseCompliance
from aiportfolio.i18n import Translator
from aiportfolio.report.site.common import (
    LIST_LIMIT,
    Formats,
    Link,
    card_path,
    evidence_href,
    more,
)


def _tier(tier: str, t: Translator) -> str:
    return t(f"diff.tier.{tier}")


def _role(role: str, given: bool, t: Translator) -> str:
    label = t(f"ai_act.role.{role}")
    return label if given else label + "*"


def overview_ai_act(data: ReportData, t: Translator, f: Formats) -> dict[str, Any]:
    """Portfolio coverage, open obligations by role and tier, and the open obligations
    due soonest (overdue first) of the active entries."""
    c = data.compliance
    titles = {uc.id: uc.title for uc in data.usecases}
    due = c.deadlines[:LIST_LIMIT]
    unassessed = ", ".join(c.unassessed[:LIST_LIMIT])
    if len(c.unassessed) > LIST_LIMIT:
        unassessed += " " + t("report.more", count=len(c.unassessed) - LIST_LIMIT)
    return {
        "summary": t.n(
            "ai_act.report.coverage",
            c.total,
            closed=c.closed,
            total=c.total,
            coverage=f.pct(c.coverage),
            overdue=c.overdue,
        ),
        "overdue": c.overdue,
        "unassessed": t("ai_act.report.unassessed", ids=unassessed) if c.unassessed else None,
        "role_assumed": t("ai_act.report.role_assumed")
        if any(not u.role_given for u in c.usecases if u.total)
        else None,
        "gaps": [
            {
                "role": _role(g.role, True, t),
                "tier": _tier(g.tier, t),
                "usecases": g.usecases,
                "open": g.open,
                "total": g.total,
            }
            for g in c.gaps
        ],
        "deadlines_title": t.n("ai_act.report.deadlines", c.horizon_days, days=c.horizon_days),
        "deadlines": [
            {
                "id": d.usecase_id,
                "title": titles.get(d.usecase_id, ""),
                "href": card_path(d.usecase_id),
                "date": f.date(d.on),
                "passed": d.on <= c.today,
                "articles": d.articles,
                "obligation": d.title.get(t.lang),
                "state": t(f"ai_act.state.{d.status}"),
                "owner": d.owner or "—",
            }
            for d in due
        ],
        "deadlines_more": more(len(c.deadlines), len(due), t),
        "disclaimer": t("ai_act.classify.disclaimer"),
    }


def _obligation(
    a: Applicable, overdue: bool, t: Translator, f: Formats, files: str | None
) -> dict[str, Any]:
    entry = a.entry
    evidence = []
    for e in entry.evidence if entry else []:
        review = ", ".join(
            x for x in (e.reviewed_by, f.date(e.reviewed_on) if e.reviewed_on else None) if x
        )
        href = evidence_href(e.ref, files, "../")
        evidence.append(Link(e.ref, href, f" ({review})" if review else ""))
    return {
        "articles": a.articles,
        "title": a.obligation.title.get(t.lang),
        "state": t(f"ai_act.state.{a.status}"),
        "closed": a.closed,
        "due": f.date(a.deadline),
        "overdue": overdue,
        "owner": (entry.owner if entry else None) or "—",
        "reason": (entry.reason if entry else None) or "",
        "evidence": evidence,
    }


def card_ai_act(
    row: UseCaseCompliance | None, t: Translator, f: Formats, files: str | None = None
) -> dict[str, Any]:
    """A use case's obligations (``None``: the entry is not active, nothing is tracked);
    ``files``: how a card reaches the register's files, for the evidence links (see
    ``common.evidence_href``)."""
    if row is None:
        return {"tracked": False}
    overdue = {id(a) for a in row.overdue}
    return {
        "tracked": True,
        "summary": t.n(
            "report.ai_act.card",
            row.total,
            tier=_tier(row.tier, t),
            role=_role(row.role, row.role_given, t),
            closed=row.closed,
            total=row.total,
            coverage=f.pct(row.coverage),
            overdue=len(row.overdue),
        ),
        "role_assumed": t("ai_act.report.role_assumed")
        if not row.role_given and row.total
        else None,
        "obligations": [_obligation(a, id(a) in overdue, t, f, files) for a in row.obligations],
    }
