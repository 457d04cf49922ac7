"""Words as search sees them: the one definition the build and the browser share.

A word is a run of letters and digits, lower-cased, with «ё» folded into «е». The browser worker
(overrides/assets/javascripts/workers/search-ru.js) cuts the query the same way
(``/[\\p{L}\\p{N}]+/gu``), so a word written on a page and the same word typed in the box are
equal strings. Function words (prepositions, conjunctions, particles) are left out of the index;
the list travels to the browser in the index settings, so both sides drop the same words.

Must not: stem. Word forms are matched in the browser (stem of the query, prefix of the indexed
word), so the index holds words exactly as written and never depends on a stemmer's version.
Standard library only.
"""

from __future__ import annotations

import re

# Letters and digits, any script: "hr-менеджер" is two words, "1с" one.
WORD = re.compile(r"[^\W_]+")

# Words that carry no meaning of their own in a query about a position. Pronouns and numerals are
# kept: «два года», «он» in a clause may be what someone looks for. Everything here is short and
# frequent: indexing these would make every page match and their postings the largest in the index.
STOP_WORDS = frozenset("""
а без бы в во да для до же ж за и из изо или к ко ли либо на над не ни но о об обо от ото по под
при про с со то у что чтобы как так также а также если это
""".split())


def fold(text: str) -> str:
    """Lower case, «ё» as «е»: the form in which words are compared."""
    return text.lower().replace("ё", "е")


def words(text: str) -> list[str]:
    """The words of a text, folded, in order (stop words included)."""
    return WORD.findall(fold(text))


def indexed_words(text: str) -> set[str]:
    """The distinct words of a text that go into the index."""
    return set(WORD.findall(fold(text))).difference(STOP_WORDS)
