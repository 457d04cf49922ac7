"""Inline content of a printed block as Word runs: text, bold and italics, breaks, reference fields,
blank lines; what a run looks like comes from the element's print style (print_style.py).
"""

from __future__ import annotations

import re

from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt

from .print_style import length_pt

SKIPPED = {"script", "style", "svg", "button", "nav", "template", "noscript", "img", "hr", "input",
           "form", "iframe", "object", "video", "audio", "canvas", "select", "textarea", "link", "meta"}
BLOCKS = {"p", "div", "section", "article", "aside", "header", "footer", "main", "h1", "h2", "h3", "h4", "h5",
          "h6", "ul", "ol", "li", "table", "pre", "blockquote", "figure", "dl", "dt", "dd", "details"} | SKIPPED
NUMBER_CLASSES = {"section-number", "clause-number"}  # the printed numbers Word's numbering replaces
BOLD = {"bold", "bolder", "600", "700", "800", "900"}
SPACES = re.compile(r"[ \t\n\r\f]+")


def classes(element) -> set[str]:
    return set((element.get("class") or "").split())


class InlineWriter:
    """Mixed into the Writer: needs self.style, self.word, self.bookmarks and self.size()."""

    def inline(self, wrapper, style: dict, paragraph, preformatted: bool, top: bool = False) -> None:
        element = wrapper.etree_element
        self.run(paragraph, element.text, style, preformatted)
        for child in wrapper.iter_children():
            tag = child.etree_element.tag
            if not (top and tag in BLOCKS and tag not in ("p",)) and tag not in SKIPPED:
                self.inline_element(child, style, paragraph, preformatted)
            self.run(paragraph, child.etree_element.tail, style, preformatted)

    def inline_element(self, wrapper, parent: dict, paragraph, preformatted: bool) -> None:
        element = wrapper.etree_element
        style = self.style.computed(wrapper, parent)
        if style.get("display") == "none" or classes(element) & NUMBER_CLASSES:
            return
        if element.tag == "br":
            paragraph.add_run().add_break(WD_BREAK.LINE)
            return
        target = (element.get("href") or "").removeprefix("#")
        if element.tag == "a" and "clause-ref" in classes(element) and target in self.bookmarks:
            self.word.add_field(paragraph, f"REF {self.bookmarks[target]} \\r \\h", "".join(element.itertext()))
            return
        if not "".join(element.itertext()).strip() and _has_border(style, "bottom"):
            width = length_pt(style.get("width"), self.size(style)) or 90.0
            self.run(paragraph, "_" * max(3, round(width / (self.size(style) / 2))), style, True)
            return
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


def _has_border(style: dict, side: str) -> bool:
    value = style.get(f"border-{side}") or style.get("border") or ""
    return bool(value) and "none" not in value and not value.startswith("0 ")
