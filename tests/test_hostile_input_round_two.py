"""A pull request changes text and nothing else, round two (issue 23): the classes a second attack found.

Each class is closed where the input is first read, so most cases are checked in-process against the
checks themselves (fast, many inputs); whole-project cases in-process against the prepare stage, and by
real builds (two in every run, all in the slow run) that keep the wiring honest: the build stops with the
file, the line and the fix, no traceback, and the last good site stays as it was.
"""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest

from conftest import ROOT
from edits import (RECRUITER, BadInput, end_to_end, good_site, in_process, line_of, refused_build,
                   refused_by_prepare, replace)
from macros.checks.files import check_docs_files
from macros.checks.offline import outside_resources
from macros.checks.pages import check_page_meta
from macros.checks.relations import check_relations
from macros.checks.text import MAX_LINE, MAX_WORD, check_text
from macros.model.loading import load_staff
from macros.render.safe_html import removed_markup, sanitise

FIX = "Как исправить:"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 8
THEME_DIRS = [str(ROOT / "overrides")]


def docs_with(tmp_path: Path, files: dict[str, bytes]) -> Path:
    docs = tmp_path / "docs"
    for name, content in {"index.md": b"# x\n", **files}.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_bytes(content)
    return docs


# --- 1. docs/ holds pages and pictures only, never at a path of the site's own -------------------------

REFUSED_FILES = {
    "assets/javascripts/print.js": "не публикуется",           # would replace the script every page loads
    "assets/stylesheets/print.css": "не публикуется",          # would replace the printed document's style
    "assets/stylesheets/picture.png": "сайт сам пишет",        # a picture in the theme's folder
    "evil.html": "не публикуется",
    "images/chart.svg": "не публикуется",                      # scripts, outside references, nested <use>
    "positions/recruiter/editions/0.9/index.html": "не публикуется",
    "pdf/editions/recruiter-0.9.pdf": "не публикуется",
    "pdf/note.md": "сайт сам пишет",                           # a page posing in the downloads' folder
    "search/search_index.md": "сайт сам пишет",
    "search.md": "сайт сам пишет",                             # a page at /search/, the index's folder
    "docx/index.md": "сайт сам пишет",
    "images/photo.png": "картинкой этого типа не является",    # HTML renamed to .png
    "robots.txt": "не публикуется",
    "Makefile": "без расширения",
    # A name is the page's address and its «edit» link (and, without a title, its title), unescaped by MkDocs.
    "<img src=x onerror=alert(1)>.md": "знак «<»",
    'x" autofocus onfocus="alert(1)" y=".md': 'знак «"»',
    "guide/a&amp;b.md": "знак «&»",
    "images/план#2.png": "знак «#»",
}


@pytest.mark.parametrize("name", REFUSED_FILES)
def test_a_docs_file_that_is_not_a_page_or_a_picture_or_takes_the_sites_path_is_refused(name, tmp_path):
    content = b"<script>alert(1)</script>" if not name.endswith("picture.png") else PNG
    docs = docs_with(tmp_path, {name: content})
    problems = check_docs_files(docs, THEME_DIRS)
    assert [p.file for p in problems] == [f"docs/{name}"], problems
    assert REFUSED_FILES[name] in problems[0].message and problems[0].fix, problems[0]


@pytest.mark.parametrize("name", ["assets/images/favicon.png", "Assets/IMAGES/Favicon.PNG"])
def test_a_theme_file_of_the_same_path_is_refused_even_as_a_picture(name, tmp_path):
    """A web server that ignores case would serve HR's file in place of the theme's, so case does not matter."""
    theme = tmp_path / "theme"
    (theme / "assets" / "images").mkdir(parents=True)
    (theme / "assets" / "images" / "favicon.png").write_bytes(PNG)
    (theme / "assets" / "images" / "logo").mkdir()  # a theme folder is not a file a picture could replace
    small = picture("PNG", 4, 4)
    docs = docs_with(tmp_path, {name: PNG, "assets/images/logo.png": small, "assets/images/favicon/x.png": small})
    problems = check_docs_files(docs, [str(theme)])
    assert [p.file for p in problems] == [f"docs/{name}"], problems
    assert f"файл /{name}" in problems[0].message


