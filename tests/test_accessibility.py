"""Every employee can use the site: screen readers, the keyboard alone, a phone.

axe-core (the engine behind Lighthouse's accessibility audit, vendored in tests/vendor/axe-core/, see the
README) runs in Chromium over every page the build writes, at a desktop and a phone width, and over the
search dialog with a query typed; no violation of any impact may remain. A keyboard walk of a position
page reaches search, «Печать», the downloads, the menu and the card with a visible focus ring; the org
chart's boxes take the keyboard too. The page structure (one h1, headings in order, lang, table
headers, clause numbers inside the clause) is checked on the built HTML.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from search_support import wait_settled
from test_offline import site_pages

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
WIDTHS = {"desktop": 1366, "phone": 390}
OPEN_SHADOW_ROOTS = """
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) { return attach.call(this, {...init, mode: "open"}); };
"""


def axe_violations(page) -> list[str]:
    """axe-core's violations on the page as it is now, one line each: rule, impact, where, why."""
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['id']} ({v['impact']}) at {node['target']}: {node['failureSummary'].splitlines()[-1].strip()}"
            for v in result["violations"] for node in v["nodes"]]


@pytest.fixture(params=list(WIDTHS), scope="module")
def screen(request, browser):
    context = browser.new_context(viewport={"width": WIDTHS[request.param], "height": 900})
    page = context.new_page()
    yield request.param, page
    context.close()


@pytest.mark.slow  # axe-core over every page at two widths: minutes
@pytest.mark.browser
def test_no_axe_violations_on_any_page(site, served_site, screen):
    width, page = screen
    found = {}
    for url in site_pages(site):
        page.goto(served_site + url, wait_until="networkidle")
        if page.locator("pre.mermaid, div.mermaid").count():
            page.wait_for_selector("div.mermaid", state="attached", timeout=15_000)
            page.wait_for_timeout(500)  # the chart is drawn: axe sees the page as the reader does
        violations = axe_violations(page)
        if violations:
            found[url or "/"] = violations
    assert not found, f"axe-core at {width} width: " + "\n".join(f"{url}: {v}" for url, vs in found.items() for v in vs)


@pytest.mark.slow  # axe-core over every page at two widths: minutes
@pytest.mark.browser
def test_no_axe_violations_in_the_search_dialog_with_results(served_site, screen):
    width, page = screen
    page.goto(served_site, wait_until="networkidle")
    open_search(page)
    page.keyboard.type("менеджер")
    page.keyboard.press("End")  # Playwright types Cyrillic without key events; Material searches on keyup
    page.wait_for_selector(".md-search-result__item", timeout=15_000)
    page.wait_for_timeout(400)  # the results have faded in
    violations = axe_violations(page)
    assert not violations, f"search dialog at {width} width:\n" + "\n".join(violations)


def open_search(page) -> None:
    """Open the search from the keyboard: the header's search button (phone) or the search field (desktop)."""
    button = page.get_by_role("button", name="Поиск")
    if button.is_visible():
        button.focus()
        page.keyboard.press("Enter")
    else:
        page.locator("input.md-search__input").focus()
    page.wait_for_function("document.activeElement && document.activeElement.matches('input.md-search__input')")


# --- Keyboard -----------------------------------------------------------------------------------

FOCUSED = """() => {
    let element = document.activeElement
    while (element && element.shadowRoot && element.shadowRoot.activeElement) element = element.shadowRoot.activeElement
    const style = getComputedStyle(element)
    const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
    return {
        tag: element.tagName.toLowerCase(), classes: element.getAttribute('class') || '',
        name: (element.getAttribute('aria-label') || element.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 60),
        href: element.getAttribute('href') || element.getAttribute('xlink:href') || '',
        ring: ring || style.boxShadow !== 'none',
    }
}"""


def tab_walk(page, steps: int) -> list[dict]:
    """What Tab reaches, in order, from the top of the page."""
    page.keyboard.press("Tab")
    reached = []
    for _ in range(steps):
        reached.append(page.evaluate(FOCUSED))
        page.keyboard.press("Tab")
    return reached


