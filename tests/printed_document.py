"""What a printed instruction must look like, checked on a PDF with poppler.

One check for both ways people get paper: the browser's print of a position page and the
PDF written at build time. The page's HTML says what must be there (clauses, title, stamp).
"""

from __future__ import annotations

import functools
import re
import statistics
import subprocess
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

PT_PER_MM = 72 / 25.4
A4 = (595.28, 841.89)
# Words of the site around the document; none of them may reach the paper.
SITE_CHROME = ("Поиск", "Перейти к содержанию", "Должностные инструкции", "Порядок разработки",
               "Главная", "Содержание", "Печать", "Скачать PDF", "Made with")
# «И. О. Фамилия», «Фамилия И.О.»: a name to cross out by hand is not a name.
PLACEHOLDER_NAME = re.compile(r"\bФамилия\b|\bИ\.\s*О\.")
# «№ 14-ОД от 02.02.2026»: ГОСТ Р 7.0.97 puts the date first («от 02.02.2026 № 14-ОД»).
NUMBER_BEFORE_DATE = re.compile(r"№\s*\S+\s+от\s+\d\d\.\d\d\.\d{4}")
TEXT_BLOCK_CENTRE_MM = (25 + 210 - 10) / 2  # between the left (25 mm) and right (10 mm) margins
HYPHENATED = "\u2010\n"  # WeasyPrint's hyphen at the end of a line it hyphenated (print.css: hyphens)
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')


@dataclass
class Word:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str


class PrintedDocument:
    """A PDF read with poppler: its size, its pages' text and where the words are."""

    def __init__(self, pdf: Path):
        self.pdf = pdf
        info = _run("pdfinfo", str(pdf))
        self.pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
        width, height = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info, re.M).groups()
        self.size = (float(width), float(height))
        self.fonts = _run("pdffonts", str(pdf))

    @functools.cached_property
    def _page_texts(self) -> list[str]:
        # pdftotext ends every page with a form feed. A word hyphenated at a line's end (the engine's
        # U+2010, never the hyphen of «152-ФЗ») is read whole, as a person reads it.
        return _run("pdftotext", str(self.pdf), "-").replace(HYPHENATED, "").split("\f")[:self.pages]

    @functools.cached_property
    def _page_words(self) -> list[list[Word]]:
        bbox = _run("pdftotext", "-bbox", str(self.pdf), "-")
        return [[Word(float(a), float(b), float(c), float(d), _unescape(t)) for a, b, c, d, t in WORD.findall(page)]
                for page in bbox.split("<page ")[1:]]

    def text(self, page: int | None = None) -> str:
        """Plain text of one page (1-based) or of the whole document."""
        return self._page_texts[page - 1] if page else "\n".join(self._page_texts)

    def lines(self, page: int) -> list[str]:
        return [line.strip() for line in self.text(page).splitlines() if line.strip()]

    @functools.cached_property
    def _page_layouts(self) -> list[str]:
        return _run("pdftotext", "-layout", str(self.pdf), "-").split("\f")[:self.pages]

    def printed_lines(self, page: int) -> list[str]:
        """The lines as they stand on the sheet. The reading order of ``lines`` may cut a loose justified
        line (wide gaps, Chromium cannot hyphenate) in two, as if its end were a column of its own."""
        return [line.strip() for line in self._page_layouts[page - 1].splitlines() if line.strip()]

    def words(self, page: int) -> list[Word]:
        return self._page_words[page - 1]


