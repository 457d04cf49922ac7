"""Writes the printed part of a built page into a Word document, block by block and run by run, as it prints
(what print.css hides is left out; numbered clauses become one Word list, references REF fields), so a change
to the templates or print.css reaches the .docx without a change here.
"""

from __future__ import annotations

import re

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt
from docx.table import _Cell

from .print_style import PrintStyle, length_pt
from .word_document import CLAUSE, ITEM, SECTION, WordDocument
from .word_tables import write_side_by_side, write_table

ALIGN = {"center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT, "end": WD_ALIGN_PARAGRAPH.RIGHT,
         "justify": WD_ALIGN_PARAGRAPH.JUSTIFY, "left": WD_ALIGN_PARAGRAPH.LEFT, "start": WD_ALIGN_PARAGRAPH.LEFT}
SKIPPED = {"script", "style", "svg", "button", "nav", "template", "noscript", "img", "hr", "input",
           "form", "iframe", "object", "video", "audio", "canvas", "select", "textarea", "link", "meta"}
BLOCKS = {"p", "div", "section", "article", "aside", "header", "footer", "main", "h1", "h2", "h3", "h4", "h5",
          "h6", "ul", "ol", "li", "table", "pre", "blockquote", "figure", "dl", "dt", "dd", "details"} | SKIPPED
NUMBER_CLASSES = {"section-number", "clause-number"}  # the printed numbers Word's numbering replaces
BOLD = {"bold", "bolder", "600", "700", "800", "900"}
SPACES = re.compile(r"[ \t\n\r\f]+")


def classes(element) -> set[str]:
    return set((element.get("class") or "").split())


