"""A pull request changes text and nothing else, round three: HR's text in the site's other outputs — the org
chart, the PDF and .docx, the search, redirects of renamed positions, the archive and the review report.

As in round two, each class is closed where the input is first read or written out, and checked in-process
against that function or the prepare stage (macros/prepare); a browser only where the browser is the reader.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from edits import RECRUITER, prepare_copy, replace
from macros.prepare import prepare
from macros.render.org import mermaid_text


def prepared_with(tmp_path: Path, *edits):
    project = prepare_copy(tmp_path / "project")
    for edit in edits:
        edit(project)
    return prepare(project)


def chart_of(prepared) -> str:
    page = prepared.pages["structure.md"]
    return page[page.index("``` mermaid"):page.index("```\n", page.index("``` mermaid") + 3)]


# --- 1. The org chart: a title or a department is a label's text, never Mermaid's syntax -----------------

# Mermaid reads `%%{init: …}%%` anywhere in its source as settings (themeCSS: any CSS, url() of another host,
# a position hidden from the chart), `fa:fa-…` in a label as an icon, «"» as the label's end.
CHART_TEXT = [
    "Менеджер %%{init: {'themeCSS': 'g.node rect {fill: url(http://evil.example/x.svg)} g.node {display: none}'}}%%",
    "Менеджер %%{init: {'dompurifyConfig': {'ADD_TAGS': ['script']}}}%% по подбору",
    "Менеджер %% комментарий до конца строки",
    "Менеджер fa:fa-car по подбору",
    'Менеджер"]; click p_hr_head call alert(1); x["',
    "Менеджер `**жирный**` <b>по</b> &amp; #lt; подбору",
]


@pytest.mark.parametrize("text", CHART_TEXT)
def test_a_chart_label_carries_none_of_mermaids_signs_only_its_entity_codes(text):
    label = mermaid_text(text)
    assert not re.search(r'[%:"<>&`]', label), label
    assert re.sub(r"#(\w+);", "", label).count("#") == 0, label  # every «#» starts an entity code


def test_a_title_cannot_configure_the_org_chart(tmp_path):
    hostile = CHART_TEXT[0]
    department = '"Отдел %%{init: {}}%% fa:fa-car"'
    prepared = prepared_with(tmp_path, replace(RECRUITER, "title: Менеджер по подбору персонала", f'title: "{hostile}"'),
                             replace(RECRUITER, "department: Отдел персонала", f"department: {department}"),
                             replace(RECRUITER, "tags: [Отдел персонала,", f"tags: [{department},"))
    chart = chart_of(prepared)
    assert chart.count("%%") == 2, "only the chart's own settings line may hold «%%»:\n" + chart
    assert "fa:fa-" not in chart and "url(" in chart  # the value is there, as text


# --- 2. The .docx: a reference in Word points to the clause it points to on the page ---------------------

def word_xml(article: str) -> str:
    import io
    import docx
    from macros.exports.word import docx_from_html
    return docx.Document(io.BytesIO(docx_from_html(f"<html><body><article>{article}</article></body></html>"))).element.xml


@pytest.mark.parametrize("labels", [("a-b", "a_b"), ("obyazannosti-" + "x" * 40 + "-1", "obyazannosti-" + "x" * 40 + "-2"),
                                    ("a", "a_2", "a-2")], ids=["dash and underscore", "long labels", "a number taken"])
def test_every_labelled_clause_gets_a_word_bookmark_of_its_own(labels):
    """Word's bookmark names take letters, digits and «_», at most 40: «a-b» and «a_b» shared one, and Word
    and LibreOffice printed «п. 2.1 и п. 2.1» where the page says «п. 2.1 и п. 2.2»."""
    items = "".join(f'<li data-clause="2.{n}" id="{label}">Пункт {n}.</li>' for n, label in enumerate(labels, 1))
    links = " и ".join(f'п. <a class="clause-ref" href="#{label}">2.{n}</a>' for n, label in enumerate(labels, 1))
    xml = word_xml(f'<ol class="clauses">{items}<li data-clause="2.9" id="p2-9">См. {links}.</li></ol>')
    names = re.findall(r'w:bookmarkStart [^>]*w:name="([^"]+)"', xml)
    assert len(set(names)) == len(labels) and all(len(name) <= 40 for name in names), names
    assert re.findall(r"REF (\S+)", xml) == names, "each reference names its own clause's bookmark"


def test_a_long_table_becomes_a_word_table_in_seconds():
    """A 2-column table of 1,500 rows (70 KB, well inside the page limits) took two minutes, 4,500 rows a quarter
    of an hour, with no time limit: python-docx walked the whole table for every cell it was asked for."""
    import time
    rows = "".join(f"<tr><td>строка {n}</td><td>значение {n}</td></tr>" for n in range(1500))
    started = time.process_time()
    xml = word_xml(f"<table><thead><tr><th>a</th><th>b</th></tr></thead><tbody>{rows}</tbody></table>")
    assert time.process_time() - started < 20, "a long table's .docx is not made in linear time"
    assert len(re.findall(r"<w:tr[ >]", xml)) == 1501 and "значение 1499" in xml


# --- 4. A table too wide for a page: refused on its line before the PDF spends a minute on it -------------

@pytest.mark.parametrize("columns, refused", [(20, False), (21, True), (1200, True)])
def test_a_table_wider_than_a_printed_page_is_refused_on_its_header_line(tmp_path, columns, refused):
    """1,200 columns by 40 rows (218 KB, inside every other limit) kept WeasyPrint past the page's time limit."""
    from macros.model.problems import PositionsError

    header = "| " + " | ".join(f"к{n}" for n in range(columns)) + " |"
    rule = "|" + "---|" * columns
    table = "\n".join([header, rule] + ["| " + " | ".join("x" * columns) + " |"] * 3)
    edit = replace(RECRUITER, "\n## Права\n", f"\n{table}\n\n## Права\n")
    if not refused:
        prepared_with(tmp_path, edit)
        return
    with pytest.raises(PositionsError) as stopped:
        prepared_with(tmp_path, edit)
    text = str(stopped.value)
    line = (Path(__file__).parents[1] / RECRUITER).read_text(encoding="utf-8").split("\n").index("## Права") + 1
    assert f"{RECRUITER}:{line}" in text and f"таблица из {columns} столбцов" in text and "разбейте таблицу" in text


