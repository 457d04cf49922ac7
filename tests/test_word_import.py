"""Importing Word instructions: a corpus written the ways companies write them, bad files, hostile text, round trip.

Every imported document must give a position file that builds strictly (`mkdocs build --strict`)
with as many duties as the document had. Export then import gives back the same clauses, numbers
and front matter for every position of the site.
"""

from __future__ import annotations

import datetime as dt
import re
import shlex
import subprocess
import sys
import zipfile
from types import SimpleNamespace

import pytest
import yaml
from docx import Document

from conftest import ROOT, copy_project, run_mkdocs_build
from edition_history import git
from test_print import SLUGS
from test_word_export import page_clauses
from word_corpus import write_corpus
from word_corpus_varied import EXPECTED, revised_recruiter, roman_sections_typed_parens

IMPORT = [sys.executable, "-m", "macros.import_docx"]
ADVICE = re.compile(r"python3 -m macros\.import_docx .+? --(?:position|slug) [\w-]+")


def run_import(project, *args):
    return subprocess.run([*IMPORT, *map(str, args)], cwd=project, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def corpus_import(tmp_path_factory):
    """The corpus imported as one folder into a copy of the project (the seed's KAM replaces ours), then a
    revision of recruiter.md imported by following the advice of the refusal, all built once."""
    root = tmp_path_factory.mktemp("word-import")
    project = copy_project(root / "project")
    (project / "docs" / "positions" / "key-account-manager.md").unlink()
    duties = write_corpus(root / "corpus")
    result = run_import(project, root / "corpus", "--report", root / "report.txt")
    revised = root / "revision" / "Менеджер по подбору (ред. юриста).docx"
    revised.parent.mkdir()
    revised_recruiter(revised)
    refusal = run_import(project, revised)
    advice = [shlex.split(command) for command in ADVICE.findall(refusal.stdout)]
    followed = [subprocess.run([sys.executable, *command[1:]], cwd=project, capture_output=True, text=True,
                               timeout=300) for command in advice]
    build = run_mkdocs_build(project, root / "site")
    return SimpleNamespace(project=project, duties=duties, result=result, build=build, root=root,
                           refusal=refusal, advice=advice, followed=followed)


def _front(path):
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])


def _imported(result, name):
    line = next(line for line in result.stdout.splitlines() if line.startswith("Импорт:") and name in line)
    return line.split("→ ")[1].strip()


def test_every_document_of_the_corpus_builds_with_its_duties(corpus_import):
    project, duties, result, build, root = (corpus_import.project, corpus_import.duties, corpus_import.result,
                                            corpus_import.build, corpus_import.root)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert build.returncode == 0, f"the imported files do not build strictly:\n{build.output}"
    for name, count in duties.items():
        path = project / _imported(result, name)
        page = build.position(path.stem)
        clauses = [li for li in page.select("li[data-clause]") if li["data-clause"].startswith("2.")]
        assert len(clauses) == count, f"{name}: {len(clauses)} duties on the page, the document has {count}"
    assert (root / "report.txt").read_text(encoding="utf-8").count("Импорт:") == len(duties)


def test_the_report_names_what_was_recognised_and_what_needs_attention(corpus_import):
    project, result = corpus_import.project, corpus_import.result
    report = result.stdout
    assert "Обязанностей: 23" in report and "заменён общими положениями" in report
    assert "совпадает с общим шаблоном" in report
    kam = _front(project / _imported(result, "kam.docx"))
    assert kam["title"] == "Менеджер по работе с ключевыми клиентами"
    assert (kam["category"], kam["appointed_by"], kam["proposed_by"], kam["reports_to"]) == \
        ("специалисты", "general-director", "commercial-director", "sales-head")
    assert kam["reports_to_also"] == ["development-director", "commercial-director"]
    assert (kam["education"], kam["experience"]) == ("высшее", "в области сбыта не менее 2 лет")
    assert "впишите его в approval" in report, "the seed has no order: the report must ask for one"
    text = (project / _imported(result, "kam.docx")).read_text(encoding="utf-8")
    assert "п. [](#" in text, "«п.7» in the seed became a link to a labelled clause"


