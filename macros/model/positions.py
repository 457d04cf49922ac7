"""The position model: every position file under ``docs/positions/`` (front matter + prose) read once,
before any page is rendered; nothing else re-parses front matter.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from .problems import Problem

POSITIONS_DIR = "positions"
# Front matter `status`: a draft, in force (the default), or abolished (its page and editions are kept).
DRAFT, IN_FORCE, ABOLISHED = "проект", "действует", "упразднена"
DRAFT_PAGE = "draft"  # positions/<slug>/draft/: the draft of a new edition, beside the edition in force
# Front-matter fields that name another position by its file name: one each, and a list of them.
REFERENCE_FIELDS, LIST_REFERENCE_FIELDS = ("appointed_by", "proposed_by", "reports_to", "stand_in"), ("reports_to_also",)


@dataclass(frozen=True)
class Position:
    """One position: its front matter as typed attributes, plus where it lives."""

    slug: str
    src_path: str  # relative to docs_dir, with forward slashes
    meta: dict[str, Any]
    body: str
    body_line: int  # line number (1-based) where the body starts in the file
    # File line of each front-matter field or list item, keyed by its path: ("history", 0, "approved").
    lines: dict[tuple, int] = field(default_factory=dict, compare=False, repr=False)

    # The front matter's values, read-only; the required ones the schema has checked.
    # A title the schema refuses (missing, empty, a list) still names the position by its file in the checks
    # across files, so they report their own findings instead of failing on it.
    title = property(lambda self: t if isinstance(t := self.meta.get("title"), str) and t else self.slug)
    genitive = property(lambda self: self.meta["genitive"])
    dative = property(lambda self: self.meta["dative"])
    department = property(lambda self: self.meta["department"])
    category = property(lambda self: self.meta["category"])
    aliases = property(lambda self: list(self.meta.get("aliases") or []))
    version = property(lambda self: str(self.meta.get("version", "")))
    approved = property(lambda self: self.meta.get("approved"))  # a date, or None
    status = property(lambda self: self.meta.get("status") or IN_FORCE)
    is_draft = property(lambda self: self.status == DRAFT)
    is_abolished = property(lambda self: self.status == ABOLISHED)
    url = property(lambda self: f"{POSITIONS_DIR}/{self.slug}/")  # site-relative, directory URLs
    tags = property(lambda self: default_tags(self.meta))  # on «Подразделения и категории»
    shown = property(lambda self: f"docs/{self.src_path}")  # the file in messages, as HR sees it in the repository

    @property
    def approval_order(self) -> str:
        """The approving document as one phrase («приказ от 02.02.2026 № 14-ОД»); empty for «УТВЕРЖДАЮ».
        An edition written before `approval` existed keeps its `approval_order`."""
        if self.meta.get("approval_order"):
            return str(self.meta["approval_order"])
        approval = self.meta.get("approval") if isinstance(self.meta.get("approval"), dict) else {}
        day = self.approved.strftime("%d.%m.%Y") if isinstance(self.approved, dt.date) else ""
        if approval.get("protocol") is not None:
            return f"протокол от {day} № {approval['protocol']}"
        if approval.get("number") is not None:
            return f"приказ от {day} № {approval['number']}"
        return ""

    @property
    def renamed_from(self) -> list[str]:
        """Earlier file names of the position (front matter `renamed_from`)."""
        value = self.meta.get("renamed_from")
        return [slug for slug in value if isinstance(slug, str)] if isinstance(value, list) else []

    def entries(self, key: str) -> list[tuple[int, dict]]:
        """(index, entry) of every mapping in a list field (history, corrections); the schema reports the rest."""
        value = self.meta.get(key)
        return [(i, entry) for i, entry in enumerate(value) if isinstance(entry, dict)] if isinstance(value, list) else []

    def problem(self, message: str, fix: str, *path, line: int | None = None, missing: str | None = None) -> Problem:
        """A problem of this file at a front-matter field's path (its first key named), else at `line`."""
        return Problem(self.shown, message, fix, field=path[0] if path else None,
                       line=self.line_of(*path) or line, missing=missing)

    def line_of(self, *path) -> int | None:
        """The file line of a front-matter field (or of the nearest enclosing one), for messages."""
        return nearest_line(self.lines, path)

    def __repr__(self) -> str:
        return f"Position({self.src_path!r})"

    def ref(self, key: str) -> str | None:
        """The slug stored under ``key`` (reports_to, stand_in, ...), or None."""
        value = self.meta.get(key)
        return value if isinstance(value, str) and value else None  # a malformed value: the schema reports it


