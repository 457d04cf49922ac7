"""The site navigation, generated from the positions: home, procedure, then one section per department."""

from __future__ import annotations

from markupsafe import escape

from .positions import Staff

FIXED_PAGES = [{"Главная": "index.md"}, {"Порядок разработки и утверждения": "procedure.md"}]


def navigation(staff: Staff) -> list:
    nav = list(FIXED_PAGES)
    for department, positions in staff.departments().items():
        # MkDocs and Material treat navigation titles as HTML: front-matter text is escaped here, once.
        section = [{str(escape(p.title)): f"positions/{p.slug}.md"} for p in positions]
        nav.append({str(escape(department)): section})
    return nav
