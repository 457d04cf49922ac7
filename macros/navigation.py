"""The site navigation, generated from the positions: home, procedure, then one section per department."""

from __future__ import annotations

from .positions import Staff

FIXED_PAGES = [{"Главная": "index.md"}, {"Порядок разработки и утверждения": "procedure.md"}]


def navigation(staff: Staff) -> list:
    nav = list(FIXED_PAGES)
    for department, positions in staff.departments().items():
        nav.append({department: [{p.title: f"positions/{p.slug}.md"} for p in positions]})
    return nav
