"""Search in Material's own search box understands Russian: word forms, prefixes, ё/е, other names.

Every query is typed into the real search box of the built site in Chromium; the expected position
must be among the first three results. One browser page serves all queries.
"""

from __future__ import annotations

import json

import pytest
from search_support import open_search, search_results, search_top_results

KAM = "positions/key-account-manager/"
RECRUITER = "positions/recruiter/"
CLIENTS = "positions/client-manager/"

# (query as a user types it, the position it must find, what kind of query it is)
QUERIES = [
    # Another grammatical form than the text has.
    ("задолженность", KAM, "form"),             # text: задолженности
    ("скидками", KAM, "form"),                  # скидки
    ("мерчендайзингом", KAM, "form"),           # мерчендайзингу
    ("кредитоспособностью", KAM, "form"),       # кредитоспособность
    ("конкурентами", KAM, "form"),              # конкурентах, конкурентов
    ("пересортица", KAM, "form"),               # пересортице
    ("ключевым клиентам", KAM, "form"),         # ключевыми клиентами
    ("рекрутером", RECRUITER, "form"),          # рекрутер
    ("собеседованиям", RECRUITER, "form"),      # собеседования
    ("подбором персонала", RECRUITER, "form"),  # подбору персонала
    ("кандидатами", RECRUITER, "form"),         # кандидатов, кандидатам
    ("анкетой", RECRUITER, "form"),             # анкеты
    ("кадровым резервом", RECRUITER, "form"),   # кадровый резерв
    ("тренингами", RECRUITER, "form"),          # тренинги
    ("презентациями", CLIENTS, "form"),         # презентации
    ("претензиями", CLIENTS, "form"),           # претензии
    ("командообразованием", CLIENTS, "form"),   # командообразовании
    ("ротацией", CLIENTS, "form"),              # ротации
    # Part of a word, as while typing.
    ("мерчендай", KAM, "prefix"),
    ("задолж", KAM, "prefix"),
    ("кредитосп", KAM, "prefix"),
    ("собесед", RECRUITER, "prefix"),
    ("рекру", RECRUITER, "prefix"),
    ("кандид", RECRUITER, "prefix"),
    ("командообраз", CLIENTS, "prefix"),
    ("претенз", CLIENTS, "prefix"),
    # The exact word of the text.
    ("задолженности", KAM, "exact"),
    ("мерчендайзингу", KAM, "exact"),
    ("прайс-листа", KAM, "exact"),
    ("собеседования", RECRUITER, "exact"),
    ("анкеты", RECRUITER, "exact"),
    ("претензии", CLIENTS, "exact"),
    # ё and е are one letter, whichever the text and the query use.
    ("объем", KAM, "yo"),                       # объёмы
    ("объём сбыта", KAM, "yo"),
    ("взаиморасчеты", KAM, "yo"),               # взаиморасчётов
    ("надежность", KAM, "yo"),                  # надёжность
    ("ведет мониторинг", RECRUITER, "yo"),      # Ведёт мониторинг
    ("договоренности", CLIENTS, "yo"),          # договорённости
    ("сплоченная команда", CLIENTS, "yo"),      # сплочённая команда
    ("партнёрами", CLIENTS, "yo"),
    # Other names of the position (front matter `aliases`) and synonyms (mkdocs.yml).
    ("КАМ", KAM, "alias"),
    ("KAM", KAM, "alias"),
    ("Key Account Manager", KAM, "alias"),
    ("рекрутер", RECRUITER, "alias"),
    ("HR", RECRUITER, "alias"),
    ("эйчар", RECRUITER, "alias"),
    ("менеджер по персоналу", RECRUITER, "alias"),
    ("клиентский менеджер", CLIENTS, "alias"),
    ("менеджер клиентского сервиса", CLIENTS, "alias"),
    ("обзвоном", KAM, "synonym"),               # звонит, звонков
    ("зарплата", RECRUITER, "synonym"),         # заработной платы
    # A fleeting vowel (беглая гласная): the query's form has it and the text's has not, or back.
    ("новичок", RECRUITER, "fleeting"),         # новичков
    ("заработок", RECRUITER, "fleeting"),       # заработка
    ("ошибок", KAM, "fleeting"),                # ошибки
    ("закупка", KAM, "fleeting"),               # закупок
]


