"""What the git host previews is what the site numbers. Python-Markdown reads some lists and tables unlike
CommonMark (2-space sub-items, a list right under a sentence, a table under an item), so each page is read once
with cmark-gfm, GitHub's own parser, only list indents and blank lines are rewritten, and the clause outline
GitHub shows is compared with the one the site numbered (macros/README.md, «Как в предпросмотре git»).
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
HEADING_FIX = "заголовок раздела — отдельная строка «## Название»: два знака #, пробел, название"


@dataclass(slots=True)  # three per clause of every page are made: a frozen one costs four times as much
class Clause:
    line: int      # 0-based, in the text that was parsed (-1: read from the site's tree)
    shape: tuple   # what it holds: ("list", (shapes of sub-items…)) and ("table",) entries, in order
    opening: str = ""  # its first words, to find where two readings part
    label: str | None = None  # {#label} at its start, if any


@dataclass
class Section:
    title: str
    line: int
    clauses: list[Clause] = field(default_factory=list)


def read(lines: list[str], cache=None) -> tuple[list[str], list[Section]]:
    """The lines rewritten for Python-Markdown, and the sections and clauses CommonMark sees in them; taken
    from the build cache (model/build_cache.py) when these exact lines were read before."""
    def work() -> list:
        root, edits = cmark_tree.read("\n".join(lines)), _Edits()
        for node in root.children:
            if node.type in VISITED:  # a block quote's lines carry "> ": lists in quotes are left as written
                _visit(node, lines, edits, depth=0)
        return [[[n, line] for n, line in sorted(edits.indent.items()) if line != lines[n]],
                sorted(edits.blank_before),
                [[s.title, s.line, [[c.line, c.shape, c.opening, c.label] for c in s.clauses]] for s in outline(root)]]
    indent, blank_before, sections = cache.remembered("preview", ("\n".join(lines),), work) if cache else work()
    return _Edits(dict(indent), set(blank_before)).apply(lines), [
        Section(title, line, [Clause(at, _as_tuple(shape), opening, label) for at, shape, opening, label in clauses])
        for title, line, clauses in sections]


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
    return tuple(("list", tuple(_shape(sub) for sub in child.children)) if child.type == "list" else ("table",)
                 for child in item.children if child.type in ("list", "table"))


def numbered(sections: list[Section]):
    """(section number, section, [(clause number "2.7", clause), …]) for every section, as the site numbers
    them (first_difference proves it; macros/prepare/markdown.py writes them)."""
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

    def __init__(self, indent: dict[int, str] | None = None, blank_before: set[int] | None = None):
        self.indent, self.blank_before = indent or {}, blank_before or set()

    def apply(self, lines: list[str]) -> list[str]:
        if not self.indent and not self.blank_before:
            return lines
        out = []
        for number, line in enumerate(lines):
            if number in self.blank_before and out and out[-1].strip():
                out.append("")
            out.append(self.indent.get(number, line))
        return out


VISITED = frozenset({"list", "item", "table"})  # what _visit changes anything for (only lists hold children)


def _visit(node, lines: list[str], edits: _Edits, depth: int) -> None:
    """Called for lists, their items and tables only: other blocks need no edit and hold no list."""
    if node.type == "list":
        after_blocks(lines, [item.map[0] for item in node.children], edits)
    if node.type != "item":
        if _interrupts(lines, node.map[0]) and (node.type == "table" or depth == 0):
            edits.blank_before.add(node.map[0])  # a nested list may follow its item's text directly
        for child in node.children:
            _visit(child, lines, edits, depth)
        return
    start, end = node.map
    marker = lines[start]
    edits.indent[start] = " " * (4 * depth) + marker.lstrip(" \t")
    if end - start > 1:  # the item's further lines
        content = _content_column(marker)
        nested = {number for sub in node.children if sub.type == "list" for child in sub.children
                  for number in range(*child.map)}
        for number in range(start + 1, end):
            if number in nested or not lines[number].strip():
                continue
            own = len(INDENT.match(lines[number]).group(0).expandtabs(4))
            edits.indent[number] = " " * (4 * (depth + 1) + max(0, own - content)) + lines[number].lstrip(" \t")
    for child in node.children:
        if child.type in VISITED:
            _visit(child, lines, edits, depth + 1)


def after_blocks(lines: list[str], starts: list[int], edits: _Edits) -> None:
    """An item right under a paragraph, list or table that its previous item holds after a blank line: CommonMark
    starts a new item there, Python-Markdown would read it as that block's text; a blank line keeps it an item."""
    for before, start in zip(starts, starts[1:]):
        if _interrupts(lines, start) and any(not line.strip() for line in lines[before + 1:start]):
            edits.blank_before.add(start)


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


