"""MkDocs hook (mkdocs.yml `hooks:`): a reference to another position's clause gets that clause's number.

MkDocs converts every page before it writes any, so by the time a page's template is rendered
(on_page_context) the numbers of every position's labelled clauses are known. The work is done
in macros/render/clauses.py; runs before Material's search plugin reads the page (priority 0).
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.plugins import event_priority

# MkDocs loads this file on its own; the project root makes `macros` importable as a package.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from macros.render.clauses import number_cross_references  # noqa: E402


@event_priority(10)
def on_page_context(context, page, config, nav):
    page.content = number_cross_references(page.content or "")
    return context
