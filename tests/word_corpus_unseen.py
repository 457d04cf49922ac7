"""More Word layouts the import had not seen, each as a careful HR person reads it (second round).

Rows of a table inside a content control (a repeating section), a duties heading that also names the
functions, sections lettered «А.», «Б.», clauses glued into one paragraph («2.1. … 2.2. …», as a PDF made
into Word gives them), duties run into one paragraph through «;», symbol-font characters kept as text (as
LibreOffice saves them), broken cross-references, Word bullet lists with levels, «СОГЛАСОВАНО» beside
«УТВЕРЖДАЮ» in a stamp table, AUTONUM and LISTNUM fields, «Рабочая инструкция», the title in the page
header only, page breaks inside clauses, numbers typed «2.1)», «(а)», «2.4 –», sentences broken over paragraphs, headings in
a style of the company's own with an outline level, form fields still showing their prompt. Same `Expect` as
word_corpus_layouts.py.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from docx import Document
from docx.oxml import parse_xml

from word_corpus import LIABILITY, RIGHTS, _add_numbering, _bold, _sections_tail
from word_corpus_layouts import W, Expect, _levels, _put, _start


def _general(doc, who: str) -> None:
    _bold(doc, "1. ОБЩИЕ ПОЛОЖЕНИЯ")
    doc.add_paragraph(f"1.1. {who} относится к категории рабочих.")


def table_rows_in_a_content_control(path: Path) -> Expect:
    """The instruction in a table whose duty rows sit in a repeating-section content control (w:sdt around w:tr),
    and a cell in a content control of its own (w:sdt around w:tc)."""
    doc = _start("вахтёра", "62-ОД")

    def row(number: str, text: str) -> str:
        return (f"<w:tr><w:tc><w:p><w:r><w:t>{number}</w:t></w:r></w:p></w:tc>"
                f"<w:tc><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc></w:tr>")

    rows = (row("1.", "ОБЩИЕ ПОЛОЖЕНИЯ") + row("1.1.", "Вахтёр относится к категории рабочих.")
            + row("2.", "ДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ")
            + "<w:sdt><w:sdtPr/><w:sdtContent>" + row("2.1.", "Выдаёт ключи по журналу.")
            + row("2.2.", "Проверяет пропуска.") + "</w:sdtContent></w:sdt>"
            + "<w:tr><w:tc><w:p><w:r><w:t>2.3.</w:t></w:r></w:p></w:tc><w:sdt><w:sdtContent><w:tc><w:p><w:r><w:t>"
              "Ведёт журнал посетителей.</w:t></w:r></w:p></w:tc></w:sdtContent></w:sdt></w:tr>"
            + row("3.", "ПРАВА") + row("3.1.", RIGHTS[0]) + row("4.", "ОТВЕТСТВЕННОСТЬ") + row("4.1.", LIABILITY[0]))
    doc.element.body[-1].addprevious(parse_xml(
        f"<w:tbl {W}><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>{rows}</w:tbl>"))
    doc.save(path)
    return Expect([("Выдаёт ключи по журналу.", []), ("Проверяет пропуска.", []), ("Ведёт журнал посетителей.", [])])


def functions_and_duties_heading(path: Path) -> Expect:
    """«2. ФУНКЦИИ И ДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ»: the duties section, not a section of the company's own."""
    doc = _start("менеджера по закупкам", "63-ОД")
    _general(doc, "Менеджер по закупкам")
    _bold(doc, "2. ФУНКЦИИ И ДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ")
    duties = ["Ведёт переговоры с поставщиками.", "Заключает договоры поставки."]
    for number, duty in enumerate(duties, start=1):
        doc.add_paragraph(f"2.{number}. {duty}")
    _sections_tail(doc, bold=True, start=3)
    doc.save(path)
    return Expect([(duty, []) for duty in duties], absent=["## Функции"])


