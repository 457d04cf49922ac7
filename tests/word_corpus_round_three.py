"""Word instructions as they arrive from a lawyer or by e-mail, each as a careful HR person reads it (third round).

Tracked changes that merge two clauses (a paragraph mark deleted inside a word), a footnote with a mark of its
own («*»), fields nested in a field's code, links to other schemes, characters Word does not show (soft
hyphens typed as text, zero-width spaces), text hidden by a style, a text box inside a text box, a combined
section «Права и обязанности», clauses that only announce their list («2.1. Экспедитор обязан:»), items
lettered «а.», «б.», dashes with bullets under them, the department printed only in the page header, an
outside picture, Word equations. Same `Expect` as word_corpus_layouts.py.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from docx import Document
from docx.oxml import parse_xml

from word_corpus import LIABILITY, RIGHTS, _add_numbering, _bold, _sections_tail
from word_corpus_layouts import W, Expect, _add_footnote, _levels, _start

R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REVISION = 'w:author="Юрист" w:date="2026-03-01T10:00:00Z"'
HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def _add(doc, xml: str) -> None:
    """A paragraph of raw WordprocessingML before the section properties."""
    doc.element.body[-1].addprevious(parse_xml(f'<w:p {W} xmlns:r="{R}">{xml}</w:p>'))


def _general(doc, who: str, category: str = "рабочих") -> None:
    _bold(doc, "1. ОБЩИЕ ПОЛОЖЕНИЯ")
    doc.add_paragraph(f"1.1. {who} относится к категории {category}.")


def _deleted(text: str, number: int) -> str:
    return f'<w:del w:id="{number}" {REVISION}><w:r><w:delText xml:space="preserve">{text}</w:delText></w:r></w:del>'


def _inserted(text: str, number: int) -> str:
    return f'<w:ins w:id="{number}" {REVISION}>{_run(text)}</w:ins>'


def clauses_merged_by_a_tracked_change(path: Path) -> Expect:
    """A lawyer joined two clauses of a Word list: «.» and the paragraph mark deleted, « и с» inserted, the «С» of
    the next clause deleted. Accepted, Word shows one clause with one number: «Ведёт учёт товаров и сдаёт …»."""
    doc = _start("кладовщика готовой продукции", "81-ОД")
    _general(doc, "Кладовщик готовой продукции")
    _bold(doc, "2. ДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ")
    num = _add_numbering(doc, _levels(("decimal", "2.%1.")))
    numbered = f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr>'
    mark_deleted = f'<w:rPr><w:del w:id="1" {REVISION}/></w:rPr>'
    _add(doc, f"<w:pPr>{numbered}{mark_deleted}</w:pPr>{_run('Ведёт учёт товаров')}{_deleted('.', 2)}"
              f"{_inserted(' и с', 3)}")
    _add(doc, f"<w:pPr>{numbered}</w:pPr>{_deleted('С', 4)}{_run('даёт отчёты мастеру.')}")
    _add(doc, f"<w:pPr>{numbered}{mark_deleted}</w:pPr>{_deleted('Ведёт старую картотеку.', 5)}")
    _add(doc, f"<w:pPr>{numbered}</w:pPr>{_run('Проверяет сроки годности')}<w:commentRangeStart w:id=\"0\"/>"
              f"{_run(' товаров')}<w:commentRangeEnd w:id=\"0\"/><w:r><w:commentReference w:id=\"0\"/></w:r>"
              f"{_run('.')}")
    _add(doc, f'<w:pPr>{numbered}<w:rPr><w:ins w:id="6" {REVISION}/></w:rPr></w:pPr>'
              f"{_inserted('Ведёт журнал температуры.', 7)}")
    _sections_tail(doc, bold=True, start=3)
    doc.save(path)
    return Expect([("Ведёт учёт товаров и сдаёт отчёты мастеру.", []), ("Проверяет сроки годности товаров.", []),
                   ("Ведёт журнал температуры.", [])],
                  report=["непринятые исправления", "примечания (1)"], absent=["картотек", " с даёт"])


def footnote_with_a_mark_of_its_own(path: Path) -> Expect:
    """A footnote marked «*» instead of a number (customMarkFollows): the mark belongs to the note, which the
    report names; it must not stay in the clause pointing at nothing."""
    doc = _start("лаборанта", "82-ОД")
    _general(doc, "Лаборант")
    _bold(doc, "2. ДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ")
    _add(doc, _run("2.1. Готовит пробы по ГОСТ") + '<w:r><w:footnoteReference w:customMarkFollows="1" w:id="1"/>'
              "<w:t>*</w:t></w:r>" + _run(" и ведёт журнал проб."))
    doc.add_paragraph("2.2. Моет лабораторную посуду.")
    _sections_tail(doc, bold=True, start=3)
    doc.save(path)
    _add_footnote(path, "ГОСТ 31904-2012.")
    return Expect([("Готовит пробы по ГОСТ и ведёт журнал проб.", []), ("Моет лабораторную посуду.", [])],
                  report=["абзац 10: сноска «ГОСТ 31904-2012.»"], absent=["\\*", "ГОСТ\\*"])


def fields_nested_and_links_elsewhere(path: Path) -> Expect:
    """Word shows a field's result only: not its code, nor a field nested in that code (IF with a DOCVARIABLE
    inside). Links to javascript:, vbscript: and file: keep their words and lose their targets."""
    doc = _start("курьера по доставке документов", "83-ОД")
    _general(doc, "Курьер по доставке документов")
    _bold(doc, "2. ДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ")
    script = doc.part.relate_to("javascript:alert(1)", HYPERLINK, is_external=True)
    local = doc.part.relate_to("file:///C:/Кадры/маршруты.docx", HYPERLINK, is_external=True)

    def field(code: str, result: str) -> str:
        return (f'<w:r><w:fldChar w:fldCharType="begin"/></w:r>{code}<w:r><w:fldChar w:fldCharType="separate"/>'
                f'</w:r>{_run(result)}<w:r><w:fldChar w:fldCharType="end"/></w:r>')

    def code(text: str) -> str:
        return f'<w:r><w:instrText xml:space="preserve">{text}</w:instrText></w:r>'

    _add(doc, _run("2.1. Ведёт ") + field(code(" IF ") + field(code(" DOCVARIABLE Вид "), "1")
                                          + code(' = 1 "журнал" "книгу" '), "журнал") + _run(" поездок."))
    _add(doc, _run("2.2. Сверяется с ") + field(code(' HYPERLINK "vbscript:msgbox" '), "картой доставки")
              + _run(" и ") + f'<w:hyperlink r:id="{local}">{_run("маршрутным листом")}</w:hyperlink>' + _run("."))
    _add(doc, _run("2.3. Доставляет ") + f'<w:hyperlink r:id="{script}">{_run("документы")}</w:hyperlink>'
              + _run(" по ") + f'<w:hyperlink w:anchor="_Ref1">{_run("маршруту")}</w:hyperlink>'
              + _run(" (стр. ") + f'<w:fldSimple w:instr=" PAGE ">{_run("3")}</w:fldSimple>' + _run(")."))
    _sections_tail(doc, bold=True, start=3)
    doc.save(path)
    return Expect([("Ведёт журнал поездок.", []), ("Сверяется с картой доставки и маршрутным листом.", []),
                   ("Доставляет документы по маршруту (стр. 3).", [])],
                  absent=["1журнал", "DOCVARIABLE", "HYPERLINK", "javascript", "vbscript", "file:", "маршруты.docx"])


def characters_word_does_not_show(path: Path) -> Expect:
    """Soft hyphens typed as characters (text pasted from a web page), a zero-width space, a no-break hyphen as a
    character and as Word's element, Word's own optional hyphen, runs wrapped in smart tags, custom XML and a
    content control: the words read as Word prints them, and «ПРА­ВА» is still the rights heading."""
    doc = _start("экспедитора", "84-ОД")
    _general(doc, "Экспедитор", "специалистов")
    _bold(doc, "2. ДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ")
    _add(doc, _run("2.1. Соблюдает пра\u00adвила до\u200bрожного движения."))
    _add(doc, "<w:r><w:t>2.2. Пере</w:t><w:softHyphen/><w:t>возит грузы авиа</w:t><w:noBreakHyphen/>"
              "<w:t>компаний и экс\u2011пресс-почты.</w:t></w:r>")
    _add(doc, _run("2.3. Сдаёт отчёт в ") + '<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" '
              f'w:element="PersonName">{_run("отдел")}</w:smartTag><w:customXml w:element="x">{_run(" логистики")}'
              f"</w:customXml><w:sdt><w:sdtContent>{_run(' еже')}</w:sdtContent></w:sdt>{_run('дневно.')}")
    _bold(doc, "3. ПРА\u00adВА")
    for number, right in enumerate(RIGHTS, start=1):
        doc.add_paragraph(f"3.{number}. {right}")
    _bold(doc, "4. ОТВЕТСТВЕННОСТЬ")
    for number, item in enumerate(LIABILITY, start=1):
        doc.add_paragraph(f"4.{number}. {item}")
    doc.save(path)
    return Expect([("Соблюдает правила дорожного движения.", []),
                   ("Перевозит грузы авиа-компаний и экс-пресс-почты.", []),
                   ("Сдаёт отчёт в отдел логистики ежедневно.", [])],
                  text=["## Права\n\n- Знакомиться"], absent=["\u00ad", "\u200b", "\u2011"])


def text_hidden_by_a_style(path: Path) -> Expect:
    """Text hidden not by the run but by its character style («Пометка») or by the paragraph's style («Указание
    для составителя»): in Word it is not seen, so it is not imported, and the report says so."""
    doc = _start("сборщика мебели", "85-ОД")
    doc.styles.add_style("Пометка", 2).font.hidden = True
    doc.styles.add_style("Указание для составителя", 1).font.hidden = True
    _general(doc, "Сборщик мебели")
    _bold(doc, "2. ДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ")
    doc.add_paragraph("2.1. Собирает корпусную мебель.").add_run(" (уточнить у юриста)", style="Пометка")
    doc.add_paragraph("Перечислите обязанности по образцу отдела кадров.", style="Указание для составителя")
    doc.add_paragraph("2.2. Упаковывает готовые изделия.")
    _sections_tail(doc, bold=True, start=3)
    doc.save(path)
    return Expect([("Собирает корпусную мебель.", []), ("Упаковывает готовые изделия.", [])],
                  report=["абзац 10: скрытый текст «(уточнить у юриста)»",
                          "абзац 11: скрытый текст «Перечислите обязанности по образцу отдела кадров.»"],
                  absent=["юриста", "образцу"])


def text_box_inside_a_text_box(path: Path) -> Expect:
    """The duties in a framed text box, the last of them in a second box inside the first (a callout), and the
    stamp's date in a box inside the stamp's box: each line is read once, where its box stands."""
    doc = Document()
    _add(doc, _box(_run("УТВЕРЖДАЮ") + "</w:p><w:p>" + _run("Генеральный директор") + "</w:p><w:p>"
                   + _box(_run("«10» марта 2026 г."))))
    _bold(doc, "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ обойщика")
    _general(doc, "Обойщик")
    _bold(doc, "2. ДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ")
    _add(doc, _box(_run("2.1. Обивает мебель тканью.") + "</w:p><w:p>" + _run("2.2. Ремонтирует обивку.")
                   + "</w:p><w:p>" + _box(_run("2.3. Подбирает ткань с заказчиком."))))
    _sections_tail(doc, bold=True, start=3)
    doc.save(path)
    return Expect([("Обивает мебель тканью.", []), ("Ремонтирует обивку.", []),
                   ("Подбирает ткань с заказчиком.", [])], fields={"approved": dt.date(2026, 3, 10)})


def _box(paragraphs: str) -> str:
    """A run holding a VML text box with these paragraphs (closing and opening <w:p> between them)."""
    return (f'<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent><w:p>'
            f"{paragraphs}</w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>")


def rights_and_duties_in_one_section(path: Path) -> Expect:
    """«3. ПРАВА И ОБЯЗАННОСТИ»: «3.1. Экспедитор имеет право:» with the rights under it, «3.2. Экспедитор
    обязан:» with the duties under it (one with items «а.», «б.»); «2. ФУНКЦИИ» is the company's own section."""
    doc = _start("экспедитора по перевозке грузов", "86-ОД")
    _general(doc, "Экспедитор по перевозке грузов", "специалистов")
    _bold(doc, "2. ФУНКЦИИ")
    doc.add_paragraph("2.1. Организация доставки грузов.")
    _bold(doc, "3. ПРАВА И ОБЯЗАННОСТИ")
    doc.add_paragraph("3.1. Экспедитор имеет право:")
    for number, right in enumerate(RIGHTS, start=1):
        doc.add_paragraph(f"3.1.{number}. {right}")
    doc.add_paragraph("3.2. Экспедитор обязан:")
    for line in ("3.2.1. Сопровождать грузы.", "3.2.2. Оформлять накладные:", "а. на отгрузку;", "б. на возврат.",
                 "3.2.3. Сдавать документы в бухгалтерию."):
        doc.add_paragraph(line)
    _bold(doc, "4. ОТВЕТСТВЕННОСТЬ")
    for number, item in enumerate(LIABILITY, start=1):
        doc.add_paragraph(f"4.{number}. {item}")
    doc.save(path)
    return Expect([("Сопровождать грузы.", []), ("Оформлять накладные:", ["на отгрузку;", "на возврат."]),
                   ("Сдавать документы в бухгалтерию.", [])],
                  report=["раздел «Права и обязанности» разделён", "п. — совпадает с общим шаблоном"],
                  text=["## Функции\n\n- Организация доставки грузов.", "## Права\n\nЭкспедитор имеет право:\n\n",
                        "## Должностные обязанности\n\nЭкспедитор обязан:\n\n"],
                  absent=["## Права и обязанности", "а. на"])


