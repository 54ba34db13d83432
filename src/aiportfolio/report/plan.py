"""Reporters of ``aip plan``: table (text), json, md. Pure: ``format(result, t) -> str``.
Their shared wording is in ``report/plan_labels.py``."""

from __future__ import annotations

import json
from typing import Any

from aiportfolio.analysis.planning.result import PlanComparison, PlanResult
from aiportfolio.i18n import Translator
from aiportfolio.report.kit.escape import md, md_cell
from aiportfolio.report.kit.labels import group_label
from aiportfolio.report.kit.numbers import num, points, score
from aiportfolio.report.kit.reporter import PLAIN, Options, Reporter
from aiportfolio.report.kit.terminal import cell_len, pad, word_wrap
from aiportfolio.report.plan_labels import (
    by_wave_text,
    clip,
    entry_note,
    euros,
    fallback_text,
    header,
    number,
    objective_rule,
    person_weeks,
    reason_detail,
    violation_text,
    wave_header,
)

# --- table ---------------------------------------------------------------------------------


TEXT_LIMIT = 30
"""Unscheduled entries (and conflicts) the text report lists unless --limit or --all."""


def reason_counts(result: PlanResult, t: Translator) -> str:
    """ "2,500 parallel pilots, 450 missing scores": unscheduled entries by reason, most
    frequent first."""
    counts: dict[str, int] = {}
    for u in result.unscheduled:
        counts[u.reason] = counts.get(u.reason, 0) + 1
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    return ", ".join(
        f"{num(count, t.lang)} {t('plan.reason.' + reason)}" for reason, count in ranked
    )


