"""One Word instruction -> the text of one position file and a report of what was recognised and what was not.

The steps, each in its own module: the lines of the document (reading), its shape (structure),
the header (header), what the shared templates already say (provisions), the file (markdown).
Every fact that had to be guessed, and every line that was not understood, is named in the report
with the document's paragraph number; unknown text goes into a marked block of the file, never away.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import russian_words
from . import matching, provisions
from .header import DEPARTMENT, read_header
from .reading import Line, UnreadableDocument, read_lines
from .structure import SIGNATURES, Section, shape_of
from .writing import Draft, write_position

TAIL_WORDS = ("фамилия", "подпись", "дата", "фио", "ф.и.о", "№", "должность", "с должностной инструкцией")


@dataclass
class Result:
    source: Path
    text: str = ""
    slug: str = ""
    duties: int = 0
    recognised: list[str] = field(default_factory=list)
    attention: list[str] = field(default_factory=list)
    fields: dict = field(default_factory=dict)
    guessed: set[str] = field(default_factory=set)    # fields filled by default, not read from the document
    doubts: list[str] = field(default_factory=list)   # where the outline of clauses is a guess: the file is a draft


def convert(path: Path, staff, department: str | None = None, today: dt.date | None = None) -> Result:
    lines, reading_notes, page_header = read_lines(path)
    shape = shape_of(lines)
    _one_instruction(lines, shape)
    header = read_header(shape.header)
    result = Result(path)
    result.attention += reading_notes + [f"абзац {line.paragraph}: {what}" for line, what in shape.notes]
    for table in dict.fromkeys(line.table[0] for line in shape.captions):
        caption = [line for line in shape.captions if line.table[0] == table]
        result.recognised.append(f"абзац {caption[0].paragraph}: шапка таблицы «{' | '.join(l.text for l in caption)}»"
                                 " не перенесена: строки таблицы стали пунктами, номера ставит сборка")
    draft = Draft(staff=staff)
    fields = draft.fields
    known = {s.kind: s for s in shape.sections if s.kind}
    if not shape.sections:
        result.attention.append("разделы инструкции не найдены (нет заголовков «Общие положения», «Должностные "
                                "обязанности», «Права», «Ответственность»): весь текст — в блоке «Не распознано»")
    general = provisions.general_provisions(known["general"].clauses, staff) if "general" in known else None
    if general:
        fields.update(general.fields)
        result.recognised += [f"абзац {c.line.paragraph}: п. {c.number or '—'} заменён общими положениями "
                              f"({what})" for c, what in general.replaced]
    fields["genitive"] = header.genitive
    _names(fields, header, path, result)
    found = (header.department, "шапки документа") if header.department else (_page_department(page_header),
                                                                             "верхнего колонтитула")
    _department(fields, department or _known_department(*found, staff, result), staff, result)
    _defaults(fields, header, staff, result, today or dt.date.today())
    result.doubts = [f"абзац {line.paragraph}: {what}" for line, what in shape.doubts]
    if not ("duties" in known and known["duties"].clauses):
        result.doubts.append("обязанностей не найдено: нет раздела «Должностные обязанности» с пунктами — "
                             "перенесите их из документа")
    if result.doubts and fields.get("status") != "проект":
        fields["status"] = "проект"
        result.attention.append("структура пунктов прочитана не наверняка (см. «Проверьте пункты»): инструкция "
                                "записана проектом (status: проект); сверьте пункты с документом и напишите "
                                "status: действует")
    if general:
        _compare_general(general, fields, staff, result)
    draft.header_unknown = header.unknown
    draft.sections = shape.sections
    draft.general_kept = general.kept if general else []
    for kind, template in (("rights", "common_rights.md"), ("liability", "standard_liability.md")):
        if kind in known:
            own, replaced, missing = provisions.shared_clauses(known[kind].clauses, template)
            draft.own[kind] = own
            result.recognised += [f"абзац {c.line.paragraph}: п. {c.number or '—'} совпадает с общим шаблоном: "
                                  f"«{item}»" for c, item in replaced]
            result.attention += [f"в документе нет пункта «{item}»: его добавит общий шаблон {template} — "
                                 "проверьте, согласно ли с этим руководство" for item in missing]
    # An appendix after the signatures («Приложение 1. Показатели …») is text of its own, never a signature.
    appendix = next((i for i, line in enumerate(shape.tail) if re.match(r"\s*приложение\b", line.text, re.I)),
                    len(shape.tail))
    draft.tail_unknown = [line for index, line in enumerate(shape.tail)
                          if index >= appendix or not _tail_recognised(line)]
    draft.stray = shape.stray
    result.text, notes = write_position(draft)
    result.attention += notes
    result.duties = len(known["duties"].clauses) if "duties" in known else 0
    result.fields = dict(fields)
    result.slug = russian_words.slug(fields["title"])
    if shape.tail[:appendix]:
        result.recognised.append(f"абзацы {shape.tail[0].paragraph}–{shape.tail[appendix - 1].paragraph}: подписи и "
                                 "лист ознакомления заменены общими блоками signatures() и acknowledgement_sheet()")
    return result


def _one_instruction(lines: list[Line], shape) -> None:
    """Several instructions in one file would become one position with the others' text glued on or dropped."""
    start = shape.sections[0].heading.paragraph if shape.sections else None
    titles = [line.paragraph for line in lines if re.match(r"\s*должностная\s+инструкция\b", line.text, re.I)]
    if start is not None and any(paragraph > start for paragraph in titles):
        shown = ", ".join(map(str, titles))
        raise UnreadableDocument(f"в документе несколько должностных инструкций (заголовки «Должностная инструкция» "
                                 f"в абзацах {shown}): импорт не разделяет их сам. Разделите документ в Word — по "
                                 "файлу на должность — и импортируйте папку с этими файлами")


