"""When each position file was last changed, from git: one `git log` for all positions.

Outside a git checkout (a copy of the files, an archive) the approval date stands in; the
build never uses the clock, so the same sources always build the same site. CI must check out
the full history (fetch-depth: 0), or every file would date from the last commit.
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
