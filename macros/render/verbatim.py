"""Finished HTML blocks (stamp, signatures, acknowledgement sheet) skip Markdown and search: a macro holds
its HTML under its hash and writes a one-line comment, which the plugin puts back (put_back) after Material's
search plugin has seen the page, before the downloads' links and the theme read it. With ``hold_forms: false``
the HTML goes inline: slower, the same page. The stamp's marker is also the one answer to "is this page an
instruction?" (is_instruction): only such pages get numbered clauses, «Печать» and «Скачать PDF», and a PDF.
"""

from __future__ import annotations

import hashlib
import re

from mkdocs.exceptions import PluginError

TOKEN = re.compile(r"<!--jobdesc-verbatim (\w+) ([0-9a-f]{20})-->")
# A placeholder that Markdown did not leave as a comment (inside a code block, say) is escaped text.
LEFTOVER = re.compile(r"jobdesc-verbatim (\w+) [0-9a-f]{20}")

# An attribute of the site's plugin (macros/plugin.py), which mkdocs_hooks.py's module carries as `plugin`.
RELEASER = "releases_verbatim_blocks"
INLINE_FORM = re.compile(r'<div class="jobdesc-form" data-form="([0-9a-f]{20})">')
MARKER = "data-instruction"  # written by macros/templates/approval_stamp.html on the document header


def is_instruction(html: str | None) -> bool:
    """Whether a page's HTML (or a block of it) is, or carries the header of, an instruction."""
    return bool(html) and MARKER in html


def _owners(config):
    return [getattr(plugin, "plugin", plugin) for plugin in config["plugins"].values()]


def released_in(config) -> bool:
    """Whether this build runs the plugin that puts held blocks back into the pages."""
    return any(getattr(owner, RELEASER, False) for owner in _owners(config))


def blocks_in(config) -> "HeldBlocks":
    """The blocks of this build: the plugin's (it puts them back), or new ones for a build without it."""
    for owner in _owners(config):
        blocks = getattr(owner, "held_blocks", None)
        if isinstance(blocks, HeldBlocks):
            return blocks
    return HeldBlocks()


class HeldBlocks:
    """One build's finished blocks: held ones, trusted template HTML that goes through Markdown (safe_html.py
    lets exactly these through), and forms written inline (keyed like held blocks)."""

    def __init__(self):
        self.held: dict[str, str] = {}
        self.trusted_html: set[str] = set()
        self.inline_forms: dict[str, str] = {}

    def clear(self) -> None:
        for kept in (self.held, self.trusted_html, self.inline_forms):
            kept.clear()

    def trusted(self, html: str) -> str:
        """Mark a block of template HTML that goes through Markdown as the site's own, not HR's raw HTML."""
        self.trusted_html.add(html.strip())
        return html

    def is_trusted(self, html: str) -> bool:
        return html.strip() in self.trusted_html or TOKEN.fullmatch(html.strip()) is not None

    def hold(self, html: str, macro: str) -> str:
        """A placeholder for `html` that `macro` returns, written as a block of its own in the page's Markdown."""
        key = hashlib.sha1(html.encode("utf-8")).hexdigest()[:20]
        self.held[key] = html
        return f"\n\n<!--jobdesc-verbatim {macro} {key}-->\n\n"

    def inline(self, html: str, macro: str) -> str:
        """The HTML itself when nothing would put a held block back, wrapped in one element so that
        safe_html.py recognises it as one raw block of the site's own."""
        key = hashlib.sha1(html.encode("utf-8")).hexdigest()[:20]
        block = self.trusted(f'<div class="jobdesc-form" data-form="{key}">{html}</div>')
        self.inline_forms[key] = block
        return f"\n\n{block}\n\n"

    def release(self, content: str) -> str:
        """`content` with every placeholder replaced by the block it stands for."""
        if "<!--jobdesc-verbatim " not in content:
            return content
        return TOKEN.sub(lambda match: self.held[match.group(2)], content)

    def put_back(self, page) -> None:
        page.content = self.release(page.content or "")
        macro = misplaced(page.content)
        if macro:
            message, fix = misplaced_form(macro)
            raise PluginError(f"docs/{page.file.src_uri}: {message}. Исправление: {fix}")

    def shield(self, page_html: str) -> tuple[str, dict[str, str]]:
        """The page with the site's inline forms replaced by tokens, so a sanitiser sees only HR's content, and
        the site's placeholders written as text, so it keeps them (it drops comments); unshield undoes both."""
        parts, shielded, end = [], {}, 0
        for match in INLINE_FORM.finditer(page_html) if "jobdesc-form" in page_html else ():
            block = self.inline_forms.get(match.group(1))
            if match.start() < end or block is None or not page_html.startswith(block, match.start()):
                continue
            parts += [page_html[end:match.start()], f"<!--jobdesc-shield {match.group(1)}-->"]
            shielded[match.group(1)] = block
            end = match.start() + len(block)
        page_html = "".join(parts) + page_html[end:]
        return (OWN_COMMENT.sub("\ue000\\1\ue001", page_html) if "<!--jobdesc-" in page_html else page_html), shielded


def unshield(page_html: str, shielded: dict[str, str]) -> str:
    page_html = AS_TEXT.sub("<!--\\1-->", page_html) if "\ue000" in page_html else page_html
    for key, block in shielded.items():
        page_html = page_html.replace(f"<!--jobdesc-shield {key}-->", block)
    return page_html


# The site's placeholders cross the sanitiser as text between two private-use characters, which HR's text
# never contains (checks/text.py).
OWN_COMMENT = re.compile(r"<!--(jobdesc-(?:verbatim \w+|shield) [0-9a-f]{20})-->")
AS_TEXT = re.compile("\ue000(jobdesc-(?:verbatim \\w+|shield) [0-9a-f]{20})\ue001")


def misplaced(content: str) -> str | None:
    """The macro whose block could not be put back (its placeholder was escaped as text), if any."""
    match = LEFTOVER.search(content) if "jobdesc-verbatim" in content else None
    return match.group(1) if match else None


def misplaced_form(macro: str) -> tuple[str, str]:
    """What HR reads about it, the same from the site and from prepare: the message and the fix."""
    call = f"{{{{ {macro}() }}}}"
    return (f"блок {call} не может стоять здесь (например, внутри блока кода)",
            f"поставьте {call} на отдельную строку без отступа, с пустой строкой до и после, как в образце "
            "на странице сайта «Файл должности» (docs/guide/position-file.md)")
