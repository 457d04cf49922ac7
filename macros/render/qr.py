"""The QR code of a printed document (ГОСТ Р 7.0.97-2025): the stable address of exactly the edition on the
paper. Drawn in the first page's bottom right margin box, which takes only an image, hence an inline SVG in
a <style>; the .docx puts it in the footer. Without ``site_url`` or under `mkdocs serve`: no code, said once.
"""

from __future__ import annotations

import base64
import io
import logging
from urllib.parse import quote

import segno
from markupsafe import Markup

log = logging.getLogger("mkdocs.plugins.jobdesc.qr")
# The printed square, quiet zone included (office printers and phone cameras manage it; editions.css).
SIZE_MM = 20


def svg(target: str) -> Markup:
    """The code for `target`, printed at the bottom right of the first page: a <style> whose @page rule
    fills that margin box with the code as an SVG image, SIZE_MM square (nothing fetched from anywhere)."""
    code = segno.make(target, error="m", micro=False)
    modules = code.symbol_size(scale=1, border=4)[0]
    drawn = code.svg_inline(scale=SIZE_MM / modules, unit="mm", border=4, lineclass=None, omitsize=False)
    drawn = drawn.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1) if "xmlns" not in drawn else drawn
    data = base64.b64encode(drawn.encode("utf-8")).decode("ascii")
    return Markup(f'<style>@page :first {{ @bottom-right {{ content: url("data:image/svg+xml;base64,{data}"); }} }}'
                  "</style>")


def png(target: str) -> bytes:
    """The same code as a PNG (Word's pictures), 10 pixels a module."""
    out = io.BytesIO()
    segno.make(target, error="m", micro=False).save(out, kind="png", scale=10, border=4)
    return out.getvalue()


NO_SITE_URL = ("QR-код: в mkdocs.yml не задан site_url — печатные формы выходят без QR-кода "
               "(впишите адрес сайта в интранете: site_url: https://…/)")
NOT_IN_SERVE = ("QR-код: при mkdocs serve адрес сайта — адрес этого компьютера, печатные формы "
                "выходят без QR-кода")


class Codes:
    """Whether this build prints QR codes (not under `mkdocs serve`), and why not, said once a build."""

    def __init__(self, disabled_reason: str | None = None):
        self.disabled_reason = disabled_reason
        self._said: str | None = None

    def address(self, site_url: str | None, url: str) -> str | None:
        """The code's target (the absolute address of a site URL), or None: no site_url or no codes this build."""
        return None if self.disabled_reason or not site_url else site_url.rstrip("/") + "/" + quote(url, safe="/.-_~")

    def explain_missing(self, reason: str) -> None:
        """One line in the build log, once per build, saying why printouts carry no QR code."""
        if self._said != reason:
            self._said = reason
            log.info(reason)
