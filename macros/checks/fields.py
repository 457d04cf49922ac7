"""The front matter of one position: the schema's rules (position_schema.yaml), history and tags,
as messages HR can act on. Rules across files: relations.py; about the text: body.py.
"""

from __future__ import annotations

import datetime as dt
import re

from ..model.positions import Position, default_tags
from ..model.problems import Problem
from .schema_messages import Checked, load_schema, schema_problems


def schema() -> dict:
    return load_schema("position_schema.yaml")


def check_front_matter(position: Position) -> list[Problem]:
    """Every problem of one position's front matter: one per wrong field (with its line and an example),
    then its history and its tags."""
    checked = Checked(position.shown, "position_schema.yaml", position.line_of,
                      lambda path: str(path[0]) if path else None, "между строками ---",
                      "такого поля нет в описании должности")
    renamed = _renamed_approval_orders(position)
    lines = {problem.line for problem in renamed}
    wrong = [problem for problem in schema_problems(position.meta, checked)
             if not (problem.line in lines and "допустимые поля" in problem.fix)]
    return wrong + renamed + _check_history(position) + _check_tags(position)


def _renamed_approval_orders(position: Position) -> list[Problem]:
    """The former free-text field approval_order (current edition or history): its number moves to
    `approval`, its date is `approved` already. Said instead of «no such field»."""
    places = [((), position.meta)] + [(("history", i), entry) for i, entry in position.entries("history")]
    problems = []
    for path, fields in places:
        if "approval_order" not in fields:
            continue
        number = re.search(r"№\s*([^\s,]+)", str(fields["approval_order"]))
        written = f"approval: {{number: {number.group(1)}}}" if number else "approval: {number: 14-ОД}"
        where = f"запись {path[1] + 1}: " if path else ""
        problems.append(position.problem(
            f"{where}поле approval_order заменено полем approval: номер — отдельно, "
            "дата — в поле approved (так гриф пишет дату перед номером)",
            f"вместо строки approval_order напишите {written}", *path, "approval_order"))
    return problems


def _check_history(position: Position) -> list[Problem]:
    """Earlier versions must read as a history: older than the current one, each version once."""
    problems, seen = [], {str(position.meta.get("version")): None}
    current = position.meta.get("approved")
    for index, entry in position.entries("history"):
        version, approved = str(entry.get("version")), entry.get("approved")
        if version in seen:
            where = "действующей редакции" if seen[version] is None else f"записи {seen[version] + 1}"
            problems.append(position.problem(f"запись {index + 1}: редакция {version} уже указана у {where}",
                                             "в history перечисляются только прежние редакции, каждая один раз",
                                             "history", index))
        seen.setdefault(version, index)
        if isinstance(approved, dt.date) and isinstance(current, dt.date) and approved >= current:
            problems.append(position.problem(
                f"запись {index + 1}: редакция {version} утверждена {approved:%d.%m.%Y}, "
                f"не раньше действующей ({current:%d.%m.%Y})",
                "прежняя редакция утверждается раньше действующей: проверьте даты или поменяйте записи местами",
                "history", index))
    return problems


def _check_tags(position: Position) -> list[Problem]:
    """Tags must be exactly the department and the category (set from them when absent, hooks/safety.py),
    or a moved position would stay listed under its old department."""
    tags, own = position.meta.get("tags"), default_tags(position.meta)
    if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
        return []  # absent (optional) or malformed: the schema reports the latter
    if len(own) < 2:
        return []  # the schema reports the department or category itself; tags are checked once it is fixed
    if sorted(tags) == sorted(own):
        return []
    missing, extra = [value for value in own if value not in tags], [tag for tag in tags if tag not in own]
    what = (["нет " + ", ".join(f"«{value}»" for value in missing)] if missing else []) + \
           (["лишние " + ", ".join(f"«{tag}»" for tag in extra)] if extra else [])
    return [position.problem(
        "метки не совпадают с подразделением и категорией должности: " + "; ".join(what),
        f"удалите строку tags — метки ставятся по полям department и category сами — или напишите "
        f"tags: [{', '.join(own)}]", "tags")]
