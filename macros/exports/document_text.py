"""The text of a rendered instruction: ``blocks`` (numbered sections, clauses, paragraphs) for the
comparison, ``printed_text`` (all that reaches paper) for the edition checks. Text only, never HTML.
"""

from __future__ import annotations

import re

import lxml.html

# Elements that never print: screen-only parts (print.css hides them), the «Справка» block, the
# buttons, the heading the document title replaces, code that is not text.
HIDDEN_CLASSES = {"screen-only", "print-actions", "reference", "headerlink", "md-content__button", "md-tags",
                  "doc-qr", "edition-notice"}
HIDDEN_TAGS = {"script", "style", "svg", "button", "template", "h1"}
SPACES = re.compile(r"\s+")
LINE = re.compile(r"_{2,}")  # a line to write on («____», ««___» ______ 20___ г.»): its length is no wording
# The document's own printed forms (trusted templates; HR's text cannot carry these classes, see
# render/safe_html.py): they are requisites, not clauses, and are compared as printed text only.
FORM_CLASSES = {"doc-header", "doc-signatures", "doc-acknowledgement", "jobdesc-form"}
# Blocks read through when they hold sections or clauses, else one text block; anything else that prints
# is one text block too.
CONTAINERS = {"div", "details", "section", "article", "main", "aside", "figure"}
SPACED = ("br", "li", "p", "tr", "td", "th", "div")  # a space after each: words of two cells never run together


def _tree(html: str):
    """The fragment as one element, parsed by lxml (libxml2: no tree builder of ours); comments are nodes
    without a tag name, skipped with their tails kept."""
    return lxml.html.fragment_fromstring(html, create_parent="div")


def _classes(node) -> set[str]:
    return set((node.get("class") or "").split())


def _shown(node) -> bool:
    return isinstance(node.tag, str) and node.tag not in HIDDEN_TAGS and not _classes(node) & HIDDEN_CLASSES


def _text(node, skipped: str = "", spaced: tuple = SPACED) -> str:
    """What prints, a space after each of the `spaced` elements; without elements of class `skipped`."""
    parts = [node.text or ""]
    for child in node:
        if _shown(child) and not (skipped and skipped in _classes(child)):
            parts.append(_text(child, skipped, spaced) + (" " if child.tag in spaced else ""))
        parts.append(child.tail or "")
    return "".join(parts)


def _children(node) -> list:
    """The node's texts and elements in order, as HTML reads them."""
    return [node.text or ""] + [part for child in node for part in (child, child.tail or "")]


def flat(text: str) -> str:
    return SPACES.sub(" ", text.replace("\u00a0", " ")).strip()


def blocks(html: str) -> list[dict]:
    """Sections, clauses and paragraphs of a page body, in order: {kind, number, text}.

    Every block that prints is one of them: a text the comparison does not see would be signed without
    being on the change sheet. The document's own forms are left to printed_text."""
    found: list[dict] = []
    _collect(_children(_tree(html)), [""], found)
    return found


def _collect(nodes: list, section: list[str], found: list[dict]) -> None:
    """Blocks of `nodes` into `found`; section[0] is the number of the section being read."""
    for node in nodes:
        if isinstance(node, str):
            _text_block(node, section, found)
        elif not _shown(node) or _classes(node) & FORM_CLASSES:
            continue
        elif node.tag == "h2":
            number = next((flat(_text(c)) for c in node.iterdescendants() if "section-number" in _classes(c)), "")
            section[0] = number.rstrip(".")
            found.append({"kind": "heading", "number": section[0], "text": _without(node, "section-number")})
        elif node.tag == "ol" and "clauses" in _classes(node):
            found += [{"kind": "clause", "number": item.get("data-clause", ""), "text": _without(item, "clause-number")}
                      for item in node if item.tag == "li"]
        elif node.tag in CONTAINERS and any(c.tag == "h2" or (c.tag == "ol" and "clauses" in _classes(c))
                                            for c in node.iterdescendants()):
            _collect(_children(node), section, found)  # a block holding sections or clauses: read through
        elif node.tag in CONTAINERS:
            _text_block(_joined(node), section, found)  # a note or details block: one paragraph, title first
        else:
            _text_block(_text(node), section, found)


def _joined(node) -> str:
    """A block's parts as one text, each part ended as a sentence («Порядок. Проверяет …»)."""
    parts = [flat(child if isinstance(child, str) else _text(child)) for child in _children(node)
             if isinstance(child, str) or _shown(child)]
    parts = [part for part in parts if part]
    return " ".join(part if part[-1] in ".:;!?…»)" or index == len(parts) - 1 else part + "."
                    for index, part in enumerate(parts))


def _text_block(text: str, section: list[str], found: list[dict]) -> None:
    text = flat(text)
    if text:
        found.append({"kind": "text", "number": section[0], "text": text})


def _without(node, css_class: str) -> str:
    """The node's text without its printed number."""
    return flat(_text(node, css_class, ("li", "p", "br")))


def printed_text(html: str) -> str:
    """All text of the page that prints, spaces normalised, lines to write on whatever their length."""
    return LINE.sub("__", flat(_text(_tree(html))))
