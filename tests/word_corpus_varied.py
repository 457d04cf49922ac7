"""More Word instructions as companies keep them, for the import tests: one way of writing each.

Roman sections with typed «1)» items, Word lists restarted in every section, Word's «I.» headings
with legal «1.1.» clauses, letters «а)», typed «2.3.1.», a table of requirements, headers and
footers, tracked changes, comments, a two-column «СОГЛАСОВАНО / УТВЕРЖДАЮ» table, a head with
subordinates, bullets as duties, lists pasted one per paragraph, and one document whose nesting
cannot be known for sure. One maker per document keeps each readable apart, hence the module's length.
Each maker writes one .docx and returns its number of duties; EXPECTED lists the facts to find.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from word_corpus import LIABILITY, RIGHTS, _add_numbering, _bold, _numbered, _sections_tail


def _stamp(doc, date="«10» марта 2026 г.", order="Приказ № 21-ОД от 10.03.2026") -> None:
    for text in ("УТВЕРЖДАЮ", "Генеральный директор", "____________ И. И. Иванов", date, order):
        doc.add_paragraph(text).alignment = 2


def _typed_rest(doc, numbers=("III.", "IV.")) -> None:
    _bold(doc, f"{numbers[0]} ПРАВА")
    for number, right in enumerate(RIGHTS, start=1):
        doc.add_paragraph(f"{number}) {right}")
    _bold(doc, f"{numbers[1]} ОТВЕТСТВЕННОСТЬ")
    for number, item in enumerate(LIABILITY, start=1):
        doc.add_paragraph(f"{number}) {item}")


def roman_sections_typed_parens(path: Path) -> int:
    """The issue's document: «I. Общие положения», typed «1)» … «7)», the supervisor and requirements in words."""
    doc = Document()
    _stamp(doc)
    _bold(doc, "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ специалиста по кадрам")
    _bold(doc, "I. Общие положения")
    doc.add_paragraph("1) Специалист по кадрам относится к категории специалистов.")
    doc.add_paragraph("2) Специалист по кадрам назначается на должность и освобождается от неё приказом "
                      "генерального директора.")
    doc.add_paragraph("3) Специалист по кадрам подчиняется руководителю отдела персонала.")
    doc.add_paragraph("4) На должность специалиста по кадрам назначается лицо, имеющее высшее образование и стаж "
                      "работы в кадровом делопроизводстве не менее 1 года.")
    _bold(doc, "II. Должностные обязанности")
    duties = ["Оформляет приём, перевод и увольнение работников.", "Ведёт личные дела работников.",
              "Ведёт сведения о трудовой деятельности работников.", "Составляет график отпусков.",
              "Готовит справки о работе по запросам работников.", "Ведёт табель учёта рабочего времени.",
              "Готовит отчёты о численности персонала."]
    for number, duty in enumerate(duties, start=1):
        doc.add_paragraph(f"{number}) {duty}")
    _typed_rest(doc)
    doc.save(path)
    return len(duties)


def word_lists_restarted(path: Path) -> int:
    """One Word list restarted in every section (lvlOverride), letters «а)» on its second level, plain headings."""
    doc = Document()
    _stamp(doc)
    doc.add_paragraph("ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ менеджера по закупкам", style="Title")
    levels = ('<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
              '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="russianLower"/><w:lvlText w:val="%2)"/>'
              '</w:lvl>')
    first = _add_numbering(doc, levels)
    numbering = doc.part.numbering_part.element
    abstract = numbering.find(f"{{{numbering.nsmap['w']}}}num[@{qn('w:numId')}='{first}']")[0].get(qn("w:val"))

    def restarted() -> int:
        num_id = max(int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))) + 1
        numbering.append(parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract}"/>'
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'))
        return num_id

    sections = [("Общие положения", ["Менеджер по закупкам относится к категории специалистов.",
                                     "Менеджер по закупкам подчиняется коммерческому директору."]),
                ("Должностные обязанности", ["Ищет поставщиков.", "Ведёт переговоры:", "Заключает договоры поставки.",
                                             "Контролирует сроки поставок.", "Ведёт реестр поставщиков."]),
                ("Права", RIGHTS), ("Ответственность", LIABILITY)]
    for title, clauses in sections:
        doc.add_paragraph(title, style="Heading 1")
        num_id = first if title == "Общие положения" else restarted()
        for clause in clauses:
            _numbered(doc.add_paragraph(clause), num_id, 0)
            if clause == "Ведёт переговоры:":
                for item in ("о цене;", "о сроках."):
                    _numbered(doc.add_paragraph(item), num_id, 1)
    doc.save(path)
    return 5


