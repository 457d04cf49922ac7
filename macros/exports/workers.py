"""Renderer processes that never outlive the build.

PDFs are rendered in a pool of processes. If the build is stopped — Ctrl+C, a `kill`, a CI job
cancelled — those processes must stop too, not go on rendering the queue and writing into the
shared cache. Each worker asks the kernel (Linux prctl PR_SET_PDEATHSIG) to be killed when the
build process dies, however it dies; when the build is interrupted by an exception, the queued
work is cancelled at once. A half-written file is never left in the cache: renderers write to a
``.part`` file and rename it, and parts of killed renderers are removed by the next build.
"""

from __future__ import annotations

import ctypes
import os
import re
import signal
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path

PR_SET_PDEATHSIG = 1
PART = re.compile(r"\.(\d+)\.part$")


def die_with_build() -> None:
    """In a child process: ask the kernel to kill it when the build dies (kept across exec)."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: an interrupted build still cancels the pool's queue
        pass


def _die_with_parent(parent: int) -> None:
    die_with_build()
    if os.getppid() != parent:  # the build died before the request was made
        os._exit(1)


@contextmanager
def process_pool(workers: int) -> Iterator[ProcessPoolExecutor]:
    """A pool whose processes die with the build, and whose queue is dropped if the build is interrupted."""
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_die_with_parent, initargs=(os.getpid(),))
    try:
        yield pool
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


def remove_stale_parts(folder: Path) -> None:
    """Parts left by renderers that were killed mid-file (their process is gone)."""
    for part in folder.glob("*.part"):
        match = PART.search(part.name)
        if match and not _running(int(match.group(1))):
            part.unlink(missing_ok=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True
