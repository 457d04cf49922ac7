"""The QR code of a printed document (ГОСТ Р 7.0.97-2025: «штрих-код (QR-код) документа»).

It encodes the stable address of exactly the edition on the paper, built from ``site_url``, so
whoever holds a printout can open the text it was printed from, even years and editions later.
The code is drawn by segno as inline SVG: vector in the PDF, nothing fetched from anywhere.
Without ``site_url`` (or under ``mkdocs serve``, whose address is the developer's machine) there
is no code: the build says so once. Placement on the first page: editions.css.
"""

from __future__ import annotations

import logging
from urllib.parse import quote

import segno
from markupsafe import Markup

log = logging.getLogger("mkdocs.plugins.jobdesc.qr")
# The printed square, quiet zone included: about 0.45 mm a module for a 90-character address.
SIZE_MM = 22
_said = {"why": None}


def address(site_url: str | None, url: str) -> str | None:
    """The absolute address of a site-relative URL, or None without a site_url."""
    if not site_url:
        return None
    return site_url.rstrip("/") + "/" + quote(url, safe="/.-_~")


def svg(target: str) -> Markup:
    """The code for `target` as an inline SVG element, SIZE_MM square."""
    code = segno.make(target, error="m", micro=False)
    modules = code.symbol_size(scale=1, border=4)[0]
    drawn = code.svg_inline(scale=SIZE_MM / modules, unit="mm", border=4, svgclass="doc-qr-code",
                            lineclass=None, omitsize=False)
    return Markup(drawn)


def explain_missing(reason: str) -> None:
    """One line in the build log, once per build, saying why printouts carry no QR code."""
    if _said["why"] != reason:
        _said["why"] = reason
        log.info(reason)


def forget() -> None:
    _said["why"] = None


NO_SITE_URL = ("QR-код: в mkdocs.yml не задан site_url — печатные формы выходят без QR-кода "
               "(впишите адрес сайта в интранете: site_url: https://…/)")
# Set by macros/hooks/editions.py: why this run prints no codes at all (e.g. `mkdocs serve`).
disabled_reason: str | None = None
