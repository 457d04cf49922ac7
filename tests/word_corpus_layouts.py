"""Word layouts the other corpora lack, each as a careful HR person reads it: what the duties must be.

Word lists defined every way numbering.xml allows (levels «%1.%2.», «%1)», «а)», «I.», bullets inside a
numbered list, restarts, one list running across sections, numbering by style with the level on the
paragraph, level jumps); numbers typed with a tab or a no-break space; headings in capitals, in table
rows, in a layout table; duties in a table; Shift+Enter inside clauses; content controls, fields,
hyperlinks, footnotes, moved text, page breaks; signatures without «Разработал»; two instructions in
one file. Each maker writes one .docx and returns what the import must give (`Expect`).
"""

from __future__ import annotations

import datetime as dt
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from word_corpus import LIABILITY, RIGHTS, _add_numbering, _bold, _numbered, _sections_tail

W = nsdecls("w")


@dataclass
class Expect:
    duties: list[tuple[str, list[str]]]          # each duty as the file must have it, with its sub-items
    sure: bool = True                            # the outline is certain: no «Проверьте пункты», not a draft
    report: list[str] = field(default_factory=list)    # phrases the report must contain
    text: list[str] = field(default_factory=list)      # phrases the position file must contain
    absent: list[str] = field(default_factory=list)    # phrases it must not contain
    fields: dict = field(default_factory=dict)
    unknown: bool = False                        # text is kept in the «Не распознано» block for HR to place


def _start(title: str, order: str) -> Document:
    doc = Document()
    for text in ("УТВЕРЖДАЮ", "Генеральный директор", "____________ И. И. Иванов", "«10» марта 2026 г.",
                 f"Приказ № {order} от 10.03.2026"):
        doc.add_paragraph(text).alignment = 2
    _bold(doc, f"ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ {title}")
    return doc


def _levels(*levels: tuple[str, str]) -> str:
    return "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
                   '</w:lvl>' for i, (fmt, text) in enumerate(levels))


def _put(doc, text: str, num_id: int, level: int):
    paragraph = doc.add_paragraph(text)
    _numbered(paragraph, num_id, level)
    return paragraph


def legal_list_with_level_jump(path: Path) -> Expect:
    """One multilevel list «1.», «1.1.», «1.1.1.»: headings on level 0, clauses on 1, a sub-item jumps to level 3."""
    doc = _start("оператора склада", "41-ОД")
    num = _add_numbering(doc, _levels(("decimal", "%1."), ("decimal", "%1.%2."), ("decimal", "%1.%2.%3."),
                                      ("decimal", "%1.%2.%3.%4.")))
    for title, clauses in (("ОБЩИЕ ПОЛОЖЕНИЯ", ["Оператор склада относится к категории рабочих."]),
                           ("ДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ", None), ("ПРАВА", RIGHTS), ("ОТВЕТСТВЕННОСТЬ", LIABILITY)):
        _put(doc, "", num, 0).add_run(title).bold = True
        if clauses is None:
            _put(doc, "Вводит накладные в учётную систему:", num, 1)
            _put(doc, "приходные;", num, 3)
            _put(doc, "расходные.", num, 3)
            _put(doc, "Печатает этикетки.", num, 1)
            _put(doc, "Сверяет остатки.", num, 1)
            continue
        for clause in clauses:
            _put(doc, clause, num, 1)
    doc.save(path)
    return Expect([("Вводит накладные в учётную систему:", ["приходные;", "расходные."]),
                   ("Печатает этикетки.", []), ("Сверяет остатки.", [])])


