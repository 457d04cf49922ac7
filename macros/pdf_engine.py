"""Renders one built page to PDF with WeasyPrint, reading nothing but the built site.

Kept apart from macros/pdf.py so that importing WeasyPrint (slow) happens only when a PDF
is actually rendered, never in `mkdocs serve` without PDFs.
"""

from __future__ import annotations

import datetime as dt
import logging
import mimetypes
import os
from pathlib import Path
from urllib.parse import unquote, urlsplit

import weasyprint
from weasyprint.urls import URLFetcher, URLFetcherResponse

ENGINE = f"WeasyPrint {weasyprint.__version__}"

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


def render_pdf(html_path: str, site_dir: str, target: str, date: dt.date | None) -> str:
    """Write the PDF of the page at html_path to target; returns target.

    The PDF's creation and modification dates are the approval date, so the same page
    always gives the same bytes (builds are compared byte for byte).
    """
    document = weasyprint.HTML(
        filename=html_path, url_fetcher=SiteOnlyFetcher(Path(site_dir)), media_type="print").render()
    stamp = (date or dt.date(2000, 1, 1)).isoformat()
    document.metadata.created = document.metadata.modified = stamp
    partial = f"{target}.{os.getpid()}.part"
    document.write_pdf(partial)
    os.replace(partial, target)  # atomic: a cache shared by parallel builds never holds half a file
    return target
