"""A .docx read as the lines a person sees: text, the number Word shows before it, and how it looks.

Companies number clauses by hand («2.1.» typed) or with Word lists (the number is not in the text
at all); this module resolves Word's numbering (levels, formats, restarts) so both arrive the same
way. Manual line breaks split a paragraph into lines; text boxes, content controls and table cells
are read in document order; deleted revisions are left out. Reading only: nothing here decides
what a line means.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from . import package
from .numbering import Numbering, val

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
PICTURES = (W + "drawing", W + "pict", W + "object")
SKIPPED_ANCESTORS = {W + "del", W + "moveFrom", MC_FALLBACK, W + "txbxContent"}
# Word's bullet library as symbol-font characters (Symbol ·, Wingdings ■ ➢ ✓ ❖ ● ■): a typed bullet.
BULLET_SYMBOLS = {"F0B7", "F0A7", "F0D8", "F0FC", "F076", "F06C", "F06E", "F09F", "F0A8"}
# What Word (or LibreOffice) shows in place of a cross-reference whose target is gone.
BROKEN_REFERENCE = re.compile(r"(?:Ошибка|Error)[!:]\s*(?:Источник ссылки не найден|Закладка не определена|Reference "
                              r"source not found|Bookmark not defined)\.?", re.I)
AUTO_NUMBER = re.compile(r"\s*(AUTONUM|AUTONUMLGL|AUTONUMOUT|LISTNUM)\b(?:.*?\\l\s+(\d))?", re.I)
TITLE = re.compile(r"(?:должностная|рабочая|производственная)\s+инструкция", re.I)  # workers' ones are «рабочие»
HEADING_STYLE = re.compile(r"^(heading|заголовок|title|название|subtitle)", re.I)
# Characters Word does not show (a soft hyphen typed as text, zero-width spaces, a byte order mark) would split
# words for every comparison («ПРА\u00adВА» is no heading); a no-break hyphen is a hyphen.
INVISIBLE = {**dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff")), ord("\u2011"): "-"}
OFF = ("0", "false", "off")


class UnreadableDocument(Exception):
    """The file is not a .docx python-docx can open; the message says what it is and what to do."""


@dataclass
class Line:
    paragraph: int           # the paragraph's number in the document, counting every paragraph from 1
    text: str
    list_label: str = ""     # the number or bullet Word's list numbering shows before the text
    list_level: int | None = None
    bullet: bool = False
    bold: bool = False
    heading: bool = False
    centered: bool = False
    table: tuple[int, int, int] | None = None   # (table, row, column) for a line inside a table
    bookmarks: list[str] = field(default_factory=list)


def read_lines(path: Path) -> tuple[list[Line], list[str], list[str]]:
    """The lines, what the reader did that HR should know (tracked changes accepted, comments left out), and the
    text of the page headers (a title or a department printed only there)."""
    document = open_document(path)
    numbering = Numbering(document)
    reader = _Reader(document, numbering)
    body = document.element.body
    reader.walk(body)
    notes = []
    page_header = [text for rel in document.part.rels.values() if rel.reltype.endswith("/header")
                   and not rel.is_external for p in rel.target_part.element.iter(W + "p")
                   if (text := "".join(t.text or "" if t.tag == W + "t" else "\t" for t in p.iter(W + "t", W + "tab"))
                            .translate(INVISIBLE).strip())]
    if not any(TITLE.search(line.text) for line in reader.lines):  # the title printed in the page header only
        top = [text for text in page_header if TITLE.search(text)][:1]
        reader.lines[:0] = [Line(paragraph=0, text=text) for text in top]
        notes += [f"заголовок «{text.strip()}» взят из верхнего колонтитула — проверьте наименование" for text in top]
    inserted, deleted = len(list(body.iter(W + "ins"))), len(list(body.iter(W + "del")))
    moved = len(list(body.iter(W + "moveTo")))
    if inserted or deleted or moved:
        notes.append(f"в документе есть непринятые исправления (вставок: {inserted}, удалений: {deleted}"
                     + (f", перемещений: {moved}" if moved else "") + "): импортирован текст с исправлениями, как "
                     "если бы их приняли — сверьте с окончательной редакцией")
    comments = len(list(body.iter(W + "commentReference")))
    if comments:
        notes.append(f"в документе есть примечания ({comments}): в инструкцию они не переносятся — прочтите их в Word")
    notes += [f"абзац {paragraph}: сноска «{text}» в инструкцию не перенесена (у пунктов сайта нет сносок) — если "
              "она нужна, впишите её текст в пункт" for paragraph, text in _notes_text(document, reader.notes)]
    chunks = len(list(body.iter(W + "altChunk")))
    if chunks:
        notes.append(f"в документе есть вставленные фрагменты другого формата ({chunks}, altChunk): их текст не "
                     "прочитан — откройте файл в Word, сохраните заново как .docx и импортируйте снова")
    return reader.lines, notes + reader.unread, page_header


def _formula(element) -> str:
    """An equation as one line: «П=О×(Ф)/(Н)», «м^2», «√(x)»; the rest of its structure is read in order."""
    def part(name: str) -> str:
        found = element.find(M + name)
        return _formula(found) if found is not None else ""
    if element.tag == M + "t":
        return element.text or ""
    if element.tag == M + "f":
        return f"({part('num')})/({part('den')})"
    if element.tag == M + "sSup":
        return f"{part('e')}^{part('sup')}"
    if element.tag == M + "rad":
        return f"√({part('e')})"
    return "".join(_formula(child) for child in element if isinstance(child.tag, str) and not child.tag.endswith("Pr"))


def _next_block(p):
    """The paragraph, table or content control after p (bookmark and comment marks between them are no text)."""
    following = p.getnext()
    while following is not None and following.tag not in (W + "p", W + "tbl", W + "sdt", W + "sectPr"):
        following = following.getnext()
    return following


def _own(parent, tag: str) -> list:
    """Rows of a table, cells of a row, also inside content controls (a repeating section) and custom XML."""
    found = []
    for child in [] if parent is None else parent:
        if child.tag == tag:
            found.append(child)
        elif child.tag in (W + "sdt", W + "sdtContent", W + "customXml"):
            found += _own(child.find(W + "sdtContent") if child.tag == W + "sdt" else child, tag)
    return found


def _notes_text(document, references: list[tuple[int, str, str]]) -> list[tuple[int, str]]:
    """(paragraph, text) of each footnote and endnote the body refers to: their text lives in parts of their own."""
    texts = {}
    for rel in document.part.rels.values():
        kind = rel.reltype.rsplit("/", 1)[-1]
        if kind in ("footnotes", "endnotes") and not rel.is_external:
            for note in parse_xml(rel.target_part.blob).iter(W + kind[:-1]):
                texts[(kind[:-1], note.get(qn("w:id")))] = "".join(t.text or "" for t in note.iter(W + "t")).strip()
    return [(paragraph, texts.get((kind, number)) or "без текста") for paragraph, kind, number in references]


def open_document(path: Path):
    head = path.read_bytes()[:8] if path.is_file() else b""
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise UnreadableDocument("это файл Word 97–2003 (.doc), а не .docx: откройте его в Word или LibreOffice "
                                 "и сохраните как «Документ Word (.docx)»")
    if head.startswith(b"{\\rtf"):
        raise UnreadableDocument("это файл RTF, а не .docx: откройте его в Word или LibreOffice и сохраните "
                                 "как «Документ Word (.docx)»")
    if head.startswith(b"%PDF"):
        raise UnreadableDocument("это PDF, а не .docx: нужен исходный файл Word")
    if not zipfile.is_zipfile(path):
        raise UnreadableDocument("файл не является документом Word .docx (повреждён или другого формата)")
    package.check(path)  # sizes and XML entity declarations, before python-docx reads anything (package.py)
    try:
        return docx.Document(str(path))
    except Exception as error:  # python-docx raises many kinds for broken packages
        if "Excessive depth" in str(error):  # lxml stops at 256 levels of markup: tables inside tables inside …
            raise UnreadableDocument("таблицы или надписи вложены друг в друга слишком глубоко (больше 256 уровней "
                                     "разметки) — так составленный файл импорт не читает. Как исправить: "
                                     "преобразуйте вложенные таблицы в текст (Макет → Преобразовать в текст) и "
                                     "сохраните документ заново как .docx") from None
        raise UnreadableDocument(f"файл не открывается как документ Word .docx ({type(error).__name__}): "
                                 "пересохраните его в Word или LibreOffice") from error


class _Reader:
    def __init__(self, document, numbering: Numbering):
        self.document = document
        self.numbering = numbering
        self.lines: list[Line] = []
        self.notes: list[tuple[int, str, str]] = []   # (paragraph, "footnote" or "endnote", id) of each reference
        self.unread: list[str] = []                    # what Word holds but the import leaves out, for the report
        self.paragraphs = 0
        self.field_counters: list[int] = []   # the numbers AUTONUM and LISTNUM fields show, level by level
        self.tables = 0
        self.carried = None   # a paragraph whose mark is deleted: accepted, it runs on into the next paragraph
        self.styles = {s.style_id: s for s in document.styles if getattr(s, "style_id", None)}

    def walk(self, container, table: tuple[int, int, int] | None = None) -> None:
        for child in container:
            if child.tag == W + "p":
                self.paragraph(child, table)
            elif child.tag == W + "tbl":
                self.tables += 1
                number = self.tables
                for r, row in enumerate(_own(child, W + "tr")):
                    for c, cell in enumerate(_own(row, W + "tc")):
                        self.walk(cell, (number, r, c))
            elif child.tag in (W + "sdt", W + "sdtContent", W + "customXml", W + "smartTag"):
                inner = child.find(W + "sdtContent") if child.tag == W + "sdt" else child
                self.walk([] if inner is None else inner, table)  # a content control may hold no content at all

    def paragraph(self, p, table) -> None:
        carried, self.carried = self.carried, None
        for box in p.iter(W + "txbxContent"):  # a stamp in a text box is read before its anchor paragraph
            if self._belongs(box, p):  # once: a box inside a box is read with the inner box's paragraph
                self.walk(box, table)
        self.paragraphs += 1
        text, bold = self.text(p)
        gone = p.find(f"{W}pPr/{W}rPr/{W}del") is not None or p.find(f"{W}pPr/{W}rPr/{W}moveFrom") is not None
        if gone and not text.strip():
            self.carried = carried
            return  # a paragraph deleted (or moved away) with its mark: gone from the document and its numbering
        style = self.styles.get(val(p.find(f"{W}pPr/{W}pStyle")) or "")
        if carried:  # the merged paragraph keeps the first one's number and look
            text, bold = carried[0] + text, carried[1] and bold
            label, level, bullet = carried[2] if carried[2][0] else self.list_label(p, style) or self.field_label(p)
            common = carried[3] | {"bold": bold}
        else:
            label, level, bullet = self.list_label(p, style) or self.field_label(p)
            common = dict(
                paragraph=self.paragraphs, bold=bold, table=table, heading=self.is_heading(p, style),
                centered=self.alignment(p, style) == "center",
                bookmarks=[b.get(qn("w:name")) for b in p.iter(W + "bookmarkStart")])
        if gone and _next_block(p) is not None and _next_block(p).tag == W + "p":
            self.carried = (text, bold, (label, level, bullet), common)
            return
        parts = [part for part in text.split("\n")]
        for index, part in enumerate(parts):
            if not part.strip() and not (index == 0 and label):
                continue
            first = index == 0
            self.lines.append(Line(text=part, list_label=label if first else "", list_level=level if first else None,
                                   bullet=bullet and first, **common))

    def text(self, p) -> tuple[str, bool]:
        pieces, bold_flags, prompts = [], [], []
        fields: list[bool] = []  # open complex fields, True once past «separate»: only their results are shown
        for run in p.iter(W + "r", M + "oMath"):
            if not self._belongs(run, p):
                continue
            if run.tag == M + "oMath":  # an equation: its letters are no w:t, and fractions have no line of text
                if not any(a.tag == M + "oMath" for a in run.iterancestors()):
                    pieces.append(formula := _formula(run))
                    self.unread.append(f"абзац {self.paragraphs}: формула Word перенесена строкой «{formula}» — "
                                       "проверьте запись (дроби — через «/», степени — через «^»)")
                continue
            if any(c.find(f"{W}sdtPr/{W}showingPlcHdr") is not None for c in run.iterancestors(W + "sdt")):
                prompts += [t.text or "" for t in run.iter(W + "t")]  # «Введите текст»: the field is not filled in
                continue
            bold = self.run_flag(run, p, "b")
            if self.run_flag(run, p, "vanish"):  # hidden by the run or by its character or paragraph style
                shown = "".join(t.text or "" for t in run.iter(W + "t")).strip()
                if shown:
                    self.unread.append(f"абзац {self.paragraphs}: скрытый текст «{shown}» (в Word его не видно) не "
                                       "перенесён — если он нужен, снимите в Word отметку «Скрытый» и импортируйте "
                                       "снова")
                continue
            mark = False  # a footnote's own mark («*») typed after its reference: dropped with the note
            for item in run:
                if item.tag == W + "fldChar":
                    kind = item.get(qn("w:fldCharType"))
                    if kind == "begin":
                        fields.append(False)
                    elif fields:
                        fields[-1:] = [True] if kind == "separate" else []
                    continue
                if not all(fields):  # the code of a field, or a field nested in that code (IF … DOCVARIABLE …)
                    continue
                if item.tag == W + "t" and not mark:
                    # A symbol font's character typed as text (LibreOffice, older Word): U+F0B7 is Symbol's bullet.
                    font = run.find(f"{W}rPr/{W}rFonts")
                    shown = re.sub("[\uf000-\uf0ff]", lambda m: self.symbol(
                        None if font is None else font.get(qn("w:ascii")), f"{ord(m.group()):04X}"), item.text or "")
                    pieces.append(shown)
                    if shown.strip():
                        bold_flags.append(bold)
                elif item.tag in (W + "tab", W + "ptab"):
                    pieces.append("\t")
                elif item.tag in (W + "br", W + "cr"):  # a page or column break inside a sentence parts two words
                    pieces.append(" " if item.get(qn("w:type")) in ("page", "column") else "\n")
                elif item.tag == W + "noBreakHyphen":
                    pieces.append("-")
                elif item.tag in PICTURES and not any(True for _ in item.iter(W + "txbxContent")):
                    self.unread.append(f"абзац {self.paragraphs}: рисунок или встроенный объект (схема, таблица "
                                       "Excel) не перенесён — у пунктов сайта рисунков нет; если он нужен, опишите "
                                       "его в пункте словами")
                elif item.tag == W + "sym":
                    pieces.append(self.symbol(item.get(qn("w:font")), (item.get(qn("w:char")) or "").upper()))
                elif item.tag in (W + "footnoteReference", W + "endnoteReference"):
                    self.notes.append((self.paragraphs, item.tag[len(W):-len("Reference")], item.get(qn("w:id"))))
                    mark = (item.get(qn("w:customMarkFollows")) or "0") not in OFF
        text = "".join(pieces).replace("\xa0", " ").translate(INVISIBLE)
        if "".join(prompts).strip():
            self.unread.append(f"абзац {self.paragraphs}: поле формы не заполнено (в нём подсказка «"
                               f"{''.join(prompts).strip()}») — подсказка не перенесена; впишите нужный текст")
        for broken in BROKEN_REFERENCE.findall(text):
            self.unread.append(f"абзац {self.paragraphs}: «{broken}» — перекрёстная ссылка Word, чья цель удалена: "
                               "впишите в пункт, на что он ссылается")
        return text, bool(bold_flags) and all(bold_flags)

    def symbol(self, font: str | None, code: str) -> str:
        """A symbol font's character: a bullet of Word's library reads as «•», any other is reported and left out."""
        if code in BULLET_SYMBOLS:
            return "•"
        self.unread.append(f"абзац {self.paragraphs}: символ шрифта «{font}» (код {code}) не перенесён — впишите "
                           "его в пункт обычным текстом")
        return ""

    @staticmethod
    def _belongs(run, p) -> bool:
        """A run is the paragraph's own unless a deletion, a fallback or a text box (read apart) lies between."""
        for ancestor in run.iterancestors():
            if ancestor is p:
                return True
            if ancestor.tag in SKIPPED_ANCESTORS:
                return False
        return False

    def run_flag(self, run, p, tag: str) -> bool:
        """Whether a run is bold («b») or hidden («vanish»): set on the run, else by its character style, else by
        the paragraph's style (each style with the styles it is based on)."""
        flag = run.find(f"{W}rPr/{W}{tag}")
        for style_id in (val(run.find(f"{W}rPr/{W}rStyle")), val(p.find(f"{W}pPr/{W}pStyle"))):
            style = self.styles.get(style_id or "")
            while flag is None and style is not None:
                flag, style = style.element.find(f"{W}rPr/{W}{tag}"), getattr(style, "base_style", None)
        return flag is not None and val(flag) not in OFF

    def list_label(self, p, style) -> tuple[str, int | None, bool]:
        num_pr = p.find(f"{W}pPr/{W}numPr")
        while num_pr is None and style is not None:
            ppr = style.element.find(W + "pPr")
            num_pr = ppr.find(W + "numPr") if ppr is not None else None
            style = style.base_style
        if num_pr is None:
            return None
        num_id, level = val(num_pr.find(W + "numId")), int(val(num_pr.find(W + "ilvl")) or 0)
        if not num_id or num_id == "0":
            return None
        shown = self.numbering.label(num_id, level)
        if shown is None:
            return None
        return shown[0], level, shown[1]

    def field_label(self, p) -> tuple[str, int | None, bool]:
        """A number shown by a field at the start of the paragraph (AUTONUM, LISTNUM \\l 2): the text lacks it."""
        for item in p.iter(W + "t", W + "instrText", W + "fldSimple"):
            code = item.get(qn("w:instr")) if item.tag == W + "fldSimple" else item.text
            if not (code or "").strip():
                continue
            field = AUTO_NUMBER.match(code) if item.tag != W + "t" else None
            if not field:
                break
            level, counters = int(field.group(2) or 1) - 1, self.field_counters
            del counters[level + 1:]
            counters += [0] * (level + 1 - len(counters))
            counters[level] += 1
            return ".".join(map(str, counters)) + ".", level, False
        return "", None, False

    @staticmethod
    def is_heading(p, style) -> bool:
        """A heading style by name, or an outline level on the paragraph or its style (9 is body text)."""
        level = val(p.find(f"{W}pPr/{W}outlineLvl"))
        while level is None and style is not None:
            if HEADING_STYLE.match(style.name or ""):
                return True
            level, style = val(style.element.find(f"{W}pPr/{W}outlineLvl")), style.base_style
        return level is not None and level != "9"

    @staticmethod
    def alignment(p, style) -> str | None:
        value = val(p.find(f"{W}pPr/{W}jc"))
        while value is None and style is not None:
            value = val(style.element.find(f"{W}pPr/{W}jc")) if style.element.find(W + "pPr") is not None else None
            style = style.base_style
        return value
