"""What the git host previews is what the site prints (issue 13, item 1).

HR writes Markdown the way GitHub and GitLab preview it: sub-items indented by two spaces, a list
right under a sentence, a table right under a clause. Each must come out of the build with the same
clauses and the same nesting as in the preview — on the page and in the PDF — and whatever the build
would still read differently stops it with the file and the line. The preview is stood in for by
markdown-it-py (CommonMark + GFM tables), a second parser, independent of the build's cmark-gfm.
"""

from __future__ import annotations

import re
import subprocess

import pytest
from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

from conftest import ROOT, copy_project, require_tool, run_mkdocs_build
from edits import RECRUITER, BadInput, line_of, replace

HR_HEAD = "docs/positions/hr-head.md"
CLIENT = "docs/positions/client-manager.md"
LAST_DUTY = "- Исполняет служебные поручения руководителя отдела персонала."
NESTED_TWO = """- Исполняет служебные поручения руководителя отдела персонала:
  - срочные — в тот же день;
  - плановые, в том числе:
    - ежемесячные отчёты о найме.
- Ведёт реестр открытых вакансий:
  | Вакансия | Срок закрытия |
  |---|---|
  | Бухгалтер | 10 рабочих дней |"""
MACRO_CLAUSES = {"{{ common_rights() }}": "common_rights.md", "{{ standard_liability() }}": "standard_liability.md"}


@pytest.fixture(scope="module")
def edited(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("preview") / "project")
    for edit in (replace(RECRUITER, LAST_DUTY, NESTED_TWO),
                 replace(HR_HEAD, "вправе:\n\n", "вправе:\n"),  # the list right under the sentence
                 replace(CLIENT, "\n## Права\n", "\n- Готовит отчёты:\n    - еженедельный;\n    - месячный.\n\n## Права\n")):
        edit(project)
    with pytest.MonkeyPatch.context() as env:
        env.setenv("JOBDESC_PDF", "1")
        build = run_mkdocs_build(project, project.parent / "site")
    assert build.returncode == 0, build.output
    return build


def preview_outline(source: str) -> list[tuple[str, list[tuple]]]:
    """Sections and clause shapes as CommonMark reads the file; a macro line counts as its template's clauses."""
    body = source.split("\n---\n", 1)[1]
    for call, template in MACRO_CLAUSES.items():
        lines = (ROOT / "macros" / "templates" / template).read_text(encoding="utf-8").splitlines()
        body = body.replace(call, "\n".join(line for line in lines if line.startswith("- ")))
    root = SyntaxTreeNode(MarkdownIt("commonmark").enable("table").parse(body))
    sections: list[tuple[str, list]] = []
    for node in root.children:
        if node.type == "heading" and node.tag == "h2":
            sections.append((node.children[0].content, []))
        elif node.type in ("bullet_list", "ordered_list") and sections:
            sections[-1][1].extend(_shape(item) for item in node.children)
    return sections


def _shape(item) -> tuple:
    return tuple(("list", tuple(_shape(sub) for sub in child.children)) if child.type.endswith("_list")
                 else ("table",) for child in item.children if child.type.endswith("_list") or child.type == "table")


def site_outline(page) -> list[tuple[str, list[tuple]]]:
    sections = []
    # The «Справка» block's title is a heading for the table of contents, not a section (render/clauses.py).
    for heading in page.select("article h2:not(.admonition-title)"):
        title = re.sub(r"^\d+\.\s*", "", heading.get_text(" ", strip=True))
        clauses = [item for item in page.select(f'article li[data-clause^="{len(sections) + 1}."]')]
        sections.append((title, [_element_shape(item) for item in clauses]))
    return sections


def _element_shape(item) -> tuple:
    holder = item.find("p", recursive=False) and item or item
    return tuple(("list", tuple(_element_shape(sub) for sub in child.find_all("li", recursive=False)))
                 if child.name in ("ul", "ol") else ("table",)
                 for child in holder.find_all(["ul", "ol", "table"], recursive=False))


@pytest.mark.parametrize("file", [RECRUITER, HR_HEAD, CLIENT])
def test_the_site_numbers_what_the_preview_shows(edited, file):
    source = (edited.project / file).read_text(encoding="utf-8")
    page = edited.position(file.split("/")[-1][:-3])
    preview = [(title, shapes) for title, shapes in preview_outline(source) if title != "Общие положения"]
    site = [(title, shapes) for title, shapes in site_outline(page) if title != "Общие положения"]
    assert site == preview, f"{file}: the site's clauses differ from the git preview's"


