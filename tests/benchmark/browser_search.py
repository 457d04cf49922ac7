"""Search speed as a user sees it: queries typed into Material's search box in Debian's Chromium.

- the first answer when the query is typed the moment the page has opened: timed from the page's
  DOMContentLoaded to the first result on screen, each time in a fresh browser profile (nothing
  cached), the median of several page openings;
- what opening a page downloads for search, and what the first answer downloads;
- the median time of a query after that (from the key press to the result list changing);
- misspelled, wrong-layout and Latin-spelled queries (forgiving.py): how many show their position
  among the first three, and their median time.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import statistics
import threading
from pathlib import Path

import forgiving

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
        "--disable-background-networking", "--disable-component-update"]
QUERIES = ["дебиторской задолженности", "инвентаризацию", "ключевыми клиентами", "начальник отдела логистики",
           "коммерческую тайну", "график визитов", "подбор персонала", "маршруты доставки",
           "повышение квалификации", "претензионную работу", "бюджет подразделения"]

FIRST_QUERIES = ["кадровый резерв", "ключевыми клиентами", "претензии", "подбор персонала", "скидки"]
OPENED_PAGE = "positions/key-account-manager/"

# Runs before the page's own scripts: at DOMContentLoaded the query is typed into the box (Material
# sends it to its worker as soon as the worker is ready); the time of the first result is kept.
TYPED_AT_OPEN = """query => {
  document.addEventListener("DOMContentLoaded", () => {
    const opened = performance.now();
    const input = document.querySelector("input.md-search__input");
    const output = document.querySelector(".md-search-result__list");
    new MutationObserver((_, observer) => {
      if (output.querySelector(".md-search-result__item")) {
        observer.disconnect();
        window.__firstAnswerMs = performance.now() - opened;
      }
    }).observe(output, {childList: true, subtree: true});
    input.focus();
    input.value = query;
    input.dispatchEvent(new KeyboardEvent("keyup", {bubbles: true}));
  });
}"""

# Sets the query, fires the keyup Material listens to, and resolves when the result list changes:
# the time covers the round trip to Material's search worker and the rendering of the results.
TIMED_QUERY = """async (query) => {
  const input = document.querySelector("input.md-search__input");
  const output = document.querySelector(".md-search-result");
  return await new Promise((resolve) => {
    const started = performance.now();
    const timeout = setTimeout(() => { observer.disconnect(); resolve(null); }, 60000);
    const observer = new MutationObserver(() => {
      observer.disconnect(); clearTimeout(timeout);
      resolve({ms: performance.now() - started,
               items: output.querySelectorAll(".md-search-result__item").length});
    });
    observer.observe(output, {childList: true, subtree: true, characterData: true});
    input.value = query;
    input.dispatchEvent(new KeyboardEvent("keyup", {bubbles: true}));
  });
}"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # connections kept open, as any web server does

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def served(site: Path):
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def search_timings(site: Path) -> dict:
    """All the search measurements of one built site (ms and KB); nothing without Chromium."""
    if not Path(CHROMIUM).exists():
        return {}
    from playwright.sync_api import sync_playwright

    with served(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            result = _first_answers(browser, url)
            page, downloads = _page(browser, url)
            page.goto(url + OPENED_PAGE)
            page.wait_for_load_state("networkidle")
            result["search_open_kb"] = _search_bytes(downloads) / 1024
            page.click("input.md-search__input")
            times = _material_search(page, QUERIES)
            result["search_ms"] = statistics.median(times[1:])
            found, times = _forgiving(page)
            result.update(forgiving_found=found, forgiving_total=len(forgiving.queries()),
                          forgiving_ms=statistics.median(times))
        finally:
            browser.close()
    return result


def _page(browser, url: str):
    """A page in a fresh browser profile that may reach only the site; records the bytes it downloads."""
    context = browser.new_context()
    # Outside hosts are blocked; the site's own requests are not routed at all (a routed request of
    # the search worker's importScripts could stall in Playwright).
    context.route(lambda address: not address.startswith(url), lambda route: route.abort())
    downloads: list[tuple[str, int]] = []

    def finished(request):
        try:
            downloads.append((request.url, request.sizes()["responseBodySize"]))
        except Exception:  # noqa: BLE001 - a request torn down with its page
            pass

    context.on("requestfinished", finished)
    return context.new_page(), downloads


def _search_bytes(downloads: list[tuple[str, int]]) -> int:
    return sum(size for address, size in downloads if "/search/" in address)


def _first_answers(browser, url: str) -> dict:
    """The query typed at DOMContentLoaded: median time to the first result, bytes it downloaded."""
    times, sizes = [], []
    for query in FIRST_QUERIES:
        page, downloads = _page(browser, url)
        page.add_init_script(f"({TYPED_AT_OPEN})({json.dumps(query)})")
        page.goto(url + OPENED_PAGE)
        page.wait_for_function("() => window.__firstAnswerMs !== undefined", timeout=60000)
        times.append(page.evaluate("() => window.__firstAnswerMs"))
        page.wait_for_load_state("networkidle")
        sizes.append(_search_bytes(downloads))
        page.context.close()
    return {"search_first_ms": statistics.median(times), "search_first_kb": statistics.median(sizes) / 1024}


def _forgiving(page) -> tuple[int, list[float]]:
    """How many forgiving.py queries show their position among the first three; their times."""
    found, times = 0, []
    for query, _, expected in forgiving.queries():
        result = page.evaluate(TIMED_QUERY, query)
        if result is None:
            raise RuntimeError(f"search for «{query}» did not answer within a minute")
        times.append(result["ms"])
        top = page.eval_on_selector_all(
            ".md-search-result__item", "items => items.slice(0, 3).map(i => i.querySelector('a').href)")
        found += any(href.split("?")[0].endswith("/" + expected) for href in top)
        page.evaluate(TIMED_QUERY, "")
    return found, times


def _material_search(page, queries: list[str]) -> list[float]:
    times, found = [], 0
    for query in queries:
        result = page.evaluate(TIMED_QUERY, query)
        if result is None:
            raise RuntimeError(f"search for «{query}» did not answer within a minute")
        times.append(result["ms"])
        found += bool(result["items"])
        page.evaluate(TIMED_QUERY, "")  # clear, so the next query starts from an empty box
    if not found:
        raise RuntimeError("no query showed any result: the search box is not measured")
    return times