def rights_and_duties_announced_by_plain_lines(path: Path) -> Expect:
    """«Права и обязанности» as many write it: «Экспедитор имеет право:» and «Экспедитор обязан:» as plain lines, the
    clauses numbered straight through; «Соблюдать правила …» is a duty (not a right for its «прав»), a clause
    «… вправе …» among the duties is a right. The table of contents names the section too: that line is left out."""
    doc = _start("экспедитора склада", "94-ОД")
    contents = doc.styles.add_style("toc 1", 1)
    for number, title in enumerate(("Общие положения", "Права и обязанности", "Ответственность"), start=1):
        doc.add_paragraph(f"{number}. {title}\t{number + 1}", style=contents)
    _general(doc, "Экспедитор склада", "специалистов")
    _bold(doc, "2. ПРАВА И ОБЯЗАННОСТИ")
    doc.add_paragraph("Экспедитор имеет право:")
    for number, right in enumerate(RIGHTS, start=1):
        doc.add_paragraph(f"2.{number}. {right}")
    doc.add_paragraph("Экспедитор обязан:")
    for line in ("2.4. Соблюдать правила перевозки грузов.", "2.5. Оформлять накладные.",
                 "2.6. Экспедитор вправе отказаться от перевозки опасного груза."):
        doc.add_paragraph(line)
    _bold(doc, "3. ОТВЕТСТВЕННОСТЬ")
    for number, item in enumerate(LIABILITY, start=1):
        doc.add_paragraph(f"3.{number}. {item}")
    doc.save(path)
    return Expect([("Соблюдать правила перевозки грузов.", []), ("Оформлять накладные.", [])],
                  report=["раздел «Права и обязанности» разделён", "абзац 8: «2. Права и обязанности\t3» — строка "
                          "оглавления"],
                  text=["## Должностные обязанности\n\nЭкспедитор обязан:\n\n- Соблюдать",
                        "## Права\n\nЭкспедитор имеет право:\n\n- Знакомиться",
                        "- Экспедитор вправе отказаться от перевозки опасного груза.\n{{ common_rights() }}"])


