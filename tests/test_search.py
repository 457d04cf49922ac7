"""Search in Material's own search box understands Russian: word forms, prefixes, ё/е, other names.

Every query is typed into the real search box of the built site in Chromium; the expected position
must be among the first three results. One browser page serves all queries.
"""

from __future__ import annotations

import json

import pytest
from search_support import (index_entries, index_settings, quick_sample, search_page, search_results,  # noqa: F401
                            search_top_results)

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


@pytest.mark.browser
@pytest.mark.parametrize("query, expected, kind", quick_sample(QUERIES, per_kind=3))
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
    entries = index_entries(site.site)
    by_location = {entry["location"]: entry for entry in entries}
    for slug in ("key-account-manager", "recruiter", "client-manager"):
        for item in site.position(slug).select("li[data-clause]"):
            entry = by_location.get(f"positions/{slug}/#{item['id']}")
            assert entry, f"clause {item['data-clause']} of {slug} has no search entry of its own"
            assert entry["title"] == f"п. {item['data-clause']}"
            words = entry["text"][:60]
            holders = [e["location"] for e in entries
                       if e["location"].startswith(f"positions/{slug}/") and words in e["text"]]
            assert holders == [entry["location"]], f"the text of clause {item['data-clause']} is stored in {holders}"


def test_search_index_files_are_utf8_without_escapes(site):
    folder = site.site / "search" / index_settings(site.site)["folder"]
    files = [folder / "pages.json", *sorted((folder / "p").glob("*.json")), *sorted((folder / "s").glob("*.json"))]
    raw = "".join(path.read_text(encoding="utf-8") for path in files)
    assert "\\u04" not in raw, "Cyrillic letters are stored as \\u escapes, tripling the index size"
    assert "задолженности" in raw


def test_opening_a_page_downloads_settings_not_the_index(site):
    """Material's page script fetches search_index.json on every page: it must stay a few kilobytes
    however many positions there are, and the index proper lies in pieces beside it."""
    material_index = site.site / "search" / "search_index.json"
    assert json.loads(material_index.read_text(encoding="utf-8"))["docs"] == [], "pages are in search_index.json"
    assert material_index.stat().st_size < 20_000
    settings = index_settings(site.site)
    shards = sorted((site.site / "search" / settings["folder"] / "s").glob("*.json"))
    assert len(shards) == len(settings["shards"]) >= 2 and settings["entries"] > 200, settings
    assert max(path.stat().st_size for path in shards) < 64_000, "a query would load a large shard"


def test_the_words_of_a_stem_lie_in_one_shard():
    """A query word stands for the indexed words that begin with its stem, and every shard they lie
    in is one more request before the answer: shards are cut between words that begin differently."""
    from macros.search import index

    words = sorted(stem + ending for stem in ("подразделен", "подрядчик", "работ")
                   for ending in ("ие", "ия", "ий", "ию", "ием", "иями", "иях"))
    shards = index.shard_ranges(words, dict.fromkeys(words, index.SHARD_BYTES // 3))
    assert len(shards) >= 2 and [word for shard in shards for word in shard] == words
    for stem in ("подразделен", "подрядчик", "работ"):
        assert sum(any(word.startswith(stem) for word in shard) for shard in shards) == 1, (stem, shards)


def test_other_names_are_shown_on_screen_and_not_printed(site):
    line = site.position("key-account-manager").select_one(".doc-aliases")
    assert line is not None, "the page does not show the position's other names"
    assert "КАМ" in line.get_text() and "Key Account Manager" in line.get_text()
    assert "screen-only" in line["class"], "other names would be printed in the signed document"


def test_search_skips_the_forms_and_keeps_what_readers_look_for(site):
    """Stamp, record, signature lines and the acknowledgement table are forms, not content: a query
    for «ознакомления» or «Фамилия» must not offer every position's empty sheet."""
    docs = index_entries(site.site)
    for slug in ("key-account-manager", "recruiter", "client-manager"):
        text = " ".join(doc["text"] for doc in docs if doc["location"].startswith(f"positions/{slug}/"))
        for form in ("УТВЕРЖДЕНА", "Лист ознакомления", "Разработал", "Дата ознакомления", "История редакций"):
            assert form not in text, f"{slug}: the search index holds the form text «{form}»"
        assert "Права" in " ".join(doc["title"] for doc in docs if doc["location"].startswith(f"positions/{slug}/"))
    kam = " ".join(doc["text"] for doc in docs if doc["location"].startswith("positions/key-account-manager/"))
    assert "Key Account Manager" in kam, "the position's other names must stay searchable"


def test_the_tag_listing_material_writes_after_markdown_is_searchable(site):
    """Material's tags plugin writes its listing into the page after Markdown: that page alone is
    read from its HTML (hooks/search_entries.py), and each tag is an entry listing its positions."""
    by_location = {entry["location"]: entry for entry in index_entries(site.site)}
    listed = [entry for location, entry in by_location.items() if location.startswith("tags/#tag:")]
    assert listed, "the tags page has no entry per tag"
    directors = next(entry for entry in listed if entry["title"] == "Дирекция")
    assert "Генеральный директор" in directors["text"]


TRICKY_PAGE = """# Проба

Текст AT&T и &copy; и &copyright, &amp; и &lt;тег&gt;, a&nbsp;b, \\*не курсив\\*, `код &amp; <x> & y`,
почта <ivan@example.ru>, ссылка <https://example.local/a?b=1&c=2>, **жир**ный и *кур*сив.

## Раздел с `кодом` и &laquo;кавычками&raquo;

- пункт один
    - вложенный &mdash; пункт
- пункт два

| Столбец | Ещё |
|---|---|
| ячейка&nbsp;1 | ячейка **2** |

```python
return a < b and "&amp;" or '&'
```

```mermaid
flowchart TD
  секрет --> схемы
```

!!! note "Заметка & заголовок"
    Внутри заметки текст.

### Подраздел

Текст подраздела.
"""


def test_entries_taken_from_the_tree_read_as_the_written_page_shows_them():
    """The entries are recorded from Python-Markdown's element tree, not cut out of the HTML: what
    they hold must be what the written page shows — entities, escapes, code, tables, notes — and
    never a diagram's source."""
    import types

    import markdown
    from pymdownx.superfences import fence_code_format

    from macros.hooks.search_entries import SearchEntries, SearchOutline
    from macros.search.entries import page_entries

    search = SearchEntries()
    page = types.SimpleNamespace(file=types.SimpleNamespace(src_uri="proba.md"), meta={})
    mermaid = {"name": "mermaid", "class": "mermaid", "format": fence_code_format}
    md = markdown.Markdown(extensions=["admonition", "tables", "toc", "pymdownx.superfences",
                                       SearchOutline(search, lambda: page)],
                           extension_configs={"pymdownx.superfences": {"custom_fences": [mermaid]}})
    written = md.convert(TRICKY_PAGE)
    recorded = search.outlines["proba.md"]
    recorded[0].title = "Проба"
    assert recorded == page_entries(written, "Проба")
    assert [entry.title for entry in recorded] == ["Проба", "Раздел с кодом и «кавычками»", "Подраздел"]
    assert "AT&T и © и &copyright, & и <тег>, a b, *не курсив*" in recorded[0].text
    assert "ячейка 1 ячейка 2" in recorded[1].text and "Заметка & заголовок Внутри заметки текст." in recorded[1].text
    assert "секрет" not in " ".join(entry.text for entry in recorded), "a diagram's source is not text"
