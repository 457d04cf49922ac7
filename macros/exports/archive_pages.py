"""The generated pages of one build: the archive's (those its cache lacks rendered by the site's own path,
the macros answering from their commit, then cached; the others copied from the cache) and the drafts'
(``positions/<slug>/draft/`` and its comparison ``compare/<in force>-draft/``).
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import markdown
import yaml
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.structure.pages import Page

from ..model.drafts import DRAFT_VERSION, Draft
from ..model.positions import Staff
from ..render import plain_calls, qr
from ..render.archive_links import comparison_file
from . import cache, document_text, pdf
from .archive import Job, Planner, comparison_spec, edition_side, text_of
from .archive_forms import ArchiveForms, comparison_html
from .cache import Settings, atomic_write, place, prune_cache


def hidden_page(config, src: str, title: str, body: str = "", **meta) -> File:
    """A generated page outside the menu, the search and its tags: an archive's page or a draft's comparison."""
    meta = {"title": title, "hide": ["navigation", "toc"], "search": {"exclude": True}, **meta}
    head = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, default_flow_style=True, width=10**6)
    return File.generated(config, src, content=f"---\n{head}---\n{body}", inclusion=InclusionLevel.NOT_IN_NAV)


class ArchivePages:
    """The archive's pages of one build (MkDocs renders every body before it writes any page, so a
    comparison can be filled in from the text of both its editions)."""

    def __init__(self, planner: Planner, forms: ArchiveForms, jobs: list[Job], settings: Settings, checked: dict):
        self.planner, self.forms, self.jobs, self.settings = planner, forms, jobs, settings
        self.checked = checked  # slug -> (its state at the base, whether its own files changed)
        started = time.monotonic()
        settings.cache_dir.mkdir(parents=True, exist_ok=True)
        # Rendered by this build: a page the cache lacks (an edition's, with its text; a state checked, only its text).
        parts = {"edition": (".html", ".json"), "compare": (".html",), "state": (".json",)}
        self.missing = {job.src: job for job in jobs if not all(self.path(job, s).is_file() for s in parts[job.kind])}
        # src -> {"blocks": [...], "printed": "..."} of every edition and state
        self.models: dict[str, dict] = {job.src: json.loads(self.path(job, ".json").read_text(encoding="utf-8"))
                                        for job in jobs if job.kind != "compare" and job.src not in self.missing}
        states = [job.state for job in self.missing.values() if job.state is not None]
        self.snapshots = planner.sources.snapshots(states, forms.env)
        self.seconds = time.monotonic() - started  # the archive's own work, not the pages MkDocs renders for it

    def path(self, job: Job, suffix: str) -> Path:
        return self.settings.cache_dir / f"{job.key}{suffix}"

    def add_files(self, files, config) -> None:
        for job in self.missing.values():
            if job.kind == "state":
                continue  # rendered for the checks only, never published (render_states)
            body = text_of(job) if job.kind == "edition" else ""
            self.show(job)
            # The body stands at its own lines of the committed file, so a problem names its real line.
            gap = "\n" * max(0, job.state.position.body_line - 4) if job.state is not None else "\n"
            # "archived": the archive makes its PDF and .docx (hooks/editions.py), not the downloads step.
            file = hidden_page(config, job.src, job.spec["title"], gap + body, sitemap=False, archived=True)
            if job.state is not None:  # messages name the file HR knows, and the edition
                file.source_file = f"docs/{job.state.position.src_path} (редакция {job.spec['version']} из истории git)"
            files.append(file)

    def show(self, job: Job) -> None:
        if job.kind != "compare":
            job.snapshot = self.snapshots[job.spec["snapshot"]]
            self.forms.pages[job.src] = job

    def page_content(self, src: str, html: str) -> None:
        job = self.missing.get(src)
        if job is not None and job.kind == "edition":
            self.models[src] = {"blocks": document_text.blocks(html), "printed": ""}

    def page_context(self, page) -> None:
        job = self.missing.get(page.file.src_uri)
        if job is None:
            return
        if job.kind == "edition":
            self.models[job.src]["printed"] = document_text.printed_text(page.content)
            return
        older, newer = (self.models.get(job.spec[side]["src"], {}).get("blocks", []) for side in ("older", "newer"))
        page.content = comparison_html(job.spec, older, newer, self.planner.config, page.url)

    def render_states(self, config) -> None:
        """The text of each state to check that the cache lacks, rendered by the site's own macros and Markdown
        outside MkDocs' page loop (a state checked is never published, so it is no page of the site); kept."""
        for job in self.missing.values():
            if job.kind != "state":
                continue
            self.show(job)
            body = text_of(job)
            with self.forms.rendering(Page(None, File.generated(config, job.src, content=body), config)):
                text = plain_calls.expand(body, self.forms.site_macros)
                html = markdown.Markdown(extensions=config["markdown_extensions"],
                                         extension_configs=config["mdx_configs"] or {}).convert(text)
            printed = document_text.printed_text(self.forms.blocks.release(html))
            self.models[job.src] = model = {"blocks": document_text.blocks(html), "printed": printed}
            atomic_write(self.path(job, ".json"), json.dumps(model, ensure_ascii=False).encode("utf-8"))
            del self.forms.pages[job.src]

    def publish(self, site: Path) -> str:
        """Every page this build rendered into the cache, every other one from the cache into the site."""
        started = time.monotonic()
        for job in self.jobs:
            target = site / job.dest
            if job.kind != "state" and job.src in self.missing:
                atomic_write(self.path(job, ".html"), target.read_bytes())
                if job.kind == "edition":
                    atomic_write(self.path(job, ".json"), json.dumps(self.models[job.src], ensure_ascii=False).encode())
            elif job.kind != "state":
                place(self.path(job, ".html"), target)
            for suffix in (".html", ".json"):  # used now: kept for another STALE_AFTER_DAYS
                if self.path(job, suffix).exists():
                    os.utime(self.path(job, suffix))
        prune_cache(self.settings.cache_dir, (".html", ".json"), {job.key for job in self.jobs})
        published = sum(1 for job in self.jobs if job.kind != "state")
        checked = len(self.jobs) - published
        extra = f" и {checked} для проверки правок без новой редакции" if checked else ""
        return (f"Архив редакций: {published} страниц редакций и сравнений{extra}; из них {len(self.missing)} "
                f"собрано заново, {len(self.jobs) - len(self.missing)} из кэша "
                f"({self.seconds + time.monotonic() - started:.1f} с)")


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
            text = (Path(self.config["docs_dir"]) / draft.position.src_path).read_text(encoding="utf-8")  # the draft
            page = File.generated(self.config, draft.page, content=text, inclusion=InclusionLevel.NOT_IN_NAV)
            page.source_file = f"docs/{draft.position.src_path}"  # the file HR edits: named in messages
            files.append(page)
            title = f"{draft.in_force.position.title}: сравнение редакции {draft.in_force.version} с проектом"
            files.append(hidden_page(self.config, draft.comparison[:-1] + ".md", title, tags=[]))

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
        in_force = {**edition_side(draft.in_force), "url": f"positions/{draft.slug}/"}  # the position's page shows it
        newer = {"src": None, "version": draft.position.version, "approved": "", "order": "", "url": draft.url,
                 "effective": "", "draft": True}
        pdf_file = comparison_file(draft.slug, draft.in_force.version, DRAFT_VERSION, "pdf") if self.pdfs else None
        spec = comparison_spec(self.config, self.staff, draft.slug, draft.position, in_force, newer,
                               self.codes.address(self.config.get("site_url"), draft.comparison), pdf_file)
        page.content = comparison_html(spec, self.blocks.get(f"positions/{draft.slug}.md", []),
                                       self.blocks.get(draft.page, []), self.config, page.url)

    def sheets(self, site: Path, settings: Settings) -> str:
        """The PDF of each draft's «Лист изменений»."""
        jobs = [cache.Job(site / draft.comparison / "index.html",
                          site / comparison_file(slug, draft.in_force.version, DRAFT_VERSION, "pdf"), None)
                for slug, draft in self.drafts.items()]
        return "Листы изменений проектов: " + pdf.build_pdfs(jobs, site, settings)