@pytest.mark.browser
def test_keyboard_walk_of_a_position_page(browser, served_site):
    context = browser.new_context(viewport={"width": WIDTHS["desktop"], "height": 900})
    page = context.new_page()
    page.goto(served_site + "positions/key-account-manager/", wait_until="networkidle")
    page.evaluate("() => { window.print = () => { window.printed = (window.printed || 0) + 1 } }")
    reached = tab_walk(page, 90)
    names = [item["name"] for item in reached]
    for expected in ("Перейти к содержанию", "Поиск", "Печать", "Скачать PDF", "Руководитель отдела продаж"):
        assert any(name.startswith(expected) for name in names), f"Tab never reaches «{expected}»: {names}"
    assert any("md-nav__link" in item["classes"] for item in reached), "Tab never reaches the menu"
    for link in page.locator(".print-actions a, .print-actions button").all():  # «Скачать Word» too, when there
        label = " ".join(link.inner_text().split())
        assert label in names, f"Tab never reaches «{label}»"
    unringed = [item["name"] or item["tag"] for item in reached if not item["ring"] and item["tag"] != "body"]
    assert not unringed, f"no visible focus ring on {unringed}"
    # Enter presses «Печать»: it prints the position's PDF (test_print.py) or, without one, the page.
    page.get_by_role("button", name="Печать").focus()
    page.keyboard.press("Enter")
    page.wait_for_timeout(200)
    assert page.evaluate("window.printed") == 1 or page.locator("iframe.print-frame").count() == 1, (
        "Enter on «Печать» does not print")
    # The search, from the keyboard: type, go down to a result, open it (on the page loaded afresh: the PDF
    # the print button put in a frame is no part of it, and headless Chromium has crashed rendering both).
    page.goto(served_site + "positions/key-account-manager/", wait_until="networkidle")
    open_search(page)
    page.keyboard.type("рекрутер")
    page.keyboard.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=15_000)
    wait_settled(page)  # the worker may answer twice; a second answer re-renders the list and drops the focus
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/positions/recruiter/"), timeout=10_000)
    context.close()


@pytest.mark.browser
def test_a_result_chosen_with_the_arrow_keys_keeps_the_focus_when_the_full_answer_arrives(browser, served_site):
    """The worker answers with the matching titles first and with the first pages' sections a moment
    later; Material renders the list afresh each time. A result the user went down to in between must
    still have the focus afterwards, so Enter opens it. The pages' sections are held back until the
    result has the focus: the second answer comes after it on every run."""
    context = browser.new_context(viewport={"width": WIDTHS["desktop"], "height": 900})
    page = context.new_page()
    held = []
    sections = re.compile(r"/search/ru/p/\d+\.json")  # each page's sections, fetched for the full answer
    context.route(sections, lambda route: held.append(route))
    page.goto(served_site + "positions/key-account-manager/", wait_until="networkidle")
    open_search(page)
    page.keyboard.type("рекрутер")
    page.keyboard.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=15_000)  # the first answer: titles
    for _ in range(100):  # the sections are asked for once the titles have gone out
        if held:
            break
        page.wait_for_timeout(50)
    assert held, "the first pages' sections were not fetched after the first answer"
    page.keyboard.press("ArrowDown")
    chosen = page.evaluate("document.activeElement.getAttribute('href')")
    assert chosen and "positions/recruiter/" in chosen, f"ArrowDown did not reach the first result: {chosen}"
    links = page.locator(".md-search-result__item a.md-search-result__link").count()
    for route in held:
        route.continue_()
    context.unroute(sections)
    page.wait_for_function(
        "n => document.querySelectorAll('.md-search-result__item a.md-search-result__link').length > n",
        arg=links, timeout=15_000)  # the full answer, with the sections, has replaced the list
    wait_settled(page)
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == chosen, f"the full answer took the focus from the chosen result: {chosen} -> {focused}"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/positions/recruiter/"), timeout=10_000)
    context.close()


