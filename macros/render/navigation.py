"""The site navigation, generated from the positions: fixed pages, HR's guide, then the positions by department.

Departments sit under «Должности» so navigation.prune collapses all but the current page's; a large
department is split by category and a large category by team, so a page's menu stays short.
"""

from __future__ import annotations

from markupsafe import escape

from .org import departments_in_rank_order
from ..model.positions import Staff

FIXED_PAGES = [
    {"Главная": "index.md"},
    {"Оргструктура": "structure.md"},
    {"Подразделения и категории": "tags.md"},
    {"Порядок разработки и утверждения": "procedure.md"},
]
# HR's guide (docs/guide/), one level down like the departments: navigation.prune shows one link to it.
GUIDE_SECTION = {"Для отдела персонала": [{"Руководство отдела персонала": [
    {"Как править инструкции": "guide/index.md"},
    {"Файл должности": "guide/position-file.md"},
    {"Поля данных должности": "guide/fields.md"},
    {"Гриф утверждения и подписи": "guide/approval.md"},
    {"Редакции, проект, архив": "guide/editions.md"},
    {"Печать, PDF и Word": "guide/printing.md"},
    {"Перенос инструкций из Word": "guide/word-import.md"},
    {"Поиск": "guide/search.md"},
    {"Сообщения проверки": "guide/errors.md"},
    {"Настройки компании": "guide/company.md"},
]}]}
POSITIONS_SECTION = "Должности"
# A department with more positions than this is shown in the menu as groups by category.
LARGE_DEPARTMENT = 30
CATEGORY_ORDER = ("руководители", "специалисты", "служащие", "рабочие")


def navigation(staff: Staff) -> list:
    # MkDocs and Material treat navigation titles as HTML: front-matter text is escaped here, once.
    departments = [{str(escape(department)): _by_category(staff, positions)}
                   for department, positions in departments_in_rank_order(staff).items()]
    return [*FIXED_PAGES, GUIDE_SECTION, {POSITIONS_SECTION: departments}]


def _items(positions: list) -> list:
    return [{str(escape(position.title)): position.src_path} for position in positions]


def _by_category(staff: Staff, positions: list) -> list:
    if len(positions) <= LARGE_DEPARTMENT:
        return _items(positions)
    groups: dict[str, list] = {}
    for position in positions:
        groups.setdefault(position.category, []).append(position)
    ordered = sorted(groups, key=lambda c: CATEGORY_ORDER.index(c) if c in CATEGORY_ORDER else len(CATEGORY_ORDER))
    return [{category.capitalize(): _by_team(staff, groups[category])} for category in ordered]


def _by_team(staff: Staff, positions: list) -> list:
    """A category's positions; a large one as teams: «Подчинённые: <supervisor>», one per supervisor."""
    if len(positions) <= LARGE_DEPARTMENT:
        return _items(positions)
    teams: dict[str, list] = {}
    for position in positions:
        supervisor = staff.supervisor(position)
        teams.setdefault(f"Подчинённые: {supervisor.title}" if supervisor else "Без руководителя", []).append(position)
    if len(teams) == 1:
        return _items(positions)
    return [{str(escape(label)): _items(team)} for label, team in teams.items()]
