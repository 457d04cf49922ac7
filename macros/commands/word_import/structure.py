"""The shape of an instruction found in its lines: the header, the sections, their clauses and sub-items.

Companies write the same skeleton many ways: «1. Общие положения», «I. ОБЩИЕ ПОЛОЖЕНИЯ», a Word
heading style or just bold text; clauses «2.1.» typed or numbered by Word; sub-items with dashes,
letters «а)» or «1)». This module finds sections by what their headings say and how they look, and
clauses by their numbers or list levels. It keeps every line it does not understand, with its
paragraph number, for the report; it never drops text silently.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace

from . import outline
from .reading import TITLE, Line

TYPED_LABEL = re.compile(  # «2.1.», «2.1)», «1)», «(1)», «а)», «(а)», «А)», dashes and bullets; «2.1 – текст» too
    r"^\s*(?P<label>(?:\d{1,2}\.){1,3}\d{1,2}\)(?=\s|$)|(?:\d{1,2}\.){1,3}\d{0,2}\.?(?=[\s\t]|$|[А-ЯЁA-Z«\"])"
    r"|\(?\d{1,2}\)(?=\s|$)|\(?[а-яёa-zА-ЯЁA-Z]\)(?=\s|$)|[-–—•·▪●○■□➢✓*](?=\s|$))(?:\s*[-–—](?=\s))?\s*")
GLUED = re.compile(r"^\s*((?:\d{1,2}\.)+\d{1,2}\.?)\s")  # «2.1. …», the start of a paragraph that may hold more
REFERENCE_WORD = re.compile(r"(?:^|\s)(?:п|пп|ст|ч|см|разд|прил|подп|абз|т)\.$|пункт\w*\.?$|№\s*$", re.I)
ROMAN_LABEL = re.compile(r"^\s*(?P<label>[IVXLC]{1,6}\.?)(?=\s)\s*")
LETTER_LABEL = re.compile(r"^\s*(?P<label>[А-ЯЁA-Z]\.)\s+")  # «Б. Должностные обязанности»: only before a section
SECTION_WORD = re.compile(r"^\s*(?:раздел|глава)\s+(?P<label>\d{1,2}|[IVXLC]{1,6})\.?\s*[.:—–-]?\s*", re.I)
KNOWN_SECTIONS = (
    ("general", "Общие положения", r"общие положения"),
    ("both", "Права и обязанности", r"(?:права,? и обязанности|обязанности и права)"),  # split by _announced
    ("duties", "Должностные обязанности", r"(?:(?:основные |трудовые )?(?:функции|задачи) и )?(?:должностные |функциональные |основные |трудовые )?"
                                             r"обязанности"),
    ("rights", "Права", r"права"),
    ("liability", "Ответственность", r"ответственность"),
)
OTHER_SECTIONS = re.compile(
    r"^(?:функции|основные функции|(?:основные )?задачи|требования к квалификации|квалификационные требования"
    r"|взаимоотношения|связи по должности|заключительные положения|условия работы|оценка работы|критерии оценки"
    r"|должен знать|режим работы|полномочия|цели|порядок пересмотра|служебные взаимоотношения)\b", re.I)
SIGNATURES = re.compile(
    r"^(?:разработал|разработано|разработчик|составил|согласовано|согласовал|визы|с (?:настоящей )?(?:должностной )?"
    r"инструкцией ознакомлен|ознакомлен|лист ознакомления|экземпляр получил)", re.I)

NUMBER_CELL = re.compile(r"(?:\d{1,2}\.)*\d{1,2}[.)]?|[IVXLC]{1,6}\.?")  # a cell holding only «2.1.», «3», «IV.»
CAPTION = re.compile(r"^(?:№|N)\s*(?:п/п|пп)?\.?$", re.I)  # the «№ п/п» column of a numbered table# «Управляющий ______ /А. А. Петрова/», «Юрисконсульт ____________»: a line to sign, even without «Разработал».
SIGNATURE_LINE = re.compile(r"_{4,}\s*/?\s*(?:(?:[А-ЯЁ]\.\s?){1,2}\s?[А-ЯЁ][а-яё-]+|[А-ЯЁ][а-яё-]+(?:\s+[А-ЯЁ]\.){1,2})?"
                            r"\s*/?\s*$")
# «2.1. Экспедитор обязан:», «Работник имеет право:», «… несёт ответственность за:» — a clause that only announces the
# list of its sub-items: the sub-items are the clauses of the section the verb names.
VERB = (r"(?P<verb>обязан[аоы]?|вправе|имеет право|имеют право|имеет следующие права|нес[её]т ответственность"
        r"|нес[уё]т следующую ответственность|в (?:его |ее |её )?обязанности(?:\s+[\w-]+){0,3}\s+входит)")
ANNOUNCING = re.compile(rf"^(?:[\w-]+\s+){{0,6}}?{VERB}(?:\s+[\w-]+){{0,3}}\s*:$", re.I)
SAYS = re.compile(rf"(?<!\w){VERB}(?!\w)", re.I)  # «Экспедитор обязан соблюдать …» (not «правила»): whose clause
VERB_KINDS = (("прав", "rights"), ("ответствен", "liability"), ("обязан", "duties"))
TABLE_HEAD = re.compile(r"^(?:требовани|параметр|показател|наименовани|критери)\w*\s+(?:содержани|значени|описани)", re.I)


@dataclass
class Item:
    depth: int          # 1 for an item of a clause, 2 for an item of an item
    text: str
    line: Line


@dataclass
class Clause:
    text: str
    line: Line
    number: str = ""    # as the document shows it, without the final dot: "2.7", "3"
    items: list[Item] = field(default_factory=list)
    more: list[str] = field(default_factory=list)   # further paragraphs of the same clause
    label: str | None = None


@dataclass
class Section:
    kind: str | None    # general, duties, rights, liability; None for a section of the company's own
    title: str
    heading: Line
    number: str = ""
    intro: list[str] = field(default_factory=list)
    clauses: list[Clause] = field(default_factory=list)


@dataclass
class Shape:
    header: list[Line]
    sections: list[Section]
    tail: list[Line]                      # signatures, acknowledgement sheet and what follows them
    stray: list[Line] = field(default_factory=list)   # lines inside sections that are not clauses
    doubts: list[tuple[Line, str]] = field(default_factory=list)   # lines whose place in the outline is a guess
    captions: list[Line] = field(default_factory=list)  # «№ п/п | Содержание» rows of tables read as text
    notes: list[tuple[Line, str]] = field(default_factory=list)   # what was read otherwise than it is written


def clean(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\t", " ")).strip()


def split_label(line: Line) -> tuple[str, str]:
    """(number or bullet, text): a Word list number, else one typed at the start of the text."""
    text = line.text
    if line.list_label:
        return line.list_label, clean(text)
    for pattern in (SECTION_WORD, TYPED_LABEL, ROMAN_LABEL):
        match = pattern.match(text)
        if match:
            return match.group("label"), clean(text[match.end():])
    match = LETTER_LABEL.match(text)
    if match and section_kind(text[match.end():]):
        return match.group("label"), clean(text[match.end():])
    return "", clean(text)


def section_kind(text: str) -> tuple[str | None, str] | None:
    """(kind, our title) when a heading's words name a section; None when they do not look like one."""
    words = clean(text).rstrip(":.").lower().replace("ё", "е")
    for kind, title, pattern in KNOWN_SECTIONS:
        if re.match(rf"^{pattern}(?:\s|$)", words):
            return kind, title
    if OTHER_SECTIONS.match(words):
        return None, clean(text).rstrip(":.")
    return None


