"""The archive of editions: its pages (every edition at ``positions/<slug>/editions/<version>/``, every two
editions of a position compared at ``positions/<slug>/compare/<older>-<newer>/``) and the key each is cached
under: a hash of everything it shows (blobs of its files, notice, QR address, the site's menu, today's code).
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from importlib.metadata import version as installed
from pathlib import Path

from mkdocs.exceptions import PluginError

from ..model.company import Company
from ..model.editions import Archive, Edition, State, comparison_url, edition_url
from ..model.markup import INSTRUCTION_MACROS, only_simple_calls
from ..model.positions import Staff
from ..render import qr
from ..render.archive_links import Links, comparison_file
from . import archive_sources as sources

CODE_PARTS = ("macros", "overrides", "mkdocs.yml")
PACKAGES = ("mkdocs", "mkdocs-material", "mkdocs-macros-plugin", "pymdown-extensions", "Markdown", "segno")


@dataclass
class Job:
    """One page of the archive: its source address, what it is and what it shows."""

    src: str
    kind: str  # edition | state (rendered for a check only) | compare
    spec: dict
    edition: Edition | None = None
    state: State | None = None
    key: str = ""

    @property
    def dest(self) -> str:
        return self.src[:-3] + "/index.html"


class Planner:
    """The pages of the archive, for one build."""

    def __init__(self, archive: Archive, staff: Staff, config, project: Path, links: Links, codes: qr.Codes):
        self.archive, self.staff, self.config, self.project = archive, staff, config, project
        self.links, self.codes = links, codes
        # A page links to its PDF and .docx only when the build publishes them; its menu is the site's.
        menu = hashlib.sha256(json.dumps(config["nav"], sort_keys=True, ensure_ascii=False, default=str).encode())
        self.code = code_fingerprint(project) + f"|pdf={links.pdfs}|docx={links.docx}|nav={menu.hexdigest()}"
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
        return self.state_job(edition.snapshot, edition_url(slug, edition.version)[:-1] + ".md", edition, notice)

    def state_job(self, state: State, src: str, edition: Edition | None = None, notice: dict | None = None) -> Job:
        """An edition's page, rendered from its snapshot; without an edition, a state rendered only for the
        check that no edition changed silently (its printed text)."""
        slug, title, version = state.position.slug, state.position.title, state.version
        spec = {"kind": "edition" if edition else "state", "slug": slug, "version": version, "notice": notice or {},
                "title": f"{title} — редакция {version}" if edition else title,
                "qr": self.qr(edition_url(slug, version)), "snapshot": self.sources.snapshot_id(state)}
        job = Job(src, spec["kind"], spec, edition=edition, state=state)
        job.key = _hash({"code": self.code, "spec": spec, "inputs": self.sources.inputs(state)})
        return job

    def comparison_job(self, older: Job, newer: Job) -> Job:
        slug, a, b = newer.edition.slug, older.edition, newer.edition
        url = comparison_url(slug, a.version, b.version)
        spec = comparison_spec(self.config, self.staff, slug, edition_side(a, older.src), edition_side(b, newer.src), url,
                               self.codes, self.links.pdfs)
        job = Job(url[:-1] + ".md", "compare", spec)
        job.key = _hash({"code": self.code, "spec": spec, "older": older.key, "newer": newer.key})
        return job

    def qr(self, url: str) -> str | None:
        return self.codes.address(self.config.get("site_url"), url)


def edition_side(edition: Edition, src: str | None = None) -> dict:
    """One side of a comparison as the change sheet names it: version, approval, order, date in force."""
    position = edition.position
    return {"src": src, "version": edition.version, "approved": _day(edition.approved),
            "order": position.approval_order, "current": edition.current, "url": edition.url, "model": None,
            "effective": _day(edition.approved), "draft": False, "position": position}


def comparison_spec(config, staff: Staff, slug: str, older: dict, newer: dict, url: str, codes: qr.Codes,
                    pdfs: bool) -> dict:
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
            "pdf": comparison_file(slug, older["version"], newer["version"], "pdf") if pdfs else None,
            "qr": codes.address(config.get("site_url"), url)}


def text_of(job: Job) -> str:
    """The edition's own text (HR's, untrusted): only plain macro calls may stand in it."""
    body = job.state.position.body
    if only_simple_calls(body, dict.fromkeys(INSTRUCTION_MACROS)) is None:
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
