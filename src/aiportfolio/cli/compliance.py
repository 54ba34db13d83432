"""EU AI Act commands: ``aip classify`` (the questionnaire) and ``aip compliance``
(coverage, deadlines, gaps)."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from aiportfolio import exitcodes
from aiportfolio.cli.common import err, exit_with, handle_errors, out
from aiportfolio.cli.options import ReportDateOption, UseCaseIdArgument, format_option

if TYPE_CHECKING:
    from aiportfolio.actions.classify import Question
    from aiportfolio.i18n import Translator
    from aiportfolio.model.ai_act import Catalog, Labelled

if TYPE_CHECKING:
    ComplianceFormatOption = str
else:
    # The catalog listing (--catalog) offers the same formats (a test keeps them in step).
    ComplianceFormatOption = format_option(
        "ComplianceFormat",
        "aiportfolio.report.compliance",
        "table (terminal), md (Markdown) or json.",
    )


# --- aip classify ----------------------------------------------------------------------------


@handle_errors
def classify_command(
    ctx: typer.Context,
    usecase_id: UseCaseIdArgument,
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            help="YAML file of answers (question id -> answer) instead of asking; "
            "docs/compliance.md lists the questions.",
        ),
    ] = None,
    by: Annotated[str | None, typer.Option(help="Who classified (classified_by).")] = None,
    date: Annotated[
        str | None, typer.Option(help="Date of the classification, YYYY-MM-DD (default: today).")
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show the result, write nothing.")
    ] = False,
) -> None:
    """Classify a use case under the EU AI Act and write the result into its file.

    The questions follow the Regulation: your role (Art. 3(3), Art. 25), prohibited
    practices (Art. 5), Annex I products (Art. 6(1)), Annex III areas (Art. 6(2)) and the
    Art. 6(3) exceptions, transparency cases (Art. 50), general-purpose AI models
    (Art. 51-55). The tier goes to risk.ai_act_tier; role, Annex III point, legal basis and
    the answers (kept for audit) to ai_act; obligations already recorded are kept. Prints
    the obligations that now apply. A proposal to confirm with legal counsel, not legal
    advice.

    Examples:

    \b
      aip classify UC-010
      aip classify UC-010 --answers answers.yaml --by "Direction juridique"
      aip classify UC-004 --answers answers.yaml --dry-run
    """
    from aiportfolio.actions.classify import classification_edit, classify, normalise
    from aiportfolio.actions.new import clean_text
    from aiportfolio.actions.writing import apply_edits, locked
    from aiportfolio.cli.common import open_register, parse_date, register_root, translator
    from aiportfolio.domain.ai_act import catalog_for, obligations_of, shipped_catalog
    from aiportfolio.errors import UsageError

    root = register_root(ctx)
    t = translator(ctx)
    catalog = shipped_catalog()
    if answers is not None:
        raw, where = _read_answers(answers, t), str(answers)
    else:
        if not sys.stdin.isatty():
            raise UsageError(t("ai_act.classify.no_terminal"))
        raw, where = _ask(catalog, t), "--"  # pragma: no cover - needs a terminal
    result = classify(normalise(raw, catalog, where), catalog)
    who = clean_text(by, "--by") if by else None
    with locked(root):
        register = open_register(ctx)
        t = translator(ctx, register)
        on = parse_date(date, t)
        written = classification_edit(register, usecase_id, result, on=on, by=who)
        if not dry_run:
            apply_edits([written.edit], root=register.root)
    # Report the obligations as the edited file now reads.
    from aiportfolio.actions.writing import validate_text

    after = written.edit.after.removeprefix("\ufeff").replace("\r\n", "\n")
    usecase = validate_text(after, register.relpath(written.edit.path))
    found = obligations_of(usecase, catalog_for(register.config, register.root))
    lines = [
        t(
            "ai_act.classify.result",
            id=usecase.id,
            tier=t(f"diff.tier.{result.tier}"),
            role=t(f"ai_act.role.{result.role}"),
        )
    ]
    if (written.before_tier, written.before_role) != (result.tier, result.role):
        lines.append(
            "  "
            + t(
                "ai_act.classify.changed",
                tier=t(f"diff.tier.{written.before_tier}"),
                role=t(f"ai_act.role.{written.before_role or 'deployer'}"),
            )
        )
    if result.annex_iii:
        label = catalog.annex_iii[result.annex_iii].get(t.lang)  # type: ignore[index]
        lines.append("  " + t("ai_act.classify.annex_iii", point=result.annex_iii, label=label))
    if result.legal_basis:
        lines.append("  " + t("ai_act.classify.basis", basis=", ".join(result.legal_basis)))
    lines.append(t("ai_act.classify.obligations", count=len(found)))
    for a in found:
        lines.append(
            t(
                "ai_act.classify.obligation",
                articles=a.articles,
                title=a.obligation.title.get(t.lang),
                id=a.obligation.id,
                date=a.applies_on.isoformat(),
                state=t(f"ai_act.state.{a.status}"),
            )
        )
    if not found:
        lines.append(t("ai_act.classify.none"))
    out("\n".join(lines) + "\n")
    if dry_run:
        err(t("ai_act.classify.dry_run"), style="yellow")
    else:
        err(t("ai_act.classify.written", path=register.relpath(written.edit.path)), style="green")
    err(t("ai_act.classify.disclaimer"))


def _read_answers(path: Path, t: Translator) -> dict[str, Any]:
    from aiportfolio.errors import UsageError
    from aiportfolio.register.yamlio import read_yaml

    if not path.is_file():
        raise UsageError(t("error.path_not_found", path=path))
    data, issue = read_yaml(path)
    if issue is not None and issue.kind != "not-a-mapping":
        where = f"{path}:{issue.line}:{issue.column}" if issue.line else str(path)
        detail = t(f"yaml.{issue.kind}", detail=issue.detail)
        raise UsageError(t("ai_act.classify.unreadable", where=where, detail=detail))
    if not isinstance(data, dict):
        raise UsageError(t("ai_act.classify.not_a_mapping", where=path))
    return {str(k): v for k, v in data.items()}


def _ask(catalog: Catalog, t: Translator) -> dict[str, Any]:  # pragma: no cover - terminal
    """Ask each relevant question in turn (rich prompts on stderr)."""
    from rich.console import Console

    from aiportfolio.actions.classify import next_question

    console = Console(stderr=True, highlight=False)
    answers: dict[str, Any] = {}
    while (question := next_question(answers, catalog)) is not None:
        console.print()
        console.print(t(f"ai_act.q.{question.id}"), markup=False)
        for i, choice in enumerate(question.choices, 1):
            console.print(
                f"  {i:>2}. {choice}  {_label(question, choice, catalog, t)}", markup=False
            )
        while True:
            raw = console.input("> ").strip()
            value = parse_answer(question, raw)
            if value is not None:
                answers[question.id] = value
                break
            expected = (
                t("ai_act.classify.yes_no")
                if question.kind == "bool"
                else ", ".join(question.choices)
            )
            console.print(t("ai_act.classify.retry", expected=expected), style="red", markup=False)
    return answers


def _label(question: Question, choice: str, catalog: Catalog, t: Translator) -> str:
    tables: dict[str, Mapping[str, Labelled]] = {
        "prohibited": catalog.prohibited,
        "annex_iii": {str(k): v for k, v in catalog.annex_iii.items()},
        "exception": {str(k): v for k, v in catalog.exceptions.items()},
        "transparency": {str(k): v for k, v in catalog.transparency.items()},
    }
    table = tables.get(question.id)
    if table is not None:
        found = table.get(choice)
        if found is None:
            return ""
        return f"{found.get(t.lang)} ({found.article})" if found.article else found.get(t.lang)
    if question.id == "role":
        return t(f"ai_act.role.{choice}")
    if question.id == "gpai":
        return t(f"ai_act.gpai.{choice}")
    return ""


def parse_answer(question: Question, raw: str) -> Any:
    """An answer typed at the prompt: numbers pick choices; ``None`` when not valid."""
    words = [w.strip() for w in raw.replace(";", ",").split(",") if w.strip()]

    def pick(word: str) -> str | None:
        if word.isdigit() and 1 <= int(word) <= len(question.choices):
            return question.choices[int(word) - 1]
        bare = word.casefold().replace("(", "").replace(")", "")  # 4a reads as 4(a)
        for choice in question.choices:
            if bare == choice.replace("(", "").replace(")", ""):
                return choice
        return None

    if question.kind == "bool":
        from aiportfolio.model.vocabulary import NO, YES

        lowered = raw.strip().casefold()
        if lowered in YES:
            return True
        if lowered in NO:
            return False
        return None
    if question.kind == "choice":
        if not words and "none" in question.choices:
            return "none"
        return pick(words[0]) if len(words) == 1 else None
    picked = [pick(w) for w in words if w != "none"]
    if any(p is None for p in picked):
        return None
    return picked


# --- aip compliance --------------------------------------------------------------------------


@handle_errors
def compliance_command(
    ctx: typer.Context,
    output_format: ComplianceFormatOption = "table",
    date: ReportDateOption = None,
    days: Annotated[
        int, typer.Option(min=0, max=3650, help="Show open obligations due within DAYS days.")
    ] = 180,
    catalog: Annotated[
        bool, typer.Option("--catalog", help="List the obligations catalog in force instead.")
    ] = False,
) -> None:
    """EU AI Act compliance: coverage per use case and for the portfolio, upcoming deadlines,
    gaps by role and tier, application dates in force.

    Coverage counts the obligations that apply to each active use case (by role, tier and
    classification; docs/compliance.md) that are done or not applicable. Deadlines are the
    use case's own due date, else the application date. Exit 1 when an obligation is
    overdue on a use case in pilot or beyond (what `aip check` reports as an error).

    Examples:

    \b
      aip compliance
      aip compliance --format md >> "$GITHUB_STEP_SUMMARY"
      aip compliance --catalog --format json
    """
    from aiportfolio.cli.common import (
        open_register,
        parse_date,
        require_valid,
        translator,
        view_terminal,
    )
    from aiportfolio.domain.ai_act import catalog_for, compliance_report
    from aiportfolio.report import compliance_catalog
    from aiportfolio.report.compliance import REPORTERS
    from aiportfolio.report.kit.reporter import Options

    register = open_register(ctx)
    t = translator(ctx, register)
    require_valid(register, t)
    chosen = output_format
    in_force = catalog_for(register.config, register.root)
    terminal = view_terminal(chosen)
    options = Options(terminal)
    width = terminal.width if terminal is not None else None
    if catalog:
        out(compliance_catalog.REPORTERS[chosen](in_force, t, options), width=width)
        return
    today = parse_date(date, t)
    report = compliance_report(register.usecases, in_force, today, days)
    out(REPORTERS[chosen](report, t, options), width=width)
    err(
        t.n(
            "ai_act.report.summary",
            report.total,
            closed=report.closed,
            total=report.total,
            overdue=report.overdue,
        ),
        style="red" if report.overdue else "green",
    )
    exit_with(exitcodes.FINDINGS if report.overdue else exitcodes.OK)


def register(app: typer.Typer) -> None:
    app.command("classify")(classify_command)
    app.command("compliance")(compliance_command)