def _names(fields: dict, header, path: Path, result: Result) -> None:
    if not fields.get("title") and fields.get("genitive"):
        fields["title"] = russian_words.nominative(fields["genitive"])
        result.attention.append(f"наименование в именительном падеже не найдено в тексте; выведено из заголовка: "
                                f"«{fields['title']}» — проверьте поле title")
    if not fields.get("title"):
        fields["title"] = path.stem.replace("_", " ").strip().capitalize() or "Новая должность"
        result.attention.append(f"заголовок «ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ …» не найден; наименование взято из имени "
                                f"файла: «{fields['title']}» — проверьте title, genitive и dative")
    genitive, dative = russian_words.cases(fields["title"])
    if not fields.get("genitive"):
        fields["genitive"] = genitive
    elif matching.normal(fields["genitive"]) != matching.normal(genitive):
        result.recognised.append(f"родительный падеж из заголовка документа: «{fields['genitive']}»")
    fields["dative"] = dative
    result.attention.append(f"дательный падеж угадан: «{dative}» — проверьте поле dative")
    if header.aliases:
        fields["aliases"] = header.aliases
    result.recognised.append(f"наименование: {fields['title']} (родительный: {fields['genitive']})")


def _known_department(name: str | None, where: str, staff, result: Result) -> str | None:
    """The department the document's header names, spelt as the site spells it when the site has it."""
    if not name:
        return None
    name = next((known for known in staff.departments() if known.lower() == name.lower()), name)
    result.attention.append(f"подразделение взято из {where}: «{name}» — проверьте department и tags")
    return name


def _page_department(page_header: list[str]) -> str | None:
    """«Отдел логистики» printed only in the page header (often beside the company's name, after a tab)."""
    parts = [part.strip() for text in page_header for part in re.split(r"\t+| {3,}", text)]
    return next((match.group(1).rstrip(". ") for part in parts if (match := DEPARTMENT.match(part))), None)