def picture(kind: str, width: int, height: int) -> bytes:
    from PIL import Image
    buffer = io.BytesIO()
    Image.new("1", (width, height)).save(buffer, kind)
    return buffer.getvalue()


def test_a_picture_that_declares_a_huge_image_is_refused(tmp_path):
    bomb = picture("PNG", 10_000, 10_000)  # 100 million pixels in a few kilobytes
    assert len(bomb) < 200_000
    problems = check_docs_files(docs_with(tmp_path, {"images/plan.png": bomb}), THEME_DIRS)
    assert len(problems) == 1 and "10000 × 10000 точек" in problems[0].message, problems


def test_pages_and_real_pictures_are_welcome(tmp_path):
    docs = docs_with(tmp_path, {"images/chart.png": picture("PNG", 800, 600), "images/photo.JPG": picture("JPEG", 80, 60),
                                "procedure.md": b"# x\n", ".hidden/notes.txt": b"x", "templates/x.html": b"<x>"})
    assert check_docs_files(docs, THEME_DIRS) == []


def test_the_projects_own_docs_pass():
    assert check_docs_files(ROOT / "docs", THEME_DIRS) == []


# --- 2, 3. Comments and ids: what the browser reads is what Python-Markdown read ------------------------

def test_the_sanitiser_strips_comments_and_ids_of_materials_own_parts():
    page = '<p>a</p><!--><div id="__config">{"base": "//evil"}</div><!-- --><p id="p2-1">b</p>'
    cleaned = sanitise(page)
    assert "<!--" not in cleaned and "__config" not in cleaned
    assert '<p id="p2-1">b</p>' in cleaned, "the clause's own id stays"
    assert removed_markup(page, cleaned) == ('<div id="__config">', "__config")


# --- 4. Front matter of every page has a schema ----------------------------------------------------------

@pytest.mark.parametrize("meta, wrong", [
    ({"author": '"><script>alert(1)</script>'}, "поле «author»"),
    ({"template": "404.html"}, "поле «template»"),
    ({"icon": "../../../etc/passwd"}, "поле «icon»"),
    ({"description": ["<script>"]}, "поле «description» должно быть строкой"),
    ({"hide": ["navigation", "everything"]}, "поле «hide»"),
])
def test_a_pages_front_matter_takes_only_known_fields_of_their_kind(meta, wrong):
    problems = check_page_meta("docs/procedure.md", {"title": "Порядок", **meta}, {(k,): 3 for k in meta})
    assert len(problems) == 1 and wrong in problems[0].message and problems[0].line == 3, problems


def test_a_pages_usual_front_matter_passes():
    assert check_page_meta("docs/structure.md", {"title": "Оргструктура", "hide": ["toc"],
                                                 "description": "Кто кому подчиняется"}, {}) == []


# --- 7. Invisible characters; 8. link definitions; 9. sizes -------------------------------------------

@pytest.mark.parametrize("char, name", [
    ("\u202e", "U+202E"), ("\u2066", "U+2066"), ("\u200b", "U+200B"), ("\u200d", "U+200D"),
    ("\ufeff", "U+FEFF"), ("\x07", "U+0007"), ("\x1b", "U+001B"), ("\x85", "U+0085"), ("\u2028", "U+2028"),
    ("\U000e0041", "U+E0041"), ("\ue000", "U+E000"),
    # Printable to Python, drawn as nothing or as a space that is none: «Менеджер\ufe00» looks like «Менеджер».
    ("\ufe00", "U+FE00"), ("\ufe0f", "U+FE0F"), ("\U000e0100", "U+E0100"), ("\u034f", "U+034F"),
    ("\u3164", "U+3164"), ("\u115f", "U+115F"), ("\uffa0", "U+FFA0"), ("\u17b4", "U+17B4"), ("\u2800", "U+2800"),
])
def test_an_invisible_character_is_refused_with_its_line(char, name):
    text = f"---\ntitle: Должность\n---\n\n- Обязанность {char}000 001 рублей\n"
    problems = check_text("docs/positions/x.md", text)
    assert [(p.line, name in p.message) for p in problems] == [(5, True)], problems


