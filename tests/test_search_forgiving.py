"""Search forgives how people really type: a typo, the wrong keyboard layout, Russian in Latin letters.

Typed into Material's real search box in Chromium, like tests/test_search.py. A guess must never push
aside what was typed correctly: a word found as typed brings no guessed words into the results.
"""

from __future__ import annotations

import re

import pytest
from search_support import quick_sample, search_page, search_results, search_top_results  # noqa: F401

KAM = "positions/key-account-manager/"
RECRUITER = "positions/recruiter/"
CLIENTS = "positions/client-manager/"
HR_HEAD = "positions/hr-head/"
SALES_HEAD = "positions/sales-head/"
GENERAL = "positions/general-director/"
COMMERCIAL = "positions/commercial-director/"
DEVELOPMENT = "positions/development-director/"

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
    ("general director", GENERAL, "translit"),        # "general" is a word of the guide, too
    ("ьутувяргук", RECRUITER, "translit"),            # "menedzher" typed on the Russian layout
    ("ьутувожук", RECRUITER, "translit"),             # the same with the ж key for "zh"
    # Two typos in a long word, when nothing closer is found.
    ("рикрутор", RECRUITER, "typo2"),
    # Two words typed without the space between them.
    ("коммерческийдиректор", COMMERCIAL, "joined"),
    ("аккаунтменеджер", KAM, "joined"),
    ("keyaccount", KAM, "joined"),
    ("hrменеджер", RECRUITER, "joined"),
    # A word the site has only in another derivation: by the longest beginning of its stem it has.
    ("кадровик", HR_HEAD, "derived"),                 # кадровый, кадров
    ("продажник", SALES_HEAD, "derived"),             # продаж
    ("kadrovik", HR_HEAD, "derived"),
    # Abbreviations: typed with dots, with a Russian ending, in look-alike letters, or a title's initials.
    ("р.о.п.", SALES_HEAD, "abbreviation"),
    ("г. д.", GENERAL, "abbreviation"),               # initials typed apart, each with its dot
    ("HRа", RECRUITER, "abbreviation"),
    ("сео", GENERAL, "abbreviation"),                 # CEO in Russian letters
    ("ГД", GENERAL, "abbreviation"),                  # Генеральный директор
    ("мпп", RECRUITER, "abbreviation"),               # Менеджер по подбору персонала
    # Synonyms in any script (mkdocs.yml extra.search_synonyms): HR — эйчар, manager — менеджер, head — руководитель.
    ("эйчар директор", HR_HEAD, "synonym"),
    ("HR manager", RECRUITER, "synonym"),
    ("manager po podboru", RECRUITER, "synonym"),
    ("hr head", HR_HEAD, "synonym"),
    # The last word still being typed: one letter begins a word of a title.
    ("директор по р", DEVELOPMENT, "typing"),
    ("кл", CLIENTS, "typing"),                        # two letters alone, no word of their own: «клиентами»
    # A question: its question word is a function word, not a word every title lacks.
    ("кто руководит отделом продаж", SALES_HEAD, "question"),
    # The supervisor relation: «подчиняется» is what a position's «непосредственный руководитель» says (synonym).
    ("кому подчиняется менеджер по работе с клиентами", CLIENTS, "supervisor"),
    # A verb where the text has the noun of its root.
    ("продавать", SALES_HEAD, "verb"),                # продаж, продавец
    ("обучать", RECRUITER, "verb"),                   # обучение
    # A verbal noun where the text has the verb.
    ("согласование сделок", SALES_HEAD, "verbal noun"),  # согласовывает условия сделок
    # A title shortened to the beginnings of its words.
    ("комдир", COMMERCIAL, "abbreviation"),           # Коммерческий директор
    # A Latin abbreviation with its ending after an apostrophe (the ' key is «э» on the Russian layout).
    ("kam'a", KAM, "apostrophe"),
    ("kam’a", KAM, "apostrophe"),
    # A number written out, where the text has digits.
    ("опыт от трех лет", SALES_HEAD, "number"),       # не менее 3 лет
    # Generic HR words for a position (mkdocs.yml extra.search_synonyms).
    ("хедхантер", RECRUITER, "synonym"),
    ("онбординг", RECRUITER, "synonym"),              # адаптация
    ("найм", RECRUITER, "synonym"),                   # приём на должность
    ("тимбилдинг", CLIENTS, "synonym"),               # командообразование
    # Common abbreviations of phrases, as phrase synonyms: found where the phrase's words are.
    ("дз", KAM, "synonym"),                           # дебиторская задолженность
    ("тэо", DEVELOPMENT, "synonym"),                  # технико-экономическое обоснование
    ("кпи", SALES_HEAD, "synonym"),                   # KPI: показатели
    # A long word the site has only in another derivation, by the six first letters of its stem.
    ("рекрутмент", RECRUITER, "derived"),             # рекрутер
    ("хедхантинг", RECRUITER, "derived"),             # a synonym's derivation: хедхантер, a synonym of рекрутер
    # An English plural: "managers" is "manager", a synonym of «менеджер».
    ("managers", RECRUITER, "plural"),
    # Informal words for a head (mkdocs.yml extra.search_synonyms), and top management: the directors.
    ("босс", HR_HEAD, "synonym"),
    ("шеф", SALES_HEAD, "synonym"),
    ("топ-менеджмент", GENERAL, "phrase"),
    ("топ менеджеры", COMMERCIAL, "phrase"),
    # A question framed by a verb that says nothing of the duty: the title it names comes first.
    ("чем занимается коммерческий директор?", COMMERCIAL, "question"),
    # Everyday words for what the instructions call «общество», and English department words.
    ("директор компании", GENERAL, "synonym"),
    ("sales director", COMMERCIAL, "synonym"),          # its other name: директор по продажам
    # A compound word of a word's beginning and a word: «бухучёт» — «бухгалтерского учёта».
    ("бухучёт", GENERAL, "compound"),
    # A Latin abbreviation written in Russian letters as it sounds (HRD), and «з/п» for the salary.
    ("хрд", HR_HEAD, "spoken"),
    ("з/п", RECRUITER, "synonym"),                    # заработной платы
    # Marks nobody sees (a stress accent pasted from a dictionary) and full-width letters.
    ("ре\u0301крутер", RECRUITER, "invisible"),
    ("ＨＲ", RECRUITER, "invisible"),
]


