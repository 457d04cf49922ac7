"""What this build publishes of the archive (decided by hooks/editions.py), so pages link only to what exists;
and the one place that names a page's files: ``pdf/<slug>.pdf``, ``pdf/editions/<slug>-<version>.pdf``
(a version has digits and dots, a slug none), the same for ``docx/…``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath

EDITION_PAGE = re.compile(r"^positions/([^/]+)/editions/([^/]+)\.md$")
DRAFT_PAGE = re.compile(r"^positions/([^/]+)/draft\.md$")


@dataclass
class Links:
    pages: bool = False
    pdfs: bool = False
    docx: bool = False
    checks: bool = False  # editions read for the checks alone (`mkdocs serve`: no archive, yet no silent change)

    @staticmethod
    def pdf(slug: str, version: str) -> str:
        return edition_file(slug, version, "pdf")


def download_of_page(src_uri: str, extension: str) -> str:
    """The downloadable file of a page: a position's own, an archived edition's, a draft's (never the position's)."""
    if edition := EDITION_PAGE.match(src_uri):
        return edition_file(*edition.groups(), extension)
    if draft := DRAFT_PAGE.match(src_uri):
        return f"{extension}/drafts/{draft.group(1)}.{extension}"
    return f"{extension}/{PurePosixPath(src_uri).stem}.{extension}"


def edition_file(slug: str, version: str, extension: str) -> str:
    return f"{extension}/editions/{slug}-{version}.{extension}"


def comparison_file(slug: str, older: str, newer: str, extension: str) -> str:
    """The printable «Лист изменений» of two editions (newer "draft": the draft against the edition in force)."""
    return f"{extension}/compare/{slug}-{older}-{newer}.{extension}"
