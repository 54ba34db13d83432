"""Summaries of the advisory category rules (``rules/category.py``)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "rule.category.slow_quick_win.summary": {
        "en": "a quick win reaches a measured pilot within 8 weeks (time-to-impact above 2)",
        "fr": "un gain rapide atteint un pilote mesuré en moins de 8 semaines (délai d'impact au-dessus de 2)",
    },
    "rule.category.risky_quick_win.summary": {
        "en": "a quick win does not trigger the risk review",
        "fr": "un gain rapide ne déclenche pas la revue des risques",
    },
    "rule.category.compliance_kpi.summary": {
        "en": "a risk & compliance item has a KPI marked risk_reduction: true",
        "fr": "un élément risque & conformité a un KPI marqué risk_reduction: true",
    },
    "rule.category.low_value_differentiator.summary": {
        "en": "a differentiator's business value scores above 2",
        "fr": "la valeur business d'un différenciant vaut plus de 2",
    },
}
