"""The position file an import writes: front matter, sections with plain «- » clauses, labels and links.

Text from a Word file is HR content like any other: it must read as typed and never act. So every
character Markdown, HTML or Jinja would take as syntax is escaped here, at the one place text
enters the file: «{{», «{%», «<script>», «**», «[x](y)», «{#label}» all arrive as visible text.
References «п. 2.7» become links «п. [](#label)» to a label put on that clause, so they follow it
when clauses are renumbered.
"""

from __future__ import annotations

import json
import re

import yaml

from ..russian_words import slug as latin
from .structure import Clause

# Characters Markdown or Python-Markdown's extensions read as syntax, escaped with a backslash.
BACKSLASHED = set("\\`*_[]")
# Braces become entities, so no «{{», «{%» or «{#» reaches Jinja or attr_list; angle brackets, so no HTML.
ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "{": "&#123;", "}": "&#125;"}
REFERENCE = re.compile(r"(?P<word>\b(?:пп?\.|[Пп]ункт(?:а|ом|е|у|ами|ах|ов)?|подпункт\w*)\s*)"
                       r"(?P<number>\d{1,2}(?:\.\d{1,2}){0,2})(?!\.?\d)")
BOOKMARK_LABEL = re.compile(r"^(?:_Ref_)?([A-Za-z][A-Za-z0-9_-]{0,39})$")
WORD_BOOKMARK = re.compile(r"^_(?:Ref|Toc|GoBack|Hlk)\d*$")


def escape(text: str) -> str:
    """Plain text as Markdown that shows exactly that text and nothing else."""
    out = []
    for char in text:
        if char in ENTITIES:
            out.append(ENTITIES[char])
        elif char in BACKSLASHED:
            out.append("\\" + char)
        else:
            out.append(char)
    result = "".join(out).strip()
    # A line start Markdown would read as a list, a heading, a fence or an admonition: «1. », «- », «#», «!!!».
    return re.sub(r"^(\d+)([.)])", r"\1\\\2", re.sub(r"^([-+#!~|:=])", r"\\\1", result))


def yaml_value(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, list):
        return "[" + ", ".join(yaml_value(v) for v in value) + "]"
    text = str(value)
    try:
        if yaml.safe_load(f"k: {text}") == {"k": text} and not re.search(r"[#{}\[\]&*!|>'\"%@`]", text):
            return text
    except yaml.YAMLError:
        pass
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid double-quoted YAML string


def label_of(clause: Clause, taken: set[str]) -> str:
    """A label for a clause: the bookmark a Word file carried, else its first words in latin letters."""
    for name in clause.line.bookmarks:
        match = BOOKMARK_LABEL.match(name or "")
        if match and not WORD_BOOKMARK.match(name) and match.group(1) not in taken:
            taken.add(match.group(1))
            return match.group(1)
    words = [w for w in re.findall(r"[\wё]+", clause.text.lower()) if len(w) > 2][:3]
    base = latin(" ".join(words))[:32].strip("-") or "punkt"
    base = base if base[0].isalpha() else "p-" + base
    label, n = base, 2
    while label in taken:
        label, n = f"{base}-{n}", n + 1
    taken.add(label)
    return label


def link_references(text: str, section_number: str, targets: dict[str, Clause], taken: set[str],
                    unresolved: list[str]) -> str:
    """«п. 2.7» (or «п.7» inside section 2) -> «п. [](#label)» when clause 2.7 is one the file keeps."""
    def replace(match):
        number = match.group("number")
        key = number if "." in number else f"{section_number}.{number}"
        clause = targets.get(key)
        if clause is None:
            unresolved.append(number)
            return match.group(0)
        if clause.label is None:
            clause.label = label_of(clause, taken)
        word = match.group("word")
        return f"{word}{'' if word.endswith(' ') else ' '}[](#{clause.label})"
    return REFERENCE.sub(replace, text)


def front_matter(fields: dict, comments: dict[str, str]) -> str:
    order = ("title", "genitive", "dative", "aliases", "department", "category", "appointed_by",
             "appointment_note", "proposed_by", "reports_to", "reports_to_also", "status", "stand_in", "education",
             "experience", "governing_documents", "version", "approved", "approval", "changes", "tags")
    lines = ["---"]
    for key in order:
        if key not in fields or (fields[key] in (None, [], "") and key not in ("stand_in", "appointed_by")):
            continue
        value = fields[key]
        if key == "governing_documents":
            lines.append("governing_documents:")
            lines += [f"  - {yaml_value(item)}" for item in value]
            continue
        shown = value.isoformat() if hasattr(value, "isoformat") else yaml_value(value)
        if isinstance(value, dict):  # approval: {number: 14-ОД}
            shown = "{" + ", ".join(f"{k}: {yaml_value(str(v))}" for k, v in value.items()) + "}"
        if key == "version":
            shown = json.dumps(str(value))
        comment = f"    # {comments[key]}" if key in comments else ""
        lines.append(f"{key}: {shown}{comment}")
    lines.append("---")
    return "\n".join(lines) + "\n"


def clause_lines(clause: Clause, markdown: str) -> list[str]:
    """A clause as a «- » item (its text already escaped and linked) with its sub-items indented below."""
    label = f"{{#{clause.label}}} " if clause.label else ""
    lines = [f"- {label}{markdown}"]
    for item in clause.items:
        lines.append("    " * item.depth + "- " + escape(item.text))
    return lines
