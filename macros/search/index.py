"""The search index in pieces the browser loads on demand (what and why: macros/search/README.md).

Under ``search/``: Material's ``search_index.json`` without documents, its ``config.jobdesc`` holding
the worker's settings; ``ru/s/<n>.json``, the sorted vocabulary with postings cut into shards
(shard_ranges); ``ru/pages.json``, every page's address, title, tags and first entry; ``ru/p/<n>.json``,
page n's entries; ``ru/words.txt``, the vocabulary for correcting typos. A posting is one integer: the
entry's number (delta from the word's previous posting) times 16 plus flags — bit 0 the entry's text has
the word, bit 2 its title, bit 3 the page's tags (bit 1 is free). A clause's number («2.9», the only words
with a dot) is a word of its entry's title.
Must not: stem (words.py says why) or depend on Material's internals beyond ``search.exclude`` and the
index file's ``config`` object. Standard library only.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from .entries import Entry
from .words import STOP_WORDS, indexed_words

FOLDER = "ru"
WORKER = Path("assets") / "javascripts" / "workers" / "search-ru.js"
PARTS = re.compile(r"^const PARTS = (\[.*?\])$", re.M)
LOADER = re.compile(r"^importScripts\(.*// jobdesc: parts$", re.M)
# A line that is only a comment, // or /* … */ (which may span lines): the parts' comments are for their
# readers in the repository, not for every browser that searches (a third of the bundle).
COMMENT_LINE = re.compile(r"^[ \t]*(?://[^\n]*|/\*(?:[^*]|\*(?!/))*\*/)[ \t]*\n", re.M)
# At least this many bytes of JSON per shard, more to keep words of one beginning together (shard_ranges).
SHARD_BYTES = 12_000
CLAUSE_PREFIX = "п. "  # a clause entry's title: «п. 2.9» (entries.py)
SECTION_NUMBER = re.compile(r"^\s*\d+(?:\.\d+)*\.?\s+")
TEXT_FLAG, TITLE_FLAG, TAG_FLAG, FLAG_BITS = 1, 4, 8, 16
HEX = "0123456789abcdef"  # a word's flags (less than FLAG_BITS) as one character in the build cache
FLAG_OF = {digit: value for value, digit in enumerate(HEX)}


@dataclass
class PageRecord:
    url: str
    title: str
    tags: list[str]
    entries: list[Entry]
    flags: list[dict[str, int]] = field(default_factory=list)  # per entry: word -> posting flags


def page_record(url: str, title: str, tags: list[str], entries: list[Entry], cache=None) -> PageRecord:
    """One page's entries (entries.py) with the words of each entry and where they occur; from the build
    cache (model/build_cache.py) when this page was indexed before unchanged."""
    key = None
    if cache is not None and cache.folder is not None:
        key = cache.key(_json([url, title, tags]), _json([[e.anchor, e.title, e.text, e.clause] for e in entries]))
        kept = cache.get("search", key)
        if kept is not None:  # per entry: its words joined by spaces, and their flags as hex digits
            words, flags = kept
            return PageRecord(url, title, tags, entries, [dict(zip(names.split(" "), map(FLAG_OF.__getitem__, values)))
                                                          if names else {} for names, values in zip(words, flags)])
    record = PageRecord(url, title, tags, entries)
    tag_words = {word for tag in tags for word in indexed_words(tag)}
    for number, entry in enumerate(record.entries):
        # Whether a word occurs, not how often: an entry is a clause or a short section, where a
        # second occurrence says little (a set is built in C; counting cost a third of indexing).
        flags = dict.fromkeys(indexed_words(entry.text), TEXT_FLAG)
        # Not a clause's «п. 2.9» as words «2» and «9», nor a section's number («1. Общие положения»); a
        # clause's number is one word «2.9» of its title: «пункт 2.9 рекрутера» asks for that clause.
        title = "" if entry.clause else SECTION_NUMBER.sub("", entry.title)
        if entry.clause:
            flags[entry.title.removeprefix(CLAUSE_PREFIX)] = TITLE_FLAG
        for word in indexed_words(title) if title else ():
            flags[word] = flags.get(word, 0) | TITLE_FLAG
        if number == 0:
            for word in tag_words:
                flags[word] = flags.get(word, 0) | TAG_FLAG
        record.flags.append(flags)
    if key is not None:
        # Strings, not lists of words and numbers: a third of the bytes, and JSON reads and writes them whole.
        cache.put("search", key, [[" ".join(flags) for flags in record.flags],
                                  ["".join([HEX[flag] for flag in flags.values()]) for flags in record.flags]])
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


def shard_ranges(words: list[str], sizes: dict[str, int]) -> list[list[str]]:
    """Sorted words cut into runs of at least SHARD_BYTES, only between words sharing fewer than five first
    letters (past twice SHARD_BYTES, six; and so on): a query word stands for the indexed words that begin
    with its stem (five letters or more, mostly), and each shard of them is one more request (which costs
    more than its bytes)."""
    shards, current, size = [], [], 0
    for word in words:
        if current and size >= SHARD_BYTES and len(os.path.commonprefix([current[-1], word])) < 4 + size // SHARD_BYTES:
            shards.append(current)
            current, size = [], 0
        current.append(word)
        size += sizes[word]
    return shards + [current] if current else shards


def build(records: list[PageRecord]) -> tuple[dict[str, str], dict]:
    """The files of the index (path under search/ -> text) and the settings for the browser."""
    records = sorted(records, key=lambda record: record.url)
    lists = postings(records)
    vocabulary = sorted(lists)
    # A word is letters and digits only (words.py): nothing in it needs escaping in JSON.
    encoded = {word: '"%s":[%s]' % (word, ",".join(map(str, lists[word]))) for word in vocabulary}
    shards = shard_ranges(vocabulary, {word: len(text) + len(word) for word, text in encoded.items()})  # ~bytes
    files: dict[str, str] = {}
    for number, shard in enumerate(shards):
        files[f"{FOLDER}/s/{number}.json"] = "{" + ",".join(encoded[word] for word in shard) + "}"
    files[f"{FOLDER}/words.txt"] = "\n".join(vocabulary)
    files[f"{FOLDER}/pages.json"] = _pages(records)
    for number, record in enumerate(records):
        files[f"{FOLDER}/p/{number}.json"] = _json([[e.anchor, e.title, e.text] for e in record.entries])
    version = hashlib.sha1("\0".join(files[name] for name in sorted(files)).encode("utf-8")).hexdigest()
    settings = {
        "version": version[:12],
        "folder": FOLDER,
        "shards": [shard[0] for shard in shards],  # the first word of each shard
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


def write(site_dir: Path, records: list[PageRecord], synonyms: list | None, written: dict[Path, int]) -> None:
    """Write the index files and put the browser's settings into Material's search_index.json. `written`
    (path -> hash of the text last written there, kept by the caller across the rebuilds of `mkdocs
    serve`) spares the files that did not change: a file per page and per shard, most stay as they were."""
    material_index = site_dir / "search" / "search_index.json"
    if not material_index.is_file():
        return  # search is switched off
    files, settings = build(records)
    if synonyms:
        settings["synonyms"] = [[str(word) for word in group] for group in synonyms]
    folders = set()
    for name, text in files.items():
        path = site_dir / "search" / name
        if written.get(path) == hash(text) and path.is_file():
            continue
        if path.parent not in folders:
            path.parent.mkdir(parents=True, exist_ok=True)
            folders.add(path.parent)
        path.write_text(text, encoding="utf-8")
        written[path] = hash(text)
    index = json.loads(material_index.read_text(encoding="utf-8"))
    index["config"]["jobdesc"] = settings
    material_index.write_text(_json(index), encoding="utf-8")


def bundle_worker(site_dir: Path) -> None:
    """The search worker as one file: the parts search-ru.js would load one by one with importScripts (the
    slowest step of a first query) written in its place, in its order. Without this step it loads them itself."""
    worker = site_dir / WORKER
    source = worker.read_text(encoding="utf-8") if worker.is_file() else ""
    parts, loader = PARTS.search(source), LOADER.search(source)
    if not parts or not loader:
        return  # no worker, or bundled already (a `mkdocs serve --dirty` rebuild keeps the built file)
    texts = [(part, (worker.parent / part).read_text(encoding="utf-8")) for part in json.loads(parts.group(1))]
    texts = [COMMENT_LINE.sub("", text) if part.startswith("search-ru/") else text for part, text in texts]
    # A part may end without a semicolon and the next begin with "(": keep them apart.
    inlined = "".join(f";\n{text}\n" for text in texts) + ";"
    worker.write_text(source[:loader.start()] + inlined + source[loader.end():], encoding="utf-8")
