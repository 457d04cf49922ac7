"""What HR and employees see of HR's work: escaped values, the version record, a new position in one step."""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import subprocess
import sys
import threading

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, POSITIONS, QuietHandler, run_mkdocs_build

RECRUITER = "docs/positions/recruiter.md"
# Markup HR might paste, or someone might try: each piece must reach every page as visible text.
MARKUP = '<b class="injected">x</b><script>alert(1)</script></title><img class="injected" src=x onerror=alert(2)>'
HOSTILE_FIELDS = {
    "title": f"Рекрутер {MARKUP}",
    "genitive": f"рекрутера {MARKUP}",
    "dative": f"рекрутеру {MARKUP}",
    "department": f"Отдел {MARKUP}",
    "tags": [f"Отдел {MARKUP}", "специалисты"],  # tags repeat the department (the build checks)
    "aliases": [f"эйчар {MARKUP}"],
    "education": f"высшее {MARKUP}",
    "experience": f"не менее года {MARKUP}",
    "governing_documents": [f"положением {MARKUP}"],
    "approval": {"number": f"21-ОД {MARKUP}", "document": f"приказом директора {MARKUP}",
                 "official": "general-director"},
    "appointed_by": None,  # appointed as the note says, so the note is shown
    "appointment_note": f"решением собрания {MARKUP}",
    "changes": f"уточнены обязанности {MARKUP}",
    "history": [{"version": "0.9", "approved": "2025-05-05", "approval": {"number": f"5 {MARKUP}"},
                 "changes": f"первая редакция {MARKUP}"}],
}


def set_fields(path, fields: dict) -> None:
    """Replace or add front-matter fields, written as YAML flow values (JSON is valid YAML)."""
    text = path.read_text(encoding="utf-8")
    head, body = text[4:].split("\n---\n", 1)
    lines, dropping = [], False
    for line in head.splitlines():
        if not line.startswith(" "):  # a field; indented lines continue the field above
            dropping = line.split(":")[0] in fields
        if not dropping:
            lines.append(line)
    lines += [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in fields.items()]
    path.write_text("---\n" + "\n".join(lines).replace('"2025-05-05"', "2025-05-05") + "\n---\n" + body,
                    encoding="utf-8")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    from conftest import copy_project
    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    set_fields(project / RECRUITER, HOSTILE_FIELDS)
    build = run_mkdocs_build(project, project.parent / "site")
    assert build.returncode == 0, build.output
    return build


def test_markup_in_front_matter_stays_text_on_every_page(hostile):
    pages = sorted(hostile.site.rglob("*.html"))
    assert len(pages) > 5
    for html in pages:
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        name = html.relative_to(hostile.site)
        assert not soup.select(".injected"), f"{name}: markup from front matter became elements"
        assert not [s for s in soup.find_all("script") if "alert(" in s.get_text()], f"{name}: a script runs"
    page = hostile.position("recruiter")
    assert page.title.get_text().startswith(f"Рекрутер {MARKUP}"), "the title tag shows the title as written"
    assert page.find("h1").get_text() == f"Рекрутер {MARKUP}"
    assert f"Отдел {MARKUP}" in [tag.get_text() for tag in page.select(".md-tag")], "tags show as written"
    article = page.select_one("article").get_text(" ").replace("\u00a0", " ")  # «№ 21» is bound by a no-break space
    for value in ("рекрутера", "высшее", "не менее года", "положением", "№ 21-ОД", "уточнены обязанности",
                  "первая редакция", "№ 5", "решением собрания",
                  "приказом директора"):
        assert f"{value} {MARKUP}" in article, f"«{value} …» is not shown as written"
    # With navigation.prune only the current department is expanded: look at the position's own page.
    nav = [a.get_text(" ", strip=True) for a in page.select(".md-nav a")]
    assert f"Рекрутер {MARKUP}" in nav, "the navigation shows the title as written"


