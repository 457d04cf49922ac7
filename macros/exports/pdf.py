"""Build-time PDFs of the position pages, regenerated only when what they show has changed.

After MkDocs has written the site, every position page (the pages carrying approval_stamp())
is rendered to ``pdf/<slug>.pdf`` with the same print stylesheet as the browser's print.
A PDF depends on the printed part of its page (the article), the stylesheets the page links,
the installed fonts and the engine; a hash of all that names the PDF in a cache folder, so an
unchanged position is copied from the cache instead of being rendered again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shutil
import time
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from urllib.parse import unquote, urljoin

from ..render.archive_links import edition_file
from .workers import process_pool, remove_stale_parts


PDF_DIR = "pdf"
# Bump when the way PDFs are made changes in a way the hash below does not see.
CACHE_FORMAT = "2"
# A cached PDF that no build has used for this long is deleted: edits would otherwise pile up old
# versions forever. Ones used by any build in that time stay (another branch, an undone edit).
STALE_AFTER_DAYS = 14
FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.fonts", "~/.local/share/fonts")

ARTICLE = re.compile(r"<article\b.*?</article>", re.S)
EDITION_PAGE = re.compile(r"^positions/([^/]+)/editions/([^/]+)\.md$")
# The position card (macros/templates/position_card.html) is screen-only and lists the subordinates:
# a new subordinate changes the card, never the printed page, so the card stays out of the cache key.
SCREEN_CARD = re.compile(r'<aside class="position-card screen-only".*?</aside>', re.S)
TITLE = re.compile(r"<title>.*?</title>", re.S)
STYLESHEET = re.compile(r"<link\b[^>]*\brel=\"stylesheet\"[^>]*\bhref=\"([^\"]+)\"")
IMAGE = re.compile(r"<img\b[^>]*\bsrc=\"([^\"]+)\"")


@dataclass(frozen=True)
class Settings:
    """Whether this run writes PDFs, where the cache lives and how many renderers run at once."""

    enabled: bool
    cache_dir: Path
    workers: int
    # JOBDESC_PDF=links: pages link to their PDFs, which another build makes (the archive build's parent).
    links_only: bool = False

    @classmethod
    def for_command(cls, command: str, project_dir: Path) -> "Settings":
        # `mkdocs serve` must stay fast: no PDFs unless JOBDESC_PDF=1; JOBDESC_PDF=0 turns them off in a build.
        wanted = os.environ.get("JOBDESC_PDF", "")
        enabled = wanted == "1" if command == "serve" else wanted != "0"
        cache = os.environ.get("JOBDESC_PDF_CACHE") or project_dir / ".cache" / "pdf"
        workers = int(os.environ.get("JOBDESC_PDF_WORKERS") or 2)
        return cls(enabled, Path(cache).expanduser(), max(1, workers), wanted == "links")


@dataclass(frozen=True)
class PdfJob:
    """One position page to print: the built HTML, the PDF to write and the date stamped into it."""

    slug: str
    html_path: Path
    pdf_path: Path
    date: dt.date | None


@dataclass
class Report:
    regenerated: int
    from_cache: int
    seconds: float
    pruned: int = 0

    def __str__(self) -> str:
        # Parsed by the benchmark: keep the wording "PDF: <n> regenerated, <m> from cache".
        pruned = f", {self.pruned} unused for {STALE_AFTER_DAYS} days deleted from cache" if self.pruned else ""
        return f"PDF: {self.regenerated} regenerated, {self.from_cache} from cache{pruned} ({self.seconds:.1f} s)"


def pdf_path(slug: str) -> str:
    """Where the PDF of a position lies in the site, relative to its root."""
    return f"{PDF_DIR}/{slug}.pdf"


def pdf_path_of_page(src_uri: str) -> str:
    """The PDF of a page: a position's own, or an edition's (positions/<slug>/editions/<version>.md)."""
    edition = EDITION_PAGE.match(src_uri)
    if edition:
        return edition_file(edition.group(1), edition.group(2), "pdf")
    return pdf_path(Path(src_uri).stem)


def job_for(slug: str, html_path: Path, site_dir: Path, approved) -> PdfJob:
    date = approved if isinstance(approved, dt.date) else None
    return PdfJob(slug, Path(html_path), Path(site_dir) / pdf_path(slug), date)


def build_pdfs(jobs: list[PdfJob], site_dir: Path, settings: Settings) -> Report:
    """Copy every job's PDF from the cache into the site, rendering the missing ones first."""
    started = time.monotonic()
    settings.cache_dir.mkdir(parents=True, exist_ok=True)
    remove_stale_parts(settings.cache_dir)
    fingerprint = engine_fingerprint()
    cached = {job: settings.cache_dir / f"{cache_key(job, site_dir, fingerprint)}.pdf" for job in jobs}
    missing = [job for job in jobs if not cached[job].is_file()]
    render_all([(job, cached[job]) for job in missing], site_dir, settings.workers)
    for job in jobs:
        job.pdf_path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cached[job], job.pdf_path)
        os.utime(cached[job])  # last used now: kept for another STALE_AFTER_DAYS
    pruned = prune_cache(settings.cache_dir, keep=set(cached.values()))
    return Report(len(missing), len(jobs) - len(missing), time.monotonic() - started, pruned)


