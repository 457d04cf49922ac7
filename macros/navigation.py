"""The site navigation, generated from the positions: fixed pages, then the positions by department.

The departments sit one level below a «Должности» section so that Material's navigation.prune can
collapse every department but the current page's: with navigation.sections, top-level sections are
always rendered in full, so departments at the top level would put every position on every page.
"""

from __future__ import annotations

from markupsafe import escape

from .org import departments_in_rank_order
from .positions import Staff

FIXED_PAGES = [
    {"Главная": "index.md"},
    {"Оргструктура": "structure.md"},
    {"Подразделения и категории": "tags.md"},
    {"Порядок разработки и утверждения": "procedure.md"},
]
POSITIONS_SECTION = "Должности"


def navigation(staff: Staff) -> list:
    departments = [
        # MkDocs and Material treat navigation titles as HTML: front-matter text is escaped here, once.
        {str(escape(department)): [{str(escape(p.title)): p.src_path} for p in positions]}
        for department, positions in departments_in_rank_order(staff).items()
    ]
    return [*FIXED_PAGES, {POSITIONS_SECTION: departments}]
