"""A draft of a new edition beside the edition in force, and the «Лист изменений» a lawyer signs.

One build of a scratch repository (tests/edition_history.py: the recruiter's editions 1.0, 1.1, 1.2 in git)
where HR prepares edition 1.3 as a draft: employees keep getting 1.2 everywhere, the draft has its own page,
files and change sheet; every comparison of the archive prints as a signable change sheet. The lawyer's
wording itself is specified in-process in tests/test_change_sheet.py.
"""

from __future__ import annotations

import re
import subprocess

import pytest

from conftest import require_tool
from edition_history import ADDED, CHANGED_NEW, RECRUITER, RIGHT_NEW, build_with_archive, edit, make_repository
from printed_document import pdf_text

# One build of a repository with four editions, the archive and the change sheets' PDFs: end to end, run by
# .ci/run; the change sheet's wording is checked in every quick run, in-process (tests/test_change_sheet.py).
pytestmark = pytest.mark.slow

NOTE_DUTY = "Проверяет подлинность документов кандидатов перед собеседованием."
DETAILS_DUTY = "Хранит анкеты кандидатов в запираемом шкафу."
DRAFT_WORDING = CHANGED_NEW.replace("тесты", "тесты, кейсы")


def _text(page) -> str:
    return " ".join(page.get_text(" ").split())


# --- «Лист изменений»: what a lawyer signs ---------------------------------------------------------

def _sheet(site, pair: str) -> str:
    return _text(site.page(f"positions/recruiter/compare/{pair}/").select_one(".change-sheet"))


def test_the_change_sheet_names_the_organisation_both_editions_their_orders_and_the_day_in_force(drafted):
    sheet = _sheet(drafted, "1.1-1.2")
    assert sheet.startswith("Общество с ограниченной ответственностью «Пример» Лист изменений "
                            "в должностную инструкцию менеджера по подбору персонала"), sheet[:200]
    assert "Прежняя редакция: 1.1 — утверждена 10.05.2026, приказ от 10.05.2026 № 40-ОД" in sheet
    assert "Новая редакция: 1.2 — утверждена 01.09.2026, приказ от 01.09.2026 № 77-ОД" in sheet
    assert "Вводится в действие: с 01.09.2026" in sheet
    assert "приказ приказ" not in sheet
    assert "Изменения внёс: Руководитель отдела персонала (подпись)" in sheet, "no line for the official's signature"
    assert "С изменениями ознакомлен(а):" in sheet


def test_the_change_sheet_words_each_change_as_a_lawyer_does_with_the_renumbering(drafted):
    site = drafted
    items = lambda pair: [" ".join(li.get_text().split()) for li in  # noqa: E731
                          site.page(f"positions/recruiter/compare/{pair}/").select(".change-sheet-list li")]
    assert items("1.1-1.2") == ["Пункт 2.10 исключить.", "Пункты 2.11–2.14 считать соответственно пунктами 2.10–2.13."]
    assert items("1.0-1.1") == [
        f"Пункт 2.2 изложить в следующей редакции: «2.2. {CHANGED_NEW}».",
        "Пункты 2.9–2.13 считать соответственно пунктами 2.10–2.14.",
        f"Дополнить пунктом 2.9 следующего содержания: «2.9. {ADDED}».",
        f"Пункт 3.4 изложить в следующей редакции: «3.4. {RIGHT_NEW}»."]


def test_the_change_sheet_has_a_pdf_in_black_and_white_without_word_marks(drafted, tmp_path):
    require_tool("pdftoppm", "rasterising the change sheet")
    from PIL import Image

    site = drafted
    page = site.page("positions/recruiter/compare/1.0-1.1/")
    assert not page.select(".change-sheet ins, .change-sheet del"), "the printed sheet marks words by strike/underline"
    link = page.find("a", string=re.compile("Скачать лист изменений"))
    assert link and link["href"].endswith("pdf/compare/recruiter-1.0-1.1.pdf"), link
    path = site.site / "pdf" / "compare" / "recruiter-1.0-1.1.pdf"
    printed = pdf_text(path)
    assert f"Дополнить пунктом 2.9 следующего содержания: «2.9. {ADDED}»." in printed
    assert "Пункты 2.9–2.13 считать соответственно пунктами 2.10–2.14." in printed
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(path), str(tmp_path / "sheet")], check=True)
    for png in tmp_path.glob("sheet*.png"):
        image = Image.open(png).convert("RGB")
        colours = {image.getpixel((x, y)) for x in range(image.width) for y in range(image.height)
                   if max(image.getpixel((x, y))) - min(image.getpixel((x, y))) > 24}
        assert not colours, f"{png.name}: the sheet prints in colour ({len(colours)} coloured shades)"