def prune_cache(cache_dir: Path, keep: set[Path], now: float | None = None) -> int:
    """Delete cached PDFs that no build has used for STALE_AFTER_DAYS; how many were deleted."""
    oldest = (time.time() if now is None else now) - STALE_AFTER_DAYS * 86400
    pruned = 0
    for path in cache_dir.glob("*.pdf"):
        if path not in keep and path.stat().st_mtime < oldest:
            path.unlink(missing_ok=True)
            pruned += 1
    return pruned


def render_all(work: list[tuple[PdfJob, Path]], site_dir: Path, workers: int) -> None:
    if not work:
        return
    try:
        from .pdf_engine import render_pdf  # WeasyPrint is imported only when something is rendered
    except OSError as error:  # WeasyPrint found no Pango library
        raise RuntimeError(
            f"{error}. Установите Pango: apt-get install libpango-1.0-0 libpangoft2-1.0-0 "
            "(или соберите сайт без PDF: JOBDESC_PDF=0 mkdocs build)") from error

    calls = [(str(job.html_path), str(site_dir), str(target), job.date) for job, target in work]
    if len(calls) == 1 or workers == 1:
        for call in calls:
            render_pdf(*call)
        return
    with process_pool(min(workers, len(calls))) as pool:
        for future in [pool.submit(render_pdf, *call) for call in calls]:
            future.result()  # re-raises a renderer's error here, naming nothing twice


def cache_key(job: PdfJob, site_dir: Path, fingerprint: str) -> str:
    """A hash of everything the PDF shows: the printed part of the page and what styles it."""
    html = job.html_path.read_text(encoding="utf-8")
    article = ARTICLE.search(html)
    title = TITLE.search(html)
    digest = hashlib.sha256()
    printed = SCREEN_CARD.sub("", article.group(0)) if article else None
    for part in (fingerprint, str(job.date), title and title.group(0), printed):
        digest.update(str(part).encode("utf-8") + b"\0")
    # Only the article prints; the navigation around it (which changes when any position is
    # added) is hidden in print, so it does not invalidate every PDF.
    local = STYLESHEET.findall(html) + IMAGE.findall(article.group(0) if article else "")
    for url in local:
        path = local_file(url, job.html_path, site_dir)
        digest.update(url.encode("utf-8") + b"\0" + (path.read_bytes() if path else b"-") + b"\0")
    return digest.hexdigest()


def local_file(url: str, html_path: Path, site_dir: Path) -> Path | None:
    """The built-site file a relative URL of a page points to, or None."""
    if re.match(r"^[a-z][a-z0-9+.-]*:", url, re.I):
        return None
    target = urljoin(html_path.resolve().as_uri(), url.split("#")[0].split("?")[0])
    path = Path(unquote(target.removeprefix("file://")))
    return path if path.is_file() and path.resolve().is_relative_to(Path(site_dir).resolve()) else None


def engine_fingerprint() -> str:
    """The engine's version and the installed fonts: a new font or engine changes every PDF."""
    fonts = []
    for folder in FONT_DIRS:
        root = Path(folder).expanduser()
        if root.is_dir():
            fonts += sorted(f"{p.name}:{p.stat().st_size}" for p in root.rglob("*") if p.is_file())
    names = ("weasyprint", "pydyf", "tinycss2", "cssselect2", "fonttools")
    engine = " ".join(f"{name}={version(name)}" for name in names)
    return hashlib.sha256(f"{CACHE_FORMAT}|{engine}|{'|'.join(fonts)}".encode("utf-8")).hexdigest()
