"""Word instructions written the ways companies write them, generated with python-docx for the import tests.

Each maker writes one .docx and returns how many duties it has. Between them: numbers typed by hand
and Word numbered lists (multilevel, with headings on level 0), the approval stamp in a table or in
paragraphs cut by tabs and manual line breaks, headings as Word styles, as bold capitals or as
«I.» roman numerals, sub-items with dashes and letters, empty paragraphs, dates «02» февраля 2026 г.
and 02.02.2026, an extra section of the company's own, references «п. 2.3», hostile text, and the
seed's key account manager instruction as a company would have it in Word.
"""

from __future__ import annotations

import re
from pathlib import Path

from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

SEED = Path("/work/shared/seed/000_45ba5498a85637c3.txt")
RIGHTS = ["Знакомиться с проектами решений руководства, касающимися его деятельности.",
          "Осуществлять взаимодействие с сотрудниками всех структурных подразделений предприятия.",
          "Запрашивать лично или по поручению непосредственного руководителя информацию и документы, "
          "необходимые для выполнения своих должностных обязанностей."]
LIABILITY = ["За ненадлежащее исполнение или неисполнение своих должностных обязанностей — в пределах, "
             "определенных трудовым законодательством Российской Федерации.",
             "За причинение материального ущерба — в пределах, определенных трудовым и гражданским "
             "законодательством Российской Федерации."]


def typed_numbers_stamp_in_table(path: Path) -> int:
    """Numbers typed by hand, «1. ОБЩИЕ ПОЛОЖЕНИЯ» in bold capitals, the stamp in a table with line breaks."""
    doc = Document()
    table = doc.add_table(rows=1, cols=2)
    table.cell(0, 0).paragraphs[0].add_run("ООО «Ромашка»")
    stamp = table.cell(0, 1).paragraphs[0]
    for index, text in enumerate(["УТВЕРЖДАЮ", "Генеральный директор ООО «Ромашка»",
                                  "____________ П. П. Петров", "«02» февраля 2026 г.", "Приказ № 7-К от 02.02.2026"]):
        run = stamp.add_run(text)
        if index < 4:
            run.add_break(WD_BREAK.LINE)
    doc.add_paragraph("")
    _bold(doc, "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ")
    _bold(doc, "бухгалтера")
    doc.add_paragraph("")
    _bold(doc, "1. ОБЩИЕ ПОЛОЖЕНИЯ")
    doc.add_paragraph("1.1.\tБухгалтер относится к категории специалистов.")
    doc.add_paragraph("1.2.\tБухгалтер назначается на должность и освобождается от нее приказом генерального "
                      "директора.")
    doc.add_paragraph("1.3.\tНа должность бухгалтера назначается лицо, имеющее высшее экономическое образование "
                      "и стаж работы по специальности не менее 1 года.")
    doc.add_paragraph("1.4.\tБухгалтер руководствуется в своей деятельности:")
    for item in ("а) законодательством РФ;", "б) Уставом организации;", "в) Положением о бухгалтерии;",
                 "г) настоящей должностной инструкцией."):
        doc.add_paragraph(item)
    _bold(doc, "2. ДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ")
    doc.add_paragraph("Бухгалтер обязан:")
    duties = ["Принимает и проверяет первичные документы.", "Ведёт учёт расчётов с поставщиками:",
              "Готовит данные для налоговой отчётности.", "Участвует в инвентаризации.",
              "Выполняет поручения главного бухгалтера."]
    for number, duty in enumerate(duties, start=1):
        doc.add_paragraph(f"2.{number}. {duty}")
        if number == 2:
            doc.add_paragraph("— сверяет расчёты;")
            doc.add_paragraph("— готовит акты сверки.")
    doc.add_paragraph("")
    _sections_tail(doc, bold=True, start=3)
    doc.save(path)
    return len(duties)


