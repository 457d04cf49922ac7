"""The plugin's editions step: on_files adds the archive's pages its cache lacks and the drafts' pages to the
build; after it they are cached and published, their PDFs, .docx and change sheets made, and an edition
changed silently since the base commit stops the build (checks/editions.py).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError

from ..checks import editions as checks
from ..exports import archive, archive_sources, cache, compare, pdf, word
from ..exports.archive_pages import ArchivePages, DraftPages
from ..model import history as git, published
from ..model.editions import Archive, corrections
from ..model.problems import PositionsError
from ..render import qr
from ..render.archive_links import Links, download_of_page, edition_file

NO_HISTORY = ("Архив редакций: сборка из копии без истории git — опубликованы только действующие редакции; "
              "прежние редакции и проверка правок без новой редакции нужны полной копии репозитория")
SHALLOW = ("Архив редакций: история git неполная (shallow clone) — опубликованы только действующие редакции. "
           "Нужна вся история: git fetch --unshallow (в CI: actions/checkout с fetch-depth: 0); "
           "собрать без архива намеренно: JOBDESC_ARCHIVE=0")
EDITION_TOO_SLOW = ("это прежняя редакция из истории git, её текст уже не исправить; сообщите разработчикам, "
                    "а пока соберите сайт без архива редакций: JOBDESC_ARCHIVE=0 mkdocs build")

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
        self.pages = self.drafts = None  # the ArchivePages and DraftPages of the build under way

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

    def on_files(self, files, config) -> None:
        found = self.archive is not None and self.staff is not None
        self.pages = self._plan(config, files) if self.links.pages and found else None
        # A draft of a new edition set aside by define_env: its own page and its comparison with the edition in force.
        self.drafts = None
        if self.drafts_found:
            self.drafts = DraftPages(self.drafts_found, self.staff, config, self.pdfs.enabled, self.codes)
            self.drafts.add_files(files)

    def source(self, page) -> str | None:
        """The position's page of a draft set aside is the edition in force, as committed (None: read the file)."""
        draft = self.drafts.by_position.get(page.file.src_uri) if self.drafts else None
        return draft.text if draft else None

    def building(self) -> list:
        """The archive's and the drafts' pages of this build: they take each page's body and context."""
        return [pages for pages in (self.pages, self.drafts) if pages]

    def on_post_build(self, config):
        if self.drafts and self.pdfs.enabled:
            log.info(self.drafts.sheets(Path(config.site_dir), self.pdfs))
        if self.pages is not None:
            self._record(config, self._finish(config))
        elif self.links.checks and self.archive is not None and self.staff is not None:
            # `mkdocs serve` without the archive: only the two states of each position changed under the same version.
            if self.archive.complete and (pages := self._plan(config)) is not None:
                pages.render_states(config)
                _judge(pages)
        else:
            self._record(config, None)

    def _plan(self, config, files=None) -> ArchivePages | None:
        """The archive's pages, those the cache lacks added to this build's files; and the states to check.
        files None (`mkdocs serve`): only the states to check, None when there are none."""
        planner = archive.Planner(self.archive, self.staff, config, Path(config.config_file_path).parent,
                                  self.forms.links, self.forms.codes)
        checked = planner.changed_under_same_version()
        if files is None and not checked:
            return None
        states = [planner.state_job(state, f"checks/{slug}/{side}.md") for slug, (base, _) in checked.items()
                  for side, state in (("base", base), ("now", self.archive.current(slug).snapshot))]
        jobs = (planner.jobs() if files is not None else []) + states
        pages = ArchivePages(planner, self.forms, jobs, self.settings, checked)
        if files is not None:
            pages.add_files(files, config)
        return pages

    def _finish(self, config) -> dict[str, tuple[str, bool]]:
        """After the build: the archive's pages cached and published, their PDFs and .docx, the checks; each
        edition's printed text and whether it is in force, by its address (the publishing ledger keeps them)."""
        pages, site, status = self.pages, Path(config.site_dir), self.archive.history.status
        if status == git.NO_HISTORY:
            log.info(NO_HISTORY)
        pages.render_states(config)
        log.info(pages.publish(site))
        editions = [job for job in pages.jobs if job.kind == "edition"]
        if self.pdfs.enabled:
            log.info(_edition_files(editions, site, pdf.PDF_DIR, self.pdfs, pdf.build_pdfs))
            sheets = [cache.Job(site / job.dest, site / job.spec["pdf"], None)
                      for job in pages.jobs if job.kind == "compare" and job.spec.get("pdf")]
            log.info("Листы изменений: " + pdf.build_pdfs(sheets, site, self.pdfs))
        if self.documents.enabled:
            log.info(_edition_files(editions, site, word.DOCX_DIR, self.documents, word.build_docx))
        _judge(pages)
        if status == git.SHALLOW:  # then there is no base, and nothing to judge
            log.warning(SHALLOW)
        return {job.edition.url: (pages.models.get(job.src, {}).get("printed", ""), job.edition.current)
                for job in editions}

    def _record(self, config, printed: dict | None) -> None:
        """The publishing build's ledger, into the site it publishes; kept as it was when there is no archive."""
        if not self.publishing:
            return
        if printed is not None and self.archive.complete:
            head = git.resolve(Path(config.config_file_path).parent, "HEAD")
            published.write(Path(config.site_dir), published.next_ledger(self.ledger, head, printed))
        elif self.ledger is not None:
            published.write(Path(config.site_dir), self.ledger)


