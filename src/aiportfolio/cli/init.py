"""``aip init``: create a register (configuration, examples, schemas, CI files)."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from aiportfolio.cli.common import choice_value, handle_errors
from aiportfolio.cli.options import LangChoice


class CiChoice(str, Enum):
    github = "github"
    gitlab = "gitlab"
    none = "none"


@handle_errors
def init(
    ctx: typer.Context,
    directory: Annotated[
        Path, typer.Argument(help="Folder of the new register (created if needed).")
    ] = Path("."),
    lang: Annotated[
        LangChoice | None,
        typer.Option(
            "--lang",
            help="Language of the register (`language:` of config/portfolio.yaml) and of the "
            "written files: comments, example and README (en, fr or de; de writes the English "
            "example files; default: the language of the messages). Messages follow `aip --lang`.",
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

    \b
      aip init portefeuille-ia --lang fr
      aip init . --no-example --ci gitlab --templates
      aip init . --package "git+https://github.com/acme/aip.git@v0.1.0"
    """
    from aiportfolio.actions.init import init_register
    from aiportfolio.cli.common import parse_date, say, translator
    from aiportfolio.report.written import init_notes

    t = translator(ctx)
    chosen = choice_value(lang) if lang else t.lang
    result = init_register(
        directory,
        chosen,
        templates=templates,
        force=force,
        today=parse_date(None, t),
        package=package,
        pages=pages,
        ci=ci.value,
        example=example,
    )
    say(init_notes(result, directory, t))


def register(app: typer.Typer) -> None:
    """Add ``aip init`` to ``app``."""
    app.command("init")(init)