@pytest.fixture(scope="module")
def search_page(browser, served_site):
    """One page of the site with the search box ready; every request it makes is recorded."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.requests, page.errors = [], []
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    open_search(page, served_site)
    yield page
    page.close()


@pytest.mark.browser
@pytest.mark.parametrize("query, expected, kind", QUERIES, ids=[f"{kind}-{i}" for i, (_, _, kind) in enumerate(QUERIES)])
def test_query_finds_position_among_top_three(search_page, query, expected, kind):
    found = search_top_results(search_page, query)
    assert expected in found[:3], (
        f"typing «{query}» ({kind}) does not show {expected} among the first three results; "
        f"the user sees: {found[:5]}")


def test_suite_covers_every_kind_of_query_for_the_three_positions():
    assert len(QUERIES) >= 40
    for position in (KAM, RECRUITER, CLIENTS):
        kinds = {kind for _, page, kind in QUERIES if page == position}
        assert {"form", "prefix", "exact", "yo", "alias"} <= kinds, f"{position}: only {sorted(kinds)} tested"


@pytest.mark.browser
@pytest.mark.parametrize("query, expected", [
    ("менеджер по работе с клиентами", CLIENTS),
    ("менеджер по работе с ключевыми клиентами", KAM),
    ("менеджер по подбору персонала", RECRUITER),
    ("руководитель отдела продаж", "positions/sales-head/"),
], ids=["clients", "kam", "recruiter", "sales-head"])
def test_position_whose_title_matches_ranks_first(search_page, query, expected):
    found = search_top_results(search_page, query)
    assert found[:1] == [expected], f"«{query}» is a position title, but the first result is {found[:1]}"


@pytest.mark.browser
@pytest.mark.parametrize("query, clause", [
    ("мерчендайзингом", KAM + "#p2-10"),
    ("скидками", KAM + "#p2-9"),
    ("стратегической ориентации", KAM + "#consult"),   # a clause HR labelled {#consult}
    ("собеседованиям", RECRUITER + "#p2-1"),
], ids=["p2-10", "p2-9", "consult", "recruiter-p2-1"])
def test_hit_inside_a_clause_links_to_that_clause(search_page, query, clause):
    results = search_results(search_page, query)
    links = results[0] if results else []
    assert clause in links[1:], f"«{query}»: the best result links to {links}, not to the clause {clause}"


@pytest.mark.browser
def test_search_stays_on_the_site_and_raises_no_errors(search_page, served_site):
    search_top_results(search_page, "задолженность")
    outside = [url for url in search_page.requests if not url.startswith(served_site)]
    assert not outside, f"search made requests outside the site: {outside}"
    assert any("search-ru.js" in url for url in search_page.requests), "the Russian search worker was not loaded"
    assert not search_page.errors, search_page.errors


def test_every_clause_is_its_own_search_entry_and_its_text_is_stored_once(site):
    docs = json.loads((site.site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    by_location = {doc["location"]: doc for doc in docs}
    for slug in ("key-account-manager", "recruiter", "client-manager"):
        for item in site.position(slug).select("li[data-clause]"):
            entry = by_location.get(f"positions/{slug}/#{item['id']}")
            assert entry, f"clause {item['data-clause']} of {slug} has no search entry of its own"
            assert entry["title"] == f"п. {item['data-clause']}"
            words = entry["text"][:60]
            holders = [doc["location"] for doc in docs
                       if doc["location"].startswith(f"positions/{slug}/") and words in doc["text"]]
            assert holders == [entry["location"]], f"the text of clause {item['data-clause']} is stored in {holders}"


def test_search_index_is_written_as_utf8_without_escapes(site):
    raw = (site.site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "\\u04" not in raw, "Cyrillic letters are stored as \\u escapes, tripling the index size"
    assert "задолженности" in raw


def test_other_names_are_shown_on_screen_and_not_printed(site):
    line = site.position("key-account-manager").select_one(".doc-aliases")
    assert line is not None, "the page does not show the position's other names"
    assert "КАМ" in line.get_text() and "Key Account Manager" in line.get_text()
    assert "screen-only" in line["class"], "other names would be printed in the signed document"


def test_search_skips_the_forms_and_keeps_what_readers_look_for(site):
    """Stamp, record, signature lines and the acknowledgement table are forms, not content: a query
    for «ознакомления» or «Фамилия» must not offer every position's empty sheet."""
    docs = json.loads((site.site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    for slug in ("key-account-manager", "recruiter", "client-manager"):
        text = " ".join(doc["text"] for doc in docs if doc["location"].startswith(f"positions/{slug}/"))
        for form in ("УТВЕРЖДЕНА", "Лист ознакомления", "Разработал", "Дата ознакомления", "История редакций"):
            assert form not in text, f"{slug}: the search index holds the form text «{form}»"
        assert "Права" in " ".join(doc["title"] for doc in docs if doc["location"].startswith(f"positions/{slug}/"))
    kam = " ".join(doc["text"] for doc in docs if doc["location"].startswith("positions/key-account-manager/"))
    assert "Key Account Manager" in kam, "the position's other names must stay searchable"
