"""Reporters of ``aip compliance``: table (terminal), md, json. Pure functions. The catalog
listing (``aip compliance --catalog``) has its own registry in ``compliance_catalog.py``."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from aiportfolio.domain.ai_act import Applicable, ComplianceReport
from aiportfolio.i18n import Translator
from aiportfolio.report.kit.escape import md_cell, terminal
from aiportfolio.report.kit.numbers import pct
from aiportfolio.report.kit.reporter import PLAIN, Options, Reporter
from aiportfolio.report.kit.steering import md_table, text_table

Cell = Callable[[object], str]


def tier_label(tier: str, t: Translator) -> str:
    return t(f"diff.tier.{tier}")


def _role(row_role: str, given: bool, t: Translator) -> str:
    label = t(f"ai_act.role.{row_role}")
    return label if given else label + "*"


def _sections(
    report: ComplianceReport, t: Translator, cell: Cell
) -> list[tuple[str, list[str], list[list[str]]]]:
    lang = t.lang
    usecases = [
        [
            u.usecase_id,
            cell(u.title),
            t(f"label.status.{u.status}"),
            tier_label(u.tier, t),
            _role(u.role, u.role_given, t),
            u.annex_iii or "",
            f"{u.closed}/{u.total}",
            pct(u.coverage, lang),
            str(len(u.overdue)) if u.overdue else "",
        ]
        for u in report.usecases
    ]
    deadlines = [
        [
            d.on.isoformat() + (" ⚠" if d.on <= report.today else ""),
            d.usecase_id,
            cell(d.articles),
            cell(d.title.get(lang)),
            t(f"ai_act.state.{d.status}"),
            cell(d.owner or ""),
        ]
        for d in report.deadlines
    ]
    gaps = [
        [_role(g.role, True, t), tier_label(g.tier, t), str(g.usecases), str(g.open), str(g.total)]
        for g in report.gaps
    ]
    dates = [
        [
            t(f"ai_act.group.{key}"),
            entry.date.isoformat(),
            entry.as_of.isoformat() if entry.as_of else "",
            cell(entry.source or ""),
        ]
        for key, entry in report.dates.items()
    ]
    return [
        (
            t("ai_act.report.usecases"),
            [
                "ID",
                t("ai_act.col.usecase"),
                t("ai_act.col.status"),
                t("ai_act.col.tier"),
                t("ai_act.col.role"),
                t("ai_act.col.annex_iii"),
                t("ai_act.col.closed"),
                t("ai_act.col.coverage"),
                t("ai_act.col.overdue"),
            ],
            usecases,
        ),
        (
            t.n("ai_act.report.deadlines", report.horizon_days, days=report.horizon_days),
            [
                t("ai_act.col.deadline"),
                "ID",
                t("ai_act.col.articles"),
                t("ai_act.col.obligation"),
                t("ai_act.col.state"),
                t("ai_act.col.owner"),
            ],
            deadlines,
        ),
        (
            t("ai_act.report.gaps"),
            [
                t("ai_act.col.role"),
                t("ai_act.col.tier"),
                t("ai_act.col.usecases"),
                t("ai_act.col.open"),
                t("ai_act.col.total"),
            ],
            gaps,
        ),
        (
            t("ai_act.report.dates"),
            [
                t("ai_act.col.group"),
                t("ai_act.col.applies"),
                t("ai_act.col.as_of"),
                t("ai_act.col.source"),
            ],
            dates,
        ),
    ]


def _summary(report: ComplianceReport, t: Translator) -> list[str]:
    lines = [
        t.n(
            "ai_act.report.coverage",
            report.total,
            closed=report.closed,
            total=report.total,
            coverage=pct(report.coverage, t.lang),
            overdue=report.overdue,
        )
    ]
    if report.unassessed:
        lines.append(t("ai_act.report.unassessed", ids=", ".join(report.unassessed)))
    if any(not u.role_given for u in report.usecases if u.total):
        lines.append(t("ai_act.report.role_assumed"))
    return lines


def format_table(report: ComplianceReport, t: Translator, options: Options = PLAIN) -> str:
    """The report for a terminal; with a terminal in ``options``, every table fits its
    width."""
    width = options.terminal.width if options.terminal is not None else None
    parts = [t("ai_act.report.title", date=report.today.isoformat()), ""]
    parts += [terminal(line) for line in _summary(report, t)]
    for title, headers, rows in _sections(report, t, terminal):
        parts += ["", title]
        parts.append(
            text_table(headers, rows, width).rstrip("\n") if rows else t("ai_act.report.empty")
        )
    parts += ["", t("ai_act.classify.disclaimer")]
    return "\n".join(parts) + "\n"


def format_markdown(report: ComplianceReport, t: Translator, options: Options = PLAIN) -> str:
    parts = [f"# {t('ai_act.report.title', date=report.today.isoformat())}", ""]
    parts += [f"- {md_cell(line)}" for line in _summary(report, t)]
    for title, headers, rows in _sections(report, t, md_cell):
        parts += ["", f"## {title}", ""]
        parts.append(md_table(headers, rows).rstrip("\n") if rows else t("ai_act.report.empty"))
    parts += ["", f"_{t('ai_act.classify.disclaimer')}_"]
    return "\n".join(parts) + "\n"


def _applicable(a: Applicable) -> dict[str, Any]:
    entry = a.entry
    return {
        "id": a.obligation.id,
        "articles": a.obligation.articles,
        "applies_on": a.applies_on.isoformat(),
        "deadline": a.deadline.isoformat(),
        "status": a.status,
        "owner": entry.owner if entry else None,
        "reason": entry.reason if entry else None,
        "evidence": [
            {
                "ref": e.ref,
                "reviewed_by": e.reviewed_by,
                "reviewed_on": e.reviewed_on.isoformat() if e.reviewed_on else None,
            }
            for e in (entry.evidence if entry else [])
        ],
        "nist": a.obligation.nist,
        "iso42001": a.obligation.iso42001,
    }


def as_data(report: ComplianceReport) -> dict[str, Any]:
    return {
        "date": report.today.isoformat(),
        "closed": report.closed,
        "total": report.total,
        "coverage": report.coverage,
        "overdue": report.overdue,
        "unassessed": report.unassessed,
        "usecases": [
            {
                "id": u.usecase_id,
                "title": u.title,
                "status": u.status,
                "tier": u.tier,
                "role": u.role,
                "role_given": u.role_given,
                "annex_iii": u.annex_iii,
                "closed": u.closed,
                "total": u.total,
                "coverage": u.coverage,
                "overdue": [a.obligation.id for a in u.overdue],
                "obligations": [_applicable(a) for a in u.obligations],
            }
            for u in report.usecases
        ],
        "deadlines": [
            {
                "date": d.on.isoformat(),
                "usecase": d.usecase_id,
                "obligation": d.obligation_id,
                "articles": d.articles,
                "status": d.status,
                "owner": d.owner,
            }
            for d in report.deadlines
        ],
        "gaps": [
            {
                "role": g.role,
                "tier": g.tier,
                "usecases": g.usecases,
                "open": g.open,
                "total": g.total,
            }
            for g in report.gaps
        ],
        "dates": {
            key: {
                "date": e.date.isoformat(),
                "as_of": e.as_of.isoformat() if e.as_of else None,
                "source": e.source,
            }
            for key, e in report.dates.items()
        },
    }


def format_json(report: ComplianceReport, t: Translator, options: Options = PLAIN) -> str:
    return json.dumps(as_data(report), ensure_ascii=False, indent=2) + "\n"


REPORTERS: dict[str, Reporter[ComplianceReport]] = {
    "table": format_table,
    "md": format_markdown,
    "json": format_json,
}
