"""One run of the archive in the site's build: its pages before the build, its checks after it.

Called by macros/hooks/editions.py. ``plan`` adds the editions' pages and comparisons to the build's
files; ``finish`` says in one line what was published, names a history it could not read (a copy
without .git, a shallow clone), makes the PDF of every «Лист изменений», and turns what changed
since the base commit into the problems and warnings of checks/editions.py.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import markdown
import yaml
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from ..checks import editions as checks
from ..model import history as git
from ..model.editions import Archive, State
from ..model.positions import Staff
from ..model.problems import PositionsError, Problem
from ..render import plain_calls, verbatim
from ..render.archive_links import download_of_page, edition_file
from . import archive, archive_causes, cache, compare, document_text, pdf, word
from .archive_forms import ArchiveForms

NO_HISTORY = ("Архив редакций: сборка из копии без истории git — опубликованы только действующие редакции; "
              "прежние редакции и проверка правок без новой редакции нужны полной копии репозитория")
SHALLOW = ("Архив редакций: история git неполная (shallow clone) — опубликованы только действующие редакции. "
           "Нужна вся история: git fetch --unshallow (в CI: actions/checkout с fetch-depth: 0); "
           "собрать без архива намеренно: JOBDESC_ARCHIVE=0")


@dataclass
class Report:
    lines: list[str] = field(default_factory=list)  # the build log, INFO
    warnings: list[str] = field(default_factory=list)  # MkDocs warnings: a strict build fails
    problems: list[Problem] = field(default_factory=list)
    printed: dict[str, tuple[str, bool]] = field(default_factory=dict)  # edition url -> (printed text, in force)

    def raise_problems(self) -> None:
        if self.problems:
            raise PositionsError(self.problems)


def plan(found: Archive, staff: Staff, config, forms: ArchiveForms, files) -> archive.ArchivePages:
    """The archive's pages, added to this build's files."""
    planner = archive.Planner(found, staff, config, Path(config.config_file_path).parent)
    pages = archive.ArchivePages(planner, forms, planner.jobs())
    pages.add_files(files, config)
    return pages


def finish(pages: archive.ArchivePages, config, command: str) -> Report:
    """After the build: the change sheets' PDFs, the editions' printed texts, the checks."""
    found, project, site, report = pages.planner.archive, pages.planner.project, Path(config.site_dir), Report()
    if found.history.status == git.NO_HISTORY:
        report.lines.append(NO_HISTORY)
    elif found.history.status == git.SHALLOW:
        report.warnings.append(SHALLOW)
    editions = sum(1 for job in pages.jobs if job.kind == "edition")
    summary = f"Архив редакций: {editions} страниц редакций и {len(pages.jobs) - editions} сравнений"
    report.lines.append(summary)  # completed once the checks have counted what they compared
    at = len(report.lines) - 1
    checked = _judge(pages.planner, pages.forms, config, pages.blocks, report)
    if checked:
        report.lines[at] += f"; сверено с базовым коммитом должностей, изменённых без новой редакции: {checked}"
    pdfs = pdf.Settings.for_command(command, project)
    if pdfs.enabled:
        report.lines.append(_change_sheets(pages.jobs, site, pdfs))
    for extension, enabled in ((pdf.PDF_DIR, pdfs.enabled), (word.DOCX_DIR, word.Settings.for_command(command, project).enabled)):
        if enabled:
            copy_in_force(pages.jobs, site, extension)
    report.printed = {job.edition.url: (pages.printed.get(job.src, ""), job.edition.current)
                      for job in pages.jobs if job.kind == "edition"}
    return report


def check_only(found: Archive, staff: Staff, config, forms: ArchiveForms) -> Report:
    """`mkdocs serve`: render just the two states of each position changed under the same version
    and judge them as the build does."""
    report = Report()
    if found.complete:
        _judge(archive.Planner(found, staff, config, Path(config.config_file_path).parent), forms, config, {}, report)
    return report


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


def copy_in_force(jobs: list, site: Path, extension: str) -> None:
    """The PDF (or .docx) of the edition in force is the position's own file under the edition's name
    (the downloads step made the position's, after the site was written)."""
    for job in jobs:
        if job.kind == "edition" and job.edition.current:
            own = site / download_of_page(f"positions/{job.edition.slug}.md", extension)
            target = site / edition_file(job.edition.slug, job.edition.version, extension)
            if own.is_file():
                target.parent.mkdir(parents=True, exist_ok=True)
                target.unlink(missing_ok=True)
                cache.place(own, target)


def _change_sheets(jobs: list, site: Path, settings) -> str:
    """The PDF of every «Лист изменений»: the sheet that is signed, as the page prints it."""
    sheets = [cache.Job(job.spec["slug"], site / job.dest, site / job.spec["pdf"], None)
              for job in jobs if job.kind == "compare" and job.spec.get("pdf")]
    return "Листы изменений: " + str(pdf.build_pdfs(sheets, site, settings))


def rendered(planner: archive.Planner, forms: ArchiveForms, config, states: dict[str, State]) -> dict[str, dict]:
    """src -> {"blocks", "printed"} of each state, rendered by the site's own Markdown and macros outside
    MkDocs' page loop: a state checked is never published, so it is no page of the site."""
    jobs = [planner.state_job(state, src) for src, state in states.items()]
    pages = archive.ArchivePages(planner, forms, jobs)
    models = {}
    for job in jobs:
        pages.add(job)
        body = archive.text_of(job)
        page = Page(None, File.generated(config, job.src, content=body), config)
        with forms.rendering(page):
            text = plain_calls.expand(body, plain_calls.SITE_MACROS)
            html = markdown.Markdown(extensions=config["markdown_extensions"],
                                     extension_configs=config["mdx_configs"] or {}).convert(text)
        models[job.src] = {"blocks": document_text.blocks(html),
                           "printed": document_text.printed_text(verbatim.release(html))}
        del forms.pages[job.src]
    return models


def _judge(planner: archive.Planner, forms: ArchiveForms, config, blocks: dict, report: Report) -> int:
    """Problems for editions changed silently, warnings for new editions that change nothing; how many
    positions changed under the same version were compared."""
    found, staff, project = planner.archive, planner.staff, planner.project
    checked = _changed_under_same_version(found, staff, planner)
    states = {}
    for slug, (base, _) in checked.items():
        states[f"checks/{slug}/base.md"], states[f"checks/{slug}/now.md"] = base, found.current(slug).snapshot
    models = rendered(planner, forms, config, states) if states else {}
    shared = _shared_corrections(project, found)
    for slug, (base, own) in checked.items():
        position = staff[slug]
        before, now = models[f"checks/{slug}/base.md"], models[f"checks/{slug}/now.md"]
        if before["printed"] == now["printed"]:
            continue
        changes = compare.compare(before["blocks"], now["blocks"])
        description = archive_causes.described(compare.described(changes) if changes else "", before["printed"],
                                               now["printed"], base, found.current(slug).snapshot, planner.sources)
        own_declared = len(_corrections(position)) > len(_corrections(base.position))
        problem = checks.silent_change(position, description, own_declared, shared, own)
        if problem:
            report.problems.append(problem)
    for position in staff.positions.values():
        base = found.base.get(position.slug)
        if base is None or base.version == position.version or position.is_draft:
            continue  # a draft is not an edition yet: the edition "current" to the archive is still the old one
        previous = next((e for e in found.of(position.slug) if e.version == base.version), None)
        current = found.current(position.slug)
        if previous is None or current is None or previous is current:
            continue  # never an edition compared with itself (a draft of the next edition is not an edition)
        old, new = blocks.get(previous.url[:-1] + ".md"), blocks.get(current.url[:-1] + ".md")
        if old is not None and old == new:
            message = checks.unchanged_new_edition(position, base.version)
            report.lines.append("ПРЕДУПРЕЖДЕНИЕ: " + message)
            if os.environ.get("GITHUB_ACTIONS") == "true":
                print(f"::warning file=docs/{position.src_path},line={position.line_of('version') or 1}::{message}")
    return len(checked)


def _corrections(position) -> list:
    return [c for c in position.meta.get("corrections") or [] if isinstance(c, dict)]


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
