"""Nothing HR writes is published as active content or fetched from another host; run by macros/plugin.py.

The rules are render/safe_html.py's and checks/offline.py's: every page passes the nh3 sanitiser before
search reads it, every written page is read for outside resources (the search index holds plain text,
escaped by the worker where it is shown), and what is found stops the build, all at once, before anything
is written or published. Material writes ``page.meta`` titles and tags unescaped, so they are escaped here
(``Инженер <по ТБ>`` shows as written).
"""

from __future__ import annotations

import html
from pathlib import Path

from markupsafe import Markup, escape

from ..checks.offline import outside_resources
from ..model.build_cache import BuildCache
from ..model.problems import PositionsError, Problem
from ..render import verbatim
from ..render.findings import Findings, line_of
from ..render.safe_html import removed_markup, sanitised

FIX_OUTSIDE = ("сайт работает во внутренней сети: всё, что страница показывает, лежит в репозитории; "
               "уберите этот адрес или положите файл в docs/ и сошлитесь на него")


def sanitise(html: str, page, blocks: verbatim.HeldBlocks, findings: Findings, cache: BuildCache | None = None) -> str:
    """A page body as converted, without what HR may not publish; anything removed is reported."""
    hr_content, forms = blocks.shield(html)  # the site's own forms, when written inline, are not HR's
    cleaned, nothing_removed = sanitised(hr_content, cache)
    if not nothing_removed:  # reported on its own line, whatever else the page has
        shown, needle = removed_markup(hr_content, cleaned)
        findings.report_on_page(
            lambda: page, f"на странице была разметка, которая не публикуется ({shown}); санитайзер её удалил",
            "уберите HTML-теги и атрибуты из текста: страница пишется обычным Markdown", needle)
    return verbatim.unshield(cleaned, forms)


def check_written_pages(written: list[tuple[str, object]], findings: Findings, cache: BuildCache) -> None:
    """Each page (output, page) exactly as it is written: nothing in it is fetched from another host. Read after
    the last page, on both cores; what was found is kept between builds and reported in every build."""
    found = cache.remembered_each("offline", [(output,) for output, _ in written], outside_resources)
    for (_, page), urls in zip(written, found):
        source = Path(page.file.abs_src_path).read_text(encoding="utf-8-sig") if urls and page.file.abs_src_path else ""
        for url in urls:
            findings.report(Problem(f"docs/{page.file.src_uri}", f"страница загружает ресурс с другого сервера: {url}",
                                    FIX_OUTSIDE, line=line_of(source, url)))


def stop_if_found(findings: Findings) -> None:
    problems = findings.take()
    if problems:
        raise PositionsError(problems)


def _as_text(value):
    """Escaped once, never twice: Markup marks a value as already escaped."""
    return Markup(escape(value)) if isinstance(value, str) and not isinstance(value, Markup) else value


def tags_as_text(page) -> None:
    """Before the tags plugin collects the page's tags."""
    if isinstance(page.meta.get("tags"), list):
        page.meta["tags"] = [_as_text(tag) for tag in page.meta["tags"]]


def titles_as_text(page) -> None:
    """Before any other plugin reads the title and description (the theme writes both into <head>). A page without
    `title:` is named by its first heading (entities kept: «&lt;/title&gt;») or its file name, which the theme's
    ``striptags`` would unescape into <head> as markup: that name is set as the title, as text."""
    if "title" not in page.meta and page.title:
        page.meta["title"] = html.unescape(str(page.title))
    for name in ("title", "description"):
        if name in page.meta:
            page.meta[name] = _as_text(page.meta[name])
