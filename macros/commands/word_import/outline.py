"""Clauses and sub-items of one section, nested only where the document nests them.

Each numbered line belongs to a family: typed «2.1.», «1)», «а)», dashes, or one level of one
Word list. The first family of a section gives its clauses; a line of a family already open
returns to it (so «1)», «2)», «3)» are siblings), a new family opens a level of sub-items. Where
the document does not show the nesting for sure (a new numbering after a clause that does not
announce a list, a gap in the numbers, a paragraph without a number after a finished clause),
the line is kept as read and named in `doubts`, so the report and the draft status say so.
"""

from __future__ import annotations

import re

from .reading import Line
from . import structure  # the shape's classes; structure calls fill_clauses

INTRO_END = re.compile(r"[:：]\s*$")
MAX_DEPTH = 3
# «а. текст», «б. текст»: read as a lettered item only where a list is due (see _letter), never «г. Москва».
LETTER_ITEM = re.compile(r"^(?P<letter>[а-яёa-z])\.\s+(?=\S)")
ALPHABETS = ("абвгдеёжзийклмнопрстуфхцчшщъыьэюя", "abcdefghijklmnopqrstuvwxyz")
DASHES = "-–—"


def family(line: Line, label: str):
    """What kind of numbering a line carries; lines of one family are siblings."""
    if line.bullet:  # a Word bullet reads as a typed dash; a deeper level of a bullet list is a family of its own
        return ("bullet", line.list_level) if line.list_level else ("bullet",)
    if line.list_level is not None:  # by level and look: lists pasted one per paragraph are still one list
        return ("list", line.list_level, _shape(line.list_label))
    if not label:
        return None
    label = label.lstrip("(")  # «(1)» and «1)», «(а)» and «а)» look alike
    if label[0].isdigit():
        if label.endswith(")") and "." not in label:
            return ("paren", "digit")
        return ("decimal", len([p for p in label.rstrip(")").split(".") if p]))  # «2.1.», «2.1)»
    if label.endswith(")"):
        return ("paren", "letter")
    if re.fullmatch(r"[IVXLC]+\.?", label):
        return ("roman",)
    if re.fullmatch(r"[а-яёa-z]\.", label):
        return ("dot", "letter")
    if label in DASHES:  # a typed dash reads as a Word bullet
        return ("bullet",)
    return ("glyph", "•" if label in "•·●" else label)  # «— пункт» with «• подпункт» under it: two families


def _shape(label: str) -> str:
    """«2.1.» -> «9.9.», «б)» -> «a)», «IV.» -> «A.»: how a number looks, whatever its value."""
    shape = re.sub(r"\d+", "9", label)
    shape = re.sub(r"[a-zа-яё]+", "a", shape)
    return re.sub(r"[A-ZА-ЯЁ]+", "A", shape)


def fill_clauses(section, entries: list[tuple[Line, str, str]]) -> list[tuple[Line, str]]:
    """Clauses of a section from its (line, label, text) entries; returns the lines whose place is a guess."""
    doubts: list[tuple[Line, str]] = []
    labelled = any(family(line, label) for line, label, text in entries if text)
    stack: list = []
    current = None
    previous, letter = "", ""   # the text of the line before, the letter of the last «а.», «б.» item
    for line, label, text in entries:
        if not text:
            continue
        if not label and current is not None and _letter(text, previous, letter):
            letter = text[0].lower()
            label, text = text[:2], text[LETTER_ITEM.match(text).end():]
        previous = text
        kind = family(line, label)
        if kind is None:
            current = _unlabelled(section, current, line, text, labelled, doubts)
            continue
        level = _level(stack, kind)
        if level is None and _typed_sign(kind) and not _list_open(current, ":"):
            # Another dash or bullet sign where no list is announced: a sign typed differently, still a sibling.
            level = next((i for i, k in enumerate(stack) if _typed_sign(k)), None)
        if level is None:  # a numbering not seen yet in this section
            if stack and not _announced(current, kind, line, label):
                doubts.append((line, f"«{label} {_short(text)}» — новая нумерация после п. {_name(current)}: "
                                     "прочитан как его подпункт; если это отдельная обязанность, поправьте"))
            stack.append(kind)
            level = len(stack) - 1
        else:
            del stack[level + 1:]
        if level == 0 or current is None:
            letter = ""
            _check_sequence(current, label, line, text, doubts)
            current = structure.Clause(text, line, label.rstrip("."))
            section.clauses.append(current)
        else:
            current.items.append(structure.Item(min(level, MAX_DEPTH), text, line))
    return doubts


def _typed_sign(kind) -> bool:
    return kind == ("bullet",) or kind[0] == "glyph"


