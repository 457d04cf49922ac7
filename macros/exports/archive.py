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
from ..model.positions import Position, Staff
from ..render import qr
from ..render.text_filters import date_ru as _day
from ..render.archive_links import Links, comparison_file
from . import archive_sources as sources

CODE_PARTS = ("macros", "overrides", "mkdocs.yml")
PACKAGES = ("mkdocs", "mkdocs-material", "mkdocs-macros-plugin", "pymdown-extensions", "Markdown", "segno")


@dataclass
class Job:
    """One page of the archive: its source, what it is (edition | compare | state: rendered for a check
    only), what it shows and the key it is cached under."""

    src: str
    spec: dict
    key: str
    edition: Edition | None = None
    state: State | None = None
    snapshot: object = None  # archive_forms.Snapshot: the files the macros answer from, once it is rendered
    kind = property(lambda self: self.spec["kind"])
    dest = property(lambda self: self.src[:-3] + "/index.html")


class Planner:
    """The pages of the archive, for one build."""

    def __init__(self, archive: Archive, staff: Staff, config, project: Path, links: Links, codes: qr.Codes):
        self.archive, self.staff, self.config, self.project = archive, staff, config, project
        self.links, self.codes = links, codes
        # A page links to its PDF and .docx only when the build publishes them; its menu is the site's.
        self.code = code_fingerprint(project) + f"|pdf={links.pdfs}|docx={links.docx}|nav={_hash(config['nav'])}"
        signers = Company(config["extra"], staff).signing_positions
        self.sources = sources.Sources(archive, project, Path(config["docs_dir"]), signers)

    def jobs(self) -> list[Job]:
        """Each position's editions, then every two of them compared (older first)."""
        jobs: list[Job] = []
        for slug in sorted(self.archive.editions):
            editions = [self.edition_job(edition) for edition in self.archive.of(slug)]
            jobs += editions + [self.comparison_job(a, b) for at, b in enumerate(editions) for a in editions[:at]]
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
                "qr": self.codes.address(self.config.get("site_url"), edition_url(slug, version)),
                "snapshot": state.commit or sources.WORKTREE}
        key = _hash({"code": self.code, "spec": spec, "inputs": self.sources.inputs(state)})
        return Job(src, spec, key, edition, state)

    def comparison_job(self, older: Job, newer: Job) -> Job:
        a, b = older.edition, newer.edition
        url = comparison_url(b.slug, a.version, b.version)
        pdf = comparison_file(b.slug, a.version, b.version, "pdf") if self.links.pdfs else None
        spec = comparison_spec(self.config, self.staff, b.slug, b.position, edition_side(a, older.src),
                               edition_side(b, newer.src), self.codes.address(self.config.get("site_url"), url), pdf)
        return Job(url[:-1] + ".md", spec,
                   _hash({"code": self.code, "spec": spec, "older": older.key, "newer": newer.key}))

    def changed_under_same_version(self) -> dict[str, tuple[State, bool]]:
        """slug -> (its state at the base, whether its own files changed) for every approved position whose
        inputs changed since the base while the version stayed: these need both states rendered."""
        changed, found, sources = {}, self.archive, self.sources
        for position in self.staff.positions.values():
            base, current = found.base.get(position.slug), found.current(position.slug)
            if position.is_draft or base is None or current is None or base.version != position.version:
                continue  # a draft changes freely until it is approved
            now, at_base = current.snapshot, sources.positions_at(base)
            # Nothing printed can have changed while no position file, shared template or requisite (`extra:` of
            # mkdocs.yml, which is also code) did: then neither state is rendered.
            if (at_base == sources.positions_at(now) and sources.templates(base) == sources.templates(now)
                    and sources.requisites(base) == sources.requisites(now)):
                continue
            # The work tree names the positions its page shows blob by blob (a commit, one digest of its folder).
            named = sources.inputs(now)["named"] if now.commit is None else {}
            own = base.blob != now.blob or any(at_base.get(slug) != blob for slug, blob in named.items())
            changed[position.slug] = (base, own)
        return changed


def edition_side(edition: Edition, src: str | None = None) -> dict:
    """One side of a comparison as the change sheet names it: version, approval, order, date in force."""
    approved = _day(edition.approved)
    return {"src": src, "version": edition.version, "approved": approved, "order": edition.position.approval_order,
            "url": edition.url, "effective": approved, "draft": False}


def comparison_spec(config, staff: Staff, slug: str, position: Position, older: dict, newer: dict,
                    qr_target: str | None, pdf: str | None) -> dict:
    """What a «Лист изменений» shows besides the changes: the organisation, the position (the newer side's),
    both editions, who signs for the changes (the instruction's «Разработал»), its PDF and QR code."""
    drafter = Company(config["extra"], staff).signatories(position).drafter
    company = config["extra"].get("company") or {}
    compared = f"редакции {older['version']} с проектом редакции" if newer["draft"] else f"редакций {older['version']} и"
    return {"kind": "compare", "slug": slug, "older": older, "newer": newer,
            "title": f"{position.title}: сравнение {compared} {newer['version']}",
            "name": position.title, "genitive": position.genitive,
            "organisation": str(company.get("full_name") or company.get("name") or ""),
            "signer": {"title": drafter.title if drafter else "", "name": drafter.name if drafter else None},
            "pdf": pdf, "qr": qr_target}


def text_of(job: Job) -> str:
    """The edition's own text (HR's, untrusted): only plain macro calls may stand in it."""
    state = job.state
    if only_simple_calls(state.position.body, dict.fromkeys(INSTRUCTION_MACROS)) is not None:
        return state.position.body
    commit = (f"коммит {state.commit[:10]}" + (f" от {_day(state.date)}" if state.date else "")
              if state.commit else "рабочая копия")
    raise PluginError(
        f"Архив редакций: сегодняшний код не может собрать редакцию {state.version} должности "
        f"docs/{state.position.src_path} ({commit}): в тексте есть что-то кроме строк вида {{{{ имя() }}}} "
        "с макросами инструкции; такой текст не собирается. Как исправить: прежние редакции собираются "
        "сегодняшним кодом из файлов своего коммита; поправьте код так, чтобы они снова собирались "
        "(опубликованный сайт не изменён). Временно можно собрать сайт без архива: JOBDESC_ARCHIVE=0 mkdocs build")


def _hash(data) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()


def code_fingerprint(project: Path) -> str:
    """Today's code and config, and the versions of the packages that render: a change re-renders the archive."""
    digest = hashlib.sha256()
    for root in (project / part for part in CODE_PARTS):
        for path in [root] if root.is_file() else sorted(root.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(project).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    digest.update("".join(f"{name}={installed(name)}" for name in PACKAGES).encode())
    return digest.hexdigest()
