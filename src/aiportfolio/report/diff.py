"""Reporters of ``aip diff``: ``table`` (terminal text), ``json``, and ``md`` (the
pull-request comment, in ``report/diff_comment.py``); their shared wording is in
``report/diff_labels.py``."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from aiportfolio.analysis.balance import BalanceResult
from aiportfolio.analysis.diff import DiffResult, Entry, FieldChange
from aiportfolio.i18n import Translator
from aiportfolio.report.diff_comment import format_markdown
from aiportfolio.report.diff_labels import (
    VALUE,
    balance_rows,
    before_after,
    enum_label,
    eur_delta,
    field_label,
    listed_fields,
    moves_text,
    note_params,
    plain,
    problem_where,
    rank_text,
    risk_alerts,
    score_cell,
    side_label,
    value_text,
    verdict,
    wave_row,
)
from aiportfolio.report.kit import numbers
from aiportfolio.report.kit.problems import problem_json
from aiportfolio.report.kit.reporter import PLAIN, Options, Reporter


def format_text(result: DiffResult, t: Translator, options: Options = PLAIN) -> str:
    base, head = side_label(result.base_label, t), side_label(result.head_label, t)
    lines = [verdict(result, t), t("diff.compared", base=base, head=head)]
    lines += [f"  * {plain(n.text(t), 300)}" for n in result.notes]

    def heading(title: str) -> None:
        lines.extend(["", title])

    def entry_line(e: Entry) -> str:
        owner = plain(e.owner or t("label.none"), 60)
        return (
            f"  {plain(e.id, 20)}  {plain(e.title, 70)}  ({owner}; "
            f"{enum_label('category', e.category, t)}, {enum_label('status', e.status, t)}, "
            f"{t('diff.col.score').lower()} {numbers.score(e.total, t.lang)}, "
            f"{t('diff.col.rank').lower()} {rank_text(e.rank, t)})"
        )

    if result.added:
        heading(t("diff.added", count=len(result.added)))
        lines += [entry_line(e) for e in result.added]
    if result.removed:
        heading(t("diff.removed", count=len(result.removed)))
        for r in result.removed:
            extra = " " + t("diff.removed.invalid") if r.file_still_there else ""
            lines.append(entry_line(r.entry) + extra)
    if result.renamed:
        heading(t("diff.renamed", count=len(result.renamed)))
        for rn in result.renamed:
            edited = f" ({t('diff.col.edited').lower()})" if rn.edited else ""
            lines.append(
                f"  {plain(rn.id, 20)}  {plain(rn.old_path)} → {plain(rn.new_path)}{edited}"
            )
    if result.changed:
        heading(t("diff.changed", count=len(result.changed)))
        for c in result.changed:
            lines.append(f"  {plain(c.id, 20)}  {plain(c.after.title, 70)}")
            lines.append(
                f"      {t('diff.col.score')}: {score_cell(c.before.total, c.after.total, t)}; "
                f"{t('label.axis.value')}: {score_cell(*c.value, t)}; "
                f"{t('label.axis.feasibility')}: {score_cell(*c.feasibility, t)}; "
                f"{t('diff.col.rank')}: "
                f"{before_after(rank_text(c.before.rank, t), rank_text(c.after.rank, t))}"
            )
            if c.moves:
                lines.append(f"      {plain(moves_text(c, t), 300)}")
            lines += [f"      ! {plain(text, 200)}" for _, text in risk_alerts(c, t)]
            lines += [
                f"      {plain(field_label(f, t), 80)}: {plain(value_text(f.old, t), VALUE)} → "
                f"{plain(value_text(f.new, t), VALUE)}"
                for f in listed_fields(c)
            ]
    heading(t("diff.section.portfolio"))
    lines.append(
        f"  {t('diff.active')}: "
        f"{before_after(str(result.usecases_before), str(result.usecases_after))}"
    )
    lines.append(f"  {t('diff.tco')}: {eur_delta(result.tco_before, result.tco_after, t)}")
    key = "diff.balance.ok" if result.balance_after.ok else "diff.balance.off"
    lines.append(f"  {t(key, tolerance=numbers.num(result.balance_after.tolerance, t.lang))}")
    for row in balance_rows(result.balance_before, result.balance_after, t, plain):
        group, target, count, budget = row
        lines.append(
            f"    {group}: {t('diff.col.target').lower()} {target}; "
            f"{t('diff.col.by_count').lower()} {count}; {t('diff.col.by_budget').lower()} {budget}"
        )
    lines.append(f"  {t('diff.top', count=_top_count(result))}:")
    lines.append(f"    {t('diff.col.before')}: {_top_text(result.top_before, t)}")
    lines.append(f"    {t('diff.col.after')}: {_top_text(result.top_after, t)}")
    waves = [w for w in result.waves if w.changed]
    if waves:
        lines.append(f"  {t('diff.waves', count=len(waves))}:")
        for w in waves:
            name, count, budget, effort = wave_row(w, t, markdown=False)
            lines.append(
                f"    {t('diff.col.wave')} {name}: {t('diff.col.entries').lower()} {count}; "
                f"{t('diff.col.budget').lower()} {budget}; {t('diff.col.effort').lower()} {effort}"
            )
    for key, problems in (
        ("diff.problems.new", result.new_problems),
        ("diff.problems.fixed", result.fixed_problems),
    ):
        if problems:
            heading(t(key, count=len(problems)))
            lines += [
                f"  {plain(problem_where(p), 80)}: {t('severity.' + p.severity.value)} "
                f"[{p.rule}] {plain(p.text(t), 300)}"
                for p in problems
            ]
    return "\n".join(lines) + "\n"


def _top_count(result: DiffResult) -> int:
    return max(len(result.top_before), len(result.top_after))


def _top_text(entries: Sequence[Entry], t: Translator) -> str:
    if not entries:
        return t("label.none")
    return ", ".join(f"{plain(e.id, 20)} ({numbers.score(e.total, t.lang)})" for e in entries)


def _entry_json(e: Entry) -> dict[str, Any]:
    return {
        "id": e.id,
        "title": e.title,
        "owner": e.owner,
        "path": e.path,
        "category": e.category,
        "status": e.status,
        "wave": e.wave,
        "score": e.total,
        "rank": e.rank,
        "risk_level": e.risk_level,
    }


def _change_json(f: FieldChange) -> dict[str, Any]:
    return {
        "field": f.field,
        "context": [list(part) for part in f.context],
        "old": f.old,
        "new": f.new,
    }


def _balance_json(b: BalanceResult) -> dict[str, Any]:
    return {
        "ok": b.ok,
        "tolerance": b.tolerance,
        "active": b.total_count,
        "budget": b.total_budget,
        "groups": [
            {
                "group": g.group,
                "target": g.target,
                "count": g.count,
                "count_share": round(g.count_share, 2),
                "budget": g.budget,
                "budget_share": round(g.budget_share, 2),
                "count_ok": g.count_ok,
                "budget_ok": g.budget_ok,
            }
            for g in b.groups
        ],
    }


def format_json(result: DiffResult, t: Translator, options: Options = PLAIN) -> str:
    payload = {
        "base": side_label(result.base_label, t),
        "head": side_label(result.head_label, t),
        "verdict": verdict(result, t),
        "failed": result.failed,
        "notes": [{"key": n.key, **note_params(n, t), "text": n.text(t)} for n in result.notes],
        "added": [_entry_json(e) for e in result.added],
        "removed": [
            {**_entry_json(r.entry), "file_still_there": r.file_still_there} for r in result.removed
        ],
        "renamed": [
            {"id": r.id, "old_path": r.old_path, "new_path": r.new_path, "edited": r.edited}
            for r in result.renamed
        ],
        "changed": [
            {
                "id": c.id,
                "title": c.after.title,
                "path": c.after.path,
                "score": {"before": c.before.total, "after": c.after.total},
                "value": {"before": c.value[0], "after": c.value[1]},
                "feasibility": {"before": c.feasibility[0], "after": c.feasibility[1]},
                "rank": {"before": c.before.rank, "after": c.after.rank},
                "moves": [{"what": m.what, "old": m.old, "new": m.new} for m in c.moves],
                "escalations": [_change_json(e) for e in c.escalations],
                "owner_removed": c.owner_removed,
                "kpis_removed": list(c.kpis_removed),
                "decisions_added": [d.model_dump(mode="json") for d in c.decisions_added],
                "kpis_away": [asdict(k) for k in c.kpis_away],
                "obligations_added": [
                    {"id": o.id, "articles": list(o.articles)} for o in c.obligations_added
                ],
                "obligations_removed": [
                    {"id": o.id, "articles": list(o.articles)} for o in c.obligations_removed
                ],
                "fields": [_change_json(f) for f in c.fields],
            }
            for c in result.changed
        ],
        "portfolio": {
            "active": {"before": result.usecases_before, "after": result.usecases_after},
            "tco": {"before": result.tco_before, "after": result.tco_after},
            "balance": {
                "before": _balance_json(result.balance_before),
                "after": _balance_json(result.balance_after),
            },
            "top": {
                "before": [_entry_json(e) for e in result.top_before],
                "after": [_entry_json(e) for e in result.top_after],
            },
            "waves": [
                {
                    "wave": w.wave,
                    "name": w.name,
                    "budget_capacity": w.budget_capacity,
                    "effort_capacity": w.effort_capacity,
                    "before": asdict(w.before),
                    "after": asdict(w.after),
                    "over_capacity": w.over_after,
                }
                for w in result.waves
            ],
        },
        "problems": {
            "new": [problem_json(p, t) for p in result.new_problems],
            "fixed": [problem_json(p, t) for p in result.fixed_problems],
        },
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


REPORTERS: dict[str, Reporter[DiffResult]] = {
    "table": format_text,
    "md": format_markdown,
    "json": format_json,
}
