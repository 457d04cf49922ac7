"""The Word import refuses a .docx that unpacks too large or declares XML entities (issue 23, item 10).

A .docx is a zip read into memory by python-docx: a small file that unpacks to hundreds of megabytes
must be refused quickly and without using that memory; an XML entity declaration must be reported,
not lose its paragraph silently. Files are crafted here from a real corpus document, rewritten with zipfile.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
import zipfile

from test_print import SLUGS
from word_corpus import typed_numbers_stamp_in_table

# The import command, reporting its own peak memory (kB) on its last line of stderr. VmHWM belongs to the
# program's own memory; getrusage's maxrss can carry the size of the pytest worker that started it.
MEASURED = ("import sys\nfrom macros.commands.import_docx import main\ncode = main(sys.argv[1:])\n"
            "print('peak', next(line.split()[1] for line in open('/proc/self/status') if line.startswith('VmHWM')),"
            " file=sys.stderr)\nsys.exit(code)")
RESAVE = "сохраните документ заново в Word как .docx"
BOMB_MB = 300


def run_import(project, path):
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-c", MEASURED, str(path)], cwd=project, capture_output=True,
                            text=True, timeout=300)
    peak = int(re.search(r"peak (\d+)", result.stderr).group(1)) // 1024 if "peak" in result.stderr else None
    return result, time.monotonic() - started, peak


def rewritten(source, target, change=None, extra=None):
    """A copy of the .docx with each part passed through change(name, bytes), and extra(archive) called last."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            data = old.read(item)
            new.writestr(item.filename, change(item.filename, data) if change else data)
        if extra:
            extra(new)
    return target


def add_zeros(archive):
    """BOMB_MB megabytes of zeros as a picture, streamed: the test never holds them in memory or on disk."""
    block = bytes(1 << 20)
    with archive.open("word/media/image1.png", "w") as stream:
        for _ in range(BOMB_MB):
            stream.write(block)


def assert_refused(result, scratch, *phrases):
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output, output
    for phrase in phrases:
        assert phrase in result.stdout, f"«{phrase}» is not in the report:\n{output}"
    assert sorted(p.stem for p in (scratch / "docs" / "positions").glob("*.md")) == SLUGS, "a file was written"


def test_a_zip_bomb_is_refused_quickly_without_unpacking_it(scratch, tmp_path):
    normal = tmp_path / "normal.docx"
    typed_numbers_stamp_in_table(normal)
    bomb = rewritten(normal, tmp_path / "bomb.docx", extra=add_zeros)
    assert bomb.stat().st_size < 2 << 20, "the crafted file is not small"
    result, seconds, peak = run_import(scratch, bomb)
    assert_refused(result, scratch, f"Не импортирован {bomb}", "word/media/image1.png", "распаковывается больше",
                   RESAVE)
    assert seconds < 60, f"refusing took {seconds:.0f} s"
    assert peak is not None and peak < BOMB_MB * 4 // 5, f"the import used {peak} MB refusing a {BOMB_MB} MB part"


def test_a_part_whose_directory_understates_its_size_is_refused(scratch, tmp_path):
    """The zip's directory claims a few bytes; the data unpacks to hundreds of megabytes."""
    normal = tmp_path / "normal.docx"
    typed_numbers_stamp_in_table(normal)
    liar = rewritten(normal, tmp_path / "liar.docx", extra=add_zeros)
    data = bytearray(liar.read_bytes())
    name = b"word/media/image1.png"
    for signature, size_at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):  # local header, central directory
        start = data.rfind(signature, 0, data.rfind(name))
        assert int.from_bytes(data[start + size_at:start + size_at + 4], "little") == BOMB_MB << 20
        data[start + size_at:start + size_at + 4] = (1000).to_bytes(4, "little")
    liar.write_bytes(bytes(data))
    result, seconds, peak = run_import(scratch, liar)
    assert_refused(result, scratch, f"Не импортирован {liar}", RESAVE)
    assert seconds < 60 and peak < BOMB_MB * 4 // 5, (seconds, peak)


def test_an_xml_entity_declaration_is_refused_naming_the_part(scratch, tmp_path):
    normal = tmp_path / "normal.docx"
    typed_numbers_stamp_in_table(normal)

    def declare(name, data):
        if name != "word/document.xml":
            return data
        declaration = b'<!DOCTYPE w:document [<!ENTITY duty "\xd0\x92\xd0\xb5\xd0\xb4\xd1\x91\xd1\x82">]>'
        data = re.sub(rb"(<\?xml[^>]*\?>)", rb"\1" + declaration, data, count=1)
        return data.replace("Организует".encode(), b"&duty;", 1)

    crafted = rewritten(normal, tmp_path / "entity.docx", change=declare)
    result, _, _ = run_import(scratch, crafted)
    assert_refused(result, scratch, f"Не импортирован {crafted}", "файл содержит объявление сущностей XML",
                   "«word/document.xml»", RESAVE)


