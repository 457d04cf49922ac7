"""What the git host previews is what the site numbers. Python-Markdown reads some lists and tables unlike
CommonMark (2-space sub-items, a list right under a sentence, a table under an item), so each page is read once
with cmark-gfm, GitHub's own parser, and only list indents and blank lines are rewritten; preview_check.py then
compares the clause outline GitHub shows with the one the site numbered (macros/README.md, «Как в предпросмотре git»).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model.markup import clause_number
from . import cmark_tree

INDENT = re.compile(r"^[ \t]*")
LABEL = re.compile(r"^\s*\{#([A-Za-z][\w-]*)\}")
WORD = r"[^\W\d_]+"  # a run of letters; anything else (digits, "_", punctuation, spaces) parts two words
# The first three words in one match (a clause is read twice per page: as written and as built).
FIRST_WORDS = re.compile(rf"[\W\d_]*({WORD})?(?:[\W\d_]+({WORD}))?(?:[\W\d_]+({WORD}))?")
LEADING_LABEL = re.compile(r"^\s*\{#[^}]*\}")
MARKER = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])([ \t]+|$)")
LIST_FIX = ("каждый пункт — с новой строки, начиная с «- »; перед списком — пустая строка или строка текста; "
            "вложенные пункты сдвигайте на 2 или 4 пробела, таблицу внутри пункта — на отступ его текста; "
            "номера пунктов не пишите — их ставит сборка")


@dataclass(frozen=True)
class Clause:
    line: int      # 0-based, in the text that was parsed
    shape: tuple   # what it holds: ("list", (shapes of sub-items…)) and ("table",) entries, in order
    opening: str = ""  # its first words, to find where two readings part
    label: str | None = None  # {#label} at its start, if any


@dataclass
class Section:
    title: str
    line: int
    clauses: list[Clause] = field(default_factory=list)


def read(lines: list[str]) -> tuple[list[str], list[Section]]:
    """The lines rewritten for Python-Markdown, and the sections and clauses CommonMark sees in them."""
    edits, sections = _read(lines)
    return edits.apply(lines), sections


def _read(lines: list[str]) -> tuple["_Edits", list[Section]]:
    root = cmark_tree.read("\n".join(lines))
    edits = _Edits()
    for node in root.children:
        _visit(node, lines, edits, depth=0)
    return edits, outline(root)


def read_kept(lines: list[str], cache=None) -> tuple[list[str], list[Section]]:
    """read(), taken from the build cache (model/build_cache.py) when these exact lines were read before."""
    if cache is None or cache.folder is None:
        return read(lines)
    key = cache.key("\n".join(lines))
    kept = cache.get("preview", key)
    if kept is None:
        edits, sections = _read(lines)
        kept = {"indent": [[n, line] for n, line in sorted(edits.indent.items()) if line != lines[n]],
                "blank_before": sorted(edits.blank_before),
                "sections": [[section.title, section.line, [[c.line, c.shape, c.opening, c.label] for c in section.clauses]]
                             for section in sections]}
        cache.put("preview", key, kept)
    edits = _Edits()
    edits.indent, edits.blank_before = dict(kept["indent"]), set(kept["blank_before"])
    return edits.apply(lines), [
        Section(title, line, [Clause(at, _as_tuple(shape), opening, label) for at, shape, opening, label in clauses])
        for title, line, clauses in kept["sections"]]


def _as_tuple(shape):
    return tuple(_as_tuple(part) for part in shape) if isinstance(shape, list) else shape


def outline(root) -> list[Section]:
    sections: list[Section] = []
    for node in root.children:
        if node.type == "heading" and node.level == 2:
            sections.append(Section(node.words.strip(), node.map[0]))
        elif node.type == "list" and sections:
            for item in node.children:
                paragraph = next((child for child in item.children if child.type == "paragraph"), None)
                text = paragraph.words.strip() if paragraph is not None else ""
                label = LABEL.match(text)
                sections[-1].clauses.append(Clause(item.map[0], _shape(item), _opening(text), label and label.group(1)))
    return sections


def _shape(item) -> tuple:
    parts = []
    for child in item.children:
        if child.type == "list":
            parts.append(("list", tuple(_shape(sub) for sub in child.children)))
        elif child.type == "table":
            parts.append(("table",))
    return tuple(parts)


def numbered(sections: list[Section]):
    """(section number, section, [(clause number "2.7", clause), …]) for every section, as the site numbers
    them (preview_check.py proves it; macros/prepare/markdown.py writes them)."""
    for number, section in enumerate(sections, 1):
        yield number, section, [(clause_number(number, index), clause)
                                for index, clause in enumerate(section.clauses, 1)]


def label_numbers(sections: list[Section]) -> dict[str, str]:
    """label -> its clause number ("2.7"), as the site numbers the page."""
    return {clause.label: number for _, _, clauses in numbered(sections) for number, clause in clauses
            if clause.label}


def _opening(text: str) -> str:
    """The first three words of a clause, letters only: the same whether read from Markdown or from HTML."""
    if "{#" in text:
        text = LEADING_LABEL.sub("", text, count=1)
    return " ".join(word for word in FIRST_WORDS.match(text.lower()).groups() if word)


class _Edits:
    """New indentation for some lines and blank lines to insert before others."""

    def __init__(self):
        self.indent: dict[int, str] = {}
        self.blank_before: set[int] = set()

    def apply(self, lines: list[str]) -> list[str]:
        if not self.indent and not self.blank_before:
            return lines
        out = []
        for number, line in enumerate(lines):
            if number in self.blank_before and out and out[-1].strip():
                out.append("")
            out.append(self.indent.get(number, line))
        return out


def _visit(node, lines: list[str], edits: _Edits, depth: int) -> None:
    if node.type == "block_quote":
        return  # its lines carry "> "; lists in quotes are left as written
    if node.type in ("list", "table") and _interrupts(lines, node.map[0]):
        if node.type == "table" or depth == 0:  # a nested list may follow its item's text directly
            edits.blank_before.add(node.map[0])
    if node.type != "item":
        for child in node.children:
            _visit(child, lines, edits, depth)
        return
    start, end = node.map
    marker = lines[start]
    content = _content_column(marker)
    edits.indent[start] = " " * (4 * depth) + marker.lstrip(" \t")
    nested = [range(*child.map) for sub in node.children if sub.type == "list"
              for child in sub.children]
    for number in range(start + 1, end):
        if any(number in span for span in nested) or not lines[number].strip():
            continue
        own = len(INDENT.match(lines[number]).group(0).expandtabs(4))
        edits.indent[number] = " " * (4 * (depth + 1) + max(0, own - content)) + lines[number].lstrip(" \t")
    for child in node.children:
        _visit(child, lines, edits, depth + 1)


def _content_column(marker_line: str) -> int:
    """Where an item's text starts (CommonMark: after the marker and 1–4 spaces)."""
    found = MARKER.match(marker_line.expandtabs(4))
    if not found:
        return len(INDENT.match(marker_line).group(0)) + 2
    spaces = len(found.group(1))
    return found.end() if 1 <= spaces <= 4 else found.end() - spaces + 1


def _interrupts(lines: list[str], start: int) -> bool:
    """Whether the block starting at `start` follows a line of text with no blank line between."""
    return start > 0 and bool(lines[start - 1].strip())