@pytest.mark.parametrize("escape", ["\\u202e", "\\u200b", "\\x07", "\\e", "\\ufe00", "\\u05c0"])
def test_an_invisible_character_written_as_a_yaml_escape_is_refused_on_its_fields_line(escape):
    from macros.checks.text import check_values
    from macros.model.front_matter import parse_front_matter
    meta, lines, _ = parse_front_matter(f'title: Менеджер\nexperience: "не менее {escape}года"\n')
    problems = check_values("docs/positions/x.md", meta, lines)
    assert [(p.field, p.line) for p in problems] == [("experience", 3)], problems  # the file's line (--- is 1)


def test_a_file_name_with_an_invisible_character_is_refused(tmp_path):
    problems = check_docs_files(docs_with(tmp_path, {"images/plan\u202egnp.png": picture("PNG", 8, 8)}), THEME_DIRS)
    assert len(problems) == 1 and "невидимый символ" in problems[0].message, problems


@pytest.mark.parametrize("char, name", [
    ("\u05c0", "U+05C0"), ("\u05d0", "U+05D0"), ("\u0627", "U+0627"), ("\u0663", "U+0663"), ("\ufb1d", "U+FB1D"),
    ("\U00010900", "U+10900"),
])
def test_a_right_to_left_letter_that_reorders_the_digits_beside_it_is_refused(char, name):
    """No control character needed: after a Hebrew or Arabic sign «000 100» shows as «100 000» everywhere."""
    text = f"---\ntitle: Должность\n---\n\n- Оклад {char} 000 100 рублей\n"
    problems = check_text("docs/positions/x.md", text)
    assert [(p.line, name in p.message) for p in problems] == [(5, True)], problems


def test_other_scripts_and_signs_pass():
    assert check_text("docs/x.md", "Café, Straße, 中文, ⚠ № 5 — «ёлка», x² ≤ 10 ‰, ½, 😀, 𝐀\n") == []


@pytest.mark.parametrize("entity, name", [
    ("&#x202E;", "U+202E"), ("&#8238;", "U+202E"), ("&#X2066;", "U+2066"), ("&zwnj;", "U+200C"),
    ("&ZeroWidthSpace;", "U+200B"), ("&lrm;", "U+200E"), ("&#xE0041;", "U+E0041"), ("&#7;", "U+0007"),
])
def test_an_invisible_character_written_as_an_html_entity_is_refused_with_its_line(entity, name):
    """Python-Markdown passes «&#x202E;» to the page as it is; the browser, PDF and Word decode it."""
    text = f"---\ntitle: Должность\n---\n\n- Оклад {entity}000 001 рублей\n"
    problems = check_text("docs/positions/x.md", text)
    assert [(p.line, name in p.message, entity in p.fix) for p in problems] == [(5, True, True)], problems


def test_visible_entities_pass():
    assert check_text("docs/x.md", "A&amp;B, &lt;тег&gt;, 5&nbsp;км, пере&shy;нос, &#x2014; &mdash; &#171;x&#187;\n") == []


def test_spaces_hyphenation_hints_and_typography_pass():
    text = "Статья\u00a081 ТК РФ, пере\u00adнос,\tтабуляция — «кавычки» № 152-ФЗ\u202fи\u2009т.\u00a0д.\n"
    assert check_text("docs/x.md", text) == []


