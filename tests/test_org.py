"""Where a role sits: the catalog, the summary card, the org chart and the navigation, all derived from
the positions' data, so that adding one position file is the only edit HR ever makes."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml

from conftest import ROOT, copy_project, run_mkdocs_build
from macros.commands.russian_words import cases


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---", 2)[1])


def position_files(docs: Path) -> dict[str, dict]:
    """Every position of a project, read straight from its files: slug -> front matter."""
    return {p.stem: front_matter(p) for p in sorted((docs / "positions").glob("*.md")) if not p.name.startswith("_")}


POSITIONS = position_files(ROOT / "docs")


def new_position(slug: str, title: str, department: str, reports_to: str, category: str = "специалисты") -> str:
    """A complete position file, as HR would write it: data up front, the standard macros, a few duties."""
    genitive, dative = cases(title)  # as the command for HR writes them (a copy of the title is refused)
    return f"""---
title: {title}
genitive: {genitive}
dative: {dative}
department: {department}
category: {category}
appointed_by: general-director
reports_to: {reports_to}
education: среднее профессиональное
version: "1.0"
approved: 2026-03-02
approval: {{number: 30-ОД}}
tags: [{department}, {category}]
---

{{{{ approval_stamp() }}}}

## Общие положения

{{{{ general_provisions() }}}}

## Должностные обязанности

- Выполняет поручения непосредственного руководителя.

## Права

{{{{ common_rights() }}}}

## Ответственность

{{{{ standard_liability() }}}}

{{{{ signatures() }}}}

{{{{ acknowledgement_sheet() }}}}
"""


def add_position(project: Path, slug: str, *args, **kwargs) -> None:
    (project / "docs" / "positions" / f"{slug}.md").write_text(new_position(slug, *args, **kwargs), encoding="utf-8")


def page_url(page_path: str, href: str) -> str:
    """Where a link on a page leads, as a site path ('positions/sales-head/')."""
    return urljoin("http://site/" + page_path, href).removeprefix("http://site/")


def catalog_rows(build) -> list[dict]:
    """The catalog on the home page: one dict per row, with the department heading above its table.
    Texts as the files have them: the typography's no-break spaces («с\u00a0клиентами») read as spaces."""
    rows = []
    for table in build.page("/").select("article table"):
        department = table.find_previous("h2").get_text(strip=True).replace("\u00a0", " ")
        for tr in table.select("tbody tr"):
            cells = tr.find_all("td")
            boss = cells[2].find("a")
            rows.append({
                "department": department,
                "url": page_url("", cells[0].find("a")["href"]),
                "title": cells[0].get_text(strip=True).replace("\u00a0", " "),
                "category": cells[1].get_text(strip=True).replace("\u00a0", " "),
                "reports_to": page_url("", boss["href"]) if boss else None,
            })
    return rows


def card(build, slug: str) -> dict[str, list[str] | str]:
    """The summary card of a position page: field -> linked pages (site paths), or its text when it has no links."""
    page_path = f"positions/{slug}/"
    aside = build.page(page_path).select_one("aside.position-card")
    assert aside is not None, f"{slug}: the page has no summary card"
    fields = {}
    for item in aside.select("[data-card]"):
        links = item.select("dd a")
        fields[item["data-card"]] = ([page_url(page_path, a["href"]) for a in links] if links
                                     else item.dd.get_text(" ", strip=True))
    return fields


def nav_pages(build, page_path: str) -> list[str]:
    """Every page the left navigation of a page links to (site paths)."""
    nav = build.page(page_path).select_one("nav.md-nav--primary")
    return [page_url(page_path, a["href"]) for a in nav.select("a.md-nav__link[href]") if not a["href"].startswith("#")]


def chart_source(build) -> str:
    return build.page("structure/").select_one("pre.mermaid").get_text()


# --- The catalog ---------------------------------------------------------------------------------

def test_catalog_lists_every_position_exactly_once(site):
    urls = [row["url"] for row in catalog_rows(site)]
    expected = sorted(f"positions/{slug}/" for slug in POSITIONS)
    duplicates = sorted({u for u in urls if urls.count(u) > 1})
    assert not duplicates, f"the catalog lists these positions more than once: {duplicates}"
    assert sorted(urls) == expected, f"the catalog lists {sorted(urls)}, the positions are {expected}"


def test_catalog_shows_department_category_and_supervisor_from_the_data(site):
    for row in catalog_rows(site):
        data = POSITIONS[row["url"].split("/")[1]]
        assert row["title"] == data["title"]
        assert row["department"] == data["department"], f"{row['title']} is listed under {row['department']}"
        assert row["category"] == data["category"]
        boss = data.get("reports_to")
        assert row["reports_to"] == (f"positions/{boss}/" if boss else None), (
            f"{row['title']}: the catalog says it reports to {row['reports_to']}, the file says {boss}")


