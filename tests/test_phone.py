"""Every page reads on a phone: nothing scrolls sideways at 360 px, the forms and the org chart reflow.

Employees open their role on a phone more often than on a desktop. A page wider than the screen
makes the reader pan left and right along every line; here the narrowest common phone width is the
test, on every page the build writes (whatever pages exist).
"""

from __future__ import annotations

import pytest

from test_offline import site_pages

PHONE = {"width": 360, "height": 740}


@pytest.fixture(scope="module")
def phone(browser):
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.slow  # every page in Chromium at 360 px
@pytest.mark.browser
def test_no_page_scrolls_sideways_at_360_px(site, served_site, phone):
    wide = {}
    pages = site_pages(site)
    assert "positions/key-account-manager/" in pages and "structure/" in pages
    for url in pages:
        phone.goto(served_site + url, wait_until="networkidle")
        width = phone.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            # The outermost elements that stick out: wider than the screen while their parent is not.
            culprits = phone.evaluate("""(limit) => [...document.querySelectorAll('body *')].filter(e => {
                    const box = e.getBoundingClientRect(), parent = e.parentElement.getBoundingClientRect()
                    return box.width > 0 && box.right > limit + 1 && parent.right <= limit + 1
                }).slice(0, 3).map(e => e.tagName.toLowerCase() + [...e.classList].map(c => '.' + c).join(''))""",
                                      PHONE["width"])
            wide[url or "/"] = (width, culprits)
    assert not wide, f"pages wider than a 360 px phone (page width, widest elements): {wide}"


@pytest.mark.browser
def test_a_position_pages_stamp_forms_and_card_fit_the_phone(served_site, phone):
    phone.goto(served_site + "positions/key-account-manager/")
    for selector in (".doc-stamp", ".position-card", ".sign-table", ".ack-table"):
        box = phone.locator(selector).bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"] + 0.5, (
            f"{selector} does not fit a 360 px screen: {box}")
    # The stamp moves under the organisation's name instead of squeezing beside it.
    org, stamp = phone.locator(".doc-org").bounding_box(), phone.locator(".doc-stamp").bounding_box()
    assert stamp["y"] >= org["y"] + org["height"] - 1, "the stamp still stands beside the organisation"


@pytest.mark.browser
def test_on_a_phone_the_org_chart_is_a_list(served_site, phone):
    phone.goto(served_site + "structure/", wait_until="networkidle")
    tree = phone.locator(".org-tree")
    assert tree.is_visible(), "a phone shows no list of the org structure"
    assert tree.locator("a").count() == phone.locator(".org-tree a[href*='positions/']").count() >= 8
    chart = phone.locator(".mermaid")
    assert chart.count() == 0 or not chart.first.is_visible(), "a phone still shows the chart shrunk to unreadable"
