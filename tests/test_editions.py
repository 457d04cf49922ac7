"""Every approved edition is kept, compared and printed with a QR code to itself; no edition changes silently.

A scratch repository with real commits (tests/edition_history.py): the recruiter's editions 1.0, 1.1
(one duty reworded, one added, and the shared template of common rights reworded) and 1.2 (one duty
removed). Built once for the module; the cases that need another state clone it.
"""

from __future__ import annotations

import re
import subprocess

import pytest

from conftest import copy_project, require_tool, run_mkdocs_build
from edits import KAM, line_of
from edition_history import (ADDED, CHANGED_NEW, CHANGED_OLD, RECRUITER, REMOVED, RIGHT_NEW, RIGHT_OLD, SITE_URL,
                             build_with_archive, edit, git, new_edition, supersede)
from printed_document import pdf_text

# Approved on, and last day in force: the day before the next edition's approval (no day in two editions).
EDITIONS = {"1.0": ("16.02.2026", "09.05.2026"), "1.1": ("10.05.2026", "31.08.2026"), "1.2": ("01.09.2026", None)}


@pytest.fixture(scope="module")
def history(editions):
    """The repository and its build with empty caches (shared with other test files)."""
    return (editions,)


@pytest.fixture(scope="module")
def warm(editions):
    """The same repository built again with the caches of the first build."""
    return build_with_archive(editions.project, editions.project.parent, site="site-warm")


@pytest.fixture
def archive_env(monkeypatch, tmp_path):
    monkeypatch.setenv("JOBDESC_ARCHIVE", "1")
    monkeypatch.setenv("JOBDESC_PDF", "0")
    monkeypatch.setenv("JOBDESC_ARCHIVE_CACHE", str(tmp_path / "archive-cache"))
    monkeypatch.delenv("GITHUB_BASE_REF", raising=False)


def _text(page) -> str:
    return " ".join(page.get_text(" ").split())


@pytest.mark.parametrize("version", EDITIONS)
def test_every_edition_has_its_page_and_pdf_with_its_own_text(history, version):
    site = history[0]
    page = site.page(f"positions/recruiter/editions/{version}/")
    text = _text(page.select_one("article"))
    pdf = site.site / "pdf" / "editions" / f"recruiter-{version}.pdf"
    assert pdf.is_file(), f"edition {version} has no PDF named after its version"
    printed = pdf_text(pdf)
    own = {"1.0": [CHANGED_OLD, RIGHT_OLD, REMOVED], "1.1": [CHANGED_NEW, ADDED, RIGHT_NEW, REMOVED],
           "1.2": [CHANGED_NEW, ADDED, RIGHT_NEW]}[version]
    foreign = {"1.0": [CHANGED_NEW, ADDED, RIGHT_NEW], "1.1": [CHANGED_OLD, RIGHT_OLD], "1.2": [REMOVED, CHANGED_OLD]}[version]
    for sentence in own:
        assert sentence in text, f"edition {version}'s page lacks its own text «{sentence[:50]}…»"
        assert sentence[:60] in printed, f"edition {version}'s PDF lacks «{sentence[:50]}…»"
    for sentence in foreign:
        assert sentence not in text, f"edition {version}'s page shows another edition's text «{sentence[:50]}…»"
    # The edition line names the edition; its date and order are in the stamp (date before number).
    assert f"Редакция {version}" in text and f"от {EDITIONS[version][0]} №" in text


@pytest.mark.parametrize("version", EDITIONS)
def test_every_edition_has_its_own_word_file_linked_from_its_page(history, version):
    """Issue 16: the .docx of the edition in force and of each archived edition."""
    from docx import Document

    site = history[0]
    link = site.page(f"positions/recruiter/editions/{version}/").find("a", string="Скачать Word")
    assert link and link["href"].endswith(f"docx/editions/recruiter-{version}.docx"), link
    path = site.site / "docx" / "editions" / f"recruiter-{version}.docx"
    text = " ".join(" ".join(p.text for p in Document(path).paragraphs).split())
    own = {"1.0": CHANGED_OLD, "1.1": ADDED, "1.2": CHANGED_NEW}[version]
    foreign = {"1.0": ADDED, "1.1": CHANGED_OLD, "1.2": REMOVED}[version]
    assert own[:60] in text and foreign[:60] not in text, f"the .docx of {version} is not that edition's text"


