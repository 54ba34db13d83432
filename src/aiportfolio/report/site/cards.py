"""The use-case list and the one-page card of each use case."""

from __future__ import annotations

from typing import Any

from aiportfolio.analysis.report import ReportData
from aiportfolio.i18n import Translator
from aiportfolio.model.usecase import UseCase
from aiportfolio.report.kit.criteria import criterion_label
from aiportfolio.report.site.ai_act import card_ai_act
from aiportfolio.report.site.common import Formats, entry_link
from aiportfolio.report.site.kpis import kpi_cells
from aiportfolio.report.tco import payback


def usecases_context(data: ReportData, t: Translator) -> dict[str, Any]:
    f = Formats(t)
    ranks = {e.result.id: e for e in data.score.entries}
    rows = []
    for uc in data.usecases:
        entry = ranks.get(uc.id)
        rows.append(
            {
                **entry_link(uc),
                "status": f.status(uc.status),
                "category": f.category(uc.category),
                "owner": uc.owner.name if uc.owner else t("steer.no_owner"),
                "rank": entry.rank if entry and entry.rank is not None else "—",
                "total": f.score(entry.result.total) if entry else "—",
                "decision_date": f.date(uc.decision_date),
            }
        )
    return {"rows": rows}


def _capital(text: str) -> str:
    """``text`` with a capital first letter, the rest as written (``str.capitalize`` would
    lower the German nouns: "rechtliche Prüfung" -> "Rechtliche prüfung")."""
    return text[:1].upper() + text[1:]


class Lookups:
    """Each entry's ranking, TCO, KPI board and AI Act obligations by id, computed once for
    all the cards; ``files``: how the site reaches the register's files (evidence links,
    see ``common.evidence_href``; ``None``: evidence paths stay text)."""

    def __init__(self, data: ReportData, files: str | None = None) -> None:
        self.files = files
        self.entries = {e.result.id: e for e in data.score.entries}
        self.tco = {i.usecase.id: i for i in data.tco.items}
        self.boards = {b.usecase.id: b for b in data.dashboard.usecases}
        self.ids = {uc.id for uc in data.usecases}
        self.compliance = {u.usecase_id: u for u in data.compliance.usecases}


