"""Markdown texts for comparing two readings of the git preview (tests/test_preview_cmark.py): every page in
docs/, every string written in the tests (HR's mistakes, hostile input, the preview's own cases) alone and
as a clause of a real position, and lists built systematically from the ways HR writes them."""

from __future__ import annotations

import ast
import itertools
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "docs/positions/recruiter.md"
OWN = {"preview_corpus.py", "preview_markdown_it.py", "test_preview_cmark.py"}  # the comparison's own cases


def body(text: str) -> str:
    """A page without its front matter, as the build reads it."""
    if text.startswith("---\n") and "\n---\n" in text[4:]:
        return text[4:].split("\n---\n", 1)[1]
    return text


def pages() -> list[tuple[str, str]]:
    return [(str(path.relative_to(ROOT)), body(path.read_text(encoding="utf-8")))
            for path in sorted((ROOT / "docs").rglob("*.md"))]


def test_strings() -> list[tuple[str, str]]:
    """Every string constant in tests/*.py that could be Markdown, alone and put into a position's duties."""
    found: dict[str, str] = {}
    for path in sorted((ROOT / "tests").glob("*.py")):
        if path.name in OWN:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.strip():
                found.setdefault(node.value, f"{path.name}:{node.lineno}")
    host = body((ROOT / HOST).read_text(encoding="utf-8"))
    anchor = "\n## Права"
    texts = []
    for text, where in found.items():
        texts.append((where, text))
        if anchor in host and ("\n" in text or text.lstrip().startswith(("-", "*", "+", "|", "1", "#", ">"))):
            texts.append((f"{where} in {HOST}", host.replace(anchor, "\n" + text + "\n" + anchor, 1)))
    return texts


MARKERS = ["-", "*", "+", "1.", "1)"]
GAPS = ["", "\n"]  # between a list and the line above it, and between items


def systematic() -> list[tuple[str, str]]:
    """Lists as HR writes them: every marker, indents of 0–5 spaces and tabs, right under text or not,
    nested three deep, tables under items, blank lines between items, lazy continuation lines."""
    texts = []
    indents = ["", " ", "  ", "   ", "    ", "     ", "\t", " \t", "  \t"]
    for marker, sub, gap, between in itertools.product(MARKERS, MARKERS, GAPS, GAPS):
        for indent in indents:
            texts.append(f"## Обязанности\nВедёт:\n{gap}{marker} Первый пункт\n{indent}{sub} вложенный\n"
                         f"{indent}{indent}{sub} третий уровень\n{between}{marker} Второй пункт\nленивое продолжение\n")
            texts.append(f"## Обязанности\n\n{marker} Ведёт реестр:\n{indent}| А | Б |\n{indent}|---|---|\n"
                         f"{indent}| 1 | 2 |\n{between}{marker} Готовит отчёты\n{indent}текст пункта\n")
            texts.append(f"## Права\n{gap}{indent}{marker} {{#label}} Пункт *с* `кодом` и [ссылкой](#x)\n"
                         f"{indent}{indent}{sub} подпункт\n{between}{indent}{marker}\tс табуляцией\n\n"
                         f"{indent}> цитата\n{indent}> {sub} в цитате\n")
    for indent, fence in itertools.product(["", "  ", "    "], ["```", "~~~"]):
        texts.append(f"## Обязанности\n\n- Пункт\n{indent}{fence}\n{indent}- не пункт\n{indent}{fence}\n- Второй\n")
        texts.append(f"## Обязанности\n\n- Пункт\n\n{indent}<div>\n{indent}- в HTML\n{indent}</div>\n\n- Второй\n")
        texts.append(f"[x]: /url\n## Обязанности\n- [x] пункт\n{indent}[y]: /y\n- [y]\n{indent}***\n- Третий\n"
                     f"Заголовок\n---\n- после\n")
    return texts


# Where CommonMark's corners are: each line is put into a clause, as its own clause and under a heading.
CORNERS = [
    "Ведёт &laquo;учёт&raquo; &amp; &#1025;лку &bogus; &#0;", "<http://x.ru> и <a@b.ru> и www.x.ru", "a <!--> b --> c",
    "a <!---> b", "<!-- c -->\n  Ведёт", "Ведёт\n  <span>\n  учёт", "*учёт*$ и **кадров**€ и _x_ и __y__",
    "[учёт][ref] и [ref] и [x]()", "[учёт](<a b>) [c](d \"t\") ![i](x)", "[вложенная [ссылка](#a)](#b)",
    "`a\nb` и ``c``", "a\\\nb и a  \nb", "{#a-b_c} Пункт", "  {#x}  Пункт", "{#1x} Пункт", "\\{#x} Пункт",
    "[служебные](mailto:a@b.ru)", "[x](javascript:alert(1))", "[x](vbscript:1)", "[x](file:///etc)",
    "[x](data:text/html,1)", "[x](data:image/png;base64,AA)", "[x](JAVASCRIPT:1)", "~~зачёркнуто~~ учёт",
    "[ ] задача", "[x] задача", "Ведёт\t учёт\u00a0кадров", "Ведёт\u0000учёт", "Ведёт\r\nучёт", "Ведёт\rучёт",
    "a*\"b\"*c и *«учёт»*", "*(a)*b и _«x»_y", "2. Второй\n3. Третий", "Текст\n2. не список\n1. список",
    "1234567890. много цифр", "-\n  пустой маркер", "-\n\n  после пустой", "- \n- b", "* * *", "- - -",
    "-\tтаб", "-    четыре", "-     пять пробелов", "1.\tтаб", "| a |\n|---|\n| 1 |", "| a | b |\n|---|\n| 1 |",
    "a | b\n--|--\n1 | 2\nбез черты", "| a |\n|:-:|\n\\| x", "  | a |\n  |---|", "> | a |\n> |---|",
    "Текст\n    код\nещё", "Заголовок\n===", "Заголовок\n---", "## Заголовок ##", "#5 не заголовок",
    "[ref]: /url\n- пункт", "- [ref]: /url\n  текст", "<div>\n- в html\n</div>", "<pre>\n- x\n</pre>\n- y",
    "```\n- в коде\n```", "````\n```\n````", "~~~ python\n- x\n~~~", "- a\n```\nкод\n```", "- a\n> цитата",
    "- a\n\n    код?\n- b", "- a\n     - b\n          - c\n               - d", "10) десять\n11) одиннадцать",
    "- a\n\t- b\n\t\t- c", "- a\n\n\n- b", "- a\n<!-- -->\n- b", "- a\n\n<!-- -->\n\n- b",
    "\x02wzxhzdk:0\x03", "- a\n\x02wzxhzdk:1\x03\n- b", "\u00a0\u00a0- неразрывные пробелы", "a\x0bb\x0cc",
    "> " * 25 + "глубокая цитата", "*" * 40 + "a" + "*" * 40, "[" * 40 + "a" + "](x)" * 40,
]


def corners() -> list[tuple[str, str]]:
    texts = []
    for corner in CORNERS:
        indented = corner.replace("\n", "\n  ")
        texts.append((corner, f"## Обязанности\n\n- {indented}\n- Второй пункт\n"))
        texts.append((corner, f"## Обязанности\n{corner}\n\n- Пункт\n"))
        texts.append((corner, f"## Обязанности\n\n- Пункт\n{corner}\n"))
        texts.append((corner, f"## {corner}\n\n- Пункт\n"))
    return texts


def corpus() -> list[tuple[str, str]]:
    return (pages() + test_strings() + corners()
            + [(f"systematic {n}", text) for n, text in enumerate(systematic())])
