"""Reporter of ``aip roadmap``: Markdown by wave, rendered from ``roadmap.md.j2`` (a register
may override the template in its own ``templates/`` folder)."""

from __future__ import annotations

import re
from pathlib import Path

from aiportfolio.analysis.roadmap import Roadmap, RoadmapRisk, RoadmapWave
from aiportfolio.analysis.wave_demand import exceeds
from aiportfolio.i18n import Translator
from aiportfolio.model.usecase import UseCase
from aiportfolio.report.kit.labels import group_label
from aiportfolio.report.kit.numbers import points
from aiportfolio.report.kit.steering import message
from aiportfolio.report.kit.templating import render
from aiportfolio.report.plan_labels import euros, number

TEMPLATE = "roadmap.md.j2"


def format_roadmap(
    roadmap: Roadmap,
    t: Translator,
    register_root: Path | None,
    *,
    organisation: str | None = None,
    intro: str | None = None,
) -> str:
    title = (
        t("roadmap.title.org", organisation=organisation) if organisation else t("roadmap.title")
    )
    if intro is None:
        intro = t("roadmap.intro.register", date=roadmap.date.isoformat())

    lang = t.lang

    def num(v: float | None) -> str:
        return t("plan.unlimited") if v is None else number(v, lang)

    def eur(v: float | None) -> str:
        return t("plan.unlimited") if v is None else euros(v, lang)

    def over(used: float, available: float | None) -> str:
        return f" ({t('roadmap.over')})" if exceeds(used, available) else ""

    def pct(count: int, total: int) -> str:
        return points(100 * count / total, lang) if total else "-"

    def target(share: float) -> str:
        return t(
            "roadmap.target",
            target=points(share, lang),
            tolerance=number(roadmap.tolerance, lang),
        )

    def dates(w: RoadmapWave) -> str:
        if w.start and w.end:
            return t("roadmap.dates.range", start=w.start.isoformat(), end=w.end.isoformat())
        if w.start and w.weeks:
            return t(
                "roadmap.dates.range", start=w.start.isoformat(), end=w.timeline[1].isoformat()
            )
        if w.weeks:
            return t.n("roadmap.dates.weeks", w.weeks, weeks=w.weeks)
        return t("roadmap.dates.none")

    def baseline(uc: UseCase) -> str:
        kpi = uc.north_star
        if kpi is None or kpi.baseline is None:
            return t("label.none")
        return number(kpi.baseline, lang) + (f" {kpi.unit}" if kpi.unit else "")

    def decision(uc: UseCase) -> str:
        return uc.decision_date.isoformat() if uc.decision_date else t("label.none")

    def risk_line(risk: RoadmapRisk) -> str:
        uc = risk.usecase
        why = ", ".join(message(t, r.key, r.params) for r in risk.reasons)
        if risk.missing_reviews:
            missing = ", ".join(t(f"roadmap.risk.{name}") for name in risk.missing_reviews)
            return t("roadmap.risk.line", id=uc.id, title=uc.title, why=why, missing=missing)
        key = "roadmap.risk.reviewed" if risk.review_required else "roadmap.risk.reasons"
        return t(key, id=uc.id, title=uc.title, why=why)

    def gate_mark(uc: UseCase) -> str:
        rules = roadmap.gate.get(uc.id)
        return f" ⛔ ({t('gate.mark.rules', rules=', '.join(rules))})" if rules else ""

    def gantt_id(w: RoadmapWave, uc: UseCase | None) -> str:
        suffix = re.sub(r"[^a-z0-9]", "", uc.id.lower()) if uc else "wave"
        return f"w{w.wave}_{suffix}"

    return render(
        TEMPLATE,
        register_root,
        t.lang,
        r=roadmap,
        title=title,
        intro=intro,
        num=num,
        eur=eur,
        over=over,
        pct=pct,
        target=target,
        dates=dates,
        baseline=baseline,
        decision=decision,
        risk_line=risk_line,
        gantt_id=gantt_id,
        gate_mark=gate_mark,
        group=lambda g: group_label(g, t),
    )
