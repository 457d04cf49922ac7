"""The archive of editions as pages of the site's own build: every edition and every comparison.

For every edition of every position (model/editions.py) a page at its stable address
``positions/<slug>/editions/<version>/`` and for every two editions of a position a comparison
``positions/<slug>/compare/<older>-<newer>/`` («Лист изменений»). They are added in on_files as
generated files (MkDocs' ``File.generated``) whose Markdown is the edition's own text of its commit;
the ordinary render path turns them into HTML with the site's theme, the instruction macros answer
from the edition's commit (exports/archive_forms.py), and the downloads step makes their PDF and
.docx like any instruction page's. Not in the menu, not searched, not in sitemap.xml.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

from ..model.company import Company
from ..model.editions import Archive, Edition, State, comparison_url, edition_url
from ..model.markup import only_simple_calls
from ..model.positions import Staff
from ..render import qr
from ..render.archive_links import comparison_file, links
from . import archive_sources as sources, document_text
from .archive_forms import Archived, ArchiveForms, Snapshot, comparison_html, comparison_templates

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
# The macros an instruction's text may call; anything else in an old edition's text is refused.
FORMS = ("approval_stamp", "general_provisions", "common_rights", "standard_liability", "signatures",
         "acknowledgement_sheet")


@dataclass(frozen=True)
class Settings:
    enabled: bool

    @classmethod
    def for_command(cls, command: str, project_dir: Path) -> "Settings":
        # `mkdocs serve` stays fast: no archive unless JOBDESC_ARCHIVE=1; JOBDESC_ARCHIVE=0 turns it off.
        wanted = os.environ.get("JOBDESC_ARCHIVE", "")
        return cls(wanted == "1" if command == "serve" else wanted != "0")


@dataclass
class Job:
    """One page of the archive: its source address, what it is and what it shows."""

    src: str
    kind: str  # edition | state (rendered for a check only) | compare
    spec: dict
    edition: Edition | None = None
    state: State | None = None

    @property
    def dest(self) -> str:
        return self.src[:-3] + "/index.html"


class Planner:
    """The pages of the archive, for one build."""

    def __init__(self, archive: Archive, staff: Staff, config, project: Path):
        self.archive, self.staff, self.config, self.project = archive, staff, config, project
        company = Company(config["extra"], staff)
        self.sources = sources.Sources(archive, project, Path(config["docs_dir"]), company.signing_positions)

    def jobs(self) -> list[Job]:
        jobs: list[Job] = []
        for slug in sorted(self.archive.editions):
            editions = [self.edition_job(edition) for edition in self.archive.of(slug)]
            jobs += editions
            for at, newer in enumerate(editions):
                jobs += [self.comparison_job(older, newer) for older in editions[:at]]
        return jobs

    def edition_job(self, edition: Edition) -> Job:
        position, slug = edition.position, edition.slug
        notice = {
            "current": edition.current, "version": edition.version, "approved": _day(edition.approved),
            "until": _day(edition.last_day), "order": position.approval_order,
            "position_url": f"positions/{slug}/" if slug in self.staff else None,
            "status": str(position.meta.get("status") or ""),
            "corrections": [{"date": _day(c.get("date")), "note": str(c.get("note") or "")} for c in edition.corrections],
        }
        spec = {"kind": "edition", "slug": slug, "version": edition.version, "notice": notice,
                "title": f"{position.title} — редакция {edition.version}", "qr": self.qr(edition_url(slug, edition.version)),
                "snapshot": self.sources.snapshot_id(edition.snapshot)}
        return Job(edition_url(slug, edition.version)[:-1] + ".md", "edition", spec, edition=edition, state=edition.snapshot)

    def state_job(self, state: State, src: str) -> Job:
        """A state rendered only for the check that no edition changed silently: its printed text."""
        spec = {"kind": "state", "slug": state.position.slug, "version": state.version, "notice": {},
                "title": state.position.title, "qr": self.qr(edition_url(state.position.slug, state.version)),
                "snapshot": self.sources.snapshot_id(state)}
        return Job(src, "state", spec, state=state)

    def comparison_job(self, older: Job, newer: Job) -> Job:
        slug, a, b = newer.edition.slug, older.edition, newer.edition
        url = comparison_url(slug, a.version, b.version)
        spec = comparison_spec(self.config, self.staff, slug, edition_side(a, older.src), edition_side(b, newer.src), url)
        return Job(url[:-1] + ".md", "compare", spec)

    def qr(self, url: str) -> str | None:
        return qr.address(self.config.get("site_url"), url) if not qr.disabled_reason else None


def edition_side(edition: Edition, src: str | None = None) -> dict:
    """One side of a comparison as the change sheet names it: version, approval, order, date in force."""
    position = edition.position
    return {"src": src, "version": edition.version, "approved": _day(edition.approved),
            "order": position.approval_order, "current": edition.current, "url": edition.url, "model": None,
            "effective": _day(edition.approved), "draft": False, "position": position}


def comparison_spec(config, staff: Staff, slug: str, older: dict, newer: dict, url: str) -> dict:
    """What a «Лист изменений» shows besides the changes: the organisation, the position, both editions,
    who signs for the changes (the instruction's «Разработал»), the PDF and the QR code of the sheet."""
    position = newer.pop("position")
    older.pop("position", None)
    drafter = Company(config["extra"], staff).signatories(position).drafter
    company = config["extra"].get("company") or {}
    return {"kind": "compare", "slug": slug, "older": older, "newer": newer,
            "title": (f"{position.title}: сравнение редакции {older['version']} с проектом редакции {newer['version']}"
                      if newer["draft"] else f"{position.title}: сравнение редакций {older['version']} и {newer['version']}"),
            "name": position.title, "genitive": position.genitive,
            "organisation": str(company.get("full_name") or company.get("name") or ""),
            "signer": {"title": drafter.title if drafter else "", "name": drafter.name if drafter else None},
            "pdf": comparison_file(slug, older["version"], newer["version"], "pdf") if links.pdfs else None,
            "qr": qr.address(config.get("site_url"), url) if not qr.disabled_reason else None}


class ArchivePages:
    """The archive's pages of one build: added to the files, their text read as they render, the
    comparisons filled in from the blocks of both editions (MkDocs renders every body before it
    writes any page)."""

    def __init__(self, planner: Planner, forms: ArchiveForms, jobs: list[Job]):
        self.planner, self.forms, self.jobs = planner, forms, jobs
        self.by_src = {job.src: job for job in jobs}
        self.blocks: dict[str, list[dict]] = {}
        self.printed: dict[str, str] = {}
        self.templates = comparison_templates(str(TEMPLATES))
        states = [job.state for job in jobs if job.state is not None]
        docs_dir = Path(planner.config["docs_dir"])
        parsed: dict = {}
        self.snapshots = {key: Snapshot(None if key == sources.WORKTREE else key, files, docs_dir, forms.env, parsed)
                          for key, files in planner.sources.snapshots(states).items()}

    def add_files(self, files, config) -> None:
        for job in self.jobs:
            meta = {"title": job.spec["title"], "hide": ["navigation", "toc"], "search": {"exclude": True},
                    "sitemap": False}
            body = ""
            if job.kind == "edition":
                body = text_of(job)
                if hasattr(job.edition.approved, "isoformat"):
                    meta["approved"] = job.edition.approved  # the date stamped into its PDF and .docx
                if job.edition.current:  # its PDF and .docx are the position's own (archive_run.copy_in_force)
                    meta["prints_as"] = f"positions/{job.edition.slug}.md"
            self.add(job)
            content = f"---\n{yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)}---\n\n{body}"
            file = File.generated(config, job.src, content=content, inclusion=InclusionLevel.NOT_IN_NAV)
            if job.state is not None:  # messages name the file HR knows, and the edition
                file.source_file = f"docs/{job.state.position.src_path} (редакция {job.spec['version']} из истории git)"
            files.append(file)

    def add(self, job: Job) -> None:
        if job.kind != "compare":
            self.forms.pages[job.src] = Archived(job.spec, self.snapshots[job.spec["snapshot"]])

    def page_content(self, src: str, html: str) -> None:
        job = self.by_src.get(src)
        if job is not None and job.kind == "edition":
            self.blocks[src] = document_text.blocks(html)

    def page_context(self, page) -> None:
        job = self.by_src.get(page.file.src_uri)
        if job is None:
            return
        if job.kind == "edition":
            self.printed[job.src] = document_text.printed_text(page.content)
            return
        spec, rows = job.spec, int(self.planner.config["extra"].get("acknowledgement_rows", 12))
        page.content = comparison_html(self.templates, spec, self.blocks.get(spec["older"]["src"], []),
                                       self.blocks.get(spec["newer"]["src"], []), rows, page.url)


def text_of(job: Job) -> str:
    """The edition's own text (HR's, untrusted): only plain macro calls may stand in it."""
    body = job.state.position.body
    if only_simple_calls(body, dict.fromkeys(FORMS)) is None:
        state = job.state
        commit = f"коммит {state.commit[:10]}" + (f" от {_day(state.date)}" if state.date else "") \
            if state.commit else "рабочая копия"
        raise PluginError(
            f"Архив редакций: сегодняшний код не может собрать редакцию {state.version} должности "
            f"docs/{state.position.src_path} ({commit}): в тексте есть что-то кроме строк вида {{{{ имя() }}}} "
            "с макросами инструкции; такой текст не собирается. Как исправить: прежние редакции собираются "
            "сегодняшним кодом из файлов своего коммита; поправьте код так, чтобы они снова собирались "
            "(опубликованный сайт не изменён). Временно можно собрать сайт без архива: JOBDESC_ARCHIVE=0 mkdocs build")
    return body


def _day(value) -> str:
    return value.strftime("%d.%m.%Y") if hasattr(value, "strftime") else ""
