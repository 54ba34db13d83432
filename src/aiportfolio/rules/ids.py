"""The ids of every rule, without importing the rules: what a cached ``aip check`` needs
to apply the ``# aip: disable=`` comments of a register (rules/suppress.py) when no file
changed, without the registry (which imports the loader, pydantic and the models).

``rules/registry.py`` reads ``LOADER_RULES`` from here; a test keeps ``RULE_IDS`` equal to
the registry's own list (a new rule module is added to both)."""

from __future__ import annotations

RULE_IDS = (
    "owner-required",
    "kpi-required",
    "kpi-baseline-required",
    "kpi-north-star",
    "id-unique",
    "id-filename",
    "depends-on-exists",
    "depends-on-cycle",
    "score-criterion-unknown",
    "wave-unknown",
    "risk-review-required",
    "ai-act-prohibited",
    "risk-unassessed",
    "ai-act-obligation-overdue",
    "ai-act-obligation-unknown",
    "ai-act-evidence-missing",
    "ai-act-evidence-required",
    "ai-act-obligation-extra",
    "decision-date-past",
    "decision-date-missing",
    "stop-decision-required",
    "category-slow-quick-win",
    "category-risky-quick-win",
    "category-compliance-kpi",
    "category-low-value-differentiator",
)
"""Every rule's id, in the registry's order."""

LOADER_RULES = (
    "schema",
    "required-key",
    "unknown-key",
    "yaml-syntax",
    "duplicate-key",
    "yaml-anchor",
    "yaml-tag",
    "encoding",
    "empty-file",
    "file-too-large",
    "not-a-mapping",
    "not-a-file",
    "broken-link",
    "unreadable-file",
    "yaml-too-deep",
    "number-too-large",
    "link-outside-register",
)
"""Ids of the problems found while reading files; always errors, cannot be switched off."""