def lettered_sections(path: Path) -> Expect:
    """Sections lettered «А. Общие положения:», «Б. Должностные обязанности:», clauses «1.», «2.» in each."""
    doc = _start("водителя электрокара", "64-ОД")
    duties = ["Перевозит грузы по складу.", "Следит за исправностью электрокара."]
    for title, clauses in (("А. Общие положения:", ["Водитель электрокара относится к категории рабочих."]),
                           ("Б. Должностные обязанности:", duties), ("В. Права:", RIGHTS),
                           ("Г. Ответственность:", LIABILITY)):
        _bold(doc, title)
        for number, clause in enumerate(clauses, start=1):
            doc.add_paragraph(f"{number}. {clause}")
    doc.save(path)
    return Expect([(duty, []) for duty in duties])


def clauses_glued_in_one_paragraph(path: Path) -> Expect:
    """«2.1. … 2.2. … 2.3. …» in one paragraph: each number continuing the paragraph's own starts a clause;
    a number that does not continue it («18.30.»), or a reference («в п. 2.5.»), stays inside its clause."""
    doc = _start("кассира торгового зала", "65-ОД")
    _general(doc, "Кассир торгового зала")
    _bold(doc, "2. ДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ")
    doc.add_paragraph("2.1. Принимает оплату от покупателей. 2.2. Выдаёт чеки; 2.3. Сдаёт выручку "
                      "до 18.30.")
    doc.add_paragraph("2.4. Ведёт кассовую книгу по форме, указанной в п. 2.5. настоящей инструкции.")
    _sections_tail(doc, bold=True, start=3)
    doc.save(path)
    return Expect([("Принимает оплату от покупателей.", []), ("Выдаёт чеки;", []),
                   ("Сдаёт выручку до 18.30.", []),
                   ("Ведёт кассовую книгу по форме, указанной в п. 2.5. настоящей инструкции.", [])],
                  report=["абзац 10: пункты 2.2, 2.3 записаны в одном абзаце с п. 2.1: разделены на отдельные пункты"])


def duties_run_into_one_paragraph(path: Path) -> Expect:
    """All duties in one paragraph through «;»: nothing shows where one duty ends for sure (an item, a duty?),
    so the paragraph stays one clause, the report says so and the file is a draft."""
    doc = _start("контролёра зала", "66-ОД")
    _general(doc, "Контролёр зала")
    _bold(doc, "2. ДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ")
    text = "Контролёр зала обязан: проверять билеты; следить за порядком в зале; сообщать администратору о нарушениях."
    doc.add_paragraph(text)
    _sections_tail(doc, bold=True, start=3)
    doc.save(path)
    return Expect([(text, [])], sure=False, report=["абзац 10: «Контролёр зала обязан: проверять билеты; следить за "
                                                    "поряд…» — обязанности перечислены в одном абзаце через «;»"])


def symbols_as_text_from_libreoffice(path: Path) -> Expect:
    """LibreOffice (and older Word) keep a Symbol-font character as text (U+F0B7, U+F0B3), not as w:sym."""
    doc = _start("кладовщика", "67-ОД")
    _general(doc, "Кладовщик")
    _bold(doc, "2. ДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ")
    symbol = ('<w:r><w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol" w:cs="Symbol"/></w:rPr><w:t>{}</w:t></w:r>'
              '<w:r><w:t xml:space="preserve">{}</w:t></w:r>')
    for xml in ('<w:r><w:t>2.1. Ведёт учёт:</w:t></w:r>', symbol.format("\uf0b7", "\tприхода;"),
                symbol.format("\uf0b7", "\tрасхода."),
                '<w:r><w:t xml:space="preserve">2.2. Хранит товар при температуре </w:t></w:r>'
                + symbol.format("\uf0b3", " 5 °C.")):
        doc.element.body[-1].addprevious(parse_xml(f"<w:p {W}>{xml}</w:p>"))
    _sections_tail(doc, bold=True, start=3)
    doc.save(path)
    return Expect([("Ведёт учёт:", ["прихода;", "расхода."]), ("Хранит товар при температуре 5 °C.", [])],
                  report=["абзац 13: символ шрифта «Symbol» (код F0B3) не перенесён"], absent=["\uf0b7", "\uf0b3"])