def _letter(text: str, previous: str, letter: str) -> bool:
    """«а.» after a line announcing a list («…:»), or the letter after the last one («б.» after «а.», «и.» after «ж.»
    where «з» is skipped): a lettered item. «г. Москва», «т. е.» anywhere else stay text."""
    match = LETTER_ITEM.match(text)
    if not match:
        return False
    now = match.group("letter").lower()
    if now in "аa" and previous.rstrip().endswith(":"):
        return True
    alphabet = next((a for a in ALPHABETS if letter and letter in a), "")
    return bool(alphabet) and now in alphabet and 0 < alphabet.index(now) - alphabet.index(letter) <= 3


def _level(stack: list, kind) -> int | None:
    for index, open_kind in enumerate(stack):
        if open_kind == kind or _same_look(open_kind, kind):
            return index
    if kind[0] == "list" and stack and stack[0][0] == "list" and kind[1] < stack[0][1]:
        return 0  # a shallower level than the clauses' Word list: still a clause
    return None


def _same_look(a, b) -> bool:
    """A number typed by hand and one a Word list shows alike («2.2.» among typed «2.1.», «2.3.»): one family."""
    def depth(kind):
        if kind[0] == "decimal":
            return kind[1]
        return kind[2].count("9") if kind[0] == "list" and re.fullmatch(r"(?:9\.)*9\.?", kind[2]) else None
    return a[0] != b[0] and depth(a) is not None and depth(a) == depth(b)


def _announced(current: "structure.Clause | None", kind, line: Line, label: str) -> bool:
    """Whether the document shows that a new numbering nests: «…:» before it, dashes, a deeper Word level,
    or a number that continues the clause's own («2.3.1.» under «2.3.»)."""
    if current is None or kind[0] in ("bullet", "glyph") or _list_open(current):
        return True
    if kind[0] == "decimal" and current.number and label.startswith(current.number.rstrip(".)") + "."):
        return True
    previous = current.items[-1].line if current.items else current.line
    return kind[0] == "list" and previous.list_level is not None and kind[1] > previous.list_level


def _unlabelled(section, current, line, text, labelled, doubts):
    if section.kind == "both" and structure.ANNOUNCING.match(text):  # «Экспедитор обязан:» inside «Права и
        current = structure.Clause(text, line)                        # обязанности»: the list that follows is its
        section.clauses.append(current)                              # (structure._announced_lists)
        return current
    if current is None:
        if not labelled and not (INTRO_END.search(text) and not section.clauses and not section.intro):
            current = structure.Clause(text, line)  # a section of plain paragraphs: each is a clause
            section.clauses.append(current)
        else:
            section.intro.append(text)
        return current
    last = current.items[-1] if current.items else None
    if line.paragraph == (last or current).line.paragraph:  # after Shift+Enter: the same paragraph goes on
        if last:
            last.text += " " + text
        else:
            current.more.append(text)
        return current
    if not labelled:
        current = structure.Clause(text, line)
        section.clauses.append(current)
    elif _list_open(current):
        depth = current.items[-1].depth if current.items else 1
        current.items.append(structure.Item(depth, text, line))
    else:
        current.more.append(text)
        previous = current.more[-2] if len(current.more) > 1 else current.text
        if text[:1].islower() and not previous.rstrip().endswith((".", "!", "?", "…", ":", ";")):
            return current  # a sentence broken over two paragraphs («… каждые два» / «часа и …»): surely one clause
        doubts.append((line, f"«{_short(text)}» — абзац без номера присоединён к п. {_name(current)} как его "
                             "продолжение; если это отдельный пункт, поправьте"))
    return current


def _check_sequence(previous, label: str, line: Line, text: str, doubts) -> None:
    """Typed numbers that skip or repeat («2.2», «2.4») usually mean a line was misread or lost."""
    if previous is None or line.list_level is not None or not previous.number:
        return
    before, now = _last_number(previous.number), _last_number(label)
    if before is not None and now is not None and now != before + 1:
        doubts.append((line, f"«{label} {_short(text)}» идёт после п. {previous.number}: номера не подряд — "
                             "проверьте, не пропущен ли пункт"))


def _last_number(label: str) -> int | None:
    numbers = re.findall(r"\d+", label)
    return int(numbers[-1]) if numbers else None


def _list_open(current: "structure.Clause | None", signs: str = ":;,") -> bool:
    """Whether the clause's last words announce or continue an enumeration («…руководствуется:», «…;»)."""
    if current is None:
        return False
    last = current.items[-1].text if current.items else (current.more[-1] if current.more else current.text)
    return last.rstrip().endswith(tuple(signs))


def _name(clause: "structure.Clause | None") -> str:
    if clause is None:
        return "—"
    return clause.number or f"«{_short(clause.text)}»"


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57].rstrip() + "…"
