"""Pages whose only Jinja is plain macro calls, ``{{ name() }}``: expanded without Jinja.

mkdocs-macros compiles every page as a Jinja template before it renders it. For a position the
template is a few kilobytes of prose around six calls such as ``{{ signatures() }}``, and
compiling it costs more than the calls themselves: about a tenth of the build at 300 positions.
For such a page the result is known without a template: each call is replaced by what the macro
returns, exactly as Jinja would write it (``str`` of the result, and like Jinja, one newline at
the very end is dropped). The page is then marked ``render_macros: false``, the plugin's
documented per-page switch, so it is not compiled again.

This is only a shortcut. It runs from mkdocs-macros' ``on_pre_page_macros``; a page with anything
else (filters, variables, arguments, ``{% … %}``, ``{## … ##}``), a page that shadows a macro's name
in its front matter, and a call that fails all go through Jinja as before, with its error
messages. A build without the shortcut (e.g. where only ``define_env`` is supported) gives the
same pages, only slower; tests/test_boilerplate.py compares the two.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from ..model.markup import SIMPLE_CALL, only_simple_calls



def expand(markdown: str, macros: Mapping[str, Callable], shadowed: Mapping = ()) -> str | None:
    """The page as Jinja would render it, or None when the page needs Jinja after all."""
    names = only_simple_calls(markdown, macros)
    if names is None or any(name in shadowed for name in names):
        return None
    try:
        text = SIMPLE_CALL.sub(lambda call: str(macros[call.group(1)]()), markdown)
    except Exception:  # let Jinja run the page and report the error the usual way
        return None
    return text[:-1] if text.endswith("\n") else text


def expand_page(env) -> None:
    """mkdocs-macros pre-page step: expand the current page when it qualifies (see module docstring)."""
    meta = env.page.meta
    if meta.get("render_macros") is not None:
        return  # the page decides for itself
    text = expand(env.markdown, env.macros, shadowed=meta)
    if text is not None:
        env.markdown = text
        meta["render_macros"] = False
