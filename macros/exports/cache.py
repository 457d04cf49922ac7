"""The build-time cache shared by every download made from a built page (PDF, Word): a hash of what
prints names the file, so an unchanged position is copied instead of made again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin

import lxml.html

# A cached file no build has used for this long goes (old versions of edited pages); one any build
# used meanwhile stays (another branch, an undone edit).
STALE_AFTER_DAYS = 14

PART = re.compile(r"\.(\d+)\.part$")  # <file>.<pid of its writer>.part: see atomic_write
ARTICLE = re.compile(r"<article\b.*?</article>", re.S)
TITLE = re.compile(r"<title>.*?</title>", re.S)
STYLESHEET = re.compile(r"<link\b[^>]*\brel=\"stylesheet\"[^>]*\bhref=\"([^\"]+)\"")
IMAGE = re.compile(r"<img\b[^>]*\bsrc=\"([^\"]+)\"")
SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


@dataclass(frozen=True)
class Settings:
    """Whether this run makes a kind of output, where its cache lives and how many renderers run at once."""

    enabled: bool
    cache_dir: Path
    workers: int

    @classmethod
    def from_options(cls, command: str, project_dir: Path, options, option: str, folder: str = ""):
        """From <option>, <option>_cache, <option>_workers (macros/config.py): `mkdocs serve` stays fast,
        so nothing there unless the option is "1"; "0" turns it off in a build."""
        wanted, cache_dir = options[option], options[f"{option}_cache"]
        enabled = wanted == "1" if command == "serve" else wanted != "0"
        where = Path(cache_dir or Path(project_dir) / ".cache" / (folder or option)).expanduser()
        return cls(enabled, where, max(1, int(options.get(f"{option}_workers") or 2)))


@dataclass(frozen=True)
class Job:
    """One built page to turn into a download: the page, the file to write and the date stamped into it."""

    html_path: Path
    target: Path
    date: dt.date | None
    source: str = ""  # how HR knows the page in messages: docs/positions/<slug>.md


def job_for(html_path: Path, target: Path, approved, source: str = "") -> Job:
    return Job(Path(html_path), Path(target), approved if isinstance(approved, dt.date) else None, source)


def place(cached: Path, target: Path) -> None:
    """A finished file into the site: a hard link where both share a disk (a cached file is never
    rewritten, so the link stays right; most of a warm archive's cost), else a copy."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    try:
        os.link(cached, target)
    except OSError:
        shutil.copyfile(cached, target)


def build_cached(kind: str, jobs: list[Job], site_dir: Path, cache_dir: Path, suffix: str, fingerprint: str,
                 render_missing: Callable[[list[tuple[Job, Path]]], None]) -> str:
    """Copy every job's file from the cache into the site, asking render_missing for the absent ones first;
    the log line, which the benchmark and the tests parse: keep "<kind>: <n> сделано заново, <m> из кэша"."""
    started = time.monotonic()
    cache_dir.mkdir(parents=True, exist_ok=True)
    for part in cache_dir.glob("*.part"):  # left by renderers killed mid-file (their process is gone)
        if (match := PART.search(part.name)) and not running(int(match.group(1))):
            part.unlink(missing_ok=True)
    styles: dict = {}  # what each stylesheet and image holds, read once for all the jobs of this build
    cached = {job: cache_dir / f"{cache_key(job, site_dir, fingerprint, styles)}{suffix}" for job in jobs}
    missing = [job for job in jobs if not cached[job].is_file()]
    if missing:
        render_missing([(job, cached[job]) for job in missing])
    for job in jobs:
        place(cached[job], job.target)
        os.utime(cached[job])  # last used now: kept for another STALE_AFTER_DAYS
    pruned = prune_cache(cache_dir, (suffix,), keep={path.stem for path in cached.values()})
    pruned_note = f"; удалено из кэша (не нужны {STALE_AFTER_DAYS} дней): {pruned}" if pruned else ""
    return (f"{kind}: {len(missing)} сделано заново, {len(jobs) - len(missing)} из кэша{pruned_note} "
            f"({time.monotonic() - started:.1f} с)")


def prune_cache(cache_dir: Path, suffixes: tuple[str, ...], keep: set[str]) -> int:
    """Delete cached files (named <key><suffix>) that no build has used for STALE_AFTER_DAYS; how many."""
    oldest = time.time() - STALE_AFTER_DAYS * 86400
    stale = [path for path in cache_dir.glob("*.*")
             if path.suffix in suffixes and path.stem not in keep and path.stat().st_mtime < oldest]
    for path in stale:
        path.unlink(missing_ok=True)
    return len(stale)


def cache_key(job: Job, site_dir: Path, fingerprint: str, styles: dict) -> str:
    """A hash of what the download shows: the printed part of the page (not the navigation around it,
    which changes with every new position) and the site files it links. `styles` keeps each linked
    file's digest by its address for the jobs of one build (hundreds of pages link the same few)."""
    html = job.html_path.read_text(encoding="utf-8")
    article, title = ARTICLE.search(html), TITLE.search(html)
    printed = printed_part(article.group(0)) if article else None
    digest = hashlib.sha256()
    for part in (fingerprint, str(job.date), title and title.group(0), printed):
        digest.update(str(part).encode("utf-8") + b"\0")
    page, site = job.html_path.resolve().as_uri(), Path(site_dir).resolve()
    for url in STYLESHEET.findall(html) + IMAGE.findall(printed or ""):
        where = urljoin(page, url.split("#")[0].split("?")[0])  # the same file from any folder
        if where not in styles:
            path = Path(unquote(where.removeprefix("file://")))
            local = not SCHEME.match(url) and path.is_file() and path.resolve().is_relative_to(site)
            styles[where] = hashlib.sha256(path.read_bytes()).digest() if local else b"-"
        digest.update(url.encode("utf-8") + b"\0" + styles[where] + b"\0")
    return digest.hexdigest()


def printed_part(article: str) -> str:
    """The article without its screen-only elements, which never print and change with the rest of the site
    (the card lists the subordinates, the history table grows links): out of the cache key."""
    root = lxml.html.fragment_fromstring(article)
    for element in root.find_class("screen-only"):
        element.drop_tree()
    return lxml.html.tostring(root, encoding="unicode")


def atomic_write(target: Path, data: bytes) -> None:
    """Write through a temporary name: a cache shared by parallel builds never holds half a file."""
    partial = Path(f"{target}.{os.getpid()}.part")
    partial.write_bytes(data)
    os.replace(partial, target)


def running(pid: int) -> bool:
    """Whether a process of that id exists (perhaps another user's)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        pass
    return True
