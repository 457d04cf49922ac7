"""The archive needs nothing of ours to render either: `python -m macros.prepare --editions` writes every
archived edition and every comparison («Лист изменений») as plain Markdown at the site's addresses, and
plain `mkdocs build` (no hooks, no macros plugin, no module of this project) shows each with the site's text.

Left out of the comparison, on the site's side only, because the finish stage makes the files they lead to:
``.print-actions`` (print, PDF and Word buttons), ``a[download]`` (the change sheet's PDF) and ``.doc-qr``.
On position pages the links of «История редакций» (``td.doc-history-links``) are left out on both sides:
the site's also lead to PDFs and .docx; the prepared ones must lead to pages of the plain build.
"""

from __future__ import annotations

import json
import os
import posixpath
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, copy_project
from edition_history import CHANGED_OLD, RECRUITER, edit, git, new_edition
from macros.model.problems import PositionsError
from macros.prepare import prepare
from macros.model.markup import without_code
from macros.prepare.markdown import number_clauses
from macros.render.typography import NBSP
from test_prepare_stage import article_text, built_page

OF_FINISH = (".print-actions", "a[download]", ".doc-qr")
ARCHIVE = ("edition", "compare")


@pytest.fixture(scope="module")
def prepared(tmp_path_factory):
    """The prepare command with --editions, then the plain MkDocs CLI over what it wrote."""
    out = tmp_path_factory.mktemp("prepared-editions")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    command = subprocess.run([sys.executable, "-m", "macros.prepare", "--out", str(out), "--editions"], cwd=ROOT,
                             capture_output=True, text=True, timeout=300, env=env)
    assert command.returncode == 0, command.stderr
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out / "site")],
                           cwd=out, capture_output=True, text=True, timeout=300, env=env)
    assert build.returncode == 0, f"plain mkdocs build of the prepared archive failed:\n{build.stderr}"
    return out, json.loads((out / "manifest.json").read_text(encoding="utf-8"))


def archive_pages(site: Path) -> set[str]:
    return {page.parent.relative_to(site).as_posix() + ".md"
            for pattern in ("positions/*/editions/*/index.html", "positions/*/compare/*/index.html")
            for page in site.glob(pattern)}


def test_every_edition_and_comparison_of_the_site_is_prepared_at_its_address(prepared, site):
    out, manifest = prepared
    archived = {src_uri for src_uri, entry in manifest.items() if entry["kind"] in ARCHIVE}
    assert archived == archive_pages(site.site) and len(archived) >= 16
    assert manifest["positions/recruiter/editions/1.0.md"] == {
        "kind": "edition", "slug": "recruiter", "version": "1.0", "current": False,
        "title": "Менеджер по подбору персонала — редакция 1.0"}
    assert manifest["positions/recruiter/editions/1.1.md"]["current"] is True
    comparison = manifest["positions/recruiter/compare/1.0-1.1.md"]
    assert (comparison["kind"], comparison["slug"], comparison["older"], comparison["version"]) == \
        ("compare", "recruiter", "1.0", "1.1")
    for src_uri in archived:
        text = (out / "docs" / src_uri).read_text(encoding="utf-8")
        assert "{{" not in without_code(text) and "jobdesc-verbatim" not in text, f"{src_uri}: a call or form left"


def test_every_archived_page_reads_the_same_in_the_plain_build_as_on_the_site(prepared, site):
    out, manifest = prepared
    for src_uri, entry in manifest.items():
        if entry["kind"] in ARCHIVE:
            page = built_page(src_uri)
            expected = article_text(site.site / page, OF_FINISH)
            assert article_text(out / "site" / page) == expected, f"{src_uri}: the plain build shows other text"
    old = article_text(out / "site" / "positions/client-manager/editions/1.0/index.html")
    new = article_text(out / "site" / "positions/client-manager/editions/1.1/index.html")
    assert "сотрудник" in old and "сотрудник" not in new, "an edition is its own commit's text, not today's"
    assert "Редакция 1.0 — недействующая" in old and f"1.1.{NBSP}" not in old and "1.1. " in old
    sheet = article_text(out / "site" / "positions/client-manager/compare/1.0-1.1/index.html")
    assert "Лист изменений" in sheet and "пункт изменён" in sheet and "пункт исключён" in sheet
    assert f"Участвует в{NBSP}командообразовании" in old and "Участвует в командообразовании" in sheet