def test_a_normal_document_with_an_svg_picture_imports_as_before(scratch, tmp_path):
    """An SVG picture is kept as bytes, never parsed: its DOCTYPE (drawing programs write one) is no reason to refuse."""
    normal = tmp_path / "normal.docx"
    count = typed_numbers_stamp_in_table(normal)
    svg = (b'<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
           b'"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd"><svg xmlns="http://www.w3.org/2000/svg"/>')
    with_logo = rewritten(normal, tmp_path / "with-logo.docx",
                          extra=lambda archive: archive.writestr("word/media/logo.svg", svg))
    texts = []
    for document in (normal, with_logo):
        for created in set((scratch / "docs" / "positions").glob("*.md")) - {scratch / f"docs/positions/{s}.md"
                                                                             for s in SLUGS}:
            created.unlink()
        result, _, _ = run_import(scratch, document)
        assert result.returncode == 0 and "Импорт:" in result.stdout, result.stdout + result.stderr
        written = next(line for line in result.stdout.splitlines() if line.startswith("Импорт:")).split("→ ")[1]
        texts.append((scratch / written.strip()).read_text(encoding="utf-8"))
    duties = texts[0].split("## Должностные обязанности")[1].split("\n## ")[0]
    assert len(re.findall(r"^- ", duties, re.M)) == count, texts[0]
    assert texts[1] == texts[0], "the picture changed what was imported"


def test_text_boxes_nested_deep_are_read_once_each_in_seconds(scratch, tmp_path):
    """A text box inside a text box, 35 deep (a crafted file; lxml allows this depth): each box was read again
    for every box around it — twice at depth 2, 2**35 times here. Each line must be read once, quickly."""
    from docx.oxml import parse_xml
    from word_corpus import _bold, _sections_tail
    from word_corpus_layouts import W, _start
    from word_corpus_round_three import _box, _run

    doc = _start("упаковщика", "92-ОД")
    _bold(doc, "2. ДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ")
    inner = _run("2.1. Упаковывает товар.")
    for _ in range(35):
        inner = _box(inner)
    doc.element.body[-1].addprevious(parse_xml(f"<w:p {W}>{inner}</w:p>"))
    _sections_tail(doc, bold=True, start=3)
    path = tmp_path / "boxes.docx"
    doc.save(path)
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "macros.import_docx", str(path)], cwd=scratch,
                            capture_output=True, text=True, timeout=60)
    assert time.monotonic() - started < 30
    written = re.search(r"→ (\S+)", result.stdout).group(1)
    duties = (scratch / written).read_text(encoding="utf-8").split("## Должностные обязанности")[1].split("##")[0]
    assert re.findall(r"^- .*", duties, re.M) == ["- Упаковывает товар."]


def test_a_position_given_as_a_path_is_refused_and_nothing_outside_positions_is_written(scratch, tmp_path):
    """«--position ../index» named docs/index.md: the import wrote the home page as a position's next edition."""
    path = tmp_path / "recruiter.docx"
    typed_numbers_stamp_in_table(path)
    before = {page: page.read_bytes() for page in (scratch / "docs").rglob("*.md")}
    for name in ("../index", "../../mkdocs", "/etc/passwd", "recruiter/../recruiter"):
        result = subprocess.run([sys.executable, "-m", "macros.import_docx", str(path), "--position", name],
                                cwd=scratch, capture_output=True, text=True, timeout=120)
        assert result.returncode == 2 and "Traceback" not in result.stderr, result.stdout + result.stderr
        assert f"--position {name}: нет файла" in result.stderr and "Укажите имя файла должности без .md" in result.stderr
    assert {page: page.read_bytes() for page in (scratch / "docs").rglob("*.md")} == before


def test_tables_nested_deeper_than_the_parser_reads_are_refused_saying_so(scratch, tmp_path):
    """A hundred tables one inside another: lxml stops at 256 levels. The report says what is wrong with the file
    and what to do, not only that it does not open."""
    normal = tmp_path / "normal.docx"
    typed_numbers_stamp_in_table(normal)
    inner = "<w:p><w:r><w:t>2.1. Упаковывает товар.</w:t></w:r></w:p>"
    for _ in range(100):
        inner = f"<w:tbl><w:tr><w:tc>{inner}</w:tc></w:tr></w:tbl><w:p/>"

    def nest(name, data):
        return data.replace(b"<w:sectPr", inner.encode() + b"<w:sectPr", 1) if name == "word/document.xml" else data

    crafted = rewritten(normal, tmp_path / "nested.docx", change=nest)
    result, seconds, _ = run_import(scratch, crafted)
    assert_refused(result, scratch, f"Не импортирован {crafted}", "вложены друг в друга слишком глубоко",
                   "Преобразовать в текст")
    assert seconds < 60


def test_a_document_part_that_unpacks_to_hundreds_of_megabytes_is_refused_without_reading_it(scratch, tmp_path):
    """The zip bomb inside word/document.xml itself (spaces between the paragraphs, valid XML): refused at the
    part's limit while streaming, never handed to python-docx."""
    normal = tmp_path / "normal.docx"
    typed_numbers_stamp_in_table(normal)

    with zipfile.ZipFile(normal) as old, zipfile.ZipFile(tmp_path / "bomb.docx", "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            data = old.read(item)
            if item.filename != "word/document.xml":
                new.writestr(item.filename, data)
                continue
            head, tail = data.split(b"<w:sectPr", 1)
            with new.open(item.filename, "w") as stream:
                stream.write(head)
                for _ in range(BOMB_MB):
                    stream.write(b" " * (1 << 20))
                stream.write(b"<w:sectPr" + tail)
    result, seconds, peak = run_import(scratch, tmp_path / "bomb.docx")
    assert_refused(result, scratch, "«word/document.xml» распаковывается больше чем в 20 МБ", RESAVE)
    assert seconds < 60 and peak < BOMB_MB * 4 // 5, (seconds, peak)
