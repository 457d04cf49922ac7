"""MkDocs hook (mkdocs.yml `hooks:`): nothing HR writes is published as active content or fetched from
another host. Thin on purpose: the rules live in macros/render/safe_html.py (what a page's HTML may
contain) and macros/checks/offline.py (what a built page may fetch).

- Every page's HTML passes the nh3 sanitiser before search reads it; anything it has to remove is
  a problem (Markdown-level refusals were already reported by safe_html.py with file and line).
- Once every page is converted (on_env, before any page is written) the problems found so far
  stop the build, all of them at once.
- Every written page (and the search index) is read for resources on another host; any such
  resource stops the build before publishing.py replaces the last good site.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from mkdocs.plugins import event_priority

# MkDocs loads this file on its own; the project root makes `macros` importable as a package.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from macros.checks.offline import outside_resources, outside_resources_of_page  # noqa: E402
from macros.model.problems import PositionsError, Problem  # noqa: E402
from macros.render import findings, verbatim  # noqa: E402
from macros.render.safe_html import removed_markup, sanitised  # noqa: E402

FIX_OUTSIDE = ("сайт работает во внутренней сети: всё, что страница показывает, лежит в репозитории; "
               "уберите этот адрес или положите файл в docs/ и сошлитесь на него")


def on_pre_build(config):
    findings.clear()


@event_priority(110)  # first: before compact.py (100) rewrites whitespace and Material's search (0) reads the page
def on_page_content(html, page, config, files):
    hr_content, forms = verbatim.shield(html)  # the site's own forms, when written inline, are not HR's
    hr_content = verbatim.placeholders_as_text(hr_content)
    cleaned, nothing_removed = sanitised(hr_content)
    cleaned = verbatim.placeholders_as_comments(cleaned)
    if not nothing_removed:  # reported on its own line, whatever else the page has
        shown, needle = removed_markup(hr_content, cleaned)
        findings.report_on_page(
            lambda: page, f"на странице была разметка, которая не публикуется ({shown}); санитайзер её удалил",
            "уберите HTML-теги и атрибуты из текста: страница пишется обычным Markdown", needle)
    return verbatim.unshield(cleaned, forms)


def on_env(env, config, files):
    _stop_if_found()
    return env


@event_priority(-110)  # last: the page exactly as it is written (after compact.py, -100: a fifth smaller)
def on_post_page(output, page, config):
    for url in outside_resources_of_page(output):
        source = Path(page.file.abs_src_path).read_text(encoding="utf-8-sig") if page.file.abs_src_path else ""
        findings.report(Problem(f"docs/{page.file.src_uri}", f"страница загружает ресурс с другого сервера: {url}",
                                FIX_OUTSIDE, line=findings.line_of(source, url)))
    return output


@event_priority(-99)  # after the search index and PDFs are written, before publishing.py (-100)
def on_post_build(config):
    index = Path(config.site_dir) / "search" / "search_index.json"
    if index.is_file():
        for entry in json.loads(index.read_text(encoding="utf-8")).get("docs", []):
            for url in outside_resources(str(entry.get("text", "")) + str(entry.get("title", ""))):
                findings.report(Problem(f"search/search_index.json ({entry.get('location', '')})",
                                        f"в поисковом индексе ресурс с другого сервера: {url}", FIX_OUTSIDE))
    _stop_if_found()


def _stop_if_found() -> None:
    problems = findings.take()
    if problems:
        raise PositionsError(problems)
