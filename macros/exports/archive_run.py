"""One run of the archive after the site's build: plan, render what is missing, publish, judge.

Called by macros/hooks/editions.py. Says in one line what it did, names a history it could not read
(a copy without .git, a shallow clone), puts the editions' pages and PDFs into the site, and
turns what changed since the base commit into the problems and warnings of checks/editions.py.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError

from ..checks import editions as checks
from ..model import history as git
from ..model.editions import Archive, State
from ..model.positions import Staff
from ..model.problems import PositionsError, Problem
from ..render.archive_links import download_of_page, edition_file
from . import archive, archive_causes, cache, compare, pdf, word

NO_HISTORY = ("Архив редакций: сборка из копии без истории git — опубликованы только действующие редакции; "
              "прежние редакции и проверка правок без новой редакции нужны полной копии репозитория")
SHALLOW = ("Архив редакций: история git неполная (shallow clone) — опубликованы только действующие редакции. "
           "Нужна вся история: git fetch --unshallow (в CI: actions/checkout с fetch-depth: 0); "
           "собрать без архива намеренно: JOBDESC_ARCHIVE=0")

EDITION_TOO_SLOW = ("это прежняя редакция из истории git, её текст уже не исправить; сообщите разработчикам, "
                    "а пока соберите сайт без архива редакций: JOBDESC_ARCHIVE=0 mkdocs build")


@dataclass
class Report:
    lines: list[str] = field(default_factory=list)  # the build log, INFO
    warnings: list[str] = field(default_factory=list)  # MkDocs warnings: a strict build fails
    problems: list[Problem] = field(default_factory=list)
    printed: dict[str, tuple[str, bool]] = field(default_factory=dict)  # edition url -> (printed text, in force)

    def raise_problems(self) -> None:
        if self.problems:
            raise PositionsError(self.problems)


def publish_archive(found: Archive, staff: Staff, config, settings: archive.Settings, command: str) -> Report:
    report = Report()
    if found.history.status == git.NO_HISTORY:
        report.lines.append(NO_HISTORY)
    elif found.history.status == git.SHALLOW:
        report.warnings.append(SHALLOW)
    project, site = Path(config.config_file_path).parent, Path(config.site_dir)
    planner = archive.Planner(found, staff, config, project)
    checked = _changed_under_same_version(found, staff, planner)
    jobs = planner.jobs([base for base, _ in checked.values()])
    outcome = archive.build(planner, jobs, settings)
    editions = archive.publish(outcome, settings, site)
    report.lines.append(str(outcome))
    pdfs = pdf.Settings.for_command(command, project)
    if pdfs.enabled:
        report.lines.append(_edition_files(editions, site, pdf.PDF_DIR, pdfs, pdf.build_pdfs))
        report.lines.append(_change_sheets(outcome.jobs, site, pdfs))
    documents = word.Settings.for_command(command, project)
    if documents.enabled:
        report.lines.append(_edition_files(editions, site, word.DOCX_DIR, documents, word.build_docx))
    report.printed = {job.edition.url: (outcome.models.get(job.src, {}).get("printed", ""), job.edition.current)
                      for job in jobs if job.kind == "edition"}
    _judge(found, staff, checked, outcome, planner, project, report)
    return report


def check_only(found: Archive, staff: Staff, config, settings: archive.Settings) -> Report:
    """`mkdocs serve`: render just the two states of each position changed under the same version
    (nothing when none did; the archive's cache keeps them) and judge them as the build does."""
    report = Report()
    if not found.complete:
        return report
    planner = archive.Planner(found, staff, config, Path(config.config_file_path).parent)
    checked = _changed_under_same_version(found, staff, planner)
    if not checked:
        return report
    jobs = [planner.edition_job(found.current(slug)) for slug in checked]
    jobs += [planner.state_job(base) for base, _ in checked.values()]
    outcome = archive.build(planner, jobs, settings)
    _judge(found, staff, checked, outcome, planner, planner.project, report)
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


def _edition_files(editions: list, site: Path, extension: str, settings, build) -> str:
    """The PDF (or .docx) of every edition page; the one in force is the position's own file under its edition name."""
    jobs = []
    for job in editions:
        target = site / edition_file(job.edition.slug, job.edition.version, extension)
        own = site / download_of_page(f"positions/{job.edition.slug}.md", extension)
        if job.edition.current and own.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            cache.place(own, target)
        else:
            source = f"docs/positions/{job.edition.slug}.md, редакция {job.edition.version} (из истории git)"
            jobs.append(cache.Job(job.edition.slug, site / job.dest, target, _date(job.edition.approved), source))
    try:
        return "Архив редакций: " + str(build(jobs, site, settings))
    except pdf.PageTooSlow as slow:  # an edition's text is history: it cannot be edited any more
        raise PluginError("Архив редакций: " + str(pdf.PageTooSlow(slow.job, slow.seconds, EDITION_TOO_SLOW))) from None


def _change_sheets(jobs: list, site: Path, settings) -> str:
    """The PDF of every «Лист изменений»: the sheet that is signed, as the page prints it."""
    sheets = [cache.Job(job.spec["slug"], site / job.dest, site / job.spec["pdf"], None)
              for job in jobs if job.kind == "compare" and job.spec.get("pdf")]
    return "Листы изменений: " + str(pdf.build_pdfs(sheets, site, settings))


def _date(value):
    return value if hasattr(value, "isoformat") else None


def _judge(found: Archive, staff: Staff, checked: dict, outcome, planner, project: Path, report: Report) -> None:
    shared = _shared_corrections(project, found)
    for slug, (base, own) in checked.items():
        position = staff[slug]
        before = outcome.models[f"checks/{slug}.md"]
        now = outcome.models[found.current(slug).url[:-1] + ".md"]
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
        old = outcome.models.get(previous.url[:-1] + ".md", {}).get("blocks")
        new = outcome.models.get(current.url[:-1] + ".md", {}).get("blocks")
        if old is not None and old == new:
            message = checks.unchanged_new_edition(position, base.version)
            report.lines.append("ПРЕДУПРЕЖДЕНИЕ: " + message)
            if os.environ.get("GITHUB_ACTIONS") == "true":
                print(f"::warning file=docs/{position.src_path},line={position.line_of('version') or 1}::{message}")


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
