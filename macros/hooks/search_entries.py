"""MkDocs hook (mkdocs.yml `hooks:`): the site's own search index (macros/search/index.py).

Reads each page's body once, as the page's template will get it, before the held forms are put
back (they are not searched), and writes the index after the build, and the search worker as one
file (macros/search/worker.py). Material's search plugin stays in mkdocs.yml for its search box, but
every page is marked with its documented ``search.exclude`` setting, so it parses no page and
writes an index without documents that carries our settings.
"""

import html
import sys
from pathlib import Path

from mkdocs.plugins import event_priority

# MkDocs loads this file on its own; the project root makes `macros` importable as a package.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from macros.model import build_cache  # noqa: E402
from macros.search import index as search_index, worker as search_worker  # noqa: E402

# Kept across rebuilds of `mkdocs serve --dirty`, where only changed pages pass through on_page_content.
_records: dict[str, search_index.PageRecord] = {}
_dirty = False


def on_startup(command, dirty):
    global _dirty
    _dirty = dirty


def on_pre_build(config):
    if not _dirty:
        _records.clear()


# Before Material's search plugin (0) reads the page and before forms.py (-10) puts the held forms
# back: the forms (stamp, signatures, acknowledgement sheet) are not searched.
@event_priority(5)
def on_page_context(context, page, config, nav):
    setting = page.meta.get("search")
    if isinstance(setting, dict) and setting.get("exclude"):
        _records.pop(page.url, None)
    else:
        tags = page.meta.get("tags") if isinstance(page.meta.get("tags"), list) else []
        # The theme hook has escaped front-matter title and tags (they reach Material as HTML); here they are text.
        _records[page.url] = search_index.kept_page_record(  # from .cache/pages when the page is unchanged
            build_cache.current(), page.url, html.unescape(str(page.title or "")), [html.unescape(str(tag)) for tag in tags],
            page.content or "")
    page.meta["search"] = dict(setting if isinstance(setting, dict) else {}, exclude=True)
    return context


@event_priority(-60)  # after Material's search plugin has written its (empty) index, before safety.py checks the site
def on_post_build(config):
    search_index.write(Path(config.site_dir), list(_records.values()), config.extra.get("search_synonyms"))
    search_worker.bundle(Path(config.site_dir))
