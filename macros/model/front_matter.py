"""Front matter: the YAML block between the two `---` lines, read as plain data with a line for every field.

Anchors and aliases can expand a few lines into gigabytes and tags ask the loader for objects, so the
block is first scanned as YAML events and refused (with the line and the fix) if it has any or is too large.
"""

from __future__ import annotations

import datetime as dt
import re

import yaml

from .problems import Problem

# libyaml's loader when PyYAML has it, as MkDocs does: faster than the pure-Python one.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.S)
# A real position's front matter is 1–2 KB; anything near this is not a position.
MAX_BYTES = 64 * 1024
MARKERS = {"alias": ("*", "ссылку"), "anchor": ("&", "якорь"), "tag": ("!", "тег")}


class NotPlainData(ValueError):
    """The front matter uses YAML beyond plain data, or is too large: (message, fix, line)."""


def split_front_matter(text: str, shown_as: str):
    """(front matter, its lines, fields written twice, body, body's first line) of a page; None for a page
    without the block; the Problem of a block that does not read."""
    match = FRONT_MATTER.match(text)
    if not match:
        return None
    block = match.group(1) or ""
    try:
        meta, lines, repeated = parse_front_matter(block)
    except NotPlainData as error:
        message, fix, line = error.args
        return Problem(shown_as, message, fix, line=line)
    except yaml.YAMLError as error:
        return _broken_yaml(shown_as, block, error)
    except ValueError as error:  # a date such as 2026-02-30
        return _impossible_date(shown_as, block, error)
    return meta, lines, repeated, text[match.end():], text.count("\n", 0, match.end()) + 1


def check_plain_data(text: str) -> None:
    """Raise NotPlainData for a block that is too large or uses anchors, aliases or tags."""
    size = len(text.encode("utf-8"))
    if size > MAX_BYTES:
        raise NotPlainData(
            f"блок данных должности слишком большой ({size // 1024} КБ; обычно 1–2 КБ)",
            "оставьте между строками --- только поля должности; длинный текст пишется ниже, в тексте инструкции",
            2)
    if not any(marker in text for marker, _ in MARKERS.values()):
        return
    try:
        events = list(yaml.parse(text, Loader=YAML_LOADER))
    except yaml.YAMLError:
        return  # broken YAML: parse_front_matter explains it with the line
    for event in events:
        kind = ("alias" if isinstance(event, yaml.AliasEvent) else "anchor" if getattr(event, "anchor", None)
                else "tag" if getattr(event, "tag", None) else None)
        if kind:
            marker, name = MARKERS[kind]
            raise NotPlainData(
                f"значение начинается со знака {marker}: YAML читает его как служебную разметку ({name}), "
                "а не как текст",
                f"возьмите значение в кавычки, например: title: \"{marker}…\"; ссылки, якоря и теги YAML "
                "в данных должности не используются", event.start_mark.line + 2)


def parse_front_matter(text: str) -> tuple[object, dict[tuple, int], list[tuple[tuple, int]]]:
    """The front matter's data; the file line of every field and list item in it (for messages);
    fields written twice, which YAML would silently overwrite."""
    check_plain_data(text)
    try:
        return _parse_front_matter(text, YAML_LOADER)
    except yaml.YAMLError:
        # libyaml words its errors differently: the pure-Python parser's are the ones explained to HR.
        return _parse_front_matter(text, yaml.SafeLoader)


def _parse_front_matter(text: str, loader_class) -> tuple[object, dict[tuple, int], list[tuple[tuple, int]]]:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    lines, repeated = {}, []
    if node is not None:
        # +2: the front matter starts on the second line of the file, and YAML marks are 0-based.
        collect_lines(node, (), lines, repeated, first_line=2)
    return data, lines, repeated