def test_the_table_width_check_reads_long_indented_lines_in_linear_time():
    """A line of thousands of spaces before its text: the search for a table's delimiter row, retried from every
    space, would take 0.75 s a line (19 s for a file of such lines inside every size limit)."""
    import time
    from macros.checks.text import check_text

    started = time.process_time()
    check_text("docs/guide/x.md", (" " * 9_990 + "x\n") * 25)
    assert time.process_time() - started < 0.5, "the table check is not linear in the line's length"


def test_tildes_that_never_close_are_checked_in_linear_time():
    """«~a ~a ~a…» opens a strike at every «~» and never closes one: the strike check, tried from every «~» to the
    line's end, took 7 s on a file of 25 such lines (inside every size limit). A closed pair is still found."""
    import time
    from macros.checks.run import check_position
    from macros.model.loading import position_from_bytes

    source = (Path(__file__).parents[1] / RECRUITER).read_text(encoding="utf-8")
    hostile = source.replace("\n## Права\n", "\n" + ("Текст ~a " * 1100 + "\n\n") * 25 + "Итог ~~снят~~.\n\n## Права\n")
    position, _ = position_from_bytes(hostile.encode(), RECRUITER, "positions/recruiter.md")
    started = time.process_time()
    problems = check_position(position)
    assert time.process_time() - started < 0.5, "the strike check is not linear in the line's length"
    assert [str(p) for p in problems if "зачёркнутым" in str(p)] == [
        p for p in map(str, problems) if "«~~снят~~»" in p], "the closed pair is not the one reported"
    assert any("«~~снят~~»" in str(p) for p in problems)
