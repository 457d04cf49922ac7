"""Assembles the position file from what the import found: the skeleton of CONTRIBUTING.md, filled.

The four required sections come in their order with their macros; sections of the company's own
(«Взаимоотношения», «Квалификационные требования» …) stay where the document had them. Lines
nobody understood go into one «Справка»-type block at the end (shown on screen, never printed),
each with its paragraph number, so HR can move them into place or delete them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...checks.body import IMPORT_LEFTOVERS
from . import markdown
from .reading import Line
from .structure import Clause, Section

UNKNOWN_TITLE = IMPORT_LEFTOVERS  # a reference block: left out of print, told apart on screen by this title
REQUIRED = (("general", "Общие положения"), ("duties", "Должностные обязанности"), ("rights", "Права"),
            ("liability", "Ответственность"))


@dataclass
class Draft:
    staff: object
    fields: dict = field(default_factory=dict)
    sections: list[Section] = field(default_factory=list)
    general_kept: list[Clause] = field(default_factory=list)
    own: dict[str, list[Clause]] = field(default_factory=dict)
    header_unknown: list[Line] = field(default_factory=list)
    tail_unknown: list[Line] = field(default_factory=list)
    stray: list[Line] = field(default_factory=list)


def write_position(draft: Draft) -> tuple[str, list[str]]:
    notes: list[str] = []
    sections = _ordered(_without_contents(draft.sections, notes))
    kept = {id(c) for c in draft.general_kept} | {id(c) for own in draft.own.values() for c in own}
    written = {}
    for section in sections:
        for clause in section.clauses:
            if section.kind in (None, "duties") or id(clause) in kept:
                written[id(clause)] = clause
    targets = _reference_targets(sections, written)
    taken = {c.label for c in written.values() if c.label}
    texts = {}
    for index, section in enumerate(sections, start=1):
        for clause in section.clauses:
            if id(clause) in written:
                unresolved: list[str] = []
                escaped = markdown.escape(" ".join([clause.text, *clause.more]))
                texts[id(clause)] = markdown.link_references(escaped, section.number or str(index), targets,
                                                             taken, unresolved)
                notes += [f"абзац {clause.line.paragraph}: ссылка на п. {n} оставлена текстом — такого пункта в "
                          "файле нет (он заменён общим шаблоном или отсутствует); проверьте" for n in unresolved]
    for section in sections:  # bookmarks carried by the Word file are labels even when nothing refers to them
        for clause in section.clauses:
            if id(clause) in written and clause.label is None:
                label = markdown.label_of(clause, set(taken)) if _carries_label(clause) else None
                if label:
                    clause.label = label
                    taken.add(label)
    body = ["{{ approval_stamp() }}", ""]
    for section in sections:
        body += _section(section, draft, texts, notes)
    body += ["{{ signatures() }}", "", "{{ acknowledgement_sheet() }}", ""]
    body += _unknown_block(draft)
    return markdown.front_matter(draft.fields, _comments(draft.fields)) + "\n" + "\n".join(body), notes


def _without_contents(sections: list[Section], notes: list[str]) -> list[Section]:
    """A table of contents reads as empty sections («2. Должностные обязанности<tab>4») before the real ones: an
    empty section whose heading comes again further on is left out, and the report says so."""
    def key(section: Section) -> str:
        return section.kind or re.sub(r"[\s.]*\d+$", "", section.title).lower()
    kept = []
    for index, section in enumerate(sections):
        if not (section.clauses or section.intro) and any(key(s) == key(section) for s in sections[index + 1:]):
            notes.append(f"абзац {section.heading.paragraph}: «{section.heading.text.strip()}» — строка оглавления "
                         "(такой раздел есть дальше): не перенесена, оглавление сайт строит сам")
        else:
            kept.append(section)
    return kept


def _ordered(sections: list[Section]) -> list[Section]:
    """The document's sections; a second section of a kind is its own; missing required ones are added."""
    seen, result = set(), []
    for section in sections:
        if section.kind in seen:
            section.kind = None
        seen.add(section.kind)
        result.append(section)
    for position, (kind, title) in enumerate(REQUIRED):
        if kind not in seen:
            result.insert(min(position, len(result)), Section(kind, title, Line(0, title), ""))
    # Required sections in their order; the company's own ones after the last required one before them.
    required = [s for s in result if s.kind]
    required.sort(key=lambda s: [k for k, _ in REQUIRED].index(s.kind))
    ordered, queue = [], iter(required)
    for section in result:
        ordered.append(next(queue) if section.kind else section)
    return ordered


def _reference_targets(sections: list[Section], written: dict) -> dict[str, Clause]:
    targets = {}
    for index, section in enumerate(sections, start=1):
        number = section.number if section.number.isdigit() else str(index)
        for position, clause in enumerate(section.clauses, start=1):
            if id(clause) not in written:
                continue
            targets.setdefault(f"{number}.{position}", clause)
            if clause.number:
                key = clause.number if "." in clause.number else f"{number}.{clause.number}"
                targets[key] = clause
    return targets


def _carries_label(clause: Clause) -> bool:
    return any(markdown.BOOKMARK_LABEL.match(n or "") and not markdown.WORD_BOOKMARK.match(n)
               and n.startswith("_Ref_") for n in clause.line.bookmarks)


def _section(section: Section, draft: Draft, texts: dict, notes: list[str]) -> list[str]:
    title = section.title if section.title != section.title.upper() else section.title.capitalize()
    lines = [f"## {markdown.escape(title)}", ""]
    for paragraph in section.intro:
        lines += [markdown.escape(paragraph), ""]
    own = [c for c in section.clauses if id(c) in texts]
    items = [line for clause in own for line in markdown.clause_lines(clause, texts[id(clause)])]
    if section.kind == "general":
        lines += ["{{ general_provisions() }}", *items, ""]
    elif section.kind == "rights":
        lines += [*items, "{{ common_rights() }}", ""]
    elif section.kind == "liability":
        lines += ["{{ standard_liability() }}", *items, ""]
    elif section.kind == "duties" and not items:
        lines += ["- Впишите обязанности: в документе их не нашлось.", ""]
    else:
        lines += [*items, ""] if items else []
    return lines


def _unknown_block(draft: Draft) -> list[str]:
    lines = [*draft.header_unknown, *draft.stray, *draft.tail_unknown]
    if not lines:
        return []
    block = [f'!!! reference "{UNKNOWN_TITLE}"', ""]
    for line in lines:
        cell = (f" (таблица {line.table[0]}, строка {line.table[1] + 1}, столбец {line.table[2] + 1})"
                if line.table else "")
        block += [f"    Абзац {line.paragraph}{cell}: {markdown.escape(line.text)}", ""]
    return block


def _comments(fields: dict) -> dict[str, str]:
    comments = {"dative": "проверьте падеж: «подчиняется кому? чему?»"}
    if fields.get("education") == "___":
        comments["education"] = "впишите: в документе не указано"
    if (fields.get("approval") or {}).get("number") == "___":
        comments["approval"] = "впишите номер приказа об утверждении (дата — в approved)"
    if fields.get("status") == "проект":
        comments["status"] = "заполните пропуски ниже и напишите status: действует"
    if fields.get("department") == "Подразделение не указано":
        comments["department"] = "впишите подразделение"
    return comments
