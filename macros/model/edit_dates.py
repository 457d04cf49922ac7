"""When each position file was last changed, from one `git log` (the approval date outside git, never
the clock). CI must check out the full history, or every file would date from the last commit.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from . import history as git
from .positions import POSITIONS_DIR


def last_edited(docs_dir: Path) -> dict[str, dt.date]:
    """src_path ('positions/<slug>.md') -> date of the last commit that changed the file."""
    log = git.output(docs_dir / POSITIONS_DIR, "log", "--format=%x00%cd", "--date=short", "--name-only", "--relative",
                     "--", ".") or ""
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
    found = (git.output(folder, "log", "-1", "--diff-filter=D", "--format=%cs %h", "--", name) or "").split()
    if found:  # %cs is always YYYY-MM-DD
        return dt.date.fromisoformat(found[0]), found[1]
    if git.output(folder, "cat-file", "-e", f"HEAD:./{name}") is not None:  # committed, removed from the work tree
        return dt.date.today(), "не закоммичено"
    return None
