"""Pages are not programs: every page under docs/ is text with plain calls of the site's macros.

A Jinja page reaches Python objects (``{{ lipsum.__globals__ }}``) and docs/ is approved by HR alone, so anything
beyond ``{{ name() }}`` stops the build; only a developer opts a page into Jinja (``force_render_paths``).
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pathspec

from ..model.front_matter import split_front_matter
from ..model.loading import text_of
from ..model.markup import SIMPLE_CALL, without_code
from ..model.positions import Staff, position_files
from ..model.problems import Problem, did_you_mean
from ..model import two_cores
from .text import check_text, check_values

MARKDOWN = (".markdown", ".mdown", ".mkdn", ".mkd", ".md")  # what MkDocs builds as pages
# Anything Jinja would read with this site's settings: {{ }}, {% %} and the {## ##} comments.
TEMPLATE_SYNTAX = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{##.*?##\}|\{\{|\}\}|\{%|%\}|\{##|##\}", re.S)
# Only the site itself writes a Mermaid diagram (its labels are HTML) and the forms' placeholders (verbatim.py).
SITE_ONLY = (
    (re.compile(r"^[ \t]*(?:`{3,}|~{3,})[ \t]*\{?[ \t]*\.?mermaid\b", re.M | re.I),
     "схема Mermaid в тексте страницы не публикуется: схему оргструктуры сайт строит сам",
     "уберите блок ```mermaid; схема подчинения — на странице «Оргструктура» ({{ org_chart() }})"),
    (re.compile(r"jobdesc-verbatim"), "служебная метка сборки «jobdesc-verbatim» в тексте",
     "уберите её: бланки вставляют макросы {{ signatures() }}, {{ acknowledgement_sheet() }} и другие"),
    # Material's tags plugin reads what follows its marker as YAML and a template path before any check of ours
    # sees the page: a bad value would stop the build with a traceback. Only the plain marker is the site's.
    (re.compile(r"<!--\s*?material/tags(?!\s*-->)"),
     "указание списка меток с настройками («<!-- material/tags …») не публикуется: настройки читает тема как "
     "YAML и выбирает по ним шаблон", "напишите указание без настроек: <!-- material/tags -->"),
    # Python-Markdown's own table of contents: a block the page has in its side menu and the print leaves out.
    (re.compile(r"^[ \t]*\[TOC\][ \t]*$", re.M),
     "оглавление [TOC] в тексте страницы не публикуется: содержание страницы сайт показывает сбоку, а в печати, "
     "PDF и Word его нет", "уберите строку [TOC]"),
    # Superfences turns "```{.print-only #p2-1}" into classes and an id no other check sees: a block hidden on
    # screen but printed (or the reverse), an anchor taken from a clause; the git preview shows a plain code block.
    (re.compile(r"^[ \t>]*(?:`{3,}|~{3,})[^\n{]*\{", re.M),
     "атрибуты блока кода в фигурных скобках («```{.класс #метка}») не публикуются: класс мог бы спрятать блок "
     "с экрана или из печати, метка — увести ссылку на пункт; предпросмотр git показывает такой блок иначе",
     "уберите фигурные скобки со всем, что в них: пишите ``` или ```text"),
)


def page_address(relative: str) -> str:
    """Where MkDocs publishes a page: docs/pdf.md is /pdf/, docs/search/index.md is /search/ (the home page: "")."""
    parts = relative.lower().rsplit(".", 1)[0].split("/")
    if parts[-1] in ("index", "readme"):
        parts.pop()
    return "/".join(parts) + ("/" if parts else "")


def check_pages(env, docs_dir: Path, staff: Staff, site_macros: dict, kept: dict | None = None) -> list[Problem]:
    """Every page's template syntax, encoding and front matter, as problems with file and line. kept: `mkdocs
    serve`'s answers of the last rebuild, reused for a page whose text, position and macros are the same."""
    # mkdocs-macros parses force_render_paths only after define_env: read the same setting the same way.
    forced = pathspec.PathSpec.from_lines("gitwildmatch", (env.config.get("force_render_paths") or "").splitlines())
    macros = tuple(sorted((name, bool(getattr(macro, "position_only", False))) for name, macro in site_macros.items()))
    problems: list[Problem] = []
    answers, asking = {}, []
    for path, shown_as, text in _page_texts(docs_dir, staff, problems):
        relative = path.relative_to(docs_dir).as_posix()
        position = staff.by_src_path(relative)  # a draft's is the edition in force: a new object every build
        asked = (text, macros, forced.match_file(relative))
        known = answers[relative] = (kept or {}).get(relative)
        if known is None or known[0] != asked or known[1] is not position:
            asking.append((relative, asked, position, shown_as))

    def check(page: tuple) -> list[Problem]:
        _, (text, _, is_forced), position, shown_as = page
        return _check_page(shown_as, text, position, site_macros, is_forced)

    for (relative, asked, position, _), found in zip(asking, two_cores.each(check, asking)):
        answers[relative] = (asked, position, found)
    problems += [problem for known in answers.values() for problem in known[2]]
    if kept is not None:
        kept.clear()
        kept.update(answers)
    return problems


def _check_page(shown_as: str, text: str, position, site_macros: dict, forced: bool) -> list[Problem]:
    problems = check_text(shown_as, text)
    if forced:
        return problems  # a developer opted this page into Jinja in mkdocs.yml
    if position is not None:
        body, first, meta, lines = position.body, position.body_line, position.meta, position.lines
    else:
        split = split_front_matter(text, shown_as) or ({}, {}, [], text, 1)
        if isinstance(split, Problem):
            return problems + [split]
        meta, lines, _, body, first = split
        meta = meta if isinstance(meta, dict) else {}
    if meta.get("render_macros") not in (None, False):
        problems.append(Problem(
            shown_as, "страница сама включает шаблоны Jinja (render_macros); страница не может этого решать",
            "удалите строку render_macros; если странице действительно нужен Jinja, разработчик добавляет её "
            "в force_render_paths плагина macros в mkdocs.yml", field="render_macros",
            line=lines.get(("render_macros",))))
    problems += check_values(shown_as, meta, lines)
    if position is None:
        problems += check_page_meta(shown_as, meta, lines)
    problems += check_template_syntax(shown_as, body, first, site_macros, is_position=position is not None)
    problems += [Problem(shown_as, message, fix, line=first + body.count("\n", 0, found.start()))
                 for pattern, message, fix in SITE_ONLY for found in pattern.finditer(body)]
    return problems


def check_templates(project: Path) -> list[Problem]:
    """The shared wording and the company's settings are HR's text too: the same characters are refused in them."""
    problems: list[Problem] = []
    folder = project / "macros" / "templates"
    for path in [project / "mkdocs.yml", *(path for path in sorted(folder.glob("*")) if not path.is_symlink())]:
        if path.is_file() and path.suffix in (".md", ".html", ".yml"):
            shown_as = path.relative_to(project).as_posix()
            text, problem = text_of(path.read_bytes(), shown_as)
            problems += [problem] if problem else check_text(shown_as, text, markdown=path.suffix == ".md")
    return problems


def _page_texts(docs_dir: Path, staff: Staff, problems: list[Problem]):
    """(path, name shown, text) of every Markdown page; unreadable pages become problems."""
    unreadable = set(position_files(docs_dir)) - {docs_dir / p.src_path for p in staff.positions.values()}
    for path in sorted(docs_dir.rglob("*")):
        if path.is_symlink() or not path.is_file() or path.suffix.lower() not in MARKDOWN or path in unreadable:
            continue  # symlinks are refused by files.py; unreadable positions are reported by loading
        shown_as = f"docs/{path.relative_to(docs_dir).as_posix()}"
        text, problem = text_of(path.read_bytes(), shown_as)
        if problem:
            problems.append(problem)
        else:
            yield path, shown_as, text


# What a page that is not a position may say about itself: the theme writes these into <head> and the layout.
PAGE_FIELDS = {"title": "строка — заголовок страницы", "description": "строка — краткое описание страницы",
               "hide": "список из navigation, toc, footer, path, tags — что скрыть на странице",
               "render_macros": "false"}
HIDE = {"navigation", "toc", "footer", "path", "tags"}


def check_page_meta(shown_as: str, meta: dict, lines: dict) -> list[Problem]:
    """Only known fields with values of their kind: the theme would write any other (author, template,
    icon…) into the page as HTML or as the name of a template to load."""
    problems = []
    for name, value in meta.items():
        line = lines.get((name,))
        if name not in PAGE_FIELDS:
            allowed = "; ".join(f"{key}: {kind}" for key, kind in PAGE_FIELDS.items() if key != "render_macros")
            problems.append(Problem(shown_as, f"поле «{name}» в начале страницы не используется сайтом",
                                    f"удалите строку; страница может задать только {allowed}", line=line))
        elif name in ("title", "description") and not (isinstance(value, str) and 0 < len(value) <= 300):
            problems.append(Problem(shown_as, f"поле «{name}» должно быть строкой текста (до 300 знаков)",
                                    f"напишите одной строкой: {name}: Текст", field=name, line=line))
        elif name == "hide" and not (isinstance(value, list) and set(value) <= HIDE):
            problems.append(Problem(shown_as, "поле «hide» — список того, что скрыть на странице",
                                    "напишите, например, hide: [toc]; допустимо: " + ", ".join(sorted(HIDE)),
                                    field=name, line=line))
    return problems


def check_template_syntax(shown_as: str, body: str, first: int, site_macros: dict,
                          is_position: bool = True) -> list[Problem]:
    """A problem for every piece of template syntax that is not a plain call of a site macro (outside code,
    on a page that is not a position: render/plain_calls.py leaves code alone there)."""
    if "{" not in body and "}" not in body:
        return []  # every piece of template syntax has a brace
    body = body if is_position else without_code(body)
    problems = []
    for found in TEMPLATE_SYNTAX.finditer(body):
        line = first + body.count("\n", 0, found.start())
        problem = _judge(shown_as, found.group(0), line, site_macros, is_position)
        if problem:
            problems.append(problem)
    return problems


def _judge(shown_as: str, tag: str, line: int, site_macros: dict, is_position: bool) -> Problem | None:
    allowed = sorted(name for name, macro in site_macros.items()
                     if is_position or not getattr(macro, "position_only", False))
    listing = "макросы сайта: " + ", ".join(f"{{{{ {name}() }}}}" for name in allowed)
    call = SIMPLE_CALL.fullmatch(tag)
    if call and call.group(1) in allowed:
        return None
    if call and call.group(1) in site_macros:
        return Problem(shown_as, f"макрос {tag} работает только в файлах должностей docs/positions/<имя>.md",
                       f"уберите эту строку; на этой странице доступны {listing}", line=line)
    if call:
        return Problem(shown_as, f"неизвестный макрос «{call.group(1)}()»",
                       did_you_mean(call.group(1), allowed, "()", n=3) + listing, line=line)
    bare = re.fullmatch(r"\{\{-?\s*+([A-Za-z_]\w*+)\s*+-?\}\}", tag)  # {{approval_stamp}}: the brackets left out
    meant = bare and (bare.group(1) if bare.group(1) in allowed else
                      next(iter(difflib.get_close_matches(bare.group(1), allowed, n=1, cutoff=0.8)), None))
    if meant:
        return Problem(shown_as, f"«{tag}»: после имени макроса нет скобок ()",
                       f"напишите {{{{ {meant}() }}}}", line=line)
    shown = " ".join(tag.split())
    shown = shown if len(shown) <= 60 else shown[:57] + "…"
    return Problem(
        shown_as, f"«{shown}»: в тексте страницы можно писать только вызов макроса сайта вида {{{{ имя() }}}}; "
        "другие конструкции шаблонов не выполняются",
        f"уберите эту запись; {listing}. Если фигурные скобки или знак процента нужны как текст, "
        "разделите их пробелом: «{ {», «{ %»", line=line)
