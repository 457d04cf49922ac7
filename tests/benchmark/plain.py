"""The baselines: plain Material for MkDocs building the same text as plain Markdown pages.

Each plain page holds the text a reader sees in the article of one built position page —
headings, paragraphs, list items and table rows, boilerplate included — written back as plain
Markdown (no macros, no raw HTML, no front matter).

- ``fair``: configured as a competent user would for the same company: one folder per department
  (MkDocs builds the menu from the folders), ``navigation.sections`` and ``navigation.prune``, so a
  page's menu holds its own department only — the menu our site has. Material's search plugin as is.
- ``flat``: every page in one section without pruning (the baseline of earlier runs): plain Material
  pays for a menu of every page on every page.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

CONFIG = """site_name: Plain Material
theme:
  name: material
  language: ru
{features}plugins:
  - search
markdown_extensions: [admonition, attr_list, tables, toc]
"""
FAIR_FEATURES = """  features:
    - navigation.sections
    - navigation.prune
"""
BLOCKS = {"h1": "# ", "h2": "## ", "h3": "### ", "h4": "#### ", "p": "", "li": "- ", "div": "", "tr": "|"}


class _ArticleText(HTMLParser):
    """Collects the article's text as Markdown lines, one per block element."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.prefix, self.text, self.depth, self.inside = "", [], 0, False
        self.rows = 0

    def flush(self):
        text = " ".join("".join(self.text).split())
        if text and self.prefix == "|":
            if self.rows == 0:
                self.lines.append("")
            self.lines.append(("|" + text).rstrip(" |") + " |")
            if self.rows == 0:
                self.lines.append("|---" * text.count("|") + "|---|")
            self.rows += 1
        elif text and self.prefix == "- " and self.lines and self.lines[-1].startswith("- "):
            self.lines.append(self.prefix + text)  # a tight list, as HR writes it
        elif text:
            self.lines += ["", self.prefix + text]
        self.text = []

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.inside = True
        if tag == "table":
            self.rows = 0
        if self.inside and tag in BLOCKS:
            self.flush()
            self.prefix = BLOCKS[tag]
        elif self.inside and tag in ("td", "th") and self.text:
            self.text.append(" | ")

    def handle_endtag(self, tag):
        if tag == "article":
            self.flush()
            self.inside = False
        elif self.inside and tag in BLOCKS:
            self.flush()
            self.prefix = ""

    def handle_data(self, data):
        if self.inside:
            self.text.append(data.replace("|", "/"))


def page_markdown(built_page: Path) -> str:
    parser = _ArticleText()
    parser.feed(built_page.read_text(encoding="utf-8"))
    return "\n".join(parser.lines).strip() + "\n"


def project(target: Path, site: Path, departments: dict[str, str], fair: bool = True) -> Path:
    """A plain Material project with one page per position (slug -> its department), the text taken
    from the built site; `fair` puts each department in its own folder and prunes the menu."""
    docs = target / "docs" / "positions"
    docs.mkdir(parents=True)
    (target / "mkdocs.yml").write_text(CONFIG.format(features=FAIR_FEATURES if fair else ""), encoding="utf-8")
    (target / "docs" / "index.md").write_text("# Должностные инструкции\n", encoding="utf-8")
    for slug, department in departments.items():
        text = page_markdown(site / "positions" / slug / "index.html")
        folder = docs / department if fair else docs
        folder.mkdir(exist_ok=True)
        (folder / f"{slug}.md").write_text(text, encoding="utf-8")
    return target
