"""Renderer processes that never outlive the build: each dies with it (prctl PR_SET_PDEATHSIG), queued work
is cancelled on an exception, and every call has a wall-clock limit (hostile input can keep WeasyPrint busy
for hours). Renderers write ``.part`` files and rename them, so the cache never holds half a file.
"""

from __future__ import annotations

import ctypes
import os
import re
import signal
import time
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
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


class TooSlow(Exception):
    """A call ran past its time limit; the pool's processes are killed and reaped."""

    def __init__(self, call: tuple, seconds: float):
        super().__init__(f"{call!r} ran longer than {seconds:g} s")
        self.call, self.seconds = call, seconds


def run_within(function: Callable, calls: list[tuple], workers: int, seconds: float) -> None:
    """function(*call) for every call in a pool of processes, each given `seconds` of wall clock from when
    a process takes it. A worker's error is re-raised; a late call kills every worker and raises TooSlow
    (a renderer stuck in C code ignores anything gentler)."""
    size = min(workers, len(calls))
    queue = list(calls)
    with process_pool(size) as pool:
        running: dict = {}  # future -> (call, deadline)
        while queue or running:
            while queue and len(running) < size:
                call = queue.pop(0)
                running[pool.submit(function, *call)] = (call, time.monotonic() + seconds)
            soonest = min(deadline for _, deadline in running.values())
            done, _ = wait(running, timeout=max(0.0, soonest - time.monotonic()), return_when=FIRST_COMPLETED)
            for future in done:
                running.pop(future)
                future.result()  # re-raises a worker's error; process_pool then drops the queue
            late = [call for call, deadline in running.values() if deadline <= time.monotonic()]
            if late:
                _kill_workers(pool)
                raise TooSlow(late[0], seconds)


def _kill_workers(pool: ProcessPoolExecutor) -> None:
    """Kill and reap every process of the pool (Python 3.14 has pool.kill_workers(); 3.11 keeps them here)."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        process.kill()
    for process in processes:
        process.join()


def remove_stale_parts(folder: Path) -> None:
    """Parts left by renderers that were killed mid-file (their process is gone)."""
    for part in folder.glob("*.part"):
        match = PART.search(part.name)
        if match and not running(int(match.group(1))):
            part.unlink(missing_ok=True)


def running(pid: int) -> bool:
    """Whether a process of that id exists (perhaps another user's)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True
