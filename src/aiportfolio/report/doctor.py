"""Reporters of ``aip doctor``: text, markdown, json."""

from __future__ import annotations

import json

from aiportfolio.analysis.doctor import DoctorResult, Evidence
from aiportfolio.i18n import Translator
from aiportfolio.report.kit.escape import md, md_cell
from aiportfolio.report.kit.reporter import PLAIN, Options, Reporter
from aiportfolio.report.kit.steering import message, text_table

_MARK = {"ok": "✓", "warning": "!", "alert": "✗"}


def evidence_text(e: Evidence, t: Translator) -> str:
    return message(t, e.key, e.params)


def summary(result: DoctorResult, t: Translator) -> str:
    return t(
        "doctor.summary",
        alerts=t.n("doctor.count.alerts", result.alerts),
        warnings=t.n("check.by_rule.warnings", result.warnings),
    )


def format_text(result: DoctorResult, t: Translator, options: Options = PLAIN) -> str:
    """The diagnosis for a terminal; with a terminal in ``options``, the triage table fits
    its width."""
    width = options.terminal.width if options.terminal is not None else None
    lines = [
        t("doctor.title"),
        t.n("doctor.asof", result.active, date=result.today.isoformat()),
        "",
    ]
    for s in result.signals:
        level = t(f"doctor.level.{s.level}")
        lines.append(f"{_MARK[s.level]} {s.number}. [{level}] {t(f'doctor.signal.{s.id}')}")
        lines.append(f"     {message(t, s.figure_key, s.figure)}")
        for e in s.evidence:
            who = f"{e.usecase_id} {e.title}: " if e.usecase_id else ""
            lines.append(f"     - {who}{evidence_text(e, t)}")
    lines += ["", t("doctor.triage")]
    if not result.triage:
        lines.append(t("doctor.triage.none"))
    else:
        rows = [
            [
                tr.usecase.id,
                tr.usecase.title,
                t(f"label.status.{tr.usecase.status}"),
                t(f"doctor.verdict.{tr.verdict}"),
                "; ".join(evidence_text(r, t) for r in tr.reasons),
            ]
            for tr in result.triage
        ]
        headers = [
            "ID",
            t("steer.col.usecase"),
            t("steer.col.status"),
            t("doctor.col.verdict"),
            t("steer.col.why"),
        ]
        lines.append(text_table(headers, rows, width).rstrip("\n"))
    return "\n".join(lines) + "\n"


def format_markdown(result: DoctorResult, t: Translator, options: Options = PLAIN) -> str:
    lines = [
        f"## {t('doctor.title')}",
        "",
        md(t.n("doctor.asof", result.active, date=result.today.isoformat())),
        "",
        f"| # | {t('doctor.col.signal')} | {t('doctor.col.level')} | {t('doctor.col.figure')} |",
        "|---|---|---|---|",
    ]
    for s in result.signals:
        lines.append(
            f"| {s.number} | {md_cell(t(f'doctor.signal.{s.id}'))} | "
            f"{_MARK[s.level]} {t(f'doctor.level.{s.level}')} | "
            f"{md_cell(message(t, s.figure_key, s.figure))} |"
        )
    lines.append("")
    with_evidence = [s for s in result.signals if s.evidence]
    if with_evidence:
        lines += [f"### {t('doctor.evidence')}", ""]
        for s in with_evidence:
            lines.append(f"**{s.number}. {md(t(f'doctor.signal.{s.id}'))}**")
            lines.append("")
            for e in s.evidence:
                who = f"{e.usecase_id} {md(e.title)}: " if e.usecase_id else ""
                lines.append(f"- {who}{md(evidence_text(e, t))}")
            lines.append("")
    lines += [f"### {t('doctor.triage')}", ""]
    if not result.triage:
        lines += [t("doctor.triage.none"), ""]
    else:
        lines.append(
            f"| ID | {t('steer.col.usecase')} | {t('steer.col.status')} | "
            f"{t('doctor.col.verdict')} | {t('steer.col.why')} |"
        )
        lines.append("|---|---|---|---|---|")
        for tr in result.triage:
            why = "; ".join(evidence_text(r, t) for r in tr.reasons)
            lines.append(
                f"| {tr.usecase.id} | {md_cell(tr.usecase.title)} | "
                f"{t(f'label.status.{tr.usecase.status}')} | "
                f"{t(f'doctor.verdict.{tr.verdict}')} | {md_cell(why)} |"
            )
        lines.append("")
    return "\n".join(lines)


def format_json(result: DoctorResult, t: Translator, options: Options = PLAIN) -> str:
    payload = {
        "date": result.today.isoformat(),
        "active": result.active,
        "alerts": result.alerts,
        "warnings": result.warnings,
        "signals": [
            {
                "number": s.number,
                "id": s.id,
                "level": s.level,
                "figure": s.figure,
                "evidence": [
                    {
                        "usecase": e.usecase_id,
                        "kind": e.key.split(".", 2)[-1],
                        "text": evidence_text(e, t),
                    }
                    for e in s.evidence
                ],
            }
            for s in result.signals
        ],
        "triage": [
            {
                "usecase": tr.usecase.id,
                "verdict": tr.verdict,
                "reasons": [evidence_text(r, t) for r in tr.reasons],
            }
            for tr in result.triage
        ],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2, default=str) + "\n"


REPORTERS: dict[str, Reporter[DoctorResult]] = {
    "table": format_text,
    "md": format_markdown,
    "json": format_json,
}
