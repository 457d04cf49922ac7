"""MkDocs hook (mkdocs.yml `hooks:`): give every clause its own search entry after the build.

A build step, not a macro: Material writes search/search_index.json after all pages, so the
index can only be refined in on_post_build. The work is done in macros/search/index.py; this file
only remembers each page's clause anchors and calls it at the end.
"""

import sys
from pathlib import Path

from mkdocs.plugins import event_priority

# MkDocs loads this file on its own; the project root makes `macros` importable as a package.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from macros.search import index as search_index  # noqa: E402

# Kept across rebuilds of `mkdocs serve --dirty`, where only changed pages pass through on_page_content.
_anchors_by_page: dict[str, dict[str, str]] = {}


def on_page_content(html, page, config, files):
    anchors = search_index.clause_anchors(html)
    if anchors:
        _anchors_by_page[page.url] = anchors
    return html


@event_priority(-100)  # after Material's search plugin has written the index
def on_post_build(config):
    search_index.rewrite_file(
        Path(config.site_dir) / "search" / "search_index.json",
        _anchors_by_page,
        config.extra.get("search_synonyms"),
    )
