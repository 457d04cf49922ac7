"""Checks of the text below the front matter: the skeleton of an instruction, duties, clause labels, and
headings written without their space («##Права», which Markdown reads as text)."""

from __future__ import annotations

import re

from ..model.markup import (CROSS_REFERENCE, GENERATED_ID, INSTRUCTION_MACROS, VALID_LABEL, source_labels,
                            source_references)
from ..model.positions import Position
from ..model.problems import Problem

REQUIRED_SECTIONS = ("Общие положения", "Должностные обязанности", "Права", "Ответственность")
HEADING = re.compile(r"^##[ \t]+(.+?)[ \t]*$", re.M)
LIST_ITEM = re.compile(r"^[-*+][ \t]+\S", re.M)
GLUED = re.compile(r"^(#{1,6})([^\W\d_][^\n]*?)[ \t]*$", re.M)
FENCE = re.compile(r"^(```|~~~)", re.M)
# A first-level heading (# …, or a line underlined with ===), also inside a list item or a quote: the page shows
# it, while print, PDF and Word leave every h1 out (the document's title is the build's, from `title`).
# «Справка» is the one block print, PDF and Word leave out; the screen tells it by its title alone (or by the
# title the Word import gives what it could not place, for HR to move and delete).
BLOCK = re.compile(r'^[ \t>]*(!!!|\?\?\?\+?)[ \t]+([^"\n]*?)[ \t]*(?:"([^"\n]*)")?[ \t]*$', re.M)
REFERENCE = '!!! reference "Справка"'
IMPORT_LEFTOVERS = "Не распознано при импорте: перенесите нужное в инструкцию и удалите этот блок"
FIRST_LEVEL = re.compile(r"^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)*#(?!#)|^[^\n]*\S[^\n]*\n {0,3}=+[ \t]*$", re.M)


def check_body(position: Position) -> list[Problem]:
    if not position.body.strip():
        return [position.problem(
            "ниже данных должности (после второй строки ---) нет текста инструкции",
            "создайте файл командой python3 -m macros.new_position или скопируйте образец со страницы сайта «Файл должности» (docs/guide/position-file.md)",
            line=position.body_line)]
    glued, named = _glued_headings(position)
    return (glued + _first_level_headings(position) + _reference_blocks(position) + _check_skeleton(position, named)
            + _check_duties(position) + _check_labels(position))


def _reference_blocks(position: Position) -> list[Problem]:
    return [position.problem(
        f"блок «{found.group(0).strip()}»: блок reference не печатается (его нет в PDF и Word), и на странице его "
        f"отличает только заголовок «Справка»", f"напишите ровно {REFERENCE}; если текст должен быть в подписанной "
        "инструкции, сделайте его обычным пунктом", line=_line(position, found.start()))
        for found in BLOCK.finditer(position.body) if _disguised(*found.groups())
        and not len(FENCE.findall(position.body, 0, found.start())) % 2]


def _disguised(marker: str, types: str, title: str | None) -> bool:
    """A reference block not written as the one form the page marks as not printed."""
    plain = marker == "!!!" and types == "reference" and title in ("Справка", IMPORT_LEFTOVERS)
    return "reference" in types.split() and not plain


def _first_level_headings(position: Position) -> list[Problem]:
    problems = []
    for found in FIRST_LEVEL.finditer(position.body):
        if len(FENCE.findall(position.body, 0, found.start())) % 2 or GLUED.match(position.body, found.start()):
            continue  # inside a code block: shown as written; «#Права» has its own message above
        line = _line(position, found.start()) + found.group(0).count("\n")  # an underline: the line of ===
        problems.append(position.problem(
            "заголовок первого уровня (строка «# …» или подчёркнутая «===») в тексте инструкции: на странице он "
            "заменяет заголовок должности, а в печати, PDF и Word его нет — заголовок документа пишет сборка",
            "разделы пишутся «## Название раздела»; если строка должна начинаться со знака #, поставьте перед ним "
            "обратную косую черту: \\#", line=line))
    return problems