@pytest.mark.parametrize("version", ["1.0", "1.1"])
def test_a_superseded_edition_says_so_on_screen_and_on_paper_and_leads_to_the_one_in_force(history, version):
    site = history[0]
    page = site.page(f"positions/recruiter/editions/{version}/")
    start, end = EDITIONS[version]
    line = f"Редакция {version} — недействующая; действовала с {start} по {end}."
    notice = page.select_one(".edition-notice")
    assert notice is not None and line in " ".join(notice.get_text().split()), f"edition {version} is not marked as superseded: {notice}"
    link = notice.find("a", string=re.compile("Действующая редакция"))
    assert link and link["href"] == "../../", "the notice does not lead to the position's page (the edition in force)"
    assert line in pdf_text(site.site / "pdf" / "editions" / f"recruiter-{version}.pdf"), "the PDF is not marked superseded"
    assert not page.select(".position-card, .doc-edit"), "an archived edition offers today's card or an edit link"


def test_a_superseded_edition_prints_its_dates_and_order_in_the_documents_serif_and_no_sheet_to_sign(history):
    """On paper: «действовала с … по <the day before the next edition>. Утверждена: приказ от … № …» in the
    document's serif; no acknowledgement sheet (nobody acknowledges a text no longer in force), in the PDF
    and the .docx; on screen the edition's order, never git's commit and date."""
    from docx import Document

    site = history[0]
    pdf = site.site / "pdf" / "editions" / "recruiter-1.0.pdf"
    printed = pdf_text(pdf)
    assert "действовала с 16.02.2026 по 09.05.2026. Утверждена: приказ от 16.02.2026 № 21-ОД." in printed, printed[:600]
    assert "ЛИСТ ОЗНАКОМЛЕНИЯ" not in printed.upper(), "a superseded edition prints an acknowledgement sheet"
    assert "ЛИСТ ОЗНАКОМЛЕНИЯ" in pdf_text(site.site / "pdf" / "recruiter.pdf").upper()
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "Serif" in fonts and "Sans" not in fonts, f"the PDF of a superseded edition mixes in a sans font:\n{fonts}"
    word = " ".join(p.text for p in Document(site.site / "docx" / "editions" / "recruiter-1.0.docx").paragraphs)
    assert "Лист ознакомления" not in word and "Утверждена: приказ от 16.02.2026" in " ".join(word.split())
    page = site.page("positions/recruiter/editions/1.0/")
    notice = _text(page.select_one(".edition-notice"))
    assert "коммит" not in notice and "№ 21-ОД" in notice, notice
    assert "Последнее изменение" not in _text(page.select_one("article")), "git's date of the file, not the edition's"


def test_the_acknowledgement_sheet_names_the_order_that_approved_the_edition(history):
    printed = pdf_text(history[0].site / "pdf" / "recruiter.pdf")
    sheet = printed[printed.upper().index("ЛИСТ ОЗНАКОМЛЕНИЯ"):]
    assert ("(редакция 1.2, утверждена приказом генерального директора от 01.09.2026 № 77-ОД)" in sheet), sheet[:300]


def _signatures(text: str) -> str:
    """«Разработал: … Согласовано: …» up to the acknowledgement sheet."""
    found = re.search(r"Разработал:.*?(?=Лист ознакомления|$)", text, re.I)
    assert found, f"no signature block in: {text[-500:]}"
    return found.group(0)


