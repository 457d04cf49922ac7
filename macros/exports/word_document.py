"""The Word file itself: page, fonts, page numbers, real multilevel numbering, bookmarks and fields.

Clauses are one Word multilevel list (inserting a clause renumbers the rest), «п. 2.7» a REF field;
the zip carries the approval date, not the clock, so the same page gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from importlib.metadata import version
from xml.sax.saxutils import escape as _xml_text

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, RGBColor

from .print_style import Page

# Numbering levels of the clause list: 0 sections, 1 clauses, 2-3 enumerations inside a clause.
SECTION, CLAUSE, ITEM = 0, 1, 2
PARAGRAPH_INDENT_TWIPS = 709  # 1.25 cm, the paragraph indent of ГОСТ Р 7.0.97
DASH = "\u2014"
FOOTER_DISTANCE_MM = 8.0
PAGE_NUMBER_FROM_EDGE_MM = 11.0
APPLICATION = f"Должностные инструкции (python-docx {version('python-docx')})"


class WordDocument:
    def __init__(self, page: Page, fonts: list[str], size_pt: float, language: str = "ru-RU"):
        self.doc = Document()
        self.font = next((f for f in fonts if f not in ("serif", "sans-serif")), "Times New Roman")
        self._setup_page(page)
        for name in ("Normal", "Table Grid"):
            style = self.doc.styles[name]
            self.set_font(style, size_pt)
            style.element.get_or_add_rPr().append(parse_xml(f'<w:lang {nsdecls("w")} w:val="{language}" w:eastAsia="{language}"/>'))
        normal = self.doc.styles["Normal"].paragraph_format
        normal.space_before, normal.space_after = Pt(0), Pt(0)
        normal.line_spacing = 1.08  # CSS line-height 1.25 of a 12 pt serif is about Word's 1.08 lines
        normal.widow_control = True
        self._next_bookmark = 1
        clause_levels = [self._level(SECTION, "decimal", "%1.", 0, bold=True),
                         self._level(CLAUSE, "decimal", "%1.%2.", PARAGRAPH_INDENT_TWIPS)]
        clause_levels += [self._level(i, "bullet", DASH, PARAGRAPH_INDENT_TWIPS * (i - 1)) for i in range(ITEM, 9)]
        self.clause_list = self._add_list(clause_levels)
        self.dash_list = self._add_list([self._level(i, "bullet", DASH, PARAGRAPH_INDENT_TWIPS * (i + 1)) for i in range(9)])
        for name in ("Heading 1", "Heading 2"):  # kept for Word's navigation pane, in the printout's look
            heading = self.doc.styles[name]
            fonts = self.set_font(heading, size_pt)
            heading.font.bold, heading.font.italic = True, False
            heading.font.color.rgb = RGBColor(0, 0, 0)
            for theme in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
                fonts.attrib.pop(qn(f"w:{theme}"), None)
            heading.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
            heading.paragraph_format.keep_with_next = True

    def _setup_page(self, page: Page) -> None:
        section = self.doc.sections[0]
        section.page_width, section.page_height = Mm(page.width), Mm(page.height)
        top, right, bottom, left = page.margins
        section.top_margin, section.right_margin = Mm(top), Mm(right)
        section.bottom_margin, section.left_margin = Mm(bottom), Mm(left)
        # The number's line at least 10 mm below the sheet's edge, as in the PDF (print.css @top-center).
        section.header_distance = Mm(min(PAGE_NUMBER_FROM_EDGE_MM, top - 5))
        # Page numbers at the top centre from page 2 on (ГОСТ Р 7.0.97): the first page's header is empty.
        section.different_first_page_header_footer = True
        number = section.header.paragraphs[0]
        number.alignment = WD_ALIGN_PARAGRAPH.CENTER
        self.add_field(number, "PAGE", "2")

    def set_font(self, style, size_pt: float):
        """The document's font and size on a Word style, for every script (Cyrillic is "cs" to some readers)."""
        style.font.name, style.font.size = self.font, Pt(size_pt)
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attribute), self.font)
        return fonts

    def first_page_code(self, target: str) -> None:
        """The document's QR code at the bottom right of the first page, in its footer (the margin, as in
        the PDF: render/qr.py); Word and LibreOffice shorten the first page's text to make room for it."""
        from ..render import qr
        section = self.doc.sections[0]
        section.footer_distance = Mm(FOOTER_DISTANCE_MM)
        footer = section.first_page_footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        footer.paragraph_format.space_before = footer.paragraph_format.space_after = Pt(0)
        footer.paragraph_format.line_spacing = 1.0
        footer.add_run().add_picture(io.BytesIO(qr.png(target)), width=Mm(qr.SIZE_MM), height=Mm(qr.SIZE_MM))

    @staticmethod
    def _level(index: int, fmt: str, text: str, indent: int, bold: bool = False) -> str:
        start = "" if fmt == "bullet" else '<w:start w:val="1"/>'
        weight = "<w:b/>" if bold else '<w:b w:val="0"/>'
        return (f'<w:lvl w:ilvl="{index}">{start}<w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
                f'<w:lvlJc w:val="left"/><w:suff w:val="space"/>'
                f'<w:pPr><w:ind w:left="0" w:firstLine="{indent}"/></w:pPr><w:rPr>{weight}</w:rPr></w:lvl>')

    def _add_list(self, levels: list[str]) -> int:
        numbering = self.doc.part.numbering_part.element
        abstract_id = 1 + max([int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))],
                              default=0)
        abstract = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
                             f'<w:multiLevelType w:val="multilevel"/>{"".join(levels)}</w:abstractNum>')
        numbering.insert_element_before(abstract, "w:num")  # the schema wants every abstractNum before the nums
        return numbering.add_num(abstract_id).numId

    @staticmethod
    def number(paragraph, num_id: int, level: int) -> None:
        numbering = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        numbering.get_or_add_ilvl().val = level
        numbering.get_or_add_numId().val = num_id

    def bookmark(self, paragraph, name: str) -> None:
        """A bookmark around the whole paragraph (a clause a reference points to)."""
        ident, self._next_bookmark = self._next_bookmark, self._next_bookmark + 1
        start = parse_xml(f'<w:bookmarkStart {nsdecls("w")} w:id="{ident}" w:name="{name}"/>')
        if paragraph._p.pPr is not None:
            paragraph._p.pPr.addnext(start)
        else:
            paragraph._p.insert(0, start)
        paragraph._p.append(parse_xml(f'<w:bookmarkEnd {nsdecls("w")} w:id="{ident}"/>'))

    @staticmethod
    def add_field(paragraph, instruction: str, shown: str) -> None:
        """A field (PAGE, REF …) with the result Word shows until it updates the field."""
        for inner in ('<w:fldChar w:fldCharType="begin"/>',
                      f'<w:instrText xml:space="preserve"> {instruction} </w:instrText>',
                      '<w:fldChar w:fldCharType="separate"/>',
                      f'<w:t xml:space="preserve">{_xml_text(shown)}</w:t>',
                      '<w:fldChar w:fldCharType="end"/>'):
            paragraph._p.append(parse_xml(f'<w:r {nsdecls("w")}>{inner}</w:r>'))

    def to_bytes(self, date: dt.date | None, title: str, organisation: str = "") -> bytes:
        """The file, its properties saying who issued it and what made it (python-docx's template says
        «Microsoft Macintosh Word»), every zip member dated the approval (python-docx dates them by the clock)."""
        stamp = dt.datetime.combine(date or dt.date(2000, 1, 1), dt.time())
        core = self.doc.core_properties
        core.title, core.author, core.last_modified_by = title, organisation, organisation
        core.comments = ""
        core.created = core.modified = stamp
        core.revision = 1
        raw, out = io.BytesIO(), io.BytesIO()
        self.doc.save(raw)
        app = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
               'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
               f"<Application>{_xml_text(APPLICATION)}</Application><DocSecurity>0</DocSecurity>"
               f"<ScaleCrop>false</ScaleCrop><Company>{_xml_text(organisation)}</Company>"
               "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
               "<HyperlinksChanged>false</HyperlinksChanged></Properties>").encode("utf-8")
        with zipfile.ZipFile(raw) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for item in source.infolist():
                data = app if item.filename == "docProps/app.xml" else source.read(item.filename)
                target.writestr(zipfile.ZipInfo(item.filename, stamp.timetuple()[:6]), data, zipfile.ZIP_DEFLATED)
        return out.getvalue()
