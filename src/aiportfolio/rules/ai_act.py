"""EU AI Act obligations (docs/compliance.md).

ai-act-obligation-overdue: from ``pilot`` on, an obligation whose application date (or the
use case's own due date) has passed and that is neither done nor not applicable is an error
naming its articles. ai-act-obligation-unknown: ``ai_act.obligations`` lists an id the
catalog does not know. ai-act-evidence-missing: an evidence path does not exist in the
register (URLs are not fetched). ai-act-evidence-required: a ``done`` obligation without
evidence. ai-act-obligation-extra: an obligation is tracked that the classification does
not make applicable (after a role or tier change)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from aiportfolio.domain.ai_act import catalog_for, obligation_ids, obligations_of
from aiportfolio.model.lifecycle import ACTIVE, MEASURED
from aiportfolio.model.usecase import UseCase
from aiportfolio.problem import Severity
from aiportfolio.register.loader import suggest
from aiportfolio.rules.base import Finding, Rule, RuleContext


def _index(uc: UseCase, obligation_id: str) -> int:
    return next(i for i, o in enumerate(uc.ai_act.obligations) if o.id == obligation_id)


def check_overdue(uc: UseCase, ctx: RuleContext) -> Iterator[Finding]:
    catalog = catalog_for(ctx.register.config, ctx.t, ctx.register.root)
    for a in obligations_of(uc, catalog):
        if a.closed or a.deadline > ctx.today:
            continue
        loc: tuple[str | int, ...] = (
            ("ai_act", "obligations", _index(uc, a.obligation.id)) if a.entry else ("risk",)
        )
        key = "ai_act.rule.overdue.due" if a.deadline != a.applies_on else "ai_act.rule.overdue"
        yield Finding(
            uc,
            loc,
            ctx.t(
                key,
                articles=a.articles,
                id=a.obligation.id,
                title=a.obligation.title.get(ctx.t.lang),
                date=a.deadline.isoformat(),
                state=ctx.t(f"ai_act.state.{a.status}"),
                status=ctx.t(f"label.status.{uc.status}"),
            ),
            ctx.t("ai_act.rule.overdue.hint", id=a.obligation.id),
        )


def check_unknown(uc: UseCase, ctx: RuleContext) -> Iterator[Finding]:
    catalog = catalog_for(ctx.register.config, ctx.t, ctx.register.root)
    ids = [o.id for o in catalog.obligations]
    for index, entry in enumerate(uc.ai_act.obligations):
        if entry.id in ids:
            continue
        close = suggest(entry.id, ids)
        hint = (
            ctx.t("schema.hint.did_you_mean", key=close) if close else ctx.t("ai_act.rule.see_list")
        )
        yield Finding(
            uc,
            ("ai_act", "obligations", index, "id"),
            ctx.t("ai_act.rule.unknown", id=entry.id),
            hint,
        )


def check_extra(uc: UseCase, ctx: RuleContext) -> Iterator[Finding]:
    if not uc.ai_act.obligations or uc.risk.ai_act_tier == "unassessed":
        return  # nothing is derived before classification: nothing can be extra
    catalog = catalog_for(ctx.register.config, ctx.t, ctx.register.root)
    applying = obligation_ids(uc, catalog)
    for index, entry in enumerate(uc.ai_act.obligations):
        if (
            entry.id in applying
            or entry.status == "not_applicable"
            or catalog.get(entry.id) is None
        ):
            continue
        yield Finding(
            uc,
            ("ai_act", "obligations", index, "id"),
            ctx.t(
                "ai_act.rule.extra",
                id=entry.id,
                role=ctx.t(f"ai_act.role.{uc.ai_act.role or 'deployer'}"),
                tier=ctx.t(f"diff.tier.{uc.risk.ai_act_tier}"),
            ),
            ctx.t("ai_act.rule.extra.hint"),
        )


def evidence_path_problem(ref: str, root: Path) -> str | None:
    """Why an evidence path is not acceptable ("outside", "missing"), ``None`` when fine."""
    posix = PurePosixPath(ref.replace("\\", "/"))
    if posix.is_absolute() or ".." in posix.parts or ":" in ref.split("/", 1)[0]:
        return "outside"
    target = root / Path(*posix.parts)
    try:
        if not target.exists():
            return "missing"
        target.resolve().relative_to(root.resolve())
    except ValueError:
        return "outside"
    except OSError:
        return "missing"
    return None


def check_evidence(uc: UseCase, ctx: RuleContext) -> Iterator[Finding]:
    for i, entry in enumerate(uc.ai_act.obligations):
        for j, evidence in enumerate(entry.evidence):
            if evidence.is_url:
                continue
            why = evidence_path_problem(evidence.ref, ctx.register.root)
            if why is not None:
                yield Finding(
                    uc,
                    ("ai_act", "obligations", i, "evidence", j, "ref"),
                    ctx.t(f"ai_act.rule.evidence.{why}", ref=evidence.ref, id=entry.id),
                    ctx.t("ai_act.rule.evidence.hint"),
                )


def check_evidence_given(uc: UseCase, ctx: RuleContext) -> Iterator[Finding]:
    for i, entry in enumerate(uc.ai_act.obligations):
        if entry.status == "done" and not entry.evidence:
            yield Finding(
                uc,
                ("ai_act", "obligations", i),
                ctx.t("ai_act.rule.no_evidence", id=entry.id),
                ctx.t("ai_act.rule.no_evidence.hint"),
            )


RULES = (
    Rule(
        "ai-act-obligation-overdue",
        Severity.ERROR,
        "ai_act.rule.overdue.summary",
        per_usecase=check_overdue,
        statuses=MEASURED,
    ),
    Rule(
        "ai-act-obligation-unknown",
        Severity.ERROR,
        "ai_act.rule.unknown.summary",
        per_usecase=check_unknown,
    ),
    Rule(
        "ai-act-evidence-missing",
        Severity.ERROR,
        "ai_act.rule.evidence.summary",
        per_usecase=check_evidence,
    ),
    Rule(
        "ai-act-evidence-required",
        Severity.WARNING,
        "ai_act.rule.no_evidence.summary",
        per_usecase=check_evidence_given,
    ),
    Rule(
        "ai-act-obligation-extra",
        Severity.INFO,
        "ai_act.rule.extra.summary",
        per_usecase=check_extra,
        statuses=ACTIVE,
    ),
)
