"""MkDocs hook (mkdocs.yml `hooks:`): what the theme reads of a page is text, and one answer to "instruction?".

MkDocs and Material treat page titles and tag names as HTML: Material writes ``page.meta.title``
unescaped into ``<title>`` and the header, ``tag.name`` unescaped into the tags above the title and
on the tags page, and the search index takes ``page.title`` as HTML. HR writes plain text in front
matter, so a title like ``Инженер <по ТБ>`` must show as written and a ``<script>`` must stay text.
The navigation (macros/render/navigation.py) passes escaped titles; this hook does the same for
``page.meta.title`` and ``page.meta.tags`` before the theme and the tags plugin read them.

The theme (overrides/main.html) also asks whether a page is an instruction; it asks the same
function as everything else (macros/render/instruction.py), registered as the Jinja test
``instruction``: ``{% if page.content is instruction %}``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from markupsafe import Markup, escape
from mkdocs.plugins import event_priority

# MkDocs loads this file on its own; the project root makes `macros` importable as a package.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from macros.model.positions import POSITIONS_DIR, default_tags  # noqa: E402
from macros.render.instruction import is_instruction  # noqa: E402


def _as_text(value):
    """Escaped once, never twice: Markup marks a value as already escaped."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return Markup(escape(value))
    return value


@event_priority(100)  # before the tags plugin (-50) collects the page's tags
def on_page_markdown(markdown, page, config, files):
    if "tags" not in page.meta and page.file.src_uri.startswith(f"{POSITIONS_DIR}/"):
        page.meta["tags"] = default_tags(page.meta)  # a position is tagged by its department and category
    tags = page.meta.get("tags")
    if isinstance(tags, list):
        page.meta["tags"] = [_as_text(tag) for tag in tags]
    return markdown


@event_priority(100)  # before any other plugin reads the title for the page or the search index
def on_page_context(context, page, config, nav):
    for name in ("title", "description"):  # the theme writes both into <head> as they are
        if name in page.meta:
            page.meta[name] = _as_text(page.meta[name])
    return context


def on_env(env, config, files):
    env.tests["instruction"] = is_instruction
    return env
