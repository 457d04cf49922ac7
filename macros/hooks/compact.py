"""Drop whitespace that renders as nothing: between block tags of the page body (less for the search
indexer to read) and runs with a line break in the whole page (Material's templates indent generously).
Whitespace inside pre, textarea, script and style is left as it is.
"""

from __future__ import annotations

import re

# Only the names are case-blind (a pattern-wide re.I would try every position, not only each "<"), and the
# content is read up to each "<" at once: the same elements as r"(<(pre|…)\b.*?</\2\s*>)" with re.S | re.I.
VERBATIM = re.compile(r"(<(?i:(pre|textarea|script|style))\b[^<]*(?:<(?!/(?i:\2)\s*>)[^<]*)*</(?i:\2)\s*>)")
# A line break and the indentation or blank lines after it (a pattern starting at every space is slower).
BLANK_RUN = re.compile(r"\n\s+")
BLOCK = r"(?:p|li|ol|ul|dl|dt|dd|div|table|thead|tbody|tfoot|tr|td|th|h[1-6]|section|details|summary|blockquote|hr)"
BLOCK_GAP = re.compile(rf"(<{BLOCK}\b[^>]*>|</{BLOCK}>)\s+(?=</?{BLOCK}\b)")


def _outside_verbatim(html: str, pattern: re.Pattern, replacement: str) -> str:
    parts = VERBATIM.split(html)  # text, verbatim element, its tag name, text, ...
    parts[::3] = [pattern.sub(replacement, text) for text in parts[::3]]
    del parts[2::3]
    return "".join(parts)


def compact(html: str) -> str:
    return _outside_verbatim(html, BLANK_RUN, "\n")


def drop_gaps_between_blocks(html: str) -> str:
    return _outside_verbatim(html, BLOCK_GAP, r"\1")