@pytest.mark.slow  # a clone of the history built with its archive
def test_a_superseded_edition_is_signed_by_the_same_posts_as_on_its_day(history, archive_env, tmp_path):
    """An edition of a past commit is rendered with that commit's whole staff. The key account manager's
    instruction is agreed by the head of HR, a position its text never names: the old edition's
    signature block still names the post, never a file name."""
    repo = _clone(history[0].project, tmp_path / "clone")
    superseded, _ = supersede(repo, KAM, "2027-02-01", "16-ОД", "уточнена обязанность")
    edit(repo, KAM, "- Выполняет работу по мерчендайзингу.", "- Выполняет работу по мерчендайзингу в торговых точках.")
    git(repo, "commit", "-qam", "КАМ: новая редакция")
    build = run_mkdocs_build(repo, tmp_path / "site")
    assert build.returncode == 0, build.output[-3000:]
    old = _signatures(_text(build.page(f"positions/key-account-manager/editions/{superseded}/")))
    assert old == _signatures(_text(build.position("key-account-manager"))), "the old edition is signed by others"
    assert "Согласовано: Руководитель отдела персонала" in old, old
    assert not re.search(r"\b(hr-head|sales-head|general-director)\b", old), "a file name printed instead of a post"


def test_the_edition_in_force_has_a_stable_page_too(history):
    page = history[0].page("positions/recruiter/editions/1.2/")
    assert "Редакция 1.2 — действующая" in _text(page.select_one(".edition-notice"))
    assert (history[0].site / "pdf" / "editions" / "recruiter-1.2.pdf").read_bytes() == \
           (history[0].site / "pdf" / "recruiter.pdf").read_bytes(), "the edition in force prints as the position page"


@pytest.mark.parametrize("pdf, version", [("editions/recruiter-1.0.pdf", "1.0"), ("editions/recruiter-1.1.pdf", "1.1"),
                                          ("recruiter.pdf", "1.2"), ("editions/hr-head-1.1.pdf", "1.1")])
def test_the_qr_code_on_the_first_page_leads_to_exactly_that_edition(history, pdf, version, tmp_path):
    require_tool("zbarimg", "decoding the QR codes (Debian zbar-tools)")
    require_tool("pdftoppm", "rasterising the PDFs")
    slug = pdf.split("/")[-1].rsplit("-", 1)[0].removesuffix(".pdf")
    subprocess.run(["pdftoppm", "-r", "300", "-f", "1", "-l", "1", "-png", str(history[0].site / "pdf" / pdf),
                    str(tmp_path / "page")], check=True)
    png = next(tmp_path.glob("page*.png"))
    decoded = subprocess.run(["zbarimg", "-q", "--raw", "-Sdisable", "-Sqrcode.enable", str(png)],
                             capture_output=True, text=True).stdout.split()
    assert decoded == [f"{SITE_URL}positions/{slug}/editions/{version}/"], f"{pdf}: the QR code reads {decoded}"
    words = subprocess.run(["pdftotext", "-bbox", "-f", "2", "-l", "2", str(history[0].site / "pdf" / pdf), "-"],
                           capture_output=True, text=True).stdout
    assert "<word" in words


def _changes(site, pair: str) -> list[tuple[str, str, str]]:
    page = site.page(f"positions/recruiter/compare/{pair}/")
    return [(row["data-change"], row.select_one(".change-older").get_text(strip=True),
             row.select_one(".change-newer").get_text(strip=True)) for row in page.select("tr.change")]


def test_comparisons_list_exactly_the_changes_with_both_numberings(history):
    site = history[0]
    assert _changes(site, "1.0-1.1") == [("changed", "2.2", "2.2"), ("added", "—", "2.9"), ("changed", "3.4", "3.4")]
    assert _changes(site, "1.1-1.2") == [("removed", "2.10", "—")]
    assert _changes(site, "1.0-1.2") == [("changed", "2.2", "2.2"), ("removed", "2.9", "—"), ("added", "—", "2.9"),
                                         ("changed", "3.4", "3.4")]
    changed = site.page("positions/recruiter/compare/1.0-1.1/").select_one("tr.change .change-text")
    assert [d.get_text() for d in changed.select("del")] == ["опросные листы"]
    assert [i.get_text() for i in changed.select("ins")] == ["тесты"], "the changed words are not highlighted"


