"""HR edits a position in the git host's web editor and trusts its preview (cmark-gfm, GitHub's parser).

Whatever the preview shows as clauses, the site numbers as the same clauses with the same words; whatever
the preview shows otherwise than the site and the print would (a line broken with «\\», struck-out text, a
task box, a hand-typed number, a heading the site does not see) stops the build on its line with the fix.
"""

from __future__ import annotations

import re

import cmarkgfm
import lxml.html
import markdown
import pytest

from edits import RECRUITER, BadInput, line_of, prepare_copy, refused_by_prepare, replace

DUTY = "- Разрабатывает анкеты, опросные листы и другие материалы для оценки кандидатов и опросов работников."
NEXT = "- В ходе собеседований задаёт кандидатам"
LAST = "- Исполняет служебные поручения руководителя отдела персонала."
DUTIES = "Должностные обязанности"

# What the preview shows as one clause holding a second block after a blank line, then the next clause.
READ_ALIKE = {
    "a second paragraph of a clause": DUTY + "\n\n  Второй абзац того же пункта.",
    "a second paragraph indented by four spaces": DUTY + "\n\n    Второй абзац того же пункта.",
    "a sub-list after a blank line": DUTY + "\n\n  - анкеты;\n  - опросные листы.",
    "a table after a blank line": DUTY + "\n\n  | Материал | Срок |\n  |---|---|\n  | Анкета | 5 дней |",
    "a loose sub-list then the next clause": DUTY + "\n  - анкеты;\n\n  - опросные листы.",
    "a sub-item's second paragraph": DUTY + "\n  - анкеты;\n\n    для всех вакансий;\n  - опросные листы.",
}


def clauses(html: str, section: str) -> list[str]:
    """The words of each clause of `section` (sub-items and tables with them), as a reader sees them."""
    root, seen, found = lxml.html.fragment_fromstring(html, create_parent="div"), None, []
    for element in root:
        if element.tag == "h2":
            seen = re.sub(r"^[\d.\\\s]+", "", element.text_content()).strip()
        elif element.tag in ("ul", "ol") and seen == section:
            found += [" ".join(re.sub(r"^[\d.\\\s]+", "", item.text_content()).split())
                      for item in element.findall("li")]
    return found


@pytest.mark.parametrize("written", READ_ALIKE.values(), ids=READ_ALIKE.keys())
def test_a_clause_holding_blocks_after_a_blank_line_is_one_clause_as_in_the_preview(written, tmp_path):
    from macros.prepare import prepare
    project = prepare_copy(tmp_path / "project")
    replace(RECRUITER, DUTY, written)(project)
    source = (project / RECRUITER).read_text(encoding="utf-8")
    preview = clauses(cmarkgfm.github_flavored_markdown_to_html(source.split("\n---\n", 1)[1]), DUTIES)
    page = prepare(project).pages[RECRUITER.removeprefix("docs/")]
    site = clauses(markdown.markdown(page.split("\n---\n", 1)[1], extensions=["tables"]), DUTIES)
    assert len(preview) == 13 and any(NEXT[2:] in clause for clause in preview)
    assert site == preview, "the site's clauses differ from the git preview's"


def at(text: str, offset: int = 0) -> str:
    return f"{RECRUITER}:{line_of(RECRUITER, text) + offset}:"


