"""Put the held HTML blocks back into each page (render/verbatim.py): after Material's search plugin
has seen the page, before the downloads' links and the theme read it. Run by macros/plugin.py.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError

from ..render import verbatim


def put_back(page, blocks: verbatim.HeldBlocks) -> None:
    page.content = blocks.release(page.content or "")
    macro = verbatim.misplaced(page.content)
    if macro:
        raise PluginError(
            f"docs/{page.file.src_uri}: блок {{{{ {macro}() }}}} не может стоять здесь (например, внутри блока кода)."
            f" Исправление: поставьте {{{{ {macro}() }}}} на отдельную строку без отступа,"
            " с пустой строкой до и после, как в образце на странице сайта «Файл должности» (docs/guide/position-file.md)")
