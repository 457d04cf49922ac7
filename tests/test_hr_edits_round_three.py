"""HR edits a position in the git host's web editor, round three: slips of a hurried person (a Cyrillic letter in
a field's name, «ёлочки» around a value, a clause begun with «•», a clause split by a blank line, a label at the
end of a clause, sections out of order, editions listed out of order). Each is refused on its own line with what
to write, in Russian, with no Python in the message; the file's line is the same with CRLF line ends and a BOM.
"""

from __future__ import annotations

import pytest

from edits import HR_HEAD, RECRUITER, BadInput, line_of, refused_by_prepare, replace

DUTY = "- Разрабатывает анкеты, опросные листы и другие материалы для оценки кандидатов и опросов работников."
FIRST = "- Ищет и привлекает на вакантные должности"
LAST = "- Исполняет служебные поручения руководителя отдела персонала."
TITLE = "title: Менеджер по подбору персонала"
CURRENT = 'version: "1.1"\napproved: 2026-12-04\napproval:\n  number: 152-ОД\n'
HISTORY = ('history:\n  - version: "1.0"\n    approved: 2026-02-16\n    approval: {number: 21-ОД}\n'
           '    changes: первая редакция\n')
EDITION_1_1 = '  - version: "1.1"\n    approved: 2026-12-04\n    approval: {number: 152-ОД}\n'
EDITION_1_0 = '  - version: "1.0"\n    approved: 2026-02-16\n    approval: {number: 21-ОД}\n'


def at(text: str, offset: int = 0) -> str:
    return f"{RECRUITER}:{line_of(RECRUITER, text) + offset}:"


def edits(*steps):
    def edit(project):
        for step in steps:
            step(project)
    return edit


def crlf_and_bom(project):
    path = project / RECRUITER
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))


def new_edition(approved: str = "2027-01-10", version: str = "1.2", history: str = EDITION_1_1 + EDITION_1_0):
    return edits(replace(RECRUITER, CURRENT, f'version: "{version}"\napproved: {approved}\napproval:\n  number: 200-ОД\n'),
                 replace(RECRUITER, HISTORY, "history:\n" + history))


