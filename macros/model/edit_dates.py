"""When each position file was last changed, from one `git log` (the approval date outside git, never
the clock). CI must check out the full history, or every file would date from the last commit.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from .positions import POSITIONS_DIR


def last_edited(docs_dir: Path) -> dict[str, dt.date]:
    """src_path ('positions/<slug>.md') -> date of the last commit that changed the file."""
    folder = docs_dir / POSITIONS_DIR
    try:
        log = subprocess.run(
            ["git", "-c", "core.quotePath=false", "-C", str(folder), "log", "--format=%x00%cd", "--date=short", "--name-only", "--relative",
             "--", "."],
            capture_output=True, text=True, check=True, timeout=60).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    dates: dict[str, dt.date] = {}
    date = None
    for line in log.splitlines():
        if line.startswith("\0"):
            date = dt.date.fromisoformat(line[1:].strip())
        elif line.strip() and date is not None:
            dates.setdefault(f"{POSITIONS_DIR}/{line.strip()}", date)  # newest first: keep the first
    return dates


def deleted(docs_dir: Path, src_path: str) -> tuple[dt.date, str] | None:
    """When and in which commit a position file was deleted (None if never or unknown), so a message can
    say "deleted" rather than "never existed"; uncommitted deletion counts as today."""
    folder = docs_dir / POSITIONS_DIR
    name = src_path.split("/", 1)[-1]
    try:
        run = lambda *args: subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True,
                                           timeout=30)
        found = run("log", "-1", "--diff-filter=D", "--format=%cs %h", "--", name).stdout.split()
        if found:
            return dt.date.fromisoformat(found[0]), found[1]
        if run("cat-file", "-e", f"HEAD:./{name}").returncode == 0:  # committed, removed from the working copy
            return dt.date.today(), "не закоммичено"
    except (OSError, subprocess.SubprocessError, ValueError):
        pass
    return None
