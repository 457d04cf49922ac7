"""The org structure implied by ``reports_to``: rank order, summary cards, the home page's catalog, org
chart, all derived from the model, so adding one position file is enough.
"""

from __future__ import annotations

import posixpath
import re

from mkdocs.utils import get_relative_url

from ..model.positions import Position, Staff

def departments_in_rank_order(staff: Staff) -> dict[str, list[Position]]:
    """Departments as in Staff.departments(); inside each, the department's head first."""
    return {
        name: sorted(positions, key=lambda p: (staff.rank(p), p.title))
        for name, positions in staff.departments().items()
    }


def card(staff: Staff, position: Position) -> dict:
    """What the summary card of a position shows (macros/templates/position_card.html; it makes the site
    URLs relative to the page showing it)."""
    def refs(positions) -> list[dict]:
        return [{"title": p.title, "url": p.url} for p in positions]

    def named(slugs) -> list[dict]:  # a slug that names no position (None included) is left out
        return refs(staff[slug] for slug in slugs if slug in staff)

    return {"department": position.department, "category": position.category,
            "supervisor": named([position.ref("reports_to")]), "stand_in": named([position.ref("stand_in")]),
            "also": named(position.meta.get("reports_to_also") or []), "subordinates": refs(staff.subordinates(position))}


# --- Org chart (Mermaid) ------------------------------------------------------------------

def node_id(position: Position) -> str:
    """A Mermaid node id from the slug; slugs are [a-z0-9-], so '-' -> '_' cannot collide."""
    return "p_" + position.slug.replace("-", "_")


# Mermaid writes a label into the page as HTML, reads `…` in a label as Markdown, `fa:fa-car` as an icon and
# `%%{init: …}%%` anywhere in the source as its settings (CSS, fetched addresses): every character that means
# something there becomes one of Mermaid's entity codes ('#' first), decoded after all of that is read.
MERMAID_ENTITIES = {"#": "#35;", '"': "#quot;", "<": "#lt;", ">": "#gt;", "&": "#amp;", "`": "#96;", "%": "#37;",
                    ":": "#58;"}
MERMAID_SPECIAL = re.compile("[" + re.escape("".join(MERMAID_ENTITIES)) + "]")


def mermaid_text(text: str) -> str:
    """Front-matter text safe inside a quoted Mermaid label: one line, shown exactly as typed."""
    text = re.sub(r"\s+", " ", str(text)).strip()
    return MERMAID_SPECIAL.sub(lambda found: MERMAID_ENTITIES[found.group(0)], text)


def reporting_tree(staff: Staff) -> list[dict]:
    """The same structure as the chart, as a tree: each position with its direct subordinates under it.
    Phones (where the chart would shrink to unreadable) and screen readers get this list."""
    def branch(position: Position, seen: frozenset) -> dict:
        also = [staff[slug] for slug in position.meta.get("reports_to_also") or [] if slug in staff]
        children = [branch(p, seen | {p.slug}) for p in staff.subordinates(position)
                    if p.slug not in seen and not p.is_abolished]
        return {"position": position, "also": also, "children": children}

    tops = [p for p in staff.existing() if staff.supervisor(p) is None]
    return [branch(p, frozenset({p.slug})) for p in tops]


def register(env, staff: Staff, hold) -> None:
    env.filter(node_id)
    env.filter(mermaid_text)

    @env.macro
    def position_catalog() -> str:
        """All positions grouped by department (the department's head first), with category and supervisor,
        each linking to its page."""
        here = posixpath.dirname(env.page.file.src_uri) or "."  # links from this file, which MkDocs checks
        return env.env.get_template("catalog.md").render(staff=staff, departments=departments_in_rank_order(staff),
                                                         link=lambda position: posixpath.relpath(position.src_path, here))

    @env.macro
    def org_chart() -> str:
        """The org chart: one node per position grouped by department, arrows from supervisor to subordinate;
        each node links to the position's page."""
        # Mermaid links are raw URLs (MkDocs does not rewrite them): make them relative to this page.
        here = env.page.url
        href = lambda position: get_relative_url(position.url, here)  # noqa: E731
        chart = env.env.get_template("org_chart.md").render(
            staff=staff, existing=staff.existing(), departments=departments_in_rank_order(staff), href=href)
        tree = env.env.get_template("org_tree.html").render(tree=reporting_tree(staff), href=href)
        return chart + hold(tree, "org_chart")