FRONT_MATTER = [
    BadInput("a field name with a Cyrillic look-alike letter", replace(RECRUITER, "title:", "tіtle:"),
             [at("title:"), "поле «tіtle»", "русские буквы «і», похожие на латинские", "латинской раскладке: title",
              "Найдено ошибок в должностях: 1."]),
    BadInput("a look-alike letter inside a history entry", replace(RECRUITER, "    approved: 2026-02-16", "    аpproved: 2026-02-16"),
             [at("    approved: 2026-02-16"), "«аpproved»", "латинской раскладке: approved", "Найдено ошибок в должностях: 1."]),
    BadInput("an empty title", replace(RECRUITER, TITLE, "title:"),
             [at("title:"), "поле «title»", "пустое значение"]),
    BadInput("a misspelt required field is one message", replace(RECRUITER, "genitive:", "genetive:"),
             [at("genitive:"), "поле «genetive»", "возможно, имелось в виду genitive", "Найдено ошибок в должностях: 1."]),
    BadInput("the closing «---» autocorrected to a dash", replace(RECRUITER, "]\n---\n", "]\n———\n"),
             [at("tags:", 1), "строка «———» должна закрывать данные должности", "ровно три дефиса ---"]),
    BadInput("four dashes closing the front matter", replace(RECRUITER, "]\n---\n", "]\n----\n"),
             [at("tags:", 1), "строка «----»"]),
    BadInput("the closing «---» deleted", replace(RECRUITER, "]\n---\n", "]\n"),
             [at("{{ approval_stamp() }}", -1), "данные должности не закрыты: перед этой строкой нет строки ---"]),
    BadInput("a space before the opening «---»", lambda project: (project / RECRUITER).write_text(
                 " " + (project / RECRUITER).read_text(encoding="utf-8"), encoding="utf-8"),
             [f"{RECRUITER}:1:", "первая строка « ---», а не ---"]),
    BadInput("CRLF and a BOM keep the line of a closing dash line",
             edits(replace(RECRUITER, "]\n---\n", "]\n———\n"), crlf_and_bom), [at("tags:", 1), "«———»"]),
    BadInput("a month 13", replace(RECRUITER, "approved: 2026-12-04", "approved: 2026-13-01"),
             [at("approved: 2026-12-04"), "поле «approved»", "такой даты не бывает: 2026-13-01 — месяца 13 нет",
              "approved: 2026-02-27"]),
    BadInput("February 30 in the history", replace(RECRUITER, "    approved: 2026-02-16", "    approved: 2026-02-30"),
             [at("    approved: 2026-02-16"), "в этом месяце нет 30-го числа"]),
    BadInput("a title in «ёлочки»", replace(RECRUITER, TITLE, "title: «Менеджер по подбору персонала»"),
             [at("title:"), "целиком в кавычках", "уберите эти кавычки: title: Менеджер по подбору персонала"]),
    BadInput("an alias in “лапки”", replace(RECRUITER, "aliases: [рекрутер,", "aliases: [“рекрутер”,"),
             [at("aliases:"), "поле «aliases»", "целиком в кавычках"]),
    BadInput("a version in «ёлочки»", replace(RECRUITER, 'version: "1.1"', "version: «1.1»"),
             [at("version:"), "нужны прямые кавычки", 'version: "1.0"', "Найдено ошибок в должностях: 1."]),
    BadInput("a date in “лапки”", replace(RECRUITER, "approved: 2026-12-04", "approved: “2026-12-04”"),
             [at("approved: 2026-12-04"), "уберите кавычки", "Найдено ошибок в должностях: 1."]),
    BadInput("history entries without «- »", replace(RECRUITER, HISTORY, 'history:\n  version: "1.0"\n  approved: 2026-02-16\n'),
             [at("history:"), "набор полей «version: 1.0, approved: 2026-02-16»", "начинается с «- »"]),
    BadInput("a title written as a list", replace(RECRUITER, TITLE, "title: [Менеджер, Рекрутер]"),
             [at("title:"), "записано список [Менеджер, Рекрутер]"]),
    BadInput("a stand-in that is the position itself", replace(RECRUITER, "stand_in: null", "stand_in: recruiter"),
             [at("stand_in:"), "поле «stand_in»", "замещает сама себя"]),
    BadInput("a supervisor's file name in capitals", replace(RECRUITER, "reports_to: hr-head", "reports_to: HR-head"),
             [at("reports_to:"), "возможно, имелось в виду hr-head"]),
    BadInput("a category with a capital letter", replace(RECRUITER, "category: специалисты", "category: Специалисты"),
             [at("category:"), "пишется строчными буквами", "Найдено ошибок в должностях: 1."]),
    BadInput("a category with a non-breaking space after it",
             replace(RECRUITER, "category: специалисты", "category: специалисты\u00a0"),
             [at("category:"), "невидимый пробел", "Найдено ошибок в должностях: 1."]),
    BadInput("a status in «ёлочки»", replace(RECRUITER, "tags:", "status: «проект»\ntags:"),
             [at("tags:"), "поле «status»", "уберите кавычки вокруг значения", "Найдено ошибок в должностях: 1."]),
    BadInput("the word «образование» in education", replace(RECRUITER, "education: высшее", "education: высшее образование"),
             [at("education:"), "слова «образование» сборка пишет сама", "education: высшее"]),
    BadInput("education with a capital letter", replace(RECRUITER, "education: высшее", "education: Высшее"),
             [at("education:"), "с заглавной буквы", "education: высшее"]),
    BadInput("the words «стаж работы» in experience",
             replace(RECRUITER, "experience: в области", "experience: стаж работы в области"),
             [at("experience:"), "слова «стаж работы» сборка пишет сама"]),
    BadInput("the sign № in the order's number", replace(RECRUITER, "  number: 152-ОД", "  number: № 152-ОД"),
             [at("  number: 152-ОД"), "поле «approval»", "номер «№ 152-ОД»", "number: 152-ОД"]),
    BadInput("the order's date in its number", replace(RECRUITER, "  number: 152-ОД", "  number: 152-ОД от 04.12.2026"),
             [at("  number: 152-ОД"), "number: 152-ОД"]),
    BadInput("the sign № in a past order's number", replace(RECRUITER, "approval: {number: 21-ОД}", "approval: {number: №21-ОД}"),
             [at("approval: {number: 21-ОД}"), "запись 1: номер «№21-ОД»", "number: 21-ОД"]),
    BadInput("a department with a full stop", replace(RECRUITER, "department: Отдел персонала", "department: Отдел персонала."),
             [at("department:"), "«Отдел персонала.» записано не так, как у других должностей: «Отдел персонала»",
              f"({HR_HEAD})", "напишите department: Отдел персонала"]),
    BadInput("a department in lower case", replace(RECRUITER, "department: Отдел персонала", "department: отдел персонала"),
             [at("department:"), "напишите department: Отдел персонала"]),
    BadInput("the genitive left as the title", replace(RECRUITER, "genitive: менеджера по подбору персонала",
                                                       "genitive: Менеджер по подбору персонала"),
             [at("genitive:"), "совпадает с наименованием", "в родительном (кого? чего?) падеже",
              "Найдено ошибок в должностях: 1."]),
    BadInput("the dative with a capital letter", replace(RECRUITER, "dative: менеджеру", "dative: Менеджеру"),
             [at("dative:"), "с заглавной буквы", "dative: менеджеру по подбору персонала"]),
    BadInput("a title in lower case", replace(RECRUITER, TITLE, "title: менеджер по подбору персонала"),
             [at("title:"), "начинается со строчной буквы", "title: Менеджер по подбору персонала"]),
    BadInput("a title with a full stop", replace(RECRUITER, TITLE, TITLE + "."),
             [at("title:"), "кончается точкой", "title: Менеджер по подбору персонала"]),
    BadInput("the supervisor listed again in reports_to_also",
             replace(RECRUITER, "stand_in: null", "stand_in: null\nreports_to_also: [hr-head]"),
             [at("stand_in:", 1), "«hr-head» уже указана в reports_to", "уберите «hr-head» из reports_to_also"]),
    BadInput("a title deleted from a position others report to", replace(HR_HEAD, "title:", "titel:"),
             [f"{HR_HEAD}:2:", "поле «titel»", "возможно, имелось в виду title", "Найдено ошибок в должностях: 1."]),
]

