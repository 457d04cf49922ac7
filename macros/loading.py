"""Reading position files: bytes -> text -> front matter + body, with a problem for each way it can fail."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from .positions import Position, Staff, position_files
from .problems import Problem

# libyaml's loader when PyYAML has it: ten times faster than the pure-Python one (what MkDocs uses too).
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.S)


def load_staff(docs_dir: Path) -> tuple[Staff, list[Problem]]:
    """Read every position file; return the positions that could be read and all problems."""
    staff = Staff()
    problems: list[Problem] = []
    for path in position_files(docs_dir):
        rel = path.relative_to(docs_dir.parent).as_posix() if docs_dir.parent in path.parents else str(path)
        position, found = read_position(path, rel, path.relative_to(docs_dir).as_posix())
        problems += found
        if position is not None:
            staff.positions[position.slug] = position
    return staff, problems


def read_position(path: Path, shown_as: str, src_path: str) -> tuple[Position | None, list[Problem]]:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None, [_not_utf8(shown_as, raw)]
    match = FRONT_MATTER.match(text)
    if not match:
        return None, [Problem(
            shown_as, "нет блока с данными должности (front matter) в начале файла",
            "первая строка файла — три дефиса ---, затем поля (title: …, department: …), затем снова ---",
            line=1)]
    try:
        meta = yaml.load(match.group(1) or "", Loader=YAML_LOADER)
    except yaml.YAMLError as error:
        return None, [_broken_yaml(shown_as, error)]
    if not isinstance(meta, dict):
        return None, [Problem(
            shown_as, "данные должности между строками --- должны быть списком полей «имя: значение»",
            "запишите каждое поле с новой строки, например: title: Менеджер по продажам", line=2)]
    body = text[match.end():]
    body_line = text.count("\n", 0, match.end()) + 1
    return Position(path.stem, src_path, meta, body, body_line), []


def _not_utf8(shown_as: str, raw: bytes) -> Problem:
    hint = ""
    try:
        raw.decode("cp1251")
        hint = " — вероятно, он сохранён в кодировке Windows-1251 (cp1251)"
    except UnicodeDecodeError:
        pass
    return Problem(
        shown_as, f"файл не в кодировке UTF-8{hint}",
        "откройте файл в редакторе и сохраните его в кодировке UTF-8 "
        "(«Сохранить как» → Кодировка: UTF-8; в командной строке: iconv -f cp1251 -t utf-8)")


def _broken_yaml(shown_as: str, error: yaml.YAMLError) -> Problem:
    mark = getattr(error, "problem_mark", None)
    # +2: the YAML text starts on the second line of the file, and marks are 0-based.
    line = mark.line + 2 if mark is not None else None
    reason = getattr(error, "problem", None) or str(error)
    return Problem(
        shown_as, f"данные должности (front matter) не читаются как YAML: {reason}",
        "проверьте эту строку: после имени поля — двоеточие и пробел; значение с двоеточием или # "
        "возьмите в кавычки; отступы только пробелами",
        line=line)
