"""`mkdocs serve` while editing: a failed rebuild answers every page at once with its messages, the same
mistake made again is explained again in full, a broken mkdocs.yml gets a short message, and fixing
the file brings the page back — in a real `mkdocs serve` on a scratch copy, over HTTP and in Chromium.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import copy_project
from edition_history import CHANGED_NEW, make_repository

# A real `mkdocs serve`, rebuilt after every edit: slow; .ci/run runs it (`pytest -m slow`).
pytestmark = pytest.mark.slow

RECRUITER = "docs/positions/recruiter.md"
TYPO = ("reports_to: hr-head\n", "reports_to: hr-haed\n")
MISSING = "должности «hr-haed» нет"
ANSWER_WITHIN = 5  # seconds: a page that takes longer is the old hang
ERROR_TITLE = "<title>Сайт не собран — ошибки в файлах</title>"


@dataclass
class Live:
    project: Path
    url: str
    log: Path

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def get(self, path: str, answer_within: float = ANSWER_WITHIN) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(self.url + path, timeout=answer_within) as answer:
                return answer.status, answer.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8", "replace")

    def edit(self, file: str, old: str, new: str) -> None:
        path = self.project / file
        text = path.read_text(encoding="utf-8")
        assert old in text, f"the test's edit does not apply: {old!r} is not in {file}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def page_when(self, path: str, ready, what: str, timeout: float = 60, answer_within: float = ANSWER_WITHIN) -> str:
        """The page once `ready(html)` holds; every request must answer within `answer_within` seconds."""
        deadline = time.monotonic() + timeout
        while True:
            started = time.monotonic()
            status, html = self.get(path, answer_within)  # a hanging request raises a timeout here
            assert time.monotonic() - started < answer_within, f"{path} took too long to answer"
            if ready(html):
                assert status == 200, f"{path} answered {status}"
                return html
            assert time.monotonic() < deadline, f"{path} never showed {what}; last answer:\n{html[:2000]}\n" \
                                                f"serve printed:\n{self.output()[-3000:]}"
            time.sleep(0.3)

    def error_page(self, path: str = "positions/recruiter/") -> BeautifulSoup:
        html = self.page_when(path, lambda h: ERROR_TITLE in h, "the error page")
        return BeautifulSoup(html, "html.parser")

    def real_page(self, path: str = "positions/recruiter/") -> BeautifulSoup:
        html = self.page_when(path, lambda h: ERROR_TITLE not in h and "<h1" in h, "the real page")
        return BeautifulSoup(html, "html.parser")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def serving(project: Path):
    """`mkdocs serve` of `project`, as HR starts it (no PDFs, no archive: serve's defaults)."""
    port = free_port()
    log = project.parent / "serve.log"
    env = {k: v for k, v in os.environ.items() if not k.startswith("JOBDESC_")}
    env["NO_MKDOCS_2_WARNING"] = "1"  # as the README's commands set it
    with log.open("wb") as out:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                                  cwd=project, stdout=out, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    running = Live(project, f"http://127.0.0.1:{port}/", log)
    try:
        deadline = time.monotonic() + 120
        while "Serving on" not in running.output():
            assert server.poll() is None and time.monotonic() < deadline, f"serve did not start:\n{running.output()}"
            time.sleep(0.2)
        running.url = re.search(r"Serving on (\S+)", running.output()).group(1)  # with site_url's path, if any
        running.real_page()
        yield running
    finally:
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    with serving(copy_project(tmp_path_factory.mktemp("serve") / "project")) as running:
        yield running


def test_a_failed_rebuild_answers_every_page_at_once_with_its_messages(live):
    live.edit(RECRUITER, *TYPO)
    try:
        page = live.error_page()
        problem = page.select_one("ol li")
        where, what, fix = (problem.select_one(c).get_text(" ", strip=True) for c in (".where", ".what", ".fix"))
        assert "docs/positions/recruiter.md" in where and "строка 10" in where and "reports_to" in where, where
        assert MISSING in what, what
        assert "hr-head" in fix and fix.startswith("Как исправить"), fix
        # Every page, including ones that do not exist, shows the same list until the file is fixed.
        for other in ("", "positions/sales-head/", "structure/", "no/such/page/", "index.html"):
            assert MISSING in live.error_page(other).get_text(), other
        # Assets are still served by MkDocs as before.
        status, _ = live.get("assets/stylesheets/jobdesc.css")
        assert status in (200, 404)
    finally:
        live.edit(RECRUITER, TYPO[1], TYPO[0])
    assert live.real_page().h1.get_text(strip=True) == "Менеджер по подбору персонала"
    assert "Traceback" not in live.output()


def test_the_same_mistake_made_again_is_explained_again_in_full(live):
    before = live.output().count(MISSING)
    for _ in range(2):
        live.edit(RECRUITER, *TYPO)
        live.error_page()
        live.edit(RECRUITER, TYPO[1], TYPO[0])
        live.real_page()
    output = live.output()
    assert output.count(MISSING) == before + 2, \
        f"each failed rebuild must print the whole explanation, not only 'Aborted with a BuildError!':\n{output}"
    assert output.count("Как исправить: возможно, имелось в виду hr-head") >= 2
    assert "appear stuck" not in output  # MkDocs' own notice: the server is no longer stuck


def test_a_broken_mkdocs_yml_gets_a_short_message_and_no_traceback(live):
    config = live.project / "mkdocs.yml"
    good = config.read_text(encoding="utf-8")
    start = len(live.output())
    config.write_text(good + "site_name: [\n", encoding="utf-8")
    try:
        text = live.error_page("positions/hr-head/").get_text(" ", strip=True)
        assert "mkdocs.yml" in text and "line" in text, text
        deadline = time.monotonic() + 10
        while "Сайт не пересобран" not in live.output()[start:]:
            assert time.monotonic() < deadline, live.output()[start:]
            time.sleep(0.2)
    finally:
        config.write_text(good, encoding="utf-8")
    live.real_page("positions/hr-head/")
    printed = live.output()[start:]
    assert "Traceback" not in printed, printed
    failure = printed[printed.index("Building documentation"):printed.index("Сайт не пересобран")]
    assert len(failure.strip().splitlines()) <= 6, f"the message about mkdocs.yml is not short:\n{failure}"
    assert "mkdocs.yml" in failure and "line" in failure


def test_strict_warnings_are_listed_on_the_page(live):
    link = "\nСм. [порядок](no-such-page.md).\n"
    path = live.project / "docs/procedure.md"
    good = path.read_text(encoding="utf-8")
    path.write_text(good + link, encoding="utf-8")
    try:
        text = live.error_page("procedure/").get_text(" ", strip=True)
        assert "Предупреждение" in text and "no-such-page.md" in text, text
        assert "в строгом режиме (strict) предупреждения считаются ошибками — предупреждений: 1" in text, text
    finally:
        path.write_text(good, encoding="utf-8")
    live.real_page("procedure/")


def test_the_message_list_shows_hr_text_as_text(live):
    live.edit(RECRUITER, "reports_to: hr-head\n", 'reports_to: "<img src=x onerror=alert(1)>"\n')
    try:
        page = live.error_page()
        assert "<img src=x onerror=alert(1)>" in page.get_text()
        assert page.find("img") is None
        assert not page.find_all(src=True) and not page.find_all(href=re.compile(r"^(https?:)?//"))
    finally:
        live.edit(RECRUITER, 'reports_to: "<img src=x onerror=alert(1)>"\n', "reports_to: hr-head\n")
    live.real_page()


@pytest.mark.browser
def test_an_open_page_turns_into_the_message_list_and_back(live, browser, tmp_path):
    """What HR sees: the page in the browser follows the file without touching the browser."""
    context = browser.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(live.url + "positions/recruiter/")
    page.wait_for_selector("li[data-clause]")
    live.edit(RECRUITER, *TYPO)
    try:
        page.wait_for_selector("text=Сайт не собран", timeout=30_000)  # MkDocs' livereload reloaded it
        assert MISSING in page.inner_text("ol")
        wide = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert wide <= 0, f"the message list scrolls sideways on a phone by {wide}px"
        page.screenshot(path=str(tmp_path / "error-390.png"), full_page=True)
        page.set_viewport_size({"width": 1366, "height": 800})
        page.screenshot(path=str(tmp_path / "error-1366.png"), full_page=True)
    finally:
        live.edit(RECRUITER, TYPO[1], TYPO[0])
    page.wait_for_selector("li[data-clause]", timeout=30_000)  # the error page reloaded itself
    assert page.inner_text("h1") == "Менеджер по подбору персонала"
    assert not errors, errors
    context.close()


def test_a_clause_changed_without_a_new_edition_is_reported_by_serve(tmp_path):
    """The same check as `mkdocs build` and CI: an approved edition does not change silently while editing
    either; serve renders just the two states of the changed position, and the page comes back once undone."""
    with serving(make_repository(tmp_path)) as running:
        running.edit(RECRUITER, CHANGED_NEW, CHANGED_NEW.replace("тесты", "тесты, кейсы"))
        try:
            # The rebuild renders the position's two states (a build of its own): pages wait for it meanwhile.
            page = running.page_when("positions/recruiter/", lambda h: ERROR_TITLE in h, "the error page",
                                     timeout=120, answer_within=60)
            problem = BeautifulSoup(page, "html.parser").select_one("ol li")
            where, what, fix = (problem.select_one(c).get_text(" ", strip=True) for c in (".where", ".what", ".fix"))
            assert "docs/positions/recruiter.md" in where and "version" in where, where
            assert "печатный текст утверждённой редакции 1.2 изменился" in what and "п. 2.2 изменён" in what, what
            assert 'version: "1.3"' in fix and "corrections" in fix, fix
        finally:
            running.edit(RECRUITER, CHANGED_NEW.replace("тесты", "тесты, кейсы"), CHANGED_NEW)
        back = running.page_when("positions/recruiter/", lambda h: ERROR_TITLE not in h and "<h1" in h,
                                 "the real page", timeout=120, answer_within=60)
        assert BeautifulSoup(back, "html.parser").h1.get_text(strip=True) == "Менеджер по подбору персонала"
        assert "Traceback" not in running.output()
