"""The catalog of positions on the home page, generated from the positions' data."""

from __future__ import annotations

from .org import departments_in_rank_order, markdown_link
from ..model.positions import Staff


def register(env, staff: Staff) -> None:
    @env.macro
    def position_catalog() -> str:
        """All positions grouped by department (the department's head first), with category and supervisor,
        each linking to its page."""
        here = env.page.file.src_uri
        return env.env.get_template("catalog.md").render(
            staff=staff,
            departments=departments_in_rank_order(staff),
            link=lambda position: markdown_link(position, here),
        )
