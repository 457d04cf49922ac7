"""One run of the archive in the site's build (called by macros/hooks/editions.py): ``plan`` adds the pages
its cache lacks to the build's files; ``finish`` caches and publishes them, makes the editions' PDFs and
.docx and the change sheets' PDFs, logs what it did and stops the build on an edition changed silently
since the base commit (checks/editions.py).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import markdown
import yaml
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from ..checks import editions as checks
from ..model import history as git
from ..model.editions import Archive, State, corrections
from ..model.positions import Staff
from ..model.problems import PositionsError
from ..render import plain_calls
from ..render.archive_links import download_of_page, edition_file
from . import archive, archive_sources, cache, compare, document_text, pdf, word
from .archive_pages import ArchivePages
from .archive_forms import ArchiveForms

NO_HISTORY = ("Архив редакций: сборка из копии без истории git — опубликованы только действующие редакции; "
              "прежние редакции и проверка правок без новой редакции нужны полной копии репозитория")
SHALLOW = ("Архив редакций: история git неполная (shallow clone) — опубликованы только действующие редакции. "
           "Нужна вся история: git fetch --unshallow (в CI: actions/checkout с fetch-depth: 0); "
           "собрать без архива намеренно: JOBDESC_ARCHIVE=0")

EDITION_TOO_SLOW = ("это прежняя редакция из истории git, её текст уже не исправить; сообщите разработчикам, "
                    "а пока соберите сайт без архива редакций: JOBDESC_ARCHIVE=0 mkdocs build")


log = logging.getLogger("mkdocs.hooks.editions")


def plan(found: Archive, staff: Staff, config, forms: ArchiveForms, files, settings: cache.Settings
         ) -> ArchivePages | None:
    """The archive's pages, those the cache lacks added to this build's files; and the states to check.
    files None (`mkdocs serve`): only the states to check, None when there are none."""
    planner = archive.Planner(found, staff, config, Path(config.config_file_path).parent, forms.links, forms.codes)
    checked = _changed_under_same_version(found, staff, planner)
    if files is None and not checked:
        return None
    states = [planner.state_job(state, f"checks/{slug}/{side}.md") for slug, (base, _) in checked.items()
              for side, state in (("base", base), ("now", found.current(slug).snapshot))]
    pages = ArchivePages(planner, forms, (planner.jobs() if files is not None else []) + states, settings, checked)
    if files is not None:
        pages.add_files(files, config)
    return pages


def finish(pages: ArchivePages, config, pdfs: cache.Settings, documents: cache.Settings) -> dict[str, tuple[str, bool]]:
    """After the build: the archive's pages cached and published, their PDFs and .docx, the checks; each
    edition's printed text and whether it is in force, by its address (the publishing ledger keeps them)."""
    found, site = pages.planner.archive, Path(config.site_dir)
    if found.history.status == git.NO_HISTORY:
        log.info(NO_HISTORY)
    rendered(pages, config)
    log.info(pages.publish(site))
    editions = [job for job in pages.jobs if job.kind == "edition"]
    if pdfs.enabled:
        log.info(_edition_files(editions, site, pdf.PDF_DIR, pdfs, pdf.build_pdfs))
        log.info(_change_sheets(pages.jobs, site, pdfs))
    if documents.enabled:
        log.info(_edition_files(editions, site, word.DOCX_DIR, documents, word.build_docx))
    _judge(pages)
    if found.history.status == git.SHALLOW:  # then there is no base, and nothing to judge
        log.warning(SHALLOW)
    return {job.edition.url: (pages.models.get(job.src, {}).get("printed", ""), job.edition.current) for job in editions}


def check_only(found: Archive, staff: Staff, config, forms: ArchiveForms, settings: cache.Settings) -> None:
    """`mkdocs serve`: render just the two states of each position changed under the same version
    (nothing when none did; the archive's cache keeps them) and judge them as the build does."""
    pages = plan(found, staff, config, forms, None, settings) if found.complete else None
    if pages is not None:
        rendered(pages, config)
        _judge(pages)


def _changed_under_same_version(found: Archive, staff: Staff, planner) -> dict[str, tuple[State, bool]]:
    """slug -> (its state at the base, whether its own files changed) for every position whose
    inputs changed since the base while the version stayed: these need both states rendered."""
    changed = {}
    for position in staff.positions.values():
        if position.is_draft:
            continue  # a draft changes freely until it is approved
        base, current = found.base.get(position.slug), found.current(position.slug)
        if base is None or current is None or base.version != position.version:
            continue
        before, now = planner.sources.inputs(base), planner.sources.inputs(current.snapshot)
        # mkdocs.yml is also code: only its requisites (`extra:`) are part of the documents.
        before["config"], now["config"] = planner.sources.requisites(base), planner.sources.requisites(current.snapshot)
        if before != now:
            # The base state names its positions as one digest of its commit's folder, the work tree as
            # blobs: the positions the work tree names are compared blob by blob at the base commit.
            named = now["named"] if isinstance(now["named"], dict) else {}
            at_base = planner.sources.positions_at(base)
            own = before["position"] != now["position"] or any(at_base.get(s) != b for s, b in named.items())
            changed[position.slug] = (base, own)
    return changed


