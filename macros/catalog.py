"""The catalog of positions on the home page, generated from the positions' data."""

from __future__ import annotations

from .positions import Staff


def register(env, staff: Staff) -> None:
    @env.macro
    def position_catalog() -> str:
        """All positions grouped by department, with category and supervisor, each linking to its page."""
        return env.env.get_template("catalog.md").render(staff=staff, departments=staff.departments())