def roman_letters_and_bullets_in_one_list(path: Path) -> Expect:
    """«I.» headings, «1.» clauses, «а)» sub-items and «–» bullets, all levels of one Word list."""
    doc = _start("мерчандайзера", "42-ОД")
    num = _add_numbering(doc, _levels(("upperRoman", "%1."), ("decimal", "%2."), ("russianLower", "%3)"),
                                      ("bullet", "–")))
    for title, clauses in (("Общие положения", ["Мерчандайзер относится к категории специалистов."]),
                           ("Должностные обязанности", None), ("Права", RIGHTS), ("Ответственность", LIABILITY)):
        _put(doc, title, num, 0)
        if clauses is None:
            _put(doc, "Выкладывает товар по планограмме.", num, 1)
            _put(doc, "Проверяет в торговом зале:", num, 1)
            _put(doc, "ценники;", num, 2)
            _put(doc, "сроки годности:", num, 2)
            _put(doc, "молочной продукции;", num, 3)
            _put(doc, "хлеба.", num, 3)
            _put(doc, "Фотографирует полки для отчёта.", num, 1)
            continue
        for clause in clauses:
            _put(doc, clause, num, 1)
    doc.save(path)
    return Expect([("Выкладывает товар по планограмме.", []),
                   ("Проверяет в торговом зале:", ["ценники;", "сроки годности:", "молочной продукции;", "хлеба."]),
                   ("Фотографирует полки для отчёта.", [])])


def one_list_across_sections(path: Path) -> Expect:
    """Bold headings outside the list; one «%1.» list numbers every clause 1 … 9 across the sections."""
    doc = _start("курьера", "43-ОД")
    num = _add_numbering(doc, _levels(("decimal", "%1.")))
    duties = ["Доставляет документы клиентам.", "Получает подписи на накладных.", "Сдаёт выручку в кассу."]
    for title, clauses in (("1. ОБЩИЕ ПОЛОЖЕНИЯ", ["Курьер относится к категории рабочих."]),
                           ("2. ДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ", duties), ("3. ПРАВА", RIGHTS),
                           ("4. ОТВЕТСТВЕННОСТЬ", LIABILITY)):
        _bold(doc, title)
        for clause in clauses:
            _put(doc, clause, num, 0)
    doc.save(path)
    return Expect([(duty, []) for duty in duties])


def numbering_by_style_level_on_paragraph(path: Path) -> Expect:
    """A paragraph style carries the list; sub-items keep the style and set only their level (Tab in Word)."""
    doc = _start("оператора call-центра", "44-ОД")
    num = _add_numbering(doc, _levels(("decimal", "2.%1."), ("russianLower", "%2)")))
    style = doc.styles.add_style("Пункт инструкции", 1)
    style.element.get_or_add_pPr().append(parse_xml(f'<w:numPr {W}><w:numId w:val="{num}"/></w:numPr>'))
    _bold(doc, "1. ОБЩИЕ ПОЛОЖЕНИЯ")
    doc.add_paragraph("1.1. Оператор call-центра относится к категории служащих.")
    _bold(doc, "2. ДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ")
    for text, level in (("Принимает входящие звонки.", None), ("Регистрирует обращения:", None),
                        ("в CRM;", 1), ("в журнале жалоб.", 1), ("Переводит звонки специалистам.", None)):
        paragraph = doc.add_paragraph(text, style="Пункт инструкции")
        if level is not None:
            paragraph._p.get_or_add_pPr().append(parse_xml(f'<w:numPr {W}><w:ilvl w:val="{level}"/></w:numPr>'))
    _sections_tail(doc, bold=True, start=3)
    doc.save(path)
    return Expect([("Принимает входящие звонки.", []), ("Регистрирует обращения:", ["в CRM;", "в журнале жалоб."]),
                   ("Переводит звонки специалистам.", [])])


def typed_numbers_with_tabs_and_nbsp(path: Path) -> Expect:
    """Numbers typed with a tab or a no-break space after them, with and without a final dot, 3 levels, marks."""
    doc = _start("товароведа", "45-ОД")
    _bold(doc, "1.\tОБЩИЕ ПОЛОЖЕНИЯ")
    doc.add_paragraph("1.1.\tТовароевед относится к категории специалистов.".replace("Товароевед", "Товаровед"))
    _bold(doc, "2.\tДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ")
    for line in ("2.1.\tПринимает товар по количеству и качеству.", "2.2\u00a0Оформляет акты о расхождениях:",
                 "2.2.1.\tпо количеству;", "2.2.2.\u00a0по качеству.", "2.3 Ведёт учёт возвратов:",
                 "а)\tот покупателей;", "б)\u00a0поставщикам.", "2.4.\tКонтролирует сроки хранения:",
                 "–\tскоропортящихся товаров;", "•\tтоваров с ограниченным сроком."):
        doc.add_paragraph(line)
    _sections_tail(doc, bold=True, start=3)
    doc.save(path)
    return Expect([("Принимает товар по количеству и качеству.", []),
                   ("Оформляет акты о расхождениях:", ["по количеству;", "по качеству."]),
                   ("Ведёт учёт возвратов:", ["от покупателей;", "поставщикам."]),
                   ("Контролирует сроки хранения:", ["скоропортящихся товаров;", "товаров с ограниченным сроком."])])


