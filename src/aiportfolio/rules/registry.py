"""Every rule, in one place. Unknown ids in ``policy.rules`` are configuration errors."""

from __future__ import annotations

import datetime as dt

from aiportfolio.errors import ConfigError
from aiportfolio.i18n import Translator
from aiportfolio.problem import Problem, Severity
from aiportfolio.register.loader import PORTFOLIO_FILE, Register, locate_problems, suggest
from aiportfolio.rules import compliance, dates, ids, kpi, links, owner
from aiportfolio.rules.base import Rule, RuleContext

RULES: dict[str, Rule] = {
    rule.id: rule
    for rule in (
        owner.RULE,
        *kpi.RULES,
        *ids.RULES,
        *links.RULES,
        *compliance.RULES,
        *dates.RULES,
    )
}

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
)
"""Ids of the problems found while reading files; always errors, cannot be switched off."""


def severities(register: Register, t: Translator) -> dict[str, Severity | None]:
    """Rule id -> severity in force (``None`` when switched off)."""
    chosen: dict[str, Severity | None] = {rid: rule.severity for rid, rule in RULES.items()}
    for rule_id, setting in register.config.policy.rules.items():
        if rule_id not in RULES:
            close = suggest(rule_id, RULES)
            hint = t("schema.hint.did_you_mean", key=close) if close else ""
            problem = Problem(
                PORTFOLIO_FILE.as_posix(),
                0,
                0,
                "policy",
                Severity.ERROR,
                t("policy.unknown_rule", rule=rule_id),
                hint,
                ("policy", "rules", rule_id),
            )
            try:
                text = (register.root / PORTFOLIO_FILE).read_text(encoding="utf-8-sig")
            except OSError:
                text = ""
            located = locate_problems([problem], {problem.path: text})
            raise ConfigError(t("config.invalid", path=PORTFOLIO_FILE.as_posix()), located)
        chosen[rule_id] = None if setting == "off" else Severity(setting)
    return chosen


def run_rules(register: Register, today: dt.date) -> list[Problem]:
    """Run every enabled rule on the valid use cases and locate what they find."""
    t = Translator(register.lang)
    ctx = RuleContext(register=register, today=today, t=t)
    found: list[Problem] = []
    for rule_id, severity in severities(register, t).items():
        if severity is not None:
            found.extend(RULES[rule_id].run(ctx, severity))
    return register.locate(found)