EDITIONS = [
    BadInput("history listed from old to new", new_edition(history=EDITION_1_0 + EDITION_1_1),
             [at("history:", 4), "запись 2: редакция 1.1 утверждена 04.12.2026, не раньше записи 1 (16.02.2026)",
              "от новой к старой"]),
    BadInput("an edition approved before the one it follows",
             new_edition(history=EDITION_1_1.replace("2026-12-04", "2026-01-04") + EDITION_1_0),
             [at("history:", 4), "не раньше записи 1 (04.01.2026)"]),
    BadInput("the current version lower than a listed one",
             edits(replace(RECRUITER, 'version: "1.1"', 'version: "1.0"'),
                   replace(RECRUITER, 'history:\n  - version: "1.0"', 'history:\n  - version: "1.1"')),
             [at("history:", 1), "редакция 1.1 — номер больше, чем у действующей (1.0)"]),
    BadInput("1.9 after 1.10", new_edition(version="1.9", history=EDITION_1_1.replace('"1.1"', '"1.10"') + EDITION_1_0),
             [at("history:", 1), "номер больше, чем у действующей (1.9)", "после 1.9 идёт 1.10"]),
]

TEXT = [
    BadInput("a clause begun with «•»", replace(RECRUITER, DUTY, "• " + DUTY[2:]),
             [at(DUTY), "строка начинается с «•»", "приклеят эту строку к пункту", "«- Текст»"]),
    BadInput("a clause begun with an en dash", replace(RECRUITER, DUTY, "– " + DUTY[2:]), [at(DUTY), "с «–»"]),
    BadInput("a clause without the space after «-»", replace(RECRUITER, DUTY, "-" + DUTY[2:]),
             [at(DUTY), "«-Разрабатывает", "с дефиса и пробела"]),
    BadInput("a sub-item begun with «•»", replace(RECRUITER, DUTY, DUTY + "\n  • анкеты;"), [at(DUTY, 1), "с «•»"]),
    BadInput("a clause split by a blank line", replace(RECRUITER, DUTY, DUTY[:40] + "\n\n" + DUTY[40:]),
             [at(DUTY, 2), "абзац без «- » после пункта", "уберите пустую строку", "Найдено ошибок в должностях: 1."]),
    BadInput("the last clause split by a blank line", replace(RECRUITER, LAST, LAST[:22] + "\n\n" + LAST[22:]),
             [at(LAST, 2), "абзац без «- » после пункта"]),
    BadInput("a second paragraph without indent between clauses",
             replace(RECRUITER, DUTY, DUTY + "\n\nВторой абзац того же пункта."),
             [at(DUTY, 2), "«Второй абзац того же пункта.»", "сдвиньте его на 2 пробела"]),
    BadInput("a label with a space", replace(RECRUITER, DUTY, "- {# ankety} " + DUTY[2:]),
             [at(DUTY), "«{# ankety}»", "видна как текст", "«- {#ankety} Текст»"]),
    BadInput("a label at the end of a clause", replace(RECRUITER, DUTY, DUTY[:-1] + " {#ankety}."),
             [at(DUTY), "«{#ankety}»: метка пункта стоит не в начале пункта"]),
    BadInput("a section numbered by hand", replace(RECRUITER, "\n## Права\n", "\n2. Права\n"),
             [at("## Права"), "строка «2. Права» — не заголовок раздела (номер раздела ставит сборка)"]),
    BadInput("a section numbered inside its heading", replace(RECRUITER, "\n## Права\n", "\n## 3. Права\n"),
             [at("## Права"), "строка «## 3. Права»"]),
    BadInput("a section heading with a typo", replace(RECRUITER, "## Должностные обязанности", "## Должностные обязаности"),
             [at("## Должностные обязанности"), "строка «## Должностные обязаности» — не заголовок раздела"]),
    BadInput("a section heading with a word more", replace(RECRUITER, "\n## Права\n", "\n## Права работника\n"),
             [at("## Права"), "«## Права работника»"]),
    BadInput("a section written twice", replace(RECRUITER, "\n## Ответственность\n",
                                                "\n## Права\n\n- Ещё одно право.\n\n## Ответственность\n"),
             [at("## Ответственность"), f"раздел «Права» записан дважды (первый раз в строке {line_of(RECRUITER, '## Права')})"]),
    BadInput("sections out of order", edits(replace(RECRUITER, "\n## Права\n", "\n## TMP\n"),
                                            replace(RECRUITER, "\n## Ответственность\n", "\n## Права\n"),
                                            replace(RECRUITER, "\n## TMP\n", "\n## Ответственность\n")),
             [at("## Права"), "разделы идут не по порядку: «Ответственность»"]),
    BadInput("a macro line with spaced braces", replace(RECRUITER, "{{ signatures() }}", "{ { signatures() } }"),
             [at("{{ signatures() }}"), "нет строки {{ signatures() }}", "строка «{ { signatures() } }» записана иначе",
              "напишите ровно {{ signatures() }}"]),
    BadInput("a misspelt macro is found on its line", replace(RECRUITER, "{{ approval_stamp() }}", "{{ aproval_stamp() }}"),
             [at("{{ approval_stamp() }}"), "нет строки {{ approval_stamp() }}", "«{{ aproval_stamp() }}» записана иначе"]),
    BadInput("a macro without its brackets", replace(RECRUITER, "{{ approval_stamp() }}", "{{approval_stamp}}"),
             [at("{{ approval_stamp() }}"), "«{{approval_stamp}}»: после имени макроса нет скобок ()",
              "напишите {{ approval_stamp() }}"]),
    BadInput("a macro made a list item", replace(RECRUITER, "{{ common_rights() }}", "- {{ common_rights() }}"),
             [at("{{ common_rights() }}"), "строка макроса стоит в пункте списка", "уберите «- »"]),
    BadInput("a macro line indented by a tab", replace(RECRUITER, "\n{{ signatures() }}", "\n\t{{ signatures() }}"),
             [at("{{ signatures() }}"), "строка макроса с отступом", "уберите отступ", "Найдено ошибок в должностях: 1."]),
    BadInput("a macro line indented by two spaces", replace(RECRUITER, "{{ common_rights() }}", "  {{ common_rights() }}"),
             [at("{{ common_rights() }}"), "строка макроса с отступом"]),
    BadInput("a clause numbered «1.» among clauses with «- »", replace(RECRUITER, DUTY, "1. " + DUTY[2:]),
             [at(DUTY), "номер пункта написан вручную среди пунктов с «- »", "Найдено ошибок в должностях: 1."]),
    BadInput("a first clause numbered «1)»", replace(RECRUITER, FIRST, "1) " + FIRST[2:]),
             [at(FIRST), "номер пункта написан вручную среди пунктов с «- »"]),
    BadInput("duties numbered by hand", lambda project: _number_duties(project),
             [at(FIRST), "нет ни одной обязанности: пункты начинаются с номеров"]),
    BadInput("two clauses the preview shows", replace(RECRUITER, DUTY, DUTY + "\n\n<p class=MsoNormal>Текст</p>"),
             [at(DUTY), "в предпросмотре git 2 пункта, а сайт"]),
    BadInput("a table pasted with a merged header cell",
             replace(RECRUITER, "\n## Права\n", "\n| Материалы и сроки |\n|---|---|\n| Анкета | 5 дней |\n\n## Права\n"),
             [at("## Права"), "в строке заголовка столбцов 1, а в строке «|---|---|» — 2", "объединённых ячеек",
              "|---|---|"]),
    BadInput("a table without its «|---|» row",
             replace(RECRUITER, "\n## Права\n", "\n| Материал | Срок |\n| Анкета | 5 дней |\n\n## Права\n"),
             [at("## Права"), "не таблица", "вставьте под строкой заголовка строку |---|---|"]),
    BadInput("a table row with a cell more",
             replace(RECRUITER, DUTY, DUTY + "\n\n  | Материал | Срок |\n  |---|---|\n  | Анкета | 5 дней | лишнее |"),
             [at(DUTY, 4), "в строке таблицы ячеек 3, а столбцов 2"]),
    BadInput("a heading left without its title", replace(RECRUITER, "\n## Права\n", "\n##\n\n## Права\n"),
             [at("## Права"), "«##»: заголовок без названия", "удалите эту строку", "Найдено ошибок в должностях: 1."]),
    BadInput("a clause written as a quote", replace(RECRUITER, DUTY, "> " + DUTY[2:]),
             [at(DUTY), "строка начинается с «>» — это цитата", "уберите «>»"]),
    BadInput("a clause indented under a macro's clauses",
             replace(RECRUITER, "- За разглашение персональных данных", "  - За разглашение персональных данных"),
             [at("- За разглашение персональных данных"), "строка с отступом после строки {{ standard_liability() }}",
              "без своего номера", "уберите отступ"]),
    BadInput("a line of «Справка» indented by 2", replace(RECRUITER, "    - формирование кадрового", "  - формирование кадрового"),
             [at("    - формирование кадрового"), "закрывает блок «Справка»", "в печать после листа ознакомления",
              "сдвиньте строку на 4 пробела", "Найдено ошибок в должностях: 1."]),
    BadInput("a paragraph of «Справка» without indent",
             replace(RECRUITER, "    Корпоративные мероприятия", "Корпоративные мероприятия"),
             [at("    Корпоративные мероприятия"), "закрывает блок «Справка»"]),
    BadInput("a note after the signatures", replace(RECRUITER, "{{ acknowledgement_sheet() }}",
                                                    "Подписывать синей ручкой.\n\n{{ acknowledgement_sheet() }}"),
             [at("{{ acknowledgement_sheet() }}"), "текст после строки {{ signatures() }}", "вне разделов"]),
    BadInput("the signatures above a section", edits(replace(RECRUITER, "\n{{ signatures() }}\n", "\n"),
                                                     replace(RECRUITER, "\n## Права\n", "\n{{ signatures() }}\n\n## Права\n")),
             [at("## Права", 2), "«## Права»: раздел ниже строки {{ signatures() }}", "в конец"]),
    BadInput("CRLF and a BOM keep the line of a split clause",
             edits(replace(RECRUITER, DUTY, DUTY[:40] + "\n\n" + DUTY[40:]), crlf_and_bom),
             [at(DUTY, 2), "абзац без «- » после пункта"]),
    BadInput("CRLF and a BOM keep the line of a clause begun with «•»",
             edits(replace(RECRUITER, DUTY, "• " + DUTY[2:]), crlf_and_bom), [at(DUTY), "с «•»"]),
    BadInput("CRLF and a BOM keep the line of an impossible date",
             edits(replace(RECRUITER, "approved: 2026-12-04", "approved: 2026-13-01"), crlf_and_bom),
             [at("approved: 2026-12-04"), "месяца 13 нет"]),
]


