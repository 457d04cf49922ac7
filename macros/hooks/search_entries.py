"""The site's own search index (macros/search/), gathered page by page; run by macros/plugin.py.

The last Markdown tree step records each page's entries (held forms are not searched), written after the
build. Material's search plugin stays for its search box, but every page carries ``search.exclude``.
"""

from __future__ import annotations

import html
from pathlib import Path

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

from ..search import entries as search_entries, index as search_index

# Material's tags plugin marks where a tag listing goes with a heading whose id ends so, and writes
# the listing into the page after every page is converted: such a page is read as HTML.
LISTING_MARK = "/slug"


class SearchEntries:
    """Every page's entries; an incremental rebuild of `mkdocs serve --dirty` (editing/incremental.py)
    keeps the records of the pages it does not render again and replaces the others."""

    def __init__(self):
        self.records: dict[str, search_index.PageRecord] = {}
        self.outlines: dict[str, list[search_entries.Entry]] = {}  # src_uri -> entries, until the page is read
        self.written: dict[Path, int] = {}  # index file -> hash of what this process last wrote there

    def start(self, keep: bool) -> None:
        self.outlines.clear()
        if not keep:
            self.records.clear()

    def read(self, page, cache) -> None:
        """Before Material's search plugin sees the page: ours takes its entries, Material's is told to skip it."""
        outline = self.outlines.pop(page.file.src_uri, None)
        setting = page.meta.get("search")
        if isinstance(setting, dict) and setting.get("exclude"):
            self.records.pop(page.url, None)
        else:
            tags = page.meta.get("tags") if isinstance(page.meta.get("tags"), list) else []
            # Front-matter title and tags were escaped for the theme (hooks/safety.py); here they are text.
            title = html.unescape(str(page.title or ""))
            if outline is None or any(entry.anchor.endswith(LISTING_MARK) for entry in outline):
                outline = search_entries.page_entries(page.content or "", title)
            outline[0] = search_entries.Entry("", title, outline[0].text)
            self.records[page.url] = search_index.page_record(
                page.url, title, [html.unescape(str(tag)) for tag in tags], outline, cache)
        page.meta["search"] = dict(setting if isinstance(setting, dict) else {}, exclude=True)

    def write(self, site_dir: Path, synonyms) -> None:
        """After Material's search plugin has written its (empty) index."""
        search_index.write(site_dir, list(self.records.values()), synonyms, self.written)
        search_index.bundle_worker(site_dir)


class SearchOutline(Extension):
    """Markdown's last tree step: records the entries of the page being converted for SearchEntries.read."""

    def __init__(self, search: SearchEntries, page_of):
        super().__init__()
        self.search, self.page_of = search, page_of

    def extendMarkdown(self, md):
        step = Treeprocessor(md)
        step.run = lambda root: self.record(md, root)
        # After every tree processor that changes text or ids (toc 5, typography 4, unescape 0, MkDocs' 1 and 0).
        md.treeprocessors.register(step, "jobdesc_search_outline", -10)

    def record(self, md, root) -> None:
        page = self.page_of()
        setting = page.meta.get("search") if page is not None else None
        if page is not None and not (isinstance(setting, dict) and setting.get("exclude")):  # an archived edition
            blocks = [block if isinstance(block, str) else md.serializer(block) for block in md.htmlStash.rawHtmlBlocks]
            self.search.outlines[page.file.src_uri] = search_entries.Outline(blocks).read(root)
