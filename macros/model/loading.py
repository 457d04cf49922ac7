"""Reading HR's files: bytes -> text, read the way MkDocs reads it (UTF-8, BOM allowed, universal newlines),
-> front matter (front_matter.py) + body, with a problem for each way it can fail; a file not in UTF-8 is
named with the encoding it most likely is and the command that converts it.
"""

from __future__ import annotations

import re
from pathlib import Path

from .front_matter import kind_of, split_front_matter
from .positions import Position, Staff, position_files
from .problems import Problem

# Byte-order marks of the encodings Notepad and Word offer besides UTF-8.
BOMS = ((b"\xff\xfe\x00\x00", "UTF-32 LE", "utf-32"), (b"\x00\x00\xfe\xff", "UTF-32 BE", "utf-32"),
        (b"\xff\xfe", "UTF-16 LE", "utf-16"), (b"\xfe\xff", "UTF-16 BE", "utf-16"))
# Single-byte Cyrillic encodings: Python's codec, the name HR's tools show, the name iconv knows.
CYRILLIC = (("cp1251", "Windows-1251 (cp1251)", "cp1251"), ("koi8_r", "KOI8-R", "koi8-r"),
            ("cp866", "DOS 866 (cp866)", "cp866"), ("iso8859_5", "ISO-8859-5", "iso-8859-5"),
            ("mac_cyrillic", "Mac Cyrillic", "mac-cyrillic"))
FREQUENT = set("оеаинтсрвлкмдпуяы")  # the most frequent Russian letters, lower case


def text_of(raw: bytes, shown_as: str) -> tuple[str | None, Problem | None]:
    """A file's bytes (in the work tree or at a commit) as text with '\\n' line ends, or the problem."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:  # its line, so HR knows where to look
        return None, not_utf8(shown_as, raw, error.object.count(b"\n", 0, error.start) + 1)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, None


def not_utf8(shown_as: str, raw: bytes, bad_line: int) -> Problem:
    name, iconv = guess_encoding(raw)
    hint = f" — вероятно, он сохранён в кодировке {name}" if name else ""
    source = iconv or "<кодировка>"
    return Problem(
        shown_as, f"файл не в кодировке UTF-8{hint}",
        "сохраните файл в UTF-8: в Блокноте — «Файл → Сохранить как», внизу «Кодировка: UTF-8»; "
        "в VS Code — щёлкните название кодировки в строке состояния → «Reopen with Encoding» (выберите "
        "нынешнюю), затем «Save with Encoding: UTF-8»; в командной строке: "
        f"iconv -f {source} -t utf-8 файл.md > новый.md. Проще всего править файлы в веб-интерфейсе git: "
        "он всегда сохраняет UTF-8", line=bad_line if not name or "UTF-" not in name else 1)


def guess_encoding(raw: bytes) -> tuple[str | None, str | None]:
    """(name shown to HR, name for iconv) of the likeliest encoding of bytes that are not UTF-8."""
    for bom, name, iconv in BOMS:
        if raw.startswith(bom):
            return name, iconv
    if b"\x00" in raw[:4096]:
        # ASCII and Cyrillic in UTF-16 put a zero or 0x04 in every other byte: the zeros' side tells the order.
        even, odd = raw[0::2].count(0), raw[1::2].count(0)
        return (("UTF-16 LE (без метки BOM)", "utf-16le") if odd > even else
                ("UTF-16 BE (без метки BOM)", "utf-16be") if even > odd else (None, None))
    best, best_score = None, 0.0
    for codec, name, iconv in CYRILLIC:
        score = _russian_score(raw.decode(codec, errors="replace"))
        if score > best_score:
            best, best_score = (name, iconv), score
    return best if best_score > 0.5 else (None, None)


def _russian_score(text: str) -> float:
    """How much the non-ASCII part of a text looks like Russian prose (0..1)."""
    letters = [ch for ch in text if ord(ch) > 127]
    if not letters:
        return 0.0
    return sum(("а" <= ch <= "я" or ch == "ё") + (ch in FREQUENT) for ch in letters) / (2 * len(letters))


def load_staff(docs_dir: Path, read=None) -> tuple[Staff, list[Problem]]:
    """Read every position file; return the positions that could be read and all problems. read: in place
    of position_from_bytes (`mkdocs serve` answers an unchanged file from its last reading, checks/run.py)."""
    staff = Staff()
    problems: list[Problem] = []
    for path in position_files(docs_dir):
        # Messages name a file as HR sees it in the repository: docs/positions/<slug>.md.
        shown_as = path.relative_to(docs_dir.parent).as_posix() if docs_dir.parent in path.parents else str(path)
        position, found = (read or position_from_bytes)(path.read_bytes(), shown_as,
                                                        path.relative_to(docs_dir).as_posix())
        problems += found
        if position is not None:
            staff.positions[position.slug] = position
    return staff, problems


def position_from_bytes(raw: bytes, shown_as: str, src_path: str) -> tuple[Position | None, list[Problem]]:
    """A position file's bytes (in the work tree or at a commit, model/editions.py) read as a position."""
    text, problem = text_of(raw, shown_as)
    if problem:
        return None, [problem]
    return position_from_text(text, shown_as, src_path)


