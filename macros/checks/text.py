"""What HR's text may contain, character by character: no invisible controls (bidi, zero-width), no link
reference definitions (the git preview and the site read them differently), nothing large enough to
stall the build (size limits on files, lines and words).
"""

from __future__ import annotations

import functools
import html
import itertools
import re
import unicodedata

from ..model.problems import Problem

MAX_FILE = 256 * 1024   # characters of a page
MAX_LINE = 10_000       # characters of a line (a long paragraph is about 2,000)
MAX_WORD = 300          # characters without a space (a long address is about 150)
# Invisible characters allowed: tab, line feed, soft hyphen (a hyphenation hint, shown only at a line break).
ALLOWED_INVISIBLE = {"\t", "\n", "\u00ad"}
INVISIBLE_CATEGORIES = {"Cc", "Cf", "Co", "Zl", "Zp"}
# Drawn as nothing (or as a space that is no space) though Python calls them printable letters and marks: the
# Unicode default-ignorables outside Cf (variation selectors, fillers, grapheme joiner) and the blank Braille cell.
BLANK = re.compile("[\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u2800\u3164\ufe00-\ufe0f\uffa0\U000e0000-\U000e0fff]")
MAX_QUOTES = 10         # ">" at the start of a line
MAX_INDENT = 40         # columns of indentation
MAX_BRACKETS = 200      # "[" in one line
MAX_COLUMNS = 20        # of a table (an A4 page holds about ten readable ones)
# A table's delimiter row («|---|:--:|»), searched in "\n" + text; its cells are the table's columns.
TABLE_RULE = re.compile(r"\n[ \t>]*+\|?[ \t]*:?-+:?[ \t]*\|[-:| \t]*(?=\n|$)")
DEEP = re.compile(r"\n([ \t>]{%d,})" % min(MAX_QUOTES + 1, MAX_INDENT + 1))  # a literal first: fast
DEFINITION = re.compile(r"\n {0,3}\[[^\]\n]+\]:")  # searched in "\n" + text: a literal first is fast
LONG_WORD = re.compile(r"(?<!\S)\S{%d,}" % (MAX_WORD + 1))
LONG_LINE = re.compile(r"\n[^\n]{%d,}" % (MAX_LINE + 1))  # searched in "\n" + text
# A character reference Python-Markdown passes to the page as it is, and the browser, PDF and Word decode.
ENTITY = re.compile(r"&(?:#[0-9]{1,8}|#[xX][0-9A-Fa-f]{1,8}|[A-Za-z][A-Za-z0-9]{1,40});")
NAMES = {"\u202e": "справа налево (RLO)", "\u202d": "слева направо (LRO)", "\u200b": "пробел нулевой ширины",
         "\u200c": "разделитель нулевой ширины", "\u200d": "соединитель нулевой ширины",
         "\u2060": "соединитель слов", "\ufeff": "метка порядка байтов"}


def check_text(shown_as: str, text: str, markdown: bool = True) -> list[Problem]:
    """Problems of a whole file's text (line numbers are the file's); templates pass markdown=False."""
    if len(text) > MAX_FILE:
        return [Problem(shown_as, f"файл слишком большой: {len(text)} знаков, больше {MAX_FILE}",
                        "разделите текст на несколько должностей или страниц; инструкция обычно в 10–40 раз меньше")]
    problems = [] if _visible(text) else _invisible(shown_as, text)
    problems += _invisible_entities(shown_as, text) if "&" in text else []
    problems += _right_to_left(shown_as, text)
    for found in LONG_LINE.finditer("\n" + text):
        problems.append(Problem(shown_as, f"строка слишком длинная: {len(found.group(0)) - 1} знаков, больше {MAX_LINE}",
                                "разбейте текст на абзацы или пункты", line=_line(text, found.start())))
    for found in LONG_WORD.finditer(text) if max(map(len, text.split()), default=0) > MAX_WORD else ():
        if len(found.group(0)) <= MAX_LINE:  # a longer one is the long line above
            problems.append(Problem(shown_as, f"слово без пробелов длиной {len(found.group(0))} знаков: "
                                    f"«{found.group(0)[:40]}…»", f"разделите его пробелами (до {MAX_WORD} знаков "
                                    "подряд); длинный адрес оформите ссылкой покороче", line=_line(text, found.start())))
    if markdown:
        problems += _nesting(shown_as, text)
        for found in DEFINITION.finditer("\n" + text):
            problems.append(Problem(
                shown_as, f"строка «{found.group(0).strip()[:60]}» — определение ссылки: предпросмотр git и сайт читают "
                "такие строки по-разному", "пишите ссылку прямо в тексте: [текст](адрес); если квадратные "
                "скобки с двоеточием нужны как текст, поставьте перед «[» обратную косую черту: \\[",
                line=_line(text, found.start())))
    return problems