def typed_and_word_numbers_mixed(path: Path) -> Expect:
    """A document edited for years: «2.1.» and «2.3.» typed, «2.2.» numbered by a Word list between them."""
    doc = _start("комплектовщика заказов", "61-ОД")
    _bold(doc, "1. ОБЩИЕ ПОЛОЖЕНИЯ")
    doc.add_paragraph("1.1. Комплектовщик заказов относится к категории рабочих.")
    _bold(doc, "2. ДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ")
    num = _add_numbering(doc, '<w:lvl w:ilvl="0"><w:start w:val="2"/><w:numFmt w:val="decimal"/>'
                              '<w:lvlText w:val="2.%1."/></w:lvl>')
    doc.add_paragraph("2.1. Комплектует заказы.")
    _put(doc, "Проверяет комплектность.", num, 0)
    doc.add_paragraph("2.3. Передаёт заказы на отгрузку.")
    _sections_tail(doc, bold=True, start=3)
    doc.save(path)
    return Expect([("Комплектует заказы.", []), ("Проверяет комплектность.", []),
                   ("Передаёт заказы на отгрузку.", [])])


def capital_headings_plain(path: Path) -> Expect:
    """Headings only in capitals (not bold, no style, no number), clauses typed «1.», «2.» in every section."""
    doc = _start("уборщика служебных помещений", "46-ОД")
    duties = ["Убирает служебные помещения.", "Выносит мусор.", "Сообщает о неисправностях."]
    for title, clauses in (("ОБЩИЕ ПОЛОЖЕНИЯ", ["Уборщик служебных помещений относится к категории рабочих."]),
                           ("ДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ", duties), ("ПРАВА", RIGHTS), ("ОТВЕТСТВЕННОСТЬ", LIABILITY)):
        doc.add_paragraph(title)
        for number, clause in enumerate(clauses, start=1):
            doc.add_paragraph(f"{number}. {clause}")
    doc.save(path)
    return Expect([(duty, []) for duty in duties])


def _cell_text(cell, text: str, bold: bool = False) -> None:
    cell.paragraphs[0].add_run(text).bold = bold


def instruction_as_a_table(path: Path) -> Expect:
    """The whole instruction in a bordered table: numbers in the left column, headings in merged rows."""
    doc = _start("охранника", "47-ОД")
    rows = [("1.", "ОБЩИЕ ПОЛОЖЕНИЯ", True), ("1.1.", "Охранник относится к категории рабочих.", False),
            ("2.", "ДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ", True), ("2.1.", "Охраняет территорию.", False),
            ("2.2.", "Проверяет пропуска:", False), ("", "— у работников;", False), ("", "— у посетителей.", False),
            ("2.3.", "Ведёт журнал дежурств.", False), ("3.", "ПРАВА", True)]
    rows += [(f"3.{n}.", right, False) for n, right in enumerate(RIGHTS, start=1)]
    rows += [("4.", "ОТВЕТСТВЕННОСТЬ", True)] + [(f"4.{n}.", item, False) for n, item in enumerate(LIABILITY, 1)]
    table = doc.add_table(rows=len(rows), cols=2)
    for index, (number, text, heading) in enumerate(rows):
        if heading:
            merged = table.cell(index, 0).merge(table.cell(index, 1))
            _cell_text(merged, f"{number} {text}", bold=True)
        else:
            _cell_text(table.cell(index, 0), number)
            _cell_text(table.cell(index, 1), text)
    doc.save(path)
    return Expect([("Охраняет территорию.", []), ("Проверяет пропуска:", ["у работников;", "у посетителей."]),
                   ("Ведёт журнал дежурств.", [])])