def test_on_screen_the_changed_words_keep_their_spaces(drafted):
    cell = drafted.page("positions/recruiter/compare/1.0-1.1/").select_one("tr.change .change-text")
    assert " ".join(cell.get_text().split()).startswith("Разрабатывает анкеты, опросные листы тесты и другие"), cell


# --- A draft of a new edition: HR's, beside the edition in force -----------------------------------



@pytest.fixture(scope="module")
def drafted(tmp_path_factory):
    """The recruiter's editions 1.0–1.2 in git (tests/edition_history.py); in the work tree HR prepares 1.3
    (status: проект) with a reworded duty and two duties written inside a note (`!!! note`) and a collapsible
    note (`??? note`); a new position's first edition is a draft too. One build with archive, PDFs and .docx."""
    root = tmp_path_factory.mktemp("draft")
    repo = make_repository(root)
    in_force = (repo / RECRUITER).read_text(encoding="utf-8")
    edit(repo, RECRUITER, 'version: "1.2"\napproved: 2026-09-01\napproval: {number: 77-ОД}\n',
         'version: "1.3"\nstatus: проект\napproved: 2026-12-01\napproval: {number: "___"}\n')
    edit(repo, RECRUITER, "history:\n", 'history:\n  - version: "1.2"\n    approved: 2026-09-01\n'
         "    approval: {number: 77-ОД}\n")
    edit(repo, RECRUITER, CHANGED_NEW, DRAFT_WORDING)
    edit(repo, RECRUITER, "\n## Права\n", f'\n!!! note "Порядок"\n    {NOTE_DUTY}\n\n??? note "Хранение"\n'
         f"    {DETAILS_DUTY}\n\n## Права\n")
    # A new position whose first edition is still a draft: nothing is in force, its page is the draft.
    trainee = in_force.replace("approval: {number: 77-ОД}\n", "approval: {number: 77-ОД}\nstatus: проект\n", 1)
    for old, new in (("title: Менеджер по подбору персонала", "title: Стажёр по подбору персонала"),
                     ("genitive: менеджера по подбору персонала", "genitive: стажёра по подбору персонала"),
                     ("dative: менеджеру по подбору персонала", "dative: стажёру по подбору персонала")):
        trainee = trainee.replace(old, new)
    trainee = re.sub(r"\naliases: \[.*?\]\n", "\naliases: []\n", trainee)
    (repo / "docs/positions/recruiting-trainee.md").write_text(trainee, encoding="utf-8")
    return build_with_archive(repo, root)


def test_the_position_page_and_its_downloads_stay_the_edition_in_force(drafted):
    page = drafted.position("recruiter")
    text = _text(page.select_one("article"))
    assert "Редакция 1.2" in text and CHANGED_NEW in text, "the position page does not show the edition in force"
    assert DRAFT_WORDING not in text and NOTE_DUTY not in text, "the position page shows the unapproved draft"
    pdf = drafted.site / "pdf" / "recruiter.pdf"
    assert page.find("a", string=re.compile("Скачать PDF"))["href"].endswith("pdf/recruiter.pdf")
    assert CHANGED_NEW[:60] in pdf_text(pdf) and "ПРОЕКТ" not in pdf_text(pdf), "the PDF is the draft's"
    from docx import Document
    docx = " ".join(p.text for p in Document(drafted.site / "docx" / "recruiter.docx").paragraphs)
    assert DRAFT_WORDING[:50] not in docx and CHANGED_NEW[:50] in " ".join(docx.split())


def test_the_draft_has_its_own_page_linked_from_the_position_page(drafted):
    link = drafted.position("recruiter").find("a", string="Проект новой редакции 1.3")
    assert link is not None and link["href"] == "draft/", "the position page does not lead to the draft"
    page = drafted.page("positions/recruiter/draft/")
    text = _text(page.select_one("article"))
    assert "Проект редакции 1.3" in text and DRAFT_WORDING in text and NOTE_DUTY in text
    assert "не утверждён" in _text(page.select_one(".edition-notice"))
    assert page.find("a", string="Скачать PDF")["href"].endswith("pdf/drafts/recruiter.pdf")
    assert page.find("a", string="Скачать Word")["href"].endswith("docx/drafts/recruiter.docx")