def clauses_that_announce_their_list(path: Path) -> Expect:
    """«2.1. Водитель обязан:» with «2.1.1.», «2.1.2.» under it, and the same for the rights and the liability:
    the numbered sub-items are the duties (rights, liability), the clause is the section's opening words."""
    doc = _start("водителя штабелёра", "87-ОД")
    _general(doc, "Водитель штабелёра")
    for number, (title, opening, clauses) in enumerate((
            ("ДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ", "Водитель штабелёра обязан:", ["Штабелировать грузы на стеллажи.",
                                                                       "Проверять штабелёр перед сменой."]),
            ("ПРАВА", "Водитель штабелёра имеет право:", RIGHTS),
            ("ОТВЕТСТВЕННОСТЬ", "Водитель штабелёра несёт ответственность:", LIABILITY)), start=2):
        _bold(doc, f"{number}. {title}")
        doc.add_paragraph(f"{number}.1. {opening}")
        for item, text in enumerate(clauses, start=1):
            doc.add_paragraph(f"{number}.1.{item}. {text}")
    doc.save(path)
    return Expect([("Штабелировать грузы на стеллажи.", []), ("Проверять штабелёр перед сменой.", [])],
                  report=["п. — совпадает с общим шаблоном: «За причинение обществу материального ущерба"],
                  text=["## Должностные обязанности\n\nВодитель штабелёра обязан:\n\n- Штабелировать",
                        "## Права\n\nВодитель штабелёра имеет право:\n\n"])


