"""Every rule, in one place. Unknown ids in ``policy.rules`` are configuration errors."""

from __future__ import annotations

import datetime as dt

from aiportfolio.errors import ConfigError
from aiportfolio.message import Message
from aiportfolio.model.portfolio import RuleOptions
from aiportfolio.problem import Problem, Severity
from aiportfolio.register.loader import PORTFOLIO_FILE, Register, locate_problems, suggest
from aiportfolio.rules import (
    ai_act_evidence_missing,
    ai_act_evidence_required,
    ai_act_obligation_extra,
    ai_act_obligation_overdue,
    ai_act_obligation_unknown,
    ai_act_prohibited,
    category_compliance_kpi,
    category_low_value_differentiator,
    category_risky_quick_win,
    category_slow_quick_win,
    decision_date_missing,
    decision_date_past,
    depends_on_cycle,
    depends_on_exists,
    id_filename,
    id_unique,
    kpi_baseline_required,
    kpi_north_star,
    kpi_required,
    owner_required,
    risk_review_required,
    risk_unassessed,
    score_criterion_unknown,
    stop_decision_required,
    wave_unknown,
)
from aiportfolio.rules.base import Rule, RuleContext
from aiportfolio.rules.ids import LOADER_RULES as LOADER_RULES
from aiportfolio.rules.suppress import apply_suppressions

RULE_MODULES = (
    owner_required,
    kpi_required,
    kpi_baseline_required,
    kpi_north_star,
    id_unique,
    id_filename,
    depends_on_exists,
    depends_on_cycle,
    score_criterion_unknown,
    wave_unknown,
    risk_review_required,
    ai_act_prohibited,
    risk_unassessed,
    ai_act_obligation_overdue,
    ai_act_obligation_unknown,
    ai_act_evidence_missing,
    ai_act_evidence_required,
    ai_act_obligation_extra,
    decision_date_past,
    decision_date_missing,
    stop_decision_required,
    category_slow_quick_win,
    category_risky_quick_win,
    category_compliance_kpi,
    category_low_value_differentiator,
)
"""One module per rule id, named after it; its docstring documents the rule with a passing
and a failing example (``tests/unit/test_rule_modules.py`` runs them)."""

RULES: dict[str, Rule] = {module.RULE.id: module.RULE for module in RULE_MODULES}


def severities(register: Register) -> dict[str, Severity | None]:
    """Rule id -> severity in force (``None`` when switched off)."""
    chosen: dict[str, Severity | None] = {rid: rule.severity for rid, rule in RULES.items()}
    for rule_id, setting in register.config.policy.rules.items():
        if rule_id not in RULES:
            close = suggest(rule_id, RULES)
            hint = Message("schema.hint.did_you_mean", {"key": close}) if close else None
            problem = Problem(
                PORTFOLIO_FILE.as_posix(),
                0,
                0,
                "policy",
                Severity.ERROR,
                Message("policy.unknown_rule", {"rule": rule_id}),
                hint,
                ("policy", "rules", rule_id),
            )
            try:
                text = (register.root / PORTFOLIO_FILE).read_text(encoding="utf-8-sig")
            except OSError:
                text = ""
            located = locate_problems([problem], {problem.path: text})
            message = Message("config.invalid", {"path": PORTFOLIO_FILE.as_posix()})
            raise ConfigError(message, located)
        level = setting.severity if isinstance(setting, RuleOptions) else setting
        if level is not None:
            chosen[rule_id] = None if level == "off" else Severity(level)
    return chosen


def statuses(register: Register, rule_id: str) -> tuple[str, ...]:
    """Statuses of the use cases ``rule_id`` applies to: ``policy.rules.<id>.statuses``,
    else the rule's own."""
    setting = register.config.policy.rules.get(rule_id)
    if isinstance(setting, RuleOptions) and setting.statuses is not None:
        return tuple(setting.statuses)
    return RULES[rule_id].statuses


def find_rule_problems(
    register: Register, today: dt.date, *, advisory: bool = False
) -> list[Problem]:
    """Every enabled rule's problems on the valid use cases, not located yet (no line):
    the rules of ``aip check`` and the gate, or with ``advisory`` the advisory ones."""
    ctx = RuleContext(register=register, today=today)
    found: list[Problem] = []
    for rule_id, severity in severities(register).items():
        rule = RULES[rule_id]
        if severity is not None and rule.advisory == advisory:
            found.extend(rule.run(ctx, severity, statuses(register, rule_id)))
    # A file may switch a rule off for itself: `# aip: disable=rule-id` (rules/suppress.py);
    # a directive naming no rule is reported once, with the gate's rules (not the advisory).
    return apply_suppressions(
        found, register.texts, RULES, LOADER_RULES, report_unknown=not advisory
    )


def run_rules(register: Register, today: dt.date) -> list[Problem]:
    """Run every enabled rule on the valid use cases and locate what they find."""
    return register.locate(find_rule_problems(register, today))
