"""The source-level grammar of HR's Markdown: macro calls, clause labels and references, with lines.
Checks and rendering must read a page the same way, so the patterns live here once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

# A plain call of a macro, the only template syntax a position needs: {{ signatures() }}.
SIMPLE_CALL = re.compile(r"\{\{\s*([A-Za-z_]\w*)\(\s*\)\s*\}\}")
# The calls every instruction needs (without approval_stamp() the page is not even numbered), and the only
# macros an archived edition's text may call.
INSTRUCTION_MACROS = ("approval_stamp", "general_provisions", "common_rights", "standard_liability", "signatures",
                      "acknowledgement_sheet")
# Anything but {{ … }} that Jinja would read with this site's settings ({## … ##} comments).
OTHER_JINJA = ("{%", "{##")

# A label at the start of a list item, and an empty link: [](#label) to a clause of the same file,
# [](other.md#label) to a clause of another position (render/clauses.py fills in the numbers).
SOURCE_LABEL = re.compile(r"^[ \t]*[-*+][ \t]+\{#([^}\s]*)\}", re.M)
SOURCE_REFERENCE = re.compile(r"\[\]\(([^)\s]*)\)")
CROSS_REFERENCE = re.compile(r"^(?:\./)?([a-z0-9][a-z0-9-]*)\.md#([A-Za-z][\w-]*)$")
VALID_LABEL = re.compile(r"^[A-Za-z][\w-]*$")
# The ids the build gives sections and unlabelled clauses; a label may not take one of them.
GENERATED_ID = re.compile(r"^(?:section-\d+|p\d+-\d+)$")


def section_id(section: int) -> str:
    return f"section-{section}"


def clause_id(section: int, clause: int) -> str:
    return f"p{section}-{clause}"


def clause_number(section: int, clause: int) -> str:
    """How clause `clause` of section `section` is numbered and referred to: "2.7" (printed as «2.7.»)."""
    return f"{section}.{clause}"


# Code a page shows as text (a guide page showing «{{ signatures() }}» to HR): fenced blocks and code spans.
FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)((?:[^\n]|\n(?![ \t]*\n))+?)(?<!`)\1(?!`)")


def without_code(markdown: str) -> str:
    """The text with its fenced blocks and code spans blanked, same length and lines. Used only for pages
    that are not positions: what it blanks is never expanded, and at worst a brace shows as text."""
    out, fence = [], ""
    for line in markdown.splitlines(keepends=True):
        opened = FENCE.match(line)
        closes = fence and opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence) \
            and not line[opened.end():].strip()
        if fence or opened:
            out.append(re.sub(r"[^\n]", " ", line))
            fence = "" if closes else (fence or opened.group(1))
        else:
            out.append(line)
    return CODE_SPAN.sub(lambda span: re.sub(r"[^\n]", " ", span.group(0)), "".join(out))


def only_simple_calls(markdown: str, macros: Mapping[str, Callable]) -> list[str] | None:
    """The names called, when every Jinja tag of the page is a call of a known macro; else None."""
    names = SIMPLE_CALL.findall(markdown)
    if any(marker in markdown for marker in OTHER_JINJA) or not all(name in macros for name in names) \
            or markdown.count("{{") != len(names) or markdown.count("}}") != len(names):
        return None
    return names


def source_labels(body: str) -> list[tuple[str, int]]:
    """Labels declared in a Markdown body, with their 1-based line numbers."""
    return [(m.group(1), body.count("\n", 0, m.start()) + 1) for m in SOURCE_LABEL.finditer(body)]


def source_references(body: str) -> list[tuple[str, int]]:
    """Targets of the empty links in a Markdown body ("#consult", "recruiter.md#screening"), with lines."""
    return [(m.group(1), body.count("\n", 0, m.start()) + 1) for m in SOURCE_REFERENCE.finditer(body)]
