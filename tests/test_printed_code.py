"""The QR code survives the office printer and never covers text, however the document is printed.

An office printer leaves about 4 mm of every edge blank, so each check cuts 5 mm from every edge of
the rendered first page and reads the code from what is left, and only from the strip below the
last line of text (ГОСТ Р 7.0.97-2025 puts the code at the bottom right of the first page): in the
build-time PDF, in the .docx as LibreOffice prints it, and in the browser's own print (Ctrl+P) of
every page that carries a code. The scratch repository of tests/edition_history.py has three
editions of the recruiter's instruction and comparisons between them.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import subprocess
import threading
from pathlib import Path

import pytest

from conftest import QuietHandler, require_tool
from edition_history import SITE_URL
from printed_document import PT_PER_MM, PrintedDocument

DPI = 200
CUT_MM = 5
CODE_OF = {  # what each printed thing's code must lead to
    "recruiter.pdf": "positions/recruiter/editions/1.2/",
    "editions/recruiter-1.0.pdf": "positions/recruiter/editions/1.0/",
    "editions/recruiter-1.1.pdf": "positions/recruiter/editions/1.1/",
}
PRINTABLE_PAGES = {  # every kind of page that carries a code: a position, an archived edition, a comparison
    "positions/recruiter/": "positions/recruiter/editions/1.2/",
    "positions/recruiter/editions/1.0/": "positions/recruiter/editions/1.0/",
    "positions/recruiter/compare/1.0-1.1/": "positions/recruiter/compare/1.0-1.1/",
}


@pytest.fixture(scope="module")
def archive_site(editions):
    return editions


def _render(pdf: Path, page: int, folder: Path) -> Path:
    require_tool("pdftoppm", "rasterising the printed pages")
    prefix = folder / f"{pdf.stem}-{page}"
    subprocess.run(["pdftoppm", "-r", str(DPI), "-f", str(page), "-l", str(page), "-png", str(pdf), str(prefix)],
                   check=True)
    return next(folder.glob(f"{prefix.name}*.png"))


def _decode(png: Path, box: tuple[float, float, float, float] | None = None) -> list[str]:
    """The codes zbar reads in the image, or in its part `box` (left, top, right, bottom in mm)."""
    require_tool("zbarimg", "decoding the QR codes (Debian zbar-tools)")
    from PIL import Image

    if box is not None:
        with Image.open(png) as image:
            px = [round(v / 25.4 * DPI) for v in box]
            part = png.with_name(png.stem + "-part.png")
            image.crop(px).save(part)
        png = part
    result = subprocess.run(["zbarimg", "-q", "--raw", "-Sdisable", "-Sqrcode.enable", str(png)],
                            capture_output=True, text=True)
    return result.stdout.split()


def _below_the_text(pdf: Path, folder: Path) -> list[str]:
    """The codes read from page 1 below its last line of text, 5 mm in from every edge of the sheet."""
    doc = PrintedDocument(pdf)
    width, height = (side / PT_PER_MM for side in doc.size)
    text_bottom = max(w.y1 for w in doc.words(1)) / PT_PER_MM
    png = _render(pdf, 1, folder)
    assert _decode(png, (CUT_MM, CUT_MM, width - CUT_MM, height - CUT_MM)), (
        f"{pdf.name}: with 5 mm cut from every edge of page 1 the QR code cannot be read")
    return _decode(png, (width / 2, text_bottom, width - CUT_MM, height - CUT_MM))


@pytest.mark.parametrize("pdf", CODE_OF)
def test_the_pdf_code_reads_below_the_text_with_5_mm_cut_from_every_edge(archive_site, pdf, tmp_path):
    require_tool("pdftotext", "finding the text on the printed page")
    path = archive_site.site / "pdf" / pdf
    assert _below_the_text(path, tmp_path) == [SITE_URL + CODE_OF[pdf]], (
        f"{pdf}: the code is not at the bottom right of page 1, below the text")


@pytest.mark.slow  # LibreOffice prints the .docx: tens of seconds
@pytest.mark.parametrize("docx", ["recruiter.docx", "editions/recruiter-1.0.docx"])
def test_the_docx_code_reads_below_the_text_with_5_mm_cut_from_every_edge(archive_site, docx, tmp_path):
    require_tool("soffice", "printing the .docx (apt-get install libreoffice-writer)")
    require_tool("pdftotext", "finding the text on the printed page")
    source = tmp_path / Path(docx).name
    shutil.copy(archive_site.site / "docx" / docx, source)
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo-profile", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=180)
    expected = CODE_OF[docx.replace(".docx", ".pdf")]
    assert _below_the_text(source.with_suffix(".pdf"), tmp_path) == [SITE_URL + expected], (
        f"{docx}: the code is not at the bottom right of page 1, below the text")


@pytest.fixture(scope="module")
def served(archive_site):
    handler = functools.partial(QuietHandler, directory=str(archive_site.site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.mark.browser
@pytest.mark.parametrize("url", PRINTABLE_PAGES)
def test_the_browser_print_puts_the_code_below_the_text_of_page_1_only(url, browser, served, tmp_path):
    """Ctrl+P of a position, an archived edition and a comparison: the code on page 1 beside the text,
    on no other page, and no sheet of the print holds nothing but its number."""
    require_tool("pdftotext", "finding the text on the printed page")
    page = browser.new_page()
    page.goto(served + url)
    page.emulate_media(media="print")
    pdf = tmp_path / "print.pdf"
    page.pdf(path=str(pdf), format="A4", prefer_css_page_size=True)
    page.close()
    assert _below_the_text(pdf, tmp_path) == [SITE_URL + PRINTABLE_PAGES[url]], (
        f"the browser print of {url}: the code is not below the text at the bottom right of page 1")
    doc = PrintedDocument(pdf)
    for number in range(2, doc.pages + 1):
        assert not _decode(_render(pdf, number, tmp_path)), f"the browser print of {url} repeats the code on page {number}"
        words = [w.text for w in doc.words(number) if w.text != str(number)]
        assert words, f"the browser print of {url}: page {number} holds nothing but its number"
