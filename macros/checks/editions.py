"""An approved edition's text does not change silently: checks of a change against the base commit.

Two kinds of check, both about what changed since the base (model/editions.py: the commit a pull
request starts from, or the previous commit):

- before any page is written: a new ``version`` must move the previous edition into ``history``, and
  the ``corrections`` of an edition cannot predate its approval;
- after the archive has rendered both states of a changed position (exports/archive.py): printed text
  that changed under the same ``version`` needs a declared editorial correction (``corrections`` in the
  position file, or for shared templates and requisites ``macros/templates/corrections.yml``), and a new
  edition whose clauses did not change at all gets a warning.

Judging only: the texts are given; nothing here renders or reads git.
"""

from __future__ import annotations

import datetime as dt

from ..model.editions import Archive
from ..model.positions import Position, Staff
from ..model.problems import PositionsError, Problem, shown

SHARED_CORRECTIONS = "macros/templates/corrections.yml"


def raise_history_problems(archive: Archive | None, staff: Staff) -> None:
    problems = []
    for position in staff.positions.values():
        problems += _corrections_dated(position)
        base = archive.base.get(position.slug) if archive else None
        if base is not None and not base.position.is_draft and base.version != position.version:
            problems += _previous_in_history(position, base.position)
    if problems:
        raise PositionsError(problems)


def _previous_in_history(position: Position, before: Position) -> list[Problem]:
    listed = [str(entry.get("version")) for entry in position.meta.get("history") or [] if isinstance(entry, dict)]
    if before.version in listed:
        return []
    approval = before.meta.get("approval")
    written = (f'approval: {{{", ".join(f"{k}: {v}" for k, v in approval.items())}}}' if isinstance(approval, dict)
               else f'approval_order: "{before.approval_order}"')
    entry = f'- version: "{before.version}"  approved: {before.approved}  {written}'
    return [Problem(
        shown(position), f"редакция {before.version} заменена редакцией {position.version}, но в history нет записи "
        f"о редакции {before.version}",
        f"перенесите прежнюю редакцию в начало списка history (CONTRIBUTING.md, «Новая редакция»): {entry}",
        field="history", line=position.line_of("history") or position.line_of("version"))]


def _corrections_dated(position: Position) -> list[Problem]:
    approved = position.approved
    problems = []
    for index, entry in enumerate(position.meta.get("corrections") or []):
        day = entry.get("date") if isinstance(entry, dict) else None
        if isinstance(day, dt.date) and isinstance(approved, dt.date) and day < approved:
            problems.append(Problem(
                shown(position), f"запись {index + 1}: правка от {day:%d.%m.%Y} раньше утверждения редакции "
                f"{position.version} ({approved:%d.%m.%Y}) — вероятно, она относится к прежней редакции",
                "при новой редакции удалите прежние corrections: они остаются в архиве прежней редакции",
                field="corrections", line=position.line_of("corrections", index)))
    return problems


def silent_change(position: Position, description: str, own_declared: bool, shared_declared: bool,
                  own_changed: bool) -> Problem | None:
    """A change of the printed text under the same version, unless declared as an editorial correction."""
    if own_declared or (shared_declared and not own_changed):
        return None
    where = ("из-за изменения общих шаблонов или реквизитов компании" if not own_changed else "")
    fix = (f'если меняются обязанности, права или ответственность — выпустите новую редакцию: version: '
           f'"{_next(position.version)}", новые approved и approval, а редакцию {position.version} '
           'перенесите в начало history (CONTRIBUTING.md, «Новая редакция»); если это исправление опечатки, '
           'смысл не меняется — добавьте запись corrections: [{date: ГГГГ-ММ-ДД, note: что исправлено}]')
    if not own_changed:
        fix += f" (для общих шаблонов — одну запись в {SHARED_CORRECTIONS})"
    return Problem(
        shown(position), f"печатный текст утверждённой редакции {position.version} изменился {where}, а номер "
        f"редакции прежний: {description}".replace("  ", " "),
        fix, field="version", line=position.line_of("version"))


def unchanged_new_edition(position: Position, previous: str) -> str:
    return (f"{shown(position)}:{position.line_of('version') or ''}: новая редакция {position.version}, но её "
            f"пункты не отличаются от редакции {previous}. Если текст должен был измениться, проверьте файл; "
            "если редакция переутверждена без изменений, всё верно")


def _next(version: str) -> str:
    parts = version.split(".")
    if parts and parts[-1].isdigit():
        parts[-1] = str(int(parts[-1]) + 1)
    return ".".join(parts)
