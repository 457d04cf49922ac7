"""Clauses and sub-items of a Word instruction's section, nested only where the document nests them.

Lines are given as the reader delivers them (text, with a typed number); the outline is what the
position file gets: clauses, their sub-items, and the places the import must name as uncertain.
"""

from __future__ import annotations

import pytest

from macros.commands.word_import.reading import Line
from macros.commands.word_import.structure import shape_of


def outline(*texts: str):
    lines = [Line(1, "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ кассира"), Line(2, "II. ДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ", bold=True)]
    lines += [Line(index, text) for index, text in enumerate(texts, start=3)]
    shape = shape_of(lines)
    clauses = [(c.text, [i.text for i in c.items]) for c in shape.sections[0].clauses]
    return clauses, [line.paragraph for line, _ in shape.doubts]


CASES = {
    "typed «1)» after a section heading are siblings": (
        ["1) Принимает оплату.", "2) Выдаёт чеки.", "3) Сдаёт выручку."],
        [("Принимает оплату.", []), ("Выдаёт чеки.", []), ("Сдаёт выручку.", [])], []),
    "«2.1.1.» under «2.1.» nests by its number": (
        ["2.1. Ведёт кассу.", "2.1.1. наличные;", "2.1.2. карты.", "2.2. Сдаёт выручку."],
        [("Ведёт кассу.", ["наличные;", "карты."]), ("Сдаёт выручку.", [])], []),
    "letters after a clause that announces them": (
        ["2.1. Проверяет:", "а) купюры;", "б) сдачу.", "2.2. Сдаёт выручку."],
        [("Проверяет:", ["купюры;", "сдачу."]), ("Сдаёт выручку.", [])], []),
    "«1)» after a clause that announces nothing is a doubt": (
        ["2.1. Ведёт кассу.", "1) Выдаёт чеки.", "2.2. Сдаёт выручку."],
        [("Ведёт кассу.", ["Выдаёт чеки."]), ("Сдаёт выручку.", [])], [4]),
    "a gap in typed numbers is a doubt": (
        ["2.1. Ведёт кассу.", "2.2. Выдаёт чеки.", "2.4. Сдаёт выручку."],
        [("Ведёт кассу.", []), ("Выдаёт чеки.", []), ("Сдаёт выручку.", [])], [5]),
    "plain paragraphs under a heading are clauses, after an intro": (
        ["Кассир обязан:", "Принимать оплату.", "Выдавать чеки."],
        [("Принимать оплату.", []), ("Выдавать чеки.", [])], []),
    "a paragraph without a number after a finished clause is a doubt": (
        ["2.1. Ведёт кассу.", "Сверяет остаток в конце смены.", "2.2. Сдаёт выручку."],
        [("Ведёт кассу.", []), ("Сдаёт выручку.", [])], [4]),
    "dashes under a clause are its sub-items": (
        ["2.1. Ведёт кассу", "— принимает оплату;", "— выдаёт чеки.", "2.2. Сдаёт выручку."],
        [("Ведёт кассу", ["принимает оплату;", "выдаёт чеки."]), ("Сдаёт выручку.", [])], []),
}


@pytest.mark.parametrize("texts, clauses, doubts", CASES.values(), ids=CASES.keys())
def test_nesting_follows_the_document(texts, clauses, doubts):
    assert outline(*texts) == (clauses, doubts)
