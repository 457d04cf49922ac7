"""Reading position files: bytes -> text -> front matter + body, with a problem for each way it can fail."""

from __future__ import annotations

import datetime as dt
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
    return position_from_bytes(path.read_bytes(), shown_as, src_path)


def position_from_bytes(raw: bytes, shown_as: str, src_path: str) -> tuple[Position | None, list[Problem]]:
    """A position file's content (from disk or from a commit) as a Position, or the problems reading it."""
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
        meta, lines, repeated = parse_front_matter(match.group(1) or "")
    except yaml.YAMLError as error:
        return None, [_broken_yaml(shown_as, error)]
    except ValueError as error:  # a date that does not exist, such as 2026-02-30
        return None, [_impossible_date(shown_as, match.group(1) or "", error)]
    if not isinstance(meta, dict):
        return None, [Problem(
            shown_as, "данные должности между строками --- должны быть списком полей «имя: значение», "
            f"а здесь {_kind(meta)}",
            "запишите каждое поле с новой строки в начале строки, например: title: Менеджер по продажам",
            line=2)]
    body = text[match.end():]
    body_line = text.count("\n", 0, match.end()) + 1
    problems = [Problem(
        shown_as, f"поле указано дважды (первый раз в строке {lines[key]}); YAML молча берёт последнее значение",
        "оставьте одну строку с этим полем", field=".".join(map(str, key)), line=line) for key, line in repeated]
    return Position(Path(src_path).stem, src_path, meta, body, body_line, lines), problems


def parse_front_matter(text: str) -> tuple[object, dict[tuple, int], list[tuple[tuple, int]]]:
    """The front matter's data; the file line of every field and list item in it (for messages);
    fields written twice, which YAML would silently overwrite."""
    try:
        return _parse_front_matter(text, YAML_LOADER)
    except yaml.YAMLError:
        # libyaml is fast but words its errors differently; the pure-Python parser's message and
        # position are the ones explained to HR, and it only runs for a broken file.
        return _parse_front_matter(text, yaml.SafeLoader)


def _parse_front_matter(text: str, loader_class) -> tuple[object, dict[tuple, int], list[tuple[tuple, int]]]:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    lines: dict[tuple, int] = {}
    repeated: list[tuple[tuple, int]] = []
    if node is not None:
        _collect_lines(node, (), lines, repeated)
    return data, lines, repeated


def _collect_lines(node: yaml.Node, path: tuple, lines: dict[tuple, int], repeated: list) -> None:
    # +2: the front matter starts on the second line of the file, and YAML marks are 0-based.
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if path + (key.value,) in lines:
                repeated.append((path + (key.value,), key.start_mark.line + 2))
                continue
            lines[path + (key.value,)] = key.start_mark.line + 2
            _collect_lines(value, path + (key.value,), lines, repeated)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[path + (index,)] = item.start_mark.line + 2
            _collect_lines(item, path + (index,), lines, repeated)


def _kind(value: object) -> str:
    if value is None:
        return "пусто"
    if isinstance(value, list):
        return "список (строки начинаются с «- »)"
    return f"одна строка текста «{str(value)[:40]}»"


def _not_utf8(shown_as: str, raw: bytes) -> Problem:
    hint = ""
    try:
        raw.decode("cp1251")
        hint = " — вероятно, он сохранён в кодировке Windows-1251 (cp1251)"
    except UnicodeDecodeError:
        pass
    return Problem(
        shown_as, f"файл не в кодировке UTF-8{hint}",
        "сохраните файл в UTF-8: в Блокноте — «Файл → Сохранить как», внизу «Кодировка: UTF-8»; "
        "в VS Code — щёлкните «Windows 1251» в строке состояния → «Reopen with Encoding: Windows 1251», "
        "затем «Save with Encoding: UTF-8»; в командной строке: "
        "iconv -f cp1251 -t utf-8 файл.md > новый.md. Проще всего править файлы в веб-интерфейсе git: "
        "он всегда сохраняет UTF-8", line=_first_bad_line(raw))


def _first_bad_line(raw: bytes) -> int:
    """The first line that is not valid UTF-8, so HR knows where to look."""
    for number, line in enumerate(raw.split(b"\n"), 1):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            return number
    return 1


# What PyYAML's English reasons usually mean for someone editing front matter.
YAML_REASONS = {
    "mapping values are not allowed here": "двоеточие внутри значения",
    "could not find expected ':'": "после имени поля нет двоеточия",
    "cannot start any token": "табуляция или недопустимый знак в начале значения",
    "expected <block end>": "неровный отступ",
    "found undefined alias": "значение начинается со знака *",
    "found unexpected end of stream": "не закрыта кавычка или скобка",
    "while scanning a quoted scalar": "не закрыта кавычка",
}


def _broken_yaml(shown_as: str, error: yaml.YAMLError) -> Problem:
    mark = getattr(error, "problem_mark", None)
    # +2: the YAML text starts on the second line of the file, and marks are 0-based.
    line = mark.line + 2 if mark is not None else None
    reason = getattr(error, "problem", None) or str(error)
    context = getattr(error, "context", None) or ""
    meaning = next((ru for en, ru in YAML_REASONS.items() if en in reason or en in context), None)
    shown_reason = f"{meaning} ({reason})" if meaning else reason
    return Problem(
        shown_as, f"данные должности (front matter) не читаются как YAML: {shown_reason}",
        "проверьте эту строку: после имени поля — двоеточие и пробел; значение с двоеточием или # "
        "возьмите в кавычки; отступы только пробелами",
        line=line)


def _impossible_date(shown_as: str, front_matter: str, error: ValueError) -> Problem:
    line = None
    for number, text in enumerate(front_matter.splitlines(), 2):
        found = re.search(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
        if found:
            try:
                dt.date(*map(int, found.groups()))
            except ValueError:
                line = number
                break
    return Problem(
        shown_as, f"такой даты не бывает ({error})",
        "запишите существующую дату в виде год-месяц-день, например: approved: 2026-02-27", line=line)
