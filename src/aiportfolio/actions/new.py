"""``aip new``: a new use-case card with every field present and a guiding comment, in the
register's language, under the next free id.

The card's comments are file content written in the register's language (``card.*``
messages of the catalog): ``render_card`` takes that language and reads the catalog
itself, the one reason this module, below the reporters, reads messages. Refusals are
``UsageError``s carrying ``Message``s, translated by the CLI."""

from __future__ import annotations

import io
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiportfolio.errors import UsageError
from aiportfolio.message import Message, Text

MODELINE = "# yaml-language-server: $schema=../schema/usecase.schema.json\n"
TITLE_MAX = 200


@dataclass(frozen=True)
class Card:
    """What is known when the card is created (``--interactive`` asks for most of it)."""

    title: str
    category: str = "quick_win"
    owner: str | None = None
    owner_role: str | None = None
    process: str | None = None
    problem: str | None = None
    value: str | None = None
    sources: list[str] = field(default_factory=list)
    risk_level: str | None = None
    data_class: str | None = None
    tool: str | None = None
    users: str | None = None
    kpi_name: str | None = None
    kpi_level: str = "impact"
    kpi_direction: str | None = None
    """higher_is_better or lower_is_better; ``None``: left to the baseline and target."""
    kpi_unit: str | None = None
    kpi_baseline: float | None = None
    kpi_target: float | None = None
    next_step: str | None = None


@dataclass(frozen=True)
class NewResult:
    path: Path
    usecase_id: str
    text: str


def clean_text(value: str, what: Text | str, max_length: int = TITLE_MAX) -> str:
    """One line of user text: control characters (tab and line breaks included: a title
    is one line) and bidi overrides refused, spaces collapsed, length capped (a message,
    never a silent cut)."""
    from aiportfolio.model.common import UNSAFE_OR_BREAK

    bad = UNSAFE_OR_BREAK.search(value)
    if bad:
        control = {"what": what, "char": repr(bad.group())}
        raise UsageError(Message("write.control_chars", control))
    text = " ".join(value.split())
    if not text:
        raise UsageError(Message("write.empty", {"what": what}))
    if len(text) > max_length:
        too_long = {"what": what, "length": len(text), "max": max_length}
        raise UsageError(Message("write.too_long", too_long))
    return text


def scalar(value: Any) -> str:
    """``value`` as a YAML scalar (quoted only when needed)."""
    from aiportfolio.register.roundtrip import roundtrip_yaml

    if value is None:
        return ""
    stream = io.StringIO()
    roundtrip_yaml().dump({"k": value}, stream)
    text = stream.getvalue()[3:].rstrip("\n")
    return text.removesuffix("\n...")


