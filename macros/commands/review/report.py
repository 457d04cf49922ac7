"""The review of a pull request as data: every position whose printed text changes, with its
clauses in an amending order's words, whether the change is declared, and why it changed.

Plain data in, plain data out (the Markdown and HTML are made from it in output.py), so the tests
can read it; the changes are worded as the «Лист изменений» words them (exports/change_sheet.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...exports import document_text
from . import facts
from .facts import Side
from ...exports import change_sheet, compare

POSITIONS = "docs/positions/"


@dataclass
class Review:
    slug: str
    title: str
    file: str
    old_version: str  # "" when the position is new
    new_version: str  # "" when the position is removed
    direct: bool  # its own file changed
    declared: bool
    declaration: str
    wording: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)


@dataclass
class Report:
    base: str  # as the person asked for it: origin/main
    base_commit: str
    head_commit: str
    reviews: list[Review]

    @property
    def direct(self) -> list[Review]:
        return [r for r in self.reviews if r.direct]

    @property
    def indirect(self) -> list[Review]:
        return [r for r in self.reviews if not r.direct]

    @property
    def undeclared(self) -> list[Review]:
        return [r for r in self.reviews if not r.declared]


def review(base_pages: dict[str, str], head_pages: dict[str, str], base: Side, head: Side,
           changed: list[str]) -> list[Review]:
    """A Review for every position page whose printed text differs between the two builds."""
    found = []
    for slug in sorted(set(base_pages) | set(head_pages)):
        old, new = base_pages.get(slug), head_pages.get(slug)
        if old is not None and new is not None and document_text.printed_text(old) == document_text.printed_text(new):
            continue
        found.append(_one(slug, old, new, base, head, changed))
    return sorted(found, key=lambda r: (not r.direct, r.title))


def _one(slug: str, old: str | None, new: str | None, base: Side, head: Side, changed: list[str]) -> Review:
    before, now = base.staff.positions.get(slug), head.staff.positions.get(slug)
    shown = now or before
    file = POSITIONS + (shown.src_path.split("/", 1)[1] if shown else f"{slug}.md")
    direct = file in changed
    declared, declaration = _declaration(before, now, direct, head.shared_corrections[len(base.shared_corrections):])
    item = Review(slug, str(shown.meta.get("title")) if shown else slug, file,
                  before.version if before and old is not None else "",
                  now.version if now and new is not None else "", direct, declared, declaration)
    if old is not None and new is not None:
        item.wording = change_sheet.wording(compare.amendments(document_text.blocks(old), document_text.blocks(new)))
        if not item.wording:
            item.wording = ["Изменяются реквизиты, подписи или лист ознакомления (пункты не меняются)."]
    item.reasons = _reasons(slug, file, direct, base, head, changed)
    return item


def _declaration(before, now, direct: bool, shared_added: list) -> tuple[bool, str]:
    """Whether the change is declared, and how: (True, «новая редакция 1.1 вместо 1.0, …») or (False, …)."""
    if now is None:
        return True, "файл должности удаляется: страницы и печатной формы больше не будет"
    if before is None:
        return True, f"новая инструкция, редакция {now.version or '—'}" + (" (проект)" if now.is_draft else "")
    if now.is_draft:
        return True, "проект (status: проект): текст ещё не утверждён, подписывать пока нечего"
    if before.version != now.version:
        return True, f"новая редакция {now.version} вместо {before.version}{_approval(now)}"
    if before.is_draft:
        return True, f"проект утверждается как редакция {now.version}{_approval(now)}"
    own = facts.corrections(now)[len(facts.corrections(before)):]
    if own:
        return True, f"редакционная правка редакции {now.version}: {_notes(own)}"
    if shared_added and not direct:
        return True, f"редакционная правка общих шаблонов ({facts.SHARED_CORRECTIONS}): {_notes(shared_added)}"
    return False, (f"НЕ ОБЪЯВЛЕНО: печатный текст меняется, а редакция прежняя ({now.version}). Объявите новую "
                   "редакцию (version, approved, approval) или, если смысл не меняется, "
                   "редакционную правку (corrections)")


def _approval(position) -> str:
    order = position.approval_order
    return f", документ об утверждении: {order}" if order else ""


def _notes(entries: list) -> str:
    return "; ".join(f"«{entry.get('note') if isinstance(entry, dict) else entry}»" for entry in entries)


def _reasons(slug: str, file: str, direct: bool, base: Side, head: Side, changed: list[str]) -> list[str]:
    reasons = [f"изменён файл должности {file}"] if direct else []
    templates = [name for name in changed if name.startswith(facts.TEMPLATES) and name != facts.SHARED_CORRECTIONS]
    if templates:
        reasons.append("изменён общий шаблон " + ", ".join(templates))
    settings = facts.changed_settings(base, head)
    if settings:
        reasons.append("изменены настройки компании (extra: в mkdocs.yml): " + ", ".join(settings))
    position = head.staff.positions.get(slug) or base.staff.positions.get(slug)
    if position is not None:
        renamed = facts.renamed_posts(base, head)
        for other, key in facts.references(position, head.extra).items():
            if other in renamed:
                old, new = renamed[other]
                reasons.append(f"изменено наименование должности «{old}» → «{new}» ({key}: {other})")
    code = [name for name in changed
            if name.startswith(("macros/", "overrides/")) and not name.startswith(facts.TEMPLATES)]
    if not reasons and code:
        reasons.append("изменён код сборки: " + ", ".join(code[:5]) + (" и др." if len(code) > 5 else ""))
    return reasons or ["причина не найдена среди изменённых файлов: проверьте изменения вручную"]
