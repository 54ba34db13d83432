"""``aip plan --apply``: the proposal written back into the use-case files (``plan.wave``),
as round-trip edits that ``actions.writing.apply_edits`` writes."""

from __future__ import annotations

from ruamel.yaml.comments import CommentedMap

from aiportfolio.analysis.planning.result import PlanResult
from aiportfolio.model.usecase import UseCase
from aiportfolio.register.loader import Register
from aiportfolio.register.roundtrip import dump_preserving, load_roundtrip
from aiportfolio.register.source import FileEdit, read_source


def set_wave(text: str, wave: int | None) -> str:
    """``text`` (a use-case file) with ``plan.wave`` set to ``wave`` (removed when None).
    Round-trip edit: comments, key order and untouched lines stay as they are. A missing
    ``plan:`` block is added where the schema puts it (after ``costs``, before
    ``next_step``), ``wave`` first inside it."""
    data = load_roundtrip(text)
    plan = data.get("plan")
    if plan is None:
        if wave is None:
            return text
        order = list(UseCase.model_fields)
        before = set(order[: order.index("plan")])
        position = 0
        for index, key in enumerate(data):
            if key in before:
                position = index + 1
        block = CommentedMap()
        block["wave"] = wave
        data.insert(position, "plan", block)
    elif wave is None:
        if "wave" not in plan:
            return text
        del plan["wave"]
        if not plan:
            del data["plan"]
    elif "wave" in plan:
        if plan["wave"] == wave:
            return text
        plan["wave"] = wave
    else:
        plan.insert(0, "wave", wave)
    return dump_preserving(data, text)


def wave_edits(register: Register, result: PlanResult) -> list[FileEdit]:
    """The ``FileEdit`` of every use-case file whose ``plan.wave`` the proposal changes
    (none when the plan has conflicts). Pure: ``actions.writing.apply_edits`` writes them
    (register lock, files changed since read refused, validation, BOM and line ends kept,
    atomic rename)."""
    edits: list[FileEdit] = []
    if result.conflicts or result.comparison is None:
        return edits
    for change in result.comparison.changes:
        path = register.sources.get(change.id)
        if path is None:
            continue
        source = read_source(path)
        new_text = set_wave(source.text, change.after)
        if new_text != source.text:
            edits.append(FileEdit(path, source.raw.decode("utf-8"), source.encode(new_text)))
    return edits
