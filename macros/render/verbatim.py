"""Finished HTML blocks that skip the Markdown pipeline: held by a macro, put back after indexing.

The approval stamp, the signature block and the acknowledgement sheet are raw HTML rendered from
templates; Markdown has nothing to do with them. Left in the page's Markdown they would be parsed
three times per page (by Markdown's raw-HTML preprocessor, by MkDocs' anchor collector and by
Material's search indexer), which at a few hundred positions cost more than the rest of the page.
So a macro *holds* its HTML here and writes a one-line HTML comment in its place; the MkDocs hook
macros/hooks/forms.py *releases* the blocks into the page once the search index has read it. Search
gains nothing from empty signature lines and table cells, so nothing a reader looks for is lost.

The key is the block's own hash: the same HTML always gets the same comment, and a rebuild needs
no counter. A build without the hook (Zensical, say, which runs only ``define_env``) gets the HTML
inline, as before: slower, the same page. Standard library only.
"""

from __future__ import annotations

import hashlib
import re

TOKEN = re.compile(r"<!--jobdesc-verbatim (\w+) ([0-9a-f]{20})-->")
# A placeholder that Markdown did not leave as a comment (inside a code block, say) is escaped text.
LEFTOVER = re.compile(r"jobdesc-verbatim (\w+) [0-9a-f]{20}")

_held: dict[str, str] = {}

# An attribute of macros/hooks/forms.py; MkDocs registers each hook module among the plugins.
RELEASER = "releases_verbatim_blocks"


def released_in(config) -> bool:
    """Whether this build runs the hook that puts held blocks back into the pages."""
    return any(getattr(plugin, RELEASER, False) for plugin in config["plugins"].values())


def inline(html: str, macro: str) -> str:
    """What a macro returns when nothing would put a held block back: the HTML itself, as its own block."""
    return f"\n\n{html}\n\n"


def hold(html: str, macro: str) -> str:
    """A placeholder for `html` that `macro` returns, written as a block of its own in the page's Markdown."""
    key = hashlib.sha1(html.encode("utf-8")).hexdigest()[:20]
    _held[key] = html
    return f"\n\n<!--jobdesc-verbatim {macro} {key}-->\n\n"


def release(content: str) -> str:
    """`content` with every placeholder replaced by the block it stands for."""
    if "<!--jobdesc-verbatim " not in content:
        return content
    return TOKEN.sub(lambda match: _held[match.group(2)], content)


def misplaced(content: str) -> str | None:
    """The macro whose block could not be put back (its placeholder was escaped as text), if any."""
    match = LEFTOVER.search(content) if "jobdesc-verbatim" in content else None
    return match.group(1) if match else None


def clear() -> None:
    """Forget the blocks of an earlier build (`mkdocs serve` builds many times in one process)."""
    _held.clear()
