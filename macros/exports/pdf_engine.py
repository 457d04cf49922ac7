"""Renders one built page to PDF with WeasyPrint, reading nothing but the built site.

Kept apart from macros/exports/pdf.py so that importing WeasyPrint (slow) happens only when a PDF
is actually rendered, never in `mkdocs serve` without PDFs.
"""

from __future__ import annotations

import datetime as dt
import logging
import mimetypes
import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import weasyprint
from weasyprint.urls import URLFetcher, URLFetcherResponse

from .cache import ARTICLE, STYLESHEET, TITLE, atomic_write

PDF_VARIANT = "pdf/ua-1"

# Material's stylesheet is written for browsers; WeasyPrint reports every rule it skips.
# Those reports say nothing about the document, so only errors are shown.
logging.getLogger("weasyprint").setLevel(logging.ERROR)


class SiteOnlyFetcher(URLFetcher):
    """Serves files of the built site and inline data; refuses everything else (intranet: no outside requests)."""

    def __init__(self, site_dir: Path):
        super().__init__(allowed_protocols=("file", "data"))
        self.site_dir = site_dir.resolve()

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        if parts.scheme == "data":
            return super().fetch(url, headers)
        if parts.scheme != "file":
            raise ValueError(f"not a file of the built site: {url}")
        path = Path(unquote(parts.path)).resolve()
        if not path.is_relative_to(self.site_dir) or not path.is_file():
            raise ValueError(f"not a file of the built site: {url}")
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": content_type})


OPENING_TAG = {name: re.compile(rf"<{name}\b[^>]*>") for name in ("html", "body")}

# Parsed stylesheets, kept for the life of a renderer process: every page links the same few.
_parsed: dict[str, weasyprint.CSS] = {}


def printable_page(html: str) -> str:
    """The page reduced to what prints: its article inside Material's content containers, so every
    print.css selector still matches and the renderer styles no hidden navigation."""
    article = ARTICLE.search(html)
    if article is None:
        return html
    parts = {name: (pattern.search(html) or [f"<{name}>"])[0] for name, pattern in OPENING_TAG.items()}
    title = TITLE.search(html)
    return (
        f"<!doctype html>{parts['html']}<head><meta charset=\"utf-8\">{title.group(0) if title else ''}</head>"
        f"{parts['body']}<div class=\"md-container\"><main class=\"md-main\"><div class=\"md-main__inner md-grid\">"
        f"<div class=\"md-content\"><div class=\"md-content__inner md-typeset\">{article.group(0)}"
        "</div></div></div></main></div></body></html>"
    )


def stylesheets(html: str, base_url: str, fetcher: URLFetcher) -> list[weasyprint.CSS]:
    """The page's stylesheets in document order, each parsed once per process."""
    sheets = []
    for href in STYLESHEET.findall(html):
        url = urljoin(base_url, href)
        if url not in _parsed:
            _parsed[url] = weasyprint.CSS(url=url, url_fetcher=fetcher, media_type="print")
        sheets.append(_parsed[url])
    return sheets


def render_pdf(html_path: str, site_dir: str, target: str, date: dt.date | None) -> str:
    """Write the PDF of the page at html_path to target; its dates are the approval date, so the same
    page always gives the same bytes."""
    fetcher = SiteOnlyFetcher(Path(site_dir))
    html = Path(html_path).read_text(encoding="utf-8")
    base_url = Path(html_path).resolve().as_uri()
    document = weasyprint.HTML(
        string=printable_page(html), base_url=base_url, url_fetcher=fetcher, media_type="print",
    ).render(stylesheets=stylesheets(html, base_url, fetcher))
    stamp = (date or dt.date(2000, 1, 1)).isoformat()
    document.metadata.created = document.metadata.modified = stamp
    # Tagged PDF (PDF/UA-1): structure, language and title for screen readers; the print is unchanged.
    atomic_write(Path(target), document.write_pdf(pdf_variant=PDF_VARIANT))
    return target
