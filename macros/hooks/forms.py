"""MkDocs hook (mkdocs.yml `hooks:`): put the held HTML blocks back into each page (see render/verbatim.py).

Runs after Material's search plugin has indexed the page (its on_page_context has the default
priority 0) and before anything that reads the finished page body: the PDF hook and the theme.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

# MkDocs loads this file on its own; the project root makes `macros` importable as a package,
# so the macros and this hook share one registry of held blocks.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from macros.render import verbatim  # noqa: E402

releases_verbatim_blocks = True  # the macros hold their blocks only when this hook is registered


def on_pre_build(config):
    verbatim.clear()


@event_priority(-10)
def on_page_context(context, page, config, nav):
    page.content = verbatim.release(page.content or "")
    macro = verbatim.misplaced(page.content)
    if macro:
        raise PluginError(
            f"docs/{page.file.src_uri}: блок {{{{ {macro}() }}}} не может стоять здесь (например, внутри блока кода)."
            f" Исправление: поставьте {{{{ {macro}() }}}} на отдельную строку без отступа,"
            " с пустой строкой до и после, как в образце на странице сайта «Файл должности» (docs/guide/position-file.md)")
    return context
