"""The front matter against its JSON Schema (a position's: position_schema.yaml; `extra:` in mkdocs.yml:
company_schema.yaml, checked by signatories.py) as messages HR can act on — the file, the line, the field, the
nearest ``description`` and ``x-fix`` — and what the schema cannot say of a position: its history and tags.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from ..model.positions import Position, default_tags
from ..model.problems import Problem, did_you_mean
from . import values

if TYPE_CHECKING:  # imported when a schema is first checked: most builds take every verdict from the build cache
    import jsonschema

DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
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


# Cyrillic letters that look like Latin ones: a field name typed on the Russian layout reads the same but is not it.
LOOK_ALIKES = str.maketrans("аеорсухіјѕкмтвнАЕОРСУХІЈЅКМТВН", "aeopcyxijskmtbhAEOPCYXIJSKMTBH")


def schema_problems(data: object, checked: Checked) -> list[Problem]:
    """One problem per wrong field of `data`, with its line and an example. A required field that is missing
    because its name was mistyped is said once, at the mistyped line."""
    problems, errors = [], sorted(_validator(checked.schema_file).iter_errors(data), key=lambda e: [str(p) for p in e.path])
    meant = {(tuple(error.path), _meant(str(name), list(error.schema["properties"])))
             for error in errors if error.validator == "additionalProperties"
             for name in set(error.instance) - set(error.schema["properties"])}
    for error in errors:
        if error.validator == "additionalProperties":
            problems += _unknown_fields(checked, error)
        elif not (error.validator == "required" and (tuple(error.path), error.message.split("'")[1]) in meant):
            problems.append(_field_problem(checked, error))
    return problems


def _meant(name: str, known: list[str]) -> str | None:
    """The field a mistyped name most likely meant: the same look in Latin letters, else the closest name."""
    latin = name.translate(LOOK_ALIKES)
    return latin if latin in known else next(iter(difflib.get_close_matches(name, known, n=1, cutoff=0.6)), None)


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
        hint = _type_hint(value, str(rule))
        return f"ожидается {wanted}, а записано {shown_value(value)}{hint}"
    if error.validator == "enum":
        hidden = isinstance(value, str) and value.strip() in rule  # a space, often a non-breaking one, around it
        quoted = isinstance(value, str) and value.strip().strip("«»“”„").strip() in rule
        capital = isinstance(value, str) and value.strip().strip("«»“”„").strip().lower() in rule
        return f"значение {shown_value(value)} не из списка: {', '.join(map(str, rule))}" + (
            " — в начале или в конце значения невидимый пробел: сотрите его" if hidden else
            " — уберите кавычки вокруг значения" if quoted else
            " — пишется строчными буквами" if capital else "")
    if error.validator == "minLength":
        return f"значение {shown_value(value)} слишком короткое (нужно не меньше {rule} знаков)"
    if error.validator in ("minItems", "maxItems"):
        return f"в списке {len(value)} знач., а нужно {'не меньше' if error.validator == 'minItems' else 'не больше'} {rule}"
    if error.validator in ("minimum", "maximum"):
        return f"значение {shown_value(value)} {'меньше' if error.validator == 'minimum' else 'больше'} допустимого ({rule})"
    if error.validator == "pattern":
        quoted = isinstance(value, str) and values.QUOTED.fullmatch(value.strip())
        return f"значение {shown_value(value)} записано не в том виде" + (
            " — кавычки «» и “” YAML не понимает: нужны прямые кавычки \"…\"" if quoted else "")
    return f"недопустимое значение {shown_value(value)}"


def _type_hint(value: object, wanted: str) -> str:
    """Why YAML read the value as another kind, where the way it was written is the likely cause."""
    if isinstance(value, bool) and "string" in wanted:  # yes, no, on, off: YAML's «да/нет», not text
        return " — слова yes, no, on, off, true, false YAML читает как «да/нет», а нужен текст: возьмите значение в кавычки"
    if isinstance(value, (int, float)) and "string" in wanted:
        return " — число, а нужен текст: возьмите значение в кавычки"
    if isinstance(value, dict) and "array" in wanted:
        return " — каждая запись списка начинается с «- » под именем поля: «  - version: …»"
    if isinstance(value, str) and "date" in wanted and DATE.fullmatch(value.strip("«»“”„")):
        return " — в кавычках дата читается как текст: уберите кавычки"
    return ""


def _unknown_fields(checked: Checked, error: jsonschema.ValidationError) -> list[Problem]:
    known = list(error.schema["properties"])
    path = list(error.path)
    problems = []
    for name in sorted(set(error.instance) - set(known), key=str):
        latin = str(name).translate(LOOK_ALIKES)
        if latin != name and latin in known:  # on screen the two names are the same
            cyrillic = ", ".join(f"«{ch}»" for ch in dict.fromkeys(ch for ch in str(name) if ch.translate(LOOK_ALIKES) != ch))
            message, fix = (f"{_nested(path)}{checked.unknown}: в имени «{name}» русские буквы {cyrillic}, похожие на латинские",
                            f"сотрите имя поля и наберите его заново в латинской раскладке: {latin}")
        else:
            message, fix = (f"{_nested(path)}{checked.unknown}",
                            f"{did_you_mean(str(name), known)}допустимые поля: {', '.join(known)}")
        problems.append(Problem(checked.shown_as, message, fix, field=checked.field_of(path + [name]),
                                line=checked.line_of(*path, name)))
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
    if isinstance(value, bool):
        return "«да»" if value else "«нет»"
    if isinstance(value, list):  # as HR wrote it, not as Python prints it
        return f"список [{', '.join(_plain(item) for item in value)}]"
    if isinstance(value, dict):
        return f"набор полей «{', '.join(f'{key}: {_plain(item)}' for key, item in value.items())}»"
    return repr(value)


def _plain(value: object) -> str:
    return shown_value(value).strip("«»") if isinstance(value, (str, dt.date, bool)) or value is None else \
        shown_value(value)


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
    said = {p.line for p in wrong}
    written = [problem for problem in values.check_values(position)
               if problem.line not in said]
    tags = [] if {p.field for p in wrong} & {"department", "category"} else _check_tags(position)  # said once fixed
    return wrong + renamed + written + _check_history(position) + tags


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
    """Earlier versions must read as a history: from new to old, each older (by date and by number) than the one
    above it (the current edition first), each version once. Numbers compare as numbers: 1.10 is after 1.9."""
    problems, seen = [], {str(position.meta.get("version")): None}
    newer = (None, str(position.meta.get("version")), position.meta.get("approved"))
    for index, entry in position.entries("history"):
        version, approved = str(entry.get("version")), entry.get("approved")
        if version in seen:
            where = "действующей редакции" if seen[version] is None else f"записи {seen[version] + 1}"
            problems.append(position.problem(f"запись {index + 1}: редакция {version} уже указана у {where}",
                                             "в history перечисляются только прежние редакции, каждая один раз",
                                             "history", index))
        seen.setdefault(version, index)
        above = "действующей" if newer[0] is None else f"записи {newer[0] + 1}"
        if isinstance(approved, dt.date) and isinstance(newer[2], dt.date) and approved >= newer[2]:
            problems.append(position.problem(
                f"запись {index + 1}: редакция {version} утверждена {approved:%d.%m.%Y}, "
                f"не раньше {above} ({newer[2]:%d.%m.%Y})",
                "прежняя редакция утверждается раньше действующей, а записи history идут от новой к старой: "
                "проверьте даты или поменяйте записи местами", "history", index))
        elif _number(version) and _number(newer[1]) and _number(version) > _number(newer[1]):
            problems.append(position.problem(
                f"запись {index + 1}: редакция {version} — номер больше, чем у {above} ({newer[1]})",
                "номер новой редакции больше прежнего (после 1.9 идёт 1.10): проверьте номера или поменяйте "
                "записи местами; записи history идут от новой к старой", "history", index))
        newer = (index, version, approved)
    return problems


def _number(version: str) -> tuple[int, ...]:
    """«1.10» as (1, 10); empty for anything the schema refuses."""
    return tuple(map(int, version.split("."))) if re.fullmatch(r"\d{1,6}(?:\.\d{1,6}){0,5}", version) else ()


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