def test_word_lists_tables_and_roman_headings_are_understood(corpus_import):
    project, result, build = corpus_import.project, corpus_import.result, corpus_import.build
    accountant = _front(project / _imported(result, "buhgalter.docx"))
    assert (accountant["approved"], accountant["approval"]) == (dt.date(2026, 2, 2), {"number": "7-К"})
    assert accountant["governing_documents"] == ["Положением о бухгалтерии"]
    keeper = _front(project / _imported(result, "kladovshchik.docx"))
    assert (keeper["category"], keeper["reports_to"], keeper["education"]) == \
        ("рабочие", "general-director", "среднее профессиональное")
    driver_path = project / _imported(result, "voditel.docx")
    driver = build.position(driver_path.stem)
    assert [h.get_text(" ", strip=True) for h in driver.select("article h2")][-1] == "5. Взаимоотношения"
    assert driver.select_one("a.clause-ref").get_text() == "2.1"
    items = driver.select("li[data-clause='2.2'] li") + build.position("bukhgalter").select("li[data-clause='2.2'] li")
    assert [li.get_text() for li in items] == ["сверяет расчёты;", "готовит акты сверки."]


def test_hostile_text_arrives_as_text(corpus_import):
    project, result, build = corpus_import.project, corpus_import.result, corpus_import.build
    path = project / _imported(result, "operator.docx")
    text = path.read_text(encoding="utf-8")
    body = text.split("---", 2)[2]
    assert "<" not in body and "{%" not in body and "{#label" not in body
    assert body.count("{{") == body.count("() }}"), "only macro calls may use {{ }}"
    page = build.position(path.stem)
    shown = [li.get_text() for li in page.select("li[data-clause^='2.']")]
    assert "{{ config.site_name }}" in shown[0] and "{% include 'mkdocs.yml' %}" in shown[0]
    assert "<script>alert('x')</script>" in shown[1] and "**жирно**" in shown[2]
    assert not page.select("article script, article img, a[href^='https://evil']")


@pytest.mark.parametrize("content, message", [
    (b"not a word file", "не является документом Word"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "Word 97–2003"),
    (b"", "не является документом Word"),
    (None, "не открывается как документ Word"),
])
def test_a_broken_file_gets_a_clear_message(scratch, tmp_path, content, message):
    path = tmp_path / "broken.docx"
    if content is None:
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("hello.txt", "a zip that is no Word document")
    else:
        path.write_bytes(content)
    result = run_import(scratch, path)
    assert result.returncode == 1 and message in result.stdout, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert sorted(p.stem for p in (scratch / "docs" / "positions").glob("*.md")) == SLUGS, "nothing half-written"


def test_missing_files_and_duplicates_are_refused(scratch, site):
    result = run_import(scratch, "no-such.docx")
    assert result.returncode == 2 and "нет такого файла" in result.stderr
    exported = site.site / "docx" / "recruiter.docx"
    result = run_import(scratch, exported)
    assert result.returncode == 1 and "уже есть" in result.stdout and "--position recruiter" in result.stdout
    followed = subprocess.run([sys.executable, *shlex.split(ADVICE.search(result.stdout).group(0))[1:]],
                              cwd=scratch, capture_output=True, text=True, timeout=300)
    assert followed.returncode == 0 and "новая редакция 1.2" in followed.stdout, followed.stdout + followed.stderr


FIELDS = ("title", "genitive", "dative", "department", "category", "appointed_by", "appointment_note", "proposed_by",
          "reports_to", "reports_to_also", "stand_in", "education", "experience", "governing_documents",
          "version", "approved", "approval")


@pytest.mark.slow  # every position to Word and back, then a build
def test_export_then_import_gives_the_same_instructions(site, tmp_path):
    project = copy_project(tmp_path / "project")
    positions = project / "docs" / "positions"
    originals = {slug: _front(positions / f"{slug}.md") for slug in SLUGS}
    for slug in SLUGS:
        (positions / f"{slug}.md").unlink()
        result = run_import(project, site.site / "docx" / f"{slug}.docx", "--slug", slug,
                            "--department", originals[slug]["department"])
        assert result.returncode == 0, result.stdout + result.stderr
        imported = _front(positions / f"{slug}.md")
        for field in FIELDS:
            assert imported.get(field) == originals[slug].get(field), \
                f"{slug}: {field} came back as {imported.get(field)!r}, was {originals[slug].get(field)!r}"
    build = run_mkdocs_build(project, tmp_path / "site")
    assert build.returncode == 0, build.output
    for slug in SLUGS:
        assert page_clauses(build, slug) == page_clauses(site, slug), f"{slug}: clauses differ after the round trip"