def is_heading(line: Line, label: str, text: str) -> tuple[str | None, str] | None:
    if line.table or not text or len(text) > 110 or "." in text.rstrip(".")[:-1] and len(text) > 60:
        return None
    if re.fullmatch(r"\d+(?:\.\d+)+\.?", label) or label.endswith(")") or (label and not label[0].isalnum()):
        return None  # 2.1., 1), а), dashes: clauses and items, never sections
    found = section_kind(text)
    looks = line.heading or line.bold or line.centered or (text.upper() == text and any(c.isalpha() for c in text))
    if found and (looks or label or len(text) <= 40):
        return found
    if looks and label and len(text) <= 70 and not text.endswith((";", ",")) and not line.bullet:
        return None, text.rstrip(":.")  # «5. Взаимоотношения по должности» and the like
    return None


def shape_of(lines: list[Line]) -> Shape:
    lines, captions = _unwrap_tables(lines)
    lines, notes = _unglue(lines)
    sections: list[Section] = []
    header: list[Line] = []
    tail: list[Line] = []
    body: list[tuple[Line, str, str]] = []
    for index, line in enumerate(lines):
        label, text = split_label(line)
        if sections and (SIGNATURES.match(text) or SIGNATURE_LINE.search(text) and not label) \
                and not label[:1].isdigit():
            tail = lines[index:]
            break
        heading = is_heading(line, label, text)
        if heading and (sections or heading[0] or _title_seen(header)):  # «Общие положения» starts even untitled
            kind, title = heading
            sections.append(Section(kind, title, line, label.rstrip(".")))
            body.append((line, "", ""))  # marks the start of a section
            continue
        if not sections:
            header.append(line)
        else:
            body.append((line, label, text))
    shape = Shape(header, sections, tail, captions=captions, notes=notes)
    _fill_sections(shape, body)
    _announced_lists(shape)
    return shape


