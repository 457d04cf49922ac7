"""HR changes shared wording or company data once, and every position follows."""

from __future__ import annotations

import re

import pytest

from conftest import POSITIONS, ROOT, copy_project, run_mkdocs_build


@pytest.fixture(scope="module")
def changed(tmp_path_factory):
    """One scratch copy where HR changed, each once: the company's director and approval form (by signature,
    so the positions lose their order numbers), the shared wording of the common rights, and the number of
    rows of the acknowledgement sheet. Each test below reads what its change did to every position."""
    scratch = copy_project(tmp_path_factory.mktemp("boilerplate") / "project")
    config = scratch / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    for old, new in (("general-director: И. И. Иванов", "general-director: П. П. Петрова"),
                     ("    form: document", "    form: official"),
                     (f"acknowledgement_rows: {configured_rows(ROOT)}", "acknowledgement_rows: 7")):
        assert old in text
        text = text.replace(old, new)
    config.write_text(text, encoding="utf-8")
    for slug in POSITIONS:  # approved by a signature: an order's number would put a second form on the page
        path = scratch / "docs" / "positions" / f"{slug}.md"
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        path.write_text("".join(line for line in lines if not line.startswith(("approval:", "  number:"))),
                        encoding="utf-8")
    template = scratch / "macros" / "templates" / "common_rights.md"
    template.write_text(template.read_text(encoding="utf-8") + "- Пользоваться корпоративной библиотекой.\n",
                        encoding="utf-8")
    build = run_mkdocs_build(scratch, scratch.parent / "site")
    assert build.returncode == 0, build.output
    return build


def test_company_value_changes_every_position(changed):
    """The company switches to approval by the director's signature and has a new director: every stamp
    follows, in the one form; the general director's own instruction stays approved by the meeting."""
    build = changed
    for slug in POSITIONS:
        stamp = " ".join(build.position(slug).select_one(".doc-stamp").get_text(" ").split())
        assert stamp.startswith("УТВЕРЖДАЮ Генеральный директор ООО «Пример»"), f"{slug}: {stamp}"
        assert "П. П. Петрова" in stamp and "Иванов" not in stamp and "№" not in stamp, f"{slug}: {stamp}"
    director = build.position("general-director").select_one(".doc-stamp").get_text(" ")
    assert "УТВЕРЖДЕНА" in director and "протокол" in director and "УТВЕРЖДАЮ" not in director


def test_template_wording_changes_every_position(changed):
    for slug in POSITIONS:
        rights = [li.get_text(" ", strip=True) for li in changed.position(slug).select("li[data-clause^='3.']")]
        assert rights[-1].endswith("Пользоваться корпоративной библиотекой."), f"{slug}: {rights[-1]}"


def test_position_files_hold_no_boilerplate_wording():
    for slug in POSITIONS:
        text = (ROOT / "docs" / "positions" / f"{slug}.md").read_text(encoding="utf-8")
        assert "УТВЕРЖДАЮ" not in text and "Лист ознакомления" not in text
        assert "{{ general_provisions() }}" in text and "{{ standard_liability() }}" in text


def test_reference_block_is_on_the_page(site):
    """«Справка» is shown on screen; that it never prints is checked on the printed documents
    themselves (printed_document.py, for the browser's print and the build-time PDF)."""
    for slug in POSITIONS:
        blocks = site.position(slug).select(".admonition.reference")
        assert blocks and blocks[0].select_one(".admonition-title").get_text(strip=True) == "Справка"


def test_every_form_block_stands_in_its_place_on_every_position(site):
    """The stamp, record, signatures and acknowledgement sheet skip Markdown (macros/render/verbatim.py)
    and are put back into the page: each exactly once, in document order, with no placeholder left."""
    order = [".doc-header", ".doc-aliases", ".doc-record", ".doc-history", ".doc-signatures", ".doc-acknowledgement"]
    for slug in POSITIONS:
        page = site.position(slug)
        assert "jobdesc-verbatim" not in str(page), f"{slug}: a placeholder was left in the page"
        article = page.select_one("article")
        found = [element for selector in order for element in article.select(selector)]
        assert len(found) == len(order), f"{slug}: {[s for s in order if not article.select(s)]} missing"
        positions = [next(i for i, el in enumerate(article.find_all(True)) if el is element) for element in found]
        assert positions == sorted(positions), f"{slug}: the blocks are out of document order"
        assert found[-2].find_previous("h2") is not None and found[-1].select("tbody tr"), slug


def test_positions_read_the_same_whether_or_not_jinja_renders_them(plain_site, scratch, tmp_path):
    """Pages are never Jinja templates: their `{{ name() }}` calls are expanded by
    macros/render/plain_calls.py. A developer may still opt a page into Jinja from mkdocs.yml
    (force_render_paths, never from the page itself); both ways must give the same page, byte for byte."""
    expanded = plain_site  # the same copy built as it is
    config = scratch / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert 'force_render_paths: ""' in text
    config.write_text(text.replace('force_render_paths: ""', 'force_render_paths: "positions/*.md"'), encoding="utf-8")
    jinja = run_mkdocs_build(scratch, tmp_path / "jinja")
    assert jinja.returncode == 0, jinja.output
    for slug in POSITIONS:
        page = f"positions/{slug}/index.html"
        assert (jinja.site / page).read_bytes() == (expanded.site / page).read_bytes(), f"{slug} differs"


def test_forms_not_held_are_written_inline_and_read_the_same(plain_site, scratch, tmp_path):
    """A build whose macros do not hold the forms back (option hold_forms: false, as in a build without the
    site's plugin: Zensical runs only define_env) gets them as inline HTML: the same document, only slower
    to build and indexed by search."""
    held = plain_site  # the same copy built as it is, with the plugin holding the forms back
    config = scratch / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "\n  jobdesc:\n" in text, "mkdocs.yml has no extra.jobdesc options"
    config.write_text(text.replace("\n  jobdesc:\n", "\n  jobdesc:\n    hold_forms: false\n"), encoding="utf-8")
    inline = run_mkdocs_build(scratch, tmp_path / "inline")
    assert inline.returncode == 0, inline.output
    for slug in POSITIONS:
        text = [" ".join(build.position(slug).select_one("article").get_text(" ").split()) for build in (held, inline)]
        assert text[0] == text[1], f"{slug} reads differently when its forms are not held"
        assert inline.position(slug).select_one(".doc-acknowledgement tbody tr"), slug
    from search_support import index_entries
    index = " ".join(entry["text"] for entry in index_entries(inline.site))
    assert "Лист ознакомления" in index, "forms not held are ordinary page content"


def configured_rows(project) -> int:
    found = re.search(r"^  acknowledgement_rows: (\d+)$", (project / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    assert found, "mkdocs.yml sets no extra.acknowledgement_rows"
    return int(found.group(1))


def test_the_acknowledgement_sheet_has_exactly_the_configured_rows(site, changed):
    """The number of rows to sign is a company setting (extra.acknowledgement_rows), never a fixed count."""
    expected = configured_rows(ROOT)
    for slug in POSITIONS:
        assert len(site.position(slug).select(".doc-acknowledgement tbody tr")) == expected, slug
    assert configured_rows(changed.project) == 7
    for slug in POSITIONS:
        assert len(changed.position(slug).select(".doc-acknowledgement tbody tr")) == 7, f"{slug}: not the 7 rows set"