def items_lettered_with_a_dot(path: Path) -> Expect:
    """Sub-items typed «а.», «б.», «в.» under a clause that ends with «:»; «г. Москва» after «по адресу:» (a new
    clause, no «а.» before it) and «т. е.» inside a clause stay text."""
    doc = _start("курьера-экспедитора", "88-ОД")
    _general(doc, "Курьер-экспедитор")
    _bold(doc, "2. ДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ")
    for line in ("2.1. Доставляет:", "а. документы;", "б. бандероли;", "в. посылки.",
                 "2.2. Сдаёт выручку в кассу по адресу:", "г. Москва, ул. Ленина, д. 1.",
                 "2.3. Отвечает за груз в пути, т. е. от склада до получателя."):
        doc.add_paragraph(line)
    _sections_tail(doc, bold=True, start=3)
    doc.save(path)
    return Expect([("Доставляет:", ["документы;", "бандероли;", "посылки."]),
                   ("Сдаёт выручку в кассу по адресу:", ["г. Москва, ул. Ленина, д. 1."]),
                   ("Отвечает за груз в пути, т. е. от склада до получателя.", [])])


def dashes_with_bullets_under_them(path: Path) -> Expect:
    """Duties typed with «—», the items of one with «•»: the bullets are its sub-items. Dashes typed as «–» or «-»
    by autocorrect (no list announced before them) are still siblings."""
    doc = _start("грузчика-экспедитора", "89-ОД")
    _general(doc, "Грузчик-экспедитор")
    _bold(doc, "2. ДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ")
    for line in ("— Сопровождает грузы:", "• по городу;", "• по области.", "— Оформляет накладные;",
                 "– Сдаёт ключи охране;", "- Закрывает склад."):
        doc.add_paragraph(line)
    _sections_tail(doc, bold=True, start=3)
    doc.save(path)
    return Expect([("Сопровождает грузы:", ["по городу;", "по области."]), ("Оформляет накладные;", []),
                   ("Сдаёт ключи охране;", []), ("Закрывает склад.", [])])


