"""No heading at the foot of a printed page: a section's heading goes over to the next page with its
first clause, in the build-time PDF (WeasyPrint) and in the browser's print (Chromium).

Whether today's positions put a heading near the foot of a page is chance, so a check on them bites
only while the chance lasts. These scratch positions make it certain: the recruiter's duties padded
with one-line clauses, one more in each, so that «3. Права» comes down page 2 line by line and, for
some of them, would end the page. The test proves that on the same pages: with the rule that keeps a
heading with what follows switched off, each engine leaves «3. Права» (alone, or with its opening
line «… вправе:») at the foot of page 2 for at least one of them. With print.css as it is, none.

print.css keeps the heading with its opening line (`h2 { break-after: avoid }`) and that line with
the first clause (`h2 + p { break-after: avoid }`); Chromium needs both. WeasyPrint's own stylesheet
already keeps headings with what follows, so there the test guards against a rule that would undo it.
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading

import pytest

from conftest import ROOT, QuietHandler, copy_project, require_tool, run_mkdocs_build
from printed_document import PrintedDocument

sys.path.insert(0, str(ROOT))  # the project's `macros` package, as MkDocs imports it

RECRUITER = "docs/positions/recruiter.md"
LAST_DUTY = "- Исполняет служебные поручения руководителя отдела персонала.\n"
# How many one-line duties each scratch position adds: through this range «3. Права» comes down page 2
# line by line, and for some of them it would end page 2 if nothing kept it with its clause (both tests
# below check that it still would: a longer recruiter's text moves the range).
PADDING = range(16, 25)
HEADING, FIRST_CLAUSE = "3. Права", "3.1."
# What switches the rule off: every heading and opening line may end a page.
NO_KEEP = "@media print { .md-typeset h2, .md-typeset h2 + p { break-after: auto !important; } }"


def _slug(padding: int) -> str:
    return f"padded-{padding}"


@pytest.fixture(scope="module")
def padded(tmp_path_factory):
    """A scratch project with the padded positions, built once with its PDFs."""
    require_tool("pdftotext", "reading printed PDFs")
    root = tmp_path_factory.mktemp("page-breaks")
    project = copy_project(root / "project")
    source = (project / RECRUITER).read_text(encoding="utf-8")
    assert LAST_DUTY in source, "the recruiter's last duty changed: update LAST_DUTY"
    for padding in PADDING:
        text = source.replace("title: Менеджер по подбору персонала", f"title: Менеджер по подбору персонала {padding}")
        text = "".join(line for line in text.splitlines(keepends=True) if not line.startswith("aliases:"))
        duties = "".join(f"- Ведёт реестр документов № {n}.\n" for n in range(1, padding + 1))
        (project / "docs" / "positions" / f"{_slug(padding)}.md").write_text(
            text.replace(LAST_DUTY, duties + LAST_DUTY), encoding="utf-8")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("JOBDESC_PDF", "1")
        env.setenv("JOBDESC_PDF_CACHE", str(root / "cache"))
        build = run_mkdocs_build(project, root / "site")
    assert build.returncode == 0, build.output
    return build


def heading_left_at_foot(pdf) -> str | None:
    """What is wrong with where «3. Права» is printed, or None when its first clause is on its page."""
    doc = PrintedDocument(pdf)
    for number in range(1, doc.pages + 1):
        lines = doc.lines(number)
        if HEADING in lines:
            after = lines[lines.index(HEADING) + 1:]
            if not any(line.startswith(FIRST_CLAUSE) for line in after):
                return f"page {number} ends with «{' / '.join([HEADING, *after])}», clause {FIRST_CLAUSE} is on the next"
            return None
    raise AssertionError(f"{pdf.name} has no heading «{HEADING}»")


@pytest.mark.slow  # a padded site built with PDFs
def test_build_time_pdf_carries_a_heading_over_with_its_first_clause(padded, tmp_path):
    from macros.exports import pdf_engine  # the renderer the build uses

    found = {padding: heading_left_at_foot(padded.site / "pdf" / f"{_slug(padding)}.pdf") for padding in PADDING}
    assert not any(found.values()), f"the build-time PDF leaves a heading at the foot of a page: {found}"
    without_rule = {}
    for padding in PADDING:
        target = tmp_path / f"{padding}.pdf"
        _render_without_rule(pdf_engine, padded.site, _slug(padding), target)
        without_rule[padding] = heading_left_at_foot(target)
    assert any(without_rule.values()), (
        "no padded position would put «3. Права» at the foot of a page even without the rule: the test no "
        f"longer proves anything; change PADDING so that it does ({without_rule})")


@pytest.mark.slow  # a padded site built with PDFs
@pytest.mark.browser
def test_browser_print_carries_a_heading_over_with_its_first_clause(padded, browser, tmp_path):
    handler = functools.partial(QuietHandler, directory=str(padded.site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    found, without_rule = {}, {}
    try:
        for padding in PADDING:
            for results, style in ((found, None), (without_rule, NO_KEEP)):
                page = browser.new_page()
                page.goto(f"http://127.0.0.1:{server.server_address[1]}/positions/{_slug(padding)}/")
                page.emulate_media(media="print")
                if style:
                    page.add_style_tag(content=style)
                target = tmp_path / f"{padding}-{bool(style)}.pdf"
                page.pdf(path=str(target), format="A4", prefer_css_page_size=True)
                page.close()
                results[padding] = heading_left_at_foot(target)
    finally:
        server.shutdown()
    assert not any(found.values()), f"the browser's print leaves a heading at the foot of a page: {found}"
    assert any(without_rule.values()), (
        "no padded position would put «3. Права» at the foot of a page even without the rule: the test no "
        f"longer proves anything; change PADDING so that it does ({without_rule})")


def _render_without_rule(pdf_engine, site, slug: str, target) -> None:
    """The build's own rendering of the page, with NO_KEEP added after the page's stylesheets."""
    import weasyprint

    html_path = site / "positions" / slug / "index.html"
    html = html_path.read_text(encoding="utf-8")
    base_url = html_path.resolve().as_uri()
    fetcher = pdf_engine.SiteOnlyFetcher(site)
    sheets = pdf_engine.stylesheets(html, base_url, fetcher) + [weasyprint.CSS(string=NO_KEEP, media_type="print")]
    weasyprint.HTML(string=pdf_engine.printable_page(html), base_url=base_url, url_fetcher=fetcher,
                    media_type="print").render(stylesheets=sheets).write_pdf(target)
