"""Queries typed the way people mistype: one typo, the wrong keyboard layout, Latin spelling.

Each is made from a word that only one real position has (the generated positions never use it),
so the position it must find is known at any size of the company.
"""

from __future__ import annotations

RECRUITER, KAM, CLIENTS = "positions/recruiter/", "positions/key-account-manager/", "positions/client-manager/"
WORDS = [
    ("рекрутер", RECRUITER), ("кандидатов", RECRUITER), ("собеседования", RECRUITER),
    ("мерчендайзинг", KAM), ("скидки", KAM), ("ротации", CLIENTS), ("командообразование", CLIENTS),
]
RUSSIAN_KEYS = "йцукенгшщзхъфывапролджэячсмитьбю"
LATIN_KEYS = "qwertyuiop[]asdfghjkl;'zxcvbnm,."
TRANSLIT = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                    "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch  y  e yu ya".split(" ")))


def typo(word: str) -> str:
    """Two neighbouring letters in the middle swapped (or, if they are equal, one doubled)."""
    i = len(word) // 2
    return word[:i] + word[i + 1] + word[i] + word[i + 2:] if word[i] != word[i + 1] else word[:i] + word[i] + word[i:]


def wrong_layout(word: str) -> str:
    return "".join(LATIN_KEYS[RUSSIAN_KEYS.index(letter)] for letter in word)


def latin(word: str) -> str:
    return "".join(TRANSLIT[letter] for letter in word)


def queries() -> list[tuple[str, str, str]]:
    """(query as typed, kind, the position it must show among the first three)."""
    return [(make(word), kind, expected) for word, expected in WORDS
            for kind, make in (("typo", typo), ("layout", wrong_layout), ("translit", latin))]
