"""Random edits of a generated register, as a person (or a bad merge) would make them:
the caches are tested against loads and checks from scratch after each."""

from __future__ import annotations

import shutil
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st


def edit_settings(examples: int) -> settings:
    """Hypothesis settings of the random-edit tests: each example builds and checks a
    register, so no deadline, no "too slow" health check, and the first failure only."""
    return settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
        report_multiple_bugs=False,
    )


def edit(root: Path, action: str, index: int, rng_value: int) -> None:
    files = sorted((root / "usecases").glob("*.yaml"))
    if not files:
        return
    path = files[index % len(files)]
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:  # a link to no file, or a loop (made by an earlier edit)
        return
    if action == "drop_owner":
        if "owner:\n" not in text or "sponsor:\n" not in text:
            return
        start = text.index("owner:\n")
        end = text.index("sponsor:\n")
        path.write_text(text[:start] + text[end:], encoding="utf-8")
    elif action == "break_yaml":
        path.write_text(text + "\n  : [\n", encoding="utf-8")
    elif action == "duplicate_id":
        other = files[(index + 1) % len(files)]
        other_id = other.name[:6]
        path.write_text(text.replace(f"id: {path.name[:6]}", f"id: {other_id}"), "utf-8")
    elif action == "depend":
        target = f"UC-{rng_value % (len(files) + 3) + 1:03d}"
        extra = f"plan:\n  depends_on:\n    - {target}\n"
        body = text.replace("plan:\n", extra, 1) if "depends_on" not in text else text
        path.write_text(body, encoding="utf-8")
    elif action == "status":
        status = ["idea", "scoping", "pilot", "stopped", "operated"][rng_value % 5]
        for old in ("idea", "scoping", "pilot", "industrialising", "operated", "stopped"):
            text = text.replace(f"\nstatus: {old}\n", f"\nstatus: {status}\n")
        path.write_text(text, encoding="utf-8")
    elif action == "rename":
        path.rename(path.with_name(f"renamed-{rng_value}.yaml"))
    elif action == "remove":
        path.unlink()
    elif action == "copy":
        target = path.with_name(f"{path.name[:6]}-copie-{rng_value}.yaml")
        if target != path:  # a copy made by an earlier step is not copied onto itself
            shutil.copy(path, target)
    elif action == "touch_same":
        path.write_text(text, encoding="utf-8")
    elif action == "config_rule_off":
        portfolio = root / "config" / "portfolio.yaml"
        config = portfolio.read_text(encoding="utf-8")
        if "\npolicy:" not in config:
            config += "\npolicy:\n  rules:\n    kpi-north-star: off\n    owner-required: warning\n"
        portfolio.write_text(config, encoding="utf-8")
    elif action == "empty":
        path.write_text("", encoding="utf-8")


ACTIONS = st.sampled_from(
    [
        "drop_owner",
        "break_yaml",
        "duplicate_id",
        "depend",
        "status",
        "rename",
        "remove",
        "copy",
        "touch_same",
        "config_rule_off",
        "empty",
    ]
)