def headings_beside_their_clauses(path: Path) -> Expect:
    """A two-column layout table: the section's name on the left, its clauses on the right, no borders."""
    doc = _start("оператора ПК", "55-ОД")
    duties = ["Набирает тексты и таблицы.", "Сканирует документы:", "— входящие письма;", "— договоры.",
              "Ведёт электронный архив."]
    rows = [("Общие положения", ["1.1. Оператор ПК относится к категории служащих."]),
            ("Должностные обязанности", [f"2.{n}. {d}" if not d.startswith("—") else d for n, d in
                                         zip((1, 2, 0, 0, 3), duties)]),
            ("Права", [f"3.{n}. {r}" for n, r in enumerate(RIGHTS, 1)]),
            ("Ответственность", [f"4.{n}. {i}" for n, i in enumerate(LIABILITY, 1)])]
    table = doc.add_table(rows=len(rows), cols=2)
    for index, (title, clauses) in enumerate(rows):
        _cell_text(table.cell(index, 0), title, bold=True)
        cell = table.cell(index, 1)
        cell.paragraphs[0].text = clauses[0]
        for clause in clauses[1:]:
            cell.add_paragraph(clause)
    doc.save(path)
    return Expect([("Набирает тексты и таблицы.", []), ("Сканирует документы:", ["входящие письма;", "договоры."]),
                   ("Ведёт электронный архив.", [])])


def duties_in_a_numbered_table(path: Path) -> Expect:
    """Duties as a table «№ п/п | Содержание обязанности» under a bold heading; a duty's cell has two paragraphs."""
    doc = _start("менеджера по логистике", "48-ОД")
    _bold(doc, "1. ОБЩИЕ ПОЛОЖЕНИЯ")
    doc.add_paragraph("1.1. Менеджер по логистике относится к категории специалистов.")
    _bold(doc, "2. ДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ")
    rows = [("№ п/п", "Содержание обязанности"), ("1", "Планирует перевозки."), ("2", "Заказывает транспорт."),
            ("3", "Отслеживает доставку.")]
    table = doc.add_table(rows=len(rows), cols=2)
    for index, (number, text) in enumerate(rows):
        _cell_text(table.cell(index, 0), number, bold=index == 0)
        _cell_text(table.cell(index, 1), text, bold=index == 0)
    _sections_tail(doc, bold=True, start=3)
    doc.save(path)
    return Expect([("Планирует перевозки.", []), ("Заказывает транспорт.", []), ("Отслеживает доставку.", [])])


def soft_breaks_inside_clauses(path: Path) -> Expect:
    """Shift+Enter inside a clause (line wrapped by hand) and before its typed sub-items."""
    doc = _start("водителя погрузчика", "49-ОД")
    _bold(doc, "1. ОБЩИЕ ПОЛОЖЕНИЯ")
    doc.add_paragraph("1.1. Водитель погрузчика относится к категории рабочих.")
    _bold(doc, "2. ДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ")
    for parts in (["2.1. Перемещает грузы по складу", "с соблюдением правил безопасности."],
                  ["2.2. Проверяет перед сменой:", "а) тормоза;", "б) гидравлику."],
                  ["2.3. Заряжает аккумуляторы погрузчика."]):
        paragraph = doc.add_paragraph()
        for index, part in enumerate(parts):
            run = paragraph.add_run(part)
            if index < len(parts) - 1:
                run.add_break(WD_BREAK.LINE)
    _sections_tail(doc, bold=True, start=3)
    doc.save(path)
    return Expect([("Перемещает грузы по складу с соблюдением правил безопасности.", []),
                   ("Проверяет перед сменой:", ["тормоза;", "гидравлику."]),
                   ("Заряжает аккумуляторы погрузчика.", [])])


