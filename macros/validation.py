"""Validation of all positions together, before any page is written.

Field-level rules live in ``position_schema.yaml`` (JSON Schema, checked by the jsonschema
library); the rules that need more than one file (references between positions, cycles,
duplicates) and the body checks (duties present, cross-reference labels) live here.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import Path

import jsonschema
import yaml

from .clauses import VALID_LABEL, source_labels, source_references
from .positions import Position, Staff
from .problems import Problem

SCHEMA_PATH = Path(__file__).with_name("position_schema.yaml")
REFERENCE_FIELDS = ("appointed_by", "proposed_by", "reports_to", "stand_in")
REQUIRED_SECTIONS = ("Общие положения", "Должностные обязанности", "Права", "Ответственность")
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@lru_cache(maxsize=1)
def schema() -> dict:
    return yaml.safe_load(SCHEMA_PATH.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _validator() -> jsonschema.protocols.Validator:
    base = jsonschema.Draft202012Validator
    checker = base.TYPE_CHECKER.redefine(
        "date", lambda _checker, value: isinstance(value, dt.date) and not isinstance(value, dt.datetime))
    return jsonschema.validators.extend(base, type_checker=checker)(schema())


def validate_staff(staff: Staff) -> list[Problem]:
    """Every problem of every position, in one list."""
    problems: list[Problem] = []
    for position in staff.positions.values():
        problems += _check_fields(position)
        problems += _check_slug(position)
        problems += _check_references(position, staff)
        problems += _check_body(position)
    problems += _check_cycles(staff)
    problems += _check_duplicate_titles(staff)
    return problems


def _shown(position: Position) -> str:
    return f"docs/{position.src_path}"


def _check_fields(position: Position) -> list[Problem]:
    problems = []
    properties = schema()["properties"]
    for error in sorted(_validator().iter_errors(position.meta), key=lambda e: list(e.path)):
        field = ".".join(str(part) for part in error.path) or None
        if error.validator == "required":
            field = error.message.split("'")[1]
            message = "обязательное поле не заполнено"
        elif error.validator == "additionalProperties":
            unknown = sorted(set(position.meta) - set(properties))
            for name in unknown:
                problems.append(Problem(
                    _shown(position), "такого поля нет в описании должности",
                    f"проверьте написание; допустимые поля: {', '.join(properties)}", field=name))
            continue
        else:
            message = f"недопустимое значение {error.instance!r}"
        top = field.split(".")[0] if field else None
        spec = properties.get(top, {}) if top else {}
        hint = spec.get("description", "")
        fix = f"{hint}; например: {spec['x-fix']}" if "x-fix" in spec else hint
        problems.append(Problem(_shown(position), message, fix, field=top))
    return problems


def _check_slug(position: Position) -> list[Problem]:
    if SLUG.match(position.slug):
        return []
    return [Problem(
        _shown(position), "имя файла должности должно состоять из латинских строчных букв, цифр и дефисов",
        "переименуйте файл, например: key-account-manager.md")]


def _check_references(position: Position, staff: Staff) -> list[Problem]:
    problems = []
    for field in REFERENCE_FIELDS:
        problems += _missing_targets(position, staff, field, [position.meta.get(field)])
    problems += _missing_targets(position, staff, "reports_to_also", position.meta.get("reports_to_also") or [])
    return problems


def _missing_targets(position: Position, staff: Staff, field: str, values: list) -> list[Problem]:
    problems = []
    for value in values:
        if isinstance(value, str) and value and value not in staff:
            known = ", ".join(sorted(staff.positions))
            problems.append(Problem(
                _shown(position), f"должности «{value}» нет: нет файла docs/positions/{value}.md",
                f"укажите имя файла существующей должности без .md, одно из: {known}", field=field))
    return problems


def _check_cycles(staff: Staff) -> list[Problem]:
    problems, reported = [], set()
    for start in sorted(staff.positions):
        chain, slug = [], start
        while slug in staff and slug not in chain:
            chain.append(slug)
            slug = staff[slug].meta.get("reports_to")
        if slug in chain and slug not in reported:
            loop = chain[chain.index(slug):]
            reported.update(loop)
            titles = " → ".join(loop + [slug])
            problems.append(Problem(
                _shown(staff[slug]), f"подчинение замкнуто в круг: {titles}",
                "у одной из этих должностей укажите в reports_to вышестоящую должность вне круга",
                field="reports_to"))
    return problems


def _check_duplicate_titles(staff: Staff) -> list[Problem]:
    seen: dict[str, Position] = {}
    problems = []
    for position in sorted(staff.positions.values(), key=lambda p: p.src_path):
        title = position.meta.get("title")
        if not isinstance(title, str):
            continue
        key = title.strip().lower()
        if key in seen:
            problems.append(Problem(
                _shown(position), f"должность «{title}» уже описана в docs/{seen[key].src_path}",
                "переименуйте должность или объедините два файла в один", field="title"))
        else:
            seen[key] = position
    return problems


def _check_body(position: Position) -> list[Problem]:
    problems = []
    body, first = position.body, position.body_line
    headings = re.findall(r"^##[ \t]+(.+?)[ \t]*$", body, re.M)
    for section in REQUIRED_SECTIONS:
        if section not in headings:
            problems.append(Problem(
                _shown(position), f"нет раздела «{section}»",
                f"добавьте строку «## {section}» и под ней список пунктов (см. CONTRIBUTING.md)"))
    duties = _section_text(body, "Должностные обязанности")
    if "Должностные обязанности" in headings and not re.search(r"^[-*+][ \t]+\S", duties, re.M):
        problems.append(Problem(
            _shown(position), "в разделе «Должностные обязанности» нет ни одной обязанности",
            "перечислите обязанности списком, каждую с новой строки, начиная с «- »"))
    problems += _check_labels(position, body, first)
    return problems


def _section_text(body: str, heading: str) -> str:
    match = re.search(rf"^##[ \t]+{re.escape(heading)}[ \t]*$(.*?)(?=^##[ \t]|\Z)", body, re.M | re.S)
    return match.group(1) if match else ""


def _check_labels(position: Position, body: str, first: int) -> list[Problem]:
    problems, declared = [], {}
    for label, line in source_labels(body):
        if not VALID_LABEL.match(label):
            problems.append(Problem(
                _shown(position), f"метка пункта «{label}» недопустима", line=first + line - 1,
                fix="метка — латинские буквы, цифры и дефис, начиная с буквы: {#consult}"))
        elif label in declared:
            problems.append(Problem(
                _shown(position), f"метка пункта «{label}» уже стоит у пункта в строке {declared[label]}",
                "дайте этому пункту другую метку", line=first + line - 1))
        else:
            declared[label] = first + line - 1
    for label, line in source_references(body):
        if label not in declared:
            options = ", ".join(sorted(declared)) or "меток в файле нет"
            problems.append(Problem(
                _shown(position), f"ссылка на пункт [](#{label}) ведёт на несуществующую метку",
                f"поставьте метку {{#{label}}} в начале нужного пункта или исправьте ссылку ({options})",
                line=first + line - 1))
    return problems