def word_lists_stamp_with_tabs(path: Path) -> int:
    """Word's own multilevel list (headings on level 0 in Heading 1, clauses on level 1), bullets, a tab stamp."""
    doc = Document()
    doc.add_paragraph("ЗАО «Вектор»\t\t\t\tУТВЕРЖДАЮ")
    doc.add_paragraph("\t\t\t\t\tДиректор ЗАО «Вектор»")
    doc.add_paragraph("\t\t\t\t\t_____________ / С. С. Сидоров /")
    doc.add_paragraph("\t\t\t\t\t02.02.2026")
    doc.add_paragraph("")
    doc.add_paragraph("ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ КЛАДОВЩИКА").alignment = 1
    numbers = _multilevel_list(doc)
    bullets = _bullet_list(doc)

    def heading(text):
        paragraph = doc.add_paragraph(text, style="Heading 1")
        _numbered(paragraph, numbers, 0)

    def clause(text, level=1, num=numbers):
        _numbered(doc.add_paragraph(text), num, level)

    heading("Общие положения")
    clause("Кладовщик относится к категории рабочих.")
    clause("Кладовщик подчиняется непосредственно генеральному директору.")
    clause("На должность кладовщика назначается лицо, имеющее среднее профессиональное образование "
           "без предъявления требований к стажу работы.")
    heading("Должностные обязанности")
    duties = ["Принимает товар на склад.", "Размещает товар по местам хранения:", "Отпускает товар по накладным.",
              "Ведёт складской учёт.", "Участвует в инвентаризации.", "Следит за порядком на складе."]
    for index, duty in enumerate(duties):
        clause(duty)
        if index == 1:
            clause("с учётом сроков годности;", 0, bullets)
            clause("с учётом веса и габаритов.", 0, bullets)
    heading("Права")
    for right in RIGHTS:
        clause(right)
    heading("Ответственность")
    for item in LIABILITY:
        clause(item)
    doc.save(path)
    return len(duties)


def roman_headings_references(path: Path) -> int:
    """«I. ОБЩИЕ ПОЛОЖЕНИЯ», clauses «2.1» without a final dot, a reference «п. 2.1», a section of its own."""
    doc = Document()
    for text in ("УТВЕРЖДАЮ", "Генеральный директор", "ООО «Пример»", "________________ И. И. Иванов",
                 "«16» марта 2026 г."):
        doc.add_paragraph(text).alignment = 2
    doc.add_paragraph("")
    _bold(doc, "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ")
    _bold(doc, "водителя-экспедитора")
    _bold(doc, "I. ОБЩИЕ ПОЛОЖЕНИЯ")
    doc.add_paragraph("1.1 Водитель-экспедитор относится к категории рабочих.")
    doc.add_paragraph("1.2 Водитель-экспедитор подчиняется непосредственно руководителю отдела продаж.")
    _bold(doc, "II. ДОЛЖНОСТНЫЕ ОБЯЗАННОСТИ")
    duties = ["Доставляет товар клиентам по маршруту.", "Проверяет техническое состояние автомобиля.",
              "Сдаёт документы о доставке в соответствии с п. 2.1 и графиком.",
              "Соблюдает правила дорожного движения."]
    for number, duty in enumerate(duties, start=1):
        doc.add_paragraph(f"2.{number} {duty}")
    _bold(doc, "III. ПРАВА")
    for number, right in enumerate(RIGHTS, start=1):
        doc.add_paragraph(f"3.{number} {right}")
    _bold(doc, "IV. ОТВЕТСТВЕННОСТЬ")
    for number, item in enumerate(LIABILITY, start=1):
        doc.add_paragraph(f"4.{number} {item}")
    _bold(doc, "V. ВЗАИМООТНОШЕНИЯ")
    doc.add_paragraph("5.1 Получает маршрутные листы от диспетчера.")
    doc.add_paragraph("С инструкцией ознакомлен: ______________ «___» __________ 2026 г.")
    doc.save(path)
    return len(duties)


