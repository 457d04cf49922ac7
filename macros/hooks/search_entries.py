"""The site's own search index (macros/search/index.py), gathered page by page; run by macros/plugin.py.

Reads each page's body once, as the page's template will get it, before the held forms are put
back (they are not searched), and writes the index after the build, and the search worker as one
file (macros/search/worker.py). Material's search plugin stays in mkdocs.yml for its search box, but
every page is marked with its documented ``search.exclude`` setting, so it parses no page and
writes an index without documents that carries our settings.
"""

from __future__ import annotations

import html
from pathlib import Path

from ..search import index as search_index, worker as search_worker


class SearchEntries:
    """Every page's entries; an incremental rebuild of `mkdocs serve --dirty` (editing/incremental.py)
    keeps the records of the pages it does not render again and replaces the others."""

    def __init__(self):
        self.records: dict[str, search_index.PageRecord] = {}

    def start(self, keep: bool) -> None:
        if not keep:
            self.records.clear()

    def read(self, page, cache) -> None:
        """Before Material's search plugin sees the page: ours reads it, Material's is told to skip it."""
        setting = page.meta.get("search")
        if isinstance(setting, dict) and setting.get("exclude"):
            self.records.pop(page.url, None)
        else:
            tags = page.meta.get("tags") if isinstance(page.meta.get("tags"), list) else []
            # Front-matter title and tags were escaped for the theme (hooks/theme.py); here they are text.
            self.records[page.url] = search_index.kept_page_record(  # from .cache/pages when the page is unchanged
                cache, page.url, html.unescape(str(page.title or "")),
                [html.unescape(str(tag)) for tag in tags], page.content or "")
        page.meta["search"] = dict(setting if isinstance(setting, dict) else {}, exclude=True)

    def write(self, site_dir: Path, synonyms) -> None:
        """After Material's search plugin has written its (empty) index."""
        search_index.write(site_dir, list(self.records.values()), synonyms)
        search_worker.bundle(site_dir)
