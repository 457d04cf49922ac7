"""A page's search entries: the page itself, each section under a heading, each numbered clause
(«п. 2.9», so a hit leads to the duty). Taken from the page's element tree as Python-Markdown leaves
it (hooks/search_entries.py reads the `Outline` as the tree's last step), never from the written HTML;
held forms and diagram sources are never indexed. Standard library only.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from html.parser import HTMLParser

HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
CLAUSE_VALUE = re.compile(r"\d+(?:\.\d+)*")
CLAUSE_NUMBER = re.compile(r'<span class="clause-number">[^<]*</span>')
COMMENT = re.compile(r"<!--.*?-->", re.S)
# Not text a reader sees: a diagram's source (the org chart's Mermaid code), scripts and styles.
HIDDEN = re.compile(r"<pre\b[^>]*\bclass=\"[^\"]*\bmermaid\b.*?</pre>|<(script|style)\b.*?</\1>", re.S)
# Tags inside a word or a sentence vanish; any other tag separates words (table cells, list items).
INLINE = {"a", "abbr", "b", "code", "em", "i", "kbd", "mark", "s", "small", "span", "strong", "sub", "sup", "u"}
INLINE_TAG = re.compile(r"</?(?:%s)\b[^>]*>" % "|".join(sorted(INLINE)))
TAG = re.compile(r"<[^>]+>")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# How Python-Markdown writes text out (markdown/serializers.py, postprocessors.py): a "&" that does not
# begin an entity is escaped, a "&" it set aside comes back; the text an entry gets is what that HTML shows.
LONE_AMP = re.compile(r"&(?!(?:#[0-9]+|#x[0-9a-f]+|[0-9a-z]+);)", re.I)
AMP_SUBSTITUTE = "\x02amp\x03"
PLACEHOLDER = re.compile("\x02wzxhzdk:([0-9]+)\x03")


@dataclass
class Entry:
    anchor: str  # "" for the page itself, else the id of a heading or a clause
    title: str
    text: str
    clause: bool = False


class Outline:
    """A page's entries, the page itself first (its title is the caller's), by a walk through its element tree
    in reading order: text goes to the current section until the next heading; a clause's text is its own entry,
    listed after the section's. `raw_blocks`: the HTML blocks Markdown set aside (placeholders in the tree)."""

    def __init__(self, raw_blocks: list[str]):
        self.raw_blocks = raw_blocks
        self.entries = [Entry("", "", "")]
        self.chunks: list[str] = []      # the text of the section read so far
        self.clauses: list[Entry] = []   # its clauses

    def read(self, root: etree.Element) -> list[Entry]:
        self._content(root, None)
        self._close_section()
        return self.entries

    def _close_section(self) -> None:
        text = " ".join("".join(self.chunks).split())
        if text:
            last = self.entries[-1]
            last.text = f"{last.text} {text}".strip()
        self.entries.extend(self.clauses)
        self.chunks, self.clauses = [], []

    def _content(self, element: etree.Element, chunks: list[str] | None) -> None:
        """The element's text and children, into `chunks`; None: into the current section, cut at
        headings and clauses."""
        self._text(element.text, self.chunks if chunks is None else chunks)
        for child in element:
            tag = child.tag
            if _unread(child):
                pass
            elif chunks is None and tag in HEADING_TAGS:
                self._heading(child)
            elif chunks is None and tag == "li" and CLAUSE_VALUE.fullmatch(child.get("data-clause") or "") \
                    and child.get("id"):
                inner: list[str] = []
                self._content(child, inner)
                self.clauses.append(Entry(child.get("id"), f"п. {child.get('data-clause')}",
                                          " ".join("".join(inner).split()), clause=True))
            elif tag in INLINE:
                self._content(child, chunks)
            else:
                (self.chunks if chunks is None else chunks).append(" ")
                self._content(child, chunks)
                (self.chunks if chunks is None else chunks).append(" ")
            self._text(child.tail, self.chunks if chunks is None else chunks)

    def _heading(self, heading: etree.Element) -> None:
        self._close_section()
        if heading.tag == "h1" and len(self.entries) == 1:
            return  # the page's own title: its text stays the page entry's
        if heading.get("id"):
            title: list[str] = []
            self._content(heading, title)
            self.entries.append(Entry(heading.get("id"), " ".join("".join(title).split()), ""))

    def _text(self, text: str | None, chunks: list[str]) -> None:
        if not text:
            return
        if "&" in text:
            text = LONE_AMP.sub("&amp;", text)
        if "\x02" in text:
            text = PLACEHOLDER.sub(lambda found: self._raw(int(found.group(1))), text.replace(AMP_SUBSTITUTE, "&"))
        chunks.append(html.unescape(text) if "&" in text else text)

    def _raw(self, number: int) -> str:
        """What a raw HTML block Markdown set aside (the aliases line, highlighted code) shows, escaped so
        that the unescaping of the text around it returns it as it is."""
        block = self.raw_blocks[number] if number < len(self.raw_blocks) else ""
        block = TAG.sub(" ", INLINE_TAG.sub("", CLAUSE_NUMBER.sub("", HIDDEN.sub(" ", COMMENT.sub("", block)))))
        return (html.unescape(block) if "&" in block else block).replace("&", "&amp;")


def page_entries(body: str, title: str) -> list[Entry]:
    """The entries of a page body read as HTML, by the same walk: for a page another plugin wrote into
    after Markdown (Material's tag listings), which has no tree of what it shows."""
    parser = _HtmlTree()
    parser.feed(body)
    parser.close()
    entries = Outline([]).read(parser.root)
    entries[0].title = title
    return entries


def _unread(element: etree.Element) -> bool:
    """A comment, a script or a style, a clause's number (its entry's title says it), a diagram's source."""
    tag, kind = element.tag, element.get("class") or ""
    return not isinstance(tag, str) or tag in ("script", "style") or (tag == "span" and kind == "clause-number") \
        or (tag == "pre" and "mermaid" in kind.split())


class _HtmlTree(HTMLParser):
    """HTML as an element tree, entities kept as written: the walk unescapes text as it does Markdown's.
    An end tag closes what was left open inside it; a stray one is ignored."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.root = etree.Element("div")
        self.open = [self.root]

    def handle_starttag(self, tag, attrs):
        element = etree.SubElement(self.open[-1], tag, {name: value or "" for name, value in attrs})
        if tag not in VOID:
            self.open.append(element)

    def handle_endtag(self, tag):
        for depth in range(len(self.open) - 1, 0, -1):
            if self.open[depth].tag == tag:
                del self.open[depth:]
                return

    def handle_data(self, data):
        last = self.open[-1]
        if len(last):
            last[-1].tail = (last[-1].tail or "") + data
        else:
            last.text = (last.text or "") + data

    def handle_entityref(self, name):
        self.handle_data(f"&{name};")

    def handle_charref(self, name):
        self.handle_data(f"&#{name};")
