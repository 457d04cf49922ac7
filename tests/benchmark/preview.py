"""HR's preview: how long after saving a position file `mkdocs serve` shows the change.

Starts the real `mkdocs serve` on a free loopback port, waits for its first build, appends a
sentence to one duty of a position and polls the page over HTTP until the sentence is there.
The time runs from the write to the first response that has it (the browser's reload after that
is Material's livereload, a few milliseconds more). Measured as HR runs it, `mkdocs serve --dirty`
(strict as always; the site's plugin renders again only the pages the edit makes stale,
macros/editing/incremental.py), and as plain `mkdocs serve`, which renders every page again.
"""

from __future__ import annotations

import html
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

MARKER = "Проверяет, что правка видна в предпросмотре"
STARTUP_S = 600
CHANGE_S = 120
HR_SERVE = ["serve", "--dirty"]  # the command README tells HR to run
FULL_SERVE = ["serve"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError):
        return None


def shown(page: str | None) -> str:
    """The page's text as a reader sees its spaces: the typography binds a one-letter word to the next
    («в&nbsp;предпросмотре»), so the marker is looked for with no-break spaces read as spaces."""
    return html.unescape(page or "").replace("\xa0", " ")


def wait_for(condition, limit_s: float, step_s: float = 0.02) -> float | None:
    """Seconds until condition() is true, or None after limit_s."""
    started = time.perf_counter()
    while time.perf_counter() - started < limit_s:
        if condition():
            return time.perf_counter() - started
        time.sleep(step_s)
    return None


def latency(project: Path, slug: str, dirty: bool = True, number: int = 1) -> float | None:
    """Seconds from saving docs/positions/<slug>.md to the served page showing the change
    (dirty: HR's `mkdocs serve --dirty`; otherwise plain `mkdocs serve`)."""
    port = free_port()
    page_url = f"http://127.0.0.1:{port}/positions/{slug}/"
    command = [sys.executable, "-m", "mkdocs", *(HR_SERVE if dirty else FULL_SERVE), "-a", f"127.0.0.1:{port}"]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", JOBDESC_PDF="0")
    server = subprocess.Popen(command, cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)
    try:
        if wait_for(lambda: fetch(page_url) is not None, STARTUP_S, 0.2) is None:
            raise RuntimeError(f"mkdocs serve in {project} did not start within {STARTUP_S} s")
        time.sleep(1.0)  # let the file watcher settle after the first build
        source = project / "docs" / "positions" / f"{slug}.md"
        marker = f"{MARKER} {number}-{time.time_ns()}."
        text = source.read_text(encoding="utf-8")
        changed = text.replace("\n\n## Права", f"\n- {marker}\n\n## Права", 1)
        try:
            started = time.perf_counter()
            source.write_text(changed, encoding="utf-8")
            seen = wait_for(lambda: marker in shown(fetch(page_url)), CHANGE_S)
            return None if seen is None else time.perf_counter() - started
        finally:
            source.write_text(text, encoding="utf-8")
    finally:
        os.killpg(server.pid, signal.SIGINT)  # the server and nothing else: its own process group
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def preview_timings(project: Path, slug: str) -> dict:
    return {"preview_s": latency(project, slug, dirty=True, number=1),
            "preview_full_s": latency(project, slug, dirty=False, number=2)}