def format_table(
    result: PlanResult, t: Translator, limit: int | None = None, width: int | None = None
) -> str:
    """The plan for a terminal; at most ``limit`` unscheduled entries and conflicts are
    listed (None: all), after a count by reason. An entry of a wave is one aligned row,
    or, when that row would be wider than ``width``, its id and title on one line and its
    figures on the next."""
    fallback = fallback_text(result, t)
    lines = [t("plan.title"), header(result, t), *([fallback] if fallback else [])]
    lines += [objective_rule(result, t), ""]
    if result.conflicts:
        lines.append(t("plan.conflicts"))
        conflicts = result.conflicts if limit is None else result.conflicts[:limit]
        lines += [f"  - {violation_text(v, t)}" for v in conflicts]
        if len(conflicts) < len(result.conflicts):
            left = len(result.conflicts) - len(conflicts)
            more = t.n("plan.more.conflicts", left, count=num(left, t.lang), shown=len(conflicts))
            lines.append(f"  {more}")
        return "\n".join(lines) + "\n"
    scheduled = [e for e in result.entries if e.wave is not None]
    titles = {e.id: clip(e.usecase.title) for e in scheduled}
    categories = {e.id: t("label.category." + e.usecase.category) for e in scheduled}
    title_width = max((cell_len(x) for x in titles.values()), default=0)
    category_width = max((cell_len(x) for x in categories.values()), default=0)
    efforts = {e.id: person_weeks(e.candidate.effort, t) for e in scheduled}
    effort_width = max((cell_len(x) for x in efforts.values()), default=0)
    for usage in result.waves:
        lines.append(wave_header(usage, t))
        members = [e for e in scheduled if e.wave == usage.wave]
        if not members:
            lines.append(f"  {t('plan.wave.empty')}")
        for e in members:
            note = entry_note(e, t)
            row = (
                f"  {e.id}  {pad(titles[e.id], title_width)}  "
                f"{pad(categories[e.id], category_width)}  "
                f"{score(e.candidate.weight, t.lang):>5}  "
                f"{pad(efforts[e.id], effort_width)}  {euros(e.candidate.budget, t.lang):>10}"
                + (f"  [{note}]" if note else "")
            )
            if width is None or cell_len(row) <= width:
                lines.append(row)
                continue
            indent = " " * (4 + cell_len(e.id))
            title, *rest = word_wrap(e.usecase.title, width - len(indent))
            lines.append(f"  {e.id}  {title}")
            lines += [indent + part for part in rest]
            figures = [
                categories[e.id],
                score(e.candidate.weight, t.lang),
                efforts[e.id],
                euros(e.candidate.budget, t.lang),
                *([f"[{note}]"] if note else []),
            ]
            lines += [indent + part for part in word_wrap(" · ".join(figures), width - len(indent))]
        lines.append("")
    if result.unscheduled:
        lines.append(t("plan.unscheduled"))
        if len(result.unscheduled) > 1:
            lines.append(f"  {t('plan.unscheduled.count', reasons=reason_counts(result, t))}")
        listed = result.unscheduled if limit is None else result.unscheduled[:limit]
        for u in listed:
            detail = reason_detail(u, result, t) or by_wave_text(u, t)
            lines.append(f"  {u.id}  {clip(u.usecase.title)} — {t('plan.reason.' + u.reason)}")
            if detail:
                lines.append(f"      {detail}")
        if len(listed) < len(result.unscheduled):
            left = len(result.unscheduled) - len(listed)
            more = t.n("plan.more.unscheduled", left, count=num(left, t.lang), shown=len(listed))
            lines.append(f"  {more}")
        lines.append("")
    if result.balance:
        lines.append(t("plan.balance"))
        total = sum(count for _, count, _ in result.balance)
        for group, count, target in result.balance:
            share = points(100 * count / total if total else 0, t.lang)
            lines.append(
                "  "
                + (
                    t(
                        "plan.balance.line",
                        group=group_label(group, t),
                        count=count,
                        share=share,
                        target=points(target, t.lang),
                        tolerance=number(result.instance.balance[0].tolerance, t.lang),
                    )
                    if result.instance.balance
                    else t(
                        "plan.balance.line.off",
                        group=group_label(group, t),
                        count=count,
                        share=share,
                        target=points(target, t.lang),
                    )
                )
            )
        lines.append("")
    if result.warnings:
        lines.append(t("plan.warnings"))
        lines += [f"  - {t('plan.warning.' + kind, id=uid)}" for kind, uid in result.warnings]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def format_compare_table(comparison: PlanComparison, t: Translator) -> str:
    lines = ["", t("plan.compare.title"), _objectives(comparison, t)]
    if not comparison.changes:
        lines.append(t("plan.compare.none"))
    for c in comparison.changes:
        before = "-" if c.before is None else str(c.before)
        after = "-" if c.after is None else str(c.after)
        lines.append(
            f"  {c.id}  {t('plan.change.' + c.kind):<10} {before} -> {after}  {clip(c.title)}"
        )
    if comparison.register_violations:
        lines.append(t("plan.compare.violations"))
        lines += [
            f"  - {violation_text(v, t, 'plan.violation')}" for v in comparison.register_violations
        ]
    return "\n".join(lines) + "\n"


def _objectives(comparison: PlanComparison, t: Translator) -> str:
    delta = comparison.proposal_objective - comparison.register_objective
    return t(
        "plan.compare.objectives",
        register=score(comparison.register_objective, t.lang),
        proposal=score(comparison.proposal_objective, t.lang),
        delta=("+" if delta >= 0 else "") + score(delta, t.lang),
    )


# --- json ----------------------------------------------------------------------------------


def _fallback_data(result: PlanResult, t: Translator) -> dict[str, Any] | None:
    """Why the exact strategy answers with the greedy plan (None: it does not)."""
    text = fallback_text(result, t)
    if text is None or result.solver_time is None:
        return None
    left, needed = result.solver_time
    return {
        "reason": result.fallback,
        "solver_seconds": round(left, 3),
        "seconds_needed": round(needed, 3),
        "message": text,
    }