def broken_cross_reference(path: Path) -> Expect:
    """A REF field whose bookmark was deleted: Word shows «Ошибка! Источник ссылки не найден.» in the clause."""
    doc = _start("инженера по охране труда", "68-ОД")
    _general(doc, "Инженер по охране труда")
    _bold(doc, "2. ДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ")
    doc.add_paragraph("2.1. Проводит вводный инструктаж.")
    doc.element.body[-1].addprevious(parse_xml(
        f'<w:p {W}><w:r><w:t xml:space="preserve">2.2. Ведёт журнал по форме п. </w:t></w:r><w:r><w:fldChar '
        'w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> REF _Ref1234 \\r \\h </w:instrText>'
        '</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>Ошибка! Источник ссылки не найден.</w:t>'
        '</w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'))
    _sections_tail(doc, bold=True, start=3)
    doc.save(path)
    return Expect([("Проводит вводный инструктаж.", []),
                   ("Ведёт журнал по форме п. Ошибка! Источник ссылки не найден.", [])],
                  report=["абзац 11: «Ошибка! Источник ссылки не найден.» — перекрёстная ссылка Word, чья цель "
                          "удалена"])


def bullet_list_with_levels(path: Path) -> Expect:
    """Duties as a Word bullet list: «•» on level 0, «o» on level 1 (Tab in Word) — the deeper level is sub-items."""
    doc = _start("уборщика производственных помещений", "69-ОД")
    _general(doc, "Уборщик производственных помещений")
    _bold(doc, "2. ДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ")
    num = _add_numbering(doc, _levels(("bullet", "•"), ("bullet", "o"), ("bullet", "▪")))
    for text, level in (("Убирает помещения цеха:", 0), ("проходы;", 1), ("рабочие места:", 1), ("станки;", 2),
                        ("верстаки.", 2), ("Выносит производственные отходы.", 0)):
        _put(doc, text, num, level)
    _sections_tail(doc, bold=True, start=3)
    doc.save(path)
    return Expect([("Убирает помещения цеха:", ["проходы;", "рабочие места:", "станки;", "верстаки."]),
                   ("Выносит производственные отходы.", [])],
                  text=["    - рабочие места:\n        - станки;"])


def agreed_and_approved_side_by_side(path: Path) -> Expect:
    """«СОГЛАСОВАНО» and «УТВЕРЖДАЮ» in two columns of one table, a line of each per row: the approval is the
    right column's, not the agreement's date that comes first in the row."""
    doc = Document()
    table = doc.add_table(rows=5, cols=2)
    for r, pair in enumerate((("СОГЛАСОВАНО", "УТВЕРЖДАЮ"), ("Председатель профкома", "Генеральный директор"),
                              ("________ А. А. Смирнов", "________ И. И. Иванов"),
                              ("«01» марта 2026 г.", "«10» марта 2026 г."), ("", "Приказ № 70-ОД от 10.03.2026"))):
        for c, text in enumerate(pair):
            table.cell(r, c).paragraphs[0].add_run(text)
    _bold(doc, "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ сторожа")
    _general(doc, "Сторож")
    _bold(doc, "2. ДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ")
    doc.add_paragraph("2.1. Охраняет здание в ночное время.")
    _sections_tail(doc, bold=True, start=3)
    doc.save(path)
    return Expect([("Охраняет здание в ночное время.", [])],
                  fields={"approved": dt.date(2026, 3, 10), "approval": {"number": "70-ОД"}}, absent=["Смирнов"])


