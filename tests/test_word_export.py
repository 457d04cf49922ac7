"""Every position has a .docx made at build time: laid out like the printout, with Word's own numbering.

The document is opened with python-docx and read as Word would show it: the clause numbers come
from Word's list numbering (counted here independently of the exporter), never from typed text.
LibreOffice (tests only) converts each file to PDF: its page count is within one page of the
build-time PDF, and its text shows every clause number, proving the numbering renders.
"""

from __future__ import annotations

import re
import subprocess
import zipfile

import docx
import pytest
from docx.oxml.ns import qn

from conftest import ROOT, require_tool
from printed_document import PT_PER_MM, PrintedDocument
from test_print import SLUGS

MM = 36000  # EMU per millimetre


def page_rule() -> dict[str, float]:
    """A4 and the margins as print.css states them (top, right, bottom, left), in millimetres."""
    css = (ROOT / "overrides" / "assets" / "stylesheets" / "print.css").read_text(encoding="utf-8")
    rule = re.search(r"@page\s*\{(.*?)\n\}", css, re.S).group(1)
    assert "size: A4" in rule
    values = [float(v) for v in re.search(r"margin:\s*([\d.]+)mm\s+([\d.]+)mm\s+([\d.]+)mm\s+([\d.]+)mm",
                                          rule).groups()]
    return dict(zip(("top", "right", "bottom", "left"), values))


def numbered_paragraphs(document) -> list[tuple[str, str]]:
    """(number Word shows, text) of each paragraph on the sections-and-clauses list: «2.», «2.7.»."""
    counters: dict[str, list[int]] = {}
    shown = []
    for paragraph in document.paragraphs:
        numbering = paragraph._p.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        if numbering is None:
            continue
        level = int(numbering.find(qn("w:ilvl")).get(qn("w:val")))
        num_id = numbering.find(qn("w:numId")).get(qn("w:val"))
        if level > 1:
            continue  # enumerations inside a clause: dashes
        counter = counters.setdefault(num_id, [0, 0])
        counter[level] += 1
        if level == 0:
            counter[1] = 0
        shown.append((f"{counter[0]}." if level == 0 else f"{counter[0]}.{counter[1]}.", paragraph.text.strip()))
    return shown


def page_clauses(site, slug: str) -> list[tuple[str, str]]:
    page = site.position(slug)
    result = []
    for element in page.select("article h2, article li[data-clause]"):
        if element.find_parent(class_="admonition"):
            continue
        number = element.select_one(".section-number, .clause-number")
        own = element.find(["ul", "ol"])
        if own:
            own.extract()
        text = element.get_text(" ", strip=True)
        result.append((number.get_text(strip=True), " ".join(text.removeprefix(number.get_text(strip=True)).split())))
    return result


@pytest.mark.parametrize("slug", SLUGS)
def test_docx_has_every_clause_with_real_numbering_and_the_print_page(slug, site):
    path = site.site / "docx" / f"{slug}.docx"
    assert path.is_file(), f"the build wrote no .docx for {slug}"
    link = site.position(slug).find("a", string="Скачать Word")
    assert link and link["href"] == f"../../docx/{slug}.docx", f"{slug}: «Скачать Word» does not lead to its .docx"
    document = docx.Document(str(path))
    word = [(n, " ".join(t.split())) for n, t in numbered_paragraphs(document)]
    assert word == page_clauses(site, slug), f"{slug}: the .docx sections and clauses differ from the page"
    assert not any(re.match(r"^\d+\.\d+\.", p.text) for p in document.paragraphs), "numbers typed as text"
    section = document.sections[0]
    margins = page_rule()
    assert (round(section.page_width / MM), round(section.page_height / MM)) == (210, 297), "not A4"
    assert [round(getattr(section, f"{side}_margin") / MM, 1) for side in ("top", "right", "bottom", "left")] == \
        [margins[s] for s in ("top", "right", "bottom", "left")], "margins differ from print.css"
    text = "\n".join(p.text for p in document.paragraphs)
    assert "УТВЕРЖДАЮ" in _tables_text(document) or "УТВЕРЖДЕНА" in _tables_text(document)
    assert "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ" in text and "Справка" not in text and "Скачать" not in text


def test_docx_layout_page_numbers_signatures_and_acknowledgement(site):
    document = docx.Document(str(site.site / "docx" / "key-account-manager.docx"))
    section = document.sections[0]
    assert section.different_first_page_header_footer, "page numbers must start on page 2"
    assert "PAGE" in section.header._element.xml and not section.first_page_header.paragraphs[0].text
    normal = document.styles["Normal"].font
    assert normal.name in ("Times New Roman", "Liberation Serif") and normal.size.pt == 12
    sheet = document.tables[-1]
    assert [c.text for c in sheet.rows[0].cells] == ["№", "ФИО", "Должность", "Дата ознакомления", "Подпись"]
    assert len(sheet.rows) == 13, "the acknowledgement sheet has a header row and 12 rows to sign"
    title = next(p for p in document.paragraphs if p.text == "Лист ознакомления")
    assert title.paragraph_format.page_break_before, "the acknowledgement sheet starts a new page"
    signatures = "\n".join(c.text for t in document.tables[:-1] for r in t.rows for c in r.cells)
    assert "Разработал:" in signatures and "Согласовано:" in signatures
    xml = document.element.xml
    assert "REF _Ref_consult" in xml and 'w:name="_Ref_consult"' in xml, "«п. 2.7» is a field on a bookmark"