def test_sub_items_indented_by_two_spaces_nest_and_a_table_under_a_clause_is_a_table(edited):
    page = edited.position("recruiter")
    orders = page.find(lambda tag: tag.name == "li" and tag.get("data-clause") and "служебные поручения" in tag.get_text())
    assert len(orders.select("li")) == 3, "the two-space sub-items became clauses of their own"
    register = next(li for li in page.select("li[data-clause]") if "реестр открытых вакансий" in li.get_text())
    table = register.find("table")
    assert table and [th.get_text() for th in table.select("th")] == ["Вакансия", "Срок закрытия"]
    assert "| Вакансия |" not in page.get_text(), "the table printed as raw text"


def test_a_list_right_under_a_sentence_is_numbered(edited):
    page = edited.position("hr-head")
    rights = [li for li in page.select("li[data-clause]") if li["data-clause"].startswith("3.")]
    assert len(rights) >= 4 and rights[0]["data-clause"] == "3.1"
    assert "вправе: -" not in " ".join(page.get_text(" ").split()), "the list was read as part of the sentence"


def test_the_pdf_prints_the_table_and_the_nesting(edited):
    require_tool("pdftotext", "reading the build-time PDF")
    text = subprocess.run(["pdftotext", "-layout", str(edited.site / "pdf" / "recruiter.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "Бухгалтер" in text and "10 рабочих дней" in text and "| Вакансия" not in text
    assert re.search(r"2\.1[34]\.\s+Исполняет служебные поручения", text), "the duty with sub-items lost its number"
    assert not re.search(r"2\.1[4-7]\.\s+срочные", text), "a sub-item was numbered as a duty"


READ_DIFFERENTLY = [
    BadInput("a list numbered with a bracket, which the site does not read as a list",
             replace(RECRUITER, LAST_DUTY, LAST_DUTY + "\n1) Ведёт реестр открытых вакансий."),
             # Said by the text's own check (checks/body.py) before the preview is compared.
             [f"{RECRUITER}:{line_of(RECRUITER, LAST_DUTY) + 1}", "номер пункта написан вручную", "предпросмотр git",
              "Как исправить:"]),
    BadInput("a heading without a space after ##",
             replace(RECRUITER, "\n## Ответственность\n", "\n##Дополнительно\n\n- Текст.\n\n## Ответственность\n"),
             # One message, the heading's own (checks/body.py), not also the preview's count of sections.
             [f"{RECRUITER}:{line_of(RECRUITER, '## Ответственность')}: «##Дополнительно» не читается как заголовок",
              "напишите «## Дополнительно»", "Найдено ошибок в должностях: 1."]),
]


@pytest.mark.parametrize("bad", READ_DIFFERENTLY, ids=str)
def test_what_the_site_would_read_differently_stops_the_build(bad, scratch, tmp_path):
    bad.edit(scratch)
    build = run_mkdocs_build(scratch, tmp_path / "site")
    assert build.returncode == 1, build.output
    missing = [part for part in bad.expected if part not in build.output]
    assert not missing, f"the message lacks {missing}:\n{build.output}"
    assert "Traceback" not in build.output


WORDS = ["Ведёт учёт", "{#label} Ведёт учёт", "Ведёт *учёт* кадров", "Ведёт [учёт](#x) кадров", "См. п. [](#label)",
         "Ведёт `учёт`", "Ведёт\nучёт", "Ведёт \\*учёт\\*", "Ведёт &laquo;учёт&raquo;", "Ведёт <b>учёт</b>",
         "Ведёт учёт — 2 раза; т. е. всегда: (a) и [b]", "![картинка](x.png) учёт", "ведёт_учёт_кадров"]


@pytest.mark.parametrize("words", WORDS)
def test_a_clause_opens_with_the_words_the_preview_shows(words):
    """The build reads a clause's words without markup straight from the text, the others with the
    inline parser; either way its first words are those CommonMark's full parse shows."""
    from macros.render import preview

    text = f"## Обязанности\n\n- {words}\n"
    inline = next(token for token in MarkdownIt("commonmark").enable("table").parse(text)
                  if token.type == "inline" and token.map[0] == 2)  # the clause's words, parsed in full
    shown = "".join(token.content for token in inline.children if token.type == "text")
    _, sections = preview.read(text.split("\n"))
    assert sections[0].clauses[0].opening == preview._opening(shown)