def check_printed_instruction(pdf: Path, page: BeautifulSoup, how: str) -> None:
    """Everything a person signing the paper relies on; `how` names the way it was printed."""
    doc = PrintedDocument(pdf)
    name = page.select_one(".doc-name").get_text(strip=True)
    where = f"{how} of «{name}»"
    assert abs(doc.size[0] - A4[0]) <= 1 and abs(doc.size[1] - A4[1]) <= 1, f"{where} is not A4: {doc.size}"
    assert 2 <= doc.pages <= 8, f"{where} has {doc.pages} pages; an instruction takes 2 to 8"
    assert "Serif" in doc.fonts or "Times" in doc.fonts, f"{where} is not set in a serif font:\n{doc.fonts}"
    whole = _flat(doc.text())

    _check_nothing_screen_only(whole, page, where)
    _check_first_page(doc, page, where)
    _check_margins_and_size(doc, where)
    assert doc.lines(2)[0] == "2", f"{where}: page 2 does not start with its number at the top: {doc.lines(2)[:2]}"
    number = next(w for w in doc.words(2) if w.text == "2")
    centre = (number.x0 + number.x1) / 2 - doc.size[0] / 2
    assert abs(centre) < 20 * PT_PER_MM and number.y1 < 20 * PT_PER_MM, (
        f"{where}: the page number is not centred in the top margin")
    for page_number in range(2, doc.pages + 1):
        shown = next(w for w in doc.words(page_number) if w.text == str(page_number))
        assert shown.y0 >= 10 * PT_PER_MM, (
            f"{where}: the number of page {page_number} is {shown.y0 / PT_PER_MM:.1f} mm from the top edge, "
            "under 10 mm (ГОСТ Р 7.0.97: a printer may cut it off)")
    _check_line_ends(doc, where)
    for number in page.select("li[data-clause] > .clause-number, li[data-clause] > p > .clause-number"):
        clause = _own_text(number.find_parent("li"))
        start = " ".join(clause.split()[:4])
        assert start in whole, f"{where}: clause «{start}…» is missing"
    for chrome in SITE_CHROME:
        assert chrome not in whole, f"{where} prints the site's «{chrome}»"
    _check_headings_not_orphaned(doc, page, where)
    _check_signatures(doc, where)
    _check_acknowledgement_sheet(doc, page, where)
    _check_one_approval_form(doc, where)
    assert not PLACEHOLDER_NAME.search(whole), (
        f"{where} prints a placeholder name «{PLACEHOLDER_NAME.search(whole).group(0)}» instead of a name or a line")
    _check_tables_in_body_size(doc, page, where)


def _check_nothing_screen_only(whole: str, page: BeautifulSoup, where: str) -> None:
    """The «Справка» block and every element marked screen-only (the card, other names, the record of
    changes, the history) are on the page and nowhere on paper: one rule in print.css says so."""
    reference = page.select_one(".admonition.reference p:not(.admonition-title)")
    assert "Справка" not in whole, f"{where} prints the «Справка» block"
    if reference:
        sentence = _flat(reference.get_text(" "))[:60]
        assert sentence not in whole, f"{where} prints reference text «{sentence}»"
    screen_only = page.select(".screen-only")
    assert screen_only, f"«{where}»: the page has nothing marked screen-only"
    printed = _printed_text(page)
    for element in screen_only:
        # Each line of the element's own text that the printed part of the page does not also say.
        for text in {_flat(s) for s in element.find_all(string=True)}:
            if len(text) >= 8 and text not in printed:
                assert text not in whole, (
                    f"{where} prints «{text}» of the screen-only {element.name}.{'.'.join(element['class'])}")


def _printed_text(page: BeautifulSoup) -> str:
    """The page's text without its screen-only parts and its «Справка» block."""
    copy = BeautifulSoup(str(page), "html.parser")
    for element in copy.select(".screen-only, .admonition.reference"):
        element.decompose()
    return _flat(copy.get_text(" "))


def _check_first_page(doc: PrintedDocument, page: BeautifulSoup, where: str) -> None:
    first = _flat(doc.text(1))
    stamp_word = page.select_one(".doc-stamp-word").get_text(strip=True)
    for part in (page.select_one(".doc-org").get_text(strip=True), stamp_word, "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ",
                 page.select_one(".doc-name").get_text(strip=True), _flat(page.select_one(".doc-version").get_text())):
        assert _flat(part) in first, f"{where}: page 1 lacks «{part}»"
    org = page.select_one(".doc-org").get_text(strip=True)
    assert doc.lines(1)[0] != "1", f"{where}: page 1 carries a page number"
    assert org.startswith(doc.lines(1)[0].split()[0]), (
        f"{where}: page 1 does not begin with the organisation's name but with «{doc.lines(1)[0]}»")
    word = next(w for w in doc.words(1) if w.text == stamp_word)
    right_edge = doc.size[0] - 10 * PT_PER_MM
    assert word.x0 >= right_edge - 80 * PT_PER_MM - 1, f"{where}: the approval stamp is not within 8 cm of the right margin"
    assert word.y0 < doc.size[1] / 4, f"{where}: the approval stamp is not at the top of page 1"