def controls_fields_links_footnotes(path: Path) -> Expect:
    """Content controls (in and around paragraphs), simple and complex fields, a hyperlink, a footnote."""
    doc = _start("специалиста по охране окружающей среды", "50-ОД")
    _bold(doc, "1. ОБЩИЕ ПОЛОЖЕНИЯ")
    doc.add_paragraph("1.1. Специалист по охране окружающей среды относится к категории специалистов.")
    _bold(doc, "2. ДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ")
    body = doc.element.body
    sect = body[-1]

    def add(xml: str):
        sect.addprevious(parse_xml(xml))

    run = '<w:r><w:t xml:space="preserve">{}</w:t></w:r>'
    add(f'<w:p {W}>{run.format("2.1. Ведёт ")}<w:sdt><w:sdtPr><w:text/></w:sdtPr><w:sdtContent>'
        f'{run.format("журнал учёта отходов")}</w:sdtContent></w:sdt>{run.format(".")}</w:p>')
    add(f'<w:sdt {W}><w:sdtPr><w:alias w:val="Обязанность"/></w:sdtPr><w:sdtContent><w:p>'
        f'{run.format("2.2. Готовит отчёт 2-ТП (отходы).")}</w:p></w:sdtContent></w:sdt>')
    add(f'<w:p {W}>{run.format("2.3. Сдаёт отчёт до ")}<w:fldSimple w:instr=" DOCPROPERTY Срок ">'
        f'{run.format("1 февраля")}</w:fldSimple>{run.format(" каждого года.")}</w:p>')
    add(f'<w:p {W}>{run.format("2.4. Соблюдает требования ")}<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> REF _Ref1 \\h </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run.format("Положения об охране среды") +
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>' + run.format(".") + '</w:p>')
    rel = doc.part.relate_to("https://example.ru/law", "http://schemas.openxmlformats.org/officeDocument/2006/"
                             "relationships/hyperlink", is_external=True)
    add(f'<w:p {W} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f'{run.format("2.5. Изучает изменения ")}<w:hyperlink r:id="{rel}">{run.format("природоохранного закона")}'
        f'</w:hyperlink>{run.format(".")}<w:r><w:footnoteReference w:id="1"/></w:r></w:p>')
    _sections_tail(doc, bold=True, start=3)
    doc.save(path)
    _add_footnote(path, "Федеральный закон от 10.01.2002 № 7-ФЗ.")
    return Expect([("Ведёт журнал учёта отходов.", []), ("Готовит отчёт 2-ТП (отходы).", []),
                   ("Сдаёт отчёт до 1 февраля каждого года.", []),
                   ("Соблюдает требования Положения об охране среды.", []),
                   ("Изучает изменения природоохранного закона.", [])],
                  report=["сноска", "Федеральный закон от 10.01.2002 № 7-ФЗ"], absent=["example.ru"])


def _add_footnote(path: Path, text: str) -> None:
    """python-docx writes no footnotes: the part, its relationship and content type are added to the zip."""
    footnotes = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                 f'<w:footnotes {W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
                 '</w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
                 f'</w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r>'
                 f'<w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote></w:footnotes>')
    with zipfile.ZipFile(path) as old:
        parts = {item.filename: old.read(item) for item in old.infolist()}
    parts["word/footnotes.xml"] = footnotes.encode()
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", b'<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-'
                     b'officedocument.wordprocessingml.footnotes+xml"/></Types>')
    parts["word/_rels/document.xml.rels"] = parts["word/_rels/document.xml.rels"].replace(
        b"</Relationships>", b'<Relationship Id="rIdFootnotes" Type="http://schemas.openxmlformats.org/'
                             b'officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for name, data in parts.items():
            new.writestr(name, data)


def moved_text_and_page_breaks(path: Path) -> Expect:
    """A clause moved by a tracked move (shown once, at its new place), page breaks and empty paragraphs."""
    doc = _start("грузчика", "51-ОД")
    _bold(doc, "1. ОБЩИЕ ПОЛОЖЕНИЯ")
    doc.add_paragraph("1.1. Грузчик относится к категории рабочих.")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    _bold(doc, "2. ДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ")
    revision = 'w:author="Юрист" w:date="2026-03-01T10:00:00Z"'
    sect = doc.element.body[-1]
    sect.addprevious(parse_xml(
        f'<w:p {W}><w:moveFrom w:id="1" {revision}><w:r><w:t>2.1. Убирает рабочее место.</w:t></w:r></w:moveFrom>'
        '</w:p>'))
    doc.add_paragraph("2.1. Разгружает машины.")
    doc.add_paragraph("")
    paragraph = doc.add_paragraph("2.2. Переносит товар на склад.")
    paragraph.paragraph_format.page_break_before = True
    sect.addprevious(parse_xml(
        f'<w:p {W}><w:moveTo w:id="2" {revision}><w:r><w:t>2.3. Убирает рабочее место.</w:t></w:r></w:moveTo></w:p>'))
    doc.add_paragraph("")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    _sections_tail(doc, bold=True, start=3)
    doc.save(path)
    return Expect([("Разгружает машины.", []), ("Переносит товар на склад.", []), ("Убирает рабочее место.", [])],
                  report=["непринятые исправления"])


def signatures_without_a_keyword(path: Path) -> Expect:
    """The end as many companies sign it: a position and a name line, then a table to sign, no «Разработал»."""
    doc = _start("бариста", "52-ОД")
    _bold(doc, "1. ОБЩИЕ ПОЛОЖЕНИЯ")
    doc.add_paragraph("1.1. Бариста относится к категории рабочих.")
    _bold(doc, "2. ДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ")
    duties = ["Готовит кофе и напитки.", "Следит за чистотой кофемашины."]
    for number, duty in enumerate(duties, start=1):
        doc.add_paragraph(f"2.{number}. {duty}")
    _bold(doc, "3. ПРАВА")
    for number, right in enumerate(RIGHTS, start=1):
        doc.add_paragraph(f"3.{number}. {right}")
    _bold(doc, "4. ОТВЕТСТВЕННОСТЬ")
    for number, item in enumerate(LIABILITY, start=1):
        doc.add_paragraph(f"4.{number}. {item}")
    doc.add_paragraph("")
    doc.add_paragraph("Управляющий кофейней\t\t\t_____________ /А. А. Петрова/")
    doc.add_paragraph("Юрисконсульт\t\t\t_____________ /В. В. Сидоров/")
    table = doc.add_table(rows=2, cols=3)
    for column, text in enumerate(("Ф.И.О.", "Подпись", "Дата ознакомления")):
        _cell_text(table.cell(0, column), text)
    doc.save(path)
    return Expect([(duty, []) for duty in duties], absent=["Управляющий кофейней", "Сидоров"])


def two_instructions_in_one_file(path: Path) -> Expect:
    """Two positions in one document: the import must not glue the second one into the first."""
    doc = _start("повара", "53-ОД")
    _bold(doc, "1. ОБЩИЕ ПОЛОЖЕНИЯ")
    doc.add_paragraph("1.1. Повар относится к категории рабочих.")
    _bold(doc, "2. ДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ")
    doc.add_paragraph("2.1. Готовит блюда по технологическим картам.")
    _sections_tail(doc, bold=True, start=3)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    _bold(doc, "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ официанта")
    _bold(doc, "1. ОБЩИЕ ПОЛОЖЕНИЯ")
    doc.add_paragraph("1.1. Официант относится к категории рабочих.")
    _bold(doc, "2. ДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ")
    doc.add_paragraph("2.1. Обслуживает гостей.")
    _sections_tail(doc, bold=True, start=3)
    doc.save(path)
    return Expect([], sure=False, report=["несколько должностных инструкций"])


def stamp_in_a_text_box(path: Path) -> Expect:
    """The approval stamp in a floating text box (DrawingML with its VML fallback, as Word saves it)."""
    doc = Document()
    stamp = "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in (
        "УТВЕРЖДАЮ", "Директор", "____________ И. И. Иванов", "«12» марта 2026 г.", "Приказ № 56-ОД от 12.03.2026"))
    box = f"<w:txbxContent>{stamp}</w:txbxContent>"
    doc.element.body[-1].addprevious(parse_xml(
        f'<w:p {W} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml"><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        '<wp:anchor><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f'<wps:wsp><wps:txbx>{box}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>'
        f'</mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Fallback>'
        '</mc:AlternateContent></w:r></w:p>'))
    _bold(doc, "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ администратора зала")
    _bold(doc, "1. ОБЩИЕ ПОЛОЖЕНИЯ")
    doc.add_paragraph("1.1. Администратор зала относится к категории служащих.")
    _bold(doc, "2. ДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ")
    duties = ["Встречает гостей.", "Распределяет столики."]
    for number, duty in enumerate(duties, start=1):
        doc.add_paragraph(f"2.{number}. {duty}")
    _sections_tail(doc, bold=True, start=3)
    doc.save(path)
    return Expect([(duty, []) for duty in duties], absent=["УТВЕРЖДАЮ"],
                  fields={"approved": dt.date(2026, 3, 12), "approval": {"number": "56-ОД"}})