def test_a_departments_head_comes_first_in_the_catalog(site):
    sales = [row["url"] for row in catalog_rows(site) if row["department"] == "Отдел продаж"]
    assert sales[0] == "positions/sales-head/", f"the sales department starts with {sales[0]}"


# --- The summary card ------------------------------------------------------------------------------

def test_key_account_managers_card_shows_where_the_role_sits(site):
    fields = card(site, "key-account-manager")
    assert fields["department"] == "Отдел продаж"
    assert fields["category"] == "специалисты"
    assert fields["supervisor"] == ["positions/sales-head/"]
    assert fields["also"] == ["positions/development-director/", "positions/commercial-director/"]
    assert fields["subordinates"] == "нет"
    assert fields["stand-in"] == "другой работник, с его письменного согласия"
    assert "version" not in fields, "the edition is shown once, in the document header under the card"


def test_sales_heads_card_lists_the_key_account_manager_as_subordinate(site):
    fields = card(site, "sales-head")
    assert fields["supervisor"] == ["positions/commercial-director/"]
    assert fields["subordinates"] == ["positions/key-account-manager/"]


def test_every_position_page_has_a_card_right_under_its_title_and_it_is_not_printed(site):
    for slug, data in POSITIONS.items():
        page = site.position(slug)
        aside = page.select_one("aside.position-card")
        assert aside is not None, f"{slug}: no summary card"
        assert "screen-only" in aside["class"], f"{slug}: the card would be printed with the instruction"
        assert aside.find_previous("h1").get_text(strip=True) == data["title"], f"{slug}: the card is not under the title"
        assert card(site, slug)["department"] == data["department"]
    assert site.page("/").select_one("aside.position-card") is None, "the home page shows a position card"


# --- The org chart -------------------------------------------------------------------------------

def test_org_chart_has_one_node_per_position_and_an_arrow_per_reporting_line(site):
    source = chart_source(site)
    for slug, data in POSITIONS.items():
        node = "p_" + slug.replace("-", "_")
        assert len(re.findall(rf"^\s*{node}\[", source, re.M)) == 1, f"{slug}: not exactly one box on the chart"
        assert f'href "../positions/{slug}/"' in source, f"{slug}: its box does not link to its page"
        if data.get("reports_to"):
            boss = "p_" + data["reports_to"].replace("-", "_")
            assert f"{boss} --> {node}" in source, f"{slug}: no arrow from its supervisor"


def test_only_pages_with_a_diagram_load_the_diagram_library(site):
    def scripts(page_path):
        return [s["src"] for s in site.page(page_path).select("script[src]")]

    assert any(src.endswith("vendor/mermaid/mermaid.min.js") for src in scripts("structure/"))
    assert not any("mermaid" in src for src in scripts("positions/key-account-manager/")), (
        "a position page downloads the 3.5 MB diagram library it does not use")
    assert (site.site / "assets/javascripts/vendor/mermaid/mermaid.min.js").stat().st_size > 1_000_000


