"""The document header: organisation, the approval stamp, the title, the place, the edition line.

Read from the lines before the first section, whether the stamp stands in a table, in paragraphs
split by tabs, or after manual line breaks; dates as «02» февраля 2026 г., 2 февраля 2026 года or
02.02.2026; orders as «Приказ № 14-ОД от 02.02.2026» or «приказом от 02.02.2026 № 14-ОД».
Blanks to sign («Фамилия И.О. ________», «"___" ______ 20__ г.») are recognised and dropped.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass, field

from .reading import TITLE, Line

MONTHS = {name: number for number, names in enumerate((
    ("январ",), ("феврал",), ("март",), ("апрел",), ("ма",), ("июн",), ("июл",), ("август",), ("сентябр",),
    ("октябр",), ("ноябр",), ("декабр",)), start=1) for name in names}
MONTH_WORD = r"(январ[ья]|феврал[ья]|марта?|апрел[ья]|ма[йя]|июн[ья]|июл[ья]|августа?|сентябр[ья]|октябр[ья]" \
             r"|ноябр[ья]|декабр[ья])"
DATE_WORDS = re.compile(r"[«\"“']?\s*(\d{1,2})\s*[»\"”']?\s+" + MONTH_WORD + r"\s+(\d{4})", re.I)
DATE_DIGITS = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
DATE_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
ORDER_NUMBER = re.compile(r"№\s*([0-9A-Za-zА-Яа-яЁё][\w\-/.]*?)(?=[\s,;)]|$|\.$|\.\s)")
STAMP_WORD = re.compile(r"^(утверждаю|утвержден[аоы]?|утверждено|согласовано)\b", re.I)
ORGANISATION = re.compile(r"\b(ООО|ЗАО|ОАО|ПАО|НАО|АО|ИП|ФГУП|МУП|ГУП|ГБУ|МБУ|АНО)\b|^(общество|акционерное|"
                          r"федеральное|государственное|муниципальное|индивидуальный|товарищество)", re.I)
BLANK = re.compile(r"^[\s_.«»\"“”'\-–—/г]*(20[_\s]*|19[_\s]*)?[\s_.«»\"“”'г]*$")
SIGNER = re.compile(r"^(_+\s*)?([А-ЯЁ]\.\s?){1,2}\s?[А-ЯЁ][а-яё]+(\s*_+)?$|^[А-ЯЁ][а-яё]+\s+([А-ЯЁ]\.\s?){1,2}(\s*_+)?$"
                    r"|^(_+\s*)?(фамилия|ф\.?\s?и\.?\s?о\.?|подпись|м\.\s?п\.)", re.I)
VERSION = re.compile(r"редакция\s*(?:№\s*)?(\d+(?:\.\d+)*)", re.I)
DEPARTMENT = re.compile(r"^(?:(?:структурное\s+)?подразделение\s*[:—–-]\s*)?((?:отдел|управление|служба|департамент|цех"
                        r"|сектор|бухгалтерия|дирекция|лаборатория)\b[^_]{0,60})$", re.I)
CITY = re.compile(r"^(г\.|город)\s*[А-ЯЁ][\w\- ]+$|^[А-ЯЁ][а-яё]+(?:[\- ][А-ЯЁа-яё][а-яё]+)?$")


@dataclass
class Header:
    genitive: str | None = None
    aliases: list[str] = field(default_factory=list)
    approved: dt.date | None = None
    approval_order: str | None = None
    by_protocol: bool = False  # «(протокол от … № 1)»: a meeting's decision, numbered by its minutes
    version: str | None = None
    appointment_note: str | None = None
    organisation: str | None = None
    department: str | None = None   # «Отдел продаж» on a line of its own, «Подразделение: …»
    recognised: list[tuple[Line, str]] = field(default_factory=list)
    unknown: list[Line] = field(default_factory=list)


def find_date(text: str) -> dt.date | None:
    for pattern, order in ((DATE_WORDS, "dmy-word"), (DATE_DIGITS, "dmy"), (DATE_ISO, "ymd")):
        match = pattern.search(text)
        if not match:
            continue
        try:
            if order == "dmy-word":
                month = next(n for stem, n in MONTHS.items() if match.group(2).lower().startswith(stem))
                return dt.date(int(match.group(3)), month, int(match.group(1)))
            if order == "dmy":
                return dt.date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
            return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except (ValueError, StopIteration):
            continue
    return None


def find_order(text: str) -> str | None:
    """«№ 14-ОД от 02.02.2026» from any common way of writing an order's requisites."""
    number = ORDER_NUMBER.search(text)
    if not number or BLANK.match(number.group(1)) or set(number.group(1)) <= set("_"):
        return None
    date = find_date(text)
    return f"№ {number.group(1)}" + (f" от {date:%d.%m.%Y}" if date else "")


