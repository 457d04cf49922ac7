"""Russian words for position titles: a latin file name and the cases, inflected by pymorphy3's dictionary.

Only the head of a title changes case: its leading adjectives and its first noun («главная
медицинская сестра» → «главной медицинской сестры»); what follows («отдела персонала», «складом»,
«по работе с клиентами (KAM)») is already in its own case and stays. Latin words and
abbreviations («HR», «SMM», «KAM») are never inflected. HR is still told to check the result.
"""

from __future__ import annotations

import functools
import re

LATIN = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t",
     "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"]))
CASES = {"nominative": "nomn", "genitive": "gent", "dative": "datv", "accusative": "accs",
         "instrumental": "ablt", "prepositional": "loct"}
# First parts of compound titles that keep their form: «шеф-повара», «вице-президента», «офис-менеджера».
FIXED_PREFIXES = {"шеф", "вице", "экс", "обер", "унтер", "штаб", "генерал", "лейб", "топ"}
CYRILLIC_WORD = re.compile(r"^[а-яё]+$", re.I)
ADJECTIVES = {"ADJF", "PRTF"}


@functools.lru_cache(maxsize=1)
def _morph():
    import pymorphy3  # loaded once, on first use (about 0.1 s): the build itself never needs it
    return pymorphy3.MorphAnalyzer()


def slug(title: str) -> str:
    """«Главный бухгалтер» -> glavnyy-bukhgalter (transliteration, lower case, hyphens)."""
    latin = "".join(LATIN.get(ch, ch) for ch in title.lower())
    return re.sub(r"[^a-z0-9]+", "-", latin).strip("-")


def cases(title: str) -> tuple[str, str]:
    """(genitive, dative) of a position title, lower-cased for use mid-sentence."""
    return inflect(title, "genitive"), inflect(title, "dative")


def inflect(title: str, case: str, source: str = "nomn") -> str:
    """The title in `case` (genitive, dative, instrumental …); `source` is the case it is written in."""
    words = title.split(" ")
    head = _head(words, source)
    if head is None:  # «Product Owner», «CEO»: nothing Russian to inflect
        return title
    target = CASES[case]
    noun_at, parses = head
    gender = parses[noun_at].tag.gender if noun_at < len(parses) else None
    out = []
    for index, word in enumerate(words):
        if index < len(parses):
            out.append(_inflect_word(word, parses[index], target, gender))
        else:
            out.append(word)
    text = " ".join(out)
    return _lower_first(text) if case != "nominative" else text[:1].upper() + text[1:]


def nominative(genitive: str) -> str:
    """A title back from its genitive: «главного бухгалтера» -> «Главный бухгалтер»."""
    return inflect(genitive, "nominative", source="gent")


@functools.lru_cache(maxsize=None)
def forms(title: str) -> frozenset[str]:
    """The title in every singular case, lower-cased: what a sentence may call this position."""
    return frozenset(inflect(title, case).lower() for case in CASES)


def _head(words: list[str], source: str):
    """(index of the head noun, a parse for each word of the head) or None when the title has no Russian head."""
    parses = []
    for index, word in enumerate(words):
        found = _parses(word, source)
        if not found:
            return None
        adjective = next((p for p in found if p.tag.POS in ADJECTIVES), None)
        noun = next((p for p in found if p.tag.POS == "NOUN"), None)
        following = _parses(words[index + 1], source) if index + 1 < len(words) else []
        if adjective and following:  # «старший кассир»: «старший» agrees with a word after it
            parses.append(adjective)
            continue
        parses.append(noun or adjective)  # «заведующий складом»: the adjective is the noun
        gender = parses[-1].tag.gender
        # «главного» may be masculine or neuter: take the reading that agrees with the noun.
        parses[:-1] = [next((p for p in _parses(w, source) if p.tag.POS in ADJECTIVES and p.tag.gender == gender),
                            p) for w, p in zip(words, parses[:-1])]
        return index, parses
    return None


def _parses(word: str, source: str) -> list:
    """Readings of a title word (of its last part, for «продавец-консультант») in the source case, singular."""
    last = word.split("-")[-1]
    if not CYRILLIC_WORD.match(last):
        return []
    return [p for p in _morph().parse(last.lower())
            if {source, "sing"} <= p.tag.grammemes and p.tag.POS in ADJECTIVES | {"NOUN"}]


def _inflect_word(word: str, parse, target: str, gender) -> str:
    parts = word.split("-")
    wanted = {target, "sing"} | ({gender} if gender and parse.tag.POS in ADJECTIVES else set())
    out = []
    for number, part in enumerate(parts):
        last = number == len(parts) - 1
        if last:
            out.append(_keep_case(part, _inflected(parse, wanted)))
        elif part.lower() in FIXED_PREFIXES or not CYRILLIC_WORD.match(part):
            out.append(part)  # «HR-», «SMM-», «шеф-»
        else:
            out.append(_keep_case(part, _compound_part(part, parse, wanted)))
    return "-".join(out)


def _compound_part(part: str, head, wanted: set[str]) -> str:
    """«продавец» of «продавец-консультант» declines with the head; «офис» of «офис-менеджер» does not."""
    for parse in _morph().parse(part.lower()):
        if parse.tag.POS == "NOUN" and {head.tag.case, "sing", "anim"} <= parse.tag.grammemes:
            return _inflected(parse, wanted)
    return part


def _inflected(parse, wanted: set[str]) -> str:
    form = parse.inflect(wanted) or parse.inflect(wanted - {"sing"})
    return form.word if form else parse.word


def _keep_case(original: str, inflected: str) -> str:
    if original.isupper() and len(original) > 1:
        return inflected.upper()
    if original[:1].isupper():
        return inflected[:1].upper() + inflected[1:]
    return inflected


def _lower_first(text: str) -> str:
    """Lower-case the first letter for use mid-sentence, but keep abbreviations such as «HR» or «IT»."""
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text