def _report_of(result, name):
    """The report block of one document of a folder import."""
    blocks = re.split(r"\n(?=Импорт:|Не импортирован|Итого:)", result.stdout)
    return next(block for block in blocks if block.startswith("Импорт:") and f"/{name} →" in block)


def test_the_facts_of_each_document_are_read_from_its_sentences_and_tables(corpus_import):
    for name, expected in EXPECTED.items():
        front = _front(corpus_import.project / _imported(corpus_import.result, name))
        for field, value in expected.items():
            assert front.get(field) == value, f"{name}: {field} is {front.get(field)!r}, the document says {value!r}"


def test_typed_items_after_a_roman_section_are_siblings_and_nesting_follows_the_document(corpus_import):
    build, result = corpus_import.build, corpus_import.result
    report = _report_of(result, "specialist-po-kadram.docx")
    assert "Обязанностей: 7" in report and "Проверка сборки: файл проходит все проверки." in report
    assert "требования к образованию не найдены" not in report and "руководитель не найден" not in report
    page = lambda name: build.position((corpus_import.project / _imported(result, name)).stem)  # noqa: E731
    assert not page("specialist-po-kadram.docx").select("li[data-clause^='2.'] li"), "no duty is a sub-item"
    # One-letter words are bound to the next one by a no-break space (typography of the site and the print).
    nested = {"zakupki.docx": ("2.2", ["о\u00a0цене;", "о\u00a0сроках."]),
              "nachalnik-sklada.docx": ("2.3", ["приёмку товара;", "отгрузку товара."]),
              "prodavec.docx": ("2.1", ["о\u00a0свойствах товара;", "о\u00a0гарантии."])}
    for name, (clause, items) in nested.items():
        shown = [li.get_text(" ", strip=True) for li in page(name).select(f"li[data-clause='{clause}'] li")]
        assert shown == items, f"{name}: п. {clause} has sub-items {shown}, the document nests {items}"
    legal = page("ohrana-truda.docx")
    assert [h.get_text(" ", strip=True) for h in legal.select("article h2")][:2] == \
        ["1. Общие положения", "2. Должностные обязанности"]


def test_an_uncertain_outline_is_named_with_its_paragraphs_and_written_as_a_draft(corpus_import):
    report = _report_of(corpus_import.result, "administrator.docx")
    assert "Проверьте пункты" in report
    assert "абзац 11: «1) Выдаёт пропуска.»" in report and "идёт после п. 2.2" in report
    assert "проходит все проверки" not in report
    assert _front(corpus_import.project / _imported(corpus_import.result, "administrator.docx"))["status"] == "проект"
    sure = [name for name in corpus_import.duties if name != "administrator.docx"]
    assert all("Проверьте пункты" not in _report_of(corpus_import.result, name) for name in sure)


def test_revisions_comments_headers_and_footers_are_read_as_word_shows_the_final_text(corpus_import):
    project, result = corpus_import.project, corpus_import.result
    picker = (project / _imported(result, "komplektovshchik.docx")).read_text(encoding="utf-8")
    assert "Собирает заказы по листам подбора." in picker and "Маркирует собранные заказы." in picker
    assert "в старую тару" not in picker and "Моет полы" not in picker
    assert "непринятые исправления (вставок: 2, удалений: 3)" in _report_of(result, "komplektovshchik.docx")
    cashier = (project / _imported(result, "kassir.docx")).read_text(encoding="utf-8")
    assert "Секретное замечание" not in cashier and "Выдаёт чеки." in cashier
    assert "примечания (1)" in _report_of(result, "kassir.docx")
    secretary = (project / _imported(result, "sekretar.docx")).read_text(encoding="utf-8")
    assert "олонтитул" not in secretary and "Страница 1 из 2" not in secretary
    assert _front(project / _imported(result, "yurist.docx"))["approved"] == dt.date(2026, 2, 5), \
        "the approval date is the «УТВЕРЖДАЮ» one, not the date of «СОГЛАСОВАНО»"