def requirements_in_a_table(path: Path) -> int:
    """Section 1 as a two-column table of requirements: category, education, experience, supervisor."""
    doc = Document()
    _stamp(doc, order="Приказ № 22-ОД от 10.03.2026")
    _bold(doc, "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ экономиста")
    _bold(doc, "1. ОБЩИЕ ПОЛОЖЕНИЯ")
    rows = [("Требование", "Содержание"), ("Категория", "специалисты"), ("Образование", "высшее экономическое"),
            ("Стаж работы", "не менее 2 лет"), ("Подчиняется", "руководителю отдела продаж")]
    table = doc.add_table(rows=len(rows), cols=2)
    for index, (key, value) in enumerate(rows):
        table.cell(index, 0).text, table.cell(index, 1).text = key, value
    _bold(doc, "2. ДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ")
    duties = ["Анализирует продажи по клиентам.", "Готовит бюджет отдела продаж.", "Считает рентабельность сделок."]
    for number, duty in enumerate(duties, start=1):
        doc.add_paragraph(f"2.{number}. {duty}")
    _sections_tail(doc, bold=True, start=3)
    doc.save(path)
    return len(duties)


def headers_footers_plain_paragraphs(path: Path) -> int:
    """A page header and footer (never part of the instruction), Word headings, duties as plain paragraphs."""
    doc = Document()
    doc.sections[0].header.paragraphs[0].text = "ООО «Альфа» · Колонтитул с названием компании"
    doc.sections[0].footer.paragraphs[0].text = "Страница 1 из 2 · нижний колонтитул"
    _stamp(doc, order="Приказ № 23-ОД от 10.03.2026")
    doc.add_paragraph("ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ секретаря", style="Title")
    doc.add_paragraph("Общие положения", style="Heading 1")
    doc.add_paragraph("Секретарь относится к категории служащих.")
    doc.add_paragraph("Секретарь подчиняется генеральному директору.")
    doc.add_paragraph("Должностные обязанности", style="Heading 1")
    duties = ["Принимает и распределяет входящую почту.", "Ведёт календарь встреч генерального директора.",
              "Встречает посетителей.", "Готовит проекты писем."]
    for duty in duties:
        doc.add_paragraph(duty)
    doc.add_paragraph("Права", style="Heading 1")
    for right in RIGHTS:
        doc.add_paragraph(right)
    doc.add_paragraph("Ответственность", style="Heading 1")
    for item in LIABILITY:
        doc.add_paragraph(item)
    doc.save(path)
    return len(duties)


W = nsdecls("w")
REVISION = 'w:id="{}" w:author="Юрист" w:date="2026-03-01T10:00:00Z"'