def _field_numbered(doc, instruction: str, text: str) -> None:
    """A paragraph numbered by a field (AUTONUM, LISTNUM): Word shows the number, the text does not hold it."""
    doc.element.body[-1].addprevious(parse_xml(
        f'<w:p {W}><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> {instruction} '
        '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:tab/><w:t xml:space="preserve">'
        f"{text}</w:t></w:r></w:p>"))


def clauses_numbered_by_autonum_fields(path: Path) -> Expect:
    """Clauses numbered by AUTONUM fields (old Word templates) with typed «а)», «б)» sub-items."""
    doc = _start("мойщика автомобилей", "71-ОД")
    _general(doc, "Мойщик автомобилей")
    _bold(doc, "2. ДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ")
    _field_numbered(doc, "AUTONUM", "Моет автомобили:")
    doc.add_paragraph("а) легковые;")
    doc.add_paragraph("б) грузовые.")
    _field_numbered(doc, "AUTONUM", "Чистит салоны.")
    _field_numbered(doc, "AUTONUM", "Сдаёт смену мастеру.")
    _sections_tail(doc, bold=True, start=3)
    doc.save(path)
    return Expect([("Моет автомобили:", ["легковые;", "грузовые."]), ("Чистит салоны.", []),
                   ("Сдаёт смену мастеру.", [])])


def clauses_numbered_by_listnum_levels(path: Path) -> Expect:
    """LISTNUM fields with levels («\\l 2» clauses, «\\l 3» sub-items), as Word's legal templates number them."""
    doc = _start("шиномонтажника", "72-ОД")
    _general(doc, "Шиномонтажник")
    _bold(doc, "2. ДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ")
    for level, text in ((2, "Меняет шины:"), (3, "летние;"), (3, "зимние."), (2, "Балансирует колёса.")):
        _field_numbered(doc, f"LISTNUM LegalDefault \\l {level}", text)
    _sections_tail(doc, bold=True, start=3)
    doc.save(path)
    return Expect([("Меняет шины:", ["летние;", "зимние."]), ("Балансирует колёса.", [])])


def workers_instruction_titled_otherwise(path: Path) -> Expect:
    """«РАБОЧАЯ ИНСТРУКЦИЯ» (as many companies title a worker's one): the same skeleton as a «должностная»."""
    doc = Document()
    for text in ("УТВЕРЖДАЮ", "Генеральный директор", "____________ И. И. Иванов", "«10» марта 2026 г."):
        doc.add_paragraph(text).alignment = 2
    _bold(doc, "РАБОЧАЯ ИНСТРУКЦИЯ")
    _bold(doc, "стропальщика")
    _general(doc, "Стропальщик")
    _bold(doc, "2. ДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ")
    duties = ["Обвязывает и зацепляет грузы.", "Подаёт сигналы машинисту крана."]
    for number, duty in enumerate(duties, start=1):
        doc.add_paragraph(f"2.{number}. {duty}")
    _sections_tail(doc, bold=True, start=3)
    doc.save(path)
    return Expect([(duty, []) for duty in duties], fields={"title": "Стропальщик", "genitive": "стропальщика"})


def title_in_the_page_header(path: Path) -> Expect:
    """The title printed in the page header only; the body starts with the stamp and «1. ОБЩИЕ ПОЛОЖЕНИЯ»."""
    doc = Document()
    doc.sections[0].header.paragraphs[0].text = "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ водителя-экспедитора"
    for text in ("УТВЕРЖДАЮ", "Генеральный директор", "____________ И. И. Иванов", "«10» марта 2026 г."):
        doc.add_paragraph(text).alignment = 2
    _bold(doc, "1. ОБЩИЕ ПОЛОЖЕНИЯ")
    doc.add_paragraph("1.1. Настоящая инструкция определяет обязанности работника.")
    _bold(doc, "2. ДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ")
    duties = ["Доставляет грузы клиентам.", "Оформляет товарно-транспортные накладные."]
    for number, duty in enumerate(duties, start=1):
        doc.add_paragraph(f"2.{number}. {duty}")
    _sections_tail(doc, bold=True, start=3)
    doc.save(path)
    return Expect([(duty, []) for duty in duties], fields={"genitive": "водителя-экспедитора"},
                  report=["заголовок «ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ водителя-экспедитора» взят из верхнего колонтитула"])