def test_every_printed_page_of_the_draft_says_project(drafted):
    require_tool("pdftotext", "reading the draft's PDF page by page")
    path = drafted.site / "pdf" / "drafts" / "recruiter.pdf"
    pages = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout.split("\f")
    pages = [page for page in pages if page.strip()]
    assert len(pages) >= 2
    for number, page in enumerate(pages, 1):
        assert "ПРОЕКТ" in page, f"page {number} of the draft's PDF is not marked «ПРОЕКТ»"


def test_text_inside_notes_reaches_the_drafts_word_file_and_change_sheet(drafted):
    from docx import Document
    docx = " ".join(" ".join(p.text for p in Document(drafted.site / "docx" / "drafts" / "recruiter.docx").paragraphs).split())
    assert NOTE_DUTY in docx, "a duty inside `!!! note` is missing from the .docx"
    assert DETAILS_DUTY in docx, "a duty inside `??? note` is missing from the .docx"
    items = [" ".join(li.get_text().split()) for li in
             drafted.page("positions/recruiter/compare/1.2-draft/").select(".change-sheet-list li")]
    assert f"Пункт 2.2 изложить в следующей редакции: «2.2. {DRAFT_WORDING}»." in items, items
    assert f"Раздел 2 после пункта 2.13 дополнить абзацем следующего содержания: «Порядок. {NOTE_DUTY}»." in items, items
    assert f"Раздел 2 дополнить абзацем следующего содержания: «Хранение. {DETAILS_DUTY}»." in items, items


def test_the_drafts_change_sheet_compares_it_with_the_edition_in_force(drafted):
    link = drafted.position("recruiter").find("a", string=re.compile("лист изменений"))
    assert link is not None and link["href"] == "compare/1.2-draft/"
    sheet = _text(drafted.page("positions/recruiter/compare/1.2-draft/").select_one(".change-sheet"))
    assert "Прежняя редакция: 1.2 — утверждена 01.09.2026, приказ от 01.09.2026 № 77-ОД" in sheet
    assert "Новая редакция: 1.3 — проект, не утверждён" in sheet and "Вводится в действие: с «___»" in sheet
    assert (drafted.site / "pdf" / "compare" / "recruiter-1.2-draft.pdf").is_file()


def test_no_edition_is_compared_with_itself_and_search_does_not_index_the_draft(drafted):
    assert "не отличаются от редакции" not in drafted.output, drafted.output[-2000:]
    index = " ".join(path.read_text(encoding="utf-8") for path in (drafted.site / "search").rglob("*.json"))
    assert "recruiter/draft/" not in index and "кейсы" not in index and NOTE_DUTY not in index
    assert "Разрабатывает анкеты, тесты и другие материалы" in index, "search lost the edition in force"


def test_a_position_whose_first_edition_is_a_draft_shows_the_draft_marked(drafted):
    page = drafted.position("recruiting-trainee")
    assert "Проект редакции 1.2" in _text(page.select_one("article")), "the new position's draft is not on its page"
    assert not (drafted.site / "positions" / "recruiting-trainee" / "draft").exists(), "a draft with nothing in force moved"
    assert "ПРОЕКТ" in pdf_text(drafted.site / "pdf" / "recruiting-trainee.pdf")


def test_markup_in_a_draft_is_refused_with_the_file_and_line_hr_edits(tmp_path):
    """The draft's page is generated from the position file: a refusal names that file and its line."""
    from conftest import run_mkdocs_build
    repo = make_repository(tmp_path)
    edit(repo, RECRUITER, 'version: "1.2"\napproved: 2026-09-01\napproval: {number: 77-ОД}\n',
         'version: "1.3"\nstatus: проект\napproved: 2026-12-01\napproval: {number: "___"}\n')
    edit(repo, RECRUITER, "history:\n", 'history:\n  - version: "1.2"\n    approved: 2026-09-01\n'
         "    approval: {number: 77-ОД}\n")
    edit(repo, RECRUITER, "\n## Права\n", '\n<!--><div class="print-only">Скрытый пункт.</div><!-- -->\n\n## Права\n')
    line = (repo / RECRUITER).read_text(encoding="utf-8").split("\n").index(
        '<!--><div class="print-only">Скрытый пункт.</div><!-- -->') + 1
    with pytest.MonkeyPatch.context() as env:
        env.setenv("JOBDESC_ARCHIVE", "0")
        env.setenv("JOBDESC_PDF", "0")
        build = run_mkdocs_build(repo, tmp_path / "site")
    assert build.returncode == 1, build.output[-3000:]
    assert f"{RECRUITER}:{line}: HTML-комментарий в тексте не публикуется" in build.output, build.output[-3000:]
