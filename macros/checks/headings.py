"""A heading written without its space («##Права»): Markdown reads it as plain text, so the section is
missing; HR is told which line lacks the space, instead of only that the section is absent."""

from __future__ import annotations

import re

from ..model.positions import Position
from ..model.problems import Problem, shown

GLUED = re.compile(r"^(#{1,6})([^\W\d_][^\n]*?)[ \t]*$", re.M)
FENCE = re.compile(r"^(```|~~~)", re.M)


def glued_headings(position: Position) -> tuple[list[Problem], set[str]]:
    """The problems, and the section names they explain (their «нет раздела» would only repeat them)."""
    problems, sections = [], set()
    for found in GLUED.finditer(position.body):
        if len(FENCE.findall(position.body, 0, found.start())) % 2:
            continue  # inside a code block: shown as written
        marks, title = found.groups()
        sections.add(title.strip())
        problems.append(Problem(
            shown(position), f"«{found.group(0).strip()}» не читается как заголовок: после {marks} нет пробела",
            f"напишите «{marks} {title.strip()}» (пробел между {marks} и названием раздела)",
            line=position.body_line + position.body.count("\n", 0, found.start())))
    return problems, sections


def without_repeats(problems: list[Problem], sections: set[str]) -> list[Problem]:
    """body.py's «нет раздела «Права»» for a section whose heading only lacks its space."""
    return [p for p in problems if not any(p.message == f"нет раздела «{name}»" for name in sections)]