def breaks_inside_clauses(path: Path) -> Expect:
    """A page break, a column break and an absolute tab between two words of a clause: the words stay apart."""
    doc = _start("маляра", "73-ОД")
    _general(doc, "Маляр")
    _bold(doc, "2. ДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ")
    for xml in ('<w:r><w:t>2.1. Красит стены</w:t></w:r><w:r><w:br w:type="page"/></w:r><w:r><w:t>и потолки.</w:t></w:r>',
                '<w:r><w:t>2.2. Готовит</w:t></w:r><w:r><w:br w:type="column"/><w:t>поверхности.</w:t></w:r>',
                '<w:r><w:t>2.3. Моет</w:t></w:r><w:r><w:ptab w:relativeTo="margin" w:alignment="right" '
                'w:leader="none"/><w:t>инструмент.</w:t></w:r>'):
        doc.element.body[-1].addprevious(parse_xml(f"<w:p {W}>{xml}</w:p>"))
    _sections_tail(doc, bold=True, start=3)
    doc.save(path)
    return Expect([("Красит стены и потолки.", []), ("Готовит поверхности.", []), ("Моет инструмент.", [])])


def typed_numbers_in_parentheses_and_with_dashes(path: Path) -> Expect:
    """Numbers typed «2.1)», «2.1.1)», «(1)», «(а)», «А)» and «2.4 – текст»: each a number, none left in the text."""
    doc = _start("штукатура", "74-ОД")
    _general(doc, "Штукатур")
    _bold(doc, "2. ДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ")
    for line in ("2.1) Штукатурит поверхности:", "2.1.1) стены;", "2.1.2) потолки.", "2.2) Готовит растворы:",
                 "(а) цементные;", "(б) известковые.", "2.3) Ремонтирует штукатурку:", "А) фасадов;", "Б) откосов.",
                 "2.4 – Убирает рабочее место."):
        doc.add_paragraph(line)
    _bold(doc, "3. ПРАВА")
    for number, right in enumerate(RIGHTS, start=1):
        doc.add_paragraph(f"({number}) {right}")
    _bold(doc, "4. ОТВЕТСТВЕННОСТЬ")
    for number, item in enumerate(LIABILITY, start=1):
        doc.add_paragraph(f"4.{number} – {item}")
    doc.save(path)
    return Expect([("Штукатурит поверхности:", ["стены;", "потолки."]),
                   ("Готовит растворы:", ["цементные;", "известковые."]),
                   ("Ремонтирует штукатурку:", ["фасадов;", "откосов."]), ("Убирает рабочее место.", [])],
                  absent=["(1)", "(2)", "– За"])


def sentences_broken_over_paragraphs(path: Path) -> Expect:
    """Each printed line a paragraph (a scan or a PDF made into Word): a clause whose sentence goes on in a
    lower-case paragraph is surely one clause; a new sentence without a number is still named for HR."""
    doc = _start("сторожа-вахтёра", "75-ОД")
    _general(doc, "Сторож-вахтёр")
    _bold(doc, "2. ДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ")
    for line in ("2.1. Обходит территорию предприятия каждые два", "часа и проверяет замки.",
                 "2.2. Ведёт журнал обходов", "и сдаёт его мастеру.", "2.3. Сообщает о происшествиях."):
        doc.add_paragraph(line)
    _sections_tail(doc, bold=True, start=3)
    doc.save(path)
    return Expect([("Обходит территорию предприятия каждые два часа и проверяет замки.", []),
                   ("Ведёт журнал обходов и сдаёт его мастеру.", []), ("Сообщает о происшествиях.", [])])