@pytest.mark.browser
def test_keyboard_opens_the_menu_and_search_on_a_phone(browser, served_site):
    context = browser.new_context(viewport={"width": WIDTHS["phone"], "height": 800})
    page = context.new_page()
    page.goto(served_site + "positions/recruiter/", wait_until="networkidle")
    names = [item["name"] for item in tab_walk(page, 6)]
    assert "Меню" in names and "Поиск" in names, f"the header's buttons are not reachable by Tab: {names}"
    menu = page.get_by_role("button", name="Меню")
    menu.focus()
    assert page.evaluate(FOCUSED)["ring"], "the menu button shows no focus ring"
    page.keyboard.press("Enter")
    assert page.evaluate("document.getElementById('__drawer').checked"), "Enter on «Меню» does not open the menu"
    page.keyboard.press("Escape")
    page.goto(served_site + "positions/recruiter/", wait_until="networkidle")
    open_search(page)
    context.close()


@pytest.mark.browser
def test_the_org_charts_boxes_and_its_list_take_the_keyboard(browser, served_site):
    context = browser.new_context(viewport={"width": WIDTHS["desktop"], "height": 900})
    context.add_init_script(OPEN_SHADOW_ROOTS)  # Material draws the chart in a closed shadow root
    page = context.new_page()
    page.goto(served_site + "structure/", wait_until="networkidle")
    page.wait_for_selector("div.mermaid svg", state="attached", timeout=15_000)
    reached = tab_walk(page, 60)
    chart = [item for item in reached if item["href"].startswith("../positions/") and item["tag"] == "a"
             and not item["classes"]]
    listed = [item for item in reached if item["href"].startswith("../positions/") and item not in chart]
    assert len({item["href"] for item in chart}) >= 8, f"the chart's boxes are not all reachable by Tab: {chart}"
    assert len({item["href"] for item in listed}) >= 8, "the list of the structure is not reachable by Tab"
    assert all(item["ring"] for item in chart + listed), "a chart box or list link shows no focus ring"
    context.close()


# --- Structure of every page (built HTML) -----------------------------------------------------------

def test_every_page_has_one_h1_headings_in_order_lang_ru_and_table_headers(site):
    problems = []
    for url in site_pages(site):
        path = site.site / (url + "index.html" if not url.endswith(".html") else url)
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        if soup.html.get("lang") != "ru":
            problems.append(f"{url}: lang is {soup.html.get('lang')!r}")
        article = soup.select_one("article") or soup
        levels = [int(h.name[1]) for h in article.find_all(re.compile(r"^h[1-6]$"))]
        if levels.count(1) != 1:
            problems.append(f"{url}: {levels.count(1)} h1 headings")
        skips = [(a, b) for a, b in zip(levels, levels[1:]) if b > a + 1]
        if skips:
            problems.append(f"{url}: heading levels skip {skips}")
        for table in article.select("table"):
            if not table.select("th"):
                problems.append(f"{url}: a table without header cells")
    assert not problems, "\n".join(problems)


@pytest.mark.browser
def test_a_screen_reader_hears_the_clause_number_with_the_clause(browser, served_site):
    page = browser.new_page()
    page.goto(served_site + "positions/key-account-manager/")
    tree = page.locator("li[data-clause='2.9']").aria_snapshot()
    assert re.search(r"listitem: \"?2\.9\. Устанавливает размер скидки", tree), tree
    heading = page.locator("h2#section-2").aria_snapshot()
    assert "2. Должностные обязанности" in heading, heading
    page.close()


def test_the_org_chart_has_a_text_alternative(site):
    tree = site.page("structure/").select_one("nav.org-tree[aria-labelledby]")
    assert tree is not None, "the org chart page has no list of the structure"
    links = {a["href"] for a in tree.select("a[href]")}
    chart = re.findall(r'href "([^"]+)"', site.page("structure/").select_one("pre.mermaid").get_text())
    assert links == set(chart), "the list does not name every position the chart shows"


def test_axe_core_is_vendored_as_the_tests_notes_say():
    import hashlib
    from conftest import ROOT
    readme = (ROOT / "tests" / "README.md").read_text(encoding="utf-8")
    version = re.search(r"/\*! axe v([\d.]+)", AXE.read_text(encoding="utf-8")[:200]).group(1)
    digest = hashlib.sha256(AXE.read_bytes()).hexdigest()
    assert f"axe-core@{version}" in readme and digest in readme, "tests/README.md must name the vendored version and sha256"
    assert (AXE.parent / "LICENSE").is_file()
