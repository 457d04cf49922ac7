"""A .docx checked as a zip package before python-docx opens it: bounded size, no XML entity declarations.

A .docx is a zip: a 1.5 MB file can unpack to gigabytes (python-docx reads every part into memory),
and an XML part may declare entities, which python-docx leaves unexpanded, so the paragraph using one
vanishes without a word. Every part is streamed once with a bounded read — the zip's directory may lie
about sizes — and the import is refused, naming the part and the fix, before anything is parsed.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path
from xml.etree import ElementTree

MB = 1 << 20
MAX_XML_PART = 20 * MB     # the text of a long instruction is well under 1 MB
MAX_OTHER_PART = 50 * MB   # a picture or an embedded object
MAX_TOTAL = 200 * MB       # everything unpacked together
MAX_PARTS = 5000
# Unpacked size / packed size. Word's XML packs 5–20 times; a zip bomb of zeros, a thousand times. Small parts
# may pack better than this harmlessly, so the ratio counts only above RATIO_FLOOR unpacked.
MAX_RATIO = 200
RATIO_FLOOR = 1 * MB
CHUNK = 1 * MB

# "<!DOCTYPE" / "<!ENTITY" in the encodings an XML parser accepts without being told (UTF-8, UTF-16).
DECLARATIONS = [word.encode(codec) for word in ("<!DOCTYPE", "<!ENTITY") for codec in ("utf-8", "utf-16-le", "utf-16-be")]
OVERLAP = max(map(len, DECLARATIONS))
RESAVE = "сохраните документ заново в Word как .docx (Файл → Сохранить как → «Документ Word (.docx)»)"
CONTENT_TYPES = "[Content_Types].xml"
XML_NAME = re.compile(r"\.(xml|rels)$", re.I)


def check(path: Path) -> None:
    """Refuse a package that unpacks too large or has an XML part declaring entities (UnreadableDocument)."""
    try:
        with zipfile.ZipFile(path) as package:
            parts = package.infolist()
            if len(parts) > MAX_PARTS:
                raise _refused(f"в файле {len(parts)} частей (больше {MAX_PARTS}) — это не обычный документ Word. "
                               f"Как исправить: {RESAVE}")
            total, declaring = 0, []
            for part in parts:
                if part.flag_bits & 0x1:
                    raise _refused(f"часть «{part.filename}» зашифрована. Как исправить: снимите пароль и {RESAVE}")
                size, declares = _read_part(package, part, total)
                total += size
                if declares:
                    declaring.append(part.filename)
            if CONTENT_TYPES not in declaring:  # else it is refused without being parsed
                types = _content_types(package)
                declaring = [name for name in declaring if _parsed_as_xml(name, types)]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, OSError, ValueError,
            zlib.error) as error:
        raise _refused(f"файл повреждён или это не документ Word ({error}). Как исправить: {RESAVE}") from None
    if declaring:
        raise _refused(f"файл содержит объявление сущностей XML (DOCTYPE/ENTITY) в части «{declaring[0]}»: Word так "
                       f"не сохраняет, файл мог быть изменён другой программой, и часть текста пропала бы "
                       f"при импорте без предупреждения. Как исправить: {RESAVE}")


def _limit(name: str) -> int:
    return MAX_XML_PART if XML_NAME.search(name) else MAX_OTHER_PART


def _read_part(package: zipfile.ZipFile, part: zipfile.ZipInfo, before: int) -> tuple[int, bool]:
    """The part's unpacked size, read in chunks and stopped at its limit (the directory's sizes are only a
    claim), and whether it holds an entity declaration."""
    limit = min(_limit(part.filename), MAX_TOTAL - before)
    _check_size(part, part.file_size, limit, before)
    size, tail, declares = 0, b"", False
    with package.open(part) as stream:
        while chunk := stream.read(CHUNK):
            size += len(chunk)
            _check_size(part, size, limit, before)
            window = tail + chunk
            declares = declares or any(word in window for word in DECLARATIONS)
            tail = window[-OVERLAP:]
    return size, declares


def _check_size(part: zipfile.ZipInfo, size: int, limit: int, before: int) -> None:
    if size > limit:
        own = _limit(part.filename)
        what = (f"часть «{part.filename}» распаковывается больше чем в {own // MB} МБ" if size > own else
                f"с частью «{part.filename}» файл распаковывается больше чем в {MAX_TOTAL // MB} МБ")
        raise _refused(f"{what} — это не обычный документ Word (возможно, «zip-бомба»). Как исправить: {RESAVE}; "
                       "большие картинки уменьшите или уберите")
    if size > RATIO_FLOOR and size > MAX_RATIO * max(part.compress_size, 1):
        raise _refused(f"часть «{part.filename}» сжата в {size // max(part.compress_size, 1)} раз — так сжимаются "
                       f"«zip-бомбы», а не документы Word. Как исправить: {RESAVE}")


def _parsed_as_xml(name: str, types: dict[str, str]) -> bool:
    """Whether python-docx would parse the part as XML: an .xml/.rels name or an XML content type; never
    an SVG picture (a picture is kept as bytes, and SVG files from drawing programs often carry a DOCTYPE)."""
    content_type = types.get(name.lower(), "")
    if content_type == "image/svg+xml":
        return False
    return bool(XML_NAME.search(name)) or content_type.endswith("xml") or name == CONTENT_TYPES


def _content_types(package: zipfile.ZipFile) -> dict[str, str]:
    """part name (lower case) -> content type, from [Content_Types].xml (already size-checked)."""
    if CONTENT_TYPES not in package.namelist():
        return {}
    try:
        root = ElementTree.fromstring(package.read(CONTENT_TYPES))  # no DOCTYPE here, or it is refused first
    except ElementTree.ParseError:
        return {}
    defaults = {e.get("Extension", "").lower(): e.get("ContentType", "") for e in root if e.tag.endswith("Default")}
    types = {name.lower(): defaults.get(name.rsplit(".", 1)[-1].lower(), "") for name in package.namelist()}
    types.update({e.get("PartName", "").lstrip("/").lower(): e.get("ContentType", "")
                  for e in root if e.tag.endswith("Override")})
    return types


def _refused(message: str) -> Exception:
    from .reading import UnreadableDocument  # reading.py calls check() before python-docx opens the file
    return UnreadableDocument(message)