def duties_with_terms_in_three_columns(path: Path) -> Expect:
    """Duties in a table «№ | обязанность | периодичность»: no safe way to make clauses of it, so the report says
    so, each cell is kept with its table, row and column, and the file is a draft."""
    doc = _start("кассира-операциониста", "57-ОД")
    _bold(doc, "1. ОБЩИЕ ПОЛОЖЕНИЯ")
    doc.add_paragraph("1.1. Кассир-операционист относится к категории служащих.")
    _bold(doc, "2. ДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ")
    rows = [("№", "Обязанность", "Периодичность"), ("1", "Сверяет остаток кассы.", "ежедневно"),
            ("2", "Сдаёт отчёт кассира.", "еженедельно")]
    table = doc.add_table(rows=len(rows), cols=3)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            _cell_text(table.cell(r, c), text)
    _sections_tail(doc, bold=True, start=3)
    doc.save(path)
    return Expect([("Впишите обязанности: в документе их не нашлось.", [])], sure=False, unknown=True,
                  report=["обязанностей не найдено", "абзац 10: таблица в разделе «Должностные обязанности» "
                                                     "(абзацы 10–18) не превращена в пункты"],
                  text=["(таблица 1, строка 2, столбец 3): ежедневно", "Сдаёт отчёт кассира."])


