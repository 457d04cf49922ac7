"""Every position has a PDF made at build time, laid out like the browser print, and rebuilt only when needed."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
import time

import pytest

from conftest import ROOT, copy_project, require_tool, run_mkdocs_build
from printed_document import check_printed_instruction
from test_print import SLUGS

sys.path.insert(0, str(ROOT))  # the project's `macros` package, as MkDocs imports it
REPORT = re.compile(r"PDF: (\d+) сделано заново, (\d+) из кэша")


@pytest.mark.parametrize("slug", SLUGS)
def test_build_time_pdf_is_a_signable_document(slug, site):
    require_tool("pdftotext", "reading the build-time PDFs")
    pdf = site.site / "pdf" / f"{slug}.pdf"
    assert pdf.is_file(), f"the build wrote no PDF for {slug}"
    link = site.position(slug).find("a", string="Скачать PDF")
    assert link and link["href"] == f"../../pdf/{slug}.pdf", f"{slug}: «Скачать PDF» does not lead to its PDF"
    check_printed_instruction(pdf, site.position(slug), "the build-time PDF")


def test_justified_lines_of_the_pdf_are_hyphenated_between_russian_syllables(site):
    """The key account manager's long clauses (1.2, 1.6, 2.5, 2.13 gaped without it): words are broken at
    line ends with a hyphen, each a word of the page broken between syllables, 3 letters or more a side."""
    require_tool("pdftotext", "reading the build-time PDFs")
    raw = subprocess.run(["pdftotext", str(site.site / "pdf" / "key-account-manager.pdf"), "-"],
                         capture_output=True, text=True, check=True).stdout
    breaks = re.findall(r"(\w+)\u2010\n(\w+)", raw)
    assert len(breaks) >= 5, f"the PDF hyphenates {len(breaks)} words: justified lines gape"
    page = " ".join(site.position("key-account-manager").select_one("article").get_text(" ").split())
    for head, tail in breaks:
        assert head + tail in page and len(head) >= 3 and len(tail) >= 3, f"a word broken as «{head}-{tail}»"


@pytest.mark.parametrize("slug", SLUGS)
def test_build_time_pdf_is_tagged_for_screen_readers(slug, site):
    """PDF/UA-1: a tagged structure (headings, lists, the acknowledgement table with header cells), the
    document's language and its title, so that the PDF read on screen reads like the page."""
    require_tool("pdfinfo", "reading PDF structure")
    pdf = site.site / "pdf" / f"{slug}.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert re.search(r"^Tagged:\s+yes", info, re.M), f"{slug}: the PDF is not tagged:\n{info}"
    title = site.position(slug).title.get_text()
    assert re.search(rf"^Title:\s+{re.escape(title)}$", info, re.M), f"{slug}: the PDF's title is not «{title}»"
    structure = subprocess.run(["pdfinfo", "-struct", str(pdf)], capture_output=True, text=True).stdout
    tags = re.findall(r"^\s*(\w+)", structure, re.M)
    sections = len(site.position(slug).select("article h2[id^='section-']"))
    assert tags.count("H2") >= sections, f"{slug}: {tags.count('H2')} headings tagged, {sections} sections"
    assert tags.count("LI") >= len(site.position(slug).select("li[data-clause]")), f"{slug}: clauses are not tagged as list items"
    assert "Table" in tags and "TH" in tags, f"{slug}: the acknowledgement table has no tagged header cells"
    assert b"/Lang (ru)" in _uncompressed(pdf), f"{slug}: the PDF does not say its language is Russian"


def _uncompressed(pdf) -> bytes:
    """The PDF's objects, with its compressed object streams inflated (the catalog sits in one)."""
    import zlib
    data = pdf.read_bytes()
    parts = [data]
    for match in re.finditer(rb"stream\r?\n", data):
        end = data.find(b"endstream", match.end())
        try:
            parts.append(zlib.decompress(data[match.end():end].rstrip(b"\r\n")))
        except zlib.error:
            pass
    return b"".join(parts)


def test_pdf_is_dated_by_approval_and_renders_byte_identical(site, tmp_path):
    require_tool("pdfinfo", "reading PDF metadata")
    from macros.exports.pdf_engine import render_pdf  # the same renderer the build uses

    page = site.site / "positions" / "recruiter" / "index.html"
    first, second = tmp_path / "1.pdf", tmp_path / "2.pdf"
    for target in (first, second):
        render_pdf(str(page), str(site.site), str(target), dt.date(2026, 2, 9))
    assert first.read_bytes() == second.read_bytes(), "the same page gave two different PDFs"
    info = subprocess.run(["pdfinfo", "-isodates", str(first)], capture_output=True, text=True).stdout
    assert re.search(r"CreationDate:\s+2026-02-09", info), f"the PDF is not dated by the approval date:\n{info}"


