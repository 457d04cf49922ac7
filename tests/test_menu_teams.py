"""A large category in a large department is shown in the menu by team: «Подчинённые: <руководитель>».

A department of a hundred specialists would otherwise put a hundred links on every one of their
pages (the page-weight limit is 60 KB at a thousand positions; the benchmark checks the size). Here
a copy of the project gets a contact centre: a head, two group leads and 36 operators split between
them, and the built menu of an operator's page is read.
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from conftest import copy_project, run_mkdocs_build
from test_org import add_position

# A contact centre of 39 more positions built: a slow test (`pytest -m slow`).
pytestmark = pytest.mark.slow

TEAMS = {"contact-lead-1": [f"contact-operator-{n:02d}" for n in range(1, 19)],
         "contact-lead-2": [f"contact-operator-{n:02d}" for n in range(19, 37)]}


@pytest.fixture(scope="module")
def contact_centre(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("contact-centre") / "project")
    add_position(project, "contact-head", "Начальник контакт-центра", "Контакт-центр", "general-director",
                 "руководители")
    for number, (lead, operators) in enumerate(TEAMS.items(), 1):
        add_position(project, lead, f"Руководитель группы {number} контакт-центра", "Контакт-центр",
                     "contact-head", "руководители")
        for slug in operators:
            add_position(project, slug, f"Оператор контакт-центра {slug[-2:]}", "Контакт-центр", lead)
    build = run_mkdocs_build(project, project / "site")
    assert build.returncode == 0, f"the site does not build with a contact centre:\n{build.output}"
    return build


def test_an_operators_menu_shows_own_team_and_the_other_team_as_one_entry(contact_centre):
    page = contact_centre.position("contact-operator-05")
    menu = page.select_one(".md-nav--primary")
    labels = [link.get_text(" ", strip=True) for link in menu.select(".md-nav__link")]
    assert "Подчинённые: Руководитель группы 1 контакт-центра" in labels, f"no team label for group 1: {labels}"
    links = {a["href"].strip("./") for a in menu.select("a.md-nav__link[href]")}
    teammates = [slug for slug in TEAMS["contact-lead-1"] if slug != "contact-operator-05"]  # the page itself links "./"
    missing = [slug for slug in teammates if not any(link.endswith(slug) for link in links)]
    others = [slug for slug in TEAMS["contact-lead-2"] if any(link.endswith(slug) for link in links)]
    assert not missing, f"the operator's own team is not listed in full, missing: {missing}"
    assert len(others) <= 1, f"the other team's positions are listed on the page: {others}"


def test_a_small_category_is_not_split(contact_centre):
    page = BeautifulSoup((contact_centre.site / "positions" / "contact-lead-1" / "index.html")
                         .read_text(encoding="utf-8"), "html.parser")
    labels = [link.get_text(" ", strip=True) for link in page.select(".md-nav--primary .md-nav__link")]
    assert not any(label.startswith("Подчинённые: Начальник") for label in labels), (
        f"three leaders are split into teams: {labels}")
