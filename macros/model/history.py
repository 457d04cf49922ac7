"""What git tells the build: the main line's history of the files an edition is made of, read in two calls
(``git log --first-parent --raw``, ``git cat-file --batch``; a copy without .git or a shallow clone says so
in ``status``: only current editions), each file's last change, and the build's date.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from .positions import POSITIONS_DIR, Staff

NO_HISTORY, SHALLOW, FULL = "none", "shallow", "full"
ZERO = "0" * 40
Commit = NamedTuple("Commit", [("id", str), ("date", dt.date)])


@dataclass
class History:
    """Blob ids of the watched paths at every first-parent commit, oldest first."""

    project: Path
    status: str
    commits: list[Commit] = field(default_factory=list)
    # path -> [(commit index, blob id or None when deleted)], oldest first
    changes: dict[str, list[tuple[int, str | None]]] = field(default_factory=dict)
    _contents: dict[str, bytes] = field(default_factory=dict, repr=False)

    def blob_at(self, path: str, index: int) -> str | None:
        """The blob id of path at the commit with this index (None: the file did not exist)."""
        steps = self.changes.get(path)
        if not steps:
            return None
        at = bisect.bisect_right(steps, index, key=lambda step: step[0]) - 1
        return steps[at][1] if at >= 0 else None

    def tree_at(self, folder: str, index: int) -> dict[str, str]:
        """name -> blob id of every file directly in folder at that commit."""
        found = {name: self.blob_at(path, index) for name, path in files_in(folder, self.changes).items()}
        return {name: blob for name, blob in found.items() if blob}

    def read(self, blobs: list[str]) -> dict[str, bytes]:
        """Contents of blobs, read in one `git cat-file --batch` and kept for the build."""
        wanted = sorted({b for b in blobs if b and b not in self._contents})
        if wanted:
            out = _git(self.project, "cat-file", "--batch", text=False, stdin="\n".join(wanted).encode() + b"\n").stdout
            at = 0
            for blob in wanted:
                end = out.index(b"\n", at)
                header = out[at:end].split()  # "<id> blob <size>", or "<id> missing"
                size = int(header[2]) if len(header) >= 3 else -1
                if size >= 0:
                    self._contents[blob] = out[end + 1:end + 1 + size]
                at = end + 1 + size + 1
        return {b: self._contents[b] for b in blobs if b in self._contents}


def files_in(folder: str, paths) -> dict[str, str]:
    """name -> path of every path directly in `folder` (not in a folder below it)."""
    prefix = folder.rstrip("/") + "/"
    return {path[len(prefix):]: path for path in paths if path.startswith(prefix) and "/" not in path[len(prefix):]}


def blob_id(content: bytes) -> str:
    """The id git gives a file with this content: the work tree and commits compare directly."""
    return hashlib.sha1(b"blob %d\0" % len(content) + content).hexdigest()


def _git(project: Path, *args: str, text: bool = True, stdin=None) -> subprocess.CompletedProcess:
    # Paths are file names, some written by HR (`reports_to: ":(glob)*"`): never pathspec magic or wildcards.
    return subprocess.run(["git", "--literal-pathspecs", "-c", "core.quotePath=false", *args], cwd=project,
                          capture_output=True, text=text, input=stdin, timeout=300)


def read_history(project: Path, paths: list[str]) -> History:
    """The history of `paths` (relative to the project) along the first-parent line of HEAD."""
    answers = (output(project, "rev-parse", "--is-inside-work-tree", "--is-shallow-repository") or "").split()
    if not answers or answers[0] != "true":
        return History(project, NO_HISTORY)
    if answers[1:2] == ["true"]:
        return History(project, SHALLOW)
    log = output(project, "log", "--first-parent", "--reverse", "--no-renames", "--raw", "--no-abbrev",
                 "--relative", "--format=%x01%H %cs", "--", *paths)
    if log is None:  # e.g. a repository without commits yet
        return History(project, NO_HISTORY)
    history = History(project, FULL)
    for line in log.splitlines():
        if line.startswith("\x01"):
            commit, day = line[1:].split()
            history.commits.append(Commit(commit, dt.date.fromisoformat(day)))
        elif line.startswith(":") and "\t" in line:
            info, path = line.split("\t", 1)
            new = info.split()[3]
            history.changes.setdefault(path, []).append(
                (len(history.commits) - 1, None if new == ZERO else new))
    return history


def output(project: Path, *args: str) -> str | None:
    """git's output run in `project` (any folder of the repository), or None when git fails or is missing."""
    try:
        result = _git(project, *args)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None


def resolve(project: Path, ref: str) -> str | None:
    """The commit a ref names (a branch, origin/main), or None."""
    return (output(project, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}") or "").strip() or None


def ls_tree(project: Path, commit: str, paths: list[str]) -> dict[str, str]:
    """path -> blob id of every file under paths at a commit (paths relative to the project)."""
    found = {}
    for line in (output(project, "ls-tree", "-r", commit, "--", *paths) or "").splitlines():
        info, _, path = line.partition("\t")
        parts = info.split()
        if len(parts) == 3 and parts[1] == "blob":
            found[path] = parts[2]
    return found


def last_edited(docs_dir: Path) -> dict[str, dt.date]:
    """src_path ('positions/<slug>.md') -> date of the last commit that changed the file, from one `git log`
    (CI must check out the full history, or every file would date from the last commit)."""
    log = output(docs_dir / POSITIONS_DIR, "log", "--format=%x00%cd", "--date=short", "--name-only", "--relative",
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
    found = (output(folder, "log", "-1", "--diff-filter=D", "--format=%cs %h", "--", name) or "").split()
    if found:  # %cs is always YYYY-MM-DD
        return dt.date.fromisoformat(found[0]), found[1]
    if output(folder, "cat-file", "-e", f"HEAD:./{name}") is not None:  # committed, removed from the work tree
        return dt.date.today(), "не закоммичено"
    return None


def pin_build_date(project_dir: Path, staff: Staff, pinned: str | None = None) -> str | None:
    """Set SOURCE_DATE_EPOCH to the last commit's time (or the latest approval), never the clock's, so two builds
    of one commit are byte-identical; unless the user or CI set it. `pinned`: what an earlier build of this
    process set (`mkdocs serve` may update its own value). Returns the value pinned now."""
    if "SOURCE_DATE_EPOCH" in os.environ and os.environ["SOURCE_DATE_EPOCH"] != pinned:
        return pinned
    last_commit = (output(project_dir, "log", "-1", "--format=%ct") or "").strip()
    approvals = [p.approved for p in staff.positions.values() if isinstance(p.approved, dt.date)]
    if last_commit.isdigit():
        pinned = os.environ["SOURCE_DATE_EPOCH"] = last_commit
    elif approvals:  # midnight UTC of the latest approval
        days = max(approvals).toordinal() - dt.date(1970, 1, 1).toordinal()
        pinned = os.environ["SOURCE_DATE_EPOCH"] = str(days * 86400)
    return pinned
