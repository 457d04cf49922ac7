"""A position page opens in a real browser and reads as a document."""

import pytest


@pytest.mark.browser
def test_position_page_renders_in_chromium(browser, served_site):
    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(served_site + "positions/key-account-manager/")
    assert page.inner_text("h1") == "Менеджер по работе с ключевыми клиентами"
    assert page.locator("li[data-clause='2.23']").is_visible()
    assert not errors, errors
    page.close()
