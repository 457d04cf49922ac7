"""The render stage needs nothing of ours: what *prepare* writes, built by plain `mkdocs build` with no
hooks, no macros plugin and no module of this project, shows every position's text as the site does.

Left out of the comparison, on the site's side only, because the finish stage and the archive make them
and the prepared pages do not claim them (see macros/prepare/__init__.py):
- ``.print-actions``: «Печать», «Скачать PDF», «Скачать Word» — buttons of the theme override
  (overrides/main.html) for files the finish stage writes (PDF, .docx);
- ``td.doc-history-links`` in «История редакций»: links to archived editions' pages, PDFs and comparisons,
  which the archive publishes in the same build. The table itself is compared.
Everything else in the article is compared character for character (non-breaking spaces included):
title, tags, position card, approval stamp, aliases, edit record, history table, numbered clauses, filled
references, signatures, acknowledgement sheet and «Справка».
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT
from macros.model.markup import without_code
from macros.model.problems import PositionsError
from macros.prepare import prepare
from macros.prepare.markdown import typeset_markdown
from macros.prepare.project import write_project
from macros.render.typography import NBSP, TypographyExtension

SCREEN_ONLY_OF_FINISH = (".print-actions", "td.doc-history-links")
BLOCKS = ["p", "li", "ul", "ol", "div", "table", "thead", "tbody", "tr", "td", "th", "h1", "h2", "h3", "h4",
          "section", "aside", "details", "summary", "dl", "dt", "dd", "nav", "pre", "br"]
SPACES = re.compile(r"[ \t\n\r\f]+")  # not U+00A0: the typography is part of what must be the same


@pytest.fixture(scope="module")
def plain(tmp_path_factory):
    """prepare() run in-process on the project, written out and built by the plain MkDocs CLI."""
    out = tmp_path_factory.mktemp("prepared")
    prepared = prepare(ROOT)
    write_project(prepared, out)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out / "site")],
                            cwd=out, capture_output=True, text=True, timeout=300,
                            env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    assert result.returncode == 0, f"plain mkdocs build of the prepared project failed:\n{result.stderr}"
    return out, prepared


def built_page(src_uri: str) -> Path:
    """Where MkDocs writes a page: «guide/index.md» is guide/index.html, «guide/fields.md» guide/fields/index.html."""
    source = Path(src_uri)
    return (source.parent if source.stem == "index" else source.with_suffix("")) / "index.html"


def article_text(page: Path, leave_out: tuple[str, ...] = ()) -> str:
    article = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one("article")
    for selector in leave_out:
        for element in article.select(selector):
            element.decompose()
    for block in article.find_all(BLOCKS):  # a block ends a word; an inline element does not
        block.insert_before(" ")
        block.insert_after(" ")
    return SPACES.sub(" ", article.get_text()).strip()


def test_the_prepared_project_holds_no_code_of_ours(plain):
    out, prepared = plain
    config = yaml.safe_load((out / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "hooks" not in config and config["theme"] == {"name": "material", "language": "ru", "font": False}
    assert [next(iter(p)) if isinstance(p, dict) else p for p in config["plugins"]] == ["search", "tags"]
    assert not any((out / "docs").rglob("*.py")) and "macros" not in (out / "mkdocs.yml").read_text(encoding="utf-8")
    for text in prepared.pages.values():  # a guide page may show a call to HR as code
        assert "{{" not in without_code(text) and "jobdesc-verbatim" not in text, "a macro call or held form left"
    kinds = {path: entry["kind"] for path, entry in prepared.manifest.items()}
    assert kinds["index.md"] == "catalog" and kinds["structure.md"] == "structure" and kinds["tags.md"] == "tags"
    assert prepared.manifest["positions/recruiter.md"]["edition"] == "1.1"


def test_every_position_reads_the_same_in_the_plain_build_as_on_the_site(plain, site):
    out, prepared = plain
    positions = [path for path, entry in prepared.manifest.items() if entry["kind"] == "position"]
    assert len(positions) == len(list((ROOT / "docs" / "positions").glob("*.md")))
    for src_uri in positions:
        page = Path(src_uri).with_suffix("") / "index.html"
        expected = article_text(site.site / page, SCREEN_ONLY_OF_FINISH)
        shown = article_text(out / "site" / page)
        assert shown == expected, f"{src_uri}: the plain build shows other text than the site"
    recruiter = article_text(out / "site" / "positions/recruiter/index.html")
    assert f"1.1. Менеджер по подбору персонала относится к{NBSP}категории специалистов." in recruiter
    assert f"и{NBSP}т.{NBSP}п." in recruiter and "Лист ознакомления" in recruiter and "Разработал:" in recruiter
    assert f"п.{NBSP}2.7 и" in article_text(out / "site" / "positions/key-account-manager/index.html")


def test_catalog_structure_tags_and_guides_read_the_same_as_on_the_site(plain, site):
    out, prepared = plain
    others = [path for path, entry in prepared.manifest.items() if entry["kind"] != "position"]
    assert {"index.md", "structure.md", "tags.md"} <= set(others)
    for src_uri in others:
        page = built_page(src_uri)
        assert article_text(out / "site" / page) == article_text(site.site / page), f"{src_uri} differs"
    for page in ("index.html", "structure/index.html"):
        text = article_text(out / "site" / page).replace(NBSP, " ")
        for entry in prepared.manifest.values():
            if entry["kind"] == "position" and not entry["draft"]:
                assert entry["title"] in text, f"{page} does not list «{entry['title']}»"


@pytest.mark.parametrize("line", [
    "Соблюдая условия п. [2.7](#consult) и т. п. в срок",
    "**В** случае — по ст. 22 ТК РФ, см. *п.* 3",
    r"Федеральным законом от 27\.07\.2006 № 152\-ФЗ и с И. И. Ивановым",
    "Инженер &lt;по ТБ&gt; и `код в т. п.` о 2 днях",
    '!!! note "О порядке"\n\n    - В течение 3 дней — с согласия',
    "| Кто | Что |\n| --- | --- |\n| я | в срок |",
    "права и\nответственность, см. п.\n3 и  \nв срок",
    "Колонка «№ | обязанность» и | в таблице",  # a pipe outside a table is text: «№» binds to it
    "| № | и |\n| --- | --- |\n| № 5 | в срок |",
    "№ | и\n--- | :---:\nв срок | № 3 и |",  # a table without the outer pipes
])
def test_typography_written_into_markdown_is_the_sites(line):
    extensions = ["admonition", "tables"]
    site = markdown.markdown(line, extensions=[*extensions, TypographyExtension()])
    plain = markdown.markdown(typeset_markdown(line), extensions=extensions)
    assert BeautifulSoup(plain, "html.parser").get_text() == BeautifulSoup(site, "html.parser").get_text()
    assert NBSP in BeautifulSoup(plain, "html.parser").get_text()


def test_a_reference_to_another_positions_clause_is_written_out(scratch):
    recruiter = scratch / "docs/positions/recruiter.md"
    recruiter.write_text(recruiter.read_text(encoding="utf-8").replace(
        "- Консультирует руководителей", "- {#advice} Консультирует руководителей"), encoding="utf-8")
    manager = scratch / "docs/positions/client-manager.md"
    text = manager.read_text(encoding="utf-8")
    duty = "\n- Обращается за советом по п. [](recruiter.md#advice).\n"
    manager.write_text(text.replace("\n## Права\n", duty + "\n## Права\n", 1), encoding="utf-8")
    pages = prepare(scratch).pages
    assert f"п.{NBSP}[2.5{NBSP}должностной инструкции менеджера по подбору персонала](recruiter.md#advice)" \
        in pages["positions/client-manager.md"]
    assert '- <a id="advice"></a>2.5\\. Консультирует руководителей' in pages["positions/recruiter.md"]


def test_hr_mistakes_are_reported_by_prepare_with_file_and_line(scratch):
    recruiter = scratch / "docs/positions/recruiter.md"
    text = recruiter.read_text(encoding="utf-8")
    duties, rights = text.index("Менеджер по подбору персонала выполняет"), text.index("## Права")
    text = text[:duties] + "Обязанности будут описаны позже.\n\n" + text[rights:]
    recruiter.write_text(text.replace("{{ signatures() }}", "{{ signature() }}"), encoding="utf-8")
    lines = recruiter.read_text(encoding="utf-8").split("\n")
    with pytest.raises(PositionsError) as raised:
        prepare(scratch)
    shown = str(raised.value)
    heading = lines.index("## Должностные обязанности") + 1
    call = lines.index("{{ signature() }}") + 1
    assert f"docs/positions/recruiter.md:{heading}: в разделе «Должностные обязанности» нет ни одной обязанности" \
        in shown
    assert f"docs/positions/recruiter.md:{call}: неизвестный макрос «signature()»" in shown
    assert "возможно, имелось в виду signatures()" in shown


def test_hostile_markup_is_refused_by_prepare_as_by_the_site(scratch):
    recruiter = scratch / "docs/positions/recruiter.md"
    text = recruiter.read_text(encoding="utf-8").replace(
        "- Участвует в поддержании", "- Участвует <script>alert(1)</script> в поддержании").replace(
        "- Исполняет служебные", "- Исполняет [служебные](javascript:alert(1))")
    recruiter.write_text(text, encoding="utf-8")
    lines = text.split("\n")
    with pytest.raises(PositionsError) as raised:
        prepare(scratch)
    shown = str(raised.value)
    script = next(number for number, line in enumerate(lines, 1) if "<script>" in line)
    link = next(number for number, line in enumerate(lines, 1) if "javascript:" in line)
    assert f"docs/positions/recruiter.md:{script}: " in shown and "<script>" in shown
    assert f"docs/positions/recruiter.md:{link}: " in shown and "javascript" in shown


def test_the_prepare_command_refuses_a_mistake_without_a_traceback(scratch, tmp_path):
    recruiter = scratch / "docs/positions/recruiter.md"
    recruiter.write_text(recruiter.read_text(encoding="utf-8").replace("{{ signatures() }}", "{{ signature() }}"),
                         encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "macros.prepare", "--out", str(tmp_path / "out")], cwd=scratch,
                            capture_output=True, text=True, timeout=120, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "docs/positions/recruiter.md:" in result.stderr and "неизвестный макрос «signature()»" in result.stderr
    assert not (tmp_path / "out" / "docs").exists(), "nothing is written when the project has mistakes"