# What Russian typesetting never leaves at the end of a line: a one-letter word, «№», «ст.», «п.».
HANGING = {*"аАвВиИкКоОсСуУяЯ", "«О", "«В", "«С", "№", "ст.", "п.", "ч."}
DATE_START = re.compile(r"^\d\d\.\d\d\.\d{4}")


def _check_line_ends(doc: PrintedDocument, where: str) -> None:
    """No line of the body ends with a one-letter word, «№» or «ст.», nor with «от» before a date."""
    for page in range(1, doc.pages + 1):
        lines = [line.split() for line in doc.printed_lines(page)]
        for at, words in enumerate(lines[:-1]):
            if len(words) < 3:
                continue  # a table's cell («№»), a page number: not a line of running text
            last, following = words[-1], lines[at + 1][0]
            assert last not in HANGING, f"{where}, page {page}: a line ends with «{last}»: «{' '.join(words)}»"
            assert not (last == "от" and DATE_START.match(following)), (
                f"{where}, page {page}: «от» ends a line and its date «{following}» starts the next")


def _check_one_approval_form(doc: PrintedDocument, where: str) -> None:
    """ГОСТ Р 7.0.97: approved by an official («УТВЕРЖДАЮ» … date) or by a document («УТВЕРЖДЕНА приказом …
    от <date> № <number>»), never both; the date before the number."""
    first = _flat(doc.text(1))
    forms = [word for word in ("УТВЕРЖДАЮ", "УТВЕРЖДЕНА") if word in first]
    assert len(forms) == 1, f"{where}: page 1 carries {forms or 'no'} approval stamp, not exactly one form"
    assert not NUMBER_BEFORE_DATE.search(first), (
        f"{where}: «{NUMBER_BEFORE_DATE.search(first).group(0)}» puts the number before the date")
    if forms == ["УТВЕРЖДАЮ"]:
        assert "№" not in first.split("ДОЛЖНОСТНАЯ")[0], f"{where}: «УТВЕРЖДАЮ» and a document's number at once"
    else:
        assert re.search(r"от \d\d\.\d\d\.\d{4} № \S+", first), f"{where}: the approving document lacks «от <date> № <number>»"


def _check_tables_in_body_size(doc: PrintedDocument, page: BeautifulSoup, where: str) -> None:
    """A table inside a clause prints in the body's size, not the screen's small table type."""
    cells = [_flat(cell.get_text(" ")) for cell in page.select("ol.clauses table td")]
    words = {word for cell in cells for word in cell.split() if len(word) > 3}
    if not words:
        return
    body = statistics.median(w.y1 - w.y0 for n in range(1, doc.pages + 1) for w in doc.words(n))
    found = [w.y1 - w.y0 for n in range(1, doc.pages + 1) for w in doc.words(n) if w.text in words]
    assert found, f"{where}: the table inside a clause is not printed"
    assert statistics.median(found) >= 0.95 * body, (
        f"{where}: a table inside a clause prints at {statistics.median(found) / body:.0%} of the body's size")


def centre_offset_mm(doc: PrintedDocument, page: int, text: str) -> float:
    """How far the line that starts with ``text`` sits from the centre of the text block, in mm."""
    words, start = doc.words(page), text.split()[:3]
    for index, word in enumerate(words):
        if [w.text for w in words[index:index + len(start)]] == start:
            line = [w for w in words if abs(w.y0 - word.y0) < 2]
            centre = (min(w.x0 for w in line) + max(w.x1 for w in line)) / 2 / PT_PER_MM
            return centre - TEXT_BLOCK_CENTRE_MM
    raise AssertionError(f"page {page} has no line starting «{text[:40]}»")


