"""A page's search entries: the page itself, each section under a heading, each numbered clause
(«п. 2.9», so a hit leads to the duty). Taken from the page's element tree as Python-Markdown leaves
it (hooks/search_entries.py runs `tree_entries` as the tree's last step), never from the written HTML;
held forms and diagram sources are never indexed. Standard library only.

`page_entries` reads a body as HTML: only for a page another plugin wrote into after Markdown
(Material's tag listings), which has no tree of what it shows.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass

HEADING = re.compile(r"<h([1-6])\b([^>]*)>(.*?)</h\1>", re.S)
HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
ID = re.compile(r'\bid="([^"]+)"')
CLAUSE = re.compile(r'<li\b[^>]*\bdata-clause="(\d+(?:\.\d+)*)"[^>]*>')
CLAUSE_VALUE = re.compile(r"\d+(?:\.\d+)*")
LIST_ITEM_TAG = re.compile(r"<(/?)li\b[^>]*>")
CLAUSE_NUMBER = re.compile(r'<span class="clause-number">[^<]*</span>')
COMMENT = re.compile(r"<!--.*?-->", re.S)
# Not text a reader sees: a diagram's source (the org chart's Mermaid code), scripts and styles.
HIDDEN = re.compile(r"<pre\b[^>]*\bclass=\"[^\"]*\bmermaid\b.*?</pre>|<(script|style)\b.*?</\1>", re.S)
# Tags inside a word or a sentence vanish; any other tag separates words (table cells, list items).
INLINE = {"a", "abbr", "b", "code", "em", "i", "kbd", "mark", "s", "small", "span", "strong", "sub", "sup", "u"}
INLINE_TAG = re.compile(r"</?(?:%s)\b[^>]*>" % "|".join(sorted(INLINE)))
TAG = re.compile(r"<[^>]+>")
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


def text_of(fragment: str) -> str:
    """The readable text of an HTML fragment without inline tags (page_entries removed those), on one line."""
    fragment = TAG.sub(" ", fragment)
    if "&" in fragment:
        fragment = html.unescape(fragment)
    return " ".join(fragment.split())


def raw_text(block: str) -> str:
    """What raw HTML Markdown set aside (the aliases line, highlighted code) shows; not on one line yet."""
    block = TAG.sub(" ", INLINE_TAG.sub("", CLAUSE_NUMBER.sub("", HIDDEN.sub(" ", COMMENT.sub("", block)))))
    return html.unescape(block) if "&" in block else block


def tree_entries(root: etree.Element, raw_blocks: list[str]) -> list[Entry]:
    """The entries of a page's element tree, the page itself first (its title is the caller's);
    `raw_blocks` are the HTML blocks Markdown set aside, which the tree holds as placeholders."""
    return _Outline(raw_blocks).read(root)


class _Outline:
    """A walk through the tree in reading order: text goes to the current section until the next
    heading; a clause's text is its own entry, listed after the section's."""

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
            tag = child.tag if isinstance(child.tag, str) else None  # None: a comment
            if tag is None or tag in ("script", "style") or (tag == "span" and child.get("class") == "clause-number"):
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
        # Escaped so that the unescaping of the text around it returns it as it is.
        block = self.raw_blocks[number] if number < len(self.raw_blocks) else ""
        return raw_text(block).replace("&", "&amp;")


def page_entries(body: str, title: str) -> list[Entry]:
    """The entries of one page body (the HTML Markdown made of it), the page itself first."""
    # Once for the whole page: what is not text, the clause numbers (the titles carry them), inline tags.
    body = INLINE_TAG.sub("", CLAUSE_NUMBER.sub("", HIDDEN.sub(" ", COMMENT.sub("", body))))
    entries = [Entry("", title, "")]
    position = 0
    for heading in HEADING.finditer(body):
        _add_section(entries, body[position:heading.start()])
        anchor = ID.search(heading.group(2))
        if heading.group(1) == "1" and len(entries) == 1:
            pass  # the page's own title: its text stays the page entry's
        elif anchor:
            entries.append(Entry(anchor.group(1), text_of(heading.group(3)), ""))
        position = heading.end()
    _add_section(entries, body[position:])
    return entries


def _add_section(entries: list[Entry], fragment: str) -> None:
    """Append the fragment's clauses as entries and its remaining text to the last entry."""
    if not fragment.strip():
        return
    rest, clauses = _split_clauses(fragment)
    text = text_of(rest)
    if text:
        last = entries[-1]
        last.text = f"{last.text} {text}".strip()
    entries.extend(clauses)


def _split_clauses(fragment: str) -> tuple[str, list[Entry]]:
    """The fragment without its top-level numbered clauses, and those clauses as entries."""
    clauses, kept, position = [], [], 0
    while True:
        start = CLAUSE.search(fragment, position)
        if not start:
            break
        end = _item_end(fragment, start.end())
        anchor = ID.search(start.group(0))
        kept.append(fragment[position:start.start()])
        inner = fragment[start.end():end]
        if anchor:
            clauses.append(Entry(anchor.group(1), f"п. {start.group(1)}", text_of(inner), clause=True))
        else:
            kept.append(inner)
        position = end
    kept.append(fragment[position:])
    return "".join(kept), clauses


def _item_end(fragment: str, position: int) -> int:
    """Where the list item opened just before `position` ends (after its </li>, nested items skipped)."""
    depth = 1
    for tag in LIST_ITEM_TAG.finditer(fragment, position):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return tag.end()
    return len(fragment)
