"""Work of an earlier build that depends only on its input, kept in `.cache/pages/` under a hash of that input.

Most builds change one position or none, yet every build read each file and each page from scratch.
What a step computes from a text alone is kept here as JSON and taken back when the same text comes
again; each kind of result has a folder of its own:

- ``front-matter``: a position's front matter read as data, with the line of every field (front_matter.py);
- ``fields``: the schema's verdict on a position's front matter, and ``company`` on `extra:` (checks/);
- ``preview``: what the git preview sees in a page (render/preview.py);
- ``tree``: a page as Python-Markdown parsed it (render/page_cache.py);
- ``search``: a page's search entries (search/index.py);
- ``sanitised`` and ``offline``: the sanitiser's output for a page's HTML and the resources on another
  host a written page would fetch (render/safe_html.py, checks/offline.py).

Every key also holds the code: this package's Python files and schemas, the Markdown settings and the
versions of the parsers, so a change to any of them makes everything anew. A result is kept only when
computing it found no problem, or the problems are part of the result; a build from the cache writes the
same site, byte for byte, and reports the same problems as one without it (tests/test_page_cache.py).

The files are JSON (never pickle: a cache folder is data, not code) named by their key, written whole
or not at all; one that no build has used for 14 days is deleted. The option page_cache (macros/config.py,
``JOBDESC_PAGE_CACHE``) moves the cache to a folder, ``0`` turns it off. Standard library only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sys
import time
from importlib.metadata import version
from pathlib import Path

STALE_AFTER_DAYS = 14
PACKAGES = ("Markdown", "pymdown-extensions", "markdown-it-py", "mkdocs", "nh3")
CODE = Path(__file__).resolve().parents[1]  # the macros package


class BuildCache:
    """A folder of JSON results by key; `folder` None: nothing is kept (every lookup misses)."""

    def __init__(self, folder: Path | None, settings: object = ""):
        self.folder = folder
        self.used: set[str] = set()  # paths as text: thousands of lookups a build, pathlib costs a third of each
        self.salt = fingerprint(settings) if folder else ""

    @classmethod
    def for_project(cls, project: Path, settings: object, wanted: str = "") -> "BuildCache":
        """wanted: the option page_cache (macros/config.py): a folder, "0" for none, "" for .cache/pages."""
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
        path = f"{self.folder}{os.sep}{kind}{os.sep}{key}.json"
        try:
            with open(path, encoding="utf-8") as file:
                value = json.loads(file.read())
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
        self.used.add(str(path))

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
                if str(path) not in self.used and path.stat().st_mtime < oldest:
                    path.unlink()
            except OSError:
                pass
        self.used = set()


_current: list[BuildCache] = []


def use(cache: BuildCache) -> BuildCache:
    """Make `cache` the one this build's steps share (define_env opens it; the search index reads it too)."""
    _current[:] = [cache]
    return cache


def current() -> BuildCache:
    """The cache of the build being run; one that keeps nothing before define_env has opened one."""
    return _current[0] if _current else BuildCache(None)


def fingerprint(settings: object) -> str:
    """The code that produces what is cached: this package's Python files and schemas, the Markdown settings,
    the parsers."""
    digest = hashlib.sha256(sys.version.encode())
    for path in sorted([*CODE.rglob("*.py"), *CODE.rglob("*.yaml")]):
        digest.update(path.relative_to(CODE).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for name in PACKAGES:
        digest.update(f"{name}={version(name)}".encode())
    digest.update(json.dumps(settings, sort_keys=True, default=_name_of).encode())
    return digest.hexdigest()


def _name_of(value) -> str:
    """Settings hold functions (a custom fence's formatter): named by where they live, never by address."""
    name = getattr(value, "__qualname__", None) or type(value).__qualname__
    return f"{getattr(value, '__module__', '')}.{name}"


class NotPlainData(TypeError):
    """A value the cache cannot keep as JSON; whoever asked simply does the work every time."""


def to_data(value):
    """YAML's plain data (and tuples) as JSON that from_data turns back into equal values of the same types."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, dt.datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {"date": value.isoformat()}
    if isinstance(value, (list, tuple)):
        return {"tuple" if isinstance(value, tuple) else "list": [to_data(item) for item in value]}
    if isinstance(value, dict):
        return {"map": [[to_data(key), to_data(item)] for key, item in value.items()]}
    raise NotPlainData(type(value).__name__)


def from_data(data):
    if not isinstance(data, dict):
        return data
    (kind, value), = data.items()
    if kind == "map":
        return {from_data(key): from_data(item) for key, item in value}
    if kind in ("list", "tuple"):
        items = [from_data(item) for item in value]
        return items if kind == "list" else tuple(items)
    return dt.datetime.fromisoformat(value) if kind == "datetime" else dt.date.fromisoformat(value)


def as_json(value) -> str:
    """A value as one string for a key (NotPlainData if it is not plain data)."""
    return json.dumps(to_data(value), ensure_ascii=False, separators=(",", ":"))


def remembered(kind: str, parts: tuple[str, ...], compute, encode=to_data, decode=from_data):
    """compute(), or what it gave for the same parts before; kept only if encode() can write it down."""
    cache = current()
    if cache.folder is None:
        return compute()
    key = cache.key(*parts)
    kept = cache.get(kind, key)
    if kept is not None:
        return decode(kept["value"])
    value = compute()
    try:
        cache.put(kind, key, {"value": encode(value)})
    except NotPlainData:
        pass
    return value