def check_values(shown_as: str, meta: dict, lines: dict) -> list[Problem]:
    """Invisible characters a YAML escape (``"\\u202e"``, ``"\\x07"``) puts into a front-matter value without
    their being in the file: the same refusal, on the field's line."""
    problems: list[Problem] = []
    for path, value in _strings(meta, ()):
        found = _invisible_pattern().search(value) or _right_to_left_pattern().search(value)
        if found:
            what = "невидимый символ" if _invisible_pattern().match(found.group(0)) else "знак письма справа налево"
            problems.append(Problem(
                shown_as, f"в значении есть {what} U+{ord(found.group(0)):04X} ({_name(found.group(0))})",
                "уберите из значения запись вида \\u…, \\x… или \\t и напишите текст обычными буквами",
                field=".".join(map(str, path)), line=lines.get(path[:1])))
    return problems


def _strings(value, path: tuple):
    """(path, text) of every string in a front matter value."""
    if isinstance(value, str):
        yield path, value
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        yield from _strings(item, (*path, key))


def _nesting(shown_as: str, text: str) -> list[Problem]:
    """Markdown nested deeper than any instruction needs, a line of hundreds of links or a table of hundreds of
    columns takes the Markdown reader or the PDF seconds to minutes: limits far above real text keep pages quick."""
    problems = []
    deep = [found.start() + 1 for found in DEEP.finditer("\n" + text)
            if found.group(1).expandtabs(4).count(">") > MAX_QUOTES or len(found.group(1).expandtabs(4)) > MAX_INDENT]
    if deep:
        more = f" (и ещё строк: {len(deep) - 1})" if len(deep) > 1 else ""
        problems.append(Problem(shown_as, "слишком глубокая вложенность: отступ или знаки «>» в начале строки "
                                f"(не больше {MAX_QUOTES} знаков «>» и {MAX_INDENT} пробелов){more}",
                                "уберите лишние отступы и знаки «>»: пункты вкладываются не глубже трёх уровней",
                                line=_line(text, deep[0] - 1)))
    if text.count("[") > MAX_BRACKETS:
        for found in re.finditer(r"^[^\n]*$", text, re.M):
            if found.group(0).count("[") > MAX_BRACKETS:
                problems.append(Problem(shown_as, f"в строке больше {MAX_BRACKETS} квадратных скобок",
                                        "разбейте текст на несколько абзацев или пунктов",
                                        line=_line(text, found.start())))
    for found in TABLE_RULE.finditer("\n" + text):
        columns = found.group(0).strip(" \t\n>|").count("|") + 1
        if columns > MAX_COLUMNS:
            problems.append(Problem(shown_as, f"таблица из {columns} столбцов (больше {MAX_COLUMNS}): на листе A4 её "
                                    "не прочесть, а PDF такой страницы собирается минутами",
                                    "разбейте таблицу на несколько поменьше или поменяйте местами строки и столбцы",
                                    line=max(_line(text, found.start()) - 1, 1)))
    return problems


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


# Spaces are "not printable" to Python; without them a text of printable characters has nothing to refuse.
SPACES = "\t\n\u00a0\u00ad\u2002\u2003\u2009\u202f"


def _visible(text: str) -> bool:
    for space in SPACES:
        text = text.replace(space, " ")
    return text.isprintable() and not BLANK.search(text)


