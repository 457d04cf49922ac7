"""The page left at a renamed position's old address leads only to this site, whatever the names hold.

The full story (rename, build, old address answers) is tests/test_procedures.py; here the page
itself: a relative link in every place a browser follows, escaped for HTML and for the script.
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from macros.render.renames import page


def test_the_page_sends_the_reader_on_with_and_without_javascript():
    soup = BeautifulSoup(page("../head-of-sales/", "Руководитель отдела продаж"), "html.parser")
    assert soup.select_one("meta[http-equiv=refresh]")["content"] == "0; url=../head-of-sales/"
    assert soup.select_one("link[rel=canonical]")["href"] == "../head-of-sales/"
    assert soup.select_one("body a")["href"] == "../head-of-sales/"
    assert soup.select_one("script").string == 'location.replace("../head-of-sales/" + location.hash)'


def test_a_title_and_a_link_are_text_not_markup():
    text = page('../a"b<c>/', "<script>alert(1)</script> & Ко")
    soup = BeautifulSoup(text, "html.parser")
    assert len(soup.find_all("script")) == 1 and "alert" not in soup.script.string
    assert soup.select_one("body a").get_text() == "<script>alert(1)</script> & Ко"
    assert soup.select_one("body a")["href"] == '../a"b<c>/'
    assert "</" not in soup.script.string, "a link must not be able to close the script"


@pytest.mark.parametrize("link", ["https://evil.example/", "//evil.example/", "/positions/x/", "javascript:alert(1)"])
def test_a_redirect_never_leads_to_another_host(link):
    with pytest.raises(ValueError):
        page(link, "x")