def as_data(result: PlanResult, t: Translator, compare: bool = False) -> dict[str, Any]:
    data: dict[str, Any] = {
        "strategy": result.strategy,
        "status": result.status,
        "objective": round(result.objective, 6),
        "bound": None if result.bound is None else round(result.bound, 6),
        "gap": None if result.gap is None else round(result.gap, 6),
        "seconds": round(result.seconds, 3),
        "time_limit": result.time_limit,
        "fallback": _fallback_data(result, t),
        "greedy_objective": round(result.greedy_objective, 6),
        "objective_kind": result.objective_kind,
        "discount": result.instance.discount,
        "balance_enforced": result.balance_enforced,
        "deadlines_enforced": result.deadlines_enforced,
        "waves": [
            {
                "wave": w.wave,
                "name": w.name,
                "open": w.open,
                "usecases": list(w.entries),
                "effort_weeks": w.effort,
                "person_weeks": w.person_weeks,
                "one_off_eur": w.budget,
                "budget_eur": w.budget_eur,
                "pilots": w.pilots,
                "max_parallel_pilots": w.max_pilots,
                "objective": round(w.contribution, 6),
            }
            for w in result.waves
        ],
        "usecases": [
            {
                "id": e.id,
                "title": e.usecase.title,
                "category": e.usecase.category,
                "status": e.usecase.status,
                "wave": e.wave,
                "register_wave": e.register_wave,
                "pinned": e.pinned,
                "score": round(e.candidate.weight, 6),
                "effort_weeks": e.candidate.effort,
                "one_off_eur": e.candidate.budget,
                "pilot": e.candidate.pilot,
                "risk_gated": e.candidate.risk_gated,
                "ai_act_deadline": (
                    None if e.candidate.deadline is None else e.candidate.deadline.date.isoformat()
                ),
                "objective": round(e.contribution, 6),
            }
            for e in result.entries
        ],
        "unscheduled": [
            {
                "id": u.id,
                "title": u.usecase.title,
                "reason": u.reason,
                "detail": list(u.detail),
                "by_wave": {str(w): list(rs) for w, rs in u.by_wave},
                "message": t(f"plan.reason.{u.reason}"),
            }
            for u in result.unscheduled
        ],
        "conflicts": [
            {
                "kind": v.kind,
                "usecases": list(v.ids),
                "wave": v.wave,
                "amount": v.amount,
                "limit": v.limit,
                "detail": v.detail,
                "message": violation_text(v, t),
            }
            for v in result.conflicts
        ],
        "balance": [
            {"group": g, "count": count, "target": target} for g, count, target in result.balance
        ],
        "warnings": [
            {"kind": kind, "id": uid, "message": t("plan.warning." + kind, id=uid)}
            for kind, uid in result.warnings
        ],
    }
    if compare and result.comparison is not None:
        c = result.comparison
        data["comparison"] = {
            "register_objective": round(c.register_objective, 6),
            "proposal_objective": round(c.proposal_objective, 6),
            "changes": [
                {
                    "id": ch.id,
                    "change": ch.kind,
                    "register_wave": ch.before,
                    "proposed_wave": ch.after,
                }
                for ch in c.changes
            ],
            "register_violations": [
                {
                    "kind": v.kind,
                    "usecases": list(v.ids),
                    "wave": v.wave,
                    "message": violation_text(v, t, "plan.violation"),
                }
                for v in c.register_violations
            ],
        }
    return data


def format_json(result: PlanResult, t: Translator, options: Options = PLAIN) -> str:
    return json.dumps(as_data(result, t, options.compare), ensure_ascii=False, indent=2) + "\n"


# --- markdown ------------------------------------------------------------------------------


