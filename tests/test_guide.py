"""HR's guide lives in the site: every guide page is in the menu, is found by search, and shows the macro
lines HR copies as code — while a page other than a position still refuses template syntax outside code.
"""

from __future__ import annotations

import re

from conftest import ROOT
from macros.checks.pages import check_template_syntax
from macros.render.plain_calls import expand
from search_support import index_entries

GUIDE = sorted((ROOT / "docs" / "guide").glob("*.md"))


def test_the_guide_is_one_link_in_every_menu_and_whole_on_its_own_pages(site):
    """Employees see one entry «Руководство отдела персонала» (collapsed like a department); on a guide page
    the menu lists every page of the guide."""
    page = site.page("guide/fields/")  # its menu links are relative to guide/fields/
    links = {a["href"] for a in page.select("nav.md-nav--primary a.md-nav__link[href]")}
    expected = {"../" if p.stem == "index" else "./" if p.stem == "fields" else f"../{p.stem}/" for p in GUIDE}
    assert expected <= links, f"guide pages missing from the guide's menu: {expected - links}"
    for other in (site.page(""), site.position("recruiter")):
        menu = other.select_one("nav.md-nav--primary")
        assert "Руководство отдела персонала" in menu.get_text(" ")
        assert not any("guide/errors" in a["href"] for a in menu.select("a[href]")), "the guide is not collapsed"


def test_the_guide_shows_the_macro_lines_as_code_and_runs_none(site):
    page = site.page("guide/position-file/")
    codes = [code.get_text() for code in page.select("article code")]
    for line in ("{{ approval_stamp() }}", "{{ signatures() }}", "{{ acknowledgement_sheet() }}"):
        assert line in codes, f"the table of macros must show {line} as code"
    sample = page.select_one("article pre code").get_text()
    assert sample.startswith("---\ntitle: Менеджер по работе с ключевыми клиентами")
    assert "{{ general_provisions() }}" in sample and "{#consult}" in sample
    assert not page.select(".doc-signatures, .doc-acknowledgement, .doc-stamp"), "no form was rendered"


def test_the_guide_is_found_by_the_sites_search(site):
    pages = {entry.get("location", "").split("#")[0] for entry in index_entries(site.site)}
    assert {"guide/fields/", "guide/errors/", "guide/position-file/"} <= pages, sorted(pages)[:20]


def test_a_page_other_than_a_position_may_show_template_syntax_in_code_only():
    macros = {"signatures": lambda: "SIGNED"}
    shown = "Строка `{{ signatures() }}` и пример:\n\n```yaml\n{{ lipsum.__globals__ }}\n```\n"
    assert check_template_syntax("docs/guide/x.md", shown, 1, macros, is_position=False) == []
    assert expand(shown, macros, skip_code=True) == shown[:-1], "code is shown as written, nothing runs"
    outside = "Текст {{ lipsum.__globals__ }}\n"
    assert check_template_syntax("docs/guide/x.md", outside, 1, macros, is_position=False), "refused outside code"
    assert expand(outside, macros, skip_code=True) is None
    called = "`{{ signatures() }}`\n\n{{ signatures() }}\n"
    assert expand(called, macros, skip_code=True) == "`{{ signatures() }}`\n\nSIGNED"


def test_a_position_still_refuses_template_syntax_in_code():
    """Positions keep the strict reading: a macro in a code block there is a mistake the build names."""
    body = "```\n{{ lipsum.__globals__ }}\n```\n"
    problems = check_template_syntax("docs/positions/x.md", body, 1, {}, is_position=True)
    assert problems and re.search("только вызов макроса", problems[0].message)
