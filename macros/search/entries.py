"""A page's search entries: the page itself, each section under a heading, each numbered clause
(«п. 2.9», so a hit leads to the duty). The body is our own build's output, read with patterns;
held forms and diagram sources are never indexed. Standard library only.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

HEADING = re.compile(r"<h([1-6])\b([^>]*)>(.*?)</h\1>", re.S)
ID = re.compile(r'\bid="([^"]+)"')
CLAUSE = re.compile(r'<li\b[^>]*\bdata-clause="(\d+(?:\.\d+)*)"[^>]*>')
LIST_ITEM_TAG = re.compile(r"<(/?)li\b[^>]*>")
CLAUSE_NUMBER = re.compile(r'<span class="clause-number">[^<]*</span>')
COMMENT = re.compile(r"<!--.*?-->", re.S)
# Not text a reader sees: a diagram's source (the org chart's Mermaid code), scripts and styles.
HIDDEN = re.compile(r"<pre\b[^>]*\bclass=\"[^\"]*\bmermaid\b.*?</pre>|<(script|style)\b.*?</\1>", re.S)
# Tags inside a word or a sentence vanish; any other tag separates words (table cells, list items).
INLINE_TAG = re.compile(r"</?(?:a|abbr|b|code|em|i|kbd|mark|s|small|span|strong|sub|sup|u)\b[^>]*>")
TAG = re.compile(r"<[^>]+>")


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
