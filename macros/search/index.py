"""The search index after Material has written it: one entry per clause, UTF-8, synonyms.

Material's search plugin makes one index entry per heading, so a hit in duty 2.9 would link to the
top of «Должностные обязанности». Here every numbered clause (``<li id="…" data-clause="2.9">``,
see render/clauses.py) becomes its own entry at ``positions/<slug>/#<id>``, and the section keeps only
its own text: the text is moved, never stored twice. The file is written as UTF-8 instead of
``\\uXXXX`` escapes (2 bytes per Cyrillic letter instead of 6). Synonym groups from mkdocs.yml
travel in the index config to the browser, where the search worker (search-ru.js) uses them.

Standard library only; the MkDocs hook macros/hooks/search_entries.py calls it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

LIST_TAG = re.compile(r"<(/?)(ol|ul|li)>")
# Material keeps the clause number written by the build: "<li>2.9. Устанавливает …" (or inside <p>).
CLAUSE_START = re.compile(r"^\s*(<p>\s*)?(\d+\.\d+)\.\s*")
EMPTY_LIST = re.compile(r"<(ol|ul)>\s*</\1>")


# The numbered items are written by render/clauses.py itself, so patterns find them: a full HTML parse
# of every page cost more than the rest of this module.
CLAUSE_ITEM = re.compile(r'<li\b[^>]*\bdata-clause="(\d+\.\d+)"[^>]*>')
ITEM_ID = re.compile(r'\bid="([^"]+)"')


def clause_anchors(html: str) -> dict[str, str]:
    """Clause number -> its anchor id, for every numbered clause of a page ("2.9" -> "p2-9")."""
    anchors = {}
    for item in CLAUSE_ITEM.finditer(html):
        anchor = ITEM_ID.search(item.group(0))
        if anchor:
            anchors[item.group(1)] = anchor.group(1)
    return anchors


def _top_level_items(text: str):
    """(start, end) of each <li>…</li> directly inside a top-level list of an index entry's text."""
    depth, start = 0, None
    for match in LIST_TAG.finditer(text):
        closing, tag = match.group(1) == "/", match.group(2)
        if tag != "li":
            depth += -1 if closing else 1
        elif depth == 1 and not closing and start is None:
            start = match
        elif depth == 1 and closing and start is not None:
            yield start.start(), start.end(), match.start(), match.end()
            start = None


def split_clauses(entry: dict, anchors: dict[str, str]) -> list[dict]:
    """The section entry without its clauses, followed by one entry per clause."""
    page = entry["location"].split("#")[0]
    text, clauses, cut = entry["text"], [], []
    for start, inner_start, inner_end, end in _top_level_items(text):
        inner = text[inner_start:inner_end]
        number = CLAUSE_START.match(inner)
        if not number or number.group(2) not in anchors:
            continue
        body = (number.group(1) or "") + inner[number.end():]
        clauses.append({
            "location": f"{page}#{anchors[number.group(2)]}",
            "title": f"п. {number.group(2)}",
            "text": body.strip(),
        })
        cut.append((start, end))
    for start, end in reversed(cut):
        text = text[:start] + text[end:]
    section = dict(entry, text=re.sub(r"\s+", " ", EMPTY_LIST.sub("", text)).strip())
    return [section, *clauses]


def rewrite(index: dict, anchors_by_page: dict[str, dict[str, str]], synonyms: list | None) -> dict:
    """Material's index with clause entries placed right after their section (parents stay first)."""
    docs = []
    for entry in index["docs"]:
        page, _, anchor = entry["location"].partition("#")
        anchors = anchors_by_page.get(page)
        docs += split_clauses(entry, anchors) if anchors and anchor else [entry]
    config = dict(index["config"])
    if synonyms:
        config["synonyms"] = [[str(word) for word in group] for group in synonyms]
    return dict(index, config=config, docs=docs)


def rewrite_file(path: Path, anchors_by_page: dict[str, dict[str, str]], synonyms: list | None) -> None:
    if not path.is_file():
        return  # search is switched off
    index = json.loads(path.read_text(encoding="utf-8"))
    result = rewrite(index, anchors_by_page, synonyms)
    path.write_text(json.dumps(result, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