def _invisible(shown_as: str, text: str) -> list[Problem]:
    problems, seen_lines = [], set()
    for found in _invisible_pattern().finditer(text):
        char = found.group(0)
        line = _line(text, found.start())
        if line in seen_lines:
            continue  # one message a line is enough to find it
        seen_lines.add(line)
        problems.append(Problem(shown_as, f"невидимый символ U+{ord(char):04X} ({_name(char)}) в тексте: на экране его "
                                "не видно, а текст он меняет (порядок знаков, сравнение названий, экспорт в Word)",
                                "удалите символ: сотрите и наберите заново слово вокруг этого места или "
                                "вставьте текст как простой текст (Ctrl+Shift+V)", line=line))
    return problems


def _invisible_entities(shown_as: str, text: str) -> list[Problem]:
    """«&#x202E;» or «&zwnj;» writes the same invisible character in visible letters: refused the same way."""
    problems, seen_lines = [], set()
    for found in ENTITY.finditer(text):
        char = _invisible_pattern().search(_decoded(found.group(0)))
        line = _line(text, found.start())
        if char and line not in seen_lines:
            seen_lines.add(line)
            problems.append(Problem(
                shown_as, f"запись «{found.group(0)}» — невидимый символ U+{ord(char.group(0)):04X} "
                f"({_name(char.group(0))}): на экране его не видно, а текст он меняет (порядок знаков, сравнение "
                "названий, экспорт в Word)", f"удалите запись «{found.group(0)}»", line=line))
    return problems


def _right_to_left(shown_as: str, text: str) -> list[Problem]:
    """A letter of a right-to-left script (Hebrew, Arabic…) reorders the digits and words next to it without any
    control character: «׀ 000 100» in the file shows as «100 000 ׀» on screen, in print and in the git diff."""
    problems, seen_lines = [], set()
    for found in RIGHT_TO_LEFT_BLOCKS.finditer(text):  # a few ranges: quick to search; their letters judged one by one
        line = _line(text, found.start())
        if line not in seen_lines and _right_to_left_pattern().match(found.group(0)):
            seen_lines.add(line)
            char = found.group(0)
            problems.append(Problem(
                shown_as, f"знак письма справа налево U+{ord(char):04X} ({_name(char)}): рядом с ним цифры и слова "
                "показываются в обратном порядке (в файле «000 100», на экране и в печати «100 000»)",
                "удалите знак и наберите это место заново кириллицей или латиницей", line=line))
    return problems


RIGHT_TO_LEFT_BLOCKS = re.compile("[\u0590-\u08ff\ufb1d-\ufeff\U00010800-\U0001efff]")


@functools.cache
def _right_to_left_pattern() -> re.Pattern:
    """Characters of the bidirectional classes R, AL and AN (Hebrew, Arabic, Syriac, Thaana… letters and digits)."""
    return _class_of(code for code in (*range(0x0590, 0x0900), *range(0xFB1D, 0xFF00), *range(0x10800, 0x11000),
                                       *range(0x1E800, 0x1F000)) if unicodedata.bidirectional(chr(code)) in ("R", "AL", "AN"))


def _decoded(reference: str) -> str:
    """The character(s) a browser reads; Python drops references to control characters, browsers keep them."""
    decoded = html.unescape(reference)
    if decoded or reference[1] != "#":
        return decoded
    return chr(int(reference[3:-1], 16) if reference[2] in "xX" else int(reference[2:-1]))


def _name(char: str) -> str:
    return NAMES.get(char) or unicodedata.name(char, "управляющий символ")


@functools.cache
def _invisible_pattern() -> re.Pattern:
    """One character class of every refused character (the planes where Unicode puts them)."""
    bad = [code for code in (*range(0x30000), *range(0xE0000, 0xE1000))
           if chr(code) not in ALLOWED_INVISIBLE and (unicodedata.category(chr(code)) in INVISIBLE_CATEGORIES
                                                      or BLANK.match(chr(code)))]
    return _class_of([*bad, *range(0xF0000, 0xFFFFE), *range(0x100000, 0x10FFFE)])  # and the private use planes


def _class_of(codes) -> re.Pattern:
    """One regular-expression character class of these code points (in ascending order), as ranges."""
    runs = [[code for _, code in run] for _, run in itertools.groupby(enumerate(codes), lambda p: p[1] - p[0])]
    return re.compile("[" + "".join(f"{re.escape(chr(run[0]))}-{re.escape(chr(run[-1]))}" for run in runs) + "]")