def tracked_changes(path: Path) -> int:
    """Revisions not yet accepted: inserted words and a whole inserted duty count, deleted ones do not."""
    doc = Document()
    _stamp(doc, order="Приказ № 24-ОД от 10.03.2026")
    _bold(doc, "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ комплектовщика")
    _bold(doc, "1. ОБЩИЕ ПОЛОЖЕНИЯ")
    doc.add_paragraph("1.1. Комплектовщик относится к категории рабочих.")
    _bold(doc, "2. ДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ")
    num_id = _add_numbering(doc, '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
                                 '<w:lvlText w:val="2.%1."/></w:lvl>')

    def duty(xml_runs: str, deleted_mark: bool = False) -> None:
        paragraph = doc.add_paragraph()
        _numbered(paragraph, num_id, 0)
        if deleted_mark:
            paragraph._p.pPr.append(parse_xml(f'<w:rPr {W}><w:del {REVISION.format(90)}/></w:rPr>'))
        for run in xml_runs:
            paragraph._p.append(parse_xml(run))

    duty([f'<w:r {W}><w:t xml:space="preserve">Собирает заказы </w:t></w:r>',
          f'<w:ins {W} {REVISION.format(1)}><w:r><w:t>по листам подбора</w:t></w:r></w:ins>',
          f'<w:r {W}><w:t>.</w:t></w:r>'])
    duty([f'<w:r {W}><w:t xml:space="preserve">Упаковывает товар</w:t></w:r>',
          f'<w:del {W} {REVISION.format(2)}><w:r><w:delText xml:space="preserve"> в старую тару</w:delText></w:r>'
          '</w:del>', f'<w:r {W}><w:t>.</w:t></w:r>'])
    duty([f'<w:del {W} {REVISION.format(3)}><w:r><w:delText>Моет полы на складе.</w:delText></w:r></w:del>'],
         deleted_mark=True)
    duty([f'<w:ins {W} {REVISION.format(4)}><w:r><w:t>Маркирует собранные заказы.</w:t></w:r></w:ins>'])
    _sections_tail(doc, bold=True, start=3)
    doc.save(path)
    return 3


def with_comments(path: Path) -> int:
    """A reviewer's comments in the margin: the instruction keeps its text, the comments stay in Word."""
    doc = Document()
    _stamp(doc, order="Приказ № 25-ОД от 10.03.2026")
    _bold(doc, "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ кассира")
    _bold(doc, "1. ОБЩИЕ ПОЛОЖЕНИЯ")
    doc.add_paragraph("1.1. Кассир относится к категории служащих.")
    _bold(doc, "2. ДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ")
    duties = ["Принимает оплату от покупателей.", "Выдаёт чеки.", "Сдаёт выручку по окончании смены."]
    for number, duty in enumerate(duties, start=1):
        paragraph = doc.add_paragraph(f"2.{number}. {duty}")
        if number == 2:
            doc.add_comment(paragraph.runs, text="Секретное замечание юриста к пункту", author="Юрист")
    _sections_tail(doc, bold=True, start=3)
    doc.save(path)
    return len(duties)


def agreed_and_approved_columns(path: Path) -> int:
    """«СОГЛАСОВАНО» and «УТВЕРЖДАЮ» side by side: the approval's date is the right-hand one."""
    doc = Document()
    table = doc.add_table(rows=1, cols=2)
    for cell, lines in ((table.cell(0, 0), ["СОГЛАСОВАНО", "Руководитель отдела персонала", "________ А. А. Смирнова",
                                            "01.02.2026"]),
                        (table.cell(0, 1), ["УТВЕРЖДАЮ", "Генеральный директор", "________ И. И. Иванов",
                                            "«05» февраля 2026 г.", "Приказ № 15-ОД"])):
        cell.paragraphs[0].text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)
    _bold(doc, "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ юрисконсульта")
    _bold(doc, "1. ОБЩИЕ ПОЛОЖЕНИЯ")
    doc.add_paragraph("1.1. Юрисконсульт относится к категории специалистов.")
    doc.add_paragraph("1.2. Юрисконсульт находится в непосредственном подчинении генерального директора.")
    _bold(doc, "2. ДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ")
    duties = ["Проверяет договоры.", "Готовит претензии и иски.", "Представляет общество в суде.",
              "Консультирует работников по правовым вопросам."]
    for number, duty in enumerate(duties, start=1):
        doc.add_paragraph(f"2.{number}. {duty}")
    _sections_tail(doc, bold=True, start=3)
    doc.save(path)
    return len(duties)