def fragments(lines: list[Line]) -> list[tuple[Line, str]]:
    """Each line cut at tabs and long runs of spaces: «ООО «Ромашка»<tab><tab>УТВЕРЖДАЮ» is two fragments."""
    result = []
    for line in lines:
        for part in re.split(r"\t+| {3,}", line.text):
            part = re.sub(r"\s+", " ", part).strip()
            if part:
                result.append((line, part))
    return result


def read_header(lines: list[Line]) -> Header:
    header = Header()
    # A stamp table is read column by column, as a person reads it: «СОГЛАСОВАНО» on the left, «УТВЕРЖДАЮ» on the
    # right, one line of each per row — the agreement's date must not be taken for the approval's.
    lines = [line for _, group in itertools.groupby(lines, key=lambda line: line.table and line.table[0])
             for line in sorted(group, key=lambda line: line.table[2:0:-1] if line.table else ())]
    parts = fragments(lines)
    title_at = next((i for i, (_, text) in enumerate(parts) if TITLE.search(text)), None)
    in_stamp = False
    agreeing = False  # inside «СОГЛАСОВАНО …»: its date and signer are not the approval's
    for index, (line, text) in enumerate(parts):
        if index == title_at:
            _read_title(header, parts, index)
            agreeing = False
            continue
        if any(line is known and text == t for known, t in header.recognised):
            continue
        if STAMP_WORD.match(text):
            agreeing = text.lower().startswith("согласов")
        if agreeing and (find_date(text) or BLANK.match(text) or SIGNER.match(text) or len(text) < 80):
            header.recognised.append((line, text))
            continue
        what = _classify(header, text, in_stamp, title_at is not None and index > title_at)
        if what == "stamp":
            in_stamp = True
        if what:
            header.recognised.append((line, text))
        else:
            header.unknown.append(line)
    return header


def _read_title(header: Header, parts, index: int) -> None:
    line, text = parts[index]
    header.recognised.append((line, text))
    rest = TITLE.split(text, maxsplit=1)[1]
    rest = re.sub(r"^\s*№\s*[\w\-/]+", "", rest).strip(" .:—-")
    if not rest and index + 1 < len(parts):
        following, candidate = parts[index + 1]
        if not (find_date(candidate) or STAMP_WORD.match(candidate) or CITY.match(candidate) and len(candidate) < 25):
            rest = candidate
            header.recognised.append((following, candidate))
    aliases = re.search(r"\(([^()]+)\)\s*$", rest)
    if aliases:
        header.aliases = [a.strip() for a in re.split(r"[,;]", aliases.group(1)) if a.strip()]
        rest = rest[:aliases.start()].strip()
    if rest and rest == rest.upper():
        rest = rest.lower()  # «МЕНЕДЖЕРА ПО ПРОДАЖАМ»
    elif rest[:1].isupper() and not rest[1:2].isupper():
        rest = rest[:1].lower() + rest[1:]  # «Менеджера …», but «HR-менеджера» stays
    header.genitive = rest or None


def _classify(header: Header, text: str, in_stamp: bool, after_title: bool) -> str | None:
    version = VERSION.search(text)
    if version:
        header.version = version.group(1)
        header.approved = find_date(text) or header.approved
        header.approval_order = find_order(text) or header.approval_order
        return "version"
    if STAMP_WORD.match(text):
        rest = STAMP_WORD.sub("", text).strip(" :")
        if rest:
            return _classify(header, rest, True, after_title) or "stamp"
        return "stamp"
    order = find_order(text)
    if order and re.search(r"приказ|распоряжени|протокол|№", text, re.I):
        if header.approval_order is None:
            header.by_protocol = bool(re.search(r"протокол", text, re.I))
        header.approval_order = header.approval_order or order
        header.approved = header.approved or find_date(text)
        return "order"
    date = find_date(text)
    if date:
        header.approved = header.approved or date
        return "date"
    if re.match(r"^(решением|протоколом|постановлением)\b", text, re.I) and in_stamp:
        header.appointment_note = text.rstrip(". ")
        return "note"
    department = DEPARTMENT.match(text)
    if department and not in_stamp:
        header.department = header.department or department.group(1).rstrip(". ")
        return "department"
    if ORGANISATION.search(text):
        header.organisation = header.organisation or text
        return "organisation"
    if BLANK.match(text) or SIGNER.match(text) or re.fullmatch(r"[_\s]*(м\.?\s?п\.?)?[_\s]*", text, re.I):
        return "blank"
    if in_stamp and not after_title and len(text) < 80:
        return "official"  # «Генеральный директор», «Директор по персоналу» in the stamp
    if after_title and CITY.match(text) and len(text) < 40:
        return "city"
    return None
