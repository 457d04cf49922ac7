"""Non-breaking spaces where Russian typesetting wants them («и т. п.», «п. 2.7», «№ 14-ОД», initials, a
one-letter word, a dash), never a changed word: only an existing space becomes U+00A0. One set of rules, two
ways in: the Jinja filter ``nbsp`` for templates and ``TypographyExtension`` over every page's text nodes.
"""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

NBSP = "\u00a0"
SPACE = r"[ \t\n\r]+"  # an ordinary space (a non-breaking one is left as it is)
ONE_LETTER_WORDS = "аАвВиИкКоОсСуУяЯ"  # the Russian words of one letter: prepositions, conjunctions, «я»

# Each pattern starts with what it is about and looks behind only from there (one starting with «\b» or «(?<!…)»
# is tried at every position); tests/test_cheaper_checks.py compares them with the rules as first written.
RULES: list[tuple[re.Pattern, str]] = [
    # «и т. п.», «т. е.», «т. д.», «т. ч.», «т. к.»: the whole abbreviation, and the «и»/«в» before it.
    (re.compile(rf"([иИвВ])(?<!\w.){SPACE}(?=т\.\s*[пдечк]\.)"), rf"\1{NBSP}"),
    (re.compile(rf"([тТ])(?<!\w.)\.{SPACE}([пдечк])\."), rf"\1.{NBSP}\2."),
    # Initials with the surname: «И. И. Иванов», «Иванов И. И.».
    (re.compile(rf"([А-ЯЁ])(?<![\w.].)\.{SPACE}([А-ЯЁ])\.{SPACE}(?=[А-ЯЁ][а-яё])"), rf"\1.{NBSP}\2.{NBSP}"),
    (re.compile(rf"([А-ЯЁ])(?<![\w.].)\.{SPACE}(?=[А-ЯЁ]\.)"), rf"\1.{NBSP}"),
    (re.compile(rf"([А-ЯЁ][а-яё]+){SPACE}(?=[А-ЯЁ]\.{NBSP}?[А-ЯЁ]\.)"), rf"\1{NBSP}"),
    # A sign or abbreviation with its number: «№ 14-ОД», «§ 2», «п. 2.7», «ст. 22», «ч. 1».
    (re.compile(rf"([№§]){SPACE}(?=\S)"), rf"\1{NBSP}"),
    (re.compile(rf"\b(пп|п|ст|ч|гл|разд|абз|подп|табл|рис)\.{SPACE}(?=\d)"), rf"\1.{NBSP}"),
    # A number with the word it counts and a year with «г.»: «2 лет», «2026 г.».
    (re.compile(rf"(\d){SPACE}(?=[а-яё])"), rf"\1{NBSP}"),
    # A dash never starts a line.
    (re.compile(rf"(?<=\S){SPACE}(?=[—–]\s)"), NBSP),
    # A one-letter word («в», «с», «и», «о», ««О») stays with the word after it, never at a line's end.
    (re.compile(rf"(?<=(?<![\w.\-])[{ONE_LETTER_WORDS}]){SPACE}(?=\S)"), NBSP),
    # «от» with the date after it: «приказ от 16.02.2026».
    (re.compile(rf"([оО]т)(?<!\w..){SPACE}(?=\d{{1,2}}\.\d{{1,2}}\.\d{{2,4}})"), rf"\1{NBSP}"),
]
SKIPPED = {"code", "pre", "script", "style", "kbd", "samp", "textarea", "svg", "math"}  # text that is not prose


class _Contains:
    """A guard that is a plain substring test: `in` is several times faster than a regular expression."""

    __slots__ = ("parts",)

    def __init__(self, *parts: str):
        self.parts = parts

    def search(self, text: str) -> bool:
        for part in self.parts:
            if part in text:
                return True
        return False


# Each group of rules runs only where its guard (a necessary condition of its patterns, unaffected by earlier
# rules) matches: the same result as every rule (tests/test_cheaper_checks.py compares the two).
GUARDED_RULES: list[tuple[re.Pattern | _Contains, list[tuple[re.Pattern, str]]]] = [
    (_Contains("т."), RULES[0:2]),
    (re.compile(r"[А-ЯЁ]\."), RULES[2:5]),
    (_Contains("№", "§"), RULES[5:6]),
    (re.compile(rf"\.{SPACE}\d"), RULES[6:7]),
    (re.compile(rf"\d{SPACE}[а-яё]"), RULES[7:8]),
    (_Contains("—", "–"), RULES[8:9]),
    (re.compile(rf"(?<![\w.\-])[{ONE_LETTER_WORDS}]\s"), RULES[9:10]),
    (re.compile(r"т\s+\d"), RULES[10:11]),  # «от 16.02…»: "т" is rarer than "о" or "О"
]


def typeset(text: str, following: str = "") -> str:
    """``text`` with the spaces these rules name made non-breaking. ``following`` is the text that comes
    right after it on the page (the next element's), so «п. » before a link reading «2.7» is bound too."""
    if not text:
        return text
    return _typeset(text, following[:1])


@functools.lru_cache(maxsize=65536)  # the shared wording repeats on every page: most texts were set before
def _typeset(text: str, following: str) -> str:
    joined = text + following[:1] if following else text
    for guard, rules in GUARDED_RULES:  # (no pre-check of all guards at once: nearly every text passes it)
        if guard.search(joined):
            for pattern, replacement in rules:
                joined = pattern.sub(replacement, joined)
    return joined[: len(joined) - len(following[:1])] if following else joined


def nbsp(value):
    """Jinja filter: the value with non-breaking spaces; escaped text stays escaped (no rule adds markup)."""
    if isinstance(value, Markup):
        return Markup(typeset(str(value)))
    return typeset("" if value is None else str(value))


class Typography(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        _element(root)


def _element(element: etree.Element) -> None:
    """typeset() over the texts and tails below `element` (called for each of the page's elements: kept lean)."""
    # Text of spaces only is never changed (every rule binds a space to a character before it).
    children = list(element)
    text = element.text
    if text and not text.isspace():
        element.text = _typeset(text, _leading_text(children[0])[:1] if children else "")
    last = len(children) - 1
    for index, child in enumerate(children):
        tag = child.tag
        if isinstance(tag, str) and tag not in SKIPPED:
            _element(child)
        tail = child.tail
        if tail and not tail.isspace():
            child.tail = _typeset(tail, _leading_text(children[index + 1])[:1] if index < last else "")


def _leading_text(element: etree.Element) -> str:
    """The first characters an element shows (its own text, or its first child's)."""
    while element is not None and isinstance(element.tag, str) and element.tag not in SKIPPED:
        if element.text:
            return element.text
        element = element[0] if len(element) else None
    return ""


class TypographyExtension(Extension):
    """Registered from define_env; runs after the table of contents (5) has taken the headings' ids."""

    def extendMarkdown(self, md):
        md.treeprocessors.register(Typography(md), "jobdesc_typography", 4)