class Writer:
    def __init__(self, word: WordDocument, style: PrintStyle, base_size: float, bookmarks: dict[str, str]):
        self.word, self.style, self.base_size, self.bookmarks = word, style, base_size, bookmarks
        self.text_width_pt = (style.page.width - style.page.margins[1] - style.page.margins[3]) * 72 / 25.4
        self.paragraphs: list = []   # every paragraph written, in order (for keep-with-next rules)
        self.used_cells: set[int] = set()

    def block(self, wrapper, parent: dict, target, depth: int = 0) -> None:
        element = wrapper.etree_element
        if not isinstance(element.tag, str) or element.tag in SKIPPED:
            return
        if element.get("data-qr"):  # the document's QR code: printed in the first page's margin, not in the text
            self.word.first_page_code(element.get("data-qr"))
            return
        style = self.style.computed(wrapper, parent)
        if style.get("display") == "none":
            return
        tag, first = element.tag, len(self.paragraphs)
        if re.fullmatch(r"h[1-6]", tag):
            self.heading(wrapper, style, target)
        elif tag in ("ul", "ol"):
            self.list_items(wrapper, style, target, "clauses" in classes(element), depth)
        elif tag == "table":
            write_table(self, wrapper, style, target)
        elif tag == "pre":
            self.paragraph(wrapper, style, target, preformatted=True)
        elif any(child.etree_element.tag in BLOCKS for child in wrapper.iter_children()):
            self.container(wrapper, style, target, depth)
        else:
            self.paragraph(wrapper, style, target)
        self.apply_breaks(style, first)

    def container(self, wrapper, style: dict, target, depth: int) -> None:
        """A block of blocks; floated children (the organisation and the stamp) are set side by side."""
        floats: list = []
        self.loose_text(wrapper.etree_element.text, style, target)
        for child in wrapper.iter_children():
            child_style = self.style.computed(child, style)
            if child_style.get("float") in ("left", "right") and child_style.get("display") != "none":
                floats.append((child, child_style))
            else:
                if floats:
                    write_side_by_side(self, floats, style, target)
                    floats = []
                self.block(child, style, target, depth)
            self.loose_text(child.etree_element.tail, style, target)
        if floats:
            write_side_by_side(self, floats, style, target)

    def loose_text(self, text: str | None, style: dict, target) -> None:
        """Text standing between blocks is a paragraph of its own."""
        if text and text.strip():
            paragraph = self.new_paragraph(target, style)
            self.run(paragraph, text.strip(), style, False)

    def block_into_cell(self, wrapper, parent: dict, cell) -> None:
        """A table cell's or a floated block's content, written into a Word table cell."""
        style = self.style.computed(wrapper, parent)
        if any(child.etree_element.tag in BLOCKS for child in wrapper.iter_children()):
            self.container(wrapper, style, cell, 0)
        if id(cell._tc) not in self.used_cells:  # inline content, or an empty cell: one paragraph
            self.paragraph(wrapper, style, cell)

    def apply_breaks(self, style: dict, first: int) -> None:
        written = self.paragraphs[first:]
        if not written:
            return
        if style.get("break-before") == "page":
            written[0].paragraph_format.page_break_before = True
        elif style.get("break-before") == "avoid" and first > 0:
            self.paragraphs[first - 1].paragraph_format.keep_with_next = True
        if style.get("break-inside") == "avoid":
            for paragraph in written[:-1]:
                paragraph.paragraph_format.keep_with_next = True
        if style.get("break-after") == "avoid":
            written[-1].paragraph_format.keep_with_next = True
        # A block's own space above (the gap between the approval stamp and the title is padding).
        top = sum(length_pt(style.get(f"{box}-top"), self.size(style)) or 0.0 for box in ("margin", "padding"))
        if top > 0 and not written[0].paragraph_format.space_before:
            written[0].paragraph_format.space_before = Pt(top)

    def heading(self, wrapper, style: dict, target) -> None:
        element = wrapper.etree_element
        numbered = any("section-number" in classes(e) for e in element.iter() if isinstance(e.tag, str))
        paragraph = self.paragraph(wrapper, style, target)
        paragraph.style = self.word.doc.styles["Heading 1" if numbered or int(element.tag[1]) <= 2 else "Heading 2"]
        if numbered:
            self.word.number(paragraph, self.word.clause_list, SECTION)
        paragraph.paragraph_format.keep_with_next = True

    def list_items(self, wrapper, style: dict, target, clauses: bool, depth: int) -> None:
        for item in wrapper.iter_children():
            element = item.etree_element
            if element.tag != "li" or (item_style := self.style.computed(item, style)).get("display") == "none":
                continue
            first = len(self.paragraphs)
            inline, blocks = self.split_item(item)
            paragraph = self.paragraph(inline, item_style, target)
            if clauses:
                self.word.number(paragraph, self.word.clause_list, CLAUSE)
                if element.get("id") in self.bookmarks:
                    self.word.bookmark(paragraph, self.bookmarks[element.get("id")])
            elif depth >= 1 or any(a.etree_element.tag == "li" and "data-clause" in a.etree_element.attrib
                                   for a in item.ancestors):
                self.word.number(paragraph, self.word.clause_list, ITEM + max(0, depth - 1))
            else:
                self.word.number(paragraph, self.word.dash_list, depth)
            for block in blocks:
                if block.etree_element.tag in ("ul", "ol"):
                    self.list_items(block, self.style.computed(block, item_style), target, False, depth + 1)
                else:
                    self.block(block, item_style, target, depth + 1)
            self.apply_breaks(item_style, first)

    @staticmethod
    def split_item(item):
        """A list item's own text (a wrapper, or its first paragraph in a loose list) and its blocks after it."""
        children = list(item.iter_children())
        if children and children[0].etree_element.tag == "p" and not (item.etree_element.text or "").strip():
            return children[0], children[1:]
        return item, [c for c in children if c.etree_element.tag in BLOCKS]

    def new_paragraph(self, target, style: dict):
        """A paragraph of `target` (a cell's own first one, when still unused) formatted as `style` says."""
        if isinstance(target, _Cell) and id(target._tc) not in self.used_cells:
            self.used_cells.add(id(target._tc))
            paragraph = target.paragraphs[0]
        else:
            paragraph = target.add_paragraph()
        self.paragraphs.append(paragraph)
        size, fmt = self.size(style), paragraph.paragraph_format
        if style.get("text-align") in ALIGN:
            fmt.alignment = ALIGN[style["text-align"]]
        indent = length_pt(style.get("text-indent"), size)
        if indent is not None:
            fmt.first_line_indent = Pt(indent)
        for side, attribute in (("top", "space_before"), ("bottom", "space_after")):
            margin, padding = (length_pt(style.get(f"{box}-{side}"), size) for box in ("margin", "padding"))
            if margin is not None or padding:
                setattr(fmt, attribute, Pt(max(0.0, margin or 0.0) + (padding or 0.0)))
        if style.get("break-after") == "avoid":
            fmt.keep_with_next = True
        if style.get("break-inside") == "avoid":
            fmt.keep_together = True
        return paragraph

    def paragraph(self, wrapper, style: dict, target, preformatted: bool = False):
        paragraph = self.new_paragraph(target, style)
        self.inline(wrapper, style, paragraph, preformatted, top=True)
        runs = paragraph.runs
        if runs and not preformatted:
            runs[0].text = runs[0].text.lstrip(" ")
            runs[-1].text = runs[-1].text.rstrip(" ")
        return paragraph

    def size(self, style: dict) -> float:
        return length_pt(style.get("font-size"), self.base_size) or self.base_size

    def inline(self, wrapper, style: dict, paragraph, preformatted: bool, top: bool = False) -> None:
        """A block's text and inline elements as runs (a paragraph's own blocks are written apart)."""
        self.run(paragraph, wrapper.etree_element.text, style, preformatted)
        for child in wrapper.iter_children():
            tag = child.etree_element.tag
            if not (top and tag in BLOCKS and tag != "p") and tag not in SKIPPED:
                self.inline_element(child, style, paragraph, preformatted)
            self.run(paragraph, child.etree_element.tail, style, preformatted)

    def inline_element(self, wrapper, parent: dict, paragraph, preformatted: bool) -> None:
        element = wrapper.etree_element
        style = self.style.computed(wrapper, parent)
        target = (element.get("href") or "").removeprefix("#")
        if style.get("display") == "none" or classes(element) & NUMBER_CLASSES:
            return
        if element.tag == "br":
            paragraph.add_run().add_break(WD_BREAK.LINE)
        elif element.tag == "a" and "clause-ref" in classes(element) and target in self.bookmarks:
            self.word.add_field(paragraph, f"REF {self.bookmarks[target]} \\r \\h", "".join(element.itertext()))
        elif not "".join(element.itertext()).strip() and _underlined(style):  # a line to write on
            width = length_pt(style.get("width"), self.size(style)) or 90.0
            self.run(paragraph, "_" * max(3, round(width / (self.size(style) / 2))), style, True)
        else:
            self.inline(wrapper, style, paragraph, preformatted)

    def run(self, paragraph, text: str | None, style: dict, preformatted: bool) -> None:
        if not text:
            return
        if not preformatted:
            text = SPACES.sub(" ", text)
            written = paragraph._p.findall(".//" + qn("w:t"))
            previous = written[-1].text or "" if written else ""
            if text.startswith(" ") and (not previous or previous.endswith(" ")):
                text = text[1:]
            if not text:
                return
        if style.get("white-space") == "nowrap":  # kept on one line: Word's non-breaking space and hyphen
            text = text.replace(" ", "\u00a0").replace("-", "\u2011")
        run = paragraph.add_run(text)
        if style.get("font-weight") in BOLD:
            run.bold = True
        if style.get("font-style") == "italic":
            run.italic = True
        if style.get("text-transform") == "uppercase":
            run.font.all_caps = True
        size = self.size(style)
        if abs(size - self.base_size) > 0.01:
            run.font.size = Pt(size)
        spacing = length_pt(style.get("letter-spacing"), size)
        if spacing:  # character spacing, in twentieths of a point
            run._r.get_or_add_rPr().append(parse_xml(f'<w:spacing {nsdecls("w")} w:val="{round(spacing * 20)}"/>'))


def _underlined(style: dict) -> bool:
    value = style.get("border-bottom") or style.get("border") or ""
    return bool(value) and "none" not in value and not value.startswith("0 ")
