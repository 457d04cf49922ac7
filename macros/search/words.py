"""Words as search sees them: letters and digits, lower-cased, «ё» as «е», the same cut the browser
worker makes (search-ru.js); function words are dropped on both sides. No stemming here: word forms
are matched in the browser, so the index never depends on a stemmer's version.
"""

from __future__ import annotations

import re
import unicodedata

# Letters and digits, any script: "hr-менеджер" is two words, "1с" one.
WORD = re.compile(r"[^\W_]+")

# Words that carry no meaning of their own in a query about a position. Pronouns and numerals are
# kept: «два года», «он» in a clause may be what someone looks for. Everything here is short and
# frequent: indexing these would make every page match and their postings the largest in the index.
# Question words too: «кто руководит отделом продаж» asks for a title, and no title has «кто».
STOP_WORDS = frozenset("""
а без бы в во да для до же ж за и из изо или к ко ли либо на над не ни но о об обо от ото по под
при про с со то у что чтобы как так также а также если это
кто кого кому кем чем где куда когда зачем почему какой какая какое какие каких каким чей чья чьи
""".split())


# Marks no reader sees inside a word: a stress accent (ре́крутер), a soft hyphen or a zero-width space
# pasted from Word or a web page. Dropped, so the word stays one word (after NFC «й» and «ё» are
# single letters, not marks).
INVISIBLE = re.compile("[\u0300-\u036f\u00ad\u200b-\u200d\u2060\ufeff]")


def indexed_words(text: str) -> set[str]:
    """The distinct words of a text that go into the index: lower case, «ё» as «е», no stop words."""
    text = INVISIBLE.sub("", unicodedata.normalize("NFC", text))
    return set(WORD.findall(text.lower().replace("ё", "е"))).difference(STOP_WORDS)
