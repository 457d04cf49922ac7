"""On a closed intranet every page works: nothing is fetched from any host but the site's own.

Every page of the built site (whatever pages exist: positions, procedure, catalog, charts, tags…)
is opened in headless Chromium with every other host blocked. Fonts, icons, scripts, styles,
diagrams and the search index must all come from the site itself, and no page may show a script
error or a failed request in the console.
"""

from __future__ import annotations

import pytest

SEARCH_QUERY = "менеджер"


def site_pages(site) -> list[str]:
    """Site-relative URLs of every HTML page of the build."""
    urls = []
    for path in sorted(site.site.rglob("*.html")):
        relative = path.relative_to(site.site).as_posix()
        urls.append(relative[: -len("index.html")] if relative.endswith("index.html") else relative)
    return urls


@pytest.fixture
def offline_page(browser, served_site):
    """A browser page that may only reach the served site; records what it tried and what failed."""
    context = browser.new_context()
    record = {"outside": [], "errors": []}

    def only_the_site(route):
        if route.request.url.startswith(served_site):
            route.continue_()
        else:
            record["outside"].append(route.request.url)
            route.abort()

    context.route("**/*", only_the_site)
    context.on("request", lambda request: request.url.startswith(("http:", "https:"))
               and not request.url.startswith(served_site) and record["outside"].append(request.url))
    page = context.new_page()
    page.on("pageerror", lambda error: record["errors"].append(f"script error: {error}"))
    page.on("console", lambda message: message.type == "error"
            and record["errors"].append(f"console: {message.text} ({message.location.get('url')})"))
    yield page, record
    context.close()


def assert_stayed_inside(record, where: str) -> None:
    assert not record["outside"], f"{where}: reached outside the intranet: {sorted(set(record['outside']))}"
    assert not record["errors"], f"{where}: shows errors: {record['errors']}"


@pytest.mark.slow  # every page in Chromium; search offline stays quick
@pytest.mark.browser
def test_every_page_loads_nothing_from_outside_and_shows_no_errors(site, served_site, offline_page):
    page, record = offline_page
    pages = site_pages(site)
    assert "positions/key-account-manager/" in pages and "" in pages, f"the build has no pages? {pages}"
    for url in pages:
        page.goto(served_site + url, wait_until="networkidle")
        assert page.locator("h1").count() >= 1 or url.endswith("404.html"), f"{url}: the page shows no heading"
        assert_stayed_inside(record, url)


@pytest.mark.browser
def test_search_works_offline(served_site, offline_page):
    """The search worker, its language files and the index all load from the site."""
    page, record = offline_page
    page.goto(served_site, wait_until="networkidle")
    page.click("input.md-search__input")
    page.keyboard.type(SEARCH_QUERY)
    page.keyboard.press("End")  # Playwright types Cyrillic without key events; Material searches on keyup
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    assert page.locator(".md-search-result__item").count() >= 1, f"searching «{SEARCH_QUERY}» finds nothing"
    assert_stayed_inside(record, "search")


@pytest.mark.browser
def test_the_check_notices_a_page_that_reaches_outside(served_site, offline_page):
    """The blocking above really sees outside requests: a page asking a CDN is recorded."""
    page, record = offline_page
    page.goto(served_site, wait_until="networkidle")
    page.evaluate("() => { const s = document.createElement('script');"
                  " s.src = 'https://cdn.example.com/x.js'; document.head.appendChild(s); }")
    page.wait_for_timeout(500)
    assert "https://cdn.example.com/x.js" in record["outside"], "a request to a CDN went unnoticed"