@pytest.mark.browser
def test_org_chart_renders_in_chromium_with_every_other_host_blocked(browser, served_site):
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    page = browser.new_page()
    # Material draws the chart into a closed shadow root; open it so the test can read the SVG.
    page.add_init_script("""
        const attach = Element.prototype.attachShadow;
        Element.prototype.attachShadow = function (init) { return attach.call(this, {...init, mode: "open"}); };
    """)
    outside, errors = [], []

    def only_the_site(route):
        if route.request.url.startswith("http://127.0.0.1:"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", only_the_site)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(served_site + "structure/")
    svg = page.locator("div.mermaid svg")
    try:
        svg.wait_for(timeout=15_000)
    except PlaywrightTimeout:
        pass  # reported below, after what was requested from elsewhere
    labels = sorted(page.locator("div.mermaid svg g.node").all_text_contents())
    links = page.locator("div.mermaid svg a").evaluate_all(
        "links => links.map(a => a.getAttribute('href') || a.getAttribute('xlink:href'))")
    page.close()
    assert not outside, f"the org chart page tried to reach other hosts: {outside}"
    assert not errors, errors
    assert labels, "the org chart was not drawn"
    assert sorted(" ".join(label.split()) for label in labels) == sorted(d["title"] for d in POSITIONS.values()), (
        "the chart does not show exactly one box per position")
    assert sorted(links) == sorted(f"../positions/{slug}/" for slug in POSITIONS)


# --- Adding one position file: nothing else to edit ------------------------------------------------

@pytest.fixture(scope="module")
def with_new_position(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("new-position") / "project")
    add_position(project, "sales-assistant", "Ассистент отдела продаж", "Отдел продаж", "sales-head", "служащие")
    build = run_mkdocs_build(project, project / "site")
    assert build.returncode == 0, f"the site does not build with a new position:\n{build.output}"
    return build


def test_a_new_position_appears_in_the_catalog(with_new_position):
    rows = [r for r in catalog_rows(with_new_position) if r["url"] == "positions/sales-assistant/"]
    assert len(rows) == 1, "the new position is not listed exactly once in the catalog"
    assert rows[0]["department"] == "Отдел продаж" and rows[0]["reports_to"] == "positions/sales-head/"


def test_a_new_position_appears_in_its_departments_navigation(with_new_position):
    assert "positions/sales-assistant/" in nav_pages(with_new_position, "positions/key-account-manager/")


def test_a_new_position_appears_on_the_org_chart(with_new_position):
    source = chart_source(with_new_position)
    assert 'p_sales_assistant["Ассистент отдела продаж"]' in source
    assert "p_sales_head --> p_sales_assistant" in source


def test_a_new_position_appears_among_its_managers_subordinates(with_new_position):
    subordinates = card(with_new_position, "sales-head")["subordinates"]
    assert subordinates == ["positions/sales-assistant/", "positions/key-account-manager/"]
    assert card(with_new_position, "sales-assistant")["supervisor"] == ["positions/sales-head/"]


def test_a_new_position_appears_under_its_tags(with_new_position):
    listing = with_new_position.page("tags/").select_one("article")
    links = [page_url("tags/", a["href"]) for a in listing.select("a[href]")]
    assert links.count("positions/sales-assistant/") == 2, "the new position is missing under its department or category"


# --- The navigation at scale ---------------------------------------------------------------------

WAREHOUSE = [f"warehouse-{n:02d}" for n in range(1, 41)]


@pytest.fixture(scope="module")
def large_company(tmp_path_factory):
    """The project plus a warehouse with 40 positions: a department of its own."""
    project = copy_project(tmp_path_factory.mktemp("large-company") / "project")
    add_position(project, "warehouse-head", "Начальник склада", "Склад", "general-director", "руководители")
    for n, slug in enumerate(WAREHOUSE, 1):
        add_position(project, slug, f"Кладовщик участка {n:02d}", "Склад", "warehouse-head", "рабочие")
    build = run_mkdocs_build(project, project / "site")
    assert build.returncode == 0, f"the site does not build with 41 more positions:\n{build.output}"
    return build


@pytest.mark.slow  # a copy with a warehouse of 41 more positions built
def test_a_position_pages_navigation_does_not_grow_with_other_departments(site, large_company):
    before = nav_pages(site, "positions/key-account-manager/")
    after = nav_pages(large_company, "positions/key-account-manager/")
    warehouse = [url for url in after if url in {f"positions/{slug}/" for slug in WAREHOUSE}]
    assert not warehouse, f"the key account manager's page lists {len(warehouse)} warehouse positions in its menu"
    # The warehouse adds one entry (a link into the department), whatever its size.
    assert len(after) == len(before) + 1, f"the menu grew from {len(before)} to {len(after)} links"


@pytest.mark.slow  # a copy with a warehouse of 41 more positions built
def test_a_departments_own_pages_list_all_its_positions(large_company):
    pages = nav_pages(large_company, "positions/warehouse-07/")
    missing = [slug for slug in ["warehouse-head", *WAREHOUSE] if f"positions/{slug}/" not in pages]
    assert not missing, f"a warehouse page's menu lacks {missing}"


@pytest.mark.slow  # a copy with a warehouse of 41 more positions built
def test_a_large_departments_menu_is_grouped_by_category(large_company):
    page = large_company.position("warehouse-07")
    # The open group is a label; the other groups are pruned to one link each.
    labels = [item.get_text(" ", strip=True) for item in page.select(".md-nav--primary .md-nav__link")]
    assert "Рабочие" in labels and "Руководители" in labels, (
        f"a department of 41 positions should show its menu by category, the menu shows {labels}")


def test_every_reports_to_also_is_a_dotted_edge_of_the_chart(site):
    """A position that also reports to others by area of responsibility (reports_to_also) gets a dotted
    arrow from each of them, and the chart has no other dotted arrows."""
    from conftest import ROOT
    expected = set()
    for path in (ROOT / "docs" / "positions").glob("[!_]*.md"):
        meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
        for boss in meta.get("reports_to_also") or []:
            expected.add((f"p_{boss.replace('-', '_')}", f"p_{path.stem.replace('-', '_')}"))
    assert expected, "no position of the site reports to another by area: the test would prove nothing"
    chart = site.page("structure/").select_one("pre.mermaid").get_text()
    dotted = set(re.findall(r"^\s*(\w+) -\.-> (\w+)\s*$", chart, re.M))
    assert dotted == expected, f"dotted edges {sorted(dotted)} instead of {sorted(expected)}"
