"""Macro calls in pages, checked before the build starts.

mkdocs-macros renders a page only when MkDocs reaches it; a misspelt ``{{ approvl_stamp() }}``
then stops the build midway with a long traceback (exit code 100). This check parses every
page with the same Jinja settings, without rendering it, and names each unknown macro or
variable with its file, line and the nearest registered names, together with every other
problem of the run.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import jinja2
import yaml
from jinja2 import meta, nodes

from ..model.loading import FRONT_MATTER
from ..model.markup import only_simple_calls
from ..model.positions import Staff, position_files
from ..model.problems import Problem

# Known to every page when mkdocs-macros renders it, but registered only later.
PAGE_VARIABLES = {"page", "navigation", "files"}
# mkdocs-macros' own helpers: valid, but not worth suggesting to HR.
PLUGIN_MACROS = {"context", "macros_info", "now", "fix_url"}
MARKDOWN = (".markdown", ".mdown", ".mkdn", ".mkd", ".md")


def check_pages(env, docs_dir: Path, staff: Staff) -> list[Problem]:
    """Every unknown name and template syntax error in every page of docs_dir."""
    parser = _parser(env)
    macros = set(env.macros)
    known = macros | set(env.variables) | set(jinja2.defaults.DEFAULT_NAMESPACE) | PAGE_VARIABLES
    problems: list[Problem] = []
    for path, shown_as, body, first_line, page_meta in _pages(docs_dir, staff):
        if page_meta.get("render_macros") is False:
            continue
        problems += _check_page(parser, shown_as, body, first_line, known | set(page_meta), macros)
    return problems


def _parser(env) -> jinja2.Environment:
    # The page's Jinja environment is created by mkdocs-macros only after define_env: rebuild
    # one with the same markers ({## comments ##}, etc.) from the plugin's j2_ settings.
    settings = {key[3:]: value for key, value in env.config.items() if key.startswith("j2_") and value}
    return jinja2.Environment(**settings)


def _pages(docs_dir: Path, staff: Staff):
    """(path, name shown, body, body's first line, front matter) of each page."""
    positions = {docs_dir / p.src_path: p for p in staff.positions.values()}
    unreadable = set(position_files(docs_dir)) - set(positions)  # already reported by loading
    for path in sorted(docs_dir.rglob("*")):
        if not path.is_file() or path.suffix.lower() not in MARKDOWN or path in unreadable:
            continue
        shown_as = f"docs/{path.relative_to(docs_dir).as_posix()}"
        if path in positions:
            p = positions[path]
            yield path, shown_as, p.body, p.body_line, p.meta
            continue
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError:
            continue  # position files report their encoding; MkDocs reports other pages'
        yield path, shown_as, *_split(text)


def _split(text: str) -> tuple[str, int, dict]:
    match = FRONT_MATTER.match(text)
    if not match:
        return text, 1, {}
    try:
        page_meta = yaml.safe_load(match.group(1) or "")
    except (yaml.YAMLError, ValueError):
        page_meta = None
    return text[match.end():], text.count("\n", 0, match.end()) + 1, page_meta if isinstance(page_meta, dict) else {}


def _tag_pattern(parser: jinja2.Environment) -> re.Pattern:
    """Any Jinja tag, with the delimiters this site configures (comments are {## … ##} here)."""
    pairs = [(parser.variable_start_string, parser.variable_end_string),
             (parser.block_start_string, parser.block_end_string),
             (parser.comment_start_string, parser.comment_end_string)]
    return re.compile("|".join(f"{re.escape(a)}.*?{re.escape(b)}" for a, b in pairs), re.S)


def _template_skeleton(parser: jinja2.Environment, body: str) -> str:
    """Only the Jinja tags of a page, each on its own line as in the file.

    Parsing the prose between tags is most of the work and finds nothing; keeping the line
    breaks keeps every line number right.
    """
    parts, end = [], 0
    for tag in _tag_pattern(parser).finditer(body):
        parts.append("\n" * body.count("\n", end, tag.start()))
        parts.append(tag.group(0))
        end = tag.end()
    return "".join(parts)


def _check_page(parser, shown_as: str, body: str, first: int, known: set, macros: set) -> list[Problem]:
    if only_simple_calls(body, macros) is not None:
        return []  # the usual position: plain calls of known macros, nothing left to check
    try:
        tree = parser.parse(_template_skeleton(parser, body))
    except jinja2.TemplateSyntaxError as error:
        return [Problem(
            shown_as, f"ошибка в записи макроса: {error.message}",
            "макрос пишется так: {{ имя_макроса() }} — две фигурные скобки с каждой стороны и круглые скобки",
            line=first + (error.lineno or 1) - 1)]
    problems = []
    unknown = meta.find_undeclared_variables(tree) - known
    for name in sorted(unknown):
        call = _first_use(tree, name)
        is_call = call is not None and isinstance(call, nodes.Call)
        where = call if call is not None else next(n for n in tree.find_all(nodes.Name) if n.name == name)
        pool = macros if is_call else known
        close = difflib.get_close_matches(name, sorted(pool), n=3, cutoff=0.6)
        guess = f"возможно, имелось в виду {', '.join(c + '()' if is_call else c for c in close)}; " if close else ""
        what = f"неизвестный макрос «{name}()»" if is_call else f"неизвестное имя «{name}» в {{{{ … }}}}"
        problems.append(Problem(
            shown_as, what, f"{guess}макросы сайта: {', '.join(sorted(macros - PLUGIN_MACROS))}",
            line=first + where.lineno - 1))
    return problems


def _first_use(tree: nodes.Template, name: str):
    """The first call of ``name(...)``, if the name is used as a macro."""
    for call in tree.find_all(nodes.Call):
        if isinstance(call.node, nodes.Name) and call.node.name == name:
            return call
    return None
