"""Macros HR calls in a position file; each renders one template from macros/templates/.

The wording lives in the templates, not here: this module only gathers what a template
needs (the page's position, the positions it refers to, the company requisites).
"""

from __future__ import annotations

from mkdocs.utils import get_relative_url

from . import org, verbatim
from ..model.company import Company
from ..model.positions import Position, Staff


class Boilerplate:
    """Renders the shared parts of an instruction for the page being built."""

    def __init__(self, env, staff: Staff):
        self.env = env
        self.staff = staff
        self.company = Company(env.conf["extra"], staff)
        # Finished forms skip Markdown and search when macros/hooks/forms.py will put them back.
        self.hold = verbatim.hold if verbatim.released_in(env.conf) else verbatim.inline

    def position(self) -> Position:
        page = self.env.page
        position = self.staff.by_src_path(page.file.src_uri)
        if position is None:
            raise ValueError(
                f"{page.file.src_uri}: макросы инструкции работают только в файлах должностей "
                "docs/positions/<имя>.md")
        return position

    def render(self, template: str, **context) -> str:
        position = self.position()
        extra = self.env.conf["extra"]
        context.setdefault("position", position)
        context.setdefault("page", self.env.page)
        context.setdefault("approval", self.company.approval(position))
        return self.env.env.get_template(template).render(
            company=extra["company"], staff=self.staff, **context)

    def related(self, position: Position, field: str) -> Position | None:
        slug = position.ref(field)
        return self.staff[slug] if slug else None

    def history(self) -> list[dict]:
        """Every approved edition, the current one first, each with its approval requisite."""
        position = self.position()
        current = {"version": position.version, "approved": position.approved, "current": True,
                   "approval": self.company.approval(position),
                   "changes": position.meta.get("changes") or ("первая редакция" if not position.meta.get("history") else "—")}
        earlier = position.meta.get("history") or []
        return [current] + [
            {"version": entry.get("version"), "approved": entry.get("approved"), "current": False,
             "approval": self.company.edition_approval(entry.get("approval"), entry.get("approved")),
             "changes": entry.get("changes") or ("первая редакция" if number == len(earlier) else "—")}
            for number, entry in enumerate(earlier, 1)]

    def register(self, env) -> None:
        def instruction_macro(function):
            # Only a position file can call it: the page check refuses it elsewhere (checks/pages.py).
            function.position_only = True
            return env.macro(function)

        @instruction_macro
        def approval_stamp() -> str:
            """On screen, the summary card under the title; then organisation, «УТВЕРЖДАЮ» stamp,
            «ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ» and the position's name; then (on screen) the other names of
            the position and its edit record."""
            here = self.env.page.url
            card = self.render("position_card.html", card=org.card(self.staff, self.position()),
                               href=lambda url: get_relative_url(url, here))
            # The other names stay in the Markdown, where search reads them; the finished
            # blocks around them skip Markdown and search (see verbatim.py).
            return (self.hold(card + "\n" + self.render("approval_stamp.html"), "approval_stamp")
                    + verbatim.trusted(self.render("aliases.html"))
                    + self.hold(self.render("position_record.html", history=self.history()), "approval_stamp"))

        @instruction_macro
        def general_provisions() -> str:
            """Section 1: category, appointment, subordination, stand-in, requirements, governing documents."""
            position = self.position()
            return self.render(
                "general_provisions.md",
                appointer=self.related(position, "appointed_by"),
                proposer=self.related(position, "proposed_by"),
                supervisor=self.related(position, "reports_to"),
                stand_in=self.related(position, "stand_in"),
                also=[self.staff[s] for s in position.meta.get("reports_to_also") or []],
            )

        @instruction_macro
        def common_rights() -> str:
            """Rights shared by every position, as numbered clauses of the «Права» section."""
            return self.render("common_rights.md")

        @instruction_macro
        def standard_liability() -> str:
            """Liability clauses shared by every position."""
            return self.render("standard_liability.md")

        @instruction_macro
        def signatures() -> str:
            """«Разработал / Согласовано» signature block."""
            signatories = self.company.signatories(self.position())
            return self.hold(self.render("signatures.html", signatories=signatories), "signatures")

        @instruction_macro
        def acknowledgement_sheet() -> str:
            """Лист ознакомления: a table with empty rows for employees' signatures."""
            rows = int(self.env.conf["extra"]["acknowledgement_rows"])
            return self.hold(self.render("acknowledgement_sheet.html", rows=rows), "acknowledgement_sheet")