def _edition_files(editions: list, site: Path, extension: str, settings, build) -> str:
    """The PDF (or .docx) of every edition page; the one in force is the position's own file under its edition name."""
    jobs = []
    for job in editions:
        edition = job.edition
        target = site / edition_file(edition.slug, edition.version, extension)
        own = site / download_of_page(f"positions/{edition.slug}.md", extension)
        if edition.current and own.is_file():
            cache.place(own, target)
        else:
            source = f"docs/positions/{edition.slug}.md, редакция {edition.version} (из истории git)"
            jobs.append(cache.job_for(site / job.dest, target, edition.approved, source))
    try:
        return "Архив редакций: " + build(jobs, site, settings)
    except pdf.PageTooSlow as slow:  # an edition's text is history: it cannot be edited any more
        raise PluginError("Архив редакций: " + str(pdf.PageTooSlow(slow.job, slow.seconds, EDITION_TOO_SLOW))) from None


def _judge(pages: ArchivePages) -> None:
    """Stops the build on editions changed silently; warns in the log of new editions that change nothing."""
    planner, models, problems = pages.planner, pages.models, []
    found, staff = planner.archive, planner.staff
    shared = _more_entries(planner.project / checks.SHARED_CORRECTIONS, found)
    for slug, (base, own) in pages.checked.items():
        before, now = models[f"checks/{slug}/base.md"], models[f"checks/{slug}/now.md"]
        if before["printed"] != now["printed"]:
            clauses = compare.described(compare.compare(before["blocks"], now["blocks"]))  # "" when none changed
            description = archive_sources.described(clauses, before["printed"], now["printed"], base,
                                                    found.current(slug).snapshot, planner.sources)
            own_declared = len(corrections(staff[slug])) > len(corrections(base.position))
            problem = checks.silent_change(staff[slug], description, own_declared, shared, own)
            problems += [problem] if problem else []
    for position in staff.positions.values():
        base = found.base.get(position.slug)
        if base is None or base.version == position.version or position.is_draft:
            continue  # a draft is not an edition yet: the edition "current" to the archive is still the old one
        previous = next((e for e in found.of(position.slug) if e.version == base.version), None)
        current = found.current(position.slug)
        if previous is None or current is None or previous is current:
            continue  # never an edition compared with itself (a draft of the next edition is not an edition)
        old = models.get(previous.url[:-1] + ".md", {}).get("blocks")
        if old is not None and old == models.get(current.url[:-1] + ".md", {}).get("blocks"):
            message = checks.unchanged_new_edition(position, base.version)
            log.info("ПРЕДУПРЕЖДЕНИЕ: " + message)
            if os.environ.get("GITHUB_ACTIONS") == "true":
                print(f"::warning file=docs/{position.src_path},line={position.line_of('version') or 1}::{message}")
    if problems:
        raise PositionsError(problems)


def _more_entries(now: Path, found: Archive) -> bool:
    """Whether macros/templates/corrections.yml has more entries now than at the base commit."""
    blob = found.base_tree.get(checks.SHARED_CORRECTIONS)
    before = found.history.read([blob]).get(blob, b"") if blob else b""
    return _entries(now.read_bytes() if now.is_file() else b"") > _entries(before)


def _entries(content: bytes) -> int:
    try:
        data = yaml.safe_load(content.decode("utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError):
        return 0
    return len(data) if isinstance(data, list) else 0
