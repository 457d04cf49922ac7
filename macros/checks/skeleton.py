"""The skeleton of an instruction as the preview and the print show it: the four sections once each and in order,
each form macro on its own line, duties as a list, and clauses a blank line or a hand-typed number does not split
(an unindented paragraph after a clause, a «1.» among «- »). A line written nearly right is named with its fix."""

from __future__ import annotations

import difflib
import re

from ..model.markup import INSTRUCTION_MACROS
from ..model.positions import Position
from ..model.problems import Problem

REQUIRED_SECTIONS = ("Общие положения", "Должностные обязанности", "Права", "Ответственность")
HEADING = re.compile(r"^##[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$", re.M)  # « ##» at the end is not the title's
LIST_ITEM = re.compile(r"^[-*+][ \t]+\S", re.M)
TOP_ITEM = re.compile(r" ?(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
PROSE = re.compile(r" ?[^\W\d_]")  # a paragraph of words (not a macro, table, block, heading or quote)


def split_clauses(position: Position, text: str) -> list[Problem]:
    """A paragraph without indent after a clause and a blank line is no part of it, in the preview and on the site:
    if it begins in lower case, or the next clause follows it, it is a clause split in two (or a lost «- »)."""
    problems, last, pending, blank, number_at, lines, mixed = [], None, None, False, 0, text.split("\n"), set()
    for number, line in enumerate(lines):
        if not line.strip():
            blank = True
            continue
        if line.startswith("#"):
            last, pending = None, None
        elif TOP_ITEM.match(line):
            if pending is not None:
                problems.append(pending)
            ordered = line.lstrip()[0].isdigit()
            if last in ("clause", "numbered") and ordered != (last == "numbered") and number_at not in mixed:
                mixed.add(number)
                shown, at = (line, number) if ordered else (lines[number_at], number_at)
                problems.append(position.problem(
                    f"«{shown.strip()[:40]}»: номер пункта написан вручную среди пунктов с «- »: предпросмотр git "
                    "покажет этот пункт отдельным списком со своим номером, а сайт и печать нумеруют пункты раздела сами",
                    "начните пункт с «- » без номера, как остальные: номера ставит сборка",
                    line=position.body_line + at))
            last, pending, number_at = ("numbered" if ordered else "clause"), None, number
        elif blank and not line.startswith("  "):
            pending = None
            if last in ("clause", "numbered") and PROSE.match(line):
                shown = line.strip()
                problem = position.problem(
                    f"«{shown[:40]}{'…' if len(shown) > 40 else ''}»: абзац без «- » после пункта, отделённый пустой строкой: в предпросмотре git "
                    "и на сайте он не входит ни в один пункт и стоит без номера",
                    "если это продолжение пункта выше — уберите пустую строку перед ним или сдвиньте его на 2 пробела "
                    "(второй абзац того же пункта); если это новый пункт — начните его с «- »",
                    line=position.body_line + number)
                if line.lstrip()[0].islower():
                    problems.append(problem)
                elif not line.rstrip().endswith(":"):
                    pending = problem  # a clause follows it: it splits the list
            last = "prose" if PROSE.match(line) else "other"
        blank = False
    return problems + _indented_after_macro(position, lines) + _after_the_forms(position, lines)


BLOCK_START = re.compile(r"(?:!!!|\?\?\?\+?)[ \t]")


def _after_the_forms(position: Position, lines: list[str]) -> list[Problem]:
    """Below {{ signatures() }} come only the forms and «Справка» blocks, whose lines are indented by 4: a line
    indented less ends the block, and it and all below would be printed after the signatures, numbered as clauses."""
    signed = next((i for i, line in enumerate(lines) if MACRO_LINE.fullmatch(line) and "signatures" in line), None)
    block = False
    for number, line in enumerate(lines[signed + 1:] if signed is not None else [], signed + 1 if signed else 0):
        if not line.strip() or MACRO_LINE.fullmatch(line) or block and line.startswith(("    ", "\t")):
            continue
        if BLOCK_START.match(line):
            block = True
            continue
        if line.startswith("#") and not block:
            return [position.problem(
                f"«{line.strip()[:40]}»: раздел ниже строки {{{{ signatures() }}}} — на сайте и в печати он стоял бы "
                "после подписей", "перенесите строки {{ signatures() }} и {{ acknowledgement_sheet() }} в конец, "
                "после раздела «Ответственность»", line=position.body_line + number)]
        return [position.problem(
            f"«{line.strip()[:40]}»: строка справки с отступом меньше 4 пробелов закрывает блок «Справка»: она и всё, "
            "что ниже, попали бы в текст инструкции и в печать после листа ознакомления" if block else
            f"«{line.strip()[:40]}»: текст после строки {{{{ signatures() }}}}: на сайте и в печати он стоял бы после "
            "подписей, вне разделов инструкции",
            "сдвиньте строку на 4 пробела, как остальной текст справки (пункт списка в справке — «    - …»)" if block else
            "перенесите текст в нужный раздел или в блок !!! reference \"Справка\" (его строки — с отступом 4 пробела)",
            line=position.body_line + number)]
    return []


MACRO_LINE = re.compile(r"\{\{-?[ \t]*+\w++\([ \t]*+\)[ \t]*+-?\}\}[ \t]*+")


def _indented_after_macro(position: Position, lines: list[str]) -> list[Problem]:
    """The site writes the macro's clauses in its place, so an indented line after it joins the macro's last clause
    (a sub-item without a number), while the preview, which shows the macro as a line of text, shows a clause."""
    problems, macro = [], None
    for number, line in enumerate(lines):
        if not line.strip():
            continue
        if macro and line[0] in " \t":
            problems.append(position.problem(
                f"«{line.strip()[:40]}»: строка с отступом после строки {macro}: предпросмотр git покажет её отдельно, "
                "а сайт и печать — частью последнего пункта, который пишет макрос, без своего номера",
                "уберите отступ в начале строки: пункт раздела начинается с «- » с начала строки",
                line=position.body_line + number))
        macro = line.strip() if MACRO_LINE.fullmatch(line) else None
    return problems


def file_line(position: Position, offset: int) -> int:
    """The file line of a character offset in the body."""
    return position.body_line + position.body.count("\n", 0, offset)


def check_skeleton(position: Position, named: set[str]) -> list[Problem]:
    """The sections, the form macros and the duties; `named`: sections whose misread heading has its own message."""
    headings = list(HEADING.finditer(position.body))
    return (_missing_sections(position, named, headings) + _sections_once_in_order(position, headings)
            + _missing_macros(position) + _check_duties(position, headings))


def _missing_sections(position: Position, named: set[str], found: list[re.Match]) -> list[Problem]:
    problems = []
    headings = {m.group(1) for m in found} | named  # a misread heading has its own message
    for section in REQUIRED_SECTIONS:
        if section not in headings:
            written = _written_as(position, section)
            problems.append(position.problem(
                f"нет раздела «{section}»" + (f": строка «{written[1]}» — не заголовок раздела" if written else "")
                + (" (в ней неразрывный пробел)" if written and "\u00a0" in written[1] else "")
                + (" (номер раздела ставит сборка)" if written and re.search(r"\d", written[1]) else ""),
                f"напишите строку «## {section}» (с начала строки: два знака #, пробел, название) и под ней список "
                "пунктов, порядок разделов: " + ", ".join(REQUIRED_SECTIONS), line=written and written[0]))
    return problems


def _sections_once_in_order(position: Position, headings: list[re.Match]) -> list[Problem]:
    """The site numbers sections as they come: a section twice or out of order would be printed so."""
    problems, first = [], {}
    for heading in headings:
        title, line = heading.group(1), file_line(position, heading.start())
        if title in REQUIRED_SECTIONS and title in first:
            problems.append(position.problem(
                f"раздел «{title}» записан дважды (первый раз в строке {first[title]}): на сайте и в печати было бы "
                "два раздела с одним названием и разными номерами",
                "перенесите пункты под первый заголовок и удалите второй", line=line))
        first.setdefault(title, line)
    order = [title for title in first if title in REQUIRED_SECTIONS]
    wrong = next((title for title, due in zip(order, [t for t in REQUIRED_SECTIONS if t in order]) if title != due), None)
    if wrong:
        problems.append(position.problem(
            f"разделы идут не по порядку: «{wrong}» на этом месте (на сайте и в печати разделы нумеруются по порядку "
            "в файле)", "переставьте разделы в порядке: " + ", ".join(REQUIRED_SECTIONS), line=first[wrong]))
    return problems


def _missing_macros(position: Position) -> list[Problem]:
    problems = []
    for name in INSTRUCTION_MACROS:
        if not re.search(r"\{\{-?\s*" + name + r"\(\s*\)\s*-?\}\}", position.body):
            written = _macro_written_as(position, name)
            problems.append(position.problem(
                f"нет строки {{{{ {name}() }}}} — без неё инструкция неполная"
                + (f": строка «{written[1]}» записана иначе" if written else ""),
                f"напишите ровно {{{{ {name}() }}}} — две фигурные скобки без пробела между ними, имя, () и две "
                "скобки — отдельной строкой без отступа" if written else
                "верните строку на её место по образцу на странице сайта «Файл должности» (docs/guide/position-file.md)",
                line=written and written[0]))
    return problems


def _written_as(position: Position, section: str) -> tuple[int, str] | None:
    """(line, text) of a line that names `section` in another way («### Права», «2. Права», «**Права**», «Права»
    over «===»), else of a heading that names it nearly (a typo, a word more)."""
    lines, wanted = position.body.split("\n"), section.casefold()
    for number, line in enumerate(lines):
        if line.strip("#*_=:-.)0123456789 \t\u00a0").casefold() == wanted and line.rstrip() != f"## {section}":
            return position.body_line + number, line.strip()
    for number, line in enumerate(lines):
        title = line.strip("# \t").casefold()
        if line.startswith("#") and title not in {name.casefold() for name in REQUIRED_SECTIONS} and (
                title.startswith(wanted + " ") or _near(title, wanted)):
            return position.body_line + number, line.strip()
    return None


def _near(written: str, meant: str) -> bool:
    """A typo of `meant` (compared only when about as long: the comparison grows with both lengths)."""
    return len(written) < 2 * len(meant) and difflib.SequenceMatcher(None, written, meant).ratio() >= 0.85


def _macro_written_as(position: Position, name: str) -> tuple[int, str] | None:
    """(line, text) of a line with braces that names the macro `name` nearly («{ { signatures() } }», «{{aproval_stamp}}»)."""
    for number, line in enumerate(position.body.split("\n")):
        if "{" in line and "}" in line and any(difflib.SequenceMatcher(None, word.casefold(), name).ratio() >= 0.8
                                               for word in re.findall(r"\w{4,}", line[:200])):
            return position.body_line + number, line.strip()[:80]
    return None


def _check_duties(position: Position, headings: list[re.Match]) -> list[Problem]:
    for heading, following in zip(headings, [*headings[1:], None]):
        if heading.group(1) != "Должностные обязанности":
            continue
        end = following.start() if following else len(position.body)
        if LIST_ITEM.search(position.body, heading.end(), end):
            return []
        numbered = re.compile(r"^\d{1,9}[.)][ \t]", re.M).search(position.body, heading.end(), end)
        return [position.problem(
            "в разделе «Должностные обязанности» нет ни одной обязанности"
            + (": пункты начинаются с номеров, а не с «- »" if numbered else ""),
            "перечислите обязанности списком под заголовком, каждую с новой строки, начиная с «- » (номера ставит "
            "сборка)", line=file_line(position, numbered.start() if numbered else heading.start()))]
    return []  # no such section: reported by _check_skeleton
