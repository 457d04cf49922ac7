"""Macros HR calls in a position file; each renders one template from macros/templates/ and only gathers
what it needs. An archived edition overrides where those come from (exports/archive_forms.py).
"""

from __future__ import annotations

from mkdocs.utils import get_relative_url

from ..model.markup import SIMPLE_CALL
from . import org, preview, qr, verbatim
from .archive_links import Links
from ..model.build_cache import BuildCache
from ..model.company import Company
from ..model.editions import Archive, comparison_url, edition_url
from ..model.positions import Position, Staff


class Boilerplate:
    """Renders the shared parts of an instruction for the page being built."""

    def __init__(self, env, staff: Staff, archive: Archive | None = None, links: Links | None = None,
                 codes: qr.Codes | None = None):
        self.env, self.staff, self.archive = env, staff, archive
        # What this build publishes of the archive, and whether it prints QR codes (the plugin decides both).
        self.links = links if links is not None else Links()
        self.codes = codes if codes is not None else qr.Codes()
        self.site_macros: dict = {}  # the macros a page may call, once define_env has registered them all
        self.speaking_for: Position | None = None  # another position, while its clauses are numbered
        self.clause_writers: dict = {}  # the macros that write numbered clauses, by name
        self._numbered: dict = {}
        self.cache = BuildCache(None)  # the build's, when the site's plugin runs (define_env sets it)
        # Finished forms skip Markdown and search when the site's plugin will put them back (verbatim.py).
        self.blocks = verbatim.blocks_in(env.conf)
        self.hold = self.blocks.hold if verbatim.released_in(env.conf) else self.blocks.inline

    def position(self) -> Position:
        if self.speaking_for is not None:
            return self.speaking_for
        position = self.staff.by_src_path(src_uri := self.env.page.file.src_uri)
        if position is None:
            raise ValueError(f"{src_uri}: макросы инструкции работают только в файлах должностей "
                             "docs/positions/<имя>.md")
        return position

    def staff_here(self) -> Staff:
        """The positions the page being built may name (an archived edition: those of its commit)."""
        return self.staff

    def clause_numbers(self, slug: str) -> tuple[Position, dict[str, str]] | None:
        """Another position and the numbers of its labelled clauses («п. 2.7 должностной инструкции …»):
        its clause macros expanded, read as CommonMark reads it (which the site's numbering matches)."""
        staff = self.staff_here()
        if slug not in staff:
            return None
        key = (id(staff), slug)
        if key not in self._numbered:
            target = staff[slug]
            previous, self.speaking_for = self.speaking_for, target
            try:
                text = SIMPLE_CALL.sub(lambda call: str(self.clause_writers[call.group(1)]())
                                       if call.group(1) in self.clause_writers else "", target.body)
            finally:
                self.speaking_for = previous
            self._numbered[key] = (target, preview.label_numbers(
                preview.read(text.split("\n"), self.cache)[1]))
        return self._numbered[key]

    # Where a document's parts come from; an archived edition answers from its own commit.
    def extra(self) -> dict:
        return self.env.conf["extra"]

    def templates(self):
        return self.env.env

    def rules(self) -> Company:
        """Who approves, drafts and agrees (model/company.py), from the same requisites as the document."""
        return Company(self.extra(), self.staff_here())

    def related(self, position: Position, field: str) -> Position | None:
        slug = position.ref(field)
        return self.related_slug(slug) if slug else None

    def render(self, template: str, **context) -> str:
        position = self.position()
        context.setdefault("position", position)
        context.setdefault("page", self.env.page)
        return self.templates().get_template(template).render(
            company=self.extra()["company"], staff=self.staff_here(), **context)

    def href(self, url: str) -> str:
        """A site URL made relative to the page being built."""
        return get_relative_url(url, self.env.page.url)

    # The screen-only parts around the document header, and its QR code.
    def before_header(self) -> str:
        return self.render("position_card.html", card=org.card(self.staff, self.position()), href=self.href)

    def after_header(self) -> str:
        position = self.position()
        draft = self.staff.drafts.get(position.slug)
        if draft is not None and position is draft:  # the draft's own page: a notice instead of the history
            return self.render("draft_notice.html", in_force=self.archive.current(position.slug),
                               position_url=position.url, comparison=self._draft_comparison(position.slug),
                               href=self.href)
        editions = self.archive.of(position.slug) if self.archive else []
        pairs = [(older, newer) for at, newer in reversed(list(enumerate(editions))) for older in editions[:at]]
        known = {edition.version for edition in editions}
        # Editions listed in `history` but older than the repository: shown without links.
        unlisted = [entry for entry in position.meta.get("history") or []
                    if isinstance(entry, dict) and str(entry.get("version")) not in known]
        return self.render("position_record.html", editions=editions, pairs=pairs, href=self.href, links=self.links,
                           draft=draft, draft_url=f"{position.url}draft/",
                           draft_comparison=self._draft_comparison(position.slug) if draft else "",
                           unlisted=unlisted, approval_of=self.rules().edition_approval,
                           edition_url=edition_url, comparison_url=comparison_url)

    def _draft_comparison(self, slug: str) -> str:
        edition = self.archive.current(slug) if self.archive else None
        return comparison_url(slug, edition.version, "draft") if edition else ""

    def qr_target(self) -> str | None:
        position = self.position()
        return self.codes.address(self.env.conf.get("site_url"), edition_url(position.slug, position.version))

    def qr_code(self) -> str:
        if self.position().is_draft:
            return self.render("draft_mark.html")  # a draft has no edition to lead to: «ПРОЕКТ» on every page
        target = self.qr_target()  # None without site_url or under `mkdocs serve`
        if target is None:
            self.codes.explain_missing(self.codes.disabled_reason or qr.NO_SITE_URL)
            return ""
        return self.env.env.get_template("edition_qr.html").render(code=qr.svg(target), target=target)

    def register(self, env) -> None:
        def instruction_macro(function):
            # Only a position file can call it: the page check refuses it elsewhere (checks/pages.py).
            function.position_only = True
            return env.macro(function)

        @instruction_macro
        def approval_stamp() -> str:
            """The summary card, organisation, approval stamp, title and QR code; then the other names (left
            in the Markdown, where search reads them) and the edit record."""
            stamp = self.render("approval_stamp.html", approval=self.rules().approval(self.position()))
            return (self.hold(self.before_header() + "\n" + stamp + self.qr_code(), "approval_stamp")
                    + self.blocks.trusted(self.render("aliases.html"))
                    + self.hold(self.after_header(), "approval_stamp"))

        @instruction_macro
        def general_provisions() -> str:
            """Section 1: category, appointment, subordination, stand-in, requirements, governing documents."""
            position = self.position()
            return self.render("general_provisions.md", appointer=self.related(position, "appointed_by"),
                               proposer=self.related(position, "proposed_by"),
                               supervisor=self.related(position, "reports_to"),
                               stand_in=self.related(position, "stand_in"),
                               also=[self.related_slug(s) for s in position.meta.get("reports_to_also") or []])

        @instruction_macro
        def common_rights() -> str:
            """Rights shared by every position, as numbered clauses of the «Права» section."""
            return self.render("common_rights.md")

        @instruction_macro
        def standard_liability() -> str:
            """Liability clauses shared by every position."""
            return self.render("standard_liability.md")

        self.clause_writers = {"general_provisions": general_provisions, "common_rights": common_rights,
                               "standard_liability": standard_liability}

        @instruction_macro
        def signatures() -> str:
            """«Разработал / Согласовано» signature block."""
            # `drafter` for the signature templates of editions approved before `signatories` existed.
            return self.hold(self.render("signatures.html", signatories=self.rules().signatories(self.position()),
                                         drafter=self.related(self.position(), "reports_to")), "signatures")

        @instruction_macro
        def acknowledgement_sheet() -> str:
            """Лист ознакомления: empty rows for employees' signatures (none for an unapproved draft)."""
            if self.position().is_draft:
                return ""
            rows = int(self.extra()["acknowledgement_rows"])
            return self.hold(self.render("acknowledgement_sheet.html", rows=rows,
                                         approval=self.rules().approval(self.position())), "acknowledgement_sheet")

    def related_slug(self, slug: str) -> Position:
        return self.staff[slug]