@pytest.mark.browser
@pytest.mark.parametrize("query, expected, kind", quick_sample(FORGIVEN, per_kind=1))
def test_forgiven_query_finds_position_among_top_three(search_page, query, expected, kind):
    found = search_top_results(search_page, query)
    assert expected in found[:3], (
        f"typing «{query}» ({kind}) does not show {expected} among the first three results; "
        f"the user sees: {found[:5]}")


# A letter typed twice at the end is a typo, not a word and a two-letter word after it («клиента» + «мм»).
@pytest.mark.browser
def test_a_doubled_last_letter_is_a_typo_not_two_words(search_page):
    found = search_top_results(search_page, "клиентамм")
    assert found[:2] and set(found[:2]) <= {CLIENTS, KAM}, f"«клиентамм» shows {found[:3]} first, not the client managers"


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


# A page of text pasted into the box (10,000 characters of distinct words), one word a thousand times,
# a single 10,000-letter word: each read by its first words, answered as fast as a short query.
LONG = {
    "pasted": " ".join(f"{a}{b}{c}{d}ка" for a in "бвгдклмнпрст" for b in "аеиоу" for c in "бвгдзклмнпрст" for d in "аоу")[:10_000],
    "repeated": "рекрутер " * 1000,
    "one-word": "ж" * 10_000,
    "numbers": ".".join(map(str, range(1000))),   # one endless «clause number»: 0.1.2.….999
}


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.parametrize("kind", LONG)
def test_a_very_long_query_is_answered_within_a_second(search_page, kind):
    search_results(search_page, LONG[kind], timeout_ms=1000)
    assert not search_page.errors, search_page.errors


HOSTILE = ["<img src=x onerror=alert(1)>", "\"><svg/onload=alert(1)>", "<b><i>", "\u0000", "рекрутер\u0000", ".*(?<x>[",
           "__proto__ constructor", "   "]


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.parametrize("query", HOSTILE, ids=range(len(HOSTILE)))
def test_a_hostile_query_is_shown_as_text_and_breaks_nothing(search_page, query):
    search_results(search_page, query)
    injected = search_page.eval_on_selector_all(
        ".md-search-result img, .md-search-result svg, .md-search-result__list b, .md-search-result__list i",
        "elements => elements.map(element => element.outerHTML)")
    assert not injected, f"«{query}» put markup into the results: {injected}"
    assert not search_page.errors, search_page.errors
    assert RECRUITER in search_top_results(search_page, "рекрутер"), "search stopped answering after a hostile query"


# A clause number quoted with a position, as an employee cites an instruction: that position first, and
# in it that clause first (the link Material shows right under the title).
CLAUSES = [("пункт 4.2 рекрутера", RECRUITER + "#p4-2"), ("2.3 рекрутер", RECRUITER + "#p2-3"),
           ("п.2.3 генерального директора", GENERAL + "#p2-3"),
           ("п. 3.1 руководителя отдела персонала", HR_HEAD + "#p3-1")]


@pytest.mark.browser
@pytest.mark.parametrize("query, clause", CLAUSES, ids=[query for query, _ in CLAUSES])
def test_a_clause_number_and_a_position_lead_to_that_clause(search_page, query, clause):
    results = search_results(search_page, query)
    first = results[0][:2] if results else []
    assert first == [clause.split("#")[0], clause], (
        f"«{query}» should open with {clause} right under its position; the user sees {results[:2]}")


# A synonym of several words is a phrase: «топ-менеджер» finds the directors (the group of «дирекция»),
# yet «менеджер» alone finds none of them, and «дирекция» finds them, not the managers, first.
@pytest.mark.browser
@pytest.mark.parametrize("query", ["менеджер", "manager", "дирекция"])
def test_words_of_a_phrase_synonym_alone_do_not_find_its_group(search_page, query):
    found = search_top_results(search_page, query)
    directors = {GENERAL, COMMERCIAL, DEVELOPMENT}
    if query == "дирекция":
        assert set(found[:3]) == directors, f"«{query}» shows {found[:3]} first, not the directors"
    else:
        assert not directors & set(found), f"«{query}» also finds {sorted(directors & set(found))}"