def table_of_contents(path: Path) -> Expect:
    """A table of contents after the title («2. Должностные обязанности<tab>3» in the «toc 1» style)."""
    doc = _start("юриста", "58-ОД")
    style = doc.styles.add_style("toc 1", 1)
    for number, title in enumerate(("Общие положения", "Должностные обязанности", "Права", "Ответственность"), 1):
        doc.add_paragraph(f"{number}. {title}\t{number + 1}", style=style)
    _bold(doc, "1. ОБЩИЕ ПОЛОЖЕНИЯ")
    doc.add_paragraph("1.1. Юрист относится к категории специалистов.")
    _bold(doc, "2. ДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ")
    duties = ["Проверяет договоры.", "Представляет общество в суде."]
    for number, duty in enumerate(duties, start=1):
        doc.add_paragraph(f"2.{number}. {duty}")
    _sections_tail(doc, bold=True, start=3)
    doc.save(path)
    return Expect([(duty, []) for duty in duties],
                  report=["абзац 8: «2. Должностные обязанности\t3» — строка оглавления"])


def appendix_after_signatures(path: Path) -> Expect:
    """An appendix after the signatures: its own text, kept for HR, never taken for a signature."""
    doc = _start("сборщика заказов", "59-ОД")
    _bold(doc, "1. ОБЩИЕ ПОЛОЖЕНИЯ")
    doc.add_paragraph("1.1. Сборщик заказов относится к категории рабочих.")
    _bold(doc, "2. ДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ")
    duties = ["Собирает заказы по листам подбора.", "Упаковывает заказы."]
    for number, duty in enumerate(duties, start=1):
        doc.add_paragraph(f"2.{number}. {duty}")
    _sections_tail(doc, bold=True, start=3)
    _bold(doc, "Приложение 1. Показатели эффективности")
    doc.add_paragraph("1. Точность сборки — 99 %.")
    doc.add_paragraph("2. Сроки сборки — 2 часа.")
    doc.save(path)
    return Expect([(duty, []) for duty in duties], unknown=True,
                  text=["Абзац 21: Приложение 1. Показатели эффективности", "Абзац 22: 1\\. Точность сборки — 99 %.",
                        "Абзац 23: 2\\. Сроки сборки — 2 часа."])


