"""The build's date comes from the last commit (or the latest approval), never from the clock:
SOURCE_DATE_EPOCH makes two builds of one commit byte-identical. A value set by the user or CI wins.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from . import history as git
from .positions import Staff

VARIABLE = "SOURCE_DATE_EPOCH"


def pin_build_date(project_dir: Path, staff: Staff, pinned: str | None = None) -> str | None:
    """Set the variable unless the user or CI did; `pinned` is what an earlier build of this process set
    (the plugin keeps it, so `mkdocs serve` may update its own value). Returns the value pinned now."""
    if VARIABLE in os.environ and os.environ[VARIABLE] != pinned:
        return pinned
    epoch = last_commit_epoch(project_dir) or latest_approval_epoch(staff)
    if epoch is not None:
        pinned = os.environ[VARIABLE] = str(epoch)
    return pinned


def last_commit_epoch(project_dir: Path) -> int | None:
    value = (git.output(project_dir, "log", "-1", "--format=%ct") or "").strip()
    return int(value) if value.isdigit() else None


def latest_approval_epoch(staff: Staff) -> int | None:
    dates = [p.approved for p in staff.positions.values() if isinstance(p.approved, dt.date)]
    if not dates:
        return None
    latest = max(dates)
    return int(dt.datetime(latest.year, latest.month, latest.day, tzinfo=dt.timezone.utc).timestamp())
