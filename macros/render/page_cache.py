"""Work of an earlier build that depends only on the text it was done for, kept in `.cache/pages/`.

Most builds change one position or none, yet every build read each page twice from scratch: as the git
preview reads it (markdown-it-py, render/preview.py) and as Python-Markdown parses it. Both results are
pure functions of their input, so they are kept on disk under a hash of that input:

- ``preview``: what render/preview.py reads in a page's Markdown (the lines rewritten for Python-Markdown
  and the outline of sections and clauses), keyed by the exact lines it reads;
- ``tree``: the page as Python-Markdown has parsed it, after its block and inline stages — the
  document tree and the raw HTML those stages set aside — keyed by the exact lines and raw HTML those
  stages received (``ConvertedPages``);
- ``search``: the page's search entries and their words (search/index.py), keyed by the page's
  address, title, tags and converted body.

Every key also holds the code and its settings: this package's Python files, the Markdown extensions
and their options in mkdocs.yml, and the versions of the parsers. Nothing else is skipped: every later
step (clause numbering and its comparison with the preview, table of contents, typography, MkDocs'
own link checks, the sanitiser, the offline check) runs on every page in every build, and a
page whose conversion reported a problem is never kept. So a build from the cache writes the same site,
byte for byte, as one without it (tests/test_page_cache.py).

The files are JSON (never pickle: a cache folder is data, not code) named by their key, written whole
or not at all; one that no build has used for 14 days is deleted. ``JOBDESC_PAGE_CACHE=<folder>`` moves
the cache, ``JOBDESC_PAGE_CACHE=0`` turns it off.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
import xml.etree.ElementTree as etree
from importlib.metadata import version
from pathlib import Path

from markdown import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from . import findings

STALE_AFTER_DAYS = 14
PACKAGES = ("Markdown", "pymdown-extensions", "markdown-it-py", "mkdocs")
CODE = Path(__file__).resolve().parents[1]  # the macros package


class PageCache:
    """A folder of JSON results by key; `folder` None: nothing is kept (every lookup misses)."""

    def __init__(self, folder: Path | None, settings: object = ""):
        self.folder = folder
        self.used: set[Path] = set()
        self.salt = fingerprint(settings) if folder else ""

    @classmethod
    def for_project(cls, project: Path, settings: object) -> "PageCache":
        wanted = os.environ.get("JOBDESC_PAGE_CACHE", "")
        if wanted == "0":
            return cls(None)
        return cls(Path(wanted).expanduser() if wanted else project / ".cache" / "pages", settings)

    def key(self, *parts: str) -> str:
        digest = hashlib.sha256(self.salt.encode())
        for part in parts:
            digest.update(b"\0" + part.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def get(self, kind: str, key: str):
        if self.folder is None:
            return None
        path = self.folder / kind / f"{key}.json"
        try:
            value = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None  # absent, or unreadable: the work is simply done again
        self.used.add(path)
        return value

    def put(self, kind: str, key: str, value) -> None:
        if self.folder is None:
            return
        path = self.folder / kind / f"{key}.json"
        temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_text(json.dumps(value, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
            os.replace(temporary, path)  # a reader sees the whole file or none
        except OSError:
            temporary.unlink(missing_ok=True)  # a read-only or full disk costs speed, never the build
            return
        self.used.add(path)

    def finish(self, now: float | None = None) -> None:
        """After a build: what it used counts as used today; what no build used for STALE_AFTER_DAYS goes."""
        if self.folder is None or not self.folder.is_dir():
            return
        now = time.time() if now is None else now
        for path in self.used:
            try:
                os.utime(path, (now, now))
            except OSError:
                pass
        oldest = now - STALE_AFTER_DAYS * 86400
        for path in self.folder.glob("*/*.json"):
            try:
                if path not in self.used and path.stat().st_mtime < oldest:
                    path.unlink()
            except OSError:
                pass
        self.used = set()


_current: list[PageCache] = []


def use(cache: PageCache) -> PageCache:
    """Make `cache` the one this build's steps share (define_env opens it; the search index reads it too)."""
    _current[:] = [cache]
    return cache


def current() -> PageCache:
    """The cache of the build being run; one that keeps nothing before define_env has opened one."""
    return _current[0] if _current else PageCache(None)