def _glued_headings(position: Position) -> tuple[list[Problem], set[str]]:
    """«##Права»: the problems, and the section names they explain."""
    problems, sections = [], set()
    for found in GLUED.finditer(position.body):
        if len(FENCE.findall(position.body, 0, found.start())) % 2:
            continue  # inside a code block: shown as written
        marks, title = found.groups()
        sections.add(title.strip())
        problems.append(position.problem(
            f"«{found.group(0).strip()}» не читается как заголовок: после {marks} нет пробела",
            f"напишите «{marks} {title.strip()}» (пробел между {marks} и названием раздела)",
            line=_line(position, found.start())))
    return problems, sections


def _line(position: Position, offset: int) -> int:
    """The file line of a character offset in the body."""
    return position.body_line + position.body.count("\n", 0, offset)


def _check_skeleton(position: Position, glued: set[str]) -> list[Problem]:
    problems = []
    headings = {m.group(1) for m in HEADING.finditer(position.body)} | glued  # a glued heading has its own message
    for section in REQUIRED_SECTIONS:
        if section not in headings:
            problems.append(position.problem(
                f"нет раздела «{section}»",
                f"добавьте строку «## {section}» и под ней список пунктов, порядок разделов: "
                + ", ".join(REQUIRED_SECTIONS)))
    for name in INSTRUCTION_MACROS:
        if not re.search(r"\{\{-?\s*" + name + r"\(\s*\)\s*-?\}\}", position.body):
            problems.append(position.problem(
                f"нет строки {{{{ {name}() }}}} — без неё инструкция неполная",
                "верните строку на её место по образцу на странице сайта «Файл должности» (docs/guide/position-file.md)"))
    return problems


def _check_duties(position: Position) -> list[Problem]:
    headings = list(HEADING.finditer(position.body))
    for heading, following in zip(headings, [*headings[1:], None]):
        if heading.group(1) != "Должностные обязанности":
            continue
        if LIST_ITEM.search(position.body, heading.end(), following.start() if following else len(position.body)):
            return []
        return [position.problem(
            "в разделе «Должностные обязанности» нет ни одной обязанности",
            "перечислите обязанности списком под заголовком, каждую с новой строки, начиная с «- »",
            line=_line(position, heading.start()))]
    return []  # no such section: reported by _check_skeleton


def _check_labels(position: Position) -> list[Problem]:
    problems, declared = [], {}
    first = position.body_line
    for label, line in source_labels(position.body):
        line = first + line - 1
        if not VALID_LABEL.match(label):
            problems.append(position.problem(
                f"метка пункта «{{#{label}}}» недопустима", line=line,
                fix="метка — латинские буквы, цифры и дефис, начиная с буквы, например {#consult}"))
        elif GENERATED_ID.match(label):
            problems.append(position.problem(
                f"метка пункта «{{#{label}}}» совпадает с адресом, который сборка сама даёт "
                "разделу или пункту: ссылки вели бы не туда", line=line,
                fix="дайте метке слово по смыслу пункта, например {#consult}, и поправьте ссылки на неё"))
        elif label in declared:
            problems.append(position.problem(
                f"метка пункта «{{#{label}}}» уже стоит у пункта в строке {declared[label]}",
                "дайте этому пункту другую метку и поправьте ссылки [](#…), которые должны вести на него", line=line))
        else:
            declared[label] = line
    for target, line in source_references(position.body):
        problems += _check_reference(position, target, first + line - 1, declared)
    return problems


def _check_reference(position: Position, target: str, line: int, declared: dict) -> list[Problem]:
    """An empty link is a clause reference; anything else would print as an empty link."""
    if target.startswith("#"):
        if target[1:] in declared:
            return []
        options = ", ".join(sorted(declared)) or "в этом файле меток нет"
        return [position.problem(
            f"ссылка на пункт [](#{target[1:]}) ведёт на несуществующую метку",
            f"поставьте метку {{#{target[1:]}}} в начале нужного пункта или исправьте ссылку (метки файла: {options})",
            line=line)]
    if CROSS_REFERENCE.match(target):
        return []  # a clause of another position: checked with all positions in relations.py
    return [position.problem(
        f"ссылка [](…{target[-40:]}) без текста: на странице была бы пустой",
        "напишите текст ссылки в квадратных скобках: [текст](адрес); ссылка на пункт — [](#метка), "
        "на пункт другой должности — [](имя-файла.md#метка)", line=line)]