def department_only_in_the_page_header(path: Path) -> Expect:
    """The department is printed in the page header beside the company's name, nowhere in the body."""
    doc = _start("диспетчера автопарка", "90-ОД")
    doc.sections[0].header.paragraphs[0].text = "ООО «Ромашка»\tОтдел логистики\tДИ-090"
    _general(doc, "Диспетчер автопарка", "служащих")
    _bold(doc, "2. ДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ")
    doc.add_paragraph("2.1. Составляет путевые листы.")
    _sections_tail(doc, bold=True, start=3)
    doc.save(path)
    return Expect([("Составляет путевые листы.", [])], fields={"department": "Отдел логистики"},
                  report=["подразделение взято из верхнего колонтитула: «Отдел логистики»"])


def picture_and_link_from_outside(path: Path) -> Expect:
    """A picture linked from another host (r:link, TargetMode="External" — a tracking pixel in a mailed file) and
    a link to a file share: nothing of them reaches the position file."""
    doc = _start("оператора приёмки товара", "91-ОД")
    _general(doc, "Оператор приёмки товара")
    _bold(doc, "2. ДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ")
    image = doc.part.relate_to("http://tracker.example/pixel.png", "http://schemas.openxmlformats.org/"
                               "officeDocument/2006/relationships/image", is_external=True)
    share = doc.part.relate_to("\\\\server\\share\\x.exe", HYPERLINK, is_external=True)
    _add(doc, _run("2.1. Принимает товар. ") + '<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.'
              'org/drawingml/2006/wordprocessingDrawing"><wp:extent cx="9525" cy="9525"/><wp:docPr id="1" name="p"/>'
              '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://'
              'schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.'
              'org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="1" name="p"/><pic:cNvPicPr/></pic:nvPicPr>'
              f'<pic:blipFill><a:blip r:link="{image}"/></pic:blipFill><pic:spPr/></pic:pic></a:graphicData>'
              '</a:graphic></wp:inline></w:drawing></w:r>')
    _add(doc, _run("2.2. Ведёт учёт по ") + f'<w:hyperlink r:id="{share}">{_run("форме М-4")}</w:hyperlink>' + _run("."))
    _sections_tail(doc, bold=True, start=3)
    doc.save(path)
    return Expect([("Принимает товар.", []), ("Ведёт учёт по форме М-4.", [])],
                  absent=["tracker", "pixel", "server", "x.exe", "<img", "]("],
                  report=["абзац 10: рисунок или встроенный объект (схема, таблица Excel) не перенесён"])


