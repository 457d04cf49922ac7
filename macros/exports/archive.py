"""The archive of editions in the built site: every edition's page and PDF, and every comparison.

After the site is built (macros/hooks/editions.py, on_post_build), this module decides which pages the
archive has: for every edition of every position (model/editions.py) a page at its stable address
``positions/<slug>/editions/<version>/`` with a PDF ``pdf/editions/<slug>-<version>.pdf``, and for every
two editions of a position a comparison ``positions/<slug>/compare/<older>-<newer>/``. A published
edition never changes, so each page is rendered once and kept in a cache folder under a key made of
everything it shows: the blobs of its position file and of the positions it names, its printed
templates, mkdocs.yml, the notice and QR address on it, and today's code. Missing pages are rendered
together by one `mkdocs build` of a temporary project (today's code and config, the editions'
files as of their commits; see archive_build.py), then copied into the site. Its PDFs are made by
exports/pdf.py like every other PDF, so they share its cache.

Never a half-written site: an edition today's code cannot render stops the build (the publishing
hook keeps the last good site) with the edition, its commit and the reason.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass, field
from importlib.metadata import version as installed
from pathlib import Path


from ..model.company import Company
from ..model.editions import Archive, Edition, State, comparison_url, edition_url
from ..model.positions import Staff
from ..render import qr
from ..render.archive_links import comparison_file, links
from . import archive_sources as sources
from .cache import place
from .archive_project import render_missing

STALE_AFTER_DAYS = 14
CODE_PARTS = ("macros", "overrides", "mkdocs.yml")
PACKAGES = ("mkdocs", "mkdocs-material", "mkdocs-macros-plugin", "pymdown-extensions", "Markdown", "segno")


@dataclass(frozen=True)
class Settings:
    enabled: bool
    cache_dir: Path

    @classmethod
    def for_command(cls, command: str, project_dir: Path) -> "Settings":
        # `mkdocs serve` stays fast: no archive unless JOBDESC_ARCHIVE=1; JOBDESC_ARCHIVE=0 turns it off.
        wanted = os.environ.get("JOBDESC_ARCHIVE", "")
        enabled = wanted == "1" if command == "serve" else wanted != "0"
        cache = os.environ.get("JOBDESC_ARCHIVE_CACHE") or project_dir / ".cache" / "editions"
        return cls(enabled, Path(cache).expanduser())


@dataclass
class Job:
    """One page of the archive build: what it is, its cache key and what the build needs to make it."""

    src: str
    kind: str  # edition | state (rendered for a check only) | compare
    spec: dict
    key: str = ""
    edition: Edition | None = None
    state: State | None = None

    @property
    def dest(self) -> str:
        return self.src[:-3] + "/index.html"


@dataclass
class Outcome:
    jobs: list[Job]
    rendered: int
    seconds: float
    models: dict[str, dict] = field(default_factory=dict)  # src -> {"blocks": [...], "printed": "..."}

    def __str__(self) -> str:
        # Both counts cover the same pages, so they add up: states rendered only for the check count too.
        published = sum(1 for job in self.jobs if job.kind != "state")
        checked = len(self.jobs) - published
        extra = f" и {checked} для проверки правок без новой редакции" if checked else ""
        return (f"Архив редакций: {published} страниц редакций и сравнений{extra}; из них {self.rendered} "
                f"собрано заново, {len(self.jobs) - self.rendered} из кэша ({self.seconds:.1f} с)")


class Planner:
    """The pages of the archive and their keys, for one build."""

    def __init__(self, archive: Archive, staff: Staff, config, project: Path):
        self.archive, self.staff, self.config, self.project = archive, staff, config, project
        # A page links to its PDF and .docx only when the build publishes them: part of what it shows.
        self.code = code_fingerprint(project) + f"|pdf={links.pdfs}|docx={links.docx}"
        company = Company(config["extra"], staff)
        self.sources = sources.Sources(archive, project, Path(config["docs_dir"]), company.signing_positions)

    def jobs(self, checked: list[State]) -> list[Job]:
        jobs: list[Job] = []
        for slug in sorted(self.archive.editions):
            editions = [self.edition_job(edition) for edition in self.archive.of(slug)]
            jobs += editions
            for at, newer in enumerate(editions):
                jobs += [self.comparison_job(older, newer) for older in editions[:at]]
        jobs += [self.state_job(state) for state in checked]
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
                "title": f"{position.title} — редакция {edition.version}",
                "qr": qr.address(self.config.get("site_url"), edition_url(slug, edition.version))
                if not qr.disabled_reason else None}
        job = Job(edition_url(slug, edition.version)[:-1] + ".md", "edition", spec, edition=edition,
                  state=edition.snapshot)
        return self._keyed(job, edition.snapshot)

    def state_job(self, state: State) -> Job:
        spec = {"kind": "state", "slug": state.position.slug, "version": state.version, "notice": {},
                "title": state.position.title, "qr": None}
        return self._keyed(Job(f"checks/{state.position.slug}.md", "state", spec, state=state), state)

    def comparison_job(self, older: Job, newer: Job) -> Job:
        slug, a, b = newer.edition.slug, older.edition, newer.edition
        url = comparison_url(slug, a.version, b.version)
        spec = comparison_spec(self.config, self.staff, slug, edition_side(a, older.src), edition_side(b, newer.src), url)
        job = Job(url[:-1] + ".md", "compare", spec)
        job.key = _hash({"code": self.code, "spec": spec, "older": older.key, "newer": newer.key})
        return job

    def _keyed(self, job: Job, state: State) -> Job:
        job.spec["snapshot"] = self.sources.snapshot_id(state)
        job.key = _hash({"code": self.code, "spec": job.spec, "inputs": self.sources.inputs(state)})
        return job


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


def _day(value) -> str:
    return value.strftime("%d.%m.%Y") if hasattr(value, "strftime") else ""


def _hash(data) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()


def code_fingerprint(project: Path) -> str:
    """Today's code and config, and the versions of the packages that render: a change re-renders the archive."""
    digest = hashlib.sha256()
    for part in CODE_PARTS:
        root = project / part
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        for path in files:
            digest.update(path.relative_to(project).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for name in PACKAGES:
        digest.update(f"{name}={installed(name)}".encode())
    return digest.hexdigest()


def build(planner: Planner, jobs: list[Job], settings: Settings) -> Outcome:
    """Render the jobs the cache lacks (one archive build), and return every job's model."""
    started = time.monotonic()
    settings.cache_dir.mkdir(parents=True, exist_ok=True)
    missing = [job for job in jobs if not (settings.cache_dir / f"{job.key}.html").is_file()]
    if missing:
        render_missing(planner, missing, jobs, settings)
    outcome = Outcome(jobs, len(missing), 0.0)
    for job in jobs:
        model = settings.cache_dir / f"{job.key}.json"
        if job.kind != "compare" and model.is_file():
            outcome.models[job.src] = json.loads(model.read_text(encoding="utf-8"))
        for path in (settings.cache_dir / f"{job.key}.html", model):
            if path.exists():
                os.utime(path)
    prune(settings.cache_dir, {job.key for job in jobs})
    outcome.seconds = time.monotonic() - started
    return outcome


def publish(outcome: Outcome, settings: Settings, site_dir: Path) -> list[Job]:
    """Put every published page into the site; return the edition pages (for their PDFs)."""
    editions = []
    for job in outcome.jobs:
        if job.kind == "state":
            continue
        target = site_dir / job.dest
        target.parent.mkdir(parents=True, exist_ok=True)
        place(settings.cache_dir / f"{job.key}.html", target)
        if job.kind == "edition":
            editions.append(job)
    return editions


def prune(cache_dir: Path, keep: set[str]) -> None:
    oldest = time.time() - STALE_AFTER_DAYS * 86400
    for path in cache_dir.glob("*.*"):
        if path.stem not in keep and path.suffix in (".html", ".json") and path.stat().st_mtime < oldest:
            path.unlink(missing_ok=True)