def hostile_text(path: Path) -> int:
    """Template syntax, HTML and Markdown in the text: it must arrive as text, never as code."""
    doc = Document()
    doc.add_paragraph("УТВЕРЖДАЮ")
    doc.add_paragraph("02.02.2026")
    _bold(doc, "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ оператора")
    _bold(doc, "1. Общие положения")
    doc.add_paragraph("1.1. Оператор относится к категории служащих.")
    _bold(doc, "2. Должностные обязанности")
    duties = ["Проверяет {{ config.site_name }} и {% include 'mkdocs.yml' %} {# метка #} каждый день.",
              "Не вставляет <script>alert('x')</script> и <img src=\"https://evil.example/x.png\"> в отчёты.",
              "Пишет **жирно**, [ссылкой](https://evil.example) и `кодом` {#label} только в шутку."]
    for number, duty in enumerate(duties, start=1):
        doc.add_paragraph(f"2.{number}. {duty}")
    _sections_tail(doc, bold=True, start=3)
    doc.save(path)
    return len(duties)


def seed_key_account_manager(path: Path) -> int:
    """The instruction from the seed, as a company would keep it in Word: typed numbers, dashes, «п.7»."""
    text = SEED.read_text(encoding="utf-8")
    start = text.index("УТВЕРЖДАЮ")
    end = text.index("Порядок составления должностной инструкции")
    doc = Document()
    doc.add_paragraph("Должностная инструкция менеджера по работе с ключевыми клиентами")
    duties = 0
    for line in text[start:end].splitlines():
        line = line.strip()
        if re.match(r"^\d\.\s", line) and len(line) < 90 and not line.startswith(("1. За", "2. За", "3. За")):
            _bold(doc, line)
        else:
            doc.add_paragraph(line)
        duties += bool(re.match(r"^2\.\d+\.", line))
    doc.save(path)
    return duties


MAKERS = {"buhgalter.docx": typed_numbers_stamp_in_table, "kladovshchik.docx": word_lists_stamp_with_tabs,
          "voditel.docx": roman_headings_references, "operator.docx": hostile_text,
          "kam.docx": seed_key_account_manager}


def write_corpus(folder: Path) -> dict[str, int]:
    """Every document of the corpus in `folder`; the number of duties of each, by file name."""
    from word_corpus_varied import MAKERS as VARIED  # it builds on this module's helpers
    folder.mkdir(parents=True, exist_ok=True)
    return {name: maker(folder / name) for name, maker in {**MAKERS, **VARIED}.items()}


def _bold(doc, text: str) -> None:
    doc.add_paragraph().add_run(text).bold = True


def _sections_tail(doc, bold: bool, start: int) -> None:
    _bold(doc, f"{start}. ПРАВА")
    for number, right in enumerate(RIGHTS, start=1):
        doc.add_paragraph(f"{start}.{number}. {right}")
    _bold(doc, f"{start + 1}. ОТВЕТСТВЕННОСТЬ")
    for number, item in enumerate(LIABILITY, start=1):
        doc.add_paragraph(f"{start + 1}.{number}. {item}")
    doc.add_paragraph("")
    doc.add_paragraph("Разработал: главный бухгалтер ____________")


def _multilevel_list(doc) -> int:
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        f'<w:lvlText w:val="{".".join(f"%{k + 1}" for k in range(i + 1))}."/><w:lvlJc w:val="left"/></w:lvl>'
        for i in range(3))
    return _add_numbering(doc, levels)


def _bullet_list(doc) -> int:
    return _add_numbering(doc, '<w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="–"/></w:lvl>')


def _add_numbering(doc, levels: str) -> int:
    numbering = doc.part.numbering_part.element
    ids = [int(a.get(f"{{{numbering.nsmap['w']}}}abstractNumId")) for a in numbering.findall(
        f"{{{numbering.nsmap['w']}}}abstractNum")]
    abstract_id = max(ids, default=0) + 10
    abstract = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">{levels}</w:abstractNum>')
    first = numbering.find(f"{{{numbering.nsmap['w']}}}num")
    first.addprevious(abstract) if first is not None else numbering.append(abstract)
    num_ids = [int(n.get(f"{{{numbering.nsmap['w']}}}numId")) for n in numbering.findall(
        f"{{{numbering.nsmap['w']}}}num")]
    num_id = max(num_ids, default=0) + 10
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
                               "</w:num>"))
    return num_id


def _numbered(paragraph, num_id: int, level: int) -> None:
    numbering = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    numbering.get_or_add_ilvl().val = level
    numbering.get_or_add_numId().val = num_id