def _number_duties(project):
    path = project / RECRUITER
    head, duties = path.read_text(encoding="utf-8").split("## Должностные обязанности", 1)
    duties, rest = duties.split("## Права", 1)
    duties = "\n".join(f"{i}. {line[2:]}" if line.startswith("- ") else line
                       for i, line in enumerate(duties.split("\n")))
    path.write_text(f"{head}## Должностные обязанности{duties}## Права{rest}", encoding="utf-8")


@pytest.mark.parametrize("bad", FRONT_MATTER + EDITIONS + TEXT, ids=str)
def test_a_hurried_edit_is_refused_on_its_line_with_what_to_write(bad, tmp_path):
    shown = refused_by_prepare(bad, tmp_path)
    python = [word for word in ("Traceback", "datetime", "{'", "['", "must be in") if word in shown]
    assert not python, f"HR reads Python in the message ({python}):\n{shown}"


ACCEPTED = {
    "a second paragraph indented under its clause": replace(RECRUITER, DUTY, DUTY + "\n\n  Второй абзац того же пункта."),
    "a sentence ending with a colon before more clauses": replace(RECRUITER, DUTY, DUTY + "\n\nКроме того, он:\n"),
    "a label at the start of a clause": replace(RECRUITER, DUTY, "- {#ankety} " + DUTY[2:] + "\n- См. п. [](#ankety)."),
    "quotes inside a title": replace(RECRUITER, TITLE, "title: Менеджер по подбору персонала «Рога»"),
    "a table in a clause, its cells escaped «\\|» or fewer":
        replace(RECRUITER, DUTY, DUTY + "\n\n  | Материал | Срок |\n  |:--|--:|\n  | А \\| Б | 5 дней |\n  | Опрос |"),
    "experience naming a field in capitals": replace(RECRUITER, "experience: в области", "experience: в ИТ и в области"),
    "a department of its own": edits(replace(RECRUITER, "department: Отдел персонала", "department: Отдел кадров"),
                                     replace(RECRUITER, "tags: [Отдел персонала,", "tags: [Отдел кадров,")),
    # A word that does not change in any case: the genitive and the dative are the title itself, in lower case.
    "a title that does not decline": edits(*(replace(RECRUITER, f"{key}: {value}", f"{key}: {new}") for key, value, new in (
        ("title", "Менеджер по подбору персонала", "Бариста"), ("genitive", "менеджера по подбору персонала", "бариста"),
        ("dative", "менеджеру по подбору персонала", "бариста")))),
    "a new edition from new to old, 1.10 after 1.9": new_edition(
        version="1.10", history=EDITION_1_1.replace('"1.1"', '"1.9"') + EDITION_1_0),
}