def card_context(
    uc: UseCase, data: ReportData, t: Translator, lookups: Lookups | None = None
) -> dict[str, Any]:
    f = Formats(t)
    lookups = lookups or Lookups(data)
    entry = lookups.entries.get(uc.id)
    item = lookups.tco.get(uc.id)
    grid = data.score.grid
    board = lookups.boards.get(uc.id)

    def person(p: Any) -> str | None:
        if p is None:
            return None
        return ", ".join(x for x in (p.name, p.role, p.email) if x)

    facts = [
        (t("steer.col.status"), f.status(uc.status)),
        (t("steer.col.category"), f.category(uc.category)),
        (t("steer.col.owner"), person(uc.owner) or t("steer.no_owner")),
        (t("report.card.sponsor"), person(uc.sponsor) or "—"),
        (t("report.card.next_step"), uc.next_step or "—"),
        (t("report.card.decision_date"), f.date(uc.decision_date)),
    ]
    process = uc.process
    context = [
        (t("report.card.process"), process.name if process else "—"),
        (t("report.card.where"), (process.where if process else None) or "—"),
        (t("report.card.who"), (process.who if process else None) or "—"),
        (t("report.card.volume"), (process.volume if process else None) or "—"),
        (t("report.card.problem"), uc.problem or "—"),
        (t("report.card.hypothesis"), uc.value.hypothesis if uc.value else "—"),
        (
            t("report.card.annual_gain"),
            f.eur(uc.value.annual_gain_eur if uc.value else None),
        ),
    ]
    data_rows = [
        (t("report.card.sources"), ", ".join(uc.data.sources) or "—"),
        (t("report.card.systems"), ", ".join(uc.data.systems) or "—"),
        (t("report.card.quality"), t(f"report.quality.{uc.data.quality}")),
        (
            t("report.card.classification"),
            t(f"label.data.{uc.data.classification}") if uc.data.classification else "—",
        ),
        (t("report.card.rights"), uc.data.rights or "—"),
        (t("report.card.tool"), uc.integration.tool or "—"),
        (t("report.card.users"), uc.integration.users or "—"),
    ]
    risk = uc.risk
    risk_rows = [
        (t("report.card.risk_level"), t(f"label.risk.{risk.level}") if risk.level else "—"),
        (t("report.card.personal_data"), t("report.yes") if risk.personal_data else t("report.no")),
        (
            t("report.card.critical_decision"),
            t("report.yes") if risk.critical_decision else t("report.no"),
        ),
        (t("report.card.ai_act"), t(f"diff.tier.{risk.ai_act_tier}")),
        (_capital(t("steer.review.security_review")), f.date(risk.security_review)),
        (_capital(t("steer.review.legal_review")), f.date(risk.legal_review)),
    ]
    scores = []
    if entry is not None:
        for c in entry.result.criteria:
            scores.append(
                {
                    "criterion": criterion_label(grid, c.criterion, t),
                    "axis": t(f"label.axis.{c.axis}")
                    if c.axis in ("value", "feasibility")
                    else c.axis,
                    "weight": f.value(c.weight),
                    "score": f.value(c.score),
                }
            )
    return {
        "uc": entry_link(uc, "../"),
        "facts": facts,
        "context": context,
        "data_rows": data_rows,
        "risk_rows": risk_rows,
        "notes": risk.notes,
        "kpis": [kpi_cells(s, t, f) for s in (board.kpis if board else ())]
        or [
            {
                "level": t(f"label.kpi_level.{k.level}"),
                "kpi": k.name + (f" ({k.unit})" if k.unit else ""),
                "north_star": k.north_star,
                "baseline": f.value(k.baseline),
                "latest": "—",
                "target": f.value(k.target),
                "progress": "—",
            }
            for k in uc.kpis
        ],
        "score": {
            "rank": entry.rank if entry and entry.rank is not None else "—",
            "total": f.score(entry.result.total) if entry else "—",
            "value": f.score(entry.result.value) if entry else "—",
            "feasibility": f.score(entry.result.feasibility) if entry else "—",
            "below_floor": bool(entry and entry.result.below_floor),
            "criteria": scores,
        },
        "costs": [
            (t("tco.col.one_off"), f.eur(item.one_off)),
            (t("tco.col.monthly"), f.eur(item.monthly)),
            (t("tco.col.horizon"), t.n("tco.months", item.horizon_months, n=item.horizon_months)),
            (t("tco.col.tco"), f.eur(item.total)),
            (t("tco.col.gain"), f.eur(item.expected_gain)),
            (t("tco.col.roi"), f.pct(item.roi)),
            (t("tco.col.payback"), payback(item, t)),
        ]
        if item
        else [],
        "plan": [
            (
                t("report.card.wave"),
                t("steer.wave", id=uc.plan.wave)
                if uc.plan.wave is not None
                else t("steer.no_wave"),
            ),
            (t("report.card.effort"), f.value(uc.plan.effort_weeks)),
        ],
        "depends_on": [
            {"id": d, "href": f"{d}.html" if d in lookups.ids else None} for d in uc.plan.depends_on
        ],
        "decisions": [
            {
                "date": f.date(d.date),
                "decision": t(f"label.decision.{d.decision}"),
                "by": d.by,
                "note": d.note or "",
            }
            for d in reversed(uc.decisions)
        ],
        "ratings": [
            {
                "by": r.by,
                "date": f.date(r.date),
                "scores": ", ".join(
                    f"{criterion_label(grid, k, t)} {v}" for k, v in r.scores.items()
                ),
            }
            for r in uc.ratings
        ],
        "ai_act": card_ai_act(lookups.compliance.get(uc.id), t, f, lookups.files),
    }