def test_two_exports_of_a_page_are_byte_identical(site):
    from macros.exports.word import docx_from_html  # the function the build and the archive call

    html = (site.site / "positions" / "recruiter" / "index.html").read_text(encoding="utf-8")
    first, second = docx_from_html(html), docx_from_html(html)
    assert first == second, "the same page gave two different .docx files"


@pytest.fixture(scope="module")
def libreoffice_pdfs(site, tmp_path_factory):
    require_tool("soffice", "converting .docx to PDF in tests: apt-get install libreoffice-writer")
    out = tmp_path_factory.mktemp("lo")
    files = [str(site.site / "docx" / f"{slug}.docx") for slug in SLUGS]
    subprocess.run(["soffice", f"-env:UserInstallation=file://{out}/profile", "--headless", "--convert-to", "pdf",
                    "--outdir", str(out), *files], capture_output=True, text=True, timeout=300, check=True)
    return out


@pytest.mark.slow  # LibreOffice converts every .docx: tens of seconds
@pytest.mark.parametrize("slug", SLUGS)
def test_libreoffice_prints_the_docx_like_the_pdf(slug, site, libreoffice_pdfs):
    require_tool("pdftotext", "reading PDFs")
    printed, built = PrintedDocument(libreoffice_pdfs / f"{slug}.pdf"), PrintedDocument(site.site / "pdf" / f"{slug}.pdf")
    assert abs(printed.pages - built.pages) <= 1, f"{slug}: LibreOffice {printed.pages} pages, PDF {built.pages}"
    text = " ".join(printed.text().split())
    position = 0
    for number, clause in page_clauses(site, slug):
        shown = f"{number} {clause.split()[0]}"  # the number Word's list draws, then the clause's first word
        found = text.find(shown, position)
        assert found >= 0, f"{slug}: LibreOffice does not show «{shown}…» in order"
        position = found
    assert printed.lines(2)[0].strip() == "2", f"{slug}: page 2 does not start with its number at the top"
    assert printed.lines(1)[0].strip() != "1", f"{slug}: page 1 must carry no number"


def _tables_text(document) -> str:
    return "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)


def test_docx_properties_name_the_organisation_and_the_program_that_made_it(site):
    """File → Properties in Word: the author and company are the organisation of mkdocs.yml, the
    application is this site's export; not python-docx's template («Microsoft Macintosh Word»)."""
    path = site.site / "docx" / "recruiter.docx"
    organisation = site.position("recruiter").select_one(".doc-org").get_text(" ", strip=True)
    assert docx.Document(str(path)).core_properties.author == organisation
    with zipfile.ZipFile(path) as package:
        app = package.read("docProps/app.xml").decode("utf-8")
    assert "Macintosh" not in app and "Microsoft" not in app, app
    assert f"<Company>{organisation}</Company>" in app and "<Application>Должностные инструкции" in app, app


@pytest.mark.slow  # LibreOffice converts every .docx: tens of seconds
@pytest.mark.parametrize("slug", SLUGS)
def test_libreoffice_shows_the_title_apart_from_the_stamp_numbers_clear_and_signatures_without_heads(
        slug, site, libreoffice_pdfs):
    """As printed from the .docx: a clear space between the approval stamp and «ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ»
    (as in the PDF), page numbers 10 mm or more below the edge, no «Должность | Подпись | Расшифровка
    подписи | Дата» row that the PDF does not have, and the lines to sign standing one under another."""
    require_tool("pdftotext", "reading PDFs")
    printed = PrintedDocument(libreoffice_pdfs / f"{slug}.pdf")
    words = printed.words(1)
    title = next(w for w in words if w.text == "ДОЛЖНОСТНАЯ")
    stamp = max(w.y1 for w in words if w.y1 <= title.y0 and w.x0 > printed.size[0] / 2)
    assert (title.y0 - stamp) / PT_PER_MM >= 6, (
        f"{slug}: the title is {(title.y0 - stamp) / PT_PER_MM:.1f} mm under the approval stamp, no space between them")
    assert "Расшифровка подписи" not in printed.text(), f"{slug}: the .docx prints the signature block's column heads"
    number = next(w for w in printed.words(2) if w.text == "2")
    assert number.y0 >= 10 * PT_PER_MM, f"{slug}: page 2's number is {number.y0 / PT_PER_MM:.1f} mm from the edge"
    page = next(n for n in range(1, printed.pages + 1) if "Согласовано:" in printed.text(n))
    words = printed.words(page)
    line = re.search(r"_+", site.position(slug).select_one(".sign-line-cell").get_text()).group(0)
    rows: dict[int, float] = {}
    for word in words:
        if word.text == line:  # the line to sign is the row's first line; the name's may follow
            rows[round(word.y1)] = min(word.x0, rows.get(round(word.y1), word.x0))
    assert len(rows) >= 2 and max(rows.values()) - min(rows.values()) < 1.5, (
        f"{slug}: the lines to sign do not stand one under another (x in pt by row: {rows})")
    for opening in (w for w in words if w.text.startswith("«___»")):
        year = min((w for w in words if w.text == "г." and w.x0 > opening.x0), key=lambda w: abs(w.y1 - opening.y1))
        assert abs(year.y1 - opening.y1) < 3, f"{slug}: the date form «___» … 20___ г. breaks over two lines"
