"""Commands that write the register: init, new, decide, kpi record, fmt, import, export.

Each parses its options, calls one engine function that returns the edits (or writes under
the register lock), reports on stderr, and maps the outcome to an exit code.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from aiportfolio import __version__, exitcodes
from aiportfolio.cli.common import err, exit_with, handle_errors, out
from aiportfolio.model.vocabulary import CATEGORIES, DECISION_KINDS, LANGS
from aiportfolio.report.kit import formats

if TYPE_CHECKING:
    from collections.abc import Sequence

    from aiportfolio.actions.new import Card
    from aiportfolio.i18n import Translator
    from aiportfolio.problem import Problem
    from aiportfolio.register.loader import Register


class ExportFormat(str, Enum):
    csv = "csv"
    xlsx = "xlsx"


if TYPE_CHECKING:
    DecisionChoice = str
    CategoryChoice = str
    Lang = str
else:
    # Derived from the model's vocabularies: never a second list to keep in step.
    DecisionChoice = formats.choices("DecisionChoice", DECISION_KINDS)
    CategoryChoice = formats.choices("CategoryChoice", CATEGORIES)
    Lang = formats.choices("Lang", LANGS)


def _value(chosen: object) -> str:
    """The text of a choice (an Enum member, or its default string)."""
    return str(getattr(chosen, "value", chosen))


class CiChoice(str, Enum):
    github = "github"
    gitlab = "gitlab"
    none = "none"


def _open(ctx: typer.Context) -> tuple[Register, Translator]:
    from aiportfolio.cli.common import open_register, translator

    register = open_register(ctx)
    return register, translator(ctx, register)


def _report_written(t: Translator, register: Register, paths: list[Path]) -> None:
    for path in paths:
        err(t("write.written", path=register.relpath(path)), style="green")


# --- aip init --------------------------------------------------------------------------------


@handle_errors
def init(
    ctx: typer.Context,
    directory: Annotated[
        Path, typer.Argument(help="Folder of the new register (created if needed).")
    ] = Path("."),
    lang: Annotated[
        Lang | None,
        typer.Option(
            "--lang",
            help="Language of the written files: comments, example and README (en or fr; "
            "default: the language of the messages). Messages follow `aip --lang`.",
        ),
    ] = None,
    templates: Annotated[
        bool, typer.Option("--templates", help="Also copy the built-in report templates.")
    ] = False,
    pages: Annotated[
        bool,
        typer.Option(
            "--pages",
            help="Also write the workflows that publish `aip report` to GitHub Pages "
            "(.github/workflows/aip-pages.yml) and GitLab Pages (ci/aip-pages.gitlab-ci.yml).",
        ),
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="Overwrite existing files.")] = False,
    package: Annotated[
        str | None,
        typer.Option(
            "--package",
            metavar="SPEC",
            help="What the CI files pip-install as aip (AIP_PACKAGE; default: "
            "aiportfolio==<this version>), e.g. a git URL.",
        ),
    ] = None,
    ci: Annotated[
        CiChoice,
        typer.Option(
            "--ci", help="CI files to write: github (Actions workflows), gitlab, or none."
        ),
    ] = CiChoice.github,
    example: Annotated[
        bool,
        typer.Option(
            "--example/--no-example",
            help="Write the five example use cases (a portfolio that passes check, plan and "
            "balance), or an empty usecases/.",
        ),
    ] = True,
) -> None:
    """Create a register: config/ (the first wave starts on a fixed date), usecases/ with
    five example use cases (the first one fully commented) that pass check, plan and
    balance, the JSON schemas, editor settings, pre-commit hook, CI files and a README.

    Refuses to overwrite any existing file unless --force (exit 2, nothing written).

    Two languages: `aip --lang` (else the language of the register you are in, else
    English) is the language of the messages; `init --lang` is the language of the
    files written, by default the same.

    Examples:

      aip init portefeuille-ia --lang fr

      aip init . --templates --ci gitlab

      aip init . --no-example --ci none

      aip init . --pages

      aip init . --package "git+https://github.com/acme/aip.git@v0.1.0"
    """
    from aiportfolio.actions.init import init_register
    from aiportfolio.cli.common import parse_date, translator

    t = translator(ctx)
    chosen = _value(lang) if lang else t.lang
    result = init_register(
        directory,
        chosen,
        templates=templates,
        force=force,
        today=parse_date(None, t),
        t=t,
        package=package,
        pages=pages,
        ci=ci.value,
        example=example,
    )
    for path in result.written:
        err(t("write.written", path=path.relative_to(result.root).as_posix()))
    err(t("write.init.done", root=directory, count=len(result.written)), style="green")
    err(t("write.init.next", root=directory))
    if result.origin is not None:
        origin = result.origin
        key = "team.init.not_from_index" if origin.source else "team.init.not_installed"
        err(t(key, source=origin.source, spec=result.package), style="yellow")
        spec = origin.ci_spec or f"git+https://github.com/OWNER/aiportfolio.git@v{__version__}"
        err(t("team.init.set_package", example=spec), style="yellow")


# --- aip new ---------------------------------------------------------------------------------


@handle_errors
def new(
    ctx: typer.Context,
    title: Annotated[str, typer.Argument(help="Title of the use case (at most 200 characters).")],
    owner: Annotated[str | None, typer.Option(help="Business owner's name.")] = None,
    category: Annotated[
        CategoryChoice, typer.Option(help="quick_win, foundation, differentiator or compliance.")
    ] = "quick_win",
    interactive: Annotated[
        bool,
        typer.Option("--interactive", "-i", help="Ask for the essentials of the one-page card."),
    ] = False,
) -> None:
    """Create usecases/UC-NNN-<slug>.yaml under the next free id, with every field and a
    guiding comment. Prints the new id on stdout.

    Examples:

      aip new "Tri des réclamations clients" --owner "Claire Martin"

      aip new "Invoice extraction" --category quick_win --interactive
    """
    from aiportfolio.actions.new import Card, create_usecase
    from aiportfolio.cli.common import register_root, translator
    from aiportfolio.errors import UsageError
    from aiportfolio.register.lock import LockTimeout

    root = register_root(ctx)
    t = translator(ctx)
    folder = root / "usecases"
    if not folder.is_dir():
        raise UsageError(t("write.new.no_usecases_dir", root=root))
    card = Card(title=title, category=_value(category), owner=owner)
    if interactive:
        card = _ask_card(card, t)
    from aiportfolio.analysis.idclash import remote_numbers
    from aiportfolio.domain.ids import used_numbers

    remote = remote_numbers(root, t)
    try:
        result = create_usecase(folder, card, t, remote.numbers)
    except LockTimeout as exc:
        raise UsageError(t("write.lock_timeout", path=exc)) from None
    local = used_numbers(folder) - {int(result.usecase_id[3:])}
    if max(remote.numbers, default=0) > max(local, default=0):
        last = f"UC-{max(remote.numbers):03d}"
        refs = ", ".join(remote.refs)
        err(t("team.new.skipped_remote", last=last, refs=refs, id=result.usecase_id))
    err(t("write.new.created", id=result.usecase_id, path=result.path.relative_to(root).as_posix()))
    err(t("write.new.next"))
    out(result.usecase_id + "\n")


def _ask_card(card: Card, t: Translator) -> Card:
    """Ask for the essentials of the one-page card, owner first, on stdin (a terminal or a
    pipe): each question says its allowed values; Enter keeps the value in brackets or
    leaves the field empty."""
    from aiportfolio.actions.new import Card
    from aiportfolio.model.common import parse_number

    def ask(key: str, default: str | None = None, choices: list[str] | None = None) -> str | None:
        label = t(key)
        if choices:
            label += " (" + ", ".join(choices) + ")"
        if default:
            label += f" [{default}]"
        while True:
            answer = str(typer.prompt(label, default="", show_default=False)).strip()
            if not answer:
                return default
            if not choices or answer.lower() in choices:
                return answer.lower() if choices else answer
            err(t("team.prompt.choose", value=answer, choices=", ".join(choices)), style="red")

    def number(key: str) -> float | None:
        while True:
            raw = ask(key)
            if raw is None:
                return None
            try:
                return parse_number(raw)
            except ValueError:
                err(t("write.bad_number", value=raw), style="red")

    owner = ask("write.prompt.owner", card.owner)
    owner_role = ask("write.prompt.owner_role")
    category = ask("write.prompt.category", card.category, list(CATEGORIES))
    process = ask("write.prompt.process")
    problem = ask("write.prompt.problem")
    value = ask("write.prompt.value")
    sources = ask("write.prompt.sources")
    data_class = ask("write.prompt.data_class", None, ["green", "orange", "red"])
    risk_level = ask("write.prompt.risk", None, ["low", "medium", "high"])
    tool = ask("write.prompt.tool")
    users = ask("write.prompt.users")
    kpi_name = ask("write.prompt.kpi")
    kpi_level: str | None = "impact"
    kpi_unit = direction = None
    baseline = target = None
    if kpi_name:
        kpi_level = ask("team.prompt.kpi_level", "impact", ["impact", "adoption", "quality"])
        kpi_unit = ask("write.prompt.kpi_unit")
        baseline = number("write.prompt.baseline")
        target = number("write.prompt.target")
        guess = None
        if baseline is not None and target is not None and baseline != target:
            guess = "lower_is_better" if target < baseline else "higher_is_better"
        direction = ask("team.prompt.kpi_direction", guess, ["higher_is_better", "lower_is_better"])
    return Card(
        title=card.title,
        owner=owner,
        owner_role=owner_role,
        category=category or card.category,
        process=process,
        problem=problem,
        value=value,
        sources=[s.strip() for s in (sources or "").split(",") if s.strip()],
        data_class=data_class,
        risk_level=risk_level,
        tool=tool,
        users=users,
        kpi_name=kpi_name,
        kpi_level=kpi_level or "impact",
        kpi_direction=direction,
        kpi_unit=kpi_unit,
        kpi_baseline=baseline,
        kpi_target=target,
        next_step=ask("write.prompt.next_step"),
    )


# --- aip renumber ----------------------------------------------------------------------------


@handle_errors
def renumber(
    ctx: typer.Context,
    old: Annotated[str, typer.Argument(metavar="OLD", help="The use case's current id.")],
    new: Annotated[str, typer.Argument(metavar="NEW", help="Its new id, free everywhere.")],
) -> None:
    """Give a use case a new id: rename its file, rewrite its `id:` and every `depends_on`
    that names it. Comments and layout are kept; only those lines change. Use it when
    `aip check --base` reports an id-base-collision (another branch took the same id).

    NEW must be free in this register and on the upstream and default branches that git
    knows (exit 2 otherwise).

    Examples:

      aip renumber UC-014 UC-017

      aip check --base origin/main || aip renumber UC-014 UC-017
    """
    from aiportfolio.actions.writing import apply_edits, locked, read_source
    from aiportfolio.analysis.idclash import remote_numbers
    from aiportfolio.analysis.idclash import renumber as renumber_engine
    from aiportfolio.cli.common import register_root, translator
    from aiportfolio.errors import UsageError

    root = register_root(ctx)
    with locked(root, translator(ctx)):
        register, t = _open(ctx)
        remote = remote_numbers(root, t)
        result = renumber_engine(register, old, new, t, remote.numbers)
        before = read_source(result.old_path).raw
        apply_edits(list(result.edits), root=register.root, t=t)
        if result.old_path.read_bytes() != before:  # pragma: no cover - we hold the lock
            raise UsageError(t("write.changed_meanwhile", path=register.relpath(result.old_path)))
        result.old_path.unlink()
    err(
        t(
            "team.renumber.done",
            old=result.old_id,
            new=result.new_id,
            old_path=register.relpath(result.old_path),
            new_path=register.relpath(result.new_path),
        ),
        style="green",
    )
    if result.referrers:
        ids = ", ".join(result.referrers)
        err(t("team.renumber.referrers", count=len(result.referrers), ids=ids))
    err(t("team.renumber.next"))


# --- aip decide --------------------------------------------------------------------------


@handle_errors
def decide(
    ctx: typer.Context,
    usecase_id: Annotated[str, typer.Argument(metavar="UC-ID", help="Use case id.")],
    decision: Annotated[DecisionChoice, typer.Argument(help="go, iterate, scale or stop.")],
    note: Annotated[str | None, typer.Option(help="Why: the facts behind the decision.")] = None,
    by: Annotated[
        str | None, typer.Option(help="Who decided (default: the portfolio committee).")
    ] = None,
    date: Annotated[
        str | None, typer.Option(help="Date of the decision, YYYY-MM-DD (default: today).")
    ] = None,
    next_decision: Annotated[
        str | None, typer.Option(help="Date of the next decision (sets decision_date).")
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="Write even if the entry would then fail the gate (aip check)."
        ),
    ] = False,
) -> None:
    """Record a decision and move the status: go (idea -> scoping -> pilot ->
    industrialising), iterate (same status), scale (pilot -> industrialising -> operated),
    stop (any active -> stopped). An impossible decision is refused (exit 2) with the
    possible ones listed. A decision after which the entry would fail aip check (a pilot
    with no KPI baseline, a high-risk pilot without its reviews...) is refused (exit 1,
    nothing written, the problems listed) unless --force, which writes and says so.

    Examples:

      aip decide UC-007 go --note "Baseline measured: 48 h" --next-decision 2027-01-15

      aip decide UC-012 stop --by "Comité portefeuille" --note "No owner after 2 months"
    """
    from aiportfolio.actions.new import clean_text
    from aiportfolio.actions.writing import apply_edits, locked
    from aiportfolio.actions.writing import decide as decide_engine
    from aiportfolio.cli.common import parse_date, register_root, translator

    root = register_root(ctx)
    with locked(root, translator(ctx)):
        register, t = _open(ctx)
        on = parse_date(date, t)
        nxt = parse_date(next_decision, t) if next_decision else None
        who = clean_text(by, t, t("write.what.by")) if by else t("write.decide.default_by")
        result = decide_engine(
            register,
            usecase_id,
            _value(decision),
            note=note.strip() if note and note.strip() else None,
            by=who,
            on=on,
            next_decision=nxt,
            t=t,
            today=parse_date(None, t),
            force=force,
        )
        apply_edits([result.edit], root=register.root, t=t)
    err(
        t(
            "write.decide.done",
            id=result.usecase_id,
            decision=t(f"label.decision.{_value(decision)}"),
            before=t(f"label.status.{result.before}"),
            after=t(f"label.status.{result.after}"),
            path=register.relpath(result.edit.path),
        ),
        style="green",
    )
    if result.forced:
        _report_forced(t, result.usecase_id, result.forced)
    elif result.still_failing:
        rules = ", ".join(result.still_failing)
        err(t("gate.write.still_failing", id=result.usecase_id, rules=rules), style="yellow")


def _report_forced(t: Translator, usecase_id: str, problems: Sequence[Problem]) -> None:
    err(t("gate.write.forced", id=usecase_id, count=len(problems)), style="yellow")
    for p in problems:
        err(f"  {p.path}:{p.line}:{p.column}: [{p.rule}] {p.message}")


# --- aip kpi record --------------------------------------------------------------------------

kpi_app = typer.Typer(
    name="kpi",
    help="Record KPI measurements.",
    no_args_is_help=True,
    rich_markup_mode=None,
)


@kpi_app.command("record")
@handle_errors
def kpi_record(
    ctx: typer.Context,
    usecase_id: Annotated[str, typer.Argument(metavar="UC-ID", help="Use case id.")],
    kpi: Annotated[str, typer.Argument(help="KPI name as written in the use case.")],
    value: Annotated[str, typer.Argument(help="Measured value (12.5 or 12,5).")],
    date: Annotated[
        str | None, typer.Option(help="Date of the measurement, YYYY-MM-DD (default: today).")
    ] = None,
    note: Annotated[str | None, typer.Option(help="How it was measured.")] = None,
    replace: Annotated[
        bool,
        typer.Option("--replace", help="Replace the measurement already on that date."),
    ] = False,
) -> None:
    """Append a dated measurement to a KPI (kept in date order). The KPI name is matched
    ignoring case and accents ("delai de tri" finds "Délai de tri"); a name matching
    several KPIs is refused with the candidates, an unknown one gets a "did you mean". A
    second value on the same date is refused (exit 2) unless --replace. A value far outside
    the baseline-to-target range is recorded with a warning.

    Examples:

      aip kpi record UC-007 "Délai de tri" 12 --date 2026-11-20

      aip kpi record UC-004 "First-contact resolution" 0,62
    """
    from aiportfolio.actions.writing import apply_edits, locked, record_measurement
    from aiportfolio.cli.common import parse_date, register_root, translator
    from aiportfolio.errors import UsageError
    from aiportfolio.model.common import parse_number

    root = register_root(ctx)
    with locked(root, translator(ctx)):
        register, t = _open(ctx)
        try:
            number = parse_number(value)
        except ValueError:
            raise UsageError(t("write.bad_number", value=value)) from None
        result = record_measurement(
            register,
            usecase_id,
            kpi,
            number,
            on=parse_date(date, t),
            note=note.strip() if note and note.strip() else None,
            t=t,
            replace=replace,
        )
        apply_edits([result.edit], root=register.root, t=t)
    from aiportfolio.report.kit import numbers

    err(
        t(
            "write.kpi.done",
            id=result.usecase_id,
            kpi=result.kpi,
            value=numbers.value(result.value, t.lang),
            date=result.on.isoformat(),
            path=register.relpath(result.edit.path),
        ),
        style="green",
    )
    if result.replaced is not None:
        err(
            t(
                "kpi.replaced",
                date=result.on.isoformat(),
                before=numbers.value(result.replaced, t.lang),
            )
        )
    if result.outlier is not None:
        low, high = result.outlier
        err(
            t(
                "kpi.outlier",
                value=numbers.value(result.value, t.lang),
                low=numbers.value(low, t.lang),
                high=numbers.value(high, t.lang),
            ),
            style="yellow",
        )
    today = parse_date(None, t)
    if result.on > today:
        err(
            t("write.kpi.future", date=result.on.isoformat(), today=today.isoformat()),
            style="yellow",
        )


# --- aip fmt ---------------------------------------------------------------------------------


@handle_errors
def fmt(
    ctx: typer.Context,
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Use-case files or folders (default: usecases/)."),
    ] = None,
    check: Annotated[
        bool, typer.Option("--check", help="Change nothing; exit 1 if a file would change.")
    ] = False,
) -> None:
    """Normalise use-case files: keys in the schema's order, canonical indentation, long
    lines never wrapped. Comments and quoting are kept. Run it once; later edits by aip
    are then minimal diffs.

    Exit 0 when every file is formatted; with --check, 1 when some would change (listed
    on stdout).

    Examples:

      aip fmt

      aip fmt --check
    """
    from aiportfolio.actions.fmt import format_files
    from aiportfolio.actions.writing import apply_edits, locked
    from aiportfolio.cli.common import register_root, translator
    from aiportfolio.errors import UsageError
    from aiportfolio.register.loader import display_path, usecase_files

    root = register_root(ctx)
    t = translator(ctx)
    for path in paths or []:
        if not path.exists():
            raise UsageError(t("error.path_not_found", path=path))
    files = usecase_files(root, paths or (), t)
    folder = (root / "usecases").resolve()
    for file in files:
        # fmt rewrites files: only use-case files of this register, never a file
        # elsewhere (a path given by mistake, or a symbolic link out of usecases/).
        resolved = file.resolve()
        if resolved.parent != folder or resolved.suffix not in (".yaml", ".yml"):
            raise UsageError(t("write.fmt.outside", path=file, folder="usecases/"))
    with locked(root, t):
        result = format_files(files)
        changed = result.changed
        if not check:
            apply_edits(changed, root=root, t=t, validate=False)
    for skipped in result.skipped:
        err(
            t("write.fmt.skipped", path=display_path(skipped.path, root), detail=skipped.detail),
            style="red",
        )
    same = len(result.edits) - len(changed)
    if check:
        for edit in changed:
            out(t("write.fmt.would_change", path=display_path(edit.path, root)) + "\n")
        err(t("write.fmt.summary", changed=len(changed), same=same))
        if changed:
            err(t("write.fmt.hint"))
    else:
        for edit in changed:
            err(t("write.fmt.changed", path=display_path(edit.path, root)))
        err(t("write.fmt.summary_done", changed=len(changed), same=same))
    if result.skipped:
        err(t("write.fmt.skipped_summary", count=len(result.skipped)), style="bold red")
    exit_with(exitcodes.FINDINGS if result.skipped or (check and changed) else exitcodes.OK)


# --- aip import / export ---------------------------------------------------------------------


@handle_errors
def import_(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="A .csv or .xlsx file, one use case per row.")],
    mapping: Annotated[
        Path | None,
        typer.Option(
            "--mapping",
            "-m",
            help="YAML mapping: register field -> column(s), constants, value translations "
            "(default: the mapping of `aip export`).",
        ),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Validate every row and report; write nothing.")
    ] = False,
    update: Annotated[
        bool, typer.Option("--update", help="Update use cases whose id already exists.")
    ] = False,
    skip_invalid: Annotated[
        bool,
        typer.Option(
            "--skip-invalid",
            help="Import the valid rows; write the rows with errors, with their reasons, "
            "to a rejects CSV (exit 1 when there are some).",
        ),
    ] = False,
    rejects: Annotated[
        Path | None,
        typer.Option(
            "--rejects",
            help="Where --skip-invalid writes the rejected rows (default: FILE's name "
            "with .rejects.csv, beside it).",
        ),
    ] = None,
    suggest_mapping: Annotated[
        bool,
        typer.Option(
            "--suggest-mapping",
            help="Print a starting mapping for FILE from its column names (English and "
            "French), to check and pass to --mapping. Imports nothing.",
        ),
    ] = False,
) -> None:
    """Create one use case per row of a spreadsheet. Every row is validated first: if any
    row cannot be mapped, nothing is written (exit 1) and each problem is reported with its
    row number. Likely duplicates (near-identical titles or problems, within the file and
    against the register) are reported. Existing ids are updated only with --update.

    Examples:

      aip import pocs.xlsx --mapping examples/import-mapping.yaml --dry-run

      aip export --format csv --out all.csv && aip import all.csv --update

      aip import inventaire.xlsx --suggest-mapping > mapping.yaml

      aip import inventaire.xlsx --mapping mapping.yaml --skip-invalid
    """
    import sys

    from aiportfolio.actions.importing import import_rows, load_mapping, read_table
    from aiportfolio.actions.writing import apply_edits, locked
    from aiportfolio.cli.common import register_root, translator
    from aiportfolio.errors import UsageError

    if suggest_mapping:
        _suggest_mapping(ctx, file, mapping)
        return
    root = register_root(ctx)
    rejects_path = rejects or file.with_name(file.stem + ".rejects.csv")
    if skip_invalid and rejects_path.resolve() == file.resolve():
        raise UsageError(translator(ctx)("import.rejects.same_file", path=rejects_path))
    # The lock is taken before the register is read: the ids and the files to update are
    # chosen from what is on disk, and nobody may change that until the files are written.
    with locked(root, translator(ctx)):
        register, t = _open(ctx)
        spec = load_mapping(mapping, t)
        phases = _Phases(t, sys.stderr.isatty())
        try:
            table = read_table(file, spec, t, progress=phases)
            if mapping is None:
                spec = spec.present(table.columns)
                if not spec.fields:
                    raise UsageError(t("import.no_known_column", path=file))
            for warning in table.warnings:
                phases.print(warning)
            result = import_rows(register, table, spec, t, update=update, progress=phases)
            if not dry_run and (skip_invalid or not result.errors):
                writes = [edit for edit in result.edits if edit.changed]
                phases("write", 0, len(writes))
                # Rows were validated by import_rows; update edits by validate_text.
                apply_edits(writes, root=register.root, t=t, validate=False)
                phases("write", len(writes), len(writes))
        finally:
            phases.stop()
    for message in result.messages:
        key = "import.row_error" if message.is_error else "import.row_warning"
        err(
            t(key, row=message.row, message=message.text),
            style="red" if message.is_error else "yellow",
        )
    err(t("import.summary", **result.counts))
    if result.errors and skip_invalid and not dry_run:
        from aiportfolio.actions.importing import rejects_csv
        from aiportfolio.register.roundtrip import atomic_write

        atomic_write(rejects_path, rejects_csv(table, result, t))
        err(t("import.done", created=result.counts["created"], updated=result.counts["updated"]))
        err(t("import.rejects.written", count=result.errors, path=rejects_path), style="bold red")
        exit_with(exitcodes.FINDINGS)
    if result.errors:
        err(t("import.nothing_written"), style="bold red")
        exit_with(exitcodes.FINDINGS)
    if dry_run:
        err(t("import.dry_run"))
        return
    err(t("import.done", created=result.counts["created"], updated=result.counts["updated"]))


def _suggest_mapping(ctx: typer.Context, file: Path, mapping: Path | None) -> None:
    """``aip import FILE --suggest-mapping``: print a mapping guessed from the headers
    (``--mapping`` may give the sheet and header rows to read them from)."""
    from aiportfolio.actions.importing import Mapping, load_mapping, read_table
    from aiportfolio.cli.common import translator
    from aiportfolio.tabular.suggest import mapping_text, suggest

    t = translator(ctx)
    spec = load_mapping(mapping, t) if mapping is not None else Mapping(fields={})
    table = read_table(file, spec, t)
    out(mapping_text(suggest(table), file.name, t))


class _Phases:
    """Progress of a long import on stderr, one bar per phase (read, validate,
    duplicates, write) with its counts; only on a terminal, and only once the file has
    enough rows to be worth it."""

    THRESHOLD = 200

    def __init__(self, t: Translator, show: bool) -> None:
        self.t = t
        self.show = show
        self.bar: Any = None
        self.tasks: dict[str, Any] = {}

    def __call__(self, phase: str, done: int, total: int | None) -> None:
        if not self.show:
            return
        if self.bar is None:
            if max(done, total or 0) < self.THRESHOLD:
                return
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            self.bar = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self.bar.start()
        if phase not in self.tasks:
            for task in self.tasks.values():  # an earlier phase is over
                self.bar.update(task, total=self.bar.tasks[task].completed)
            label = self.t(f"import.phase.{phase}", count=total)
            self.tasks[phase] = self.bar.add_task(label, total=total)
        self.bar.update(self.tasks[phase], completed=done, total=total)

    def print(self, text: str) -> None:
        if self.bar is not None:
            self.bar.console.print(text, style="yellow", markup=False, highlight=False)
        else:
            err(text, style="yellow")

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()


@handle_errors
def export(
    ctx: typer.Context,
    output_format: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="csv or xlsx.")
    ] = ExportFormat.csv,
    out_file: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="Output file, its folders created (csv: default stdout)."),
    ] = None,
    excel: Annotated[
        bool,
        typer.Option(
            "--excel",
            help="CSV for a spreadsheet: byte-order mark, CRLF; in French `;` and decimal commas.",
        ),
    ] = False,
    show_mapping: Annotated[
        bool,
        typer.Option("--mapping", help="Print the import mapping that reads the export back."),
    ] = False,
) -> None:
    """Export the portfolio for a sponsor (xlsx) or for other tools (csv).

    xlsx: one sheet per subject in the register's language (portfolio, KPIs,
    measurements, costs, decisions), each with a filter row, a frozen header, column
    widths and number formats (euros, dates). Its first sheet, hidden, holds every field
    of every card under its register name: `aip import` reads the workbook back.

    csv: every field, one row per use case (the portfolio line first, then every field of
    the card); `aip import` reads it back with the mapping printed by
    `aip export --mapping`. With --excel it opens cleanly in a spreadsheet by
    double-click.

    Examples:

      aip export --format xlsx --out exports/portefeuille.xlsx

      aip export --excel --out portefeuille.csv

      aip export > portfolio.csv

      aip export --mapping > export-mapping.yaml
    """
    from aiportfolio.actions.export import (
        export_csv,
        export_mapping_text,
        export_xlsx,
        write_export,
    )
    from aiportfolio.errors import UsageError

    if show_mapping:
        out(export_mapping_text())
        return
    register, t = _open(ctx)
    from aiportfolio.cli.common import require_valid

    require_valid(register, t)
    if output_format is ExportFormat.xlsx:
        if out_file is None:
            raise UsageError(t("export.xlsx_needs_out"))
        write_export(out_file, export_xlsx(register, t))
    else:
        text = export_csv(register, excel=excel, lang=t.lang)
        if out_file is None:
            out(text)
            return
        write_export(out_file, text)
    err(t("export.written", count=len(register.usecases), path=out_file))


def register(app: typer.Typer) -> None:
    """Add this group's commands to ``app``."""
    app.command("init")(init)
    app.command("new")(new)
    app.command("renumber")(renumber)
    app.command("decide")(decide)
    app.add_typer(kpi_app, name="kpi")
    app.command("fmt")(fmt)
    app.command("import")(import_)
    app.command("export")(export)
