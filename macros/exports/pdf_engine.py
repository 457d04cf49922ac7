"""Renders one built page to PDF with WeasyPrint, reading nothing but the built site; apart from pdf.py
so that WeasyPrint (slow to import) is loaded only when a PDF is made.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import weasyprint
from weasyprint.urls import URLFetcher

from .cache import ARTICLE, STYLESHEET, TITLE, atomic_write

PDF_VARIANT = "pdf/ua-1"  # tagged: structure, language and title for screen readers; the print is the same
HTML_TAG, BODY_TAG = re.compile(r"<html\b[^>]*>"), re.compile(r"<body\b[^>]*>")

# Material's stylesheet is written for browsers and WeasyPrint reports every rule it skips: only errors.
logging.getLogger("weasyprint").setLevel(logging.ERROR)

_parsed: dict[str, weasyprint.CSS] = {}  # for the life of a renderer process: every page links the same few


class SiteOnlyFetcher(URLFetcher):
    """Serves files of the built site and inline data; refuses everything else (intranet: no outside requests)."""

    def __init__(self, site_dir: Path):
        super().__init__(allowed_protocols=("file", "data"))
        self.site_dir = site_dir.resolve()

    def fetch(self, url, headers=None):
        parts = urlsplit(url)  # other schemes than file and data: refused by URLFetcher itself
        path = Path(unquote(parts.path)).resolve()
        if parts.scheme == "file" and not (path.is_relative_to(self.site_dir) and path.is_file()):
            raise ValueError(f"not a file of the built site: {url}")
        return super().fetch(url, headers)


def printable_page(html: str) -> str:
    """The page reduced to what prints: its article inside Material's content containers, so every
    print.css selector still matches and the renderer styles no hidden navigation."""
    article = ARTICLE.search(html)
    if article is None:
        return html
    html_tag, body_tag, title = HTML_TAG.search(html), BODY_TAG.search(html), TITLE.search(html)
    return (
        f"<!doctype html>{html_tag[0] if html_tag else '<html>'}<head><meta charset=\"utf-8\">"
        f"{title.group(0) if title else ''}</head>{body_tag[0] if body_tag else '<body>'}<div class=\"md-container\">"
        "<main class=\"md-main\"><div class=\"md-main__inner md-grid\"><div class=\"md-content\">"
        f"<div class=\"md-content__inner md-typeset\">{article.group(0)}</div></div></div></main></div></body></html>"
    )


def stylesheets(html: str, base_url: str, fetcher: URLFetcher) -> list[weasyprint.CSS]:
    """The page's stylesheets in document order, each parsed once per process."""
    urls = [urljoin(base_url, href) for href in STYLESHEET.findall(html)]
    for url in urls:
        if url not in _parsed:
            _parsed[url] = weasyprint.CSS(url=url, url_fetcher=fetcher, media_type="print")
    return [_parsed[url] for url in urls]


def render_pdf(html_path: str, site_dir: str, target: str, date: dt.date | None) -> str:
    """Write the PDF of the page at html_path to target, dated its approval: the same page, the same bytes."""
    fetcher = SiteOnlyFetcher(Path(site_dir))
    html = Path(html_path).read_text(encoding="utf-8")
    base_url = Path(html_path).resolve().as_uri()
    document = weasyprint.HTML(string=printable_page(html), base_url=base_url, url_fetcher=fetcher,
                               media_type="print").render(stylesheets=stylesheets(html, base_url, fetcher))
    document.metadata.created = document.metadata.modified = (date or dt.date(2000, 1, 1)).isoformat()
    atomic_write(Path(target), document.write_pdf(pdf_variant=PDF_VARIANT))
    return target
