"""An approved edition's text does not change silently. Before any page: a new ``version`` moves the previous
edition into ``history``; ``corrections`` cannot predate approval. After rendering: changed printed text
under the same ``version`` needs a declared correction.
"""

from __future__ import annotations

import datetime as dt
import re

import yaml

from ..model.editions import Archive
from ..model.positions import Position, Staff
from ..model.problems import PositionsError, Problem

SHARED_CORRECTIONS = "macros/templates/corrections.yml"
# "1.0" as CONTRIBUTING writes it (PyYAML quotes it as '1.0': the same value, an unfamiliar look).
QUOTED_VERSION = re.compile(r"^(- version: )'([0-9.]+)'$")


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
    listed = [str(entry.get("version")) for _, entry in position.entries("history")]
    if before.version in listed:
        return []
    history_line = position.line_of("history")
    where = (f"вставьте эти строки как есть сразу под строкой «history:» (строка {history_line})" if history_line
             else "вставьте эти строки как есть в данные должности, например перед строкой «tags:» или перед "
                  "закрывающей строкой ---")
    # The previous edition as YAML lines HR can paste unchanged: at column 0, valid, with its `changes`.
    entry: dict = {"version": before.version, "approved": before.approved}
    approval = before.meta.get("approval")
    if isinstance(approval, dict) and approval:
        entry["approval"] = approval
    elif number := re.search(r"№\s*(\S+)", str(before.meta.get("approval_order") or "")):  # the former field
        entry["approval"] = {"number": number.group(1)}
    changes = before.meta.get("changes")
    if isinstance(changes, str) and changes.strip():
        entry["changes"] = changes.strip()
    lines = yaml.safe_dump([entry], allow_unicode=True, sort_keys=False, default_flow_style=None,
                           width=10_000).splitlines()
    block = "\n".join(([] if history_line else ["history:"]) + ["  " + QUOTED_VERSION.sub(r'\1"\2"', line)
                                                                for line in lines])
    return [position.problem(
        f"редакция {before.version} заменена редакцией {position.version}, но в history нет записи "
        f"о редакции {before.version}",
        f"перенесите прежнюю редакцию в начало списка history (CONTRIBUTING.md, «Новая редакция»): {where}"
        f"\n\n{block}\n", "history", line=position.line_of("version"))]


def _corrections_dated(position: Position) -> list[Problem]:
    approved = position.approved
    problems = []
    for index, entry in position.entries("corrections"):
        day = entry.get("date")
        if isinstance(day, dt.date) and isinstance(approved, dt.date) and day < approved:
            problems.append(position.problem(
                f"запись {index + 1}: правка от {day:%d.%m.%Y} раньше утверждения редакции "
                f"{position.version} ({approved:%d.%m.%Y}) — вероятно, она относится к прежней редакции",
                "при новой редакции удалите прежние corrections: они остаются в архиве прежней редакции",
                "corrections", index))
    return problems


def silent_change(position: Position, description: str, own_declared: bool, shared_declared: bool,
                  own_changed: bool) -> Problem | None:
    """A change of the printed text under the same version, unless declared as an editorial correction."""
    if own_declared or (shared_declared and not own_changed):
        return None
    where = (" из-за изменения общих шаблонов или реквизитов компании" if not own_changed else "")
    fix = (f'если меняются обязанности, права или ответственность — выпустите новую редакцию: version: '
           f'"{_next(position.version)}", новые approved и approval, а редакцию {position.version} '
           'перенесите в начало history (CONTRIBUTING.md, «Новая редакция»); если это исправление опечатки, '
           'смысл не меняется — добавьте запись corrections: [{date: ГГГГ-ММ-ДД, note: что исправлено}]')
    if not own_changed:
        fix += f" (для общих шаблонов — одну запись в {SHARED_CORRECTIONS})"
    return position.problem(f"печатный текст утверждённой редакции {position.version} изменился{where}, а номер "
                            f"редакции прежний: {description}", fix, "version")


def unchanged_new_edition(position: Position, previous: str) -> str:
    return (f"{position.shown}:{position.line_of('version') or ''}: новая редакция {position.version}, но её "
            f"пункты не отличаются от редакции {previous}. Если текст должен был измениться, проверьте файл; "
            "если редакция переутверждена без изменений, всё верно")


def _next(version: str) -> str:
    return re.sub(r"(?:^|(?<=\.))\d+$", lambda last: str(int(last.group()) + 1), version)
