"""The front matter of one position: the schema's rules, history and tags, as messages HR can act on.

Field-level rules live in ``position_schema.yaml`` (JSON Schema, checked by the jsonschema
library) and are turned here into messages: the file, the line, the field and what to write
instead. Rules that need more than one file live in relations.py, rules about the text below
the front matter in body.py; run.py runs them all.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from functools import lru_cache
from pathlib import Path

import jsonschema
import yaml

from ..model.positions import Position
from ..model.problems import Problem, shown

SCHEMA_PATH = Path(__file__).with_name("position_schema.yaml")
TYPE_NAMES = {"string": "текст", "array": "список [ … ]", "date": "дата вида 2026-02-02", "null": "пусто",
              "object": "набор полей «имя: значение»", "integer": "целое число", "number": "число"}


@lru_cache(maxsize=1)
def schema() -> dict:
    return yaml.safe_load(SCHEMA_PATH.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _validator() -> jsonschema.protocols.Validator:
    base = jsonschema.Draft202012Validator
    checker = base.TYPE_CHECKER.redefine(
        "date", lambda _checker, value: isinstance(value, dt.date) and not isinstance(value, dt.datetime))
    return jsonschema.validators.extend(base, type_checker=checker)(schema())


def check_front_matter(position: Position, departments: set) -> list[Problem]:
    """Every problem of one position's front matter: the schema, its history and its tags."""
    return check_fields(position) + _check_history(position) + _check_tags(position, departments)


def check_fields(position: Position) -> list[Problem]:
    """The front matter against the schema: one problem per wrong field, with its line and an example."""
    problems = []
    for error in sorted(_validator().iter_errors(position.meta), key=lambda e: [str(p) for p in e.path]):
        if error.validator == "additionalProperties":
            problems += _unknown_fields(position, error)
        else:
            problems.append(_field_problem(position, error))
    return problems


def _field_problem(position: Position, error: jsonschema.ValidationError) -> Problem:
    path = list(error.path)
    if error.validator == "required":
        path.append(error.message.split("'")[1])
    properties = schema()["properties"]
    top = str(path[0]) if path else None
    spec = properties.get(top, {})
    example = f"например: {spec['x-fix']}" if "x-fix" in spec else ""
    where = _nested(path)
    if error.validator == "required":
        message = f"{where}обязательное поле не заполнено"
        fix = (f"добавьте между строками --- строку для поля {path[-1]}; {example}" if len(path) == 1
               else f"добавьте в эту запись поле {path[-1]}; {example}")
        return Problem(shown(position), message, fix, field=top, line=position.line_of(*path[:-1]))
    message = where + _what_is_wrong(error)
    fix = "; ".join(part for part in (spec.get("description", ""), example) if part)
    return Problem(shown(position), message, fix, field=top, line=position.line_of(*path))


def _what_is_wrong(error: jsonschema.ValidationError) -> str:
    value, rule = error.instance, error.validator_value
    if error.validator == "type":
        wanted = " или ".join(TYPE_NAMES.get(t, t) for t in ([rule] if isinstance(rule, str) else rule))
        hint = " — число, а нужен текст: возьмите значение в кавычки" if isinstance(value, (int, float)) else ""
        return f"ожидается {wanted}, а записано {_shown_value(value)}{hint}"
    if error.validator == "enum":
        return f"значение {_shown_value(value)} не из списка: {', '.join(rule)}"
    if error.validator == "minLength":
        return f"значение {_shown_value(value)} слишком короткое (нужно не меньше {rule} знаков)"
    if error.validator == "pattern":
        return f"значение {_shown_value(value)} записано не в том виде"
    return f"недопустимое значение {_shown_value(value)}"


def _unknown_fields(position: Position, error: jsonschema.ValidationError) -> list[Problem]:
    known = list(error.schema["properties"])
    path = list(error.path)
    problems = []
    for name in sorted(set(error.instance) - set(known), key=str):
        if name == "approval_order":
            problems.append(_renamed_approval_order(position, error.instance[name], path))
            continue
        close = difflib.get_close_matches(str(name), known, n=1)
        guess = f"возможно, имелось в виду {close[0]}; " if close else ""
        problems.append(Problem(
            shown(position), f"{_nested(path)}такого поля нет в описании должности",
            f"{guess}допустимые поля: {', '.join(known)}",
            field=str(path[0]) if path else str(name), line=position.line_of(*path, name)))
    return problems


