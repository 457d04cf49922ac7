"""Search speed as a user sees it: queries typed into Material's search box in Debian's Chromium."""

from __future__ import annotations

import contextlib
import functools
import http.server
import statistics
import threading
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
        "--disable-background-networking", "--disable-component-update"]
QUERIES = ["дебиторской задолженности", "инвентаризацию", "ключевыми клиентами", "начальник отдела логистики",
           "коммерческую тайну", "график визитов", "подбор персонала", "маршруты доставки",
           "повышение квалификации", "претензионную работу", "бюджет подразделения"]

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
    """First query (includes loading the index) and the median of the following ones, in ms."""
    if not Path(CHROMIUM).exists():
        return {}
    from playwright.sync_api import sync_playwright

    with served(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(url)
                   else route.abort())
        page.goto(url)
        page.click("input.md-search__input")
        times = _material_search(page)
        browser.close()
    first, rest = times[0], times[1:]
    return {"search_first_ms": first, "search_ms": statistics.median(rest)}


def _material_search(page) -> list[float]:
    times, found = [], 0
    for query in QUERIES:
        result = page.evaluate(TIMED_QUERY, query)
        if result is None:
            raise RuntimeError(f"search for «{query}» did not answer within a minute")
        times.append(result["ms"])
        found += bool(result["items"])
        page.evaluate(TIMED_QUERY, "")  # clear, so the next query starts from an empty box
    if not found:
        raise RuntimeError("no query showed any result: the search box is not measured")
    return times
