"""The plugin's editions step: the archive of editions, drafts set aside, and the check that no edition
changed silently. macros/plugin.py owns one Editions and calls it in its events; the work is done in
exports/archive_run.py, exports/archive_pages.py and checks/editions.py.
"""

from __future__ import annotations

import logging
from pathlib import Path

from ..exports import archive_run, cache
from ..exports.archive_pages import DraftPages
from ..model import history as git, published
from ..render import qr
from ..render.archive_links import Links

log = logging.getLogger("mkdocs.hooks.editions")


class Editions:
    """What this build publishes of the archive (links, QR codes), what define_env found for it, and the
    archive's and the drafts' pages of the build under way."""

    def __init__(self):
        self.links = Links()        # what pages may link to: the archive's pages, PDFs, .docx
        self.codes = qr.Codes()     # whether printouts carry a QR code, said once a build
        self.settings = self.pdfs = self.documents = None  # cache.Settings of the archive, PDFs and .docx
        self.base = ""              # option base: what edits are checked against
        self.publishing = False
        self.ledger: published.Ledger | None = None  # what the site this build replaces published
        # What define_env found (macros/__init__.py): the editions, the positions, drafts set aside, the macros.
        self.archive = self.staff = self.forms = None
        self.drafts_found: dict = {}
        self.pages = None           # the archive's pages of this build (exports/archive_pages.py)
        self.drafts: DraftPages | None = None

    def configure(self, config, command: str | None, options) -> None:
        """on_config, before define_env reads what the archive will publish. command None: a build through
        MkDocs' API, which runs no on_startup: no archive, as before."""
        project = Path(config.config_file_path).parent
        run = command or "build"
        self.settings = cache.Settings.from_options(run, project, options, "archive", folder="editions")
        self.pdfs = cache.Settings.from_options(run, project, options, "pdf")
        self.documents = cache.Settings.from_options(run, project, options, "docx")
        self.base = options.base
        if command is not None:
            pages = self.settings.enabled
            # serve publishes no archive, yet refuses a silent change of an approved edition (archive 0: not even that).
            self.links = Links(pages, pages and self.pdfs.enabled, pages and self.documents.enabled,
                               command == "serve" and not pages and options.archive != "0")
        self.codes = qr.Codes(qr.NOT_IN_SERVE if command == "serve" else None)
        # The publishing build reads what the site it replaces published (model/published.py), before site_dir moves.
        self.publishing = run == "build" and options.publish
        self.ledger = published.read(Path(config.site_dir)) if self.publishing else None

    def take(self, archive, staff, drafts, forms) -> None:
        """What define_env found: the editions (None when neither published nor checked) and the rest."""
        self.archive, self.staff, self.drafts_found, self.forms = archive, staff, drafts, forms

    def on_files(self, files, config):
        # Every edition and comparison: a page of this build, its text from its own commit.
        self.pages = None
        if self.links.pages and self.archive is not None and self.staff is not None:
            self.pages = archive_run.plan(self.archive, self.staff, config, self.forms, files, self.settings)
        # A draft of a new edition set aside by define_env: its own page and its comparison with the edition in force.
        self.drafts = None
        if self.drafts_found:
            self.drafts = DraftPages(self.drafts_found, self.staff, config,
                                     self.pdfs.enabled, self.codes)
            self.drafts.add_files(files)
        return files

    def on_page_read_source(self, page, config):
        # The position's page of a draft set aside is the edition in force, as committed (None: read the file).
        return self.drafts.source(page.file.src_uri) if self.drafts else None

    def on_page_markdown(self, markdown, page, config, files):
        if self.drafts:
            self.drafts.mark(page, files)
        return markdown

    def on_page_content(self, html, page, config, files):
        for pages in filter(None, (self.pages, self.drafts)):  # the body as every other step left it
            pages.page_content(page.file.src_uri, html)
        return html

    def on_page_context(self, context, page, config, nav):
        for pages in filter(None, (self.pages, self.drafts)):
            pages.page_context(page)
        return context

    def on_post_build(self, config):
        if self.drafts and self.pdfs.enabled:
            log.info(self.drafts.sheets(Path(config.site_dir), self.pdfs))
        if self.pages is None:
            if self.links.checks and self.archive is not None and self.staff is not None:
                # `mkdocs serve` without the archive: only the check that no edition changed silently.
                archive_run.check_only(self.archive, self.staff, config, self.forms, self.settings)
            else:
                self._record(config, None, {})
            return
        self._record(config, self.archive, archive_run.finish(self.pages, config, self.pdfs, self.documents))

    def _record(self, config, editions, printed: dict) -> None:
        """The publishing build's ledger, into the site it publishes; kept as it was when there is no archive."""
        if not self.publishing:
            return
        if editions is not None and editions.complete:
            head = git.resolve(Path(config.config_file_path).parent, "HEAD")
            published.write(Path(config.site_dir), published.next_ledger(self.ledger, head, printed))
        elif self.ledger is not None:
            published.write(Path(config.site_dir), self.ledger)
