"""A pull request can change the text and nothing else (issue 12): the hostile-input corpus.

Under CONTRIBUTING a change to docs/ is approved by HR alone and published by the intranet runner,
so everything below is what someone with HR's rights could try. Each input either

- stops the build with the file, the line and the fix, no traceback, and the last good site left
  byte for byte as it was (REFUSED: every case refused in-process by the prepare stage, which runs the
  build's own checks and page conversion; a real build for one case of each kind in every run, for all
  of them in the slow run), or
- builds, and then the page shows the input as typed text: opened in Chromium it runs no script,
  opens no dialog and requests nothing from another host (SHOWN_AS_TEXT; all of them are applied
  to one scratch copy and built once).
"""

from __future__ import annotations

import functools
import http.server
import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

from conftest import QuietHandler, copy_project, require_tool, run_mkdocs_build
from search_support import open_search, search_results
from edits import (KAM, RECRUITER, BadInput, end_to_end, good_site, in_process, line_of, refused_build,
                   refused_by_prepare, replace, write)

CLIENT = "docs/positions/client-manager.md"
SALES_HEAD = "docs/positions/sales-head.md"
HR_HEAD_FILE = "docs/positions/hr-head.md"
FIX = "Как исправить:"
EVIL = "https://evil.example"


def before_rights(snippet: str, file: str = RECRUITER):
    """HR's text inserted as a paragraph of its own just above «## Права»: it starts on that line."""
    return replace(file, "\n## Права\n", f"\n{snippet}\n\n## Права\n")


def rights_line(file: str = RECRUITER) -> str:
    return f"{file}:{line_of(file, '## Права')}"


def field(file: str, name: str, value: str):
    """Replace a front-matter field's line with `name: value` (value written as YAML)."""
    def edit(project: Path) -> None:
        path = project / file
        lines = path.read_text(encoding="utf-8").split("\n")
        index = next(i for i, line in enumerate(lines) if line.startswith(f"{name}:"))
        lines[index] = f"{name}: {value}"
        path.write_text("\n".join(lines), encoding="utf-8")
    return edit


def both(*edits):
    def edit(project: Path) -> None:
        for one in edits:
            one(project)
    return edit


def symlink(link: str, target: str):
    def edit(project: Path) -> None:
        path = project / link
        path.parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target, path)
    return edit


def moved(folder: str, target: str):
    """A folder of the project moved elsewhere (a path relative to the project), as a symlink would reach it."""
    def edit(project: Path) -> None:
        (project / folder).rename(project / target)
    return edit


def outside_file(name: str, text: str):
    """A file outside the project (its parent folder), as a symlink would reach it."""
    def edit(project: Path) -> None:
        (project.parent / name).write_text(text, encoding="utf-8")
    return edit


def encoded(file: str, encoding: str):
    def edit(project: Path) -> None:
        path = project / file
        path.write_bytes(path.read_text(encoding="utf-8").encode(encoding, errors="replace"))  # «№» has no KOI8 code
    return edit


def crlf(file: str):
    def edit(project: Path) -> None:
        path = project / file
        path.write_bytes(path.read_text(encoding="utf-8").replace("\n", "\r\n").encode("utf-8"))
    return edit


def mkdocs_line(text: str) -> str:
    return f"mkdocs.yml:{line_of('mkdocs.yml', text)}"


