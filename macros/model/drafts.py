"""A draft of a new edition never takes the place of the edition in force: the page, PDF, .docx, search and
catalog show the approved one, read from git; the draft gets its own page ``positions/<slug>/draft/``.
"""

from __future__ import annotations

from dataclasses import dataclass

from .editions import Archive, Edition, comparison_url
from .positions import DRAFT_PAGE, POSITIONS_DIR, Position, Staff

DRAFT_VERSION = "draft"  # the draft's name in the address of its comparison: compare/1.0-draft/


@dataclass(frozen=True)
class Draft:
    """A draft set aside, and the edition in force whose text the position's page shows meanwhile."""

    position: Position   # the work tree's file: status: проект
    in_force: Edition    # the last approved edition, from git
    text: str            # the position file of the edition in force, as committed
    slug = property(lambda self: self.position.slug)
    page = property(lambda self: f"{POSITIONS_DIR}/{self.slug}/{DRAFT_PAGE}.md")  # relative to docs_dir
    url = property(lambda self: f"{POSITIONS_DIR}/{self.slug}/{DRAFT_PAGE}/")
    comparison = property(lambda self: comparison_url(self.slug, self.in_force.version, DRAFT_VERSION))


def set_drafts_aside(staff: Staff, archive: Archive | None) -> dict[str, Draft]:
    """Put the edition in force in each draft's place in `staff`; slug -> the draft set aside."""
    found: dict[str, Draft] = {}
    if archive is None:
        return found
    for slug, position in list(staff.positions.items()):
        edition = archive.current(slug) if position.is_draft else None
        if edition is None or edition.position.is_draft:
            continue
        content = archive.history.read([edition.last.blob]).get(edition.last.blob)
        if content is None:
            continue
        found[slug] = Draft(position, edition, content.decode("utf-8"))
        staff.positions[slug] = edition.position
        staff.drafts[slug] = position
    if found:
        staff.forget_indexes()
    return found