def head_with_subordinates(path: Path) -> int:
    """A head's instruction: subordinates named, typed «2.3.1.» sub-items, the supervisor in the dative."""
    doc = Document()
    _stamp(doc, order="Приказ № 26-ОД от 10.03.2026")
    _bold(doc, "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ начальника склада")
    _bold(doc, "1. ОБЩИЕ ПОЛОЖЕНИЯ")
    doc.add_paragraph("1.1. Начальник склада относится к категории руководителей.")
    doc.add_paragraph("1.2. Начальник склада подчиняется коммерческому директору.")
    doc.add_paragraph("1.3. В подчинении начальника склада находятся кладовщики и грузчики.")
    _bold(doc, "2. ДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ")
    for line in ("2.1. Организует работу склада.", "2.2. Распределяет задания между подчинёнными работниками.",
                 "2.3. Контролирует:", "2.3.1. приёмку товара;", "2.3.2. отгрузку товара.",
                 "2.4. Проводит инвентаризации.", "2.5. Обучает новых работников склада."):
        doc.add_paragraph(line)
    _sections_tail(doc, bold=True, start=3)
    doc.save(path)
    return 5


def roman_word_headings_legal_numbers(path: Path) -> int:
    """Word's multilevel list: «I.» on headings, clauses «1.1.» shown in Arabic digits (isLgl)."""
    doc = Document()
    _stamp(doc, order="Приказ № 27-ОД от 10.03.2026")
    doc.add_paragraph("ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ инженера по охране труда", style="Title")
    num_id = _add_numbering(doc, '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/>'
                                 '<w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:isLgl/>'
                                 '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl>')
    duties = ["Проводит вводный инструктаж.", "Расследует несчастные случаи.", "Проверяет рабочие места.",
              "Ведёт журналы по охране труда."]
    for title, clauses in (("Общие положения", ["Инженер по охране труда относится к категории специалистов."]),
                           ("Должностные обязанности", duties), ("Права", RIGHTS), ("Ответственность", LIABILITY)):
        _numbered(doc.add_paragraph(title, style="Heading 1"), num_id, 0)
        for clause in clauses:
            _numbered(doc.add_paragraph(clause), num_id, 1)
    doc.save(path)
    return len(duties)


def letters_after_a_colon(path: Path) -> int:
    """Typed «2.1.» clauses, letters «а)», «б)» after a clause that announces them; a compound title."""
    doc = Document()
    _stamp(doc, order="Приказ № 28-ОД от 10.03.2026")
    _bold(doc, "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ продавца-консультанта")
    _bold(doc, "1. ОБЩИЕ ПОЛОЖЕНИЯ")
    doc.add_paragraph("1.1. Продавец-консультант относится к категории служащих.")
    doc.add_paragraph("1.2. Назначение на должность и освобождение от неё производится приказом генерального "
                      "директора.")
    _bold(doc, "2. ДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ")
    for line in ("2.1. Консультирует покупателей:", "а) о свойствах товара;", "б) о гарантии.",
                 "2.2. Выкладывает товар.", "2.3. Следит за ценниками.", "2.4. Оформляет возвраты."):
        doc.add_paragraph(line)
    _sections_tail(doc, bold=True, start=3)
    doc.save(path)
    return 4


def nesting_unknown(path: Path) -> int:
    """«1)», «2)» after a clause that announces nothing, and a gap «2.2» → «2.4»: the import cannot know."""
    doc = Document()
    _stamp(doc, order="Приказ № 29-ОД от 10.03.2026")
    _bold(doc, "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ администратора")
    _bold(doc, "1. ОБЩИЕ ПОЛОЖЕНИЯ")
    doc.add_paragraph("1.1. Администратор относится к категории служащих.")
    _bold(doc, "2. ДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ")
    for line in ("2.1. Встречает посетителей.", "1) Выдаёт пропуска.", "2) Ведёт журнал посещений.",
                 "2.2. Отвечает на звонки.", "2.4. Заказывает канцелярские товары."):
        doc.add_paragraph(line)
    _sections_tail(doc, bold=True, start=3)
    doc.save(path)
    return 3


