"""How HR writes a value the print would show otherwise than meant: wrapped whole in «ёлочки», with the words the
template puts around it («высшее образование» in «требуется {education} образование»), with a capital letter
mid-sentence, a title in lower case or with a full stop, «№» or the date in an order's number."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml

from ..model.positions import Position
from ..model.problems import Problem


def check_values(position: Position) -> list[Problem]:
    return _typographic_quotes(position) + _inserted_values(position) + _document_numbers(position)


@cache
def _example(key: str) -> str:
    schema = yaml.safe_load(Path(__file__).with_name("position_schema.yaml").read_text(encoding="utf-8"))
    return schema["properties"][key]["x-fix"]


# Values the general provisions insert into a sentence («требуется {education} образование и стаж работы
# {experience}»): the word around them is the template's, and they stand mid-sentence.
INSERTED = {"education": ("образован", "образование"), "experience": ("стаж", "стаж работы")}
MID_SENTENCE = ("genitive", "dative", "education", "experience")
# A word ending in a consonant, «й» or «ь» changes in every case («менеджер», «главный»); a title of words ending
# in a vowel may not change at all («бариста», «атташе», «крупье»), and then a copy is the right case.
DECLINED = re.compile(r"[бвгджзйклмнпрстфхцчшщь](?![^\W\d_])", re.I)  # «на должность {genitive}», «{dative} подчиняются»


def _inserted_values(position: Position) -> list[Problem]:
    problems = []
    for key, (stem, words) in INSERTED.items():
        value = position.meta.get(key)
        if not isinstance(value, str) or not value.strip():
            continue
        value = value.strip()
        if stem in value.casefold():
            problems.append(position.problem(
                f"значение «{value}» вставляется в предложение «…требуется {{{key}}} образование и стаж работы …»: "
                f"слова «{words}» сборка пишет сама, в печати они повторились бы",
                f"напишите только то, что стоит на месте {{{key}}}, например: {_example(key)}",
                key))
    title = position.meta.get("title")
    for key, case in (("genitive", "родительном (кого? чего?)"), ("dative", "дательном (кому? чему?)")):
        value = position.meta.get(key)
        if isinstance(value, str) and isinstance(title, str) and value.strip().casefold() == title.strip().casefold() \
                and DECLINED.search(title):
            problems.append(position.problem(
                f"значение «{value.strip()}» совпадает с наименованием: здесь оно нужно в {case} падеже, со строчной буквы",
                f"например: {_example(key)}", key))
    for key in MID_SENTENCE:
        value = position.meta.get(key)
        if isinstance(value, str) and value.strip()[:1].isupper() and value.strip()[1:2].islower() \
                and not (isinstance(title, str) and value.strip().casefold() == title.strip().casefold()):
            value = value.strip()
            problems.append(position.problem(
                f"значение «{value}» начинается с заглавной буквы, а вставляется в середину предложения",
                f"напишите со строчной: {key}: {value[0].lower()}{value[1:]}", key))
    if isinstance(title, str) and title.strip() and (title.strip()[0].islower() or title.strip().endswith(".")):
        title = title.strip()
        fixed = (title[0].upper() + title[1:]).rstrip(".")
        problems.append(position.problem(
            f"наименование «{title}» " + ("начинается со строчной буквы" if title[0].islower() else "кончается точкой")
            + ": так оно стояло бы в заголовке страницы, в меню и в грифе", f"напишите title: {fixed}", "title"))
    return problems


def _document_numbers(position: Position) -> list[Problem]:
    """A document's number as the stamp prints it after «№» and the date: «№ 152-ОД», not «№ № 152-ОД от …»."""
    places = [((), position.meta)] + [(("history", i), entry) for i, entry in position.entries("history")]
    problems = []
    for path, fields in places:
        approval = fields.get("approval")
        for key in ("number", "protocol"):
            number = approval.get(key) if isinstance(approval, dict) else None
            extra = re.match(r"\s*+(?:№|N\s|No\.?\s)\s*+", number) if isinstance(number, str) else None
            dated = re.search(r"(?<=\s)от(?=[\s\d]|$)", number) if isinstance(number, str) else None
            if extra or dated:
                bare = number[extra.end() if extra else 0:dated.start() if dated else len(number)].strip()
                where = f"запись {path[1] + 1}: " if path else ""
                problems.append(position.problem(
                    f"{where}номер «{number}»: знак № и дату гриф пишет сам (дату — из approved), в печати они "
                    "повторились бы", f"оставьте только номер: {key}: {bare}", *path, "approval", key))
    return problems


# Quotes a word processor or the keyboard's Russian layout types: YAML takes them for part of the text.
QUOTED = re.compile(r"[«“„”]([^«»“”„\n]*+)[»”“]")
FREE_TEXT = ("changes", "appointment_note", "governing_documents")  # a quotation may be what HR means there


def _typographic_quotes(position: Position) -> list[Problem]:
    """A value wrapped whole in «…» or “…”: meant as YAML's quotes, it would be printed with them."""
    problems = []
    for key, value in position.meta.items():
        values = [(i, v) for i, v in enumerate(value)] if isinstance(value, list) else [(None, value)]
        for index, item in values:
            found = QUOTED.fullmatch(item.strip()) if isinstance(item, str) and key not in FREE_TEXT else None
            if found:
                path = (key,) if index is None else (key, index)
                problems.append(position.problem(
                    f"значение «{item.strip()}» целиком в кавычках «» или “”: YAML считает их частью текста, "
                    "и они попали бы на сайт и в печать",
                    f"уберите эти кавычки: {key}: {found.group(1)}" if index is None else
                    f"уберите эти кавычки: {found.group(1)}", *path))
    return problems