def _announced_lists(shape: Shape) -> None:
    """«2.1. Экспедитор обязан:» with the duties as its sub-items: the sub-items are the duties, the clause the
    section's opening words. In «Права и обязанности» each clause goes to the section its verb names (a clause
    without one follows the one before it), so duties and rights land where the site has them."""
    result: list[Section] = []
    for index, section in enumerate(shape.sections):
        if section.kind not in ("duties", "rights", "liability", "both"):
            result.append(section)
            continue
        clauses, section.clauses = section.clauses, []
        parts: dict[str, Section] = {}
        kind = section.kind
        for clause in clauses:
            verb = ANNOUNCING.match(clause.text)
            if section.kind == "both":
                said = verb or SAYS.search(clause.text)
                kind = _verb_kind(said.group("verb")) if said else kind if kind != "both" else "duties"
            part = section if section.kind != "both" else parts.get(kind) or next(
                (s for s in result + shape.sections if s.kind == kind), None) or Section(
                kind, next(title for k, title, _ in KNOWN_SECTIONS if k == kind), section.heading, section.number)
            parts[kind] = part
            # «Экспедитор обязан:» heads what follows: in «Права и обязанности», or as the first clause of a section
            if verb and (section.kind == "both" or clause.items and not part.clauses):
                part.intro.append(clause.text)
                part.clauses += _promoted(clause.items)
            else:
                part.clauses.append(clause)
        if section.kind != "both":
            result.append(section)
            continue
        if not parts:  # nothing under it: a line of a table of contents, or a heading of an empty section
            section.kind = None
            if any(later.kind == "both" for later in shape.sections[index + 1:]):
                shape.notes.append((section.heading, f"«{section.heading.text.strip()}» — строка оглавления (такой "
                                                     "раздел есть дальше): не перенесена, оглавление сайт строит сам"))
            else:
                result.append(section)
            continue
        next(iter(parts.values())).intro[:0] = section.intro
        result += [part for part in parts.values() if part not in result and part not in shape.sections]
        shape.notes.append((section.heading, f"раздел «{section.title}» разделён по словам «обязан», «имеет право»: "
                            + "; ".join(f"в «{part.title}» — пунктов {len(part.clauses)}" for part in parts.values())
                            + " — сверьте с документом"))
    shape.sections[:] = result


def _verb_kind(text: str) -> str | None:
    words = text.lower().replace("ё", "е")
    found = [(words.find(stem), kind) for stem, kind in VERB_KINDS if stem in words]
    return min(found)[1] if found else None


def _promoted(items: list[Item]) -> list[Clause]:
    """Sub-items one level up: each first-level item a clause, deeper ones its items."""
    clauses: list[Clause] = []
    for item in items:
        if item.depth == 1 or not clauses:
            clauses.append(Clause(item.text, item.line))
        else:
            clauses[-1].items.append(Item(item.depth - 1, item.text, item.line))
    return clauses


def _unglue(lines: list[Line]) -> tuple[list[Line], list[tuple[Line, str]]]:
    """«2.1. Принимает деньги. 2.2. Выдаёт чеки.» in one paragraph (a PDF made into Word, a paste): each number
    that continues the paragraph's own after the end of a sentence starts a clause of its own."""
    result, notes = [], []
    for line in lines:
        start = None if line.list_label else GLUED.match(line.text)
        parts, labels = [line.text], []
        *prefix, number = start.group(1).rstrip(".").split(".") if start else ["0"]
        while start:
            label = ".".join([*prefix, str(int(number) + len(labels) + 1)])
            cut = re.search(rf"(?<=[.;])\s+(?={re.escape(label)}\.?\s)", parts[-1])
            if not cut or REFERENCE_WORD.search(parts[-1][:cut.start()]):  # «… в п. 2.2. настоящей инструкции»
                break
            parts[-1:] = [parts[-1][:cut.start()], parts[-1][cut.end():]]
            labels.append(label)
        result += [replace(line, text=part) for part in parts]
        if labels:
            notes.append((line, f"пункты {', '.join(labels)} записаны в одном абзаце с п. {start.group(1).rstrip('.')}"
                                ": разделены на отдельные пункты — сверьте с документом"))
    return result, notes