def word_list_with_parens(path: Path) -> int:
    """Duties in a Word list shown «1)», typed section numbers, the appointment in a noun phrase."""
    doc = Document()
    _stamp(doc, order="Приказ № 30-ОД от 10.03.2026")
    _bold(doc, "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ заведующего складом")
    _bold(doc, "1. Общие положения")
    doc.add_paragraph("1.1. Заведующий складом относится к категории руководителей.")
    doc.add_paragraph("1.2. Назначение на должность заведующего складом и освобождение от неё производится "
                      "приказом генерального директора.")
    doc.add_paragraph("1.3. Заведующий складом подчиняется коммерческому директору.")
    _bold(doc, "2. Должностные обязанности")
    num_id = _add_numbering(doc, '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
                                 '<w:lvlText w:val="%1)"/></w:lvl>')
    duties = ["Руководит работой склада.", "Обеспечивает сохранность товара.", "Подписывает накладные."]
    for duty in duties:
        _numbered(doc.add_paragraph(duty), num_id, 0)
    _sections_tail(doc, bold=True, start=3)
    doc.save(path)
    return len(duties)


def latin_title_bullets(path: Path) -> int:
    """A title with a Latin abbreviation, duties as a Word bulleted list under an unnumbered heading."""
    doc = Document()
    _stamp(doc, order="Приказ № 31-ОД от 10.03.2026")
    _bold(doc, "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ SMM-специалиста")
    _bold(doc, "ОБЩИЕ ПОЛОЖЕНИЯ")
    doc.add_paragraph("SMM-специалист относится к категории специалистов.")
    _bold(doc, "ДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ")
    num_id = _add_numbering(doc, '<w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>')
    duties = ["Ведёт страницы компании в социальных сетях.", "Готовит контент-план.", "Отвечает на сообщения.",
              "Считает охваты публикаций."]
    for duty in duties:
        _numbered(doc.add_paragraph(duty), num_id, 0)
    _sections_tail(doc, bold=True, start=3)
    doc.save(path)
    return len(duties)


def one_list_per_paragraph(path: Path) -> int:
    """Duties pasted from several documents: each its own Word list, all looking «1.»: still one level."""
    doc = Document()
    _stamp(doc, order="Приказ № 32-ОД от 10.03.2026")
    _bold(doc, "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ диспетчера")
    _bold(doc, "1. ОБЩИЕ ПОЛОЖЕНИЯ")
    doc.add_paragraph("1.1. Диспетчер относится к категории служащих.")
    _bold(doc, "2. ДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ")
    duties = ["Принимает заявки на перевозку.", "Составляет маршруты.", "Выдаёт путевые листы.",
              "Следит за движением машин."]
    for duty in duties:
        num_id = _add_numbering(doc, '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
                                     '<w:lvlText w:val="%1."/></w:lvl>')
        _numbered(doc.add_paragraph(duty), num_id, 0)
    _sections_tail(doc, bold=True, start=3)
    doc.save(path)
    return len(duties)


def numbering_from_styles(path: Path) -> int:
    """Numbered headings by their style («Heading 1» carries the list), clauses by a list-style link."""
    doc = Document()
    _stamp(doc, order="Приказ № 33-ОД от 10.03.2026")
    doc.add_paragraph("ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ логиста", style="Title")
    numbering = doc.part.numbering_part.element
    numbering.append(parse_xml(
        f'<w:abstractNum {W} w:abstractNumId="70"><w:styleLink w:val="InstructionList"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl>'
        f'</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:abstractNum {W} w:abstractNumId="71"><w:numStyleLink w:val="InstructionList"/>'
                               '</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {W} w:numId="70"><w:abstractNumId w:val="71"/></w:num>'))
    heading = doc.styles["Heading 1"].element.get_or_add_pPr()
    heading.append(parse_xml(f'<w:numPr {W}><w:ilvl w:val="0"/><w:numId w:val="70"/></w:numPr>'))
    duties = ["Планирует доставки.", "Выбирает перевозчиков.", "Оформляет транспортные накладные."]
    for title, clauses in (("Общие положения", ["Логист относится к категории специалистов."]),
                           ("Должностные обязанности", duties), ("Права", RIGHTS), ("Ответственность", LIABILITY)):
        doc.add_paragraph(title, style="Heading 1")
        for clause in clauses:
            _numbered(doc.add_paragraph(clause), 70, 1)
    doc.save(path)
    return len(duties)


