"""A page's ``{{ name() }}`` calls become what the macro returns, exactly as Jinja would write them, but the
page is never compiled as a template: nothing HR writes is evaluated (checks/pages.py). A page listed in
``force_render_paths`` is left to Jinja; tests/test_boilerplate.py shows both ways give the same page.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from mkdocs.exceptions import PluginError

from ..model.markup import SIMPLE_CALL, only_simple_calls, without_code


def expand(markdown: str, macros: Mapping[str, Callable], skip_code: bool = False) -> str | None:
    """The page with every call replaced by its result, or None if it has anything but known calls.
    With skip_code (pages other than positions), calls shown in code stay text: a guide shows them to HR."""
    judged = without_code(markdown) if skip_code else markdown
    if only_simple_calls(judged, macros) is None:
        return None
    parts, last = [], 0
    for call in SIMPLE_CALL.finditer(judged):
        parts += [markdown[last:call.start()], str(macros[call.group(1)]())]
        last = call.end()
    text = "".join(parts) + markdown[last:]
    return text[:-1] if text.endswith("\n") else text


def expand_page(env, macros: Mapping[str, Callable]) -> None:
    """mkdocs-macros pre-page step: expand the current page's calls of the site's macros."""
    page = env.page
    if env.force_page_rendering(page.file.src_path):
        return  # Jinja renders this page: a developer's choice in mkdocs.yml
    # render_macros false: mkdocs-macros honours it before any other switch, so the page is never compiled.
    try:
        text = expand(env.markdown, macros, skip_code=not page.file.src_uri.startswith("positions/"))
    except Exception as error:  # a macro that cannot run here: name the page, never a traceback
        raise PluginError(f"docs/{page.file.src_uri}: макрос не выполнен: {error}") from None
    if text is None:  # checks/pages.py stops such a page before the build; this is the last guard
        raise PluginError(f"docs/{page.file.src_uri}: на странице есть конструкции шаблона, кроме вызовов "
                          "макросов сайта; они не выполняются. Исправление: оставьте только строки вида "
                          "{{ имя() }}")
    env.markdown = text
    page.meta["render_macros"] = False
