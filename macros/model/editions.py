"""Editions of every position found in git, and the *base* a change is checked against. An edition is a value
of ``version`` on the main line while not a draft; its text is the files at the last commit with that value
(corrections included), in force until the next edition's ``approved``.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from . import history as git
from . import published
from .loading import position_from_bytes
from .positions import POSITIONS_DIR, Position, Staff

TEMPLATES_DIR = "macros/templates"
CONFIG_FILE = "mkdocs.yml"


@dataclass(frozen=True)
class State:
    """One position file as it was at one commit (commit None: as it is in the work tree)."""

    position: Position
    blob: str
    commit: str | None = None
    date: dt.date | None = None
    index: int | None = None  # the commit's place in History.commits
    version = property(lambda self: self.position.version)


@dataclass
class Edition:
    """One approved edition of one position: its first and its latest state, and how long it was in force."""

    slug: str
    first: State
    last: State
    until: dt.date | None = None  # the day the next edition was approved (or the file was removed)
    current: bool = False
    # Rendered from the repository on the day before it was superseded, or the work tree for the one in force.
    snapshot: State | None = None
    version = property(lambda self: self.last.version)
    position = property(lambda self: self.last.position)
    approved = property(lambda self: self.position.approved)
    corrections = property(lambda self: corrections(self.position))
    url = property(lambda self: edition_url(self.slug, self.version))

    @property
    def last_day(self) -> dt.date | None:
        """The last day it was in force: the day before the next edition's (two editions never share a day)."""
        return self.until - dt.timedelta(days=1) if isinstance(self.until, dt.date) else self.until


def corrections(position: Position) -> list[dict]:
    return [entry for _, entry in position.entries("corrections")]


def edition_url(slug: str, version: str) -> str:
    """The stable address of an edition, relative to the site root (it never changes)."""
    return f"{POSITIONS_DIR}/{slug}/editions/{version}/"


def comparison_url(slug: str, older: str, newer: str) -> str:
    return f"{POSITIONS_DIR}/{slug}/compare/{older}-{newer}/"


@dataclass
class Archive:
    """Every edition of every position, oldest first, and the base of this build's checks."""

    history: git.History
    folder: str  # the positions' folder, as git names it
    editions: dict[str, list[Edition]] = field(default_factory=dict)
    base: dict[str, State] = field(default_factory=dict)  # slug -> the file at the base commit
    base_tree: dict[str, str] = field(default_factory=dict)  # path -> blob at the base commit
    complete = property(lambda self: self.history.status == git.FULL)

    def of(self, slug: str) -> list[Edition]:
        return self.editions.get(slug, [])

    def current(self, slug: str) -> Edition | None:
        return next((e for e in self.of(slug) if e.current), None)


def find_editions(project: Path, docs_dir: Path, staff: Staff, ledger: published.Ledger | None = None,
                  base_ref: str = "") -> Archive:
    """The archive of this build: editions from git plus the work tree's, and the base state (base_ref: the
    option base, a branch or commit). With the ledger of the site being replaced, from reviewed states only."""
    try:
        docs = Path(docs_dir).resolve().relative_to(project.resolve()).as_posix()
    except ValueError:
        docs = Path(docs_dir).as_posix()
    folder = f"{docs}/{POSITIONS_DIR}"
    history = git.read_history(project, [folder, TEMPLATES_DIR, CONFIG_FILE])
    if ledger is not None and history.status == git.FULL:
        history = published.reviewed_only(history, ledger, folder)
    archive = Archive(history, folder)
    worktree = {p.slug: State(p, git.blob_id((docs_dir / p.src_path).read_bytes())) for p in staff.positions.values()}
    timelines, removals = _timelines(history, folder) if archive.complete else ({}, {})
    for slug in sorted(set(timelines) | set(worktree)):
        states = timelines.get(slug, [])
        now = worktree.get(slug)
        draft = now is not None and now.position.is_draft
        if now is not None and not draft:
            if states and states[-1] is not None and states[-1].blob == now.blob:
                now = states[-1]  # the work tree is the last commit's file
            else:
                states.append(now)
        archive.editions[slug] = _editions(slug, states, None if now is not None else removals.get(slug))
        for earlier, later in zip(archive.editions[slug], archive.editions[slug][1:]):
            earlier.snapshot = _day_before(history, earlier, later.first.index)
        if archive.editions[slug]:
            last = archive.editions[slug][-1]
            last.snapshot = (last.last if draft else State(now.position, now.blob) if now is not None
                             else _day_before(history, last, _removal_index(history, slug, folder)))
    if archive.complete:
        # A publishing build checks what changed since the last publish, a state somebody reviewed.
        published_base = (ledger.published or [ledger.reviewed_until])[-1] if ledger else None
        _find_base(archive, project, folder, published_base or _base_commit(project, folder, base_ref))
    return archive


