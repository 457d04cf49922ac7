"""Who approves, drafts and agrees an instruction: the company's rules from mkdocs.yml `extra:` (ГОСТ Р
7.0.97-2025: «УТВЕРЖДАЮ» by an official or «УТВЕРЖДЕНА приказом …»), overridable per position. Only data:
checks/signatories.py says what is wrong.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .positions import Position, Staff

BY_DOCUMENT, BY_OFFICIAL = "document", "official"
# A reference to a position file; anything else names a post without a file (Юрисконсульт).
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Official:
    """Someone who signs: a post (from a position file, or a title) and, when known, the holder's name."""

    ref: str                    # as written in the data: "hr-head" or "Юрисконсульт"
    title: str                  # «Руководитель отдела персонала»
    genitive: str               # «руководителя отдела персонала»
    name: str | None            # «Е. В. Смирнова»; None: a line to write the name by hand
    position: Position | None   # the post's position file, if it has one


@dataclass(frozen=True)
class Approval:
    """The approval requisite of one edition, in exactly one of the two ГОСТ forms."""

    form: str                   # BY_DOCUMENT or BY_OFFICIAL
    date: dt.date | None
    document: str               # «приказом генерального директора» (form document)
    number: str | None          # of the approving document: «от 02.02.2026 № 14-ОД»
    protocol: str | None        # of the minutes of the deciding meeting: «(протокол от … № 1)»
    official: Official | None   # who signs «УТВЕРЖДАЮ», or whose document approves; None for a meeting
    by_document = property(lambda self: self.form == BY_DOCUMENT)


@dataclass(frozen=True)
class Signatories:
    """Who signs under an instruction: «Разработал» and «Согласовано»."""

    drafter: Official | None
    agreed: list[Official]


class Company:
    """The company's rules for approval and signatures, read from `extra:` of mkdocs.yml."""

    def __init__(self, extra: dict, staff: Staff):
        self.staff = staff
        approval = _mapping(extra.get("approval"))
        signatories = _mapping(extra.get("signatories"))
        self.officials = {str(k): str(v) for k, v in _mapping(extra.get("officials")).items() if v}
        self.form = str(approval.get("form") or BY_DOCUMENT)
        self.approver_ref = _text(approval.get("official"))
        self.document = _text(approval.get("document")) or ""
        self.drafter_ref = _text(signatories.get("drafted_by"))
        self.agreed_refs = [str(ref) for ref in _list(signatories.get("agreed_by")) if ref]

    def official(self, ref: str | None) -> Official | None:
        """The signing official a reference names; None for no reference."""
        if not ref:
            return None
        position = self.staff.positions.get(ref) if SLUG.match(ref) else None
        if position is not None:
            return Official(ref, position.title, position.genitive, self.officials.get(ref), position)
        return Official(ref, ref, ref[:1].lower() + ref[1:], self.officials.get(ref), None)

    def approval(self, position: Position) -> Approval:
        """How the position's current edition is approved: its own `approval:` over the company's rule."""
        return self.edition_approval(position.meta.get("approval"), position.approved)

    def edition_approval(self, own, date) -> Approval:
        """The approval of an edition from its `approval:` mapping (current edition or a history entry)."""
        own = _mapping(own)
        number, protocol = _text(own.get("number")), _text(own.get("protocol"))
        form = _text(own.get("form")) or self.form
        if "form" not in own and (number or protocol):
            form = BY_DOCUMENT  # a number is a document's; an edition approved by one stays so
        # A position that names its own approving document (a meeting's decision) names no official
        # unless it says so: the company's official does not issue the meeting's decision.
        official_ref = _text(own.get("official")) or (None if own.get("document") else self.approver_ref)
        return Approval(form, date if isinstance(date, dt.date) else None,
                        _text(own.get("document")) or self.document, number, protocol,
                        self.official(official_ref))

    def signatories(self, position: Position) -> Signatories:
        """The drafter and the agreeing officials of the position's instruction. The drafter by default: the
        head of its department; for a head, its supervisor; HR's official where that is nobody or the approver."""
        meta = position.meta
        drafter_ref = _text(meta.get("drafted_by"))
        if not drafter_ref:
            head = self.staff.department_head(position)
            candidate = head if head is not None and head.slug != position.slug else self.staff.supervisor(position)
            approver = self.approval(position).official
            taken = candidate is None or (approver is not None and approver.ref == candidate.slug)
            drafter_ref = self.drafter_ref if taken else candidate.slug
        if meta.get("agreed_by") is not None:
            agreed_refs = [str(ref) for ref in _list(meta.get("agreed_by")) if ref]
        else:  # the company's list; the drafter has signed already, as drafter
            agreed_refs = [ref for ref in self.agreed_refs if ref != drafter_ref]
        return Signatories(self.official(drafter_ref), [self.official(ref) for ref in agreed_refs])

    def signing_positions(self, position: Position) -> list[str]:
        """Slugs of the positions whose officials draft, agree or approve the position's instruction."""
        signatories = self.signatories(position)
        officials = [signatories.drafter, *signatories.agreed, self.approval(position).official]
        return sorted({o.position.slug for o in officials if o is not None and o.position is not None})


def _mapping(value) -> dict:
    return value if isinstance(value, dict) else {}


def _list(value) -> list:
    return value if isinstance(value, list) else []


def _text(value) -> str | None:
    """A value as text: HR may write a number unquoted (`number: 14`); empty means absent."""
    if value is None or isinstance(value, (dict, list, bool)):
        return None
    text = str(value).strip()
    return text or None
