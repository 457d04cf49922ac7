"""Comparing wordings and finding positions by name: the fuzzy part of the import, kept in one place.

Two clauses "say the same" when their content words (stems, common synonyms folded together)
mostly coincide: «Осуществлять взаимодействие с сотрудниками всех структурных подразделений
предприятия» and «Взаимодействовать с работниками всех структурных подразделений организации».
A position is found by its title in any case (the site's title, genitive, dative and the
other cases pymorphy3 makes), or as «директор предприятия» and the like for the head of the company.
"""

from __future__ import annotations

import re

from ..russian_words import forms

STOP = set("""и в во на с со по за к ко от до из о об обо для при а но или не ни что как его ее их все всех
весь всем свой своих своей своего своим свои своему настоящей настоящего данной данного этой этого этих
также том тем та те то же ли бы же был была было быть иных иные другие других другим любых который которые
которых рф российской федерации""".split())
# Stems (first five letters) that mean the same in instructions, folded onto one.
SYNONYMS = {"сотру": "работ", "персо": "работ", "предп": "орган", "компа": "орган", "общес": "орган",
            "фирмы": "орган", "инфор": "сведе", "данны": "сведе", "выпол": "испол", "осуще": "испол",
            "запра": "получ", "вноси": "предл", "предс": "предл", "улучш": "устра", "совер": "устра",
            "выявл": "недос", "недоч": "недос", "дейст": "работ", "деяте": "работ", "нанес": "причи",
            "ущер": "ущер", "матер": "ущер", "ненад": "ненад", "надле": "ненад", "опред": "устан",
            "трудо": "трудо", "граж": "гражд", "гражд": "гражд", "обяза": "обяза", "функц": "обяза"}
HEAD_OF_COMPANY = re.compile(
    r"^(генерального |исполнительного )?(директора|директору|директор|руководителя|руководителю|руководитель)"
    r"( (предприятия|организации|компании|общества|фирмы))?$")


def normal(text: str) -> str:
    text = text.lower().replace("ё", "е")
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s-]", " ", text)).strip()


def stems(text: str) -> set[str]:
    result = set()
    for word in normal(text).replace("-", " ").split():
        if word in STOP or len(word) < 3 or word.isdigit():
            continue
        stem = word[:5]
        result.add(SYNONYMS.get(stem, stem))
    return result


def similarity(a: str, b: str) -> float:
    """Dice coefficient of the content stems: 1 for the same words, 0 for nothing in common."""
    left, right = stems(a), stems(b)
    if not left or not right:
        return 0.0
    return 2 * len(left & right) / (len(left) + len(right))


def uncovered(source: str, covering: str) -> list[str]:
    """Words of `source` whose stems `covering` lacks: what a replacement by the template would lose."""
    have = stems(covering)
    missing = []
    for word in re.findall(r"[\wё-]+", source):
        found = stems(word)
        if found and not found <= have and word.lower() not in missing:
            missing.append(word.lower())
    return missing


def find_position(phrase: str, staff) -> str | None:
    """The slug of the position a phrase names, in any case; the head of the company for «директора» etc."""
    words = normal(phrase)
    words = re.sub(r"^(непосредственно|лично|только)\s+", "", words)
    if not words:
        return None
    best = None
    for position in staff.positions.values():
        for name in (position.title, position.genitive, position.dative, *forms(str(position.title or ""))):
            candidate = normal(str(name or ""))
            if candidate and (words == candidate or words.startswith(candidate + " ")):
                if best is None or len(candidate) > best[0]:
                    best = (len(candidate), position.slug)
    if best:
        return best[1]
    if HEAD_OF_COMPANY.match(words):
        return head_of_company(staff)
    return None


def head_of_company(staff) -> str | None:
    tops = sorted(p.slug for p in staff.positions.values() if not p.ref("reports_to"))
    return tops[0] if tops else None
