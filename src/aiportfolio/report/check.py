"""Reporters of ``aip check``: text, json, github, gitlab (``REPORTERS``, which ``--format``
offers)."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import posixpath
from pathlib import Path

from aiportfolio.analysis.check import CheckResult
from aiportfolio.i18n import Translator
from aiportfolio.problem import Problem, Severity
from aiportfolio.report.kit.escape import annotation_message, annotation_property
from aiportfolio.report.kit.numbers import num
from aiportfolio.report.kit.problems import problem_json
from aiportfolio.report.kit.reporter import PLAIN, Options, Reporter

GITHUB_CAP = 10
"""GitHub shows at most 10 errors and 10 warnings per step and drops the rest silently."""


def rebase(result: CheckResult, root: Path, base: Path) -> CheckResult:
    """Problem paths (relative to the register root) made relative to ``base`` when the
    register lies inside it; unchanged otherwise."""
    try:
        prefix = root.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return result
    if prefix in ("", "."):
        return result
    problems = tuple(
        dataclasses.replace(p, path=posixpath.normpath(f"{prefix}/{p.path}"))
        for p in result.problems
    )
    return dataclasses.replace(result, problems=problems)


TEXT_LIMIT = 100
"""Problems the text report lists by default (``--limit``; ``--all`` for every one)."""
RULE_SUMMARY_FROM = 10
"""The per-rule summary heads the text report from this many problems on."""


def rule_counts(result: CheckResult) -> list[tuple[str, int, int]]:
    """(rule id, errors, warnings) for every rule with problems, most problems first."""
    counts: dict[str, list[int]] = {}
    for p in result.problems:
        pair = counts.setdefault(p.rule, [0, 0])
        if p.severity is Severity.ERROR:
            pair[0] += 1
        else:
            pair[1] += 1
    ranked = sorted(counts.items(), key=lambda item: (-sum(item[1]), item[0]))
    return [(rule, errors, warnings) for rule, (errors, warnings) in ranked]


def format_rule_summary(result: CheckResult, t: Translator) -> list[str]:
    """One line per rule: how many errors and warnings it found."""
    rows = rule_counts(result)
    width = max(len(rule) for rule, _, _ in rows)
    lines = [t("check.by_rule")]
    for rule, errors, warnings in rows:
        parts = []
        if errors:
            parts.append(t.n("check.by_rule.errors", errors, count=num(errors, t.lang)))
        if warnings:
            parts.append(t.n("check.by_rule.warnings", warnings, count=num(warnings, t.lang)))
        lines.append(f"  {rule:<{width}}  {', '.join(parts)}")
    return lines


def format_text(result: CheckResult, t: Translator, options: Options = PLAIN) -> str:
    """The problems, one per line with its fix; from ``RULE_SUMMARY_FROM`` problems on, a
    count per rule first; at most ``options.limit`` problems (None: all), then how many are
    left."""
    limit = options.limit
    lines: list[str] = []
    if len(result.problems) >= RULE_SUMMARY_FROM:
        lines += [*format_rule_summary(result, t), ""]
    shown = result.problems if limit is None else result.problems[:limit]
    for p in shown:
        where = f"{p.path}:{p.line}:{p.column}" if p.line else p.path
        lines.append(f"{where}: {t('severity.' + p.severity.value)} [{p.rule}] {p.text(t)}")
        if p.hint:
            lines.append(f"    {t('check.fix')}: {p.hint_text(t)}")
    left = len(result.problems) - len(shown)
    if left:
        lines.append(t.n("check.more", left, count=num(left, t.lang), shown=len(shown)))
    return "\n".join(lines) + ("\n" if lines else "")


def summary(result: CheckResult, t: Translator) -> str:
    if not result.problems:
        return t.n("check.summary.clean", result.files, files=result.files)
    return t(
        "check.summary.found",
        errors=t.n("check.by_rule.errors", result.errors),
        warnings=t.n("check.by_rule.warnings", result.warnings),
        files=t.n("check.summary.files", result.files),
    )


def format_json(result: CheckResult, t: Translator, options: Options = PLAIN) -> str:
    payload = {
        "files": result.files,
        "usecases": result.usecases,
        "errors": result.errors,
        "warnings": result.warnings,
        "problems": [problem_json(p, t) for p in result.problems],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def format_github(result: CheckResult, t: Translator, options: Options = PLAIN) -> str:
    """GitHub workflow annotations, capped per severity, with a notice for the rest."""
    lines: list[str] = []
    left_out = 0
    shown = {Severity.ERROR: 0, Severity.WARNING: 0, Severity.INFO: 0}
    for p in result.problems:
        if shown[p.severity] >= GITHUB_CAP:
            left_out += 1
            continue
        shown[p.severity] += 1
        level = {"error": "error", "warning": "warning", "info": "notice"}[p.severity.value]
        props = [f"file={annotation_property(p.path)}"]
        if p.line:
            props += [f"line={p.line}", f"col={p.column}"]
        props.append(f"title={annotation_property(p.rule)}")
        message = p.text(t) + (f"\n{t('check.fix')}: {p.hint_text(t)}" if p.hint else "")
        lines.append(f"::{level} {','.join(props)}::{annotation_message(message)}")
    if left_out:
        lines.append(f"::notice::{annotation_message(t.n('check.github.left_out', left_out))}")
    return "\n".join(lines) + ("\n" if lines else "")


def fingerprint(p: Problem, t: Translator) -> str:
    """Stable across line moves: the line is left out on purpose."""
    return hashlib.sha256(f"{p.path}\0{p.rule}\0{p.text(t)}".encode()).hexdigest()


def format_gitlab(result: CheckResult, t: Translator, options: Options = PLAIN) -> str:
    severity = {"error": "major", "warning": "minor", "info": "info"}
    seen: dict[str, int] = {}
    items = []
    for p in result.problems:
        fp = fingerprint(p, t)
        seen[fp] = seen.get(fp, 0) + 1
        if seen[fp] > 1:  # identical findings in one file stay distinct and stable
            fp = hashlib.sha256(f"{fp}\0{seen[fp]}".encode()).hexdigest()
        items.append(
            {
                "description": p.text(t) + (f" — {p.hint_text(t)}" if p.hint else ""),
                "check_name": p.rule,
                "fingerprint": fp,
                "severity": severity[p.severity.value],
                "location": {"path": p.path, "lines": {"begin": max(p.line, 1)}},
            }
        )
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


REPORTERS: dict[str, Reporter[CheckResult]] = {
    "text": format_text,
    "json": format_json,
    "github": format_github,
    "gitlab": format_gitlab,
}
