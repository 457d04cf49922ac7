"""A position page printed from the browser is a signable A4 document (ГОСТ Р 7.0.97-2025)."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import pytest

from conftest import ROOT, require_tool
from printed_document import PrintedDocument, check_printed_instruction

SLUGS = sorted(p.stem for p in (ROOT / "docs" / "positions").glob("*.md") if not p.name.startswith("_"))


@pytest.mark.browser
@pytest.mark.parametrize("slug", SLUGS)
def test_browser_print_is_a_signable_document(slug, browser, served_site, site, tmp_path):
    require_tool("pdftotext", "reading printed PDFs")
    page = browser.new_page()
    outside = []
    page.route("**/*", lambda route: route.continue_() if urlsplit(route.request.url).hostname == "127.0.0.1"
               else (outside.append(route.request.url), route.abort()))
    page.goto(served_site + f"positions/{slug}/")
    page.emulate_media(media="print")
    pdf = tmp_path / f"{slug}.pdf"
    page.pdf(path=str(pdf), format="A4", prefer_css_page_size=True)
    page.close()
    assert not outside, f"printing the page asked for outside addresses: {outside}"
    check_printed_instruction(pdf, site.position(slug), "the browser print")
    printed, built = PrintedDocument(pdf), PrintedDocument(site.site / "pdf" / f"{slug}.pdf")
    # The same sheets: WeasyPrint hyphenates Russian and Chromium on Linux cannot (no dictionary), so a
    # page may begin a clause earlier or later, but the pages, the signatures' page and the
    # acknowledgement sheet's are the same.
    landmarks = [[d.pages] + [next((n for n in range(1, d.pages + 1) if mark in d.text(n)), None)
                              for mark in ("Разработал:", "ЛИСТ ОЗНАКОМЛЕНИЯ")] for d in (printed, built)]
    assert landmarks[0] == landmarks[1], (
        f"the build-time PDF of {slug} has other sheets than the browser print (pages, signatures' page, "
        f"acknowledgement sheet's page): {landmarks}")


@pytest.mark.browser
def test_print_button_prints_the_build_time_pdf(browser, served_site):
    """With a PDF, «Печать» prints it (the page's layout, hyphenated, exactly the file one downloads):
    the PDF is loaded into a hidden frame whose print dialog opens."""
    page = browser.new_page()
    page.goto(served_site + "positions/key-account-manager/")
    button = page.get_by_role("button", name="Печать")
    assert button.is_visible(), "a position page shows no «Печать» button"
    with page.expect_response(lambda response: response.url.endswith("pdf/key-account-manager.pdf")) as loaded:
        button.click()
    assert loaded.value.ok, "«Печать» did not load the position's PDF"
    assert page.locator("iframe.print-frame").get_attribute("src").endswith("pdf/key-account-manager.pdf")
    page.close()


@pytest.mark.browser
def test_without_a_pdf_print_button_prints_the_page(browser, served_site):
    """mkdocs serve makes no PDFs: then «Печать» opens the browser's print of the page itself."""
    page = browser.new_page()
    page.goto(served_site + "positions/key-account-manager/")
    # Count calls instead of opening a real print dialog, which would block the headless browser.
    page.evaluate("""() => { window.print = () => { window.printed = (window.printed || 0) + 1 };
                          document.querySelector("[data-print]").removeAttribute("data-pdf") }""")
    page.get_by_role("button", name="Печать").click()
    assert page.evaluate("window.printed") == 1, "«Печать» does not open the print dialog"
    page.close()


@pytest.mark.browser
def test_download_link_gives_the_pdf_of_the_position(browser, served_site):
    page = browser.new_page()
    page.goto(served_site + "positions/recruiter/")
    link = page.get_by_role("link", name="Скачать PDF")
    assert link.is_visible(), "a position page shows no «Скачать PDF» link"
    href = urljoin(page.url, link.get_attribute("href"))
    response = page.request.get(href)
    assert response.ok and response.body().startswith(b"%PDF"), f"«Скачать PDF» leads to {href}: {response.status}"
    assert href.endswith("/pdf/recruiter.pdf")
    page.close()


def test_only_position_pages_have_print_actions(site):
    for slug in SLUGS:
        actions = site.position(slug).select_one(".print-actions")
        assert actions and actions.select_one("[data-print]"), f"{slug}: no «Печать» button"
    for other in ("", "procedure/"):
        assert not site.page(other).select(".print-actions"), f"«{other or 'главная'}» has print actions"
