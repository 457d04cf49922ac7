"""Work on many files on both cores: the second half is done by a forked copy of the build.

A check of one file (or of one written page) is a pure function of what was read before the fork, so the
copy needs no input sent and sends back only its answers, pickled. Any failure of the copy and the parent
does that half itself: the answers, their order and any exception are those of one process.
"""

from __future__ import annotations

import os
import pickle
import threading

FEWEST = 100  # below this many files the fork costs more than it saves


def each(check, items: list) -> list:
    """[check(item) for item in items], the second half computed in a forked child where that can help."""
    if len(items) < FEWEST or not _may_fork():
        return [check(item) for item in items]
    half = len(items) // 2
    reading, writing = os.pipe()
    child = os.fork()
    if child == 0:  # the copy: answer, hand the answers over, leave without running the parent's exit code
        os.close(reading)
        code = 1
        try:
            with os.fdopen(writing, "wb") as pipe:
                pickle.dump([check(item) for item in items[half:]], pipe, protocol=pickle.HIGHEST_PROTOCOL)
            code = 0
        finally:
            os._exit(code)
    os.close(writing)
    first = [check(item) for item in items[:half]]
    with os.fdopen(reading, "rb") as pipe:
        sent = pipe.read()
    _, status = os.waitpid(child, 0)
    if os.waitstatus_to_exitcode(status) == 0:
        try:
            return first + pickle.loads(sent)
        except Exception:  # noqa: BLE001: what the copy sent is checked below instead
            pass
    return first + [check(item) for item in items[half:]]


def _may_fork() -> bool:
    """Two cores for this process, and no other thread whose locks the copy could inherit held."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return hasattr(os, "fork") and cores > 1 and threading.active_count() == 1