def test_titles_that_differ_only_by_an_invisible_or_compatibility_character_are_one_title(tmp_path):
    docs = tmp_path / "docs"
    (docs / "positions").mkdir(parents=True)
    source = (ROOT / RECRUITER).read_text(encoding="utf-8")
    (docs / "positions" / "recruiter.md").write_text(source, encoding="utf-8")
    twin = source.replace("title: Менеджер по подбору персонала", "title: Менеджер по подбору\u00a0персонала")
    (docs / "positions" / "recruiter-twin.md").write_text(twin, encoding="utf-8")
    staff, _ = load_staff(docs)
    duplicates = [p for p in check_relations(staff, docs) if "уже описана" in p.message]
    assert [p.file for p in duplicates] == ["docs/positions/recruiter.md"] or \
        [p.file for p in duplicates] == ["docs/positions/recruiter-twin.md"], duplicates


@pytest.mark.parametrize("definition", [
    '[x]: https://example.org "первая строка\nвторая строка"',   # a multi-line title: text on the site only
    "Абзац текста\n[x]: https://example.org",                     # inside a paragraph: a definition on the site only
    "   [^1]: сноска",
])
def test_a_link_definition_is_refused_because_the_readers_disagree_on_it(definition):
    problems = check_text("docs/x.md", f"# Заголовок\n\n{definition}\n")
    assert problems and "определение ссылки" in problems[0].message and problems[0].line in (3, 4), problems


@pytest.mark.parametrize("text, what, line", [
    ("a\n" + "=" * 60_000 + "\n", "строка слишком длинная", 2),
    ("a\nb " + "ж" * 60_000 + "\n", "строка слишком длинная", 2),
    ("a\n\nb " + "ж" * (MAX_WORD + 1) + " c\n", "слово без пробелов", 3),
    ("a\n" + ("слово " * 1000 + "\n") * 300, "файл слишком большой", None),
], ids=["line", "line of one word", "word", "file"])
def test_oversized_lines_words_and_files_are_refused(text, what, line):
    problems = check_text("docs/x.md", text)
    assert len(problems) == 1 and what in problems[0].message and problems[0].line == line, problems


@pytest.mark.parametrize("text, what", [
    ("> " * 3000 + "x\n", "слишком глубокая вложенность"),
    ("".join(" " * (2 * level) + "- пункт\n" for level in range(400)), "(и ещё строк: 378)"),
    ("[a](" * 300 + "\n", "больше 200 квадратных скобок"),
], ids=["quotes", "indentation", "brackets"])
def test_markdown_nested_beyond_any_instruction_is_refused(text, what):
    problems = check_text("docs/x.md", text)
    assert any(what in p.message for p in problems), problems


def test_three_levels_of_clauses_and_a_code_block_in_a_list_are_not_too_deep():
    text = "- 1\n    - 1.1\n        - 1.1.1\n\n            код в пункте\n> > цитата в цитате\n"
    assert check_text("docs/x.md", text) == []