# --- The site's outline, compared with the preview's ----------------------------------------------------

def text_holder(element):
    """Where an item's own text sits in the site's tree: in a loose list, its first paragraph."""
    if not (element.text or "").strip() and len(element) and element[0].tag == "p":
        return element[0]
    return element


def site_outline(root) -> list[Section]:
    """The sections and clauses the site numbered (an ElementTree root after render/clauses.py)."""
    sections: list[Section] = []
    for element in root:
        if element.tag == "h2":
            sections.append(Section("".join(element.itertext()).strip(), -1))
        elif element.tag in ("ul", "ol") and sections:
            sections[-1].clauses += [_BuiltClause(_element_shape(item), item) for item in element.findall("li")]
    return sections


class _BuiltClause:
    """A clause of the site's tree; its first words are read only where the two outlines part (first_difference)."""

    __slots__ = ("shape", "item")
    line, label = -1, None

    def __init__(self, shape: tuple, item):
        self.shape, self.item = shape, item

    @property
    def opening(self) -> str:
        return _opening(_element_text(self.item))


def _element_text(item) -> str:
    holder = text_holder(item)
    text = [holder.text or ""]
    for child in holder:
        if child.tag not in ("ul", "ol", "table") and child.get("class") != "clause-number":
            text.append("".join(child.itertext()))
        text.append(child.tail or "")
    return "".join(text)


def _element_shape(item) -> tuple:
    return tuple(("list", tuple(_element_shape(sub) for sub in child.findall("li"))) if child.tag in ("ul", "ol")
                 else ("table",) for child in item if child.tag in ("ul", "ol", "table"))


def first_difference(preview: list[Section], site: list[Section]) -> tuple[str, str, int | None, str] | None:
    """(message, fix, line in the parsed text or None, else text to find in the file) of what differs first
    between the preview's outline and the site's."""
    if len(preview) != len(site):
        message = (f"разделов «## …» в предпросмотре git {len(preview)}, а на сайте {len(site)}: заголовок "
                   "записан так, что git и сайт читают его по-разному")
        for seen, built in zip(preview, site):
            if _bare(seen.title) != _bare(built.title):
                return message, HEADING_FIX, *((None, _bare(built.title)) if len(site) > len(preview)
                                               else (seen.line, ""))
        extra = site[len(preview)] if len(site) > len(preview) else None
        return message, HEADING_FIX, *((None, _bare(extra.title)) if extra else (preview[len(site)].line, ""))
    for number, (seen, built) in enumerate(zip(preview, site), 1):
        if len(seen.clauses) != len(built.clauses):
            parting = next((a for a, b in zip(seen.clauses, built.clauses) if a.opening != b.opening), None)
            if parting is None and len(seen.clauses) > len(built.clauses):
                parting = seen.clauses[len(built.clauses)]  # the preview has clauses the site lacks
            line = parting.line if parting else (seen.clauses[-1].line if seen.clauses else seen.line)
            return (f"раздел {number} «{seen.title}»: в предпросмотре git {_clauses(len(seen.clauses))}, "
                    f"а сайт пронумеровал бы {len(built.clauses)}", LIST_FIX, line, "")
        for index, (a, b) in enumerate(zip(seen.clauses, built.clauses), 1):
            if a.shape != b.shape:
                return (f"пункт {number}.{index}: вложенные пункты или таблица в предпросмотре git "
                        "устроены иначе, чем на сайте", LIST_FIX, a.line, "")
    return None


def _clauses(count: int) -> str:
    """«1 пункт», «2 пункта», «5 пунктов»."""
    tens, ones = count % 100, count % 10
    return f"{count} " + ("пунктов" if 11 <= tens <= 14 else "пункт" if ones == 1 else "пункта" if 2 <= ones <= 4
                          else "пунктов")


def _bare(title: str) -> str:
    return " ".join(re.sub(r"^\d+\.\s*", "", title).split())