@pytest.fixture(scope="module")
def rebuilds(tmp_path_factory):
    """One scratch project with its own PDF cache, built three times: fresh, unchanged, one position edited."""
    root = tmp_path_factory.mktemp("pdf-cache")
    project = copy_project(root / "project")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("JOBDESC_PDF_CACHE", str(root / "cache"))
        # Word files are counted too: their cache must start empty whatever the environment sets.
        env.setenv("JOBDESC_DOCX_CACHE", str(root / "docx-cache"))
        env.setenv("JOBDESC_PDF", "1")
        builds = [run_mkdocs_build(project, root / "site-1")]
        # Left in the cache by edits long ago, and by another branch last week.
        for name, days in (("stale", 30), ("recent", 7)):
            old = root / "cache" / f"{name}.pdf"
            old.write_bytes(b"%PDF-1.7 left by an older build")
            os.utime(old, (time.time() - days * 86400,) * 2)
        builds.append(run_mkdocs_build(project, root / "site-2"))
        position = project / "docs" / "positions" / "recruiter.md"
        position.write_text(position.read_text(encoding="utf-8").replace(
            "## Права", "- Ведёт учёт кандидатов в кадровом резерве.\n\n## Права", 1), encoding="utf-8")
        builds.append(run_mkdocs_build(project, root / "site-3"))
        # A new subordinate of the head of HR: it changes his card on screen, not his printed page.
        created = subprocess.run([sys.executable, "-m", "macros.new_position", "Специалист по адаптации",
                                  "--department", "Отдел персонала", "--reports-to", "hr-head"],
                                 cwd=project, capture_output=True, text=True)
        assert created.returncode == 0, created.stderr
        builds.append(run_mkdocs_build(project, root / "site-4"))
        env.setenv("JOBDESC_PDF", "0")
        builds.append(run_mkdocs_build(project, root / "site-off"))
    for build in builds:
        assert build.returncode == 0, build.output
    return builds


def _report(build) -> tuple[int, int]:
    match = REPORT.search(build.output)
    assert match, f"the build does not say how many PDFs it regenerated:\n{build.output}"
    return int(match.group(1)), int(match.group(2))


@pytest.mark.slow  # five builds with PDFs (the PDF and Word caches)
def test_first_build_renders_every_pdf_and_second_renders_none(rebuilds):
    assert _report(rebuilds[0]) == (len(SLUGS), 0)
    assert _report(rebuilds[1]) == (0, len(SLUGS)), "an unchanged site rendered its PDFs again"
    for slug in SLUGS:
        assert (rebuilds[0].site / "pdf" / f"{slug}.pdf").read_bytes() == \
               (rebuilds[1].site / "pdf" / f"{slug}.pdf").read_bytes(), f"{slug}: two builds gave different PDFs"


@pytest.mark.slow  # five builds with PDFs (the PDF and Word caches)
def test_the_cache_forgets_pdfs_unused_for_two_weeks(rebuilds):
    cache = rebuilds[1].project.parent / "cache"
    assert not (cache / "stale.pdf").exists(), "a PDF no build used for 30 days is still in the cache"
    assert (cache / "recent.pdf").exists(), "a PDF used a week ago (another branch, say) must stay"
    assert "удалено из кэша (не нужны 14 дней): 1" in rebuilds[1].output
    # + the recent one, the edited recruiter's new PDF and the new position's: nothing recent is deleted
    assert len(list(cache.glob("*.pdf"))) == len(SLUGS) + 3


@pytest.mark.slow  # five builds with PDFs (the PDF and Word caches)
def test_editing_one_position_renders_exactly_its_pdf(rebuilds):
    require_tool("pdftotext", "reading PDFs")
    before, after = rebuilds[1], rebuilds[2]
    assert _report(after) == (1, len(SLUGS) - 1)
    text = subprocess.run(["pdftotext", str(after.site / "pdf" / "recruiter.pdf"), "-"],
                          capture_output=True, text=True).stdout
    assert "Ведёт учёт кандидатов в кадровом резерве." in text, "the edited position's PDF shows the old text"
    for slug in SLUGS:
        if slug != "recruiter":
            assert (before.site / "pdf" / f"{slug}.pdf").read_bytes() == \
                   (after.site / "pdf" / f"{slug}.pdf").read_bytes(), f"{slug} changed though it was not edited"