def test_a_revised_word_file_becomes_the_next_edition_by_following_the_refusal(corpus_import):
    project, refusal = corpus_import.project, corpus_import.refusal
    assert refusal.returncode == 1 and "уже есть" in refusal.stdout and "recruiter.md" in refusal.stdout
    assert [command[-2:] for command in corpus_import.advice] == [["--position", "recruiter"]]
    assert "Двух должностей с одним наименованием" in refusal.stdout
    for command, done in zip(corpus_import.advice, corpus_import.followed):
        assert done.returncode == 0, f"advice {' '.join(command)} failed:\n{done.stdout}{done.stderr}"
    assert corpus_import.build.returncode == 0, corpus_import.build.output
    before = _front(ROOT / "docs" / "positions" / "recruiter.md")
    after = _front(project / "docs" / "positions" / "recruiter.md")
    assert (after["status"], after["version"], after["approved"], after["approval"]) == \
        ("проект", "1.2", dt.date(2027, 3, 20), {"number": "40-ОД"})
    assert after["history"][0] == {key: before[key] for key in ("version", "approved", "approval", "changes")}
    assert {key: after[key] for key in ("title", "aliases", "department", "appointed_by", "proposed_by")} == \
        {key: before[key] for key in ("title", "aliases", "department", "appointed_by", "proposed_by")}
    page = corpus_import.build.position("recruiter")
    duties = [li.get_text(" ", strip=True) for li in page.select("li[data-clause^='2.']")]
    assert len(duties) == 6 and duties[0] == "2.1. Ищет кандидатов на открытые вакансии."
    assert "ПРОЕКТ" in page.get_text(), "the new edition is a draft until its order is entered"
    assert "новая редакция 1.2, проект" in corpus_import.followed[0].stdout


def test_a_taken_file_name_is_refused_with_advice_that_works(scratch, tmp_path):
    document = tmp_path / "kadry.docx"
    roman_sections_typed_parens(document)
    refused = run_import(scratch, document, "--slug", "recruiter")
    assert refused.returncode == 1 and "--position recruiter" in refused.stdout
    slug = re.search(r"--slug ([\w-]+)", refused.stdout).group(1)
    assert slug == "recruiter-2"
    followed = run_import(scratch, document, "--slug", slug)
    assert followed.returncode == 0, followed.stdout
    again = run_import(scratch, document)
    assert again.returncode == 1 and "--position recruiter-2" in again.stdout and "--slug" not in again.stdout, \
        "once the title exists, the only advice is a new edition of it"
    missing = run_import(scratch, document, "--position", "no-such")
    assert missing.returncode == 2 and "recruiter" in missing.stderr and "Traceback" not in missing.stderr


def test_a_document_without_duties_is_a_draft_and_never_said_to_pass(scratch, tmp_path):
    document = Document()
    document.add_paragraph("ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ курьера")
    document.add_paragraph("Курьер доставляет документы по городу.")
    document.save(tmp_path / "kurer.docx")
    result = run_import(scratch, tmp_path / "kurer.docx")
    assert "обязанностей не найдено" in result.stdout and "проходит все проверки" not in result.stdout
    assert _front(scratch / "docs" / "positions" / "kurer.md")["status"] == "проект"


@pytest.mark.slow  # a build with the archive
def test_the_next_edition_builds_with_the_archive_of_the_edition_in_force(scratch, tmp_path, monkeypatch):
    """As on the intranet: the repository's history has recruiter 1.1 in force; the revised file is its 1.2 draft."""
    git(scratch, "init", "-q")
    git(scratch, "add", "-A")
    git(scratch, "commit", "-qm", "Редакция 1.1 действует")
    revised_recruiter(tmp_path / "revised.docx")
    assert run_import(scratch, tmp_path / "revised.docx", "--position", "recruiter").returncode == 0
    git(scratch, "commit", "-qam", "Проект редакции 1.2 из Word")
    monkeypatch.setenv("JOBDESC_ARCHIVE", "1")
    monkeypatch.setenv("JOBDESC_ARCHIVE_CACHE", str(tmp_path / "archive-cache"))
    monkeypatch.delenv("GITHUB_BASE_REF", raising=False)
    build = run_mkdocs_build(scratch, tmp_path / "site")
    assert build.returncode == 0, build.output
    assert "пункты не отличаются" not in build.output, "a draft with new duties is not an unchanged edition"
    assert (tmp_path / "site" / "positions" / "recruiter" / "editions" / "1.1" / "index.html").is_file(), \
        "the edition in force stays in the archive"
    page = build.position("recruiter")
    assert "ПРОЕКТ" not in page.get_text(), "until its order is entered, workers see the edition in force"
    assert page.find("a", string="Проект новой редакции 1.2")["href"] == "draft/"
    assert "ПРОЕКТ" in build.page("positions/recruiter/draft/").get_text()
