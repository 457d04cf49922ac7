"""What the theme reads of a page is text (run by macros/plugin.py): Material writes ``page.meta.title`` and
tag names unescaped into the page, so they are escaped here (``Инженер <по ТБ>`` shows as written).
"""

from __future__ import annotations

from markupsafe import Markup, escape

from ..model.positions import POSITIONS_DIR, default_tags


def _as_text(value):
    """Escaped once, never twice: Markup marks a value as already escaped."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return Markup(escape(value))
    return value


def tags_as_text(page) -> None:
    """Before the tags plugin collects the page's tags."""
    if "tags" not in page.meta and page.file.src_uri.startswith(f"{POSITIONS_DIR}/"):
        page.meta["tags"] = default_tags(page.meta)  # a position is tagged by its department and category
    tags = page.meta.get("tags")
    if isinstance(tags, list):
        page.meta["tags"] = [_as_text(tag) for tag in tags]


def titles_as_text(page) -> None:
    """Before any other plugin reads the title for the page or the search index."""
    for name in ("title", "description"):  # the theme writes both into <head> as they are
        if name in page.meta:
            page.meta[name] = _as_text(page.meta[name])