ALIAS_BOMB = "\n".join(
    ["bomb0: &b0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    + [f"bomb{i}: &b{i} [{', '.join([f'*b{i - 1}'] * 9)}]" for i in range(1, 10)])
TITLE = "title: Менеджер по подбору персонала"

REFUSED = [
    # Template syntax: a page's only template syntax is a plain call of the site's macros.
    BadInput("Jinja reaching os through lipsum",
             before_rights("{{ lipsum.__globals__['os'].popen('id').read() }}"),
             [rights_line(), "только вызов макроса сайта", FIX]),
    BadInput("the configuration", before_rights("Настройки: {{ config }}"), [rights_line(), "{{ config }}", FIX]),
    BadInput("the environment", before_rights("{{ environment.variables }}"), [rights_line(), FIX]),
    BadInput("git details", before_rights("{{ git.short_commit }}"), [rights_line(), FIX]),
    BadInput("the plugin's own macro", before_rights("{{ macros_info() }}"),
             [rights_line(), "неизвестный макрос «macros_info()»", FIX]),
    BadInput("a macro with an argument", before_rights("{{ signatures('x') }}"), [rights_line(), FIX]),
    BadInput("an include of a file", before_rights('{% include "../mkdocs.yml" %}'), [rights_line(), FIX]),
    BadInput("a Jinja block", before_rights("{% for i in range(9) %}x{% endfor %}"), [rights_line(), FIX]),
    BadInput("a Jinja comment", before_rights("{## скрыто ##}"), [rights_line(), FIX]),
    BadInput("a stray brace pair", before_rights("Текст }} и {{ без конца"), [rights_line(), FIX]),
    BadInput("a page switching Jinja on itself",
             replace("docs/procedure.md", "title:", "render_macros: true\ntitle:"),
             ["docs/procedure.md:2", "render_macros", "force_render_paths"]),
    BadInput("an instruction macro outside a position",
             replace("docs/procedure.md", "## Кто разрабатывает инструкцию", "{{ signatures() }}\n\n## Кто разрабатывает инструкцию"),
             [f"docs/procedure.md:{line_of('docs/procedure.md', '## Кто разрабатывает инструкцию')}",
              "только в файлах должностей"]),
    # Raw HTML: printed as text and refused with its line.
    BadInput("a script", before_rights("<script>alert(1)</script>"), [rights_line(), "«<script>", FIX]),
    BadInput("an image with onerror", before_rights("Текст <img src=x onerror=alert(1)> текст"),
             [rights_line(), "HTML-разметка", "onerror"]),
    BadInput("an iframe", before_rights(f'<iframe src="{EVIL}/"></iframe>'), [rights_line(), "«<iframe"]),
    BadInput("svg onload", before_rights("<svg onload=alert(1)></svg>"), [rights_line(), "«<svg"]),
    BadInput("a raw javascript link", before_rights('Нажмите <a href="javascript:alert(1)">сюда</a>'),
             [rights_line(), "HTML-разметка"]),
    BadInput("a style block with an outside url",
             before_rights(f"<style>body {{ background: url({EVIL}/x.png) }}</style>"), [rights_line(), "«<style>"]),
    BadInput("an HTML comment (Python-Markdown and HTML5 disagree on where one ends)",
             before_rights("Видимый текст <!-- заметка для себя -->"), [rights_line(), "HTML-комментарий", FIX]),
    BadInput("a forged form placeholder", before_rights("<!--jobdesc-verbatim signatures 0123456789abcdef0123-->"),
             [rights_line(), "jobdesc-verbatim"]),
    # Markdown that would become active content or an outside request.
    BadInput("a javascript: link", before_rights("Смотрите [здесь](javascript:alert(1))."),
             [rights_line(), "«javascript:alert(1)»", "http://, https://, mailto:, tel:"]),
    BadInput("a javascript: link in mixed case", before_rights("[тык](JaVaScRiPt:alert(1))"), [rights_line()]),
    BadInput("a data: link", before_rights("[тык](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"),
             [rights_line(), "data:text/html"]),
    BadInput("a vbscript: link", before_rights("[тык](vbscript:msgbox)"), [rights_line()]),
    BadInput("an image from another host", before_rights(f"![схема]({EVIL}/x.png)"),
             [rights_line(), f"«{EVIL}/x.png»", "docs/assets/"]),
    BadInput("a protocol-relative image", before_rights("![схема](//evil.example/x.png)"), [rights_line()]),
    BadInput("a block type that hides text from print", before_rights('!!! screen-only "Не печатается"\n    Текст.'),
             [rights_line(), "«screen-only»", "!!! reference"]),
    BadInput("a Mermaid diagram written by hand",
             before_rights(f"```mermaid\ngraph TD; A[\"<img src='{EVIL}/m.png'>\"]\n```"), [rights_line(), "Mermaid"]),
    BadInput("an empty link", before_rights("См. [](https://example.org/)."), [rights_line(), "без текста"]),
    # Front matter: plain data, never markup for YAML.
    BadInput("a YAML alias bomb", replace(RECRUITER, TITLE, f"{TITLE}\n{ALIAS_BOMB}"),
             [f"{RECRUITER}:3", "знака &", "возьмите значение в кавычки"]),
    BadInput("a YAML alias", replace(RECRUITER, "dative: менеджеру по подбору персонала", "dative: *title"),
             [f"{RECRUITER}:{line_of(RECRUITER, 'dative:')}", "знака *"]),
    BadInput("a YAML tag asking for a Python object",
             replace(RECRUITER, "education: высшее", 'education: !!python/object/apply:os.system ["id"]'),
             [f"{RECRUITER}:{line_of(RECRUITER, 'education:')}", "знака !"]),
    BadInput("an oversized front matter", replace(RECRUITER, TITLE, f"{TITLE}\nnotes: \"{'x' * 70000}\""),
             [f"{RECRUITER}:2", "слишком большой"]),
    # Only the repository's own files.
    BadInput("a symlink to a system file", symlink("docs/assets/passwd.txt", "/etc/passwd"),
             ["docs/assets/passwd.txt: символическая ссылка (указывает на /etc/passwd): в сайт попадают только "
              "собственные файлы репозитория", f"{FIX} удалите ссылку и положите на её место сам файл (копию), "
              "если он нужен на сайте"]),
    BadInput("a symlinked position from outside the repository",
             both(outside_file("evil.md", "---\ntitle: x\n---\n"), symlink("docs/positions/evil.md", "../../../evil.md")),
             ["docs/positions/evil.md", "символическая ссылка"]),
    BadInput("a symlink in the theme overrides", symlink("overrides/partials/x.html", "/etc/hostname"),
             ["overrides/partials/x.html", "символическая ссылка"]),
    BadInput("a symlink among the templates", symlink("macros/templates/x.md", "/etc/hostname"),
             ["macros/templates/x.md", "символическая ссылка"]),
    # The linked folder is the one problem: nothing is read through it, not even the links it holds.
    BadInput("a symlinked templates folder", both(moved("macros/templates", "../templates-outside"),
                                                  symlink("macros/templates", "../../templates-outside"),
                                                  symlink("../templates-outside/x.md", "/etc/hostname")),
             ["Найдено ошибок в должностях: 1.",
              "macros/templates: символическая ссылка (указывает на ../../templates-outside)"]),
    # The company's settings are validated like a position.
    BadInput("no approving official", replace("mkdocs.yml", "    official: general-director\n", ""),
             [mkdocs_line("  approval:"), "extra.approval.official", "обязательное поле", "general-director"]),
    BadInput("agreed_by as one string",
             replace("mkdocs.yml", "agreed_by: [hr-head, Юрисконсульт]", "agreed_by: Юрисконсульт"),
             [mkdocs_line("agreed_by:"), "extra.signatories.agreed_by", "ожидается список"]),
    BadInput("a synonym group as one string", replace("mkdocs.yml", "    - [кадры, персонал]", "    - кадры персонал"),
             [mkdocs_line("[кадры, персонал]"), "extra.search_synonyms", "ожидается список"]),
    BadInput("acknowledgement rows as text", replace("mkdocs.yml", "acknowledgement_rows: 12", 'acknowledgement_rows: "12"'),
             [mkdocs_line("acknowledgement_rows:"), "ожидается целое число"]),
    BadInput("a misspelt company key", replace("mkdocs.yml", "    city: Москва", "    sity: Москва"),
             [mkdocs_line("city: Москва"), "sity", "возможно, имелось в виду city"]),
    # Encodings are named correctly.
    BadInput("UTF-16 with a BOM", encoded(RECRUITER, "utf-16"), [f"{RECRUITER}:1", "UTF-16 LE", "iconv -f utf-16"]),
    BadInput("KOI8-R", encoded(RECRUITER, "koi8_r"), [RECRUITER, "KOI8-R", "iconv -f koi8-r"]),
    BadInput("DOS 866", encoded(RECRUITER, "cp866"), [RECRUITER, "cp866"]),
    BadInput("a non-position page in Windows-1251", encoded("docs/procedure.md", "cp1251"),
             ["docs/procedure.md", "Windows-1251"]),
    # Labels and references: never a wrong or an empty link.
    BadInput("a label equal to a generated clause id",
             replace(RECRUITER, "- Исполняет служебные поручения", "- {#p2-1} Исполняет служебные поручения"),
             [f"{RECRUITER}:{line_of(RECRUITER, '- Исполняет служебные поручения')}", "{#p2-1}", "сборка сама даёт"]),
    BadInput("a label equal to a generated section id",
             replace(RECRUITER, "- Исполняет служебные поручения", "- {#section-3} Исполняет служебные поручения"),
             ["{#section-3}", "сборка сама даёт"]),
    BadInput("a reference to a position that does not exist", before_rights("См. п. [](recruter.md#consult)."),
             [rights_line(), "нет файла docs/positions/recruter.md", "возможно, имелось в виду recruiter.md"]),
    BadInput("a reference to a label another position lacks", before_rights("См. п. [](key-account-manager.md#nothing)."),
             [rights_line(), f"нет в {KAM}", "consult"]),
]


@dataclass
class ShownAsText:
    """Input that builds: the page shows it as typed and does nothing else."""

    name: str
    edit: Callable[[Path], None]
    page: str          # the page that shows it
    shows: list[str]   # text the page must show exactly as typed

    def __str__(self) -> str:
        return self.name


JS_LINK = "[x](javascript:alert(1))"
CHART_TITLE = f"Менеджер <img src='{EVIL}/chart.png'> по ключевым `клиентам` -->"
OUT_IMAGE = f"![x]({EVIL}/fm.png)"
SHOWN_AS_TEXT = [
    ShownAsText("Jinja in a title", field(SALES_HEAD, "title", '"Руководитель {{ config.extra }} отдела"'),
                "positions/sales-head/", ["Руководитель {{ config.extra }} отдела"]),
    ShownAsText("a Markdown link in the genitive", field(RECRUITER, "genitive", f'"менеджера {JS_LINK}"'),
                "positions/recruiter/", [f"должность менеджера {JS_LINK}"]),
    ShownAsText("an outside image in experience", field(RECRUITER, "experience", f'"не менее года {OUT_IMAGE}"'),
                "positions/recruiter/", [f"стаж работы не менее года {OUT_IMAGE}"]),
    ShownAsText("an outside image in a department",
                both(field(HR_HEAD_FILE, "department", f'"Кадры {OUT_IMAGE}"'),
                     field(HR_HEAD_FILE, "tags", f'["Кадры {OUT_IMAGE}", руководители]')),
                "", [f"Кадры {OUT_IMAGE}"]),
    ShownAsText("a table bar and emphasis in a title",
                field(CLIENT, "title", '"Менеджер | по *работе* с _клиентами_"'),
                "", ["Менеджер | по *работе* с _клиентами_"]),
    ShownAsText("HTML in a title reaching the org chart", field(KAM, "title", f'"{CHART_TITLE}"'), "", [CHART_TITLE]),
    ShownAsText("a section injected through a line break",
                field(RECRUITER, "education", '"высшее\\n\\n## Права\\n\\n- Лишнее право"'),
                "positions/recruiter/", ["высшее ## Права - Лишнее право образование"]),
    ShownAsText("a plain link to another site", before_rights("Подробнее на [сайте](https://example.org/).", KAM),
                "positions/key-account-manager/", ["Подробнее на сайте"]),
    ShownAsText("an autolink", before_rights("Адрес: <https://example.org/>.", KAM),
                "positions/key-account-manager/", ["Адрес: https://example.org/"]),
    ShownAsText("a script shown as code", before_rights("```html\n<script>alert(1)</script>\n```", CLIENT),
                "positions/client-manager/", ["<script>alert(1)</script>"]),
    ShownAsText("HTML inside a code span", before_rights("Тег `<img src=x onerror=alert(1)>` не пишут.", CLIENT),
                "positions/client-manager/", ["<img src=x onerror=alert(1)>"]),
    ShownAsText("a file saved with Windows line ends", crlf(SALES_HEAD), "positions/sales-head/",
                ["Должностные обязанности"]),
    ShownAsText("a file with a BOM", encoded(HR_HEAD_FILE, "utf-8-sig"), "positions/hr-head/", ["Права"]),
    # A page without `title:` is named by its first heading, which the theme unescapes into <title>.
    ShownAsText("a closing title tag in the first heading of a page without a title",
                write("docs/notes.md", "# Заметка &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;\n\nТекст.\n"),
                "notes/", ["Заметка </title><script>alert(1)</script>"]),
    ShownAsText("a reference to another position's clause",
                before_rights("Соблюдает п. [](key-account-manager.md#consult).", CLIENT), "positions/client-manager/",
                ["Соблюдает п. 2.7 должностной инструкции менеджера по работе с ключевыми клиентами"]),
]


@pytest.fixture(scope="module")
def published(tmp_path_factory, plain_site):
    """A good site built once; every refused build below targets this very folder."""
    return good_site(tmp_path_factory, plain_site)


def test_the_corpus_has_at_least_forty_cases():
    assert len(REFUSED) + len(SHOWN_AS_TEXT) >= 40


@pytest.mark.parametrize("bad", in_process(REFUSED), ids=str)
def test_hostile_input_is_refused_before_any_page_is_written(bad, tmp_path):
    refused_by_prepare(bad, tmp_path)


# A real build in every run for one case of each way the build refuses: a check before any page is
# converted (template syntax, a symlink) and a refusal found while a page is converted (raw HTML).
EVERY_RUN = {"Jinja reaching os through lipsum", "a symlink to a system file", "a script"}


@pytest.mark.parametrize("bad", end_to_end(REFUSED, EVERY_RUN), ids=str)
def test_hostile_input_is_refused_and_the_last_good_site_stays(bad, published, tmp_path):
    refused_build(bad, published, tmp_path)


@pytest.fixture(scope="module")
def shown(tmp_path_factory):
    """Every input that builds, in one scratch copy, built once."""
    project = copy_project(tmp_path_factory.mktemp("shown") / "project")
    for case in SHOWN_AS_TEXT:
        case.edit(project)
    with pytest.MonkeyPatch.context() as env:
        env.setenv("JOBDESC_ARCHIVE", "1")  # as a real build: the editions in force also go through the archive
        build = run_mkdocs_build(project, project.parent / "site")
    assert build.returncode == 0, build.output
    return build


@pytest.mark.parametrize("case", SHOWN_AS_TEXT, ids=str)
def test_input_that_builds_is_shown_as_typed(case, shown):
    page = shown.page(case.page)
    text = "".join(page.select_one("article").get_text().split())  # highlighted code is split into tokens
    for expected in case.shows:
        assert "".join(expected.split()) in text, f"«{expected}» is not on /{case.page} as typed"
    assert not [s for s in page.find_all("script") if "alert(" in s.get_text()], "a script from the input"
    assert not page.select(f'article [src^="{EVIL}"], article a[href^="javascript"]'), "active markup from the input"


def test_front_matter_text_reaches_the_catalog_table_intact(shown):
    row = next(tr for tr in shown.page("").select("table tr") if "Менеджер | по" in tr.get_text())
    cells = row.find_all("td")
    assert len(cells) == 3 and cells[0].find("a"), "the bar in the title broke the catalog row or lost its link"
    # Every character as typed; only a space may have become the typography's no-break space («с _клиентами_»).
    assert cells[0].get_text().replace("\u00a0", " ") == "Менеджер | по *работе* с _клиентами_"


def test_a_line_break_in_a_value_adds_no_section(shown):
    headings = [h.get_text(" ", strip=True) for h in shown.position("recruiter").select("article h2")]
    assert [h for h in headings if "Права" in h] == ["3. Права"], headings


@pytest.mark.browser
def test_no_input_that_builds_runs_a_script_or_leaves_the_site(browser, shown):
    handler = functools.partial(QuietHandler, directory=str(shown.site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    outside, dialogs, errors = [], [], []
    context = browser.new_context()
    # Material draws the chart into a closed shadow root; open it so the test can read the labels.
    context.add_init_script("""
        const attach = Element.prototype.attachShadow;
        Element.prototype.attachShadow = function (init) { return attach.call(this, {...init, mode: "open"}); };
    """)
    context.route("**/*", lambda route: (route.continue_() if route.request.url.startswith(base)
                                         else (outside.append(route.request.url), route.abort())))
    try:
        for url in sorted({case.page for case in SHOWN_AS_TEXT} | {"structure/"}):
            page = context.new_page()
            page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(base + url)
            page.wait_for_load_state("networkidle")
            if url == "structure/":  # the chart writes front-matter titles as labels: text, as typed
                page.locator("div.mermaid svg").wait_for(timeout=15000)
                labels = page.locator("div.mermaid svg g.node").all_text_contents()
                assert any(" ".join(CHART_TITLE.split()) in " ".join(label.split()) for label in labels), labels
            page.close()
        # Search results are drawn as HTML by Material: the hostile title must arrive there as text.
        page = context.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        open_search(page, base)
        search_results(page, "ключевым клиентам")
        result = page.locator(".md-search-result__item", has_text="chart.png").first
        result.wait_for(timeout=15000)
        assert "<img" in result.inner_text(), "the hostile title is not shown as typed in the search results"
        assert page.locator(".md-search-result img").count() == 0, "a search result drew an image from the input"
        page.close()
    finally:
        context.close()
        server.shutdown()
    assert not dialogs, f"a script from the input ran: {dialogs}"
    assert not outside, f"pages requested other hosts: {outside}"
    assert not errors, f"script errors: {errors}"


@pytest.mark.slow  # a PDF build interrupted
def test_an_interrupted_build_leaves_no_process_behind(scratch, tmp_path):
    """A build killed while it renders PDFs takes its renderer processes with it, and nothing more is
    written into the PDF cache (issue 12, point 10). Every position is made long, so a renderer that
    survived the kill would certainly still be at work when the test looks."""
    require_tool("pdftotext", "PDF rendering needs the same system libraries as the PDF tests")
    duties = "".join(f"- Дополнительная обязанность номер {n}, описанная подробно, чтобы страница была длинной.\n"
                     for n in range(400))
    for path in (scratch / "docs" / "positions").glob("*.md"):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("\n## Права\n", f"\n{duties}\n## Права\n", 1), encoding="utf-8")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", JOBDESC_PDF="1", JOBDESC_PDF_WORKERS="2",
               JOBDESC_PDF_CACHE=str(tmp_path / "cache"))
    build = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(tmp_path / "site")],
                             cwd=scratch, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                             start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while len(_children(build.pid)) < 2 and build.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        workers = _children(build.pid)
        assert workers, "the build never started its PDF renderers (nothing to interrupt)"
        time.sleep(0.3)  # the renderers are busy with their first long pages now
        os.kill(build.pid, signal.SIGKILL)
        build.wait(timeout=30)
        time.sleep(0.3)
        alive = [pid for pid in workers if Path(f"/proc/{pid}").exists() and _state(pid) != "Z"]
        cached = sorted((tmp_path / "cache").glob("*.pdf"))
        time.sleep(2)
        assert not alive, f"renderer processes {alive} outlived the killed build"
        assert sorted((tmp_path / "cache").glob("*.pdf")) == cached, "PDFs kept arriving in the cache after the kill"
    finally:
        if build.poll() is None:
            os.killpg(build.pid, signal.SIGKILL)
        for pid in _children(build.pid):
            os.kill(pid, signal.SIGKILL)


@pytest.mark.slow  # a PDF build killed and rebuilt
def test_half_written_pdfs_of_a_killed_build_are_removed(scratch, tmp_path):
    require_tool("pdftotext", "PDF rendering needs the same system libraries as the PDF tests")
    cache = tmp_path / "cache"
    cache.mkdir()
    stale = cache / "0123abcd.pdf.999999999.part"  # no such process
    stale.write_bytes(b"%PDF-1.7 half")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", JOBDESC_PDF="1", JOBDESC_PDF_CACHE=str(cache))
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(tmp_path / "site")],
                           cwd=scratch, env=env, capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stdout + built.stderr
    assert not stale.exists(), "a half-written PDF of a killed build stayed in the cache"


def _children(pid: int) -> list[int]:
    """The build's renderer processes (forks of the build itself; `git` calls for page dates are not)."""
    path = Path(f"/proc/{pid}/task/{pid}/children")
    try:
        children = [int(child) for child in path.read_text().split()]
    except OSError:
        return []
    return [child for child in children if _comm(child) not in ("git", "")]


def _comm(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/comm").read_text().strip()
    except OSError:
        return ""


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return "gone"