def equations_and_an_embedded_object(path: Path) -> Expect:
    """Word equations (the letters are no w:t: they vanished, leaving «температуру °C») and an embedded Excel
    sheet: the equation comes as one line of text and the report asks to check it; the object is named."""
    doc = _start("технолога пекарни", "93-ОД")
    _general(doc, "Технолог пекарни", "специалистов")
    _bold(doc, "2. ДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ")
    math = 'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"'
    _add(doc, _run("2.1. Поддерживает в цехе температуру ") + f"<m:oMath {math}><m:r><m:t>28±2</m:t></m:r></m:oMath>"
              + _run(" °C."))
    _add(doc, _run("2.2. Рассчитывает выход изделий: ") + f"<m:oMathPara {math}><m:oMath><m:r><m:t>В=</m:t></m:r><m:f>"
              "<m:fPr><m:ctrlPr/></m:fPr><m:num><m:r><m:t>М</m:t></m:r></m:num><m:den><m:r><m:t>Н</m:t></m:r></m:den>"
              "</m:f></m:oMath></m:oMathPara>")
    _add(doc, _run("2.3. Ведёт график выпечки по форме:") + '<w:r><w:object><v:shape xmlns:v="urn:schemas-microsoft-'
              'com:vml" id="Excel1"/></w:object></w:r>')
    _sections_tail(doc, bold=True, start=3)
    doc.save(path)
    return Expect([("Поддерживает в цехе температуру 28±2 °C.", []), ("Рассчитывает выход изделий: В=(М)/(Н)", []),
                   ("Ведёт график выпечки по форме:", [])],
                  report=["абзац 10: формула Word перенесена строкой «28±2»", "абзац 11: формула Word перенесена "
                          "строкой «В=(М)/(Н)»", "абзац 12: рисунок или встроенный объект (схема, таблица Excel) не "
                          "перенесён"])


MAKERS = {
    "kladovshchik-yurist.docx": clauses_merged_by_a_tracked_change,
    "laborant.docx": footnote_with_a_mark_of_its_own,
    "kurer-dokumentov.docx": fields_nested_and_links_elsewhere,
    "ekspeditor-simvoly.docx": characters_word_does_not_show,
    "sborshchik-mebeli.docx": text_hidden_by_a_style,
    "oboyshchik.docx": text_box_inside_a_text_box,
    "ekspeditor-prava.docx": rights_and_duties_in_one_section,
    "ekspeditor-sklada.docx": rights_and_duties_announced_by_plain_lines,
    "voditel-shtabelera.docx": clauses_that_announce_their_list,
    "kurer-ekspeditor.docx": items_lettered_with_a_dot,
    "gruzchik-ekspeditor.docx": dashes_with_bullets_under_them,
    "dispetcher.docx": department_only_in_the_page_header,
    "operator-priemki.docx": picture_and_link_from_outside,
    "tekhnolog-pekarni.docx": equations_and_an_embedded_object,
}