def test_search_index_carries_titles_as_text(hostile):
    """The search index (macros/search/index.py) stores titles and texts as plain text; the search
    worker escapes them when it shows a result (checked in the browser below)."""
    from search_support import index_entries, index_settings
    pages = json.loads((hostile.site / "search" / index_settings(hostile.site)["folder"] / "pages.json")
                       .read_text(encoding="utf-8"))["pages"]
    assert [title for url, title, _ in pages if url == "positions/recruiter/"] == [f"Рекрутер {MARKUP}"]
    entry = next(e for e in index_entries(hostile.site) if e["location"] == "positions/recruiter/")
    assert entry["title"] == f"Рекрутер {MARKUP}" and f"эйчар {MARKUP}" in entry["text"]


@pytest.mark.browser
def test_markup_in_a_title_never_runs_in_the_browser(browser, hostile):
    handler = functools.partial(QuietHandler, directory=str(hostile.site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    page = browser.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/positions/recruiter/")
        assert page.inner_text("h1") == f"Рекрутер {MARKUP}"
        assert page.locator(".doc-name").inner_text() == f"рекрутера {MARKUP}"
        page.wait_for_timeout(300)
        assert page.locator(".injected").count() == 0, "markup became elements on the page"
        assert not dialogs, f"a script from front matter ran: {dialogs}"
        # The search result shows the title (highlighted) and the other names as text, too.
        from search_support import search_results
        search_results(page, "рекрутер")
        assert page.locator(".md-search-result__item h1").first.inner_text() == f"Рекрутер {MARKUP}"
        page.wait_for_timeout(300)
        assert page.locator(".injected").count() == 0, "markup in the search results became elements"
        assert not dialogs, f"a script from front matter ran in the search results: {dialogs}"
    finally:
        page.close()
        server.shutdown()


@pytest.mark.parametrize("slug", POSITIONS)
def test_every_position_shows_its_version_record(site, slug):
    page = site.position(slug)
    text = (ROOT / "docs" / "positions" / f"{slug}.md").read_text(encoding="utf-8")
    version = re.search(r'^version: "?([\d.]+)', text, re.M).group(1)
    number = re.search(r'^  (?:number|protocol): "?([^"\n]+)', text, re.M).group(1)
    order = f"№\u00a0{number}"
    line = page.select_one(".doc-version")
    assert "screen-only" not in line["class"], "the version line must print"
    assert line.get_text() == f"Редакция {version}", "the edition is named once; the stamp carries date and number"
    assert order in page.select_one(".doc-stamp").get_text(), f"{slug}: the stamp lacks «{order}»"
    record = page.select_one(".doc-record.screen-only")
    assert re.search(r"Последнее изменение: \d\d\.\d\d\.\d{4}", record.get_text())
    edit = record.select_one("a.doc-edit")
    assert edit.get_text() == "Редактировать"
    assert edit["href"].endswith(f"/docs/positions/{slug}.md"), "«Редактировать» opens the position's own file"
    assert page.select_one("a.md-content__button[rel=edit]")["href"] == edit["href"]
    current = page.select_one(".doc-history.screen-only tr.doc-history-current").get_text(" ")
    assert f"{version} (действующая)" in current and order in current


def test_history_lists_every_approved_version_newest_first(hostile):
    rows = [[td.get_text() for td in tr.select("td")]
            for tr in hostile.position("recruiter").select(".doc-history tbody tr")]
    assert [row[0] for row in rows] == ["1.1 (действующая)", "0.9"]
    assert rows[0][1] == "04.12.2026" and rows[1][1] == "05.05.2025"
    assert rows[1][3] == f"первая редакция {MARKUP}"


def test_outside_git_the_last_change_is_the_approval_date(hostile):
    record = hostile.position("key-account-manager").select_one(".doc-record").get_text()
    assert "Последнее изменение: 04.12.2026" in record


def git(project, *args, date: str) -> None:
    env = dict(os.environ, GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    subprocess.run(["git", "-c", "user.name=HR", "-c", "user.email=hr@example.local", *args],
                   cwd=project, env=env, check=True, capture_output=True)


@pytest.mark.slow  # a scratch repository built
def test_last_change_comes_from_git(scratch, tmp_path):
    git(scratch, "init", "-q", date="2026-03-01T10:00:00")
    git(scratch, "add", "-A", date="2026-03-01T10:00:00")
    git(scratch, "commit", "-qm", "Все должности", date="2026-03-01T10:00:00")
    recruiter = scratch / RECRUITER
    recruiter.write_text(recruiter.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    git(scratch, "commit", "-qam", "Правка рекрутера", date="2026-03-17T10:00:00")
    build = run_mkdocs_build(scratch, tmp_path / "site")
    assert build.returncode == 0, build.output
    assert "Последнее изменение: 17.03.2026" in build.position("recruiter").select_one(".doc-record").get_text()
    assert "Последнее изменение: 01.03.2026" in build.position("hr-head").select_one(".doc-record").get_text()


def test_a_new_position_in_one_step(scratch, tmp_path):
    command = [sys.executable, "-m", "macros.new_position", "Главный бухгалтер", "--department", "Бухгалтерия",
               "--category", "руководители", "--reports-to", "general-director"]
    created = subprocess.run(command, cwd=scratch, capture_output=True, text=True)
    assert created.returncode == 0, created.stderr
    assert "glavnyy-bukhgalter.md" in created.stdout and "главного бухгалтера" in created.stdout
    assert "Проверьте падежи" in created.stdout, "HR is told to check the guessed cases"
    again = subprocess.run(command, cwd=scratch, capture_output=True, text=True)
    assert again.returncode != 0 and "уже" in again.stderr, "the command never overwrites a position"

    build = run_mkdocs_build(scratch, tmp_path / "site")
    assert build.returncode == 0, build.output
    page = build.position("glavnyy-bukhgalter")
    assert page.find("h1").get_text() == "Главный бухгалтер"
    assert page.select_one(".doc-name").get_text() == "главного бухгалтера"
    sections = [h.get_text(" ", strip=True) for h in page.select("article h2[id^='section-']")]
    assert sections == ["1. Общие положения", "2. Должностные обязанности", "3. Права", "4. Ответственность"]
    provisions = page.select_one("li[data-clause='1.1']").parent.get_text(" ").replace("\u00a0", " ")
    assert "Главный бухгалтер относится к категории руководителей" in provisions
    assert "Непосредственный руководитель главного бухгалтера — генеральный директор" in provisions
    assert page.select("li[data-clause^='2.']"), "the duties section has numbered placeholder duties"
    assert page.select_one(".doc-signatures"), "a draft is drafted and agreed like any instruction"
    assert not page.select_one(".doc-acknowledgement"), "a new position is a draft: nobody acknowledges it yet"
    home = build.page("")
    assert home.select_one("a[href='positions/glavnyy-bukhgalter/']"), "the catalog lists the new position"


def test_the_guide_documents_every_front_matter_field():
    """The site's guide page «Поля данных должности» explains every field with the schema's own words."""
    from macros.checks.fields import schema
    guide = (ROOT / "docs" / "guide" / "fields.md").read_text(encoding="utf-8")
    properties = schema()["properties"]
    fields = list(properties) + list(properties["history"]["items"]["properties"])
    missing = [name for name in fields if f"`{name}`" not in guide]
    assert not missing, f"docs/guide/fields.md does not explain the fields {missing}"
    for name, spec in properties.items():
        row = next((line for line in guide.splitlines() if line.startswith(f"| `{name}`")), "")
        assert spec["description"] in row, f"docs/guide/fields.md: the row of `{name}` must carry the schema's description"


def test_the_old_format_note_is_gone_and_the_git_host_files_exist():
    assert not (ROOT / "docs" / "positions" / "_FORMAT.txt").exists()
    workflow = (ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8")
    assert "pull_request:" in workflow and "mkdocs build --strict" in workflow
    # .ci/run runs the README's test command verbatim: tests/test_quick_start.py
    assert "run: .ci/run" in workflow and "-m pytest" in (ROOT / ".ci" / "run").read_text(encoding="utf-8"), \
        "every pull request runs the README's test command"
    assert "isolated" in workflow and "WITHOUT secrets" in workflow, "the workflow warns that macros run code"
    assert "fetch-depth: 0" in workflow, "the last-change dates need the full git history"
    assert (ROOT / ".github" / "pull_request_template.md").is_file()
