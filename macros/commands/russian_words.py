"""Small Russian helpers for a new position: a latin file name and first guesses at the cases.

The guesses follow simple rules for the leading adjectives and the first noun of a title
(«Главный бухгалтер» -> «главного бухгалтера», «главному бухгалтеру»); the rest of the title
(«по работе с клиентами») is kept as is. They are guesses: HR is told to check them.
"""

from __future__ import annotations

import re

LATIN = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t",
     "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"]))
ADJECTIVE = re.compile(r"(ый|ий|ой|ая|яя)$")
HUSHING = set("гкхжшчщ")  # after these, Russian writes и instead of ы
# First parts of compound titles that never change: «офис-менеджера», but «инженера-программиста».
FIXED_PREFIXES = {"офис", "шеф", "вице", "экс", "бизнес", "контент", "арт", "бренд", "веб", "интернет", "пресс",
                  "генерал", "обер", "штаб", "топ", "медиа", "фитнес", "event", "smm"}


def slug(title: str) -> str:
    """«Главный бухгалтер» -> glavnyy-bukhgalter (transliteration, lower case, hyphens)."""
    latin = "".join(LATIN.get(ch, ch) for ch in title.lower())
    return re.sub(r"[^a-z0-9]+", "-", latin).strip("-")


def cases(title: str) -> tuple[str, str]:
    """(genitive, dative) of a position title, lower-cased for use mid-sentence."""
    words = title.split(" ")
    genitive, dative = [], []
    for index, word in enumerate(words):
        lower = _lower_first(word)
        if ADJECTIVE.search(lower.lower()):
            genitive.append(_adjective(lower, "genitive"))
            dative.append(_adjective(lower, "dative"))
            continue
        # The first noun (each part of «инженер-программист»): after it, the words stay as written.
        genitive.append(_compound(lower, "genitive"))
        dative.append(_compound(lower, "dative"))
        rest = words[index + 1:]
        return " ".join(genitive + rest), " ".join(dative + rest)
    return " ".join(genitive), " ".join(dative)


def _compound(word: str, case: str) -> str:
    parts = word.split("-")
    return "-".join(part if part.lower() in FIXED_PREFIXES and i < len(parts) - 1 else _noun(part, case)
                    for i, part in enumerate(parts))


def _lower_first(word: str) -> str:
    # Keep abbreviations such as HR or IT as written.
    if len(word) > 1 and word[0].isupper() and not word[1].isupper():
        return word[0].lower() + word[1:]
    return word


def _adjective(word: str, case: str) -> str:
    stem, ending = word[:-2], word[-2:].lower()
    if ending == "ая":
        return stem + "ой"
    if ending == "яя":
        return stem + "ей"
    soft = ending == "ий" and stem[-1:].lower() not in "гкх"
    return stem + ({"genitive": "его", "dative": "ему"} if soft else {"genitive": "ого", "dative": "ому"})[case]


def _noun(word: str, case: str) -> str:
    if not word or not word[-1].isalpha() or not ("а" <= word[-1].lower() <= "я" or word[-1].lower() == "ё"):
        return word  # a latin word or an abbreviation: not declined
    last, stem = word[-1].lower(), word[:-1]
    if last in "ьй":
        return stem + {"genitive": "я", "dative": "ю"}[case]
    if last == "а":
        return stem + ({"genitive": "и" if stem[-1:].lower() in HUSHING else "ы", "dative": "е"}[case])
    if last == "я":
        return stem + {"genitive": "и", "dative": "е"}[case]
    if last in "оеиую":
        return word  # indeclinable: «атташе»
    return word + {"genitive": "а", "dative": "у"}[case]


def nominative(genitive: str) -> str:
    """A title back from its genitive, by the same simple rules: «главного бухгалтера» -> «Главный бухгалтер»."""
    words = genitive.split(" ")
    result = []
    for index, word in enumerate(words):
        lower = word.lower()
        if index + 1 < len(words) and re.search(r"(ого|его|ой)$", lower):
            stem = word[:-3] if lower.endswith(("ого", "его")) else word[:-2]
            soft = lower.endswith("его") or stem[-1:].lower() in "гкх"
            result.append(stem + ("ая" if lower.endswith("ой") else "ий" if soft else "ый"))
            continue
        parts = word.split("-")
        result.append("-".join(part if part.lower() in FIXED_PREFIXES and i < len(parts) - 1 else _noun_back(part)
                               for i, part in enumerate(parts)))
        result += words[index + 1:]
        break
    text = " ".join(result)
    return text[:1].upper() + text[1:]


def _noun_back(word: str) -> str:
    lower = word.lower()
    if lower.endswith("я"):
        return word[:-1] + "ь"          # руководителя -> руководитель
    if lower.endswith("а"):
        return word[:-1]                # менеджера -> менеджер
    if lower.endswith(("ы", "и")) and len(word) > 3:
        return word[:-1] + "а"          # уборщицы -> уборщица
    return word