def _day_before(history: git.History, edition: Edition, index: int | None) -> State:
    """The edition's file with everything else as of the last commit before `index` on the main line."""
    if index is None or index <= 0:
        return edition.last
    commit = history.commits[index - 1]
    return State(edition.last.position, edition.last.blob, commit.id, commit.date, index - 1)


def _removal_index(history: git.History, slug: str, folder: str) -> int | None:
    steps = history.changes.get(f"{folder}/{slug}.md") or []
    return steps[-1][0] if steps and steps[-1][1] is None else None


def _timelines(history: git.History, folder: str) -> tuple[dict[str, list[State | None]], dict[str, dt.date]]:
    """slug -> the file's states along the main line (None: the commit removed the file); slug -> removal day."""
    files = {name: path for name, path in git.files_in(folder, history.changes).items()
             if name.endswith(".md") and not name.startswith("_")}
    contents = history.read([blob for path in files.values() for _, blob in history.changes[path] if blob])
    timelines, removals = {}, {}
    for name, path in files.items():
        steps, states = history.changes[path], []
        for index, blob in steps:
            position = None
            if blob and blob in contents:
                position, _ = position_from_bytes(contents[blob], path, f"{POSITIONS_DIR}/{name}")
            commit = history.commits[index]
            # A file that did not read as a position at that commit (broken YAML, say) has no edition there.
            if position is not None and position.version and not position.is_draft:
                states.append(State(position, blob, commit.id, commit.date, index))
            elif blob is None:
                states.append(None)
                removals[name[:-3]] = commit.date
        timelines[name[:-3]] = states
    return timelines, removals


def _editions(slug: str, states: list[State | None], removed: dt.date | None) -> list[Edition]:
    """Runs of states with the same version; a later run of a version replaces an earlier one."""
    runs: list[Edition] = []
    removed_since = False  # the file was removed since the last state (a position deleted and created again)
    for state in states:
        if state is None:
            removed_since = True
        elif runs and runs[-1].version == state.version and not removed_since:
            runs[-1].last = state
        else:
            runs.append(Edition(slug, state, state))
            removed_since = False
    editions = [run for at, run in enumerate(runs) if all(later.version != run.version for later in runs[at + 1:])]
    for earlier, later in zip(editions, editions[1:]):
        earlier.until = later.approved if isinstance(later.approved, dt.date) else later.first.date
    if editions and removed is None:
        editions[-1].current = True
    elif editions:
        editions[-1].until = removed  # the position file was deleted: its last edition ended then
    return editions


def _find_base(archive: Archive, project: Path, folder: str, base: str | None) -> None:
    """The files at the commit this build's changes are checked against, every position file read."""
    if base is None:
        return
    archive.base_tree = tree = git.ls_tree(project, base, [folder, TEMPLATES_DIR, CONFIG_FILE])
    wanted = {name[:-3]: tree[path] for name, path in git.files_in(folder, tree).items() if name.endswith(".md")}
    contents = archive.history.read(list(wanted.values()))
    for slug, blob in wanted.items():
        if blob in contents:
            position, _ = position_from_bytes(contents[blob], f"{folder}/{slug}.md", f"{POSITIONS_DIR}/{slug}.md")
            if position is not None:
                archive.base[slug] = State(position, blob, base)


def _base_commit(project: Path, folder: str, explicit: str) -> str | None:
    """The option base (JOBDESC_BASE), else the start of a pull request (GITHUB_BASE_REF, set by the CI
    runner itself), else HEAD for uncommitted edits, else the previous commit on the main line."""
    target = os.environ.get("GITHUB_BASE_REF")
    if explicit or target:
        ref = explicit or f"origin/{target}"
        found = git.output(project, "merge-base", "HEAD", ref) if git.resolve(project, ref) else None
        return (found or "").strip() or None
    if (git.output(project, "status", "--porcelain", "--", folder, TEMPLATES_DIR, CONFIG_FILE) or "").strip():
        return git.resolve(project, "HEAD")
    return git.resolve(project, "HEAD^1")