@pytest.mark.slow  # five builds with PDFs (the PDF and Word caches)
def test_a_new_subordinate_renders_only_the_new_pdf(rebuilds):
    before, after = rebuilds[2], rebuilds[3]
    card = [a.get_text() for a in after.position("hr-head").select("[data-card=subordinates] a")]
    assert "Специалист по адаптации" in card, "the supervisor's card on screen lists the new subordinate"
    assert _report(after) == (1, len(SLUGS)), "only the new position's PDF is made; its supervisor's prints the same"
    assert (before.site / "pdf" / "hr-head.pdf").read_bytes() == (after.site / "pdf" / "hr-head.pdf").read_bytes()


@pytest.mark.slow  # five builds with PDFs (the PDF and Word caches)
def test_pdfs_can_be_switched_off(rebuilds):
    off = rebuilds[4]
    assert not (off.site / "pdf").exists() and "PDF:" not in off.output
    page = off.position("recruiter")
    assert page.select_one("[data-print]") and not page.find("a", string="Скачать PDF"), (
        "without PDFs the page must still offer «Печать» and no dead «Скачать PDF» link")


def test_serve_makes_no_pdfs_unless_asked(monkeypatch):
    from mkdocs.config import load_config
    from macros.exports.cache import Settings
    from macros.plugin import of

    def options(**variables):
        monkeypatch.delenv("JOBDESC_PDF", raising=False)
        for name, value in variables.items():
            monkeypatch.setenv(name, value)
        config = load_config(str(ROOT / "mkdocs.yml"))
        plugin = of(config)
        plugin.load_config(config.extra["jobdesc"], config.config_file_path)
        return plugin.config

    assert not Settings.from_options("serve", ROOT, options(), "pdf").enabled
    assert Settings.from_options("build", ROOT, options(), "pdf").enabled
    assert Settings.from_options("serve", ROOT, options(JOBDESC_PDF="1"), "pdf").enabled


WORD_REPORT = re.compile(r"Word: (\d+) сделано заново, (\d+) из кэша")


@pytest.mark.slow  # five builds with PDFs (the PDF and Word caches)
def test_word_files_share_the_cache_and_rebuild_only_when_the_page_changes(rebuilds):
    """The .docx use the same cache as the PDFs: all made once, none again, then only the edited position's."""
    counts = []
    for build in rebuilds[:4]:
        match = WORD_REPORT.search(build.output)
        assert match, f"the build does not say how many .docx it made:\n{build.output}"
        counts.append((int(match.group(1)), int(match.group(2))))
    assert counts == [(len(SLUGS), 0), (0, len(SLUGS)), (1, len(SLUGS) - 1), (1, len(SLUGS))], counts
    for slug in SLUGS:
        assert (rebuilds[0].site / "docx" / f"{slug}.docx").read_bytes() == \
               (rebuilds[1].site / "docx" / f"{slug}.docx").read_bytes(), f"{slug}: two builds gave different .docx"


@pytest.mark.parametrize("url", [
    "file:///etc/passwd",
    "FILE:///etc/passwd",
    "{site}/../secret.txt",
    "{site}/positions/../../secret.txt",
    "file://intranet.example/{site_path}/page.css",
    "http://127.0.0.1:{port}/page.css",
    "https://cdn.example.com/font.woff2",
    "ftp://example.com/x.css",
    "{site}/missing.css",
])
def test_the_pdf_renderer_reads_nothing_but_files_of_the_built_site(url, tmp_path, answering_server):
    """The PDF's stylesheets, fonts and pictures come from the built site only: a page that names a file
    elsewhere on the server, another host or a scheme other than file and data gets nothing (a server that
    answers every request stands by, so a fetch that is merely unanswered cannot pass for a refusal)."""
    from macros.exports.pdf_engine import SiteOnlyFetcher

    site = tmp_path / "site"
    (site / "positions").mkdir(parents=True)
    (site / "page.css").write_text("body { color: black }", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("secret", encoding="utf-8")
    fetcher = SiteOnlyFetcher(site)
    assert b"color" in fetcher.fetch((site / "page.css").as_uri()).read(), "a file of the site was refused"
    assert fetcher.fetch("data:text/css,p{}").read() == b"p{}", "inline data was refused"
    with pytest.raises(Exception):
        response = fetcher.fetch(url.format(site=site.as_uri(), site_path=str(site).lstrip("/"), port=answering_server))
        pytest.fail(f"{url} was fetched: {response.read()[:40]!r}")


@pytest.fixture(scope="module")
def answering_server():
    """The port of a local web server that answers every request with a stylesheet."""
    import http.server
    import threading

    class Answer(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/css")
            self.end_headers()
            self.wfile.write(b"p { color: red }")

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Answer)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_address[1]
    server.shutdown()