def _renamed_approval_order(position: Position, value, path: list) -> Problem:
    """The former free-text field: its number moves to `approval`, its date is `approved` already."""
    number = re.search(r"№\s*([^\s,]+)", str(value))
    written = f"approval: {{number: {number.group(1)}}}" if number else "approval: {number: 14-ОД}"
    return Problem(
        shown(position), f"{_nested(path)}поле approval_order заменено полем approval: номер — отдельно, "
        "дата — в поле approved (так гриф пишет дату перед номером)",
        f"вместо строки approval_order напишите {written}", field="approval_order",
        line=position.line_of(*path, "approval_order"))


def _nested(path: list) -> str:
    """«запись 2 → поле approved: » for a field inside a list, nothing for a top-level field."""
    parts = [f"запись {p + 1}" if isinstance(p, int) else f"поле {p}" for p in path[1:]]
    return " → ".join(parts) + ": " if parts else ""


def _shown_value(value: object) -> str:
    if value is None:
        return "пустое значение"
    if isinstance(value, str):
        return f"«{value}»"
    if isinstance(value, dt.date):
        return value.isoformat()
    return repr(value)


def _check_history(position: Position) -> list[Problem]:
    """Earlier versions must read as a history: older than the current one, each version once."""
    history = position.meta.get("history")
    if not isinstance(history, list):
        return []
    problems, seen = [], {str(position.meta.get("version")): None}
    current = position.meta.get("approved")
    for index, entry in enumerate(history):
        if not isinstance(entry, dict):
            continue
        line = position.line_of("history", index)
        version, approved = str(entry.get("version")), entry.get("approved")
        if version in seen:
            where = "действующей редакции" if seen[version] is None else f"записи {seen[version] + 1}"
            problems.append(Problem(
                shown(position), f"запись {index + 1}: редакция {version} уже указана у {where}",
                "в history перечисляются только прежние редакции, каждая один раз", field="history", line=line))
        seen.setdefault(version, index)
        if isinstance(approved, dt.date) and isinstance(current, dt.date) and approved >= current:
            problems.append(Problem(
                shown(position), f"запись {index + 1}: редакция {version} утверждена {approved:%d.%m.%Y}, "
                f"не раньше действующей ({current:%d.%m.%Y})",
                "прежняя редакция утверждается раньше действующей: проверьте даты или поменяйте записи местами",
                field="history", line=line))
    return problems


def _check_tags(position: Position, departments: set) -> list[Problem]:
    """Tags list the position on «Подразделения и категории»: under its own department and category.

    A department moved or a category changed without the tags would list it in the wrong place.
    """
    tags, meta = position.meta.get("tags"), position.meta
    if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
        return []  # absent (optional) or malformed: the schema reports the latter
    own = [meta.get("department"), meta.get("category")]
    if not all(isinstance(value, str) for value in own):
        return []  # the schema reports the department or category itself; tags are checked once it is fixed
    categories = set(schema()["properties"]["category"]["enum"])
    wrong = [tag for tag in tags if tag not in own and (tag in categories or tag in departments)]
    missing = [value for value in own if value not in tags]
    if not wrong and not missing:
        return []
    expected = "tags: [" + ", ".join(own + [t for t in tags if t not in own and t not in wrong]) + "]"
    what = []
    if missing:
        what.append("нет " + ", ".join(f"«{value}»" for value in missing))
    if wrong:
        what.append("лишние " + ", ".join(f"«{tag}»" for tag in wrong)
                    + " — это другое подразделение или категория")
    return [Problem(
        shown(position), "метки не совпадают с подразделением и категорией должности: " + "; ".join(what),
        f"метки повторяют поля department и category; напишите {expected}",
        field="tags", line=position.line_of("tags"))]