def format_md(result: PlanResult, t: Translator, options: Options = PLAIN) -> str:
    compare = options.compare
    lines = [
        f"# {t('plan.title')}",
        "",
        md(header(result, t)),
        "",
        *([md(fallback), ""] if (fallback := fallback_text(result, t)) else []),
        md(objective_rule(result, t)),
        "",
    ]
    if result.conflicts:
        lines += [f"## {t('plan.conflicts')}", ""]
        lines += [f"- {md(violation_text(v, t))}" for v in result.conflicts]
        lines.append("")
    else:
        cols = ["id", "usecase", "category", "score", "effort", "one_off", "note"]
        for usage in result.waves:
            lines += [f"## {md(wave_header(usage, t))}", ""]
            members = [e for e in result.entries if e.wave == usage.wave]
            if not members:
                lines += [t("plan.wave.empty"), ""]
                continue
            lines.append("| " + " | ".join(t(f"plan.col.{c}") for c in cols) + " |")
            lines.append("|" + "---|" * len(cols))
            for e in members:
                cells = [
                    e.id,
                    e.usecase.title,
                    t("label.category." + e.usecase.category),
                    score(e.candidate.weight, t.lang),
                    number(e.candidate.effort, t.lang),
                    euros(e.candidate.budget, t.lang),
                    entry_note(e, t),
                ]
                lines.append("| " + " | ".join(md_cell(c) for c in cells) + " |")
            lines.append("")
        if result.unscheduled:
            lines += [f"## {t('plan.unscheduled')}", ""]
            cols = ["id", "usecase", "reason", "detail"]
            lines.append("| " + " | ".join(t(f"plan.col.{c}") for c in cols) + " |")
            lines.append("|" + "---|" * len(cols))
            # Thousands of entries left out share a few wave-by-wave texts: each is
            # written and escaped once.
            by_wave: dict[tuple[tuple[int, tuple[str, ...]], ...], str] = {}
            for u in result.unscheduled:
                detail = reason_detail(u, result, t)
                if detail:
                    cell = md_cell(detail)
                elif u.by_wave in by_wave:
                    cell = by_wave[u.by_wave]
                else:
                    cell = by_wave[u.by_wave] = md_cell(by_wave_text(u, t))
                cells = [md_cell(u.id), md_cell(u.usecase.title)]
                cells += [md_cell(t("plan.reason." + u.reason)), cell]
                lines.append("| " + " | ".join(cells) + " |")
            lines.append("")
        if result.warnings:
            lines += [f"## {t('plan.warnings')}", ""]
            lines += [f"- {md(t('plan.warning.' + k, id=uid))}" for k, uid in result.warnings]
            lines.append("")
    if compare and result.comparison is not None:
        c = result.comparison
        lines += [f"## {t('plan.compare.title')}", "", md(_objectives(c, t)), ""]
        if not c.changes:
            lines += [t("plan.compare.none"), ""]
        else:
            cols = ["id", "usecase", "change", "before", "after"]
            lines.append("| " + " | ".join(t(f"plan.col.{col}") for col in cols) + " |")
            lines.append("|" + "---|" * len(cols))
            for ch in c.changes:
                cells = [
                    ch.id,
                    ch.title,
                    t("plan.change." + ch.kind),
                    "-" if ch.before is None else str(ch.before),
                    "-" if ch.after is None else str(ch.after),
                ]
                lines.append("| " + " | ".join(md_cell(x) for x in cells) + " |")
            lines.append("")
        if c.register_violations:
            lines += [md(t("plan.compare.violations")), ""]
            lines += [
                f"- {md(violation_text(v, t, 'plan.violation'))}" for v in c.register_violations
            ]
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def format_text(result: PlanResult, t: Translator, options: Options = PLAIN) -> str:
    """The plan for a terminal (``format_table``), then with ``options.compare`` the
    strategies side by side."""
    width = options.terminal.width if options.terminal is not None else None
    text = format_table(result, t, options.limit, width)
    if options.compare and result.comparison is not None and not result.conflicts:
        text += format_compare_table(result.comparison, t)
    return text


REPORTERS: dict[str, Reporter[PlanResult]] = {
    "table": format_text,
    "json": format_json,
    "md": format_md,
}
REPORT_FACTOR: dict[str, float] = {"table": 0.0, "json": 10.0, "md": 6.0}
"""What each format costs to write, in greedy fills (``PlanOptions.report_factor``): json and
md write every entry left out with its reasons in each wave (3,600 entries: 0.19 and 0.1 s
of CPU on a loaded machine, against 0.02 s for a fill); the table lists 30."""
