"""What HR may write prints as a signable document in both engines: a table and nested lists inside a
clause, the approval by an official's signature («УТВЕРЖДАЮ») instead of an order, names from
`extra.officials` and lines to write a missing name by hand.

One scratch project, built once with its PDFs; each changed page is checked as the browser prints it
and as the build-time PDF (tests/printed_document.py), then for what this module is about.
"""

from __future__ import annotations

import functools
import http.server
import threading

import pytest

from conftest import QuietHandler, copy_project, require_tool, run_mkdocs_build
from printed_document import PrintedDocument, check_printed_instruction

# The changed positions built with their PDFs: slow tests (`pytest -m slow`).
pytestmark = pytest.mark.slow

KAM = "docs/positions/key-account-manager.md"
RECRUITER = "docs/positions/recruiter.md"
TABLE_AND_LISTS = """- Предоставляет скидки в пределах таблицы:

    | Объём заказа, руб. | Скидка, % | Кто согласует |
    |---|---|---|
    | до 100 000 | до 3 | не требуется |
    | от 100 000 до 1 000 000 | до 5 | руководитель отдела продаж |

- Готовит отчёты:
    - еженедельные:
        - о звонках клиентам;
        - о встречах с клиентами, проведённых лично и по видеосвязи, с итогами каждой встречи и договорённостями;
    - ежемесячные.
"""


def _edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"the test's edit does not apply: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def printed(tmp_path_factory, browser):
    """The scratch site, its PDFs and the browser's print of the two changed positions."""
    require_tool("pdftotext", "reading printed PDFs")
    root = tmp_path_factory.mktemp("print-forms")
    project = copy_project(root / "project")
    _edit(project / KAM, "- Выполняет работу по мерчендайзингу.\n", "- Выполняет работу по мерчендайзингу.\n" + TABLE_AND_LISTS)
    _edit(project / RECRUITER, "approval:\n  number: 152-ОД\n", "approval:\n  form: official\n")
    # The director's name unknown (a line to write it), the lawyer's known.
    _edit(project / "mkdocs.yml", "    general-director: И. И. Иванов\n", "    Юрисконсульт: А. С. Кузнецова\n")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("JOBDESC_PDF", "1")
        env.setenv("JOBDESC_PDF_CACHE", str(root / "cache"))
        build = run_mkdocs_build(project, root / "site")
    assert build.returncode == 0, build.output
    handler = functools.partial(QuietHandler, directory=str(build.site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    prints = {}
    for slug in ("key-account-manager", "recruiter"):
        page = browser.new_page()
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/positions/{slug}/")
        page.emulate_media(media="print")
        prints[slug] = root / f"{slug}.pdf"
        page.pdf(path=str(prints[slug]), format="A4", prefer_css_page_size=True)
        page.close()
    server.shutdown()
    return build, prints


def both(printed, slug):
    build, prints = printed
    return {"the browser print": prints[slug], "the build-time PDF": build.site / "pdf" / f"{slug}.pdf"}


@pytest.mark.browser
@pytest.mark.parametrize("slug", ["key-account-manager", "recruiter"])
def test_the_changed_positions_print_as_signable_documents(printed, slug):
    for how, pdf in both(printed, slug).items():
        check_printed_instruction(pdf, printed[0].position(slug), how)


@pytest.mark.browser
def test_a_table_in_a_clause_is_ruled_and_nested_lists_stay_in_the_text_block(printed):
    page = printed[0].position("key-account-manager")
    assert page.select("ol.clauses table td"), "the table did not reach the clause"
    for how, pdf in both(printed, "key-account-manager").items():
        doc = PrintedDocument(pdf)
        text = " ".join(doc.text().replace("\u00a0", " ").split())
        assert "руководитель отдела продаж" in text and "— о звонках клиентам;" in text, f"{how}: the clause is cut"
        # Third level: one indent further in than the second, both inside the 25 mm left margin.
        words = [w for n in range(1, doc.pages + 1) for w in doc.words(n)]
        second = next(w for w in words if w.text == "еженедельные:")
        third = next(w for w in words if w.text == "звонках")
        assert third.x0 > second.x0 + 20, f"{how}: the third level is not indented under the second"


@pytest.mark.browser
def test_approval_by_signature_prints_no_order_and_a_line_for_an_unknown_name(printed):
    page = printed[0].position("recruiter")
    stamp = " ".join(page.select_one(".doc-stamp").get_text(" ").split())
    assert stamp.startswith("УТВЕРЖДАЮ Генеральный директор ООО «Пример»") and "№" not in stamp, stamp
    assert page.select_one(".doc-stamp .sign-line--name"), "no line to write the director's name by hand"
    for how, pdf in both(printed, "recruiter").items():
        header = " ".join(PrintedDocument(pdf).text(1).split()).split("ДОЛЖНОСТНАЯ")[0]
        assert "04.12.2026" in header and "приказ" not in header and "№" not in header, f"{how}: {header}"


@pytest.mark.browser
def test_signature_rows_carry_known_names_and_lines_for_the_rest(printed):
    """Each row: the post, a line to sign, the name or a line to write it, the date form; every line is
    drawn the same way (underscores, no cell borders) and each column starts at one place in every row."""
    page = printed[0].position("key-account-manager")
    rows = {row.select_one(".sign-title").get_text(strip=True): row for row in page.select(".sign-table tr")
            if row.select_one(".sign-title")}
    assert list(rows) == ["Руководитель отдела продаж", "Руководитель отдела персонала", "Юрисконсульт"]
    assert rows["Юрисконсульт"].select_one(".sign-name").get_text() == "А.\u00a0С.\u00a0Кузнецова"
    line = rows["Юрисконсульт"].select_one(".sign-line-cell").get_text()
    assert set(line) == {"_"} and rows["Руководитель отдела продаж"].select_one(".sign-name--blank").get_text() == line
    for how, pdf in both(printed, "key-account-manager").items():
        doc = PrintedDocument(pdf)
        words = next(doc.words(n) for n in range(1, doc.pages + 1) if "Согласовано:" in doc.text(n))
        starts = {}
        for post in rows:
            last = [w for w in words if w.text == post.split()[-1]][-1]
            row = sorted((w for w in words if abs(w.y1 - last.y1) < 3 and w.x0 > last.x1), key=lambda w: w.x0)
            texts = [w.text for w in row]
            assert texts[0] == line and texts[-1] == "г.", f"{how}: the row of «{post}» reads {texts}"
            starts[post] = (round(row[0].x0), round(row[1].x0), round(next(w for w in row if w.text.startswith("«")).x0))
        post = next(w for w in words if w.text == "Юрисконсульт")
        lawyer = [w.text for w in sorted(words, key=lambda w: w.x0) if abs(w.y1 - post.y1) < 3]
        assert lawyer[2:5] == ["А.", "С.", "Кузнецова"], f"{how}: the lawyer's row reads {lawyer}"
        assert len(set(starts.values())) == 1, f"{how}: the signature lines do not stand one under another: {starts}"
