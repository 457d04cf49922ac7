"""Importing Word instructions: a corpus written the ways companies write them, bad files, hostile text, round trip.

Every imported document must give a position file that builds strictly (`mkdocs build --strict`)
with as many duties as the document had. Export then import gives back the same clauses, numbers
and front matter for every position of the site.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import zipfile

import pytest
import yaml

from conftest import copy_project, run_mkdocs_build
from test_print import SLUGS
from test_word_export import page_clauses
from word_corpus import write_corpus

IMPORT = [sys.executable, "-m", "macros.import_docx"]


def run_import(project, *args):
    return subprocess.run([*IMPORT, *map(str, args)], cwd=project, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def corpus_import(tmp_path_factory):
    """The corpus imported as one folder into a copy of the project (the seed's KAM replaces ours), built once."""
    root = tmp_path_factory.mktemp("word-import")
    project = copy_project(root / "project")
    (project / "docs" / "positions" / "key-account-manager.md").unlink()
    duties = write_corpus(root / "corpus")
    result = run_import(project, root / "corpus", "--report", root / "report.txt")
    build = run_mkdocs_build(project, root / "site")
    return project, duties, result, build, root


def _front(path):
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])


def _imported(result, name):
    line = next(line for line in result.stdout.splitlines() if line.startswith("Импорт:") and name in line)
    return line.split("→ ")[1].strip()


def test_every_document_of_the_corpus_builds_with_its_duties(corpus_import):
    project, duties, result, build, root = corpus_import
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
    project, _, result, _, _ = corpus_import
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
    project, _, result, build, _ = corpus_import
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
    project, _, result, build, _ = corpus_import
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
    assert result.returncode == 1 and "уже есть" in result.stdout and "--slug" in result.stdout


FIELDS = ("title", "genitive", "dative", "department", "category", "appointed_by", "appointment_note", "proposed_by",
          "reports_to", "reports_to_also", "stand_in", "education", "experience", "governing_documents",
          "version", "approved", "approval")


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
