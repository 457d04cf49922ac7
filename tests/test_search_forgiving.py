"""Search forgives how people really type: a typo, the wrong keyboard layout, Russian in Latin letters.

Typed into Material's real search box in Chromium, like tests/test_search.py. A guess must never push
aside what was typed correctly: a word found as typed brings no guessed words into the results.
"""

from __future__ import annotations

import re

import pytest
from search_support import search_page, search_results, search_top_results  # noqa: F401

KAM = "positions/key-account-manager/"
RECRUITER = "positions/recruiter/"
CLIENTS = "positions/client-manager/"

FORGIVEN = [
    # One typo per word: a letter wrong, missing, extra, or two neighbours swapped.
    ("рекрутор", RECRUITER, "typo"),               # рекрутер
    ("дебиторскя", KAM, "typo"),                   # дебиторской
    ("кондидатов", RECRUITER, "typo"),             # кандидатов
    ("собеседвоание", RECRUITER, "typo"),          # собеседование (swapped)
    ("презинтации", CLIENTS, "typo"),              # презентации
    ("задолжность", KAM, "typo"),                  # задолженность (missing letter)
    ("претензиии", CLIENTS, "typo"),               # претензии (extra letter)
    ("мерчендайзенг", KAM, "typo"),
    ("кадровый рзерв", RECRUITER, "typo"),         # one word right, one with a typo
    # Russian typed on the Latin layout, and Latin on the Russian one.
    ("rflhjdsq htpthd", RECRUITER, "layout"),      # кадровый резерв
    ("crblrb", KAM, "layout"),                     # скидки
    ("ghtntypbb", CLIENTS, "layout"),              # претензии
    ("yjdbxrjd", RECRUITER, "layout"),             # новичков
    ("лун фссщгте", KAM, "layout"),                # key account
    ("рк", RECRUITER, "layout"),                   # HR
    ("пjlбор", RECRUITER, "layout"),               # the layout switched in the middle of a word
    ("oбзвон", KAM, "layout"),                     # a Latin «o» that looks Russian
    # Russian words spelled in Latin letters.
    ("sobesedovanie", RECRUITER, "translit"),
    ("zadolzhennost", KAM, "translit"),
    ("pretenzii", CLIENTS, "translit"),
    ("kadrovyy rezerv", RECRUITER, "translit"),
    ("merchendayzing", KAM, "translit"),
    ("menedzher po personalu", RECRUITER, "translit"),
    ("kandidatami", RECRUITER, "translit"),
]


@pytest.mark.browser
@pytest.mark.parametrize("query, expected, kind", FORGIVEN, ids=[f"{kind}-{i}" for i, (_, _, kind) in enumerate(FORGIVEN)])
def test_forgiven_query_finds_position_among_top_three(search_page, query, expected, kind):
    found = search_top_results(search_page, query)
    assert expected in found[:3], (
        f"typing «{query}» ({kind}) does not show {expected} among the first three results; "
        f"the user sees: {found[:5]}")


# (a correctly typed word, the beginning every marked word has: its forms, «скидок» included): a guess
# would mark words that do not begin so.
EXACT = [("скидки", "скид"), ("кандидатов", "кандидат"), ("претензии", "претенз"), ("кадры", "кадр")]
SYNONYMS = {"кадры": ("персонал",)}  # extra.search_synonyms in mkdocs.yml


@pytest.mark.browser
@pytest.mark.parametrize("query, stem", EXACT, ids=[query for query, _ in EXACT])
def test_a_word_found_as_typed_brings_no_guesses(search_page, served_site, query, stem):
    results = search_results(search_page, query)
    assert results, f"«{query}» finds nothing"
    marked = search_page.eval_on_selector_all(".md-search-result__item mark", "marks => marks.map(m => m.textContent)")
    guessed = [word for word in marked if not word.lower().startswith((stem, *SYNONYMS.get(query, ())))]
    assert not guessed, f"«{query}» is a word of the site, yet the results mark guessed words {guessed}"


@pytest.mark.browser
def test_guesses_are_marked_in_the_results(search_page):
    search_results(search_page, "рекрутор")
    marked = search_page.eval_on_selector_all(".md-search-result__item mark", "marks => marks.map(m => m.textContent)")
    assert any(re.fullmatch(r"(?i)рекрутер\w*", word) for word in marked), (
        f"the word found for «рекрутор» is not highlighted in the results: {marked}")
