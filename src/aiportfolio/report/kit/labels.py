"""Labels of configured names for every reporter (terminal, Markdown, HTML, templates)."""

from __future__ import annotations

from aiportfolio.i18n import Translator


def group_label(group: str, t: Translator) -> str:
    """A balance group as people read it: the catalog's label for the built-in groups
    (``quick_wins`` -> "Quick wins" / "Gains rapides"), else the id exactly as written in
    ``config/portfolio.yaml`` (``custom_group``), so that it can be found there. Not
    escaped: each format escapes it."""
    from aiportfolio.i18n import has

    key = f"label.group.{group}"
    return t(key) if has(key) else group


def category_label(value: str, t: Translator) -> str:
    """A use-case category in the reader's language."""
    return t(f"label.category.{value}")


def status_label(value: str, t: Translator) -> str:
    """A lifecycle status in the reader's language."""
    return t(f"label.status.{value}")
