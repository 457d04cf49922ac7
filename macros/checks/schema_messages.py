"""A JSON Schema's complaints (positions and `extra:`) as messages HR can act on: the file, the line,
the field, and the ``description`` and ``x-fix`` of the nearest field in the schema that has them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from ..model.problems import Problem, did_you_mean

if TYPE_CHECKING:  # imported when a schema is first checked: most builds take every verdict from the build cache
    import jsonschema

TYPE_NAMES = {"string": "текст", "array": "список [ … ]", "date": "дата вида 2026-02-02", "null": "пусто",
              "object": "набор полей «имя: значение»", "integer": "целое число", "number": "число",
              "boolean": "да или нет (true / false)"}


@dataclass(frozen=True)
class Checked:
    """What is being checked and how its places are named in messages."""

    shown_as: str                           # the file, as HR sees it in the repository
    schema_file: str                        # the schema's YAML file, next to this module
    line_of: Callable[..., int | None]      # the file line of a field path
    field_of: Callable[[list], str | None]  # how a field path is named in the message
    add_here: str                           # where a missing top-level field is written
    unknown: str                            # «такого поля нет …»


@cache
def load_schema(name: str) -> dict:
    return yaml.safe_load(Path(__file__).with_name(name).read_text(encoding="utf-8"))


@cache
def _validator(name: str) -> jsonschema.protocols.Validator:
    """A validator that also knows the type `date` (YAML dates arrive as datetime.date)."""
    import jsonschema
    base = jsonschema.Draft202012Validator
    checker = base.TYPE_CHECKER.redefine(
        "date", lambda _checker, value: isinstance(value, dt.date) and not isinstance(value, dt.datetime))
    return jsonschema.validators.extend(base, type_checker=checker)(load_schema(name))


def schema_problems(data: object, checked: Checked) -> list[Problem]:
    """One problem per wrong field of `data`, with its line and an example."""
    problems = []
    for error in sorted(_validator(checked.schema_file).iter_errors(data), key=lambda e: [str(p) for p in e.path]):
        if error.validator == "additionalProperties":
            problems += _unknown_fields(checked, error)
        else:
            problems.append(_field_problem(checked, error))
    return problems


def _spec(schema: dict, path: list) -> dict:
    """The nearest schema node along `path` that says what to write (description or x-fix)."""
    best, node = {}, schema
    for part in path:
        node = (node.get("items") if isinstance(part, int) else (node.get("properties") or {}).get(part)) or {}
        if "x-fix" in node or "description" in node:
            best = node
    return best


def _field_problem(checked: Checked, error: jsonschema.ValidationError) -> Problem:
    path = list(error.path)
    if error.validator == "required":
        path.append(error.message.split("'")[1])
    spec = _spec(load_schema(checked.schema_file), path)
    example = f"например: {spec['x-fix']}" if "x-fix" in spec else ""
    where = _nested(path)
    if error.validator == "required":
        fix = (f"добавьте {checked.add_here} строку для поля {path[-1]}; {example}" if len(path) == 1
               else f"добавьте в эту запись поле {path[-1]}; {example}")
        return Problem(checked.shown_as, f"{where}обязательное поле не заполнено", fix,
                       field=checked.field_of(path), line=checked.line_of(*path[:-1]))
    fix = "; ".join(part for part in (spec.get("description", ""), example) if part)
    return Problem(checked.shown_as, where + _what_is_wrong(error), fix, field=checked.field_of(path),
                   line=checked.line_of(*path))


def _what_is_wrong(error: jsonschema.ValidationError) -> str:
    value, rule = error.instance, error.validator_value
    if error.validator == "type":
        wanted = " или ".join(TYPE_NAMES.get(t, t) for t in ([rule] if isinstance(rule, str) else rule))
        hint = (" — число, а нужен текст: возьмите значение в кавычки"
                if isinstance(value, (int, float)) and "string" in str(rule) else "")
        return f"ожидается {wanted}, а записано {shown_value(value)}{hint}"
    if error.validator == "enum":
        return f"значение {shown_value(value)} не из списка: {', '.join(map(str, rule))}"
    if error.validator == "minLength":
        return f"значение {shown_value(value)} слишком короткое (нужно не меньше {rule} знаков)"
    if error.validator in ("minItems", "maxItems"):
        return f"в списке {len(value)} знач., а нужно {'не меньше' if error.validator == 'minItems' else 'не больше'} {rule}"
    if error.validator in ("minimum", "maximum"):
        return f"значение {shown_value(value)} {'меньше' if error.validator == 'minimum' else 'больше'} допустимого ({rule})"
    if error.validator == "pattern":
        return f"значение {shown_value(value)} записано не в том виде"
    return f"недопустимое значение {shown_value(value)}"


def _unknown_fields(checked: Checked, error: jsonschema.ValidationError) -> list[Problem]:
    known = list(error.schema["properties"])
    path = list(error.path)
    problems = []
    for name in sorted(set(error.instance) - set(known), key=str):
        problems.append(Problem(
            checked.shown_as, f"{_nested(path)}{checked.unknown}", f"{did_you_mean(str(name), known)}допустимые поля: {', '.join(known)}",
            field=checked.field_of(path + [name]), line=checked.line_of(*path, name)))
    return problems


def _nested(path: list) -> str:
    """«запись 2 → поле approved: » for a field inside a list, nothing for a top-level field."""
    parts = [f"запись {p + 1}" if isinstance(p, int) else f"поле {p}" for p in path[1:]]
    return " → ".join(parts) + ": " if parts else ""


def shown_value(value: object) -> str:
    if value is None:
        return "пустое значение"
    if isinstance(value, str):
        return f"«{value}»"
    if isinstance(value, dt.date):
        return value.isoformat()
    return repr(value)
