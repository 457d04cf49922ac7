"""Driving Material's real search box in Chromium: shared by the search tests and the benchmark.

Usage: open any page of the built site with `open_search(page, url)`, then call
`search_top_results(page, query)` as often as needed on the same page.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest

SEARCH_INPUT = "input.md-search__input"
RESULT_META = ".md-search-result__meta"
RESULT_ITEM = ".md-search-result__item"


@pytest.fixture(scope="module")
def search_page(browser, served_site):
    """One page of the site with the search box ready; every request it makes is recorded."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.requests, page.errors = [], []
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    open_search(page, served_site)
    yield page
    page.close()


def quick_sample(corpus: list[tuple], per_kind: int) -> list:
    """(query, expected, kind) cases as pytest params: the first `per_kind` of each kind in every quick run, the
    rest marked slow (.ci/run runs both), so a growing corpus of queries does not lengthen the quick run."""
    seen: dict[str, int] = {}
    params = []
    for number, (query, expected, kind) in enumerate(corpus):
        seen[kind] = seen.get(kind, 0) + 1
        marks = [pytest.mark.slow] if seen[kind] > per_kind else []
        params.append(pytest.param(query, expected, kind, marks=marks, id=f"{kind}-{number}"))
    return params


def open_search(page, url: str, timeout_ms: float = 15000) -> None:
    """Open a page and wait until Material's search worker has built its index."""
    page.goto(url)
    page.click(SEARCH_INPUT)
    initializer = _translation(page, "search.result.initializer") or "Инициализация поиска"
    page.wait_for_function(
        "([selector, text]) => document.querySelector(selector).textContent.trim() !== text",
        arg=[RESULT_META, initializer], timeout=timeout_ms)


def search_results(page, query: str, timeout_ms: float = 5000) -> list[list[str]]:
    """Type a query into the search box; for each result (one per page), the site paths of its links.

    The first link of a result is the page itself, the others point into it (sections, clauses):
    "positions/key-account-manager/" or "positions/key-account-manager/#p2-9".
    """
    placeholder = _translation(page, "search.result.placeholder")
    _submit(page, "")
    _wait_meta(page, "===", placeholder, timeout_ms)
    _submit(page, query)
    _wait_meta(page, "!==", placeholder, timeout_ms)
    wait_settled(page)
    hrefs = page.eval_on_selector_all(
        RESULT_ITEM,
        "items => items.map(item => [...item.querySelectorAll('a.md-search-result__link')].map(a => a.href))",
    )
    base = page.evaluate(
        "() => new URL(JSON.parse(document.getElementById('__config').textContent).base, location.href).href")
    return [[site_path(base, href) for href in links] for links in hrefs]


def search_top_results(page, query: str, timeout_ms: float = 5000) -> list[str]:
    """The pages found for a query, best first, as site paths ("positions/recruiter/")."""
    return [links[0] for links in search_results(page, query, timeout_ms)]


def index_settings(site: Path) -> dict:
    """The settings our worker reads from Material's search/search_index.json (macros/search/index.py)."""
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]["jobdesc"]


def index_entries(site: Path) -> list[dict]:
    """Every entry of the built search index as {location, title, text}, read from the files the worker loads."""
    folder = site / "search" / index_settings(site)["folder"]
    pages = json.loads((folder / "pages.json").read_text(encoding="utf-8"))["pages"]
    entries = []
    for number, (url, _, _) in enumerate(pages):
        for anchor, title, text in json.loads((folder / "p" / f"{number}.json").read_text(encoding="utf-8")):
            entries.append({"location": f"{url}#{anchor}" if anchor else url, "title": title, "text": text})
    return entries


def site_path(base: str, href: str) -> str:
    """A result link as a path inside the site, without Material's ?h= highlight parameter."""
    link, root = urlsplit(href), urlsplit(base)
    path = link.path[len(root.path):] if link.path.startswith(root.path) else link.path
    return path + (f"#{link.fragment}" if link.fragment else "")


def _submit(page, text: str) -> None:
    # Material reads the box on keyup: set the whole text at once, then one key press sends it,
    # so no half-typed query can overtake the one we wait for.
    page.fill(SEARCH_INPUT, text)
    page.press(SEARCH_INPUT, "End")


def _wait_meta(page, comparison: str, text: str, timeout_ms: float) -> None:
    page.wait_for_function(
        f"([selector, text]) => document.querySelector(selector).textContent.trim() {comparison} text",
        arg=[RESULT_META, text], timeout=timeout_ms)


# The worker may answer twice: the matching titles first, then the full result with the first pages'
# sections (overrides/assets/javascripts/workers/search-ru.js). Read the list once it has stopped changing.
SETTLED = """async quiet => await new Promise(resolve => {
  const list = document.querySelector(".md-search-result__list");
  let timer = setTimeout(done, quiet);
  const observer = new MutationObserver(() => { clearTimeout(timer); timer = setTimeout(done, quiet); });
  function done() { observer.disconnect(); resolve(); }
  observer.observe(list, {childList: true, subtree: true});
})"""


def wait_settled(page, quiet_ms: int = 150) -> None:
    page.evaluate(SETTLED, quiet_ms)


def _translation(page, key: str) -> str:
    return page.evaluate(
        "key => JSON.parse(document.getElementById('__config').textContent).translations[key]", key)