def _title_seen(header: list[Line]) -> bool:
    return any(TITLE.search(line.text) for line in header) or len(header) > 25


def _fill_sections(shape: Shape, body: list[tuple[Line, str, str]]) -> None:
    groups: list[list[tuple[Line, str, str]]] = []
    for entry in body:
        if not entry[1] and not entry[2]:
            groups.append([])
        elif groups:
            groups[-1].append(entry)
    for section, entries in zip(shape.sections, groups):
        shape.doubts += outline.fill_clauses(section, [e for e in entries if not e[0].table])
        only = section.clauses[0] if len(section.clauses) == 1 and section.kind == "duties" else None
        if only and not only.items and only.text.count(";") >= 2:  # «Кассир обязан: принимать …; выдавать …; …»
            shape.doubts.append((only.line, f"«{outline._short(only.text)}» — обязанности перечислены в одном абзаце "
                                            "через «;»: оставлены одним пунктом; если это отдельные обязанности, "
                                            "разделите их в Word на абзацы и импортируйте снова"))
        cells = [e[0] for e in entries if e[0].table]
        if section.kind == "general":  # «Образование | высшее»: a table of requirements, one clause a row
            section.clauses += _table_rows(cells)
        elif cells:
            shape.stray += cells
            shape.doubts.append((cells[0], f"таблица в разделе «{section.title}» (абзацы {cells[0].paragraph}–"
                                           f"{cells[-1].paragraph}) не превращена в пункты: её текст — в блоке «Не "
                                           "распознано» с номерами строк и столбцов; перенесите его в пункты раздела"))


def _table_rows(cells: list[Line]) -> list[Clause]:
    rows: dict[tuple[int, int], list[Line]] = {}
    for line in cells:
        rows.setdefault(line.table[:2], []).append(line)
    return [Clause(": ".join(clean(line.text).rstrip(":") for line in row if clean(line.text)), row[0])
            for row in rows.values() if any(clean(line.text) for line in row) and not TABLE_HEAD.match(
                " ".join(clean(line.text) for line in row))]


def _unwrap_tables(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """Tables that only lay text out read as its paragraphs: the instruction in a frame, numbers in a column of
    their own («1.1.» | text), headings in merged rows or beside their clauses, duties as «№ | обязанность».
    A table of data («Образование | высшее», a stamp, a sheet to sign) stays a table. Also the caption rows."""
    result, captions = [], []
    for number, group in itertools.groupby(lines, key=lambda line: line.table[0] if line.table else None):
        group = list(group)
        rows: dict[int, dict[int, list[Line]]] = {}
        for line in group:
            if number is not None and clean(line.text):
                rows.setdefault(line.table[1], {}).setdefault(line.table[2], []).append(line)
        layout = _layout(list(rows.values())) if rows else None
        result += group if layout is None else layout[0]
        captions += [] if layout is None else layout[1]
    return result, captions


def _layout(rows: list[dict[int, list[Line]]]) -> tuple[list[Line], list[Line]] | None:
    lines, captions, labelled = [], [], False
    for index, row in enumerate(rows):
        cells = list(row.values())
        first = clean(" ".join(line.text for line in cells[0]))
        if len(cells) == 1:
            lines += [replace(line, table=None) for line in cells[0]]
        elif len(cells) == 2 and index == 0 and CAPTION.match(first):
            captions += cells[0] + cells[1]
        elif len(cells) == 2 and len(cells[0]) == 1 and NUMBER_CELL.fullmatch(first):
            head, *rest = cells[1]
            lines += [replace(head, table=None, list_label=first)] + [replace(line, table=None) for line in rest]
            labelled = True
        elif len(cells) == 2 and len(cells[0]) == 1 and section_kind(first):
            lines += [replace(line, table=None) for line in cells[0] + cells[1]]
            labelled = True
        else:
            return None
    return (lines, captions) if labelled or len(rows) > 1 else None
