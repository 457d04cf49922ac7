"""`mkdocs serve --dirty` while editing: a saved edit shows on its page and on every page that depends on
it (menus, cross-references, search), a failed rebuild answers every page at once with its messages,
the same mistake made again is explained again in full, a broken mkdocs.yml gets a short message, and
fixing the file brings the page back — in a real `mkdocs serve` on a scratch copy, over HTTP and in Chromium.
"""

from __future__ import annotations

import os
import json
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

from mkdocs.config import load_config

from conftest import copy_project
from edition_history import CHANGED_NEW, make_repository

# A real `mkdocs serve`, rebuilt after every edit: slow; .ci/run runs it (`pytest -m slow`).
pytestmark = pytest.mark.slow

RECRUITER = "docs/positions/recruiter.md"
TYPO = ("reports_to: hr-head\n", "reports_to: hr-haed\n")
MISSING = "должности «hr-haed» нет"
ANSWER_WITHIN = 5  # seconds: a page that takes longer is the old hang
ERROR_TITLE = "<title>Сайт не собран — ошибки в файлах</title>"
# How HR runs the preview (the printed command of README «Быстрый старт»): only stale pages are rendered again.
SERVE = ["mkdocs", "serve", "--dirty"]
KEY_ACCOUNT = "docs/positions/key-account-manager.md"
CLIENT = "docs/positions/client-manager.md"
CONSULT = "- {#consult} В случае необходимости"


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
def serving(project: Path, command: list[str] = SERVE):
    """`mkdocs serve --dirty` of `project`, as HR starts it (no PDFs, no archive: serve's defaults)."""
    port = free_port()
    log = project.parent / "serve.log"
    env = {k: v for k, v in os.environ.items() if not k.startswith("JOBDESC_")}
    env["NO_MKDOCS_2_WARNING"] = "1"  # as the README's commands set it
    with log.open("wb") as out:
        server = subprocess.Popen([sys.executable, "-m", *command, "--dev-addr", f"127.0.0.1:{port}"],
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


def text_of(html: str) -> str:
    return BeautifulSoup(html, "html.parser").get_text(" ", strip=True).replace("\xa0", " ")


def test_a_saved_edit_of_a_duty_shows_on_its_page(live):
    duty = "Ведёт учёт звонков ключевым клиентам для проверки предпросмотра."
    live.edit(KEY_ACCOUNT, CONSULT, f"- {duty}\n{CONSULT}")
    try:
        live.page_when("positions/key-account-manager/", lambda h: duty in text_of(h), "the new duty")
    finally:
        live.edit(KEY_ACCOUNT, f"- {duty}\n{CONSULT}", CONSULT)
    live.page_when("positions/key-account-manager/", lambda h: "<h1" in h and duty not in text_of(h), "the duty gone")
    assert "dirty" not in live.output(), "MkDocs' warning about dirty builds is not true here and must not show"


def test_a_new_title_shows_in_the_menu_of_other_pages(live):
    old, new = "title: Менеджер по работе с ключевыми клиентами", "title: Менеджер по ключевым клиентам"
    live.edit(KEY_ACCOUNT, old, new)
    try:
        menu = lambda h: [a.get_text(" ", strip=True) for a in BeautifulSoup(h, "html.parser").select("nav a")]
        html = live.page_when("positions/sales-head/", lambda h: "Менеджер по ключевым клиентам" in menu(h),
                              "the new title in the menu")
        assert "Менеджер по работе с ключевыми клиентами" not in menu(html)
    finally:
        live.edit(KEY_ACCOUNT, new, old)
    live.page_when("positions/sales-head/", lambda h: "Менеджер по ключевым клиентам" not in h, "the old title back")


def test_a_cross_reference_follows_the_renumbered_clause(live):
    """client-manager is not edited when key-account-manager's clause moves down: its page still says the new number."""
    reference = "- Соблюдает порядок п. [](key-account-manager.md#consult).\n\n## Права"
    said = re.compile(r"Соблюдает порядок п\. (\d+(?:\.\d+)+)")
    number = lambda h: (said.search(text_of(h)) or [None, None])[1]
    added = "- Ведёт учёт звонков ключевым клиентам."
    live.edit(CLIENT, "\n\n## Права", "\n" + reference)
    try:
        before = number(live.page_when("positions/client-manager/", number, "the reference"))
        live.edit(KEY_ACCOUNT, CONSULT, f"{added}\n{CONSULT}")
        try:
            *head, last = before.split(".")
            moved = ".".join([*head, str(int(last) + 1)])
            live.page_when("positions/client-manager/", lambda h: number(h) == moved, f"п. {moved} instead of {before}")
        finally:
            live.edit(KEY_ACCOUNT, f"{added}\n{CONSULT}", CONSULT)
        live.page_when("positions/client-manager/", lambda h: number(h) == before, f"п. {before} again")
    finally:
        live.edit(CLIENT, "\n" + reference, "\n\n## Права")
    live.page_when("positions/client-manager/", lambda h: "<h1" in h and number(h) is None, "the reference gone")


def test_the_search_index_lists_every_page_after_a_rebuild(live):
    def indexed() -> set[str]:
        status, text = live.get("search/ru/pages.json")
        return {page[0] for page in json.loads(text)["pages"]} if status == 200 else set()

    every = indexed()
    assert {"positions/recruiter/", "positions/client-manager/", "structure/"} <= every, every
    duty = "Проверяет полноту поискового указателя."
    live.edit(RECRUITER, "\n\n## Права", f"\n- {duty}\n\n## Права")
    try:
        live.page_when("positions/recruiter/", lambda h: duty in text_of(h), "the new duty")
        assert indexed() == every
    finally:
        live.edit(RECRUITER, f"\n- {duty}\n\n## Права", "\n\n## Права")
    live.page_when("positions/recruiter/", lambda h: "<h1" in h and duty not in text_of(h), "the duty gone")
    assert indexed() == every


def test_which_pages_an_edit_makes_stale(tmp_path):
    """Only a change to positions' bodies is rebuilt page by page: those positions and the pages naming them."""
    from macros.editing.incremental import fingerprint, stale_pages

    project = copy_project(tmp_path / "project")
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    pages = [p.relative_to(project / "docs").as_posix() for p in (project / "docs").rglob("*.md")]
    edit = lambda file, old, new: (project / file).write_text(
        (project / file).read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    before = fingerprint(config, pages)
    assert stale_pages(None, before) is None, "the first build renders every page"
    assert stale_pages(before, fingerprint(config, pages)) == set()
    edit(CLIENT, "\n\n## Права", "\n- Соблюдает п. [](key-account-manager.md#consult).\n\n## Права")
    referring = fingerprint(config, pages)
    assert stale_pages(before, referring) == {"positions/client-manager.md"}
    edit(KEY_ACCOUNT, CONSULT, f"- Новый пункт.\n{CONSULT}")
    naming = {page for page in pages  # a guide page may name the sample file too: it is rebuilt as well
              if "key-account-manager.md" in (project / "docs" / page).read_text(encoding="utf-8")}
    assert stale_pages(referring, fingerprint(config, pages)) == \
        {"positions/key-account-manager.md", "positions/client-manager.md"} | naming
    for file, old, new in [(KEY_ACCOUNT, "title: Менеджер", "title: Старший менеджер"),
                           ("docs/procedure.md", "\n", "\n\n"), ("mkdocs.yml", "\n", "\n\n")]:
        settled = fingerprint(config, pages)
        edit(file, old, new)
        assert stale_pages(settled, fingerprint(config, pages)) is None, f"{file}: every page renders again"
    assert stale_pages(referring, fingerprint(config, [*pages, "positions/new.md"])) is None


def test_plain_serve_shows_an_edit_too(tmp_path):
    """Without --dirty every page is rendered again on each edit: slower, the same pages."""
    with serving(copy_project(tmp_path / "project"), ["mkdocs", "serve"]) as running:
        duty = "Проверяет предпросмотр без --dirty."
        running.edit(RECRUITER, "\n\n## Права", f"\n- {duty}\n\n## Права")
        running.page_when("positions/recruiter/", lambda h: duty in text_of(h), "the new duty")
        running.edit(KEY_ACCOUNT, "title: Менеджер по работе с ключевыми клиентами", "title: Менеджер по ключевым клиентам")
        running.page_when("positions/sales-head/", lambda h: "Менеджер по ключевым клиентам" in h, "the new title")


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
