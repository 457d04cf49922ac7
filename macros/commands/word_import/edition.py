"""A revised Word instruction as the next edition of a position that exists: same file, history kept.

The usual reason a Word file arrives is a lawyer's revision of an instruction already on the site.
Its text replaces the body; the front matter stays the position's own (title, department, history,
signatories …) except what the document states itself (supervisor, education, category …). The
edition in force moves into `history`, the version goes up, and the file is a draft (`status:
проект`) until HR enters the new order, so the build shows it beside the edition in force.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from . import markdown

# What the position keeps whatever the document says: its names, place and the site's own records.
KEPT = ("title", "genitive", "dative", "aliases", "department", "tags", "renamed_from", "drafted_by", "agreed_by")
# Facts of section 1 the document may restate; a value the import only guessed never replaces the file's.
STATED = ("category", "appointed_by", "appointment_note", "proposed_by", "reports_to", "reports_to_also",
          "stand_in", "education", "experience", "governing_documents")
DROPPED = ("corrections", "changes", "status", "version", "approved", "approval")


def read_front_matter(path: Path) -> tuple[dict, str]:
    text = path.read_text(encoding="utf-8")
    _, front, body = text.split("---", 2)
    return yaml.safe_load(front) or {}, body


def next_version(version: str) -> str:
    parts = str(version).split(".")
    parts[-1] = str(int(parts[-1]) + 1) if parts[-1].isdigit() else parts[-1] + ".1"
    return ".".join(parts)


def next_edition(path: Path, result, today: dt.date) -> tuple[str, list[str], str]:
    """(the file's new text, notes for the report, the new version) for `result` as the next edition."""
    old, _ = read_front_matter(path)
    notes = []
    fields = {key: old[key] for key in KEPT if key in old}
    for key in STATED:
        if key in result.fields and key not in result.guessed:
            fields[key] = result.fields[key]
        elif key in old:
            fields[key] = old[key]
    if "appointed_by" not in result.guessed and "appointment_note" not in result.fields:
        fields.pop("appointment_note", None)  # the document names who appoints: the old note no longer holds
    imported_title = str(result.fields.get("title", ""))
    if imported_title and imported_title.lower() != str(old.get("title", "")).lower():
        notes.append(f"в документе наименование «{imported_title}», у должности — «{old.get('title')}»: оставлено "
                     "прежнее; если должность переименована, поправьте title, genitive и dative")
    history = list(old.get("history") or [])
    if old.get("status") == "проект":  # a draft replaced by a newer draft: the edition in force is already in history
        version = str(old.get("version") or "1.0")
    else:
        entry = {key: old[key] for key in ("version", "approved", "approval", "changes") if key in old}
        history.insert(0, entry)
        version = next_version(str(old.get("version") or "1.0"))
        stated = str(result.fields.get("version") or "")
        if "version" not in result.guessed and _later(stated, str(old.get("version") or "0")):
            version = stated  # «Редакция 2.0» in the document
    fields["status"] = "проект"
    fields["version"] = version
    approved = result.fields.get("approved")
    previous = history[0].get("approved") if history else None
    if "approved" in result.guessed or not isinstance(approved, dt.date) or (
            isinstance(previous, dt.date) and approved <= previous):
        approved = max(today, previous + dt.timedelta(days=1)) if isinstance(previous, dt.date) else today
        notes.append(f"дата утверждения новой редакции не найдена в документе: записано {approved:%d.%m.%Y} — "
                     "впишите дату приказа в approved")
    fields["approved"] = approved
    fields["approval"] = result.fields.get("approval") or {"number": "___"}
    fields["changes"] = "новая редакция из Word: опишите, что изменилось"
    comments = {"status": "после утверждения напишите status: действует",
                "changes": "впишите, что изменилось по сравнению с прежней редакцией"}
    if fields["approval"].get("number") == "___":
        comments["approval"] = "впишите номер приказа об утверждении новой редакции"
    front = markdown.front_matter(fields, comments).rstrip("\n").removesuffix("---")
    extra = {key: value for key, value in old.items()
             if key not in fields and key not in DROPPED and key != "history"}
    if history:
        extra["history"] = history
    if extra:
        front += yaml.safe_dump(extra, allow_unicode=True, sort_keys=False, width=1000)
    body = result.text.split("---", 2)[2]
    return front + "---" + body, notes, version


def _later(version: str, than: str) -> bool:
    try:
        return tuple(map(int, version.split("."))) > tuple(map(int, than.split(".")))
    except ValueError:
        return False
