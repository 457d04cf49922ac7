"""The status of an instruction: a draft may be unfinished, an instruction in force may not (no
template placeholders, which would print «приказ № ___»), and nothing may depend on an abolished position.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from ..model.positions import Position, Staff
from ..model.problems import Problem

NEW_POSITION_TEMPLATE = Path(__file__).resolve().parent.parent / "templates" / "new_position.md"
BLANK = re.compile(r"_{3,}")  # «№ ___ от ___»: a blank left to fill in
REFERENCES = ("reports_to", "reports_to_also", "stand_in", "appointed_by", "proposed_by")
FIX_STATUS = "пока инструкция не готова, оставьте status: проект — на сайте она будет с пометкой «ПРОЕКТ»"


@cache
def placeholders() -> tuple[str, ...]:
    """The placeholder clauses of the new-position template («Опишите первую обязанность…»)."""
    lines = NEW_POSITION_TEMPLATE.read_text(encoding="utf-8").splitlines()
    return tuple(line[2:].split("(")[0].split(";")[0].strip() for line in lines if line.startswith("- Опишите"))


def check_status(staff: Staff) -> list[Problem]:
    problems: list[Problem] = []
    for position in staff.positions.values():
        if not position.is_draft and not position.is_abolished:
            problems += _unfinished(position)
        if not position.is_abolished:
            problems += _depends_on_abolished(position, staff)
    return problems


def _unfinished(position: Position) -> list[Problem]:
    problems = []
    for key, value in position.meta.items():
        # A list's items and a mapping's values (approval: {number: "___"}) are looked into as well.
        items = (enumerate(value) if isinstance(value, list) else value.items() if isinstance(value, dict)
                 else [(None, value)])
        for index, text in items:
            if isinstance(text, str) and BLANK.search(text):
                problems.append(position.problem(
                    f"действующая инструкция с незаполненным местом «{text}»",
                    f"впишите настоящие данные (например, номер приказа: approval: {{number: 14-ОД}}, дата — в approved); "
                    f"{FIX_STATUS}", key, *([] if index is None else [index])))
    for phrase in placeholders():
        at = position.body.find(phrase)
        if at >= 0:
            problems.append(position.problem(
                f"в действующей инструкции остался пункт-образец «{phrase}…»",
                f"замените его настоящим пунктом или удалите; {FIX_STATUS}",
                line=position.body_line + position.body.count("\n", 0, at)))
    return problems


def _depends_on_abolished(position: Position, staff: Staff) -> list[Problem]:
    problems = []
    for field in REFERENCES:
        value = position.meta.get(field)
        paths = [((field, i), slug) for i, slug in enumerate(value)] if isinstance(value, list) else [((field,), value)]
        for path, slug in paths:
            if isinstance(slug, str) and slug in staff and staff[slug].is_abolished:
                gone = staff[slug]
                where = f"{gone.shown}:{gone.line_of('status')}" if gone.line_of("status") else gone.shown
                problems.append(position.problem(
                    f"должность «{gone.title}» упразднена ({where}: status: упразднена), "
                    "а эта должность на неё ссылается",
                    "укажите действующую должность (например, ту, что взяла на себя её работу), или, если "
                    f"должность упразднили по ошибке, уберите status: упразднена в {gone.shown}",
                    *path))
    return problems
