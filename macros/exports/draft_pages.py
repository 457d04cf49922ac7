"""The pages of drafts set aside (model/drafts.py) in the site's own build, and their «Лист изменений».

A draft is a generated page ``positions/<slug>/draft/`` («ПРОЕКТ», its own PDF and .docx, not searched),
compared with the edition in force at ``compare/<in force>-draft/``. Called by hooks/editions.py.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File, InclusionLevel

from ..model.drafts import DRAFT_VERSION, Draft
from ..model.positions import Staff
from ..render import qr
from ..render.archive_links import comparison_file
from . import archive, archive_forms, cache, document_text, pdf
from .archive_pages import TEMPLATES, hidden_page


class DraftPages:
    """The draft pages of one build: which files they are, their sources, their comparisons."""

    def __init__(self, drafts: dict[str, Draft], staff: Staff, config, pdfs: bool, codes: qr.Codes):
        self.drafts, self.staff, self.config, self.pdfs, self.codes = drafts, staff, config, pdfs, codes
        self.by_position = {f"positions/{slug}.md": draft for slug, draft in drafts.items()}
        self.by_page = {draft.page: draft for draft in drafts.values()}
        self.by_comparison = {draft.comparison[:-1] + ".md": draft for draft in drafts.values()}
        self.blocks: dict[str, list[dict]] = {}

    def add_files(self, files) -> None:
        for draft in self.drafts.values():
            # Pages of their own, reached from the position's page: never in the menu (and not reported as missing there).
            page = File.generated(self.config, draft.page, content=draft.draft_text, inclusion=InclusionLevel.NOT_IN_NAV)
            page.source_file = f"docs/{draft.position.src_path}"  # the file HR edits: named in messages
            files.append(page)
            title = f"{draft.in_force.position.title}: сравнение редакции {draft.in_force.version} с проектом"
            files.append(hidden_page(self.config, draft.comparison[:-1] + ".md", title, tags=[]))

    def source(self, src_uri: str) -> str | None:
        """The position's page reads the edition in force, as committed."""
        draft = self.by_position.get(src_uri)
        return draft.text if draft else None

    def mark(self, page, files) -> None:
        """The draft's page is HR's, not the position's: no search entry, no tags; «edit» opens the position file."""
        if page.file.src_uri in self.by_comparison:
            page.edit_url = None  # generated: there is no file to edit
        draft = self.by_page.get(page.file.src_uri)
        if draft is not None:
            page.meta["search"] = {"exclude": True}
            page.meta["tags"] = []
            own = files.get_file_from_path(draft.position.src_path)
            page.edit_url = own.page.edit_url if own is not None and own.page is not None else None

    def page_content(self, src_uri: str, html: str) -> None:
        if src_uri in self.by_position or src_uri in self.by_page:
            self.blocks[src_uri] = document_text.blocks(html)

    def page_context(self, page) -> None:
        draft = self.by_comparison.get(page.file.src_uri)
        if draft is None:
            return
        in_force = archive.edition_side(draft.in_force)
        in_force["url"] = f"positions/{draft.slug}/"  # the position's page shows it
        newer = {"src": None, "version": draft.position.version, "approved": "", "order": "", "current": False,
                 "url": draft.url, "model": None, "effective": "", "draft": True, "position": draft.position}
        spec = archive.comparison_spec(self.config, self.staff, draft.slug, in_force, newer, draft.comparison,
                                       self.codes, self.pdfs)
        spec["pdf"] = comparison_file(draft.slug, draft.in_force.version, DRAFT_VERSION, "pdf") if self.pdfs else None
        rows = int(self.config["extra"].get("acknowledgement_rows", 12))
        page.content = archive_forms.comparison_html(
            archive_forms.comparison_templates(str(TEMPLATES)), spec,
            self.blocks.get(f"positions/{draft.slug}.md", []), self.blocks.get(draft.page, []), rows, page.url)

    def sheets(self, site: Path, settings: cache.Settings) -> str:
        """The PDF of each draft's «Лист изменений»."""
        jobs = [cache.Job(slug, site / draft.comparison / "index.html",
                          site / comparison_file(slug, draft.in_force.version, DRAFT_VERSION, "pdf"), None)
                for slug, draft in self.drafts.items()]
        return "Листы изменений проектов: " + str(pdf.build_pdfs(jobs, site, settings))