def headings_in_a_style_with_an_outline_level(path: Path) -> Expect:
    """Headings in the company's own style «Раздел» (outline level 1, not bold, no «Heading» in its name), with a
    section of the company's own after the liability: its clauses must not become the liability's."""
    doc = _start("дежурного администратора", "76-ОД")
    style = doc.styles.add_style("Раздел", 1)
    style.element.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {W} w:val="0"/>'))
    duties = ["Встречает посетителей.", "Ведёт журнал дежурств."]
    for title, clauses in (("1. Общие положения", ["Дежурный администратор относится к категории служащих."]),
                           ("2. Должностные обязанности", duties), ("3. Права", RIGHTS),
                           ("4. Ответственность", LIABILITY), ("5. Организация работы", ["Работает по графику."])):
        doc.add_paragraph(title, style="Раздел")
        for number, clause in enumerate(clauses, start=1):
            doc.add_paragraph(f"{title[0]}.{number}. {clause}")
    doc.save(path)
    return Expect([(duty, []) for duty in duties], text=["## Организация работы\n\n- Работает по графику."])


def form_fields_left_unfilled(path: Path) -> Expect:
    """A form template: content controls still showing their prompt («Введите текст»), one control left empty.
    The prompt is no text of the instruction: reported, not imported; the empty control does not stop the import."""
    doc = _start("уборщика территории", "77-ОД")
    _general(doc, "Уборщик территории")
    _bold(doc, "2. ДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ")
    prompt = "<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>{}</w:sdtContent></w:sdt>"
    for xml in ('<w:p><w:r><w:t xml:space="preserve">2.1. Подметает территорию </w:t></w:r>'
                + prompt.format("<w:r><w:t>Введите периодичность.</w:t></w:r>") + "</w:p>",
                "<w:sdt><w:sdtPr/></w:sdt>",
                prompt.format("<w:p><w:r><w:t>Щелкните здесь, чтобы ввести текст.</w:t></w:r></w:p>"),
                "<w:p><w:r><w:t>2.2. Убирает снег.</w:t></w:r></w:p>"):
        doc.element.body[-1].addprevious(parse_xml(f"<w:body {W}>{xml}</w:body>")[0])
    _sections_tail(doc, bold=True, start=3)
    doc.save(path)
    return Expect([("Подметает территорию", []), ("Убирает снег.", [])], absent=["Введите", "Щелкните"],
                  report=["абзац 10: поле формы не заполнено (в нём подсказка «Введите периодичность.»)",
                          "абзац 11: поле формы не заполнено"])


MAKERS = {
    "vakhter.docx": table_rows_in_a_content_control,
    "menedzher-po-zakupkam.docx": functions_and_duties_heading,
    "voditel-elektrokara.docx": lettered_sections,
    "kassir-zala.docx": clauses_glued_in_one_paragraph,
    "kontroler-zala.docx": duties_run_into_one_paragraph,
    "kladovshchik.docx": symbols_as_text_from_libreoffice,
    "inzhener-ot.docx": broken_cross_reference,
    "uborshchik-ceha.docx": bullet_list_with_levels,
    "storozh.docx": agreed_and_approved_side_by_side,
    "moyshchik.docx": clauses_numbered_by_autonum_fields,
    "shinomontazhnik.docx": clauses_numbered_by_listnum_levels,
    "stropalshchik.docx": workers_instruction_titled_otherwise,
    "voditel-ekspeditor.docx": title_in_the_page_header,
    "malyar.docx": breaks_inside_clauses,
    "shtukatur.docx": typed_numbers_in_parentheses_and_with_dashes,
    "storozh-vakhter.docx": sentences_broken_over_paragraphs,
    "dezhurnyy-administrator.docx": headings_in_a_style_with_an_outline_level,
    "uborshchik-territorii.docx": form_fields_left_unfilled,
}