def fingerprint(settings: object) -> str:
    """The code that produces what is cached: this package's Python files, the Markdown settings, the parsers."""
    digest = hashlib.sha256(sys.version.encode())
    for path in sorted(CODE.rglob("*.py")):
        digest.update(path.relative_to(CODE).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for name in PACKAGES:
        digest.update(f"{name}={version(name)}".encode())
    digest.update(json.dumps(settings, sort_keys=True, default=_name_of).encode())
    return digest.hexdigest()


def _name_of(value) -> str:
    """Settings hold functions (a custom fence's formatter): named by where they live, never by address."""
    name = getattr(value, "__qualname__", None) or type(value).__qualname__
    return f"{getattr(value, '__module__', '')}.{name}"


# --- The document tree after Python-Markdown's block and inline stages ---------------------------------

class ConvertedPages(Extension):
    """Registered from define_env for every page (see the module docstring for what is kept)."""

    def __init__(self, cache: PageCache):
        super().__init__()
        self.cache = cache

    def extendMarkdown(self, md):
        md.preprocessors.register(_Lookup(md, self.cache), "jobdesc_cache_lookup", 1)  # after every other one
        md.treeprocessors.register(_Keep(md, self.cache), "jobdesc_cache_keep", 19)  # right after "inline" (20)


class _Lookup(Preprocessor):
    """Last of the preprocessors: a page parsed before gets an empty text to parse, and its tree back at _Keep."""

    def __init__(self, md, cache: PageCache):
        super().__init__(md)
        self.cache = cache

    def run(self, lines: list[str]) -> list[str]:
        stash = self.md.htmlStash
        self.md.jobdesc_tree = None
        if self.cache.folder is None or stash.tag_counter or not all(isinstance(b, str) for b in stash.rawHtmlBlocks):
            return lines
        key = self.cache.key("\n".join(lines), *stash.rawHtmlBlocks)
        entry = self.cache.get("tree", key)
        self.md.jobdesc_tree = {"key": key, "entry": entry, "stashed": len(stash.rawHtmlBlocks),
                                "reports": findings.reported()}
        return [] if entry is not None else lines


class _Keep(Treeprocessor):
    """Right after the inline stage: put a kept tree back, or keep this one."""

    def __init__(self, md, cache: PageCache):
        super().__init__(md)
        self.cache = cache

    def run(self, root: etree.Element) -> None:
        pending, self.md.jobdesc_tree = getattr(self.md, "jobdesc_tree", None), None
        if pending is None:
            return
        stash = self.md.htmlStash
        if pending["entry"] is not None:
            root.text = pending["entry"]["text"]
            root.extend(load_tree(child) for child in pending["entry"]["tree"])
            stash.rawHtmlBlocks.extend(pending["entry"]["stash"])
            stash.html_counter += len(pending["entry"]["stash"])
            return
        added = stash.rawHtmlBlocks[pending["stashed"]:]
        # Kept only when nothing was reported and what was set aside is plain data: a comment or an entity.
        if findings.reported() != pending["reports"] or stash.tag_counter or not all(map(_plain_stash, added)):
            return
        tree = [dump_tree(child) for child in root]
        if None not in tree and (root.text is None or type(root.text) is str):
            self.cache.put("tree", pending["key"], {"text": root.text, "tree": tree, "stash": added})


def _plain_stash(block) -> bool:
    if not isinstance(block, str):
        return False
    text = block.strip()
    return (text.startswith("<!--") and text.endswith("-->")) or (text.startswith("&") and text.endswith(";")
                                                                  and "<" not in text)


def dump_tree(element: etree.Element):
    """[tag, attributes, text, tail, children]; text kept from further processing is [text]. None: not data."""
    if not isinstance(element.tag, str) or any(type(k) is not str or type(v) is not str
                                               for k, v in element.attrib.items()):
        return None
    children = [dump_tree(child) for child in element]
    if None in children:
        return None
    text, tail = _dump_text(element.text), _dump_text(element.tail)
    if text is False or tail is False:
        return None
    return [element.tag, element.attrib or 0, text, tail, children or 0]


def _dump_text(text):
    if text is None or type(text) is str:
        return text
    return [str(text)] if type(text) is AtomicString else False


def load_tree(data) -> etree.Element:
    tag, attributes, text, tail, children = data
    element = etree.Element(tag, attributes or {})
    element.text = AtomicString(text[0]) if isinstance(text, list) else text
    element.tail = AtomicString(tail[0]) if isinstance(tail, list) else tail
    if children:
        element.extend(load_tree(child) for child in children)
    return element