def test_the_position_page_lists_every_edition_with_dates_orders_and_links(history):
    site = history[0]
    rows = site.position("recruiter").select(".doc-history tr[data-edition]")
    assert [r["data-edition"] for r in rows] == ["1.2", "1.1", "1.0"]
    first = _text(rows[2])
    # The requisite as the stamp writes it: date before number.
    assert "16.02.2026" in first and "от 16.02.2026 № 21-ОД" in first and "16.02.2026 — 09.05.2026" in first
    for link in site.position("recruiter").select(".doc-history a[href]"):
        target = (site.site / "positions" / "recruiter" / link["href"]).resolve()
        assert (target / "index.html").is_file() or target.is_file(), f"«{link.get_text()}» leads nowhere: {link['href']}"
    pairs = {a.get_text() for a in site.position("recruiter").select(".doc-compare-all a")}
    assert pairs == {"1.0 → 1.1", "1.1 → 1.2", "1.0 → 1.2"}


@pytest.mark.slow  # a second build with the archive, PDFs and .docx
def test_a_warm_build_renders_nothing_again_and_gives_the_same_archive(editions, warm):
    cold = editions
    assert re.search(r"Архив редакций: \d+ страниц редакций и сравнений[^;\n]*; из них 0 собрано заново", warm.output), warm.output
    for page in ("positions/recruiter/editions/1.0/index.html", "positions/recruiter/compare/1.0-1.2/index.html",
                 "pdf/editions/recruiter-1.1.pdf"):
        assert (cold.site / page).read_bytes() == (warm.site / page).read_bytes(), f"{page} differs between builds"


def test_an_archived_edition_is_a_page_of_the_site_with_its_menu(history):
    """Editions are pages of the site's own build (no build of their own): on a phone, the menu of an old
    edition leads to the site's pages, as on every other page."""
    site = history[0]
    links = site.page("positions/recruiter/editions/1.0/").select("nav.md-nav--primary a.md-nav__link[href]")
    assert len({link["href"] for link in links}) > 1, "the archived page has no menu of the site"
    for link in links:
        target = (site.site / "positions" / "recruiter" / "editions" / "1.0" / link["href"]).resolve()
        assert (target / "index.html").is_file() or target.is_file(), f"«{link.get_text()}» leads nowhere"