MAKERS = {"specialist-po-kadram.docx": roman_sections_typed_parens, "zakupki.docx": word_lists_restarted,
          "ekonomist.docx": requirements_in_a_table, "sekretar.docx": headers_footers_plain_paragraphs,
          "komplektovshchik.docx": tracked_changes, "kassir.docx": with_comments,
          "yurist.docx": agreed_and_approved_columns, "nachalnik-sklada.docx": head_with_subordinates,
          "ohrana-truda.docx": roman_word_headings_legal_numbers, "prodavec.docx": letters_after_a_colon,
          "administrator.docx": nesting_unknown, "zavsklad.docx": word_list_with_parens,
          "smm.docx": latin_title_bullets, "dispetcher.docx": one_list_per_paragraph,
          "logist.docx": numbering_from_styles}

# What the import must read from each (front matter field: value).
EXPECTED = {
    "specialist-po-kadram.docx": {"title": "Специалист по кадрам", "reports_to": "hr-head", "education": "высшее",
                                  "experience": "в кадровом делопроизводстве не менее 1 года",
                                  "appointed_by": "general-director", "category": "специалисты"},
    "zakupki.docx": {"title": "Менеджер по закупкам", "reports_to": "commercial-director"},
    "ekonomist.docx": {"title": "Экономист", "category": "специалисты", "education": "высшее экономическое",
                       "experience": "не менее 2 лет", "reports_to": "sales-head"},
    "sekretar.docx": {"title": "Секретарь", "category": "служащие", "reports_to": "general-director"},
    "komplektovshchik.docx": {"title": "Комплектовщик", "category": "рабочие"},
    "kassir.docx": {"title": "Кассир", "category": "служащие"},
    "yurist.docx": {"title": "Юрисконсульт", "approval": {"number": "15-ОД"}, "reports_to": "general-director"},
    "nachalnik-sklada.docx": {"title": "Начальник склада", "category": "руководители",
                              "reports_to": "commercial-director"},
    "ohrana-truda.docx": {"title": "Инженер по охране труда"},
    "prodavec.docx": {"title": "Продавец-консультант", "genitive": "продавца-консультанта",
                      "dative": "продавцу-консультанту", "appointed_by": "general-director"},
    "administrator.docx": {"status": "проект"},
    "zavsklad.docx": {"title": "Заведующий складом", "dative": "заведующему складом",
                      "appointed_by": "general-director", "reports_to": "commercial-director"},
    "smm.docx": {"title": "SMM-специалист", "genitive": "SMM-специалиста", "dative": "SMM-специалисту"},
    "dispetcher.docx": {"title": "Диспетчер", "category": "служащие"},
    "logist.docx": {"title": "Логист", "category": "специалисты"},
}


def revised_recruiter(path: Path) -> int:
    """The lawyer's revision of a position the site has (recruiter.md): the next edition, not a new position,
    approved after the edition in force (04.12.2026)."""
    doc = Document()
    _stamp(doc, date="«20» марта 2027 г.", order="Приказ № 40-ОД от 20.03.2027")
    _bold(doc, "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ менеджера по подбору персонала")
    _bold(doc, "I. Общие положения")
    doc.add_paragraph("1) Менеджер по подбору персонала относится к категории специалистов.")
    doc.add_paragraph("2) Менеджер по подбору персонала подчиняется руководителю отдела персонала.")
    _bold(doc, "II. Должностные обязанности")
    duties = ["Ищет кандидатов на открытые вакансии.", "Проводит собеседования.", "Готовит предложения о работе.",
              "Ведёт базу кандидатов.", "Сопровождает адаптацию новых работников.",
              "Отчитывается о сроках закрытия вакансий."]
    for number, duty in enumerate(duties, start=1):
        doc.add_paragraph(f"{number}) {duty}")
    _typed_rest(doc)
    doc.save(path)
    return len(duties)
