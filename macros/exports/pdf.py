"""Build-time PDFs of the position pages, made again only when what they show has changed (the cache
shared with Word, cache.py, keyed also by the engine's version and the installed fonts), by renderer
processes with a time limit that never outlive the build.
"""

from __future__ import annotations

import ctypes
import hashlib
import os
import signal
import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from importlib.metadata import version
from pathlib import Path

from . import cache
from .cache import Job, Settings

PDF_DIR = "pdf"
# Wall-clock seconds one page may take (a position takes 1–2 s): a table of a thousand columns, a word of tens of
# thousands of letters or an SVG of nested <use> would otherwise keep a renderer busy for hours.
PAGE_TIME_LIMIT = 60.0
CACHE_FORMAT = "3"  # bumped when PDFs are made differently in a way the hash does not see; 3: PDF/UA-1
PR_SET_PDEATHSIG = 1
FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.fonts", "~/.local/share/fonts")
FIX_TOO_SLOW = ("найдите такое место в файле: таблицу разбейте на несколько поменьше или уберите лишние столбцы, "
                "длинную строку разбейте пробелами; соберите сайт заново")


def build_pdfs(jobs: list[Job], site_dir: Path, settings: Settings) -> str:
    """Copy every job's PDF from the cache into the site, rendering the missing ones first."""
    return cache.build_cached("PDF", jobs, site_dir, settings.cache_dir, ".pdf", engine_fingerprint(),
                              lambda work: render_all(work, site_dir, settings.workers))


def render_all(work: list[tuple[Job, Path]], site_dir: Path, workers: int) -> None:
    try:
        from .pdf_engine import render_pdf  # WeasyPrint is imported only when something is rendered
    except OSError as error:  # WeasyPrint found no Pango library
        raise RuntimeError(
            f"{error}. Установите Pango: apt-get install libpango-1.0-0 libpangoft2-1.0-0 "
            "(или соберите сайт без PDF: JOBDESC_PDF=0 mkdocs build)") from error
    # In processes, even a single page: only a process can be stopped whatever it is doing.
    run_within(render_pdf, [(job, (str(job.html_path), str(site_dir), str(target), job.date)) for job, target in work],
               workers)


class PageTooSlow(RuntimeError):
    """A page WeasyPrint could not lay out within PAGE_TIME_LIMIT: the build stops and names its source."""

    def __init__(self, job: Job, seconds: float, fix: str = FIX_TOO_SLOW):
        self.job, self.seconds = job, seconds
        super().__init__(
            f"{job.source or job.html_path}: страница не превратилась в PDF за {seconds:g} с (обычно это 1–2 с), "
            "сборка остановлена. Так бывает из-за очень широкой или длинной таблицы (десятки столбцов, тысячи строк) "
            "или очень длинного слова без пробелов (строка символов, вставленная ссылка или данные). Как исправить: "
            + fix)


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


def _die_with_parent(parent: int) -> None:
    """In a renderer: ask the kernel to kill it when the build dies (kept across exec); gone already, exit."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: an interrupted build still cancels the pool's queue
        pass
    if os.getppid() != parent:  # the build died before the request was made
        os._exit(1)


def run_within(function: Callable, calls: list[tuple[Job, tuple]], workers: int) -> None:
    """function(*arguments) of every (job, arguments) in a pool of processes that die with the build, each
    given PAGE_TIME_LIMIT of wall clock from when a process takes it. A worker's error is re-raised; a late
    call kills every worker (one stuck in C code ignores anything gentler) and raises PageTooSlow."""
    size, queue, limit = min(workers, len(calls)), list(calls), PAGE_TIME_LIMIT
    pool = ProcessPoolExecutor(max_workers=size, initializer=_die_with_parent, initargs=(os.getpid(),))
    try:
        running: dict = {}  # future -> (job, deadline)
        while queue or running:
            while queue and len(running) < size:
                job, arguments = queue.pop(0)
                running[pool.submit(function, *arguments)] = (job, time.monotonic() + limit)
            soonest = min(deadline for _, deadline in running.values())
            done, _ = wait(running, timeout=max(0.0, soonest - time.monotonic()), return_when=FIRST_COMPLETED)
            for future in done:
                running.pop(future)
                future.result()  # re-raises a worker's error; the queue is then dropped
            late = [job for job, deadline in running.values() if deadline <= time.monotonic()]
            if late:
                # Python 3.14 has pool.kill_workers(); 3.11 keeps the processes here.
                processes = list((getattr(pool, "_processes", None) or {}).values())
                for process in processes:
                    process.kill()
                for process in processes:
                    process.join()
                raise PageTooSlow(late[0], limit)
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)
