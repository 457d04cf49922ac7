"""The search index, built from the pages as the build writes them, in pieces the browser loads on demand.

Why not Material's index: Material's page script downloads search/search_index.json whole on every
page open and its worker builds a lunr index from it before the first answer — seconds at a thousand
positions. Here the browser loads only what a query needs (see README «Поиск»):

- ``search/search_index.json`` — still written by Material's search plugin, but with no documents
  (every page is marked ``search.exclude``); the settings the worker needs ride in its ``config``
  under ``jobdesc``: the shard keys, the stop words, the synonym groups and a version for caching.
- ``search/ru/s/<n>.json`` — shards of the inverted index: every word whose longest shard key is a
  prefix of it, with its postings. A query word of three letters or more loads only the shards of
  its stem's prefix. Keys start at two letters and grow by one letter where a shard gets large.
- ``search/ru/pages.json`` — every page's address, title and tags, and where its entries start.
- ``search/ru/p/<n>.json`` — the entries of page n (anchor, title, text): loaded for the results shown.
- ``search/ru/words.txt`` — the vocabulary, one word a line: the worker loads it in the background
  to correct typos.

A posting is one integer: the entry's number (delta from the word's previous posting) times 16 plus
flags — bits 0-1 how often the word occurs in the entry's text (up to 3), bit 2 the entry's title
has it, bit 3 the page's tags have it.

Must not: stem (words.py says why) or depend on Material's internals beyond the documented
``search.exclude`` page setting and the index file's ``config`` object. Standard library only.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from .entries import Entry, page_entries
from .words import STOP_WORDS, indexed_words

FOLDER = "ru"
# A shard above this many bytes of JSON is split by one more letter of its words.
SHARD_BYTES = 24_000
TEXT_COUNT_MAX = 3
TITLE_FLAG, TAG_FLAG, FLAG_BITS = 4, 8, 16


@dataclass
class PageRecord:
    url: str
    title: str
    tags: list[str]
    entries: list[Entry]
    flags: list[dict[str, int]] = field(default_factory=list)  # per entry: word -> posting flags


def page_record(url: str, title: str, tags: list[str], body: str) -> PageRecord:
    """One page, cut into entries, with the words of each entry and where they occur."""
    record = PageRecord(url, title, tags, page_entries(body, title))
    tag_words = {word for tag in tags for word in indexed_words(tag)}
    for number, entry in enumerate(record.entries):
        flags: dict[str, int] = {}
        for word in indexed_words(entry.text):
            count = flags.get(word, 0)
            if count < TEXT_COUNT_MAX:
                flags[word] = count + 1
        for word in indexed_words(entry.title):
            flags[word] = flags.get(word, 0) | TITLE_FLAG
        if number == 0:
            for word in tag_words:
                flags[word] = flags.get(word, 0) | TAG_FLAG
        record.flags.append(flags)
    return record


def postings(records: list[PageRecord]) -> dict[str, list[int]]:
    """Word -> encoded postings (entry numbers in order, delta-coded, with flags)."""
    lists: dict[str, list[int]] = {}
    last: dict[str, int] = {}
    entry = 0
    for record in records:
        for flags in record.flags:
            for word, flag in flags.items():
                previous = last.get(word)
                if previous is None:
                    lists[word] = [entry * FLAG_BITS + flag]
                else:
                    lists[word].append((entry - previous) * FLAG_BITS + flag)
                last[word] = entry
            entry += 1
    return lists


def shard_words(words: list[str], prefix_length: int = 2, sizes: dict[str, int] | None = None) -> dict[str, list[str]]:
    """Sorted words grouped by shard key: the shortest prefix (two letters or more) under SHARD_BYTES."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[:prefix_length], []).append(word)
    shards: dict[str, list[str]] = {}
    for key, members in groups.items():
        if len(members) > 1 and sum(sizes[w] for w in members) > SHARD_BYTES:
            shards.update({key: [w for w in members if w == key]} if key in members else {})
            shards.update(shard_words([w for w in members if w != key], prefix_length + 1, sizes))
        else:
            shards[key] = members
    return shards


def build(records: list[PageRecord]) -> tuple[dict[str, str], dict]:
    """The files of the index (path under search/ -> text) and the settings for the browser."""
    records = sorted(records, key=lambda record: record.url)
    lists = postings(records)
    encoded = {word: json.dumps(lists[word], separators=(",", ":")) for word in lists}
    sizes = {word: len(text) + len(word) * 2 + 4 for word, text in encoded.items()}
    shards = shard_words(sorted(lists), sizes=sizes)
    keys = sorted(shards)
    files: dict[str, str] = {}
    for number, key in enumerate(keys):
        body = ",".join(f"{json.dumps(word, ensure_ascii=False)}:{encoded[word]}" for word in shards[key])
        files[f"{FOLDER}/s/{number}.json"] = "{" + body + "}"
    files[f"{FOLDER}/words.txt"] = "\n".join(sorted(lists))
    files[f"{FOLDER}/pages.json"] = _pages(records)
    for number, record in enumerate(records):
        files[f"{FOLDER}/p/{number}.json"] = _json([[e.anchor, e.title, e.text] for e in record.entries])
    version = hashlib.sha1("\0".join(f"{k}\0{v}" for k, v in sorted(files.items())).encode("utf-8")).hexdigest()
    settings = {
        "version": version[:12],
        "folder": FOLDER,
        "shards": keys,
        "entries": sum(len(record.entries) for record in records),
        "stopwords": sorted(STOP_WORDS),
    }
    return files, settings


def _pages(records: list[PageRecord]) -> str:
    tags = sorted({tag for record in records for tag in record.tags})
    number = {tag: index for index, tag in enumerate(tags)}
    pages, starts, entry = [], [], 0
    for record in records:
        pages.append([record.url, record.title, [number[tag] for tag in record.tags]])
        starts.append(entry)
        entry += len(record.entries)
    return _json({"tags": tags, "pages": pages, "starts": starts + [entry]})


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def write(site_dir: Path, records: list[PageRecord], synonyms: list | None) -> None:
    """Write the index files and put the browser's settings into Material's search_index.json."""
    material_index = site_dir / "search" / "search_index.json"
    if not material_index.is_file():
        return  # search is switched off
    files, settings = build(records)
    if synonyms:
        settings["synonyms"] = [[str(word) for word in group] for group in synonyms]
    for name, text in files.items():
        path = site_dir / "search" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    index = json.loads(material_index.read_text(encoding="utf-8"))
    index["config"]["jobdesc"] = settings
    material_index.write_text(_json(index), encoding="utf-8")
