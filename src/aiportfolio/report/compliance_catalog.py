"""Reporters of ``aip compliance --catalog``: the obligations catalog in force (shipped,
re-dated and extended by the register) as a table (terminal), md or json."""

from __future__ import annotations

import json
from typing import Any

from aiportfolio.domain.ai_act import ObligationCatalog
from aiportfolio.i18n import Translator
from aiportfolio.report.compliance import Cell, tier_label
from aiportfolio.report.kit.escape import md_cell, terminal
from aiportfolio.report.kit.reporter import PLAIN, Options, Reporter
from aiportfolio.report.kit.steering import md_table, text_table


def _conditions(o: Any, t: Translator) -> str:
    when = o.when
    parts: list[str] = []
    if when.tiers:
        parts.append("/".join(tier_label(x, t) for x in when.tiers))
    for name in ("transparency", "gpai", "annex_iii"):
        values = getattr(when, name)
        if values:
            parts.append(f"{name}: {', '.join(values)}")
    if when.exception:
        parts.append("exception")
    return "; ".join(parts)


def _catalog_rows(catalog: ObligationCatalog, t: Translator, cell: Cell) -> list[list[str]]:
    return [
        [
            o.id,
            cell(", ".join(o.articles)),
            ", ".join(t(f"ai_act.role.{r}") for r in o.roles),
            cell(_conditions(o, t)),
            o.applies_from,
            cell(o.title.get(t.lang)),
        ]
        for o in catalog.obligations
    ]


def _catalog_headers(t: Translator) -> list[str]:
    return [
        "ID",
        t("ai_act.col.articles"),
        t("ai_act.col.role"),
        t("ai_act.col.when"),
        t("ai_act.col.group"),
        t("ai_act.col.obligation"),
    ]


def format_table(catalog: ObligationCatalog, t: Translator, options: Options = PLAIN) -> str:
    """The catalog for a terminal; with a terminal in ``options``, the table fits its width."""
    width = options.terminal.width if options.terminal is not None else None
    return text_table(_catalog_headers(t), _catalog_rows(catalog, t, terminal), width)


def format_markdown(catalog: ObligationCatalog, t: Translator, options: Options = PLAIN) -> str:
    return md_table(_catalog_headers(t), _catalog_rows(catalog, t, md_cell))


def format_json(catalog: ObligationCatalog, t: Translator, options: Options = PLAIN) -> str:
    data = [o.model_dump(mode="json", exclude_none=True) for o in catalog.obligations]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


REPORTERS: dict[str, Reporter[ObligationCatalog]] = {
    "table": format_table,
    "md": format_markdown,
    "json": format_json,
}