def _check_margins_and_size(doc: PrintedDocument, where: str) -> None:
    for number in range(1, doc.pages + 1):
        words = [w for w in doc.words(number) if not (number > 1 and w.text == str(number))]
        left = min(w.x0 for w in words) / PT_PER_MM
        right = (doc.size[0] - max(w.x1 for w in words)) / PT_PER_MM
        top = min(w.y0 for w in words) / PT_PER_MM
        bottom = (doc.size[1] - max(w.y1 for w in words)) / PT_PER_MM
        # 25 mm on the left: nothing, not even a list marker, hangs into the filing margin.
        assert left >= 24.5 and right >= 9.5 and top >= 19.5 and bottom >= 19.5, (
            f"{where}, page {number}: text outside the margins (mm: left {left:.1f}, right {right:.1f}, "
            f"top {top:.1f}, bottom {bottom:.1f})")
    heights = [w.y1 - w.y0 for w in doc.words(1)]
    # A word's box is about 1.1 times the font size.
    size = statistics.median(heights) / 1.107
    assert 11.5 <= size <= 14.5, f"{where}: body text is {size:.1f} pt, not 12–14 pt"
    # A whole number of points: Chromium shrinks every page to fit anything wider than the sheet,
    # and 12 pt text then prints at 11.9 pt.
    assert abs(size - round(size)) <= 0.05, f"{where}: body text is {size:.2f} pt: the page was shrunk to fit"


def _check_headings_not_orphaned(doc: PrintedDocument, page: BeautifulSoup, where: str) -> None:
    headings = {_flat(h.get_text(" ")) for h in page.select("article h2")}
    for number in range(1, doc.pages):
        last = _flat(doc.lines(number)[-1])
        assert last not in headings, f"{where}: heading «{last}» is left alone at the bottom of page {number}"


def _check_signatures(doc: PrintedDocument, where: str) -> None:
    pages = [n for n in range(1, doc.pages + 1) if "Разработал:" in doc.text(n)]
    assert pages, f"{where} has no signature block «Разработал:»"
    assert "Согласовано:" in doc.text(pages[0]), f"{where}: «Разработал» and «Согласовано» are split across pages"
    lines = doc.lines(pages[0])
    above = lines[1 if pages[0] > 1 else 0:lines.index("Разработал:")]
    assert above, f"{where}: the signatures stand alone on page {pages[0]}, away from the text they sign"


def _check_acknowledgement_sheet(doc: PrintedDocument, page: BeautifulSoup, where: str) -> None:
    pages = [n for n in range(1, doc.pages + 1) if "ЛИСТ ОЗНАКОМЛЕНИЯ" in doc.text(n).upper()]
    assert pages, f"{where} has no acknowledgement sheet"
    lines = doc.lines(pages[0])
    assert lines[0] == str(pages[0]) and lines[1].upper() == "ЛИСТ ОЗНАКОМЛЕНИЯ", (
        f"{where}: the acknowledgement sheet does not start a page of its own: {lines[:3]}")
    text = _flat(doc.text(pages[0]))
    for column in ("№", "ФИО", "Должность", "Дата ознакомления", "Подпись"):
        assert column in text, f"{where}: the acknowledgement table has no column «{column}»"
    for line in ("ЛИСТ ОЗНАКОМЛЕНИЯ", _flat(page.select_one(".ack-subtitle").get_text())):
        offset = centre_offset_mm(doc, pages[0], line)
        assert abs(offset) < 3, f"{where}: «{line[:40]}» is {offset:+.1f} mm off the centre of the text block"
    rows = len(page.select(".ack-table tbody tr"))
    numbers = {w.text for w in doc.words(pages[0])}
    assert rows >= 10 and {str(n) for n in range(1, rows + 1)} <= numbers, (
        f"{where}: the acknowledgement table lacks empty rows to sign (expected {rows})")


def _own_text(clause) -> str:
    """A clause's own words, without the lists and tables inside it (they print with their own markers)."""
    words = [text for text in clause.find_all(string=True)
             if not any(parent.name in ("ul", "ol", "table") for parent in text.parents if parent is not clause
                        and clause in parent.parents)]
    return _flat(" ".join(words))


def _flat(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def _unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")


def _run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def pdf_text(path: Path) -> str:
    """A PDF's text in one line, a word WeasyPrint hyphenated at a line's end read whole."""
    from conftest import require_tool
    require_tool("pdftotext", "reading the PDFs")
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(text.replace(HYPHENATED, "").split())
