"""What the site refuses while it converts a page (unsafe HTML and links, stray labels, a numbering the
preview reads differently, markup the sanitiser removes, a misplaced form), refused by prepare too:
each page is converted once with the site's own extensions (those read_site registered), for these checks alone.
"""

from __future__ import annotations

import markdown

from ..hooks import safety
from ..render import verbatim


class Refusals:
    def __init__(self, host, blocks, findings):
        self.page_of, self.blocks, self.findings = (lambda: host.page), blocks, findings
        self.converter = markdown.Markdown(extensions=host.conf["markdown_extensions"],
                                           extension_configs=host.conf["mdx_configs"])
        self.html = ""  # the last page as the site's first step leaves it (an edition's blocks: editions.py)

    def checked(self, text: str | None) -> str | None:
        """`text`, once converted for the checks (their problems go to render/findings.py)."""
        if text is not None:
            page_html = self.converter.reset().convert(text)
            self.html = safety.sanitise(page_html, self.page_of(), self.blocks, self.findings)  # the site's last guard
            macro = verbatim.misplaced(self.blocks.release(page_html))
            if macro:  # the build stops on the same leftover placeholder (hooks/forms.py), in the same words
                call = f"{{{{ {macro}() }}}}"
                self.findings.report_on_page(
                    self.page_of, f"блок {call} не может стоять здесь (например, внутри блока кода)",
                    f"поставьте {call} на отдельную строку без отступа, с пустой строкой до и после, как в образце "
                    "на странице сайта «Файл должности» (docs/guide/position-file.md)", call)
        return text