def _department(fields: dict, department: str | None, staff, result: Result) -> None:
    boss = staff.positions.get(fields.get("reports_to") or "")
    if department:
        fields["department"] = department
    elif boss is not None:
        fields["department"] = boss.department
        result.attention.append(f"подразделение взято у руководителя: «{boss.department}» — проверьте "
                                "(или задайте --department)")
    else:
        fields["department"] = "Подразделение не указано"
        result.attention.append("подразделение не указано: впишите department и tags (или задайте --department)")


def _defaults(fields: dict, header, staff, result: Result, today: dt.date) -> None:
    result.guessed = {key for key in ("category", "appointed_by", "reports_to", "department") if key not in fields}
    result.guessed |= {"education"} if not fields.get("education") else set()
    result.guessed |= {key for key, value in (("approved", header.approved), ("version", header.version)) if not value}
    if "category" not in fields:
        fields["category"] = "специалисты"
        result.attention.append("категория не указана в документе: записано «специалисты» — проверьте category")
    top = matching.head_of_company(staff)
    if "appointed_by" not in fields and "appointment_note" not in fields:
        fields["appointed_by"] = top
        result.attention.append(f"кто назначает на должность, не найдено: записано {top} — проверьте appointed_by")
    if "reports_to" not in fields:
        fields["reports_to"] = top
        result.attention.append(f"непосредственный руководитель не найден среди должностей сайта: записано {top} "
                                "— проверьте reports_to")
    fields.setdefault("stand_in", None)
    if not fields.get("education"):
        fields["education"] = "___"
        result.attention.append("требования к образованию не найдены: впишите education")
    fields["version"] = header.version or "1.0"
    fields["approved"] = header.approved or today
    if not header.approved:
        result.attention.append(f"дата утверждения не найдена: записано {today:%d.%m.%Y} — впишите approved")
    # The order's number goes to `approval` (its date is `approved`): the stamp writes date before number.
    number = re.search(r"№\s*(\S+)", header.approval_order or "")
    fields["approval"] = {"number": number.group(1) if number else "___"}
    if number and header.by_protocol:  # «решением общего собрания … (протокол от … № 1)»
        fields["approval"] = {"protocol": number.group(1)}
        if header.appointment_note:
            fields["approval"]["document"] = header.appointment_note
    if not number:
        result.attention.append("номер приказа об утверждении не найден — впишите его в approval: {number: …}")
    if not header.approved or not number or fields["education"] == "___":
        # Blanks left to fill: a draft until HR fills them (an instruction in force may have none).
        fields["status"] = "проект"
        result.attention.append("пока не вписаны недостающие данные, инструкция — проект (status: проект); "
                                "после этого напишите status: действует")
    fields["tags"] = [fields["department"], fields["category"]]
    requisite = f"протокол № {number.group(1)}" if number and header.by_protocol else f"приказ № {fields['approval'].get('number')}"
    result.recognised.append(f"утверждена {fields['approved']:%d.%m.%Y}, {requisite}, "
                             f"редакция {fields['version']}")


def _compare_general(general, fields: dict, staff, result: Result) -> None:
    rendered = provisions.render_general_provisions(fields, staff)
    for clause, _ in general.replaced:
        lost = matching.uncovered(provisions.whole(clause), rendered + " " + " ".join(map(str, fields.values())))
        if len(lost) > max(3, len(matching.stems(provisions.whole(clause))) // 3):
            result.attention.append(f"абзац {clause.line.paragraph}: п. {clause.number} заменён общими положениями, "
                                    f"но шаблон не повторяет слова: {', '.join(lost[:12])} — сверьте с документом")


def _tail_recognised(line: Line) -> bool:
    text = line.text.strip().lower()
    return bool(line.table or SIGNATURES.match(text) or len(text) < 60
                or any(word in text for word in TAIL_WORDS))


__all__ = ["convert", "Result", "Section"]