def collect_lines(node: yaml.Node, path: tuple, lines: dict[tuple, int], repeated: list, first_line: int) -> None:
    """The file line of every field and list item under `node`, keyed by its path; keys written twice."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if path + (key.value,) in lines:
                repeated.append((path + (key.value,), key.start_mark.line + first_line))
                continue
            lines[path + (key.value,)] = key.start_mark.line + first_line
            collect_lines(value, path + (key.value,), lines, repeated, first_line)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[path + (index,)] = item.start_mark.line + first_line
            collect_lines(item, path + (index,), lines, repeated, first_line)


def kind_of(value: object) -> str:
    if value is None:
        return "пусто"
    if isinstance(value, list):
        return "список (строки начинаются с «- »)"
    return f"одна строка текста «{str(value)[:40]}»"


# What PyYAML's English reasons usually mean for someone editing front matter.
YAML_REASONS = {
    "mapping values are not allowed here": "двоеточие внутри значения",
    "could not find expected ':'": "после имени поля нет двоеточия",
    "cannot start any token": "табуляция или недопустимый знак в начале значения",
    "expected <block end>": "неровный отступ",
    "found undefined alias": "значение начинается со знака *",
    "found unexpected end of stream": "не закрыта кавычка или скобка",
    "while scanning a quoted scalar": "не закрыта кавычка",
    "while scanning an alias": "значение начинается со знака *",
    "while scanning an anchor": "значение начинается со знака &",
    "mapping keys are not allowed here": "значение начинается со знака ?",
    "sequence entries are not allowed here": "значение начинается с «- »: список пишется с новой строки",
}
# Errors PyYAML notices only where the next field begins; the line HR must fix is where the construct
# started (its context mark): a key without its colon, an unclosed quote or bracket.
STARTED_THERE = {
    "while scanning a simple key": "после имени поля нет двоеточия",
    "while scanning a quoted scalar": "не закрыта кавычка",
    "while parsing a flow sequence": "не закрыта квадратная скобка: список [ … ] пишется в одну строку",
    "while parsing a flow mapping": "не закрыта фигурная скобка: набор { … } пишется в одну строку",
}
VALUE_START = re.compile(r"^\s*(?:-\s+)?(?:[^\s:#\"'][^:#]*:\s+)?([\"'])")


def _broken_yaml(shown_as: str, text: str, error: yaml.YAMLError) -> Problem:
    mark = getattr(error, "problem_mark", None)
    reason = getattr(error, "problem", None) or str(error)
    context = getattr(error, "context", None) or ""
    meaning = next((ru for en, ru in YAML_REASONS.items() if en in reason or en in context), None)
    started = next((ru for en, ru in STARTED_THERE.items() if context.startswith(en)), None)
    quote = _unclosed_quote(text, mark.line if mark is not None else None)
    if quote is not None:  # a quote left open swallows the lines after it; YAML complains far below
        mark, meaning = quote, "не закрыта кавычка: значение продолжается на следующих строках"
    elif started and getattr(error, "context_mark", None) is not None:
        mark, meaning = error.context_mark, started
        written = (text.splitlines()[mark.line:] or [""])[0]
        if started.startswith("после имени поля") and re.match(r"^\s*[^\s:]+:\S", written):
            meaning = "после двоеточия нет пробела"
    written = (text.splitlines()[mark.line:] or [""])[0] if not isinstance(mark, (int, type(None))) else ""
    if meaning == YAML_REASONS["mapping values are not allowed here"] and re.match(r"^\s+[^\s:#]+:(\s|$)", written):
        meaning = "строка поля начинается с пробела: поле первого уровня пишется с начала строки"
    # +2: the YAML text starts on the second line of the file, and marks are 0-based.
    line = (mark if isinstance(mark, int) else mark.line) + 2 if mark is not None else None
    shown_reason = f"{meaning} ({reason})" if meaning else reason
    return Problem(
        shown_as, f"данные должности (front matter) не читаются как YAML: {shown_reason}",
        "проверьте эту строку: после имени поля — двоеточие и пробел; значение с двоеточием или #, а также "
        "начинающееся со знака * & @ ` % ? или «- », возьмите в кавычки и закройте кавычку в конце той же строки; "
        "отступы только пробелами",
        line=line)


def _unclosed_quote(text: str, before: int | None) -> int | None:
    """The 0-based line, at or before the error, whose value opens a quote it does not close."""
    for number, line in enumerate(text.splitlines()):
        if before is not None and number > before:
            break
        opened = VALUE_START.match(line)
        if opened and opened.group(1) not in line[opened.end():].replace('\\"', ""):
            return number
    return None


def _impossible_date(shown_as: str, front_matter: str, error: ValueError) -> Problem:
    """A date YAML recognised but the calendar has not (2026-02-30, 2026-13-01): its line, its field, why."""
    for number, text in enumerate(front_matter.splitlines(), 2):
        found = re.search(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
        if not found:
            continue
        year, month, day = map(int, found.groups())
        try:
            dt.date(year, month, day)
        except ValueError:
            key = re.match(r"[ \t]*(?:-[ \t]+)?([\w-]+):", text)
            field = key.group(1) if key else "approved"
            why = (f"месяца {month} нет, месяцы — от 01 до 12" if not 1 <= month <= 12 else
                   f"в этом месяце нет {day}-го числа" if day else "дня 00 нет")
            return Problem(
                shown_as, f"такой даты не бывает: {found.group(0)} — {why}",
                f"запишите существующую дату в виде год-месяц-день, например: {field}: {year}-02-27",
                field=field if key else None, line=number)
    return Problem(shown_as, f"такой даты не бывает ({error})",
                   "запишите существующую дату в виде год-месяц-день, например: approved: 2026-02-27")
