"""Reporter of ``aip agenda``: one Markdown pack per ritual, from the templates
``agenda-committee.md.j2``, ``agenda-monthly.md.j2`` and ``agenda-quarterly.md.j2``
(a register's own ``templates/`` may override them)."""

from __future__ import annotations

from pathlib import Path

from aiportfolio.analysis.agenda import Agenda, CommitteeAgenda, MonthlyAgenda, QuarterlyAgenda
from aiportfolio.i18n import Translator, keys
from aiportfolio.report.dashboard import helpers, kpi_headers
from aiportfolio.report.kit.steering import pct
from aiportfolio.report.tco import coverage_line, payback

TEMPLATES = {
    CommitteeAgenda: "agenda-committee.md.j2",
    MonthlyAgenda: "agenda-monthly.md.j2",
    QuarterlyAgenda: "agenda-quarterly.md.j2",
}


def format_markdown(
    agenda: Agenda, t: Translator, register_root: Path | None, organisation: str | None
) -> str:
    from aiportfolio.report.kit.templating import render

    return render(
        TEMPLATES[type(agenda)],
        register_root,
        t.lang,
        a=agenda,
        organisation=organisation,
        kpi_headers=kpi_headers(t),
        payback=lambda item: payback(item, t),
        roi=lambda tot: pct(tot.roi, t.lang) if tot.coverage.enough else t("budget.not_enough"),
        rests_on=lambda tot: coverage_line(tot, t),
        known_groups=sorted(k for k in keys() if k.startswith("label.group.")),
        **helpers(t),
    )