def test_a_long_paragraph_and_a_long_address_are_not_oversized():
    address = "https://intranet.example.local/" + "a" * 200
    assert check_text("docs/x.md", "слово " * (MAX_LINE // 7) + f"[ссылка]({address})\n") == []


def test_the_outside_request_check_reads_hostile_pages_in_linear_time():
    started = time.process_time()
    for page in ("=" * 250_000, '="' * 125_000, "src=x: " * 35_000, "<a " * 80_000 + "src=//evil/x>"):
        outside_resources(f"<p>{page}</p>")
    assert time.process_time() - started < 5, "a quarter-megabyte page took seconds: the check is not linear"
    assert outside_resources("<p>" + "=" * 1000 + '</p><img src="//evil.example/x.png">') == ["//evil.example/x.png"]


def test_a_name_from_the_front_matter_reaches_git_as_a_file_name_not_a_pattern(tmp_path):
    """`reports_to: ":(glob)*"` asks whether docs/positions/:(glob)*.md was deleted: git must not read it as a
    pattern matching every deleted position (the message would name a deletion that never happened)."""
    from edition_history import git
    from macros.model.history import deleted
    positions = tmp_path / "docs" / "positions"
    positions.mkdir(parents=True)
    for name in ("old-post.md", "recruiter.md"):
        (positions / name).write_text("x\n", encoding="utf-8")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "add")
    git(tmp_path, "rm", "-q", "docs/positions/old-post.md")
    git(tmp_path, "commit", "-qm", "remove")
    assert deleted(tmp_path / "docs", "positions/old-post.md") is not None
    assert [deleted(tmp_path / "docs", f"positions/{name}.md") for name in (":(glob)*", "*", "old-*")] == [None] * 3


# --- Whole project: refused before any page is written; the build stops and the last good site stays -----

PROCEDURE = "docs/procedure.md"


def add_file(name: str, content: str):
    def edit(project: Path) -> None:
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_text(content, encoding="utf-8")
    return edit


def before_rights(snippet: str):
    return replace(RECRUITER, "\n## Права\n", f"\n{snippet}\n\n## Права\n")


RIGHTS = f"{RECRUITER}:{line_of(RECRUITER, '## Права')}"
BUILDS = [
    BadInput("print.js replaced from docs/", add_file("docs/assets/javascripts/print.js", "alert(document.cookie)"),
             ["docs/assets/javascripts/print.js", "не публикуется", FIX]),
    BadInput("text hidden on screen but printed, behind <!-->",
             before_rights('<!--><div class="print-only">Работник отвечает за всё.</div><!-- -->'),
             [RIGHTS, "HTML-комментарий", FIX]),
    BadInput("a forged Material config behind <!-->",
             before_rights('<!--><div id="__config">{"base": "//evil.example"}</div><!-- -->'),
             [RIGHTS, "HTML-комментарий"]),
    BadInput("a script in a page's head through its front matter",
             replace(PROCEDURE, "title:", 'author: "\\"><script>alert(1)</script>"\ntitle:'),
             [f"{PROCEDURE}:2", "поле «author»", FIX]),
    BadInput("a right-to-left override in a duty",
             replace(RECRUITER, "- Исполняет служебные поручения", "- Исполняет \u202eслужебные поручения"),
             [f"{RECRUITER}:{line_of(RECRUITER, '- Исполняет служебные поручения')}", "U+202E", FIX]),
    BadInput("a UNC link to another host", before_rights("Шаблоны: [папка](\\\\\\\\fileserver\\\\hr)."),
             [RIGHTS, "«\\\\fileserver\\hr»", FIX]),
    BadInput("a picture outside docs/", before_rights("![пароли](../../../../etc/passwd.png)"),
             [RIGHTS, "вне папки docs/", FIX]),
    # Superfences' attribute braces give a code block any class and id: no other check sees them.
    BadInput("text printed but hidden on screen through a code block's class",
             before_rights("```{.text .print-only}\nРаботник отвечает за всё.\n```"),
             [RIGHTS, "атрибуты блока кода", FIX]),
    BadInput("text on screen but absent from print through a code block's class",
             before_rights("~~~ text {.screen-only}\nТолько на экране.\n~~~"), [RIGHTS, "атрибуты блока кода"]),
    BadInput("a clause's anchor taken by a code block in a list",
             before_rights("- Пункт.\n\n    ```{#p2-1}\n    x\n    ```"),
             [f"{RECRUITER}:{line_of(RECRUITER, '## Права') + 2}", "атрибуты блока кода"]),
    BadInput("a right-to-left override written as an HTML entity",
             replace(RECRUITER, "- Исполняет служебные поручения", "- Оклад &#x202E;000 001&#x202C; рублей. Исполняет служебные поручения"),
             [f"{RECRUITER}:{line_of(RECRUITER, '- Исполняет служебные поручения')}", "«&#x202E;»", "U+202E", FIX]),
    # Material's tags plugin reads the settings after its marker (YAML, a template's path) before our checks run.
    BadInput("a tags listing whose settings name a template outside the theme",
             replace("docs/tags.md", "<!-- material/tags -->", '<!-- material/tags { layout: "../../../../etc" } -->'),
             [f"docs/tags.md:{line_of('docs/tags.md', 'material/tags')}", "с настройками", "<!-- material/tags -->"]),
    BadInput("a tags listing whose settings carry a YAML tag",
             replace("docs/tags.md", "<!-- material/tags -->", '<!-- material/tags !!python/object/apply:os.system ["id"] -->'),
             [f"docs/tags.md:{line_of('docs/tags.md', 'material/tags')}", "с настройками", FIX]),
    BadInput("Python-Markdown's table of contents, shown on screen but not printed", before_rights("[TOC]"),
             [RIGHTS, "оглавление [TOC]", "уберите строку [TOC]"]),
    # Print, PDF and Word leave out every h1 (the document's title is the build's): HR's own would be screen-only.
    BadInput("a first-level heading shown on screen but not printed", before_rights("# Работник отвечает за всё"),
             [RIGHTS, "заголовок первого уровня", FIX]),
    BadInput("a line underlined with === shown on screen but not printed",
             before_rights("Работник отвечает за всё\n==="), [f"{RECRUITER}:{line_of(RECRUITER, '## Права') + 1}", "заголовок первого уровня"]),
    BadInput("a first-level heading inside a duty", before_rights("- # Работник отвечает за всё"),
             [RIGHTS, "заголовок первого уровня"]),
    # «Справка» is left out of print, PDF and Word by design; the page tells it by its title alone.
    BadInput("a non-printing block dressed as a warning", before_rights('!!! warning reference "Важно"\n    Работает в выходные.'),
             [RIGHTS, "не печатается", '!!! reference "Справка"']),
    BadInput("a non-printing block without its title", before_rights('!!! reference ""\n    Работает в выходные.'),
             [RIGHTS, "не печатается", FIX]),
    BadInput("digits reordered by a Hebrew sign",
             replace(RECRUITER, "- Исполняет служебные поручения", "- Оклад ׀ 000 100 рублей. Исполняет служебные поручения"),
             [f"{RECRUITER}:{line_of(RECRUITER, '- Исполняет служебные поручения')}", "U+05C0", "справа налево", FIX]),
    # Material reads its settings from the element with id __config: a heading may not take that id.
    BadInput("a heading whose id is Material's own",
             replace(PROCEDURE, "## Кто разрабатывает инструкцию", "## __config\n\n## Кто разрабатывает инструкцию"),
             [f"{PROCEDURE}:{line_of(PROCEDURE, '## Кто разрабатывает инструкцию')}", '(<h2 id="__config">)',
              "санитайзер её удалил", FIX]),
]


@pytest.fixture(scope="module")
def published(tmp_path_factory, plain_site):
    return good_site(tmp_path_factory, plain_site)


@pytest.mark.parametrize("bad", in_process(BUILDS), ids=str)
def test_the_prepare_stage_refuses_with_file_line_and_fix(bad, tmp_path):
    refused_by_prepare(bad, tmp_path)


# In every run, a real build for a file docs/ may not hold, for markup hidden from the Markdown reader, for
# markup only the sanitiser removes and for a page the theme reads before our checks (a traceback otherwise).
EVERY_RUN = {"print.js replaced from docs/", "text hidden on screen but printed, behind <!-->",
             "a heading whose id is Material's own", "a tags listing whose settings carry a YAML tag"}


@pytest.mark.parametrize("bad", end_to_end(BUILDS, EVERY_RUN), ids=str)
def test_the_build_refuses_and_the_last_good_site_stays(bad, published, tmp_path):
    refused_build(bad, published, tmp_path)
