"""The text of a rendered instruction: ``blocks`` (numbered sections, clauses, paragraphs) for the
comparison, ``printed_text`` (all that reaches paper) for the edition checks. Text only, never HTML.
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
LINE = re.compile(r"_{2,}")  # a line to write on («____», ««___» ______ 20___ г.»): its length is no wording
# The document's own printed forms (trusted templates; HR's text cannot carry these classes, see
# render/safe_html.py): they are requisites, not clauses, and are compared as printed text only.
FORM_CLASSES = {"doc-header", "doc-signatures", "doc-acknowledgement", "jobdesc-form"}
# Blocks read through when they hold sections or clauses, else one text block; anything else that prints
# is one text block too.
CONTAINERS = {"div", "details", "section", "article", "main", "aside", "figure"}


class _Node:
    __slots__ = ("tag", "attrs", "children")

    def __init__(self, tag: str, attrs: list):
        self.tag, self.attrs, self.children = tag, {k: v or "" for k, v in attrs}, []

    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def hidden(self) -> bool:
        return self.tag in HIDDEN_TAGS or bool(self.classes() & HIDDEN_CLASSES)

    def text(self, skipped: str = "", spaced: tuple = ("br", "li", "p", "tr", "td", "th", "div")) -> str:
        """What prints, a space after each of the `spaced` elements; without elements of class `skipped`."""
        return "".join(child if isinstance(child, str) else child.text(skipped, spaced) + (" " if child.tag in spaced else "")
                       for child in self.children
                       if isinstance(child, str) or not (child.hidden() or (skipped and skipped in child.classes())))

    def descendants(self):
        for child in self.children:
            if isinstance(child, _Node):
                yield child
                yield from child.descendants()


class _TreeBuilder(HTMLParser):
    """A tree of _Node: an end tag closes what was left open inside it; a stray one is ignored."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.root = _Node("root", [])
        self.stack = [self.root]
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.stack[-1].children.append(node := _Node(tag, attrs))
        if tag not in VOID:
            self.stack.append(node)

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def flat(text: str) -> str:
    return SPACES.sub(" ", text.replace("\u00a0", " ")).strip()


def blocks(html: str) -> list[dict]:
    """Sections, clauses and paragraphs of a page body, in order: {kind, number, text}.

    Every block that prints is one of them: a text the comparison does not see would be signed without
    being on the change sheet. The document's own forms are left to printed_text."""
    found: list[dict] = []
    _collect(_TreeBuilder(html).root.children, [""], found)
    return found


def _collect(nodes: list, section: list[str], found: list[dict]) -> None:
    """Blocks of `nodes` into `found`; section[0] is the number of the section being read."""
    for node in nodes:
        if isinstance(node, str):
            _text_block(node, section, found)
        elif node.hidden() or node.classes() & FORM_CLASSES:
            continue
        elif node.tag == "h2":
            number = next((flat(c.text()) for c in node.descendants() if "section-number" in c.classes()), "")
            section[0] = number.rstrip(".")
            found.append({"kind": "heading", "number": section[0], "text": _without(node, "section-number")})
        elif node.tag == "ol" and "clauses" in node.classes():
            found += [{"kind": "clause", "number": item.attrs.get("data-clause", ""),
                       "text": _without(item, "clause-number")}
                      for item in node.children if isinstance(item, _Node) and item.tag == "li"]
        elif node.tag in CONTAINERS and any(c.tag == "h2" or (c.tag == "ol" and "clauses" in c.classes())
                                            for c in node.descendants()):
            _collect(node.children, section, found)  # a block holding sections or clauses: read through
        elif node.tag in CONTAINERS:
            _text_block(_joined(node), section, found)  # a note or details block: one paragraph, title first
        else:
            _text_block(node.text(), section, found)


def _joined(node: _Node) -> str:
    """A block's parts as one text, each part ended as a sentence («Порядок. Проверяет …»)."""
    parts = [flat(child if isinstance(child, str) else child.text()) for child in node.children
             if isinstance(child, str) or not child.hidden()]
    parts = [part for part in parts if part]
    return " ".join(part if part[-1] in ".:;!?…»)" or index == len(parts) - 1 else part + "."
                    for index, part in enumerate(parts))


def _text_block(text: str, section: list[str], found: list[dict]) -> None:
    text = flat(text)
    if text:
        found.append({"kind": "text", "number": section[0], "text": text})


def _without(node: _Node, css_class: str) -> str:
    """The node's text without its printed number."""
    return flat(node.text(skipped=css_class, spaced=("li", "p", "br")))


def printed_text(html: str) -> str:
    """All text of the page that prints, spaces normalised, lines to write on whatever their length."""
    return LINE.sub("__", flat(_TreeBuilder(html).root.text()))