def symbols_hidden_text_and_a_chunk(path: Path) -> Expect:
    """Bullets inserted as Symbol-font characters, a hidden remark, a symbol that is no bullet, a pasted chunk."""
    doc = _start("кладовщика-оператора", "60-ОД")
    _bold(doc, "1. ОБЩИЕ ПОЛОЖЕНИЯ")
    doc.add_paragraph("1.1. Кладовщик-оператор относится к категории рабочих.")
    _bold(doc, "2. ДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ")
    sect = doc.element.body[-1]
    run = '<w:r><w:t xml:space="preserve">{}</w:t></w:r>'

    def add(xml: str) -> None:
        sect.addprevious(parse_xml(f"<w:p {W}>{xml}</w:p>"))

    add(run.format("2.1. Ведёт учёт:"))
    for item in ("прихода;", "расхода."):
        add(f'<w:r><w:sym w:font="Symbol" w:char="F0B7"/></w:r><w:r><w:tab/></w:r>{run.format(item)}')
    add(run.format("2.2. Сдаёт отчёты.") + '<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve"> (уточнить у '
        'директора)</w:t></w:r>')
    add(run.format("2.3. Поддерживает на складе температуру ") + '<w:r><w:sym w:font="Symbol" w:char="F0B3"/></w:r>'
        + run.format(" 5 °C."))
    sect.addprevious(parse_xml(f'<w:altChunk {W} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
                               'relationships" r:id="rIdChunk1"/>'))
    _sections_tail(doc, bold=True, start=3)
    doc.save(path)
    return Expect([("Ведёт учёт:", ["прихода;", "расхода."]), ("Сдаёт отчёты.", []),
                   ("Поддерживает на складе температуру 5 °C.", [])],
                  report=["абзац 13: скрытый текст «(уточнить у директора)»",
                          "абзац 14: символ шрифта «Symbol» (код F0B3)",
                          "вставленные фрагменты другого формата (1, altChunk)"], absent=["уточнить"])


def department_in_the_header(path: Path) -> Expect:
    """The header names the department on its own line and the title sits on two lines."""
    doc = Document()
    doc.add_paragraph("ООО «Ромашка»")
    doc.add_paragraph("Отдел продаж")
    for text in ("УТВЕРЖДАЮ", "Генеральный директор", "____________ И. И. Иванов", "«10» марта 2026 г."):
        doc.add_paragraph(text).alignment = 2
    _bold(doc, "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ № 54")
    _bold(doc, "торгового представителя")
    _bold(doc, "1. ОБЩИЕ ПОЛОЖЕНИЯ")
    doc.add_paragraph("1.1. Торговый представитель относится к категории специалистов.")
    _bold(doc, "2. ДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ")
    duties = ["Посещает торговые точки по маршруту.", "Принимает заказы."]
    for number, duty in enumerate(duties, start=1):
        doc.add_paragraph(f"2.{number}. {duty}")
    _sections_tail(doc, bold=True, start=3)
    doc.save(path)
    return Expect([(duty, []) for duty in duties],
                  fields={"title": "Торговый представитель", "department": "Отдел продаж"})


MAKERS = {
    "operator-sklada.docx": legal_list_with_level_jump,
    "merchandiser.docx": roman_letters_and_bullets_in_one_list,
    "kurer.docx": one_list_across_sections,
    "call-center.docx": numbering_by_style_level_on_paragraph,
    "tovaroved.docx": typed_numbers_with_tabs_and_nbsp,
    "uborshchik.docx": capital_headings_plain,
    "komplektovshchik-zakazov.docx": typed_and_word_numbers_mixed,
    "okhrannik.docx": instruction_as_a_table,
    "logistika.docx": duties_in_a_numbered_table,
    "operator-pk.docx": headings_beside_their_clauses,
    "pogruzchik.docx": soft_breaks_inside_clauses,
    "ekolog.docx": controls_fields_links_footnotes,
    "gruzchik.docx": moved_text_and_page_breaks,
    "barista.docx": signatures_without_a_keyword,
    "povar-i-oficiant.docx": two_instructions_in_one_file,
    "torgovyy-predstavitel.docx": department_in_the_header,
    "administrator-zala.docx": stamp_in_a_text_box,
    "kassir-operacionist.docx": duties_with_terms_in_three_columns,
    "yurist-oglavlenie.docx": table_of_contents,
    "sborshchik.docx": appendix_after_signatures,
    "kladovshchik-operator.docx": symbols_hidden_text_and_a_chunk,
}
