"""The build reads every page as GitHub's own parser, cmark-gfm, previews it (issue 24, item 6).

It used to read them with markdown-it-py; both follow CommonMark with GFM tables, so for every Markdown text
at hand — each page in docs/, each string in the tests (HR's mistakes, hostile input), lists built from the
ways HR writes them — the rewritten lines and the outline (sections, clauses, their lines, shapes, openings,
labels) must be what they were, and the site and every message to HR with them. Where the two parsers
genuinely read a text differently, the build now shows what GitHub shows; each such case is pinned below.
"""

from __future__ import annotations

import re

import pytest

import preview_markdown_it
from preview_corpus import CORNERS, corpus
from macros.render import preview

# markdown-it refuses these link targets and prints the brackets; cmark-gfm keeps the link (its text shows).
UNSAFE_LINK = re.compile(r"\]\((?:javascript|vbscript|file|data(?!:image/(?:gif|png|jpeg|webp);)):", re.I)
# Corner texts the two parsers read differently (tests/preview_corpus.py), with what GitHub shows.
READ_OTHERWISE = {
    "a | b\n--|--\n1 | 2\nбез черты": "a row of a table without outer pipes right after a list marker or "
                                     "«##»: GitHub keeps the list item or heading, markdown-it made a table",
    "<pre>\n- x\n</pre>\n- y": "«</pre>» after a list line: cmark-gfm ends the item with an HTML block, "
                               "markdown-it continued the item's text",
}


def plain(reading):
    lines, sections = reading
    return lines, [(s.title, s.line, [(c.line, c.shape, c.opening, c.label) for c in s.clauses]) for s in sections]


def test_every_text_at_hand_reads_as_before():
    cases = corpus()
    assert len(cases) > 5000, "the corpus lost its pages or the tests' strings"
    differ = {}
    for where, text in cases:
        lines = text.split("\n")
        if plain(preview.read(lines)) != plain(preview_markdown_it.read(lines)):
            differ.setdefault(where, text)
    unexpected = {where: text for where, text in differ.items()
                  if where not in READ_OTHERWISE and not UNSAFE_LINK.search(text)}
    assert not unexpected, f"{len(unexpected)} texts read differently, e.g. {next(iter(unexpected.items()))!r}"
    assert set(READ_OTHERWISE) <= set(differ), "a listed disagreement is gone: drop it from READ_OTHERWISE"
    assert set(READ_OTHERWISE) <= set(CORNERS)


def test_systematic_lists_are_in_the_corpus():
    texts = [text for where, text in corpus() if where.startswith("systematic")]
    assert len(texts) > 2000
    for needle in ("\n\t- вложенный", "\n     1) вложенный", "\n  | А | Б |", "\nленивое продолжение", "> - в цитате"):
        assert any(needle in text for text in texts), needle


def outline(text: str):
    return plain(preview.read(text.split("\n")))[1]


def test_a_link_markdown_it_refused_shows_its_words_as_on_github():
    text = "## Обязанности\n\n- [Исполняет поручения](javascript:alert(1)) руководителя.\n"
    assert outline(text) == [("Обязанности", 0, [(2, (), "исполняет поручения руководителя", None)])]
    before = plain(preview_markdown_it.read(text.split("\n")))[1]
    assert before == [("Обязанности", 0, [(2, (), "исполняет поручения javascript", None)])]


def test_a_table_row_after_a_list_marker_stays_in_the_clause_as_on_github():
    text = "## Обязанности\n\n- Вакансия | Срок\n  --|--\n  Бухгалтер | 10 дней\n- Второй пункт\n"
    assert outline(text) == [("Обязанности", 0, [(2, (("table",),), "", None), (5, (), "второй пункт", None)])]
    before = plain(preview_markdown_it.read(text.split("\n")))[1]
    assert before == [("Обязанности", 0, [(5, (), "второй пункт", None)])], "markdown-it made a table of it"


def test_a_heading_over_a_table_row_stays_a_heading_as_on_github():
    text = "## Права | x\n--|--\n1 | 2\n\n- Пункт\n"
    assert outline(text) == [("Права | x", 0, [(4, (), "пункт", None)])]
    assert plain(preview_markdown_it.read(text.split("\n")))[1] == []


def test_a_closing_pre_tag_under_a_clause_opens_raw_html_as_on_github():
    """GitHub ends the clause at «</pre>» and shows it and the lines up to a blank one as raw HTML (so the
    site's second clause is reported); markdown-it read «</pre>» as the clause's text."""
    text = "## Обязанности\n\n- Первый\n</pre>\n- Второй\n"
    assert outline(text) == [("Обязанности", 0, [(2, (), "первый", None)])]
    assert preview.read(text.split("\n"))[0][3] == "</pre>"
    before = plain(preview_markdown_it.read(text.split("\n")))
    assert before[1] == [("Обязанности", 0, [(2, (), "первый", None), (4, (), "второй", None)])]
    assert before[0][3] == "    </pre>"


def test_a_table_right_under_text_is_found_on_its_header_row():
    """cmark-gfm dates such a table from the text above it; the blank line goes before its header row."""
    text = "## Обязанности\n\n- Ведёт реестр:\n  сроки такие\n  | А | Б |\n  |---|---|\n  | 1 | 2 |\n"
    lines, _ = preview.read(text.split("\n"))
    assert lines[3:7] == ["    сроки такие", "", "    | А | Б |", "    |---|---|"]


def test_lists_nested_past_twenty_levels_are_read_to_the_end_as_on_github():
    """markdown-it stops reading a page at 20 levels of nesting (its default limit), dropping the rest."""
    text = "## Обязанности\n\n" + "\n".join("  " * level + "- уровень" for level in range(25)) + "\n- Второй\n"
    assert [clause[2] for clause in outline(text)[0][2]] == ["уровень", "второй"]
    assert [clause[2] for clause in plain(preview_markdown_it.read(text.split("\n")))[1][0][2]] == ["уровень"]


def test_a_byte_order_mark_before_the_first_heading_is_skipped_as_on_github():
    text = "\ufeff## Обязанности\n\n- Пункт\n"
    assert outline(text) == [("Обязанности", 0, [(2, (), "пункт", None)])]
    assert plain(preview_markdown_it.read(text.split("\n")))[1] == []