def _edition_files(editions: list, site: Path, extension: str, settings, build) -> str:
    """The PDF (or .docx) of every edition page; the one in force is the position's own file under its edition name."""
    jobs = []
    for job in editions:
        target = site / edition_file(job.edition.slug, job.edition.version, extension)
        own = site / download_of_page(f"positions/{job.edition.slug}.md", extension)
        if job.edition.current and own.is_file():
            cache.place(own, target)
        else:
            source = f"docs/positions/{job.edition.slug}.md, редакция {job.edition.version} (из истории git)"
            jobs.append(cache.job_for(job.edition.slug, site / job.dest, target, job.edition.approved, source))
    try:
        return "Архив редакций: " + str(build(jobs, site, settings))
    except pdf.PageTooSlow as slow:  # an edition's text is history: it cannot be edited any more
        raise PluginError("Архив редакций: " + str(pdf.PageTooSlow(slow.job, slow.seconds, EDITION_TOO_SLOW))) from None


def _change_sheets(jobs: list, site: Path, settings) -> str:
    """The PDF of every «Лист изменений»: the sheet that is signed, as the page prints it."""
    sheets = [cache.Job(job.spec["slug"], site / job.dest, site / job.spec["pdf"], None)
              for job in jobs if job.kind == "compare" and job.spec.get("pdf")]
    return "Листы изменений: " + str(pdf.build_pdfs(sheets, site, settings))


def rendered(pages: ArchivePages, config) -> None:
    """The text of each state to check that the cache lacks, rendered by the site's own macros and Markdown
    outside MkDocs' page loop: a state checked is never published, so it is no page of the site."""
    for job in pages.missing:
        if job.kind != "state":
            continue
        pages.add(job)
        body = archive.text_of(job)
        page = Page(None, File.generated(config, job.src, content=body), config)
        with pages.forms.rendering(page):
            text = plain_calls.expand(body, pages.forms.site_macros)
            html = markdown.Markdown(extensions=config["markdown_extensions"],
                                     extension_configs=config["mdx_configs"] or {}).convert(text)
        pages.keep(job, {"blocks": document_text.blocks(html), "printed": document_text.printed_text(pages.forms.blocks.release(html))})
        del pages.forms.pages[job.src]


def _judge(pages: ArchivePages) -> None:
    """Stops the build on editions changed silently; warns in the log of new editions that change nothing."""
    planner, models, checked, problems = pages.planner, pages.models, pages.checked, []
    found, staff, project = planner.archive, planner.staff, planner.project
    shared = _shared_corrections(project, found)
    for slug, (base, own) in checked.items():
        position = staff[slug]
        before, now = models[f"checks/{slug}/base.md"], models[f"checks/{slug}/now.md"]
        if before["printed"] == now["printed"]:
            continue
        changes = compare.compare(before["blocks"], now["blocks"])
        description = archive_sources.described(compare.described(changes) if changes else "", before["printed"],
                                               now["printed"], base, found.current(slug).snapshot, planner.sources)
        own_declared = len(corrections(position)) > len(corrections(base.position))
        problem = checks.silent_change(position, description, own_declared, shared, own)
        if problem:
            problems.append(problem)
    for position in staff.positions.values():
        base = found.base.get(position.slug)
        if base is None or base.version == position.version or position.is_draft:
            continue  # a draft is not an edition yet: the edition "current" to the archive is still the old one
        previous = next((e for e in found.of(position.slug) if e.version == base.version), None)
        current = found.current(position.slug)
        if previous is None or current is None or previous is current:
            continue  # never an edition compared with itself (a draft of the next edition is not an edition)
        old = models.get(previous.url[:-1] + ".md", {}).get("blocks")
        new = models.get(current.url[:-1] + ".md", {}).get("blocks")
        if old is not None and old == new:
            message = checks.unchanged_new_edition(position, base.version)
            log.info("ПРЕДУПРЕЖДЕНИЕ: " + message)
            if os.environ.get("GITHUB_ACTIONS") == "true":
                print(f"::warning file=docs/{position.src_path},line={position.line_of('version') or 1}::{message}")
    if problems:
        raise PositionsError(problems)


def _shared_corrections(project: Path, found: Archive) -> bool:
    """Whether macros/templates/corrections.yml has more entries now than at the base commit."""
    now_file = project / checks.SHARED_CORRECTIONS
    now = _entries(now_file.read_bytes()) if now_file.is_file() else 0
    blob = found.base_tree.get(checks.SHARED_CORRECTIONS)
    before = _entries(found.history.read([blob]).get(blob, b"")) if blob else 0
    return now > before


def _entries(content: bytes) -> int:
    try:
        data = yaml.safe_load(content.decode("utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError):
        return 0
    return len(data) if isinstance(data, list) else 0
