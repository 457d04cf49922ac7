"""MkDocs hook (mkdocs.yml `hooks:`): a page's front-matter title is text, never HTML.

MkDocs and Material treat page titles as HTML: Material writes ``page.meta.title`` unescaped
into ``<title>`` and the header, and the search index takes ``page.title`` as HTML. HR writes
plain text in front matter, so a title like ``Инженер <по ТБ>`` must show as written and a
``<script>`` must stay text. The navigation (macros/navigation.py) passes escaped titles;
this hook does the same for ``page.meta.title`` before the theme renders the page.

Loaded by MkDocs from its path, so it imports nothing from the macros package.
"""

from __future__ import annotations

from markupsafe import Markup, escape
from mkdocs.plugins import event_priority


@event_priority(100)  # before any other plugin reads the title for the page or the search index
def on_page_context(context, page, config, nav):
    title = page.meta.get("title")
    if isinstance(title, str) and not isinstance(title, Markup):
        page.meta["title"] = Markup(escape(title))  # Markup: escaped once, never twice
    return context
