"""Clause numbering and cross-references.

Every top-level section (1., 2.) and the items of its lists (2.1, 2.2) are numbered at build time.
``- {#consult} Text`` labels an item, ``п. [](#consult)`` is filled with its number, ``[](recruiter.md#x)``
reads «п. 2.3 должностной инструкции …». A «Справка» block's title becomes a heading of the section's level.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from ..model.markup import CROSS_REFERENCE, clause_id, clause_number, section_id
from . import preview
from .preview import text_holder
from .verbatim import is_instruction

LABEL_AT_START = re.compile(r"^\s*\{#([A-Za-z][\w-]*)\}\s*")


class ClauseNumbering(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        extension = self.md.jobdesc_clauses
        self.md.jobdesc_read = {}  # what of other pages this page printed (render/page_cache.py checks it)
        if not any(is_instruction(extension.blocks.release(block)) for block in self.md.htmlStash.rawHtmlBlocks):
            return
        section = clause = 0
        numbers: dict[str, str] = {}
        for element in root:
            if element.tag == "h2":
                section, clause = section + 1, 0
                _prefix(element, f"{section}.", "section-number")
                element.set("id", section_id(section))
            elif element.tag in ("ul", "ol") and section:
                element.tag = "ol"
                _add_class(element, "clauses")
                for item in element.findall("li"):
                    clause += 1
                    number, holder = clause_number(section, clause), text_holder(item)
                    label = LABEL_AT_START.match(holder.text or "")
                    if label:
                        holder.text = holder.text[label.end():]
                        numbers[label.group(1)] = number
                    item.set("id", label.group(1) if label else clause_id(section, clause))
                    item.set("data-clause", number)
                    _prefix(item, f"{number}.", "clause-number")
        for link in root.iter("a"):
            href = link.get("href", "")
            if href.startswith("#") and href[1:] in numbers and _empty(link):
                link.text = numbers[href[1:]]
                _add_class(link, "clause-ref")
        self.md.jobdesc_read = extension.cross_references(root)
        extension.compare_with_preview(self.md, root)
        extension.report_stray_labels(root)
        for number, block in enumerate(root.iterfind("div[@class='admonition reference']"), 1):
            title = block.find("p[@class='admonition-title']")
            if title is not None:
                title.tag = "h2"
                title.set("id", "reference" if number == 1 else f"reference-{number}")


def _prefix(element: etree.Element, text: str, css_class: str) -> None:
    holder = text_holder(element)
    span = etree.Element("span", {"class": css_class})
    span.text = text
    span.tail = " " + (holder.text or "").lstrip()
    holder.text = None
    holder.insert(0, span)


def _add_class(element: etree.Element, name: str) -> None:
    element.set("class", (element.get("class", "") + " " + name).strip())


def _empty(link: etree.Element) -> bool:
    return not (link.text or "").strip() and not len(link)


class PreviewReading(Preprocessor):
    """The page read as the git preview reads it, and rewritten so Python-Markdown reads it the same way."""

    def run(self, lines: list[str]) -> list[str]:
        self.md.jobdesc_lines = lines
        rewritten, self.md.jobdesc_preview = preview.read(lines, self.md.jobdesc_clauses.cache)
        return rewritten


class ClauseExtension(Extension):
    """Registered from define_env; runs after inline processing and before the table of contents (5).
    `numbers_of(slug)` numbers another position's clauses, `link_out()` says whether references link."""

    def __init__(self, page_of, numbers_of, link_out, cache, findings, blocks):
        super().__init__()
        self.page_of, self.numbers_of, self.link_out, self.cache = page_of, numbers_of, link_out, cache
        self.findings, self.blocks = findings, blocks

    def extendMarkdown(self, md):
        md.jobdesc_clauses = self
        # After fenced code is set aside (superfences, 25), before raw HTML blocks are (20).
        md.preprocessors.register(PreviewReading(md), "jobdesc_preview", 23)
        md.treeprocessors.register(ClauseNumbering(md), "jobdesc_clauses", 6)

    def report(self, message: str, fix: str, needle: str) -> None:
        self.findings.report_on_page(self.page_of, message, fix, needle)

    def report_stray_labels(self, root: etree.Element) -> None:
        """A label only names a clause of a section: anywhere else it would print as «{#…}» and its
        references would be empty links."""
        for item in root.iter("li"):
            label = LABEL_AT_START.match(text_holder(item).text or "") if item.get("data-clause") is None else None
            if label:
                self.report(f"метка «{{#{label.group(1)}}}» стоит не у пункта раздела (у подпункта или в списке "
                            "вне разделов): сайт показал бы её как текст", "метку ставят только в начале пункта "
                            "раздела, «- {#метка} Текст»; сошлитесь на этот пункт или уберите метку",
                            "{#" + label.group(1))
        for link in root.iter("a"):
            href = link.get("href", "")
            if href.startswith("#") and len(href) > 1 and _empty(link):
                self.report(f"ссылка [](#{href[1:]}) ведёт на метку, которая не стала пунктом: на странице была бы "
                            "пустая ссылка", "сошлитесь на пункт раздела с этой меткой или напишите текст ссылки",
                            f"[]({href})")

    def compare_with_preview(self, md, root: etree.Element) -> None:
        """Report the first place where the site numbered the page differently from the git preview."""
        difference = preview.first_difference(getattr(md, "jobdesc_preview", []), preview.site_outline(root))
        if difference:
            message, fix, line, needle = difference
            lines = getattr(md, "jobdesc_lines", [])
            self.report(message, fix, needle or (lines[line].strip()[:60] if line is not None and line < len(lines)
                                                 else ""))

    def cross_references(self, root: etree.Element) -> dict:
        """«п. [](recruiter.md#screening)» -> «п. 2.3 должностной инструкции менеджера по подбору персонала».
        Returns what it printed of other positions (`read_now` answers the same for a kept page)."""
        read: dict = {}
        for link in list(root.iter("a")):
            target = CROSS_REFERENCE.match(link.get("href", ""))
            if not target or not _empty(link):
                continue
            found = reference(self.numbers_of, target.group(1), target.group(2))
            read.setdefault("references", []).append([target.group(1), target.group(2), found])
            if found is None:
                continue  # no such position: checks/relations.py has reported it
            link.text = " ".join(filter(None, found))
            _add_class(link, "clause-ref")
            read["link_out"] = self.link_out()
            if not read["link_out"]:
                link.attrib.pop("href")
                link.tag = "span"  # an archived edition names the clause; the page it was in may be gone
        return read

    def read_now(self, read: dict) -> bool:
        """Whether every position and clause a page's references printed reads the same in this build
        (a kept page is taken back only then)."""
        return (read.get("link_out", self.link_out()) == self.link_out()
                and all(reference(self.numbers_of, slug, label) == found
                        for slug, label, found in read.get("references", ())))


def reference(numbers_of, slug: str, label: str, name=str) -> list | None:
    """[the clause's number or None, «должностной инструкции …»] (the position's name written by `name`);
    None: no such position. The site's references and prepare's plain Markdown (prepare/markdown.py) share it."""
    found = numbers_of(slug)
    return None if found is None else [found[1].get(label), f"должностной инструкции {name(found[0].genitive)}"]