def render_card(usecase_id: str, card: Card, lang: str) -> str:
    """The card text, its comments in ``lang``. Every key of the model appears; optional
    blocks that need a required sub-key (owner name, process name...) are ``~`` with their
    keys commented."""
    from aiportfolio.i18n import tr

    def c(key: str) -> str:
        return tr(f"card.{key}", lang)

    lines = [MODELINE.rstrip("\n"), *(f"# {line}" for line in c("header").split("\n"))]

    def kv(text: str) -> None:
        # Nulls are written as nothing after the colon (ruamel's canonical form), so a
        # later round-trip edit leaves these lines alone.
        lines.append(
            re.sub(
                r"^(\s*(?:- )?[a-z_]+):(?: ~)?\s*(#|$)",
                lambda m: m.group(1) + ":" + ("  #" if m.group(2) == "#" else ""),
                text,
            )
        )

    def comment(key: str, indent: str = "") -> None:
        for line in c(key).split("\n"):
            lines.append(f"{indent}# {line}")

    def block(name: str, known: dict[str, Any], required: str, keys: list[str]) -> None:
        comment(name)
        if known.get(required) is None:
            lines.append(f"{name}:")
            for key in keys:
                lines.append(f"#   {key}: {c(name + '.' + key)}")
            return
        lines.append(f"{name}:")
        for key in keys:
            kv(f"  {key}: {scalar(known.get(key))}  # {c(name + '.' + key)}")

    kv(f"id: {usecase_id}")
    kv(f"title: {scalar(card.title)}")
    comment("status")
    kv("status: idea")
    comment("category")
    kv(f"category: {card.category}")
    block("owner", {"name": card.owner, "role": card.owner_role}, "name", ["name", "role", "email"])
    block("sponsor", {}, "name", ["name", "role", "email"])
    block("process", {"name": card.process}, "name", ["name", "where", "who", "volume"])
    comment("problem")
    kv(f"problem: {scalar(card.problem)}")
    block(
        "value", {"hypothesis": card.value}, "hypothesis", ["hypothesis", "unit", "annual_gain_eur"]
    )
    comment("data")
    kv("data:")
    sources = "[" + ", ".join(scalar(s) for s in card.sources) + "]"
    kv(f"  sources: {sources}  # {c('data.sources')}")
    kv(f"  systems: []  # {c('data.systems')}")
    kv(f"  quality: unknown  # {c('data.quality')}")
    kv(f"  rights: ~  # {c('data.rights')}")
    kv(f"  classification: {scalar(card.data_class)}  # {c('data.classification')}")
    comment("risk")
    kv("risk:")
    kv(f"  level: {scalar(card.risk_level)}  # {c('risk.level')}")
    kv(f"  personal_data: false  # {c('risk.personal_data')}")
    kv(f"  critical_decision: false  # {c('risk.critical_decision')}")
    kv(f"  ai_act_tier: unassessed  # {c('risk.ai_act_tier')}")
    kv(f"  security_review: ~  # {c('risk.security_review')}")
    kv(f"  legal_review: ~  # {c('risk.legal_review')}")
    kv(f"  notes: ~  # {c('risk.notes')}")
    comment("integration")
    kv("integration:")
    kv(f"  tool: {scalar(card.tool)}  # {c('integration.tool')}")
    kv(f"  users: {scalar(card.users)}  # {c('integration.users')}")
    kv(f"  vendor: ~  # {c('integration.vendor')}")
    comment("kpis")
    if card.kpi_name:
        kv("kpis:")
        kv(f"  - name: {scalar(card.kpi_name)}")
        kv(f"    level: {card.kpi_level}  # {c('kpis.level')}")
        kv(f"    unit: {scalar(card.kpi_unit)}")
        kv(f"    baseline: {scalar(card.kpi_baseline)}  # {c('kpis.baseline')}")
        kv(f"    target: {scalar(card.kpi_target)}")
        if card.kpi_direction:
            kv(f"    direction: {card.kpi_direction}")
        kv("    north_star: true")
        kv("    measurements: []  # aip kpi record")
    else:
        kv("kpis: []")
        for key in ("name", "level", "unit", "baseline", "target", "north_star"):
            lines.append(
                f"#   - {key}: {c('kpis.' + key)}"
                if key == "name"
                else f"#     {key}: {c('kpis.' + key)}"
            )
    comment("scores")
    kv("scores: {}")
    comment("estimates")
    kv("estimates: {}")
    comment("ratings")
    kv("ratings: []")
    comment("costs")
    kv("costs:")
    kv(f"  horizon_months: 12  # {c('costs.horizon_months')}")
    kv(f"  one_off: []  # {c('costs.one_off')}")
    kv(f"  monthly: []  # {c('costs.monthly')}")
    comment("plan")
    kv("plan:")
    kv(f"  wave: ~  # {c('plan.wave')}")
    kv(f"  effort_weeks: ~  # {c('plan.effort_weeks')}")
    kv(f"  depends_on: []  # {c('plan.depends_on')}")
    kv(f"  pinned: false  # {c('plan.pinned')}")
    comment("next_step")
    kv(f"next_step: {scalar(card.next_step)}")
    comment("decision_date")
    kv("decision_date: ~")
    comment("decisions")
    kv("decisions: []")
    return "\n".join(lines) + "\n"


def create_usecase(folder: Path, card: Card, lang: str, taken: Collection[int] = ()) -> NewResult:
    """Allocate the next id under the register lock and write the card, its comments in
    ``lang`` (exclusive create: an existing file is never overwritten). ``taken``: id
    numbers used elsewhere (other branches), also skipped."""
    from aiportfolio.actions.writing import validate_text
    from aiportfolio.domain.ids import allocate_numbers, format_id, usecase_path, used_numbers
    from aiportfolio.register.lock import register_lock
    from aiportfolio.register.roundtrip import atomic_write

    title = clean_text(card.title, Message("write.what.title"))
    owner = clean_text(card.owner, Message("write.what.owner")) if card.owner else None
    card = Card(**{**card.__dict__, "title": title, "owner": owner})
    from aiportfolio.actions.writing import refuse_links_out

    refuse_links_out(folder.parent, [folder])
    with register_lock(folder):
        number = allocate_numbers(used_numbers(folder) | set(taken), 1)[0]
        usecase_id = format_id(number)
        text = render_card(usecase_id, card, lang)
        path = usecase_path(folder, usecase_id, title)
        validate_text(text, path.name)
        if path.exists():  # pragma: no cover - the lock and used_numbers prevent it
            raise UsageError(Message("write.exists", {"path": path.name}))
        atomic_write(path, text)
    return NewResult(path, usecase_id, text)