def test_a_comparison_is_one_raw_html_block_of_the_template(prepared):
    out, _ = prepared
    text = (out / "docs" / "positions/recruiter/compare/1.0-1.1.md").read_text(encoding="utf-8")
    body = text.split("---\n", 2)[2].strip("\n")
    assert body.startswith('<div class="edition-comparison"') and body.endswith("</div>")
    assert "\n\n" not in body, "a blank line would end the HTML block in a CommonMark renderer"


def test_positions_link_to_their_prepared_editions_and_read_as_on_the_site(prepared, site):
    out, manifest = prepared
    history = ("td.doc-history-links",)
    for src_uri, entry in manifest.items():
        if entry["kind"] != "position":
            continue
        page = built_page(src_uri)
        assert article_text(out / "site" / page, history) == article_text(site.site / page, OF_FINISH + history)
        links = BeautifulSoup((out / "site" / page).read_text(encoding="utf-8"), "html.parser").select(
            "td.doc-history-links a[href]")
        assert links or entry["draft"], f"{src_uri}: no links to its editions"
        for link in links:
            target = posixpath.normpath(posixpath.join(page.parent.as_posix(), link["href"]))
            assert (out / "site" / target / "index.html").is_file(), f"{src_uri}: {link['href']} leads nowhere"


def test_an_editions_reference_to_another_position_names_the_clause_without_a_link():
    recruiter = type("Position", (), {"genitive": "менеджера по подбору персонала"})()
    numbers_of = {"recruiter": (recruiter, {"advice": "2.5"})}.get
    text = "## Обязанности\n\n- Советуется по п. [](recruiter.md#advice).\n"
    named = "п. 2.5 должностной инструкции менеджера по подбору персонала."
    assert named in number_clauses(text, numbers_of, link_out=False)
    assert f"[{named[3:-1]}](recruiter.md#advice)" in number_clauses(text, numbers_of)


def _edition_with_markup(tmp_path) -> tuple[Path, int]:
    """A project whose edition 1.0 underlined a word (HTML HR may not write) and 1.1 removed it; the line of
    that clause in the committed file."""
    repo = copy_project(tmp_path / "repo")
    edit(repo, RECRUITER, CHANGED_OLD, CHANGED_OLD.replace("анкеты", "<u>анкеты</u>"))
    new_edition(repo, "1.0", "2026-02-16", "№ 21-ОД от 16.02.2026", "первая редакция", [])
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Редакция 1.0")
    line = (repo / RECRUITER).read_text(encoding="utf-8").split("\n").index(f"- {CHANGED_OLD}".replace(
        "анкеты", "<u>анкеты</u>")) + 1
    edit(repo, RECRUITER, "<u>анкеты</u>", "анкеты")
    new_edition(repo, "1.1", "2026-05-10", "№ 40-ОД от 10.05.2026", "без разметки",
                [("1.0", "2026-02-16", "№ 21-ОД от 16.02.2026")])
    git(repo, "commit", "-qam", "Редакция 1.1")
    return repo, line


def test_markup_in_an_old_edition_is_refused_naming_the_file_the_edition_and_the_line(tmp_path):
    repo, line = _edition_with_markup(tmp_path)
    assert "positions/recruiter.md" in prepare(repo).pages  # today's text is clean
    with pytest.raises(PositionsError) as raised:
        prepare(repo, archive=True)
    assert f"docs/positions/recruiter.md (редакция 1.0 из истории git):{line}: HTML-разметка" in str(raised.value)


@pytest.mark.slow
def test_the_site_names_the_same_line_of_an_old_edition_as_prepare(tmp_path):
    """The archive's page of an edition is generated, yet its problem names the line of the committed file."""
    repo, line = _edition_with_markup(tmp_path)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", JOBDESC_ARCHIVE="1", JOBDESC_PDF="0", JOBDESC_DOCX="0")
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
                           cwd=repo, capture_output=True, text=True, env=env, timeout=600)
    assert built.returncode != 0
    assert f"docs/positions/recruiter.md (редакция 1.0 из истории git):{line}: HTML-разметка" in built.stderr