DASHES = re.compile(r"[ \t]*+[-–—―‒]{2,}+[^\n]*")  # a line meant as «---»: dashes autocorrected, one more, text after


def _no_front_matter(text: str, shown_as: str) -> Problem:
    """No block between two «---» lines: named at the line meant as one of them, if there is one."""
    lines = text.split("\n")
    fix = "первая строка файла — ровно три дефиса ---, затем поля (title: …, department: …), затем снова ---"
    if lines[0].rstrip(" \t") != "---":
        first = f"«{lines[0][:40]}»" if lines[0].strip() else "пустая"
        return Problem(shown_as, f"нет блока с данными должности (front matter): первая строка {first}, а не ---",
                       fix + " (без пробелов и других знаков, дефисы — не тире)", line=1)
    meant = next((number for number, line in enumerate(lines[1:], 2) if DASHES.fullmatch(line)
                  or line.startswith(("{{", "## "))), None)
    if meant is None:
        return Problem(shown_as, "нет блока с данными должности: после первой строки --- нет закрывающей строки ---",
                       fix, line=1)
    written = lines[meant - 1]
    if DASHES.fullmatch(written):
        return Problem(shown_as, f"строка «{written.strip()[:40]}» должна закрывать данные должности, но это не ---",
                       "напишите в этой строке ровно три дефиса --- (без пробелов и других знаков, дефисы — не тире)",
                       line=meant)
    return Problem(shown_as, "данные должности не закрыты: перед этой строкой нет строки ---",
                   "вставьте строку --- (три дефиса) после последнего поля, перед текстом инструкции", line=meant)


def position_from_text(text: str, shown_as: str, src_path: str) -> tuple[Position | None, list[Problem]]:
    found = split_front_matter(text, shown_as)
    if found is None:
        return None, [_no_front_matter(text, shown_as)]
    if isinstance(found, Problem):
        return None, [found]
    meta, lines, repeated, body, body_line = found
    if not isinstance(meta, dict):
        return None, [Problem(
            shown_as, "данные должности между строками --- должны быть списком полей «имя: значение», "
            f"а здесь {kind_of(meta)}",
            "запишите каждое поле с новой строки в начале строки, например: title: Менеджер по продажам",
            line=2)]
    problems = [Problem(
        shown_as, f"поле указано дважды (первый раз в строке {lines[key]}); YAML молча берёт последнее значение",
        "оставьте одну строку с этим полем", field=".".join(map(str, key)), line=line) for key, line in repeated]
    return Position(Path(src_path).stem, src_path, meta, body, body_line, lines), problems