SHOWN_OTHERWISE = [
    BadInput("a line broken with a backslash", replace(RECRUITER, DUTY, DUTY[:-1] + ",\\\n  а также тесты."),
             [at(DUTY), "обратная косая черта «\\» в конце строки", "уберите «\\»"]),
    BadInput("a lazy line after a backslash", replace(RECRUITER, DUTY, DUTY[:-1] + ",\\\nа также тесты."),
             [at(DUTY), "обратная косая черта «\\» в конце строки"]),
    BadInput("struck-out words", replace(RECRUITER, DUTY, DUTY[:-1] + " ~~и тесты~~."),
             [at(DUTY), "«~~и тесты~~»", "зачёркнутым", "\\~"]),
    BadInput("struck out with one tilde", replace(RECRUITER, DUTY, DUTY[:-1] + " ~и тесты~."),
             [at(DUTY), "«~и тесты~»", "зачёркнутым"]),
    BadInput("a task box", replace(RECRUITER, DUTY, "- [ ] " + DUTY[2:]),
             [at(DUTY), "«- [ ]»", "флажком задачи", "уберите «[ ]»"]),
    BadInput("a hand-typed number after the marker", replace(RECRUITER, DUTY, "- 2.2. " + DUTY[2:]),
             [at(DUTY), "«- 2.2.»: номер пункта написан вручную", "начните пункт с «- » без номера"]),
    BadInput("a hand-typed number instead of the marker", replace(RECRUITER, DUTY, "2.2 " + DUTY[2:]),
             [at(DUTY), "«2.2»: номер пункта написан вручную"]),
    BadInput("a heading's closing # glued to its title", replace(RECRUITER, "\n## Права\n", "\n## Права##\n"),
             [at("## Права"), "«## Права##»", "знаки # в конце заголовка", "Найдено ошибок в должностях: 1."]),
    BadInput("a section as a heading of level 3", replace(RECRUITER, "\n## Права\n", "\n### Права\n"),
             [at("## Права"), "нет раздела «Права»: строка «### Права» — не заголовок раздела", "«## Права»"]),
    BadInput("a section underlined with ===", replace(RECRUITER, "\n## Права\n", "\nПрава\n=====\n"),
             [at("## Права"), "нет раздела «Права»: строка «Права»"]),
    BadInput("a section heading indented", replace(RECRUITER, "\n## Права\n", "\n  ## Права\n"),
             [at("## Права"), "«## Права»: заголовок с отступом", "с начала строки", "ошибок в должностях: 1."]),
    BadInput("a first-level heading indented: one message", replace(RECRUITER, "\n## Права\n", "\n # Права\n"),
             [at("## Права"), "«# Права»: заголовок с отступом", "ошибок в должностях: 1."]),
    BadInput("a heading inside a clause", replace(RECRUITER, DUTY, DUTY + "\n  ## Анкеты"),
             [at(DUTY, 1), "«## Анкеты»: заголовок с отступом", "**жирным**"]),
    BadInput("a non-breaking space after ##", replace(RECRUITER, "\n## Права\n", "\n##\u00a0Права\n"),
             [at("## Права"), "в ней неразрывный пробел"]),
    BadInput("yes where text is due", replace(RECRUITER, "education: высшее", "education: yes"),
             [at("education:"), "записано «да» — слова yes, no, on, off", "возьмите значение в кавычки"]),
    BadInput("a date in quotes", replace(RECRUITER, "approved: 2026-12-04", 'approved: "2026-12-04"'),
             [at("approved:"), "в кавычках дата читается как текст: уберите кавычки"]),
    BadInput("a field indented by a space", replace(RECRUITER, "\neducation: высшее", "\n education: высшее"),
             [at("education:"), "строка поля начинается с пробела"]),
    BadInput("a value starting with *", replace(RECRUITER, "education: высшее", "education: *высшее"),
             [at("education:"), "значение начинается со знака *", "возьмите в кавычки"]),
    BadInput("a value starting with «- »", replace(RECRUITER, "education: высшее", "education: - высшее"),
             [at("education:"), "значение начинается с «- »"]),
    BadInput("an empty clause", replace(RECRUITER, DUTY, DUTY + "\n-"),
             [at(DUTY, 1), "в предпросмотре git 14 пунктов, а сайт пронумеровал бы 13"]),
]


@pytest.mark.parametrize("bad", SHOWN_OTHERWISE, ids=str)
def test_what_the_preview_shows_otherwise_is_refused_on_its_line(bad, tmp_path):
    refused_by_prepare(bad, tmp_path)


def test_a_heading_with_a_closing_sequence_is_the_section_it_names(tmp_path):
    """«## Права ##»: GitHub and the site both drop « ##»; the section is there."""
    from macros.prepare import prepare
    project = prepare_copy(tmp_path / "project")
    replace(RECRUITER, "\n## Права\n", "\n## Права ##\n")(project)
    page = prepare(project).pages[RECRUITER.removeprefix("docs/")]
    assert "<h2>3. Права</h2>" in markdown.markdown(page.split("\n---\n", 1)[1])