@dataclass
class Staff:
    """All positions of the company, with the relations between them resolved."""

    positions: dict[str, Position] = field(default_factory=dict)
    # src_path -> date of the last change of the file, from git (model/history.py).
    edited: dict[str, dt.date] = field(default_factory=dict)
    # slug -> the draft of a new edition, while the edition in force takes its place (model/drafts.py).
    drafts: dict[str, Position] = field(default_factory=dict)

    def __repr__(self) -> str:
        # Short on purpose: mkdocs-macros writes every variable's repr into a debug message on each build.
        return f"Staff({len(self.positions)} positions)"

    def __contains__(self, slug: object) -> bool:
        return slug in self.positions

    def __getitem__(self, slug: str) -> Position:
        return self.positions[slug]

    def __iter__(self):
        return iter(sorted(self.positions.values(), key=lambda p: p.title))

    def __len__(self) -> int:
        return len(self.positions)

    # Indexes built on first use: every page looks itself up and every card lists subordinates.
    @cached_property
    def _by_src_path(self) -> dict[str, Position]:
        return {position.src_path: position for position in self.positions.values()}

    @cached_property
    def _subordinates(self) -> dict[str, list[Position]]:
        index: dict[str, list[Position]] = {}
        for position in self:
            index.setdefault(position.ref("reports_to"), []).append(position)
        return index

    def renamed(self) -> dict[str, Position]:
        """An earlier file name -> the position that carries it now."""
        return {old: position for position in self.positions.values() for old in position.renamed_from}

    def by_src_path(self, src_path: str) -> Position | None:
        """The position a page shows: its own file's, or the draft at positions/<slug>/draft.md."""
        src_path = src_path.replace("\\", "/")
        found = self._by_src_path.get(src_path)
        if found is None and src_path.endswith(f"/{DRAFT_PAGE}.md"):
            found = self.drafts.get(src_path[len(POSITIONS_DIR) + 1:-len(DRAFT_PAGE) - 4])
        return found

    def forget_indexes(self) -> None:
        """Drop the indexes built on first use: `positions` has changed (a draft set aside)."""
        for name in ("_by_src_path", "_subordinates", "_department_heads"):
            self.__dict__.pop(name, None)

    def last_edited(self, position: Position) -> dt.date | None:
        """When the position's file last changed; the approval date where git cannot tell."""
        return self.edited.get(position.src_path) or position.approved

    def supervisor(self, position: Position) -> Position | None:
        slug = position.ref("reports_to")
        return self.positions.get(slug) if slug else None

    def subordinates(self, position: Position) -> list[Position]:
        return list(self._subordinates.get(position.slug, []))

    def rank(self, position: Position) -> int:
        """How many supervisors stand above the position (0 for the head of the company)."""
        depth, seen, current = 0, {position.slug}, position
        while (boss := self.supervisor(current)) is not None and boss.slug not in seen:
            depth, current = depth + 1, boss
            seen.add(boss.slug)
        return depth

    @cached_property
    def _department_heads(self) -> dict[str, Position]:
        heads: dict[str, Position] = {}
        # Read defensively: the checks ask before the schema's problems stop the build.
        for position in sorted(self.existing(), key=lambda p: (self.rank(p), str(p.meta.get("title")))):
            heads.setdefault(str(position.meta.get("department")), position)
        return heads

    def department_head(self, position: Position) -> Position | None:
        """The position of its department that no other position of the department stands above."""
        return self._department_heads.get(str(position.meta.get("department")))

    def existing(self) -> list[Position]:
        """The positions the company has: every position but the abolished ones (their pages stay)."""
        return [position for position in self if not position.is_abolished]

    def departments(self) -> dict[str, list[Position]]:
        """Existing positions by department, in a stable order: what the catalog, menu and org chart show."""
        groups: dict[str, list[Position]] = {}
        for position in self.existing():
            groups.setdefault(position.department, []).append(position)
        # The department holding the top position (no supervisor) comes first, the rest alphabetically.
        order = sorted(groups, key=lambda name: (all(p.ref("reports_to") for p in groups[name]), name))
        return {name: groups[name] for name in order}


def nearest_line(lines: dict[tuple, int], path: tuple) -> int | None:
    """The line of a field path, or of the nearest field that encloses it."""
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return None


def default_tags(meta: dict) -> list[str]:
    """A position's tags when its file names none: its department and its category."""
    return [str(meta[key]) for key in ("department", "category") if isinstance(meta.get(key), str)]


def position_files(docs_dir: Path) -> list[Path]:
    """Every position file, in a stable order. Files starting with '_' are not positions."""
    folder = docs_dir / POSITIONS_DIR
    # A symlink is not read: it could point outside the repository (checks/files.py refuses it).
    return sorted(p for p in folder.glob("*.md") if not p.name.startswith("_") and not p.is_symlink())
