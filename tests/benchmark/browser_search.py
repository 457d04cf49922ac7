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
import socket
import statistics
import threading
from pathlib import Path

import forgiving

CHROMIUM = "/usr/bin/chromium"
# Every host name resolves to nothing: the browser reaches only the site, served at 127.0.0.1. Not
# done with Playwright's routing: any route, even one for other hosts only, makes Chromium hold
# every request of the page until Playwright (in this Python process) has let it through, which
# added about 5 ms to each request of the search, and more when several are under way at once.
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
        "--disable-background-networking", "--disable-component-update",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]
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
    let quiet = null;
    const observer = new MutationObserver(() => {
      if (!output.querySelector(".md-search-result__item")) return;
      const now = performance.now() - opened;
      if (window.__firstAnswerMs === undefined) window.__firstAnswerMs = now;
      window.__completeMs = now;
      clearTimeout(quiet);
      quiet = setTimeout(() => { observer.disconnect(); window.__settled = true; }, 250);
    });
    observer.observe(output, {childList: true, subtree: true});
    input.focus();
    input.value = query;
    input.dispatchEvent(new KeyboardEvent("keyup", {bubbles: true}));
  });
}"""

# Sets the query, fires the keyup Material listens to, and times Material's rendering of the answer:
# it empties the result list before it renders one, so a marker put into the list beforehand
# disappears exactly then (`ms`: the results on screen). The worker may answer twice (the matching
# titles, then the first pages' sections and text): `complete_ms` is the last change of the list
# before it stays unchanged for QUIET ms. Both include the round trip to the search worker.
TIMED_QUERY = """async (query) => {
  const QUIET = 250;
  const input = document.querySelector("input.md-search__input");
  const list = document.querySelector(".md-search-result__list");
  const marker = document.createElement("li");
  marker.hidden = true;
  list.appendChild(marker);
  return await new Promise((resolve) => {
    const started = performance.now();
    let first = null, last = null, quiet = null;
    const finish = () => {
      observer.disconnect();
      resolve(first === null ? null : {ms: first, complete_ms: last,
              items: list.querySelectorAll(".md-search-result__item").length});
    };
    const timeout = setTimeout(finish, 60000);
    const observer = new MutationObserver(() => {
      if (marker.isConnected) return;
      const now = performance.now() - started;
      if (first === null) first = now;
      last = now;
      clearTimeout(quiet);
      quiet = setTimeout(() => { clearTimeout(timeout); finish(); }, QUIET);
    });
    observer.observe(list, {childList: true, subtree: true});
    input.value = query;
    input.dispatchEvent(new KeyboardEvent("keyup", {bubbles: true}));
  });
}"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # connections kept open, as any web server does

    def setup(self):
        super().setup()
        # Headers and body go out in separate writes: without this, Nagle's algorithm holds the body
        # until the browser's delayed ACK, 40 ms on every request of a kept-open connection.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

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
            page, downloads = _page(browser)
            page.goto(url + OPENED_PAGE)
            page.wait_for_load_state("networkidle")
            result["search_open_kb"] = _search_bytes(downloads) / 1024
            page.click("input.md-search__input")
            times, complete = _material_search(page, QUERIES)
            result["search_ms"] = statistics.median(times[1:])
            result["search_complete_ms"] = statistics.median(complete[1:])
            found, times = _forgiving(page)
            result.update(forgiving_found=found, forgiving_total=len(forgiving.queries()),
                          forgiving_ms=statistics.median(times))
        finally:
            browser.close()
    return result


def _page(browser):
    """A page in a fresh browser profile (it reaches only the site: ARGS); records the bytes it downloads."""
    context = browser.new_context()
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
    times, complete, sizes = [], [], []
    for query in FIRST_QUERIES:
        page, downloads = _page(browser)
        page.add_init_script(f"({TYPED_AT_OPEN})({json.dumps(query)})")
        page.goto(url + OPENED_PAGE)
        page.wait_for_function("() => window.__settled === true", timeout=60000)
        times.append(page.evaluate("() => window.__firstAnswerMs"))
        complete.append(page.evaluate("() => window.__completeMs"))
        page.wait_for_load_state("networkidle")
        sizes.append(_search_bytes(downloads))
        page.context.close()
    return {"search_first_ms": statistics.median(times), "search_first_complete_ms": statistics.median(complete),
            "search_first_kb": statistics.median(sizes) / 1024}


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


def _material_search(page, queries: list[str]) -> tuple[list[float], list[float]]:
    times, complete, found = [], [], 0
    for query in queries:
        result = page.evaluate(TIMED_QUERY, query)
        if result is None:
            raise RuntimeError(f"search for «{query}» did not answer within a minute")
        times.append(result["ms"])
        complete.append(result["complete_ms"])
        found += bool(result["items"])
        page.evaluate(TIMED_QUERY, "")  # clear, so the next query starts from an empty box
    if not found:
        raise RuntimeError("no query showed any result: the search box is not measured")
    return times, complete
