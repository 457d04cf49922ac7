"""The text of a rendered instruction, as the compare view and the edition checks need it.

Two readings of a page's HTML, both with the standard library's HTML parser:

- ``blocks``: the body as a list of sections, clauses and paragraphs, each with its printed number
  (2.3) and plain text, for the clause-by-clause comparison of two editions;
- ``printed_text``: everything that reaches paper (header, clauses, signatures, acknowledgement
  sheet), none of what is screen-only, for "did the printed text of this edition change?".

Text only, never HTML: whatever HR wrote reaches a comparison as text and is escaped again there.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Elements that never print: screen-only parts (print.css hides them), the «Справка» block, the
# buttons, the heading the document title replaces, code that is not text.
HIDDEN_CLASSES = {"screen-only", "print-actions", "reference", "headerlink", "md-content__button", "md-tags",
                  "doc-qr", "edition-notice"}
HIDDEN_TAGS = {"script", "style", "svg", "button", "template", "h1"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SPACES = re.compile(r"\s+")


class _Node:
    __slots__ = ("tag", "attrs", "children")

    def __init__(self, tag: str, attrs: dict):
        self.tag, self.attrs, self.children = tag, attrs, []

    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def text(self, hidden=True) -> str:
        parts = []
        for child in self.children:
            if isinstance(child, str):
                parts.append(child)
            elif not (hidden and _hidden(child)):
                parts.append(child.text(hidden) + (" " if child.tag in ("br", "li", "p", "tr", "td", "th", "div") else ""))
        return "".join(parts)


def _hidden(node: _Node) -> bool:
    return node.tag in HIDDEN_TAGS or bool(node.classes() & HIDDEN_CLASSES)


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = _Node("root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = _Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(_Node(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def _tree(html: str) -> _Node:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


def flat(text: str) -> str:
    return SPACES.sub(" ", text.replace("\u00a0", " ")).strip()


def blocks(html: str) -> list[dict]:
    """Sections, clauses and paragraphs of a page body, in order: {kind, number, text}."""
    found: list[dict] = []
    section = ""
    for node in _tree(html).children:
        if isinstance(node, str) or _hidden(node):
            continue
        if node.tag == "h2":
            number = _number(node, "section-number")
            section = number.rstrip(".")
            found.append({"kind": "heading", "number": section, "text": _without_number(node, "section-number")})
        elif node.tag == "ol" and "clauses" in node.classes():
            for item in node.children:
                if isinstance(item, _Node) and item.tag == "li":
                    found.append({"kind": "clause", "number": item.attrs.get("data-clause", ""),
                                  "text": _without_number(item, "clause-number")})
        elif node.tag in ("p", "ul", "ol", "table", "h3", "h4", "blockquote"):
            text = flat(node.text())
            if text:
                found.append({"kind": "text", "number": section, "text": text})
    return found


LINE = re.compile(r"_{2,}")  # a line to write on («____», ««___» ______ 20___ г.»): its length is no wording


def printed_text(html: str) -> str:
    """All text of the page that prints, spaces normalised, lines to write on whatever their length."""
    return LINE.sub("__", flat(_tree(html).text()))


def _number(node: _Node, css_class: str) -> str:
    for child in _descendants(node):
        if css_class in child.classes():
            return flat(child.text())
    return ""


def _without_number(node: _Node, css_class: str) -> str:
    def text(current: _Node) -> str:
        parts = []
        for child in current.children:
            if isinstance(child, str):
                parts.append(child)
            elif css_class in child.classes() or _hidden(child):
                continue
            else:
                parts.append(text(child) + (" " if child.tag in ("li", "p", "br") else ""))
        return "".join(parts)
    return flat(text(node))


def _descendants(node: _Node):
    for child in node.children:
        if isinstance(child, _Node):
            yield child
            yield from _descendants(child)