def test_archived_pages_are_not_in_search_or_sitemap(history):
    site = history[0].site
    archived = re.compile(r"positions/[^/\"<]+/editions/")  # not the guide's page about editions
    assert not archived.search((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not archived.search((site / "sitemap.xml").read_text(encoding="utf-8"))


def _clone(repo, target):
    subprocess.run(["git", "clone", "-q", str(repo), str(target)], check=True)
    return target


def test_a_clause_changed_without_a_new_edition_fails_with_the_file_and_the_fix(history, archive_env, tmp_path):
    repo = _clone(history[0].project, tmp_path / "clone")
    edit(repo, RECRUITER, CHANGED_NEW, CHANGED_NEW.replace("тесты", "тесты, кейсы"))
    build = run_mkdocs_build(repo, tmp_path / "site")
    assert build.returncode != 0, "an unversioned change of a clause was published"
    message = re.search(r"docs/positions/recruiter\.md:\d+: поле «version»: .*", build.output)
    assert message, build.output[-3000:]
    assert "п. 2.2 изменён" in message.group(0) and "1.2" in message.group(0)
    assert 'version: "1.3"' in build.output and "corrections" in build.output, "the fix is not named"
    assert not (tmp_path / "site").exists(), "a failed build left a site behind"


@pytest.mark.slow  # a clone of the history built with its archive
def test_a_merge_that_touched_no_position_template_or_requisite_renders_no_check(history, archive_env, tmp_path):
    """Nothing printed can have changed when no position file, printed template or requisite did (here a
    guide page): the build renders no states to compare, and mkdocs serve rebuilds without them; a changed
    clause is still caught (the test above)."""
    repo = _clone(history[0].project, tmp_path / "clone")
    edit(repo, "docs/guide/editions.md", "\n", "\n\n")
    git(repo, "commit", "-qam", "Руководство: пустая строка")
    build = run_mkdocs_build(repo, tmp_path / "site")
    assert build.returncode == 0, build.output[-3000:]
    archive = re.search(r"Архив редакций: \d+ страниц[^\n]*", build.output)
    assert archive and "для проверки правок" not in archive.group(0), build.output[-3000:]


@pytest.mark.slow  # a clone of the history built with its archive
def test_an_editorial_correction_is_declared_and_shown(history, archive_env, tmp_path):
    repo = _clone(history[0].project, tmp_path / "clone")
    edit(repo, RECRUITER, "вакантные должности", "вакантные должности")  # no-op guard: the text is there
    edit(repo, RECRUITER, "кандидатов с необходимым образованием", "кандидатов с нужным образованием")
    edit(repo, RECRUITER, "\ntags:", "\ncorrections:\n  - date: 2026-09-15\n    note: уточнено слово в п. 2.1\ntags:")
    build = run_mkdocs_build(repo, tmp_path / "site")
    assert build.returncode == 0, build.output[-3000:]
    row = build.position("recruiter").select_one(".doc-history tr[data-edition='1.2']")
    assert "Редакционная правка 15.09.2026: уточнено слово в п. 2.1" in _text(row)


@pytest.mark.slow  # a clone of the history built with its archive
def test_a_shared_template_corrected_without_a_new_edition_needs_one_line_in_corrections_yml(
        history, archive_env, tmp_path):
    """A wording template changes the printed text of every position: refused with the file to write in,
    then published once macros/templates/corrections.yml records the editorial correction."""
    repo = _clone(history[0].project, tmp_path / "clone")
    edit(repo, "macros/templates/acknowledgement_sheet.html", "Лист ознакомления</div>", "Лист ознакомления работников</div>")
    refused = run_mkdocs_build(repo, tmp_path / "refused")
    assert refused.returncode != 0, "a changed shared template was published without a record"
    assert "из-за изменения общих шаблонов" in refused.output and "macros/templates/corrections.yml" in refused.output
    corrections = repo / "macros" / "templates" / "corrections.yml"
    corrections.write_text(corrections.read_text(encoding="utf-8")
                           + "- {date: 2026-09-15, note: уточнено название листа ознакомления}\n", encoding="utf-8")
    build = run_mkdocs_build(repo, tmp_path / "site")
    assert build.returncode == 0, build.output[-3000:]


@pytest.mark.slow  # a clone of the history built with its archive
def test_an_edit_that_does_not_print_needs_no_new_edition(history, archive_env, tmp_path):
    """Other names of the position are screen-only: changing them under the same version is no change of
    the approved text, also for a position agreed by one its text never names (the head of HR for the KAM)."""
    repo = _clone(history[0].project, tmp_path / "clone")
    edit(repo, KAM, "aliases: [", "aliases: [менеджер по крупным клиентам, ")
    build = run_mkdocs_build(repo, tmp_path / "site")
    assert build.returncode == 0, build.output[-3000:]
    assert "менеджер по крупным клиентам" in _text(build.position("key-account-manager").select_one(".doc-aliases"))


@pytest.mark.slow  # a clone of the history built with its archive
def test_a_new_edition_without_changes_gets_a_warning(history, archive_env, tmp_path):
    repo = _clone(history[0].project, tmp_path / "clone")
    new_edition(repo, "1.3", "2026-10-01", "№ 90-ОД от 01.10.2026", "переутверждена без изменений",
                [("1.2", "2026-09-01", "№ 77-ОД от 01.09.2026"), ("1.1", "2026-05-10", "№ 40-ОД от 10.05.2026"),
                 ("1.0", "2026-02-16", "№ 21-ОД от 16.02.2026")])
    build = run_mkdocs_build(repo, tmp_path / "site")
    assert build.returncode == 0, build.output[-3000:]
    assert re.search(r"ПРЕДУПРЕЖДЕНИЕ: docs/positions/recruiter\.md:\d+: новая редакция 1\.3, но её пункты не "
                     r"отличаются от редакции 1\.2", build.output), build.output[-2000:]


@pytest.mark.slow  # a clone of the history built with its archive
def test_a_copy_without_history_builds_the_editions_in_force_and_says_so_once(archive_env, tmp_path):
    build = run_mkdocs_build(copy_project(tmp_path / "copy"), tmp_path / "site")
    assert build.returncode == 0, build.output[-3000:]
    assert build.output.count("сборка из копии без истории git — опубликованы только действующие редакции") == 1
    version = re.search(r'^version: "(.*)"', (build.project / RECRUITER).read_text(encoding="utf-8"), re.M).group(1)
    assert (build.site / "positions" / "recruiter" / "editions" / version / "index.html").is_file()


@pytest.mark.slow  # a clone of the history built with its archive
def test_a_shallow_clone_is_named(history, archive_env, tmp_path):
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{history[0].project}", str(shallow)], check=True)
    build = run_mkdocs_build(shallow, tmp_path / "site")
    assert "история git неполная (shallow clone)" in build.output and "fetch-depth: 0" in build.output
    assert build.returncode != 0, "a shallow clone would publish a site without its archive"


def test_without_site_url_no_qr_and_one_line_saying_why(site):
    assert site.output.count("QR-код: в mkdocs.yml не задан site_url") == 1, site.output[-2000:]
    assert not site.position("recruiter").select(".doc-qr")


@pytest.mark.slow  # a clone of the history built with its archive
def test_a_reference_to_another_positions_clause_survives_the_archive(scratch, archive_env, tmp_path):
    """«п. [](key-account-manager.md#consult)» in an edition that is later superseded: the edition in force
    links to the clause, the archived edition prints the same number as text, numbered from its own commit."""
    client = "docs/positions/client-manager.md"
    (scratch / ".gitignore").write_text("/site*/\n/.cache/\n__pycache__/\n", encoding="utf-8")
    edit(scratch, client, "\n## Права\n", "\n- Соблюдает п. [](key-account-manager.md#consult).\n\n## Права\n")
    git(scratch, "init", "-q", "-b", "main")
    git(scratch, "add", "-A")
    git(scratch, "commit", "-q", "-m", "1.0", "--date", "2026-03-01T10:00:00")
    superseded, _ = supersede(scratch, client, "2027-02-01", "16-ОД", "добавлен реестр")
    edit(scratch, client, "- Соблюдает п.", "- Ведёт реестр клиентов.\n- Соблюдает п.")
    git(scratch, "commit", "-qam", "1.1")
    build = run_mkdocs_build(scratch, tmp_path / "site")
    assert build.returncode == 0, build.output
    wording = "2.7 должностной инструкции менеджера по работе с ключевыми клиентами"
    live = build.position("client-manager").select_one("a.clause-ref[href='../key-account-manager/#consult']")
    assert live is not None and " ".join(live.get_text().split()) == wording
    archived = build.page(f"positions/client-manager/editions/{superseded}/").select_one(".clause-ref")
    assert archived is not None and " ".join(archived.get_text().split()) == wording, "the archived edition lost it"


def _pasted_block(output: str, file: str) -> tuple[str, list[str]]:
    """The fix the build prints for `file`: its instruction line, and the YAML lines below it, as printed."""
    lines = output.splitlines()
    start = next(i for i, line in enumerate(lines) if f"{file}:" in line and "нет записи о редакции" in line)
    instruction = lines[start + 1]
    assert not lines[start + 2].strip(), "the lines to paste are set apart by an empty line"
    block = []
    for line in lines[start + 3:]:
        if not line.strip():
            break
        block.append(line)
    return instruction, block


@pytest.mark.slow  # a clone of the history built with its archive
def test_the_history_entry_the_build_prints_can_be_pasted_as_printed(history, archive_env, tmp_path):
    """Two new editions without their history entries: one file already has `history:`, one has none.
    Each entry is pasted exactly as printed, where the fix says; the next build passes and shows it."""
    repo = _clone(history[0].project, tmp_path / "clone")
    # The KAM's file as one that has never had a `history:` (its edition in force, nothing before it).
    kam = (repo / KAM).read_text(encoding="utf-8")
    (repo / KAM).write_text(re.sub(r'\nversion: "1\.1"\n(?:.*\n)*?tags:',
                                   '\nversion: "1.1"\napproved: 2026-12-04\napproval:\n  number: 152-ОД\ntags:', kam, count=1),
                            encoding="utf-8")
    assert "history:" not in (repo / KAM).read_text(encoding="utf-8")
    git(repo, "commit", "-qam", "Должность без истории редакций")
    edit(repo, RECRUITER, 'version: "1.2"\napproved: 2026-09-01\napproval: {number: 77-ОД}\n'
         "changes: исключены корпоративные мероприятия\n",
         'version: "1.3"\napproved: 2026-10-01\napproval: {number: 90-ОД}\nchanges: добавлен учёт резерва\n')
    edit(repo, RECRUITER, "\n## Права\n", "\n- Ведёт кадровый резерв.\n\n## Права\n")
    edit(repo, KAM, 'version: "1.1"\napproved: 2026-12-04\napproval:\n  number: 152-ОД\n',
         'version: "1.2"\napproved: 2026-12-21\napproval: {number: 160-ОД}\nchanges: добавлен отчёт\n')
    edit(repo, KAM, "\n## Права\n", "\n- Готовит отчёт о ключевых клиентах.\n\n## Права\n")
    build = run_mkdocs_build(repo, tmp_path / "site")
    assert build.returncode == 1, build.output[-3000:]

    instruction, block = _pasted_block(build.output, RECRUITER)
    line = int(re.search(r"сразу под строкой «history:» \(строка (\d+)\)", instruction).group(1))
    assert block == ['  - version: "1.2"', "    approved: 2026-09-01", "    approval: {number: 77-ОД}",
                     "    changes: исключены корпоративные мероприятия"], build.output[-3000:]
    text = (repo / RECRUITER).read_text(encoding="utf-8").split("\n")
    assert text[line - 1] == "history:"
    (repo / RECRUITER).write_text("\n".join(text[:line] + block + text[line:]), encoding="utf-8")

    instruction, block = _pasted_block(build.output, KAM)
    assert "вставьте эти строки как есть в данные должности, например перед строкой «tags:»" in instruction
    assert block == ["history:", '  - version: "1.1"', "    approved: 2026-12-04", "    approval: {number: 152-ОД}"]
    edit(repo, KAM, "\ntags:", "\n" + "\n".join(block) + "\ntags:")

    build = run_mkdocs_build(repo, tmp_path / "site")
    assert build.returncode == 0, build.output[-3000:]
    row = _text(build.position("recruiter").select_one(".doc-history tr[data-edition='1.2']"))
    assert "исключены корпоративные мероприятия" in row, row


@pytest.mark.slow  # a clone of the history built with its archive
def test_a_signatory_renamed_in_its_own_new_edition_is_named_in_the_others_messages(history, archive_env, tmp_path):
    """The head of HR gets a new title in a new edition of his own file; the recruiter's printed document
    (he reports to him, and he signs it) changes under the same version: the message says why, and where."""
    repo = _clone(history[0].project, tmp_path / "clone")
    head = "docs/positions/hr-head.md"
    edit(repo, head, "title: Руководитель отдела персонала\ngenitive: руководителя отдела персонала\n"
         "dative: руководителю отдела персонала\n",
         "title: Директор по персоналу\ngenitive: директора по персоналу\ndative: директору по персоналу\n")
    supersede(repo, head, "2026-12-21", "165-ОД", "должность переименована")
    build = run_mkdocs_build(repo, tmp_path / "site")
    assert build.returncode == 1, build.output[-3000:]
    message = re.search(r"docs/positions/recruiter\.md:\d+: поле «version»: печатный текст утверждённой редакции "
                        r"1\.2 изменился, а номер редакции прежний: (.*)", build.output)
    assert message, build.output[-3000:]
    assert message.group(1).endswith("— из-за изменений в docs/positions/hr-head.md"), message.group(1)
    # The sales head's clauses do not name him; only the «Согласовано» block of the signatures changes
    # (a line to write on is «__» in the message whatever its length: its length is no wording).
    line = line_of("docs/positions/sales-head.md", "version:")
    assert (f"docs/positions/sales-head.md:{line}: поле «version»: печатный текст утверждённой редакции 1.1 изменился, "
            "а номер редакции прежний: изменился текст вне пунктов (гриф, подписи, лист ознакомления): было "
            "«__ 20__ г. Согласовано: Руководитель отдела персонала __ __ «__» __», стало "
            "«__ 20__ г. Согласовано: Директор по персоналу __ __ «__» __» — из-за изменений "
            "в docs/positions/hr-head.md\n") in build.output, build.output[-3000:]
    assert "docs/positions/hr-head.md:" not in build.output, "the renamed position itself is a proper new edition"
