"""Tables as HR pastes them from Word: a merged header cell, a missing «|---|» row or a row with a cell more.
The git preview and the site then agree, but on something HR did not mean: lines of text with «|» signs, or a
cell that neither shows. Each is named on its line with the row to write."""

from __future__ import annotations

import re

from ..model.positions import Position
from ..model.problems import Problem

DELIMITER = re.compile(r"[ \t>]*+\|?[ \t]*+:?-++:?[ \t]*+(?:\|[ \t]*+:?-++:?[ \t]*+)*+\|?[ \t]*+")
PIPE_ROW = re.compile(r"[ \t>]*+\|.*\|[ \t]*+")


def check_tables(position: Position, text: str) -> list[Problem]:
    """`text`: the body with its code blanked (same lines)."""
    if "|" not in text:
        return []  # most positions have no table
    problems, block = [], []
    for number, line in enumerate(text.split("\n") + [""]):
        if line.strip():
            block.append((number, line))
        elif block:
            problems += _block(position, block)
            block = []
    return problems


def _block(position: Position, block: list[tuple[int, str]]) -> list[Problem]:
    rule = next((i for i, (_, line) in enumerate(block) if i and "|" in line and DELIMITER.fullmatch(line)), None)
    if rule is None:
        rows = [(number, line) for number, line in block if PIPE_ROW.fullmatch(line)]
        if len(rows) < 2:
            return []
        return [_problem(position, rows[0][0], "строки со знаками «|» — не таблица: под первой строкой нет строки "
                         "«|---|---|»; предпросмотр git и сайт покажут их текстом со знаками «|»",
                         f"вставьте под строкой заголовка строку {_rule(_cells(rows[0][1]))}")]
    header, columns = _cells(block[rule - 1][1]), _cells(block[rule][1])
    if header != columns:
        return [_problem(position, block[rule - 1][0],
                         f"таблица не читается: в строке заголовка столбцов {header}, а в строке «{block[rule][1].strip()}» "
                         f"— {columns}; предпросмотр git и сайт покажут её текстом со знаками «|»",
                         "объединённых ячеек в таблице Markdown не бывает: напишите название над каждым столбцом, а под "
                         f"заголовком — по «---» на столбец: {_rule(max(header, columns))}")]
    return [_problem(position, number, f"в строке таблицы ячеек {cells}, а столбцов {columns}: лишние ячейки не видны "
                     "ни в предпросмотре git, ни на сайте",
                     "перенесите их текст в ячейки своих столбцов или добавьте столбец и в заголовок, и в строку «|---|»")
            for number, line in block[rule + 1:] if (cells := _cells(line)) > columns]


def _cells(line: str) -> int:
    row = line.strip().lstrip(">").strip().replace("\\|", "")
    return row.removeprefix("|").removesuffix("|").count("|") + 1


def _rule(columns: int) -> str:
    return "|" + "---|" * columns


def _problem(position: Position, number: int, message: str, fix: str) -> Problem:
    return position.problem(message, fix, line=position.body_line + number)
