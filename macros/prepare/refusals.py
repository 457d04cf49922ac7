"""What the site refuses while it converts a page, refused by the prepare stage too.

Raw HTML, unsafe links and outside images (render/safe_html.py), labels that name no clause and a
numbering the git preview would read differently (render/clauses.py) are found inside the Markdown
conversion. Prepared pages skip the site's conversion, so each page is converted here once, with the
site's own extensions, for these checks alone; what they find is reported with the file and the line.
"""

from __future__ import annotations

import markdown

from ..render.safe_html import SafeHtmlExtension


class Refusals:
    def __init__(self, host, clauses, blocks, findings):
        conf = host.conf
        self.converter = markdown.Markdown(
            extensions=[*conf["markdown_extensions"], clauses, SafeHtmlExtension(lambda: host.page, blocks, findings)],
            extension_configs=conf["mdx_configs"])

    def checked(self, text: str | None) -> str | None:
        """`text`, once converted for the checks (their problems go to render/findings.py)."""
        if text is not None:
            self.converter.reset().convert(text)
        return text