@pytest.mark.parametrize("edit", ACCEPTED.values(), ids=ACCEPTED.keys())
def test_what_is_written_right_still_builds(edit, tmp_path):
    from edits import prepare_copy
    from macros.prepare import prepare
    project = prepare_copy(tmp_path / "project")
    edit(project)
    prepare(project)


HOSTILE_LINES = {
    "braces and hashes": "{#" * 5_000,
    "list markers and quotes": "- > " * 2_500 + "{{",
    "digits": "1" * 10_000,
    "dashes": "—" * 10_000,
    "a paragraph after a clause": "- а\n\n" + "б" * 10_000,
    "quotes": "«" * 10_000,
    "spaces before «от»": " " * 9_990 + "о",
    "a table's pipes and dashes": "| a |\n|" + "-|" * 4_990 + "\n" + "|" * 9_999,
    "a heading that names a section nearly": "## " + "Прав " * 2_000,
}


@pytest.mark.parametrize("line", HOSTILE_LINES.values(), ids=HOSTILE_LINES.keys())
def test_the_new_checks_read_long_lines_in_linear_time(line):
    """25 lines of 10,000 signs each new check looks for (inside every size limit), in the text, as a title and as
    an order's number."""
    import json
    import time
    from pathlib import Path

    from macros.checks.run import check_position
    from macros.model.loading import position_from_bytes

    source = (Path(__file__).parents[1] / RECRUITER).read_text(encoding="utf-8")
    value = json.dumps(line.replace("\n", " ")[:9_000], ensure_ascii=False)
    hostile = source.replace(TITLE, "title: " + value).replace("  number: 152-ОД", "  number: " + value).replace(
        "\n## Права\n", "\n" + (line + "\n\n") * 25 + ("## Права\n" if "Прав " not in line else ""))
    position, _ = position_from_bytes(hostile.encode(), RECRUITER, "positions/recruiter.md")
    assert position is not None
    check_position(position_from_bytes(source.encode(), RECRUITER, "positions/recruiter.md")[0])  # the schema loaded
    started = time.process_time()
    check_position(position)
    assert time.process_time() - started < 0.5, "a check is not linear in the line's length"
